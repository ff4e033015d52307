import type { Logger } from 'pino';
import { CircuitBreaker, withRetries } from '../circuit-breaker.js';
import { SmsGateway, SmsSendError, type SmsMessage, type SmsReceipt } from './sms-gateway.js';

export interface HttpSmsSettings {
  url: string;
  token: string | null;
  timeoutMs: number;
  retries: number;
}

class RetryableFailure extends Error {}

/**
 * The real SMS service: POST {phone, template, values} as JSON with a bearer token. Timeouts,
 * network errors and 5xx are retried with back-off; 4xx is final; repeated failure opens the circuit.
 */
export class HttpSmsGateway extends SmsGateway {
  readonly deliversToEveryPhone = false;
  // Only an unreachable or failing service opens the circuit; a refused message (4xx) does not.
  private readonly breaker = new CircuitBreaker(5, 30_000, Date.now, (error) => error instanceof RetryableFailure);

  constructor(
    private readonly settings: HttpSmsSettings,
    private readonly logger: Logger,
  ) {
    super();
  }

  mayReach(): boolean {
    return true;
  }

  async latestReceipt(): Promise<SmsReceipt> {
    return {};
  }

  async send(message: SmsMessage): Promise<SmsReceipt> {
    try {
      await this.breaker.run(() =>
        withRetries(() => this.post(message), this.settings.retries, 200, (error) => error instanceof RetryableFailure),
      );
    } catch (error) {
      this.logger.warn({ err: { message: (error as Error).message }, template: message.template }, 'sms send failed');
      throw new SmsSendError((error as Error).message);
    }
    return {};
  }

  private async post(message: SmsMessage): Promise<void> {
    let response: Response;
    try {
      response = await fetch(this.settings.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(this.settings.token ? { authorization: `Bearer ${this.settings.token}` } : {}),
        },
        body: JSON.stringify(message),
        signal: AbortSignal.timeout(this.settings.timeoutMs),
      });
    } catch (error) {
      throw new RetryableFailure(`sms gateway unreachable: ${(error as Error).message}`);
    }
    if (response.status >= 500) throw new RetryableFailure(`sms gateway answered ${response.status}`);
    if (!response.ok) throw new Error(`sms gateway refused the message: ${response.status}`);
  }
}
