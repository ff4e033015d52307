import { AppConfig } from '../../../config/app-config.js';
import { AppError } from '../../../common/errors/app-error.js';
import { RateLimiter } from '../../../common/rate-limit/rate-limiter.js';

/**
 * The per-account (or per-phone) limit of the public sign-in and password routes: the account or
 * phone named by the request, whichever address it comes from. The per-address limit is on the
 * routes themselves (LimitPerClient).
 */
export async function limitPerAccount(limiter: RateLimiter, config: AppConfig, accountKey: string): Promise<void> {
  const result = await limiter.hit(`acct:${accountKey}`, config.auth.rateLimitPerAccountPerMinute, 60);
  if (!result.allowed) {
    throw new AppError('RATE_LIMITED', `请求过于频繁，请 ${result.retryAfter} 秒后再试`, { retryAfter: result.retryAfter });
  }
}
