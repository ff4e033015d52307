/**
 * Stops calling an outside system that keeps failing: after `threshold` consecutive failures the
 * circuit opens for `coolDownMs`, during which calls fail at once; then one trial call decides.
 */
export class CircuitBreaker {
  private failures = 0;
  private openedAt: number | null = null;
  private trialInFlight = false;

  /**
   * @param isOutage which errors say the outside system is unwell; a refusal of one request
   *   (a 4xx, say) is the caller's problem and does not count towards opening the circuit.
   */
  constructor(
    private readonly threshold: number,
    private readonly coolDownMs: number,
    private readonly now: () => number = Date.now,
    private readonly isOutage: (error: unknown) => boolean = () => true,
  ) {}

  get isOpen(): boolean {
    return this.openedAt !== null && this.now() - this.openedAt < this.coolDownMs;
  }

  async run<T>(call: () => Promise<T>): Promise<T> {
    if (this.isOpen) throw new CircuitOpenError();
    // Half-open: after the cool-down one trial call decides; others fail fast meanwhile.
    const trial = this.openedAt !== null;
    if (trial && this.trialInFlight) throw new CircuitOpenError();
    this.trialInFlight = trial;
    try {
      const result = await call();
      this.failures = 0;
      this.openedAt = null;
      return result;
    } catch (error) {
      if (this.isOutage(error)) {
        this.failures++;
        if (this.failures >= this.threshold || trial) this.openedAt = this.now();
      } else if (trial) {
        this.openedAt = null;
        this.failures = 0;
      }
      throw error;
    } finally {
      if (trial) this.trialInFlight = false;
    }
  }
}

export class CircuitOpenError extends Error {
  constructor() {
    super('circuit open: the outside system failed repeatedly; not calling it for a while');
  }
}

/** Retries with exponential back-off (base, 2×base, 4×base…) — only for errors `retryable` accepts. */
export async function withRetries<T>(
  call: (attempt: number) => Promise<T>,
  retries: number,
  baseDelayMs: number,
  retryable: (error: unknown) => boolean = () => true,
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await call(attempt);
    } catch (error) {
      if (attempt >= retries || !retryable(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, baseDelayMs * 2 ** attempt));
    }
  }
}
