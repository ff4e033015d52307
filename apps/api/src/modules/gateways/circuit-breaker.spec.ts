import { CircuitBreaker, CircuitOpenError, withRetries } from './circuit-breaker.js';

/** A clock the test moves by hand. */
function manualClock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => void (now += ms) };
}

const fail = () => Promise.reject(new Error('gateway down'));
const succeed = () => Promise.resolve('sent');

describe('CircuitBreaker', () => {
  it('stays closed and passes failures through below the threshold', async () => {
    const clock = manualClock();
    const breaker = new CircuitBreaker(3, 30_000, clock.now);
    await expect(breaker.run(fail)).rejects.toThrow('gateway down');
    await expect(breaker.run(fail)).rejects.toThrow('gateway down');
    expect(breaker.isOpen).toBe(false);
    await expect(breaker.run(succeed)).resolves.toBe('sent');
  });

  it('opens after the threshold of consecutive failures', async () => {
    const clock = manualClock();
    const breaker = new CircuitBreaker(3, 30_000, clock.now);
    for (let i = 0; i < 3; i++) await expect(breaker.run(fail)).rejects.toThrow('gateway down');
    expect(breaker.isOpen).toBe(true);
  });

  it('counts only consecutive failures: a success in between starts the count again', async () => {
    const clock = manualClock();
    const breaker = new CircuitBreaker(3, 30_000, clock.now);
    await expect(breaker.run(fail)).rejects.toThrow();
    await expect(breaker.run(fail)).rejects.toThrow();
    await expect(breaker.run(succeed)).resolves.toBe('sent');
    await expect(breaker.run(fail)).rejects.toThrow();
    await expect(breaker.run(fail)).rejects.toThrow();
    expect(breaker.isOpen).toBe(false);
  });

  it('fails fast without calling the outside system while open', async () => {
    const clock = manualClock();
    const breaker = new CircuitBreaker(2, 30_000, clock.now);
    for (let i = 0; i < 2; i++) await expect(breaker.run(fail)).rejects.toThrow('gateway down');
    let calls = 0;
    clock.advance(29_999);
    await expect(
      breaker.run(async () => {
        calls++;
        return 'sent';
      }),
    ).rejects.toBeInstanceOf(CircuitOpenError);
    expect(calls).toBe(0);
  });

  it('after the cool-down lets a trial call through, and its success closes the circuit', async () => {
    const clock = manualClock();
    const breaker = new CircuitBreaker(2, 30_000, clock.now);
    for (let i = 0; i < 2; i++) await expect(breaker.run(fail)).rejects.toThrow();
    clock.advance(30_000);
    expect(breaker.isOpen).toBe(false);
    await expect(breaker.run(succeed)).resolves.toBe('sent');
    // Closed for good: one new failure does not reopen it.
    await expect(breaker.run(fail)).rejects.toThrow('gateway down');
    expect(breaker.isOpen).toBe(false);
  });

  it('after the cool-down a failing trial call reopens the circuit at once for another cool-down', async () => {
    const clock = manualClock();
    const breaker = new CircuitBreaker(2, 30_000, clock.now);
    for (let i = 0; i < 2; i++) await expect(breaker.run(fail)).rejects.toThrow();
    clock.advance(30_000);
    await expect(breaker.run(fail)).rejects.toThrow('gateway down');
    expect(breaker.isOpen).toBe(true);
    clock.advance(29_999);
    await expect(breaker.run(succeed)).rejects.toBeInstanceOf(CircuitOpenError);
    clock.advance(1);
    await expect(breaker.run(succeed)).resolves.toBe('sent');
  });
});

describe('withRetries', () => {
  it('makes 1 + retries attempts, numbered from 0, then throws the last error', async () => {
    const attempts: number[] = [];
    await expect(
      withRetries(
        async (attempt) => {
          attempts.push(attempt);
          throw new Error(`failure ${attempt}`);
        },
        3,
        1,
      ),
    ).rejects.toThrow('failure 3');
    expect(attempts).toEqual([0, 1, 2, 3]);
  });

  it('stops retrying as soon as an attempt succeeds', async () => {
    let calls = 0;
    const result = await withRetries(
      async (attempt) => {
        calls++;
        if (attempt < 2) throw new Error('flaky');
        return 'ok';
      },
      5,
      1,
    );
    expect(result).toBe('ok');
    expect(calls).toBe(3);
  });

  it('does not retry an error the retryable test rejects', async () => {
    let calls = 0;
    await expect(
      withRetries(
        async () => {
          calls++;
          throw new TypeError('final');
        },
        3,
        1,
        (error) => !(error instanceof TypeError),
      ),
    ).rejects.toThrow('final');
    expect(calls).toBe(1);
  });

  it('makes a single attempt with zero retries', async () => {
    let calls = 0;
    await expect(
      withRetries(
        async () => {
          calls++;
          throw new Error('down');
        },
        0,
        1,
      ),
    ).rejects.toThrow('down');
    expect(calls).toBe(1);
  });

  it('backs off exponentially: base, 2×base, 4×base between attempts', async () => {
    const times: number[] = [];
    await expect(
      withRetries(
        async () => {
          times.push(performance.now());
          throw new Error('down');
        },
        3,
        10,
      ),
    ).rejects.toThrow('down');
    const gaps = times.slice(1).map((t, i) => t - times[i]);
    // Timers never fire early by more than rounding, so each gap is at least its delay.
    expect(gaps[0]).toBeGreaterThanOrEqual(9);
    expect(gaps[1]).toBeGreaterThanOrEqual(19);
    expect(gaps[2]).toBeGreaterThanOrEqual(39);
  });
});

describe('CircuitBreaker, what counts and the half-open trial', () => {
  it('does not open for errors that are not outages (e.g. a refused message)', async () => {
    const clock = manualClock();
    const breaker = new CircuitBreaker(2, 30_000, clock.now, (error) => (error as Error).message === 'gateway down');
    const refused = () => Promise.reject(new Error('bad phone number'));
    for (let i = 0; i < 5; i++) await expect(breaker.run(refused)).rejects.toThrow('bad phone number');
    expect(breaker.isOpen).toBe(false);
  });

  it('lets exactly one trial call through after the cool-down; the others fail fast until it ends', async () => {
    const clock = manualClock();
    const breaker = new CircuitBreaker(1, 30_000, clock.now);
    await expect(breaker.run(fail)).rejects.toThrow();
    clock.advance(30_000);
    let release!: (value: string) => void;
    const trial = breaker.run(() => new Promise<string>((resolve) => (release = resolve)));
    await expect(breaker.run(succeed)).rejects.toBeInstanceOf(CircuitOpenError);
    release('sent');
    await expect(trial).resolves.toBe('sent');
    await expect(breaker.run(succeed)).resolves.toBe('sent');
  });

  it('a failed trial opens the circuit again for a whole cool-down', async () => {
    const clock = manualClock();
    const breaker = new CircuitBreaker(3, 30_000, clock.now);
    for (let i = 0; i < 3; i++) await expect(breaker.run(fail)).rejects.toThrow();
    clock.advance(30_000);
    await expect(breaker.run(fail)).rejects.toThrow('gateway down');
    expect(breaker.isOpen).toBe(true);
    clock.advance(29_999);
    await expect(breaker.run(succeed)).rejects.toBeInstanceOf(CircuitOpenError);
  });
});
