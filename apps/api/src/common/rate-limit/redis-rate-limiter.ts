import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { RateLimiter, type RateLimitResult } from './rate-limiter.js';

// INCR and set the expiry on the first hit in one round trip, atomically.
const HIT_SCRIPT = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return {count, redis.call('PTTL', KEYS[1])}
`;

/**
 * Shared counters for several API replicas. If Redis is unreachable the limiter lets requests
 * through (and logs it): the lockout and SMS limits, kept in PostgreSQL, still hold.
 */
export class RedisRateLimiter extends RateLimiter {
  private readonly redis: Redis;

  constructor(url: string, private readonly logger: Logger) {
    super();
    this.redis = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 1, enableOfflineQueue: false, keyPrefix: 'butie:rl:' });
    this.redis.on('error', (error) => this.logger.warn({ err: { message: error.message } }, 'redis rate limiter error'));
  }

  async hit(key: string, limit: number, windowSeconds: number): Promise<RateLimitResult> {
    try {
      const [count, ttl] = (await this.redis.eval(HIT_SCRIPT, 1, key, String(windowSeconds * 1000))) as [number, number];
      return { allowed: count <= limit, retryAfter: Math.max(1, Math.ceil(ttl / 1000)) };
    } catch (error) {
      this.logger.warn({ err: { message: (error as Error).message } }, 'rate limit check skipped: redis unavailable');
      return { allowed: true, retryAfter: 0 };
    }
  }

  override async close(): Promise<void> {
    this.redis.disconnect();
  }
}
