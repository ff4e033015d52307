/** Fixed-window counters for the auth endpoints: in memory on one machine, in Redis when scaled out. */
export interface RateLimitResult {
  allowed: boolean;
  /** Seconds until the window resets (when refused). */
  retryAfter: number;
}

export abstract class RateLimiter {
  abstract hit(key: string, limit: number, windowSeconds: number): Promise<RateLimitResult>;
  async close(): Promise<void> {}
}

export class MemoryRateLimiter extends RateLimiter {
  private readonly windows = new Map<string, { count: number; resetAt: number }>();
  private lastSweep = Date.now();

  constructor(private readonly now: () => number = Date.now) {
    super();
  }

  async hit(key: string, limit: number, windowSeconds: number): Promise<RateLimitResult> {
    const now = this.now();
    this.sweep(now);
    let window = this.windows.get(key);
    if (!window || window.resetAt <= now) {
      window = { count: 0, resetAt: now + windowSeconds * 1000 };
      this.windows.set(key, window);
    }
    window.count++;
    const retryAfter = Math.ceil((window.resetAt - now) / 1000);
    return { allowed: window.count <= limit, retryAfter };
  }

  /** Drops finished windows now and then so that the map cannot grow without bound. */
  private sweep(now: number) {
    if (now - this.lastSweep < 60_000) return;
    this.lastSweep = now;
    for (const [key, window] of this.windows) if (window.resetAt <= now) this.windows.delete(key);
  }
}
