import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { MemoryRateLimiter } from './rate-limiter.js';
import { RedisRateLimiter } from './redis-rate-limiter.js';

const silent = pino({ level: 'silent' });

function manualClock(start = 1_700_000_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => void (now += ms) };
}

describe('MemoryRateLimiter (fixed window)', () => {
  it('allows `limit` hits in a window and refuses the next', async () => {
    const limiter = new MemoryRateLimiter(manualClock().now);
    for (let i = 0; i < 3; i++) await expect(limiter.hit('ip:1', 3, 60)).resolves.toMatchObject({ allowed: true });
    await expect(limiter.hit('ip:1', 3, 60)).resolves.toMatchObject({ allowed: false });
  });

  it('says how many seconds remain until the window resets', async () => {
    const clock = manualClock();
    const limiter = new MemoryRateLimiter(clock.now);
    await limiter.hit('ip:1', 1, 60);
    clock.advance(15_500);
    await expect(limiter.hit('ip:1', 1, 60)).resolves.toEqual({ allowed: false, retryAfter: 45 });
  });

  it('starts a fresh window once the old one has run out', async () => {
    const clock = manualClock();
    const limiter = new MemoryRateLimiter(clock.now);
    await limiter.hit('ip:1', 1, 60);
    clock.advance(59_999);
    await expect(limiter.hit('ip:1', 1, 60)).resolves.toMatchObject({ allowed: false });
    clock.advance(1);
    await expect(limiter.hit('ip:1', 1, 60)).resolves.toEqual({ allowed: true, retryAfter: 60 });
  });

  it('counts each key on its own', async () => {
    const limiter = new MemoryRateLimiter(manualClock().now);
    await limiter.hit('account:alice', 1, 60);
    await expect(limiter.hit('account:alice', 1, 60)).resolves.toMatchObject({ allowed: false });
    await expect(limiter.hit('account:bob', 1, 60)).resolves.toMatchObject({ allowed: true });
  });

  it('still counts correctly after an hour of keys coming and going (old windows are swept)', async () => {
    const clock = manualClock();
    const limiter = new MemoryRateLimiter(clock.now);
    for (let minute = 0; minute < 60; minute++) {
      await limiter.hit(`ip:${minute}`, 1, 60);
      clock.advance(61_000);
    }
    await expect(limiter.hit('ip:0', 1, 60)).resolves.toMatchObject({ allowed: true });
    await expect(limiter.hit('ip:0', 1, 60)).resolves.toMatchObject({ allowed: false });
  });
});

/**
 * The limiter fails open and queues nothing while it connects, so a test waits until a hit gets a
 * real answer (retryAfter > 0) before relying on the counts.
 */
async function untilConnected(limiter: RedisRateLimiter, probeKey: string): Promise<void> {
  for (let tries = 0; tries < 100; tries++) {
    if ((await limiter.hit(probeKey, 1_000_000, 60)).retryAfter > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('Redis at 127.0.0.1:6379 did not answer within 2 s');
}

// The machine's real Redis; keys carry a per-run prefix and expire with their window.
describe('RedisRateLimiter (real Redis at redis://127.0.0.1:6379)', () => {
  const run = `jest-${randomUUID()}`;
  let limiter: RedisRateLimiter;

  beforeAll(async () => {
    limiter = new RedisRateLimiter('redis://127.0.0.1:6379', silent);
    await untilConnected(limiter, `${run}:probe`);
  });
  afterAll(async () => {
    await limiter.close();
    const redis = new Redis('redis://127.0.0.1:6379');
    try {
      const keys = await redis.keys(`butie:rl:${run}:*`);
      if (keys.length > 0) await redis.del(...keys);
    } finally {
      redis.disconnect();
    }
  });

  it('allows `limit` hits in a window and refuses the next, with the seconds left', async () => {
    const key = `${run}:limit`;
    for (let i = 0; i < 3; i++) await expect(limiter.hit(key, 3, 60)).resolves.toMatchObject({ allowed: true });
    const refused = await limiter.hit(key, 3, 60);
    expect(refused.allowed).toBe(false);
    expect(refused.retryAfter).toBeGreaterThanOrEqual(59);
    expect(refused.retryAfter).toBeLessThanOrEqual(60);
  });

  it('counts each key on its own', async () => {
    await limiter.hit(`${run}:a`, 1, 60);
    await expect(limiter.hit(`${run}:a`, 1, 60)).resolves.toMatchObject({ allowed: false });
    await expect(limiter.hit(`${run}:b`, 1, 60)).resolves.toMatchObject({ allowed: true });
  });

  it('shares the count between two limiters (two API replicas)', async () => {
    const other = new RedisRateLimiter('redis://127.0.0.1:6379', silent);
    try {
      await untilConnected(other, `${run}:probe`);
      await limiter.hit(`${run}:shared`, 1, 60);
      await expect(other.hit(`${run}:shared`, 1, 60)).resolves.toMatchObject({ allowed: false });
    } finally {
      await other.close();
    }
  });

  it('starts a fresh window once the old one has expired', async () => {
    const key = `${run}:window`;
    await limiter.hit(key, 1, 1);
    await expect(limiter.hit(key, 1, 1)).resolves.toMatchObject({ allowed: false, retryAfter: 1 });
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await expect(limiter.hit(key, 1, 1)).resolves.toMatchObject({ allowed: true });
  });

  it('lets requests through when Redis cannot be reached', async () => {
    // Port 1 has no Redis: the PostgreSQL-backed lockout and SMS limits still hold meanwhile.
    const unreachable = new RedisRateLimiter('redis://127.0.0.1:1', silent);
    try {
      await expect(unreachable.hit(`${run}:down`, 1, 60)).resolves.toEqual({ allowed: true, retryAfter: 0 });
      await expect(unreachable.hit(`${run}:down`, 1, 60)).resolves.toEqual({ allowed: true, retryAfter: 0 });
    } finally {
      await unreachable.close();
    }
  });
});
