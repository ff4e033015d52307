import type { DegreeRecord } from '@butie/contracts';
import { gatewayUnavailable } from '../gateways.errors.js';
import { GatewayUnavailableError } from '../resilience.js';

/**
 * 教育部学历学位查询 (domain §7): the Ministry of Education's record of a graduation certificate
 * (numbers compared in upper case). null: no such certificate.
 */
export abstract class DegreeVerificationGateway {
  /** Throws 503 GATEWAY_UNAVAILABLE (Retry-After) when the service cannot answer now. */
  async verify(certificateNumber: string): Promise<DegreeRecord | null> {
    try {
      return await this.fetchRecord(certificateNumber.trim().toUpperCase());
    } catch (error) {
      if (error instanceof GatewayUnavailableError) throw gatewayUnavailable('DEGREE', error);
      throw error;
    }
  }

  protected abstract fetchRecord(certificateNumber: string): Promise<DegreeRecord | null>;
}
