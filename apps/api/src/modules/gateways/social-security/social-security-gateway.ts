import type { SocialSecurityRecord } from '@butie/contracts';
import { gatewayUnavailable } from '../gateways.errors.js';
import { GatewayUnavailableError } from '../resilience.js';

/**
 * 社保系统 (domain §7): a person's enterprise pension insurance, every contributed month, and the
 * bank account of their social-security card. null: the bureau has no record of the person.
 */
export abstract class SocialSecurityGateway {
  /** Throws 503 GATEWAY_UNAVAILABLE (Retry-After) when the service cannot answer now. */
  async lookup(idNumber: string): Promise<SocialSecurityRecord | null> {
    try {
      return await this.fetchRecord(idNumber.trim().toUpperCase());
    } catch (error) {
      if (error instanceof GatewayUnavailableError) throw gatewayUnavailable('SOCIAL_SECURITY', error);
      throw error;
    }
  }

  protected abstract fetchRecord(idNumber: string): Promise<SocialSecurityRecord | null>;
}
