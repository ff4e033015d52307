import { createHmac } from 'node:crypto';
import { TEST_ENV } from './test-env.js';

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/**
 * Builds JWTs by hand so that tests can present exactly the token an attacker would: any header
 * (alg none, HS512), any claims, any secret.
 */
export function forgeJwt(
  payload: Record<string, unknown>,
  options: { alg?: 'HS256' | 'HS384' | 'HS512' | 'none'; secret?: string; header?: Record<string, unknown> } = {},
): string {
  const alg = options.alg ?? 'HS256';
  const head = `${b64({ alg, typ: 'JWT', ...options.header })}.${b64(payload)}`;
  if (alg === 'none') return `${head}.`;
  const digest = { HS256: 'sha256', HS384: 'sha384', HS512: 'sha512' }[alg];
  const signature = createHmac(digest, options.secret ?? TEST_ENV.JWT_SECRET).update(head).digest('base64url');
  return `${head}.${signature}`;
}

export function claimsOf(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as Record<string, unknown>;
}
