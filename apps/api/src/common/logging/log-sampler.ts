/**
 * One line per kind of event per interval instead of one per request: a database outage under load
 * wrote 19,000 identical warnings in 10 s. The line that is written says how many were left out.
 */
export class LogSampler {
  private readonly last = new Map<string, { at: number; suppressed: number }>();

  constructor(
    private readonly intervalMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** The number of events left out since the last line, when this one should be logged; else null. */
  take(kind: string): { suppressed: number } | null {
    const now = this.now();
    const entry = this.last.get(kind);
    if (entry && now - entry.at < this.intervalMs) {
      entry.suppressed++;
      return null;
    }
    this.last.set(kind, { at: now, suppressed: 0 });
    return { suppressed: entry?.suppressed ?? 0 };
  }
}
