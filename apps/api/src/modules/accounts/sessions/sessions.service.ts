import { createHash, createSecretKey, randomBytes, type KeyObject } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { SessionTokens } from '@butie/contracts';
import { AppConfig } from '../../../config/app-config.js';
import type { AuthUser, ClientInfo } from '../../../common/auth/auth-user.js';
import { AppError } from '../../../common/errors/app-error.js';
import { UnitOfWork } from '../../../database/unit-of-work.js';
import { AuditService } from '../../audit/audit.service.js';
import { UsersRepository } from '../users/users.repository.js';
import { mapUserView } from '../../../common/auth/session-tokens.dto.js';
import { SessionsRepository, type SessionPrincipal } from './sessions.repository.js';

export const JWT_ISSUER = 'butietong';
export const ACCESS_AUDIENCE = 'butietong-api';
export const MFA_AUDIENCE = 'butietong-mfa';
export const LINK_AUDIENCE = 'butietong-link';
/** Long enough for the browser to follow the link it was just given, too short to be worth passing on. */
export const LINK_TTL_SECONDS = 60;
export const JWT_ALGORITHM = 'HS256' as const;

export interface AccessClaims {
  sub: string;
  sid: string;
  typ: 'access';
}

/**
 * The HS256 key as a KeyObject, made once. Given a string, jsonwebtoken first tries to read it as a
 * public key on every verify (0.5–1 ms of CPU under OpenSSL 3, half the cost of a signed-in read).
 */
/** A signed link: the session it stands for and the one resource it opens (e.g. `attachment:{id}`). */
interface LinkClaims {
  sub: string;
  sid: string;
  typ: 'link';
  res: string;
}

export interface SignedLink {
  token: string;
  expiresAt: string;
}

export function jwtKey(secret: string): KeyObject {
  return createSecretKey(Buffer.from(secret, 'utf8'));
}

