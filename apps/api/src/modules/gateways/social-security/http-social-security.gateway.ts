import type { SocialSecurityRecord } from '@butie/contracts';
import type { GatewayEndpoint, GatewayResilience } from '../../../config/app-config.js';
import { GatewayHttpClient } from '../gateway-http-client.js';
import { readSocialSecurityRecord } from '../records.js';
import { SocialSecurityGateway } from './social-security-gateway.js';

/** The bureau's service: GET {url}/pension-records/{idNumber} (docs/gateways.md). */
export class HttpSocialSecurityGateway extends SocialSecurityGateway {
  readonly client: GatewayHttpClient;

  constructor(endpoint: GatewayEndpoint, resilience: GatewayResilience, backoffMs?: number) {
    super();
    this.client = new GatewayHttpClient(endpoint, resilience, backoffMs);
  }

  protected fetchRecord(idNumber: string): Promise<SocialSecurityRecord | null> {
    // An answer about someone else is as broken as no answer.
    return this.client.get(`/pension-records/${encodeURIComponent(idNumber)}`, (body) => {
      const record = readSocialSecurityRecord(body);
      return record?.idNumber === idNumber ? record : null;
    });
  }
}
