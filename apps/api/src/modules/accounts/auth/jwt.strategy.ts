import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { AppConfig } from '../../../config/app-config.js';
import type { AuthUser } from '../../../common/auth/auth-user.js';
import { AppError } from '../../../common/errors/app-error.js';
import { ACCESS_AUDIENCE, JWT_ALGORITHM, JWT_ISSUER, jwtKey, SessionsService, type AccessClaims } from '../sessions/sessions.service.js';

/**
 * Verifies access tokens: HS256 only (named explicitly, so `alg: none` and algorithm swaps fail),
 * our issuer and the API audience; then the session behind it must still be live.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    config: AppConfig,
    private readonly sessions: SessionsService,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // passport-jwt's type says string | Buffer; jsonwebtoken takes the KeyObject as it is.
      secretOrKey: jwtKey(config.auth.jwtSecret) as unknown as string,
      algorithms: [JWT_ALGORITHM],
      issuer: JWT_ISSUER,
      audience: ACCESS_AUDIENCE,
      ignoreExpiration: false,
    });
  }

  async validate(payload: Partial<AccessClaims> & { exp?: unknown }): Promise<AuthUser> {
    // jsonwebtoken checks `exp` only when present: a token without one would never expire.
    const wellFormed = payload.typ === 'access' && typeof payload.exp === 'number' && typeof payload.sub === 'string' && typeof payload.sid === 'string';
    if (!wellFormed || !isUuid(payload.sid!)) {
      throw new AppError('TOKEN_INVALID', '访问令牌无效，请重新登录');
    }
    return this.sessions.principalFor(payload as AccessClaims);
  }
}

function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}
