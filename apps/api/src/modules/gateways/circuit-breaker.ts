/**
 * Stops calling an outside system that keeps failing: after `threshold` consecutive failures the
 * circuit opens for `coolDownMs`, during which calls fail at once; then one trial call decides.
 */
export class CircuitBreaker {
  private failures = 0;
  private openedAt: number | null = null;

  constructor(
    private readonly threshold: number,
    private readonly coolDownMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  get isOpen(): boolean {
    return this.openedAt !== null && this.now() - this.openedAt < this.coolDownMs;
  }

  async run<T>(call: () => Promise<T>): Promise<T> {
    if (this.isOpen) throw new CircuitOpenError();
    try {
      const result = await call();
      this.failures = 0;
      this.openedAt = null;
      return result;
    } catch (error) {
      this.failures++;
      if (this.failures >= this.threshold) this.openedAt = this.now();
      throw error;
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
