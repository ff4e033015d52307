import type { DegreeRecord } from '@butie/contracts';
import type { GatewayEndpoint, GatewayResilience } from '../../../config/app-config.js';
import { GatewayHttpClient } from '../gateway-http-client.js';
import { readDegreeRecord } from '../records.js';
import { DegreeVerificationGateway } from './degree-gateway.js';

/** The Ministry of Education's service: GET {url}/certificates/{certificateNumber} (docs/gateways.md). */
export class HttpDegreeVerificationGateway extends DegreeVerificationGateway {
  readonly client: GatewayHttpClient;

  constructor(endpoint: GatewayEndpoint, resilience: GatewayResilience, backoffMs?: number) {
    super();
    this.client = new GatewayHttpClient(endpoint, resilience, backoffMs);
  }

  protected fetchRecord(certificateNumber: string): Promise<DegreeRecord | null> {
    return this.client.get(`/certificates/${encodeURIComponent(certificateNumber)}`, (body) => {
      const record = readDegreeRecord(body);
      return record?.certificateNumber === certificateNumber ? record : null;
    });
  }
}