export function hashRefreshToken(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

export type SessionState = 'LIVE' | 'ENDED' | 'IDLE';

/**
 * Sessions, short-lived access JWTs and rotating refresh tokens. A refresh token works once; using
 * one a second time (a stolen copy, or a replay) ends the whole session.
 */
@Injectable()
export class SessionsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly sessions: SessionsRepository,
    private readonly users: UsersRepository,
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
    private readonly audit: AuditService,
  ) {}

  /** Starts a session for a user who has just proved who they are. */
  async start(userId: string, client: ClientInfo): Promise<SessionTokens> {
    const refreshToken = randomBytes(32).toString('base64url');
    const sessionId = await this.uow.run(async () => {
      const previous = await this.users.recordLogin(userId, client.ip);
      const id = await this.sessions.create({
        userId,
        expiresAt: new Date(Date.now() + this.config.auth.sessionMaxAgeSeconds * 1000),
        ip: client.ip,
        userAgent: client.userAgent,
        previousLoginAt: previous.at,
        previousLoginIp: previous.ip,
      });
      await this.sessions.insertRefreshToken(id, hashRefreshToken(refreshToken));
      return id;
    });
    const principal = await this.sessions.findPrincipal(sessionId);
    return this.tokensFor(principal!.user, refreshToken);
  }

  async rotate(refreshToken: string, client: ClientInfo): Promise<SessionTokens> {
    const stored = await this.sessions.findRefreshToken(hashRefreshToken(refreshToken));
    if (!stored) throw new AppError('REFRESH_TOKEN_INVALID', '刷新令牌无效，请重新登录');
    if (stored.usedAt) await this.refuseReuse(stored.sessionId, client);

    const principal = await this.sessions.findPrincipal(stored.sessionId);
    this.assertLive(principal, new Date());

    const next = randomBytes(32).toString('base64url');
    const won = await this.uow.run(async () => {
      if (!(await this.sessions.markRefreshTokenUsed(stored.id))) return false;
      await this.sessions.insertRefreshToken(stored.sessionId, hashRefreshToken(next));
      await this.sessions.bumpLastSeen(stored.sessionId);
      return true;
    });
    // Two presentations of one token raced and the other won: that is a reuse too.
    if (!won) await this.refuseReuse(stored.sessionId, client);
    return this.tokensFor(principal.user, next);
  }

  /** The user behind a verified access token, or the reason the session no longer counts. */
  async principalFor(claims: AccessClaims): Promise<AuthUser> {
    const principal = await this.sessions.findPrincipal(claims.sid);
    if (principal && principal.user.id !== claims.sub) throw new AppError('TOKEN_INVALID', '访问令牌无效，请重新登录');
    this.assertLive(principal, new Date());
    if (Date.now() - principal.lastSeenAt.getTime() > 60_000) await this.sessions.touch(claims.sid);
    return principal.user;
  }

  /**
   * A token for one GET a browser makes by itself (a file to save: a navigation carries no
   * Authorization header, and a file fetched by script and handed over as a blob loses its name in
   * some browsers and every in-app one). It stands for the live session, for one resource, for a
   * minute: signing out, or the account's suspension, ends it with the session.
   */
  signLink(user: AuthUser, resource: string): SignedLink {
    const claims: LinkClaims = { sub: user.id, sid: user.sessionId, typ: 'link', res: resource };
    const token = this.jwt.sign(claims, { algorithm: JWT_ALGORITHM, issuer: JWT_ISSUER, audience: LINK_AUDIENCE, expiresIn: LINK_TTL_SECONDS });
    return { token, expiresAt: new Date(Date.now() + LINK_TTL_SECONDS * 1000).toISOString() };
  }

  /** The user a link stands for, if it is ours, unexpired, for this resource, and its session is live. */
  async principalForLink(token: string | undefined, resource: string): Promise<AuthUser> {
    let claims: Partial<LinkClaims>;
    try {
      claims = this.jwt.verify<Partial<LinkClaims> & object>(token ?? '', { algorithms: [JWT_ALGORITHM], issuer: JWT_ISSUER, audience: LINK_AUDIENCE });
    } catch {
      throw linkInvalid();
    }
    if (claims.typ !== 'link' || claims.res !== resource || typeof claims.sub !== 'string' || typeof claims.sid !== 'string') throw linkInvalid();
    return this.principalFor({ sub: claims.sub, sid: claims.sid, typ: 'access' });
  }

  async end(sessionId: string, reason: string): Promise<void> {
    await this.sessions.revoke(sessionId, reason);
  }

  /** Ends every live session of the account (inside the caller's unit of work when one is open), but `keep` when given. */
  async endAllOfUser(userId: string, reason: string, keep: string | null = null): Promise<void> {
    await this.sessions.revokeAllOfUser(userId, reason, keep);
  }

  sessionState(principal: SessionPrincipal, now: Date): SessionState {
    if (principal.revokedAt || principal.expiresAt <= now || principal.user.status !== 'ACTIVE') return 'ENDED';
    if (now.getTime() - principal.lastSeenAt.getTime() > this.config.auth.sessionIdleTimeoutSeconds * 1000) return 'IDLE';
    return 'LIVE';
  }

  private assertLive(principal: SessionPrincipal | null, now: Date): asserts principal is SessionPrincipal {
    if (!principal) throw new AppError('SESSION_ENDED', '登录已失效，请重新登录');
    const state = this.sessionState(principal, now);
    if (state === 'ENDED') throw new AppError('SESSION_ENDED', '登录已失效（已注销、已过期或账号已停用），请重新登录');
    if (state === 'IDLE') {
      void this.sessions.revoke(principal.user.sessionId, 'IDLE').catch(() => undefined);
      const minutes = Math.round(this.config.auth.sessionIdleTimeoutSeconds / 60);
      throw new AppError('SESSION_IDLE', `超过 ${minutes} 分钟未操作，登录已超时，请重新登录`);
    }
  }

  private async refuseReuse(sessionId: string, client: ClientInfo): Promise<never> {
    await this.sessions.revoke(sessionId, 'REFRESH_REUSE');
    const principal = await this.sessions.findPrincipal(sessionId);
    await this.audit.recordLogin(
      {
        kind: 'REFRESH_REUSE',
        method: null,
        username: principal?.user.username ?? null,
        userId: principal?.user.id ?? null,
        role: principal?.user.role ?? null,
        success: false,
        reason: 'REFRESH_TOKEN_REUSED',
      },
      client,
    );
    throw new AppError('REFRESH_TOKEN_REUSED', '刷新令牌已被使用过，为安全起见本次登录已失效，请重新登录');
  }

  private tokensFor(user: AuthUser, refreshToken: string): SessionTokens {
    const claims: AccessClaims = { sub: user.id, sid: user.sessionId, typ: 'access' };
    return {
      accessToken: this.jwt.sign(claims, {
        algorithm: JWT_ALGORITHM,
        issuer: JWT_ISSUER,
        audience: ACCESS_AUDIENCE,
        expiresIn: this.config.auth.accessTokenTtlSeconds,
      }),
      refreshToken,
      tokenType: 'Bearer',
      expiresIn: this.config.auth.accessTokenTtlSeconds,
      idleTimeout: this.config.auth.sessionIdleTimeoutSeconds,
      user: mapUserView(user),
    };
  }
}

function linkInvalid(): AppError {
  return new AppError('LINK_INVALID', '下载链接无效或已过期（有效 1 分钟），请回到页面重新点击下载');
}
