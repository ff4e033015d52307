import type { Logger } from 'pino';
import { GatewayHttpClient } from '../gateway-http-client.js';
import { SmsGateway, SmsSendError, type SmsMessage, type SmsReceipt } from './sms-gateway.js';

export interface HttpSmsSettings {
  url: string;
  token: string | null;
  timeoutMs: number;
  retries: number;
}

/**
 * The real SMS service: POST {phone, template, values} as JSON with a bearer token, through the
 * gateways' one resilience policy (timeouts, network errors and 5xx retried with back-off, 4xx
 * final, repeated outages open the circuit).
 */
export class HttpSmsGateway extends SmsGateway {
  readonly deliversToEveryPhone = false;
  private readonly client: GatewayHttpClient;

  constructor(
    settings: HttpSmsSettings,
    private readonly logger: Logger,
  ) {
    super();
    this.client = new GatewayHttpClient(
      { url: settings.url, token: settings.token },
      { timeoutMs: settings.timeoutMs, retries: settings.retries, breakerFailures: 5, breakerCoolDownMs: 30_000 },
    );
  }

  mayReach(): boolean {
    return true;
  }

  async latestReceipt(): Promise<SmsReceipt> {
    return {};
  }

  async send(message: SmsMessage): Promise<SmsReceipt> {
    try {
      await this.client.post('', message);
    } catch (error) {
      this.logger.warn({ err: { message: (error as Error).message }, template: message.template }, 'sms send failed');
      throw new SmsSendError((error as Error).message);
    }
    return {};
  }
}
