import {
  BrokenCircuitError,
  circuitBreaker,
  CircuitState,
  ConsecutiveBreaker,
  ExponentialBackoff,
  handleWhen,
  retry,
  TaskCancelledError,
  timeout,
  TimeoutStrategy,
  wrap,
  type IPolicy,
} from 'cockatiel';
import type { GatewayResilience } from '../../config/app-config.js';

/**
 * The outside system is unwell: no answer in time, no connection, a 5xx, or an answer that breaks
 * its contract. Retried with back-off and counted by the circuit breaker. A refusal of one request
 * (a 4xx) is not an outage: it is neither retried nor counted.
 */
export class GatewayOutage extends Error {}

/** What the callers see when a gateway could not answer now: they tell the user to try again later. */
export class GatewayUnavailableError extends Error {
  constructor(
    readonly retryAfterSeconds: number,
    readonly reason: string,
  ) {
    super(`gateway unavailable: ${reason}`);
  }
}

const isOutage = (error: Error) => error instanceof GatewayOutage || error instanceof TaskCancelledError;

/**
 * cockatiel's timeout per attempt, inside a circuit breaker, inside retries with exponential
 * back-off: a slow attempt is cut at `timeoutMs` and tried again; after `breakerFailures`
 * consecutive outages calls fail at once for `breakerCoolDownMs`, then one trial call decides
 * (half-open). Everything that still fails leaves as GatewayUnavailableError.
 */
export class ResilientCaller {
  private readonly breaker;
  private readonly policy: IPolicy;

  constructor(
    private readonly settings: GatewayResilience,
    backoffMs = 200,
  ) {
    this.breaker = circuitBreaker(handleWhen(isOutage), {
      halfOpenAfter: settings.breakerCoolDownMs,
      breaker: new ConsecutiveBreaker(settings.breakerFailures),
    });
    const retries = retry(handleWhen(isOutage), {
      maxAttempts: settings.retries,
      backoff: new ExponentialBackoff({ initialDelay: backoffMs, maxDelay: backoffMs * 8 }),
    });
    this.policy = wrap(retries, this.breaker, timeout(settings.timeoutMs, TimeoutStrategy.Aggressive));
  }

  /** Whether calls fail at once now (open), or the next decides (half-open). */
  get circuit(): 'closed' | 'open' | 'half-open' {
    const state = this.breaker.state;
    return state === CircuitState.Closed ? 'closed' : state === CircuitState.HalfOpen ? 'half-open' : 'open';
  }

  async call<T>(attempt: (signal: AbortSignal) => Promise<T>): Promise<T> {
    try {
      return await this.policy.execute(({ signal }) => attempt(signal));
    } catch (error) {
      if (error instanceof BrokenCircuitError) throw new GatewayUnavailableError(Math.ceil(this.settings.breakerCoolDownMs / 1000), 'circuit open');
      if (error instanceof TaskCancelledError) throw new GatewayUnavailableError(10, `no answer within ${this.settings.timeoutMs} ms`);
      if (error instanceof GatewayOutage) throw new GatewayUnavailableError(10, error.message);
      throw error;
    }
  }
}
