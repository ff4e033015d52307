import { applyDecorators } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors/app-error.js';
import { ApiProblems } from '../openapi/api-problems.js';
import type { RateLimiter } from './rate-limiter.js';

const LIMIT_PER_CLIENT = 'butieLimitPerClient';

/**
 * Public routes that cost something (sign-in, SMS) count every request per client address, before
 * the body is read: a request refused for its body (too deep, malformed) counts as much as any.
 */
export const LimitPerClient = () => applyDecorators(RouteConfig({ [LIMIT_PER_CLIENT]: true }), ApiProblems('RATE_LIMITED'));

export function registerClientRateLimit(fastify: FastifyInstance, limiter: RateLimiter, perMinute: number): void {
  fastify.addHook('onRequest', async (request) => {
    if ((request.routeOptions.config as unknown as Record<string, unknown> | undefined)?.[LIMIT_PER_CLIENT] !== true) return;
    const result = await limiter.hit(`ip:${request.ip}`, perMinute, 60);
    if (!result.allowed) {
      throw new AppError('RATE_LIMITED', `请求过于频繁，请 ${result.retryAfter} 秒后再试`, { retryAfter: result.retryAfter });
    }
  });
}
