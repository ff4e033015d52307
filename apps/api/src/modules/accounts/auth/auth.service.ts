import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import {
  isStaffRole,
  LOGIN_PORTAL_LABELS,
  maskPhone,
  portalOf,
  type LoginMethod,
  type LoginPortal,
  type LoginResult,
  type MfaChallenge,
  type SessionTokens,
  type SmsSendResult,
} from '@butie/contracts';
import { AppConfig } from '../../../config/app-config.js';
import type { AuthUser, ClientInfo } from '../../../common/auth/auth-user.js';
import { AppError } from '../../../common/errors/app-error.js';
import { RateLimiter } from '../../../common/rate-limit/rate-limiter.js';
import { AuditService, type LoginEventRecord } from '../../audit/audit.service.js';
import { PasswordHasher } from '../passwords/password-hasher.js';
import { JWT_ALGORITHM, JWT_ISSUER, MFA_AUDIENCE, SessionsService } from '../sessions/sessions.service.js';
import { AccountNoticesService } from '../sms/account-notices.service.js';
import { SmsCodesService, wrongSmsCode } from '../sms/sms-codes.service.js';
import { UsersRepository, type Credentials } from '../users/users.repository.js';
import { limitPerAccount } from './account-rate-limit.js';
import type { LoginDto, MfaResendDto, MfaVerifyDto, SmsLoginDto } from './auth.dto.js';
import { LoginLockService, usernameKey } from './login-lock.service.js';

const MFA_TOKEN_TTL_SECONDS = 300;

interface MfaClaims {
  sub: string;
  typ: 'mfa';
}

const INVALID_CREDENTIALS_DETAIL = '用户名或密码错误';

/** Sign-in by password (with the optional SMS second factor for staff) or by SMS code; refresh; sign-out. */
@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersRepository,
    private readonly hasher: PasswordHasher,
    private readonly locks: LoginLockService,
    private readonly sessions: SessionsService,
    private readonly smsCodes: SmsCodesService,
    private readonly audit: AuditService,
    private readonly notices: AccountNoticesService,
    private readonly limiter: RateLimiter,
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
  ) {}

  async passwordLogin(dto: LoginDto, client: ClientInfo): Promise<LoginResult> {
    await this.limitAccount(`login:${usernameKey(dto.username)}`);
    const attempt = (success: boolean, reason: string | null, user: Credentials | null, method: LoginMethod = 'PASSWORD'): LoginEventRecord => ({
      kind: 'LOGIN',
      method,
      username: dto.username,
      userId: user?.id ?? null,
      role: user?.role ?? null,
      success,
      reason,
    });

    const user = await this.users.findCredentialsByUsername(dto.username);
    const lockedUntil = await this.locks.lockedUntil(dto.username);
    if (lockedUntil) {
      await this.audit.recordLogin(attempt(false, 'ACCOUNT_LOCKED', user), client);
      throw this.locks.lockedError(lockedUntil);
    }

    // Unknown usernames are checked against a decoy hash: both refusals take as long and read alike.
    // A disabled account is refused alike too, right password or not: a different answer would
    // confirm a guessed password. Its holder learns the reason by SMS.
    const passwordMatches = await this.hasher.verify(user?.passwordHash ?? null, dto.password);
    if (!user || !passwordMatches || user.status !== 'ACTIVE') {
      const reason = !user ? 'UNKNOWN_USERNAME' : !passwordMatches ? 'WRONG_PASSWORD' : 'ACCOUNT_DISABLED';
      await this.audit.recordLogin(attempt(false, reason, user), client);
      if (reason === 'ACCOUNT_DISABLED') this.notices.accountDisabled(user!);
      const left = await this.locks.countFailure(dto.username);
      throw new AppError(
        'INVALID_CREDENTIALS',
        `${INVALID_CREDENTIALS_DETAIL}；再错 ${left} 次该账号将被锁定 ${this.locks.policy.lockMinutes} 分钟`,
        { extensions: { attemptsLeft: left } },
      );
    }
    await this.locks.clear(dto.username);
    await this.assertMayEnter(user, dto.portal, client, attempt);

    if (isStaffRole(user.role) && this.config.auth.staffSmsSecondFactor) {
      return this.challenge(user, client);
    }
    const tokens = await this.sessions.start(user.id, client);
    await this.audit.recordLogin(attempt(true, null, user), client);
    return tokens;
  }

  async completeMfa(dto: MfaVerifyDto, client: ClientInfo): Promise<SessionTokens> {
    const user = await this.mfaUser(dto.mfaToken);
    const event = (success: boolean, reason: string | null): LoginEventRecord => ({
      kind: 'LOGIN',
      method: 'PASSWORD_SMS',
      username: user.username,
      userId: user.id,
      role: user.role,
      success,
      reason,
    });
    try {
      // The code must have been sent for this account, not merely to its phone.
      const sentFor = await this.smsCodes.verify(user.phone!, 'MFA', dto.code);
      if (sentFor !== user.id) throw wrongSmsCode();
    } catch (error) {
      await this.audit.recordLogin(event(false, error instanceof AppError ? error.code : 'ERROR'), client);
      throw error;
    }
    const tokens = await this.sessions.start(user.id, client);
    await this.audit.recordLogin(event(true, null), client);
    return tokens;
  }

  async resendMfa(dto: MfaResendDto): Promise<SmsSendResult> {
    const user = await this.mfaUser(dto.mfaToken);
    return this.smsCodes.issue(user.phone!, 'MFA', user);
  }

  /** The same answer for every well-formed phone, registered or not (no enumeration). */
  async sendLoginCode(phone: string): Promise<SmsSendResult> {
    await this.limitAccount(`sms:${phone}`);
    const user = await this.users.findCredentialsByPhone(phone);
    return this.smsCodes.issue(phone, 'LOGIN', user && user.status === 'ACTIVE' ? user : null);
  }

  async smsLogin(dto: SmsLoginDto, client: ClientInfo): Promise<SessionTokens> {
    await this.limitAccount(`sms:${dto.phone}`);
    // Filed under the account of the phone, so that the auditor finds SMS sign-ins by username;
    // a phone of no account is kept masked.
    const holder = await this.users.findCredentialsByPhone(dto.phone);
    const attempt = (success: boolean, reason: string | null, user: Credentials | null): LoginEventRecord => ({
      kind: 'LOGIN',
      method: 'SMS',
      username: (user ?? holder)?.username ?? maskPhone(dto.phone),
      userId: (user ?? holder)?.id ?? null,
      role: (user ?? holder)?.role ?? null,
      success,
      reason,
    });
    let userId: string | null;
    try {
      userId = await this.smsCodes.verify(dto.phone, 'LOGIN', dto.code);
    } catch (error) {
      await this.audit.recordLogin(attempt(false, error instanceof AppError ? error.code : 'ERROR', null), client);
      throw error;
    }
    const user = userId ? await this.users.findCredentialsById(userId) : null;
    if (!user) {
      // A code that signs nobody in: the phone has no account, or one this provider may not reach.
      await this.audit.recordLogin(attempt(false, holder ? 'CODE_NOT_FOR_ACCOUNT' : 'UNKNOWN_PHONE', null), client);
      throw wrongSmsCode();
    }
    await this.assertMayEnter(user, dto.portal, client, (success, reason, u) => attempt(success, reason, u));
    if (isStaffRole(user.role) && this.config.auth.staffSmsSecondFactor) {
      // A code alone is one factor; staff must give the password as well.
      await this.audit.recordLogin(attempt(false, 'STAFF_PASSWORD_REQUIRED', user), client);
      throw new AppError('STAFF_PASSWORD_REQUIRED', '管理部门账号须使用“用户名密码 + 短信验证码”登录，请切换到密码登录');
    }
    const tokens = await this.sessions.start(user.id, client);
    await this.audit.recordLogin(attempt(true, null, user), client);
    return tokens;
  }

  async refresh(refreshToken: string, client: ClientInfo): Promise<SessionTokens> {
    return this.sessions.rotate(refreshToken, client);
  }

  async logout(user: AuthUser, client: ClientInfo): Promise<void> {
    await this.sessions.end(user.sessionId, 'LOGOUT');
    await this.audit.recordLogin(
      { kind: 'LOGOUT', method: null, username: user.username, userId: user.id, role: user.role, success: true, reason: null },
      client,
    );
  }

  private async challenge(user: Credentials, client: ClientInfo): Promise<MfaChallenge> {
    if (!user.phone) {
      await this.audit.recordLogin(
        { kind: 'MFA_CHALLENGE', method: 'PASSWORD_SMS', username: user.username, userId: user.id, role: user.role, success: false, reason: 'MFA_PHONE_MISSING' },
        client,
      );
      throw new AppError('MFA_PHONE_MISSING', '管理部门账号登录须短信验证，但该账号未登记手机号码，请联系系统管理员登记');
    }
    let sandboxTicket: string | undefined;
    try {
      sandboxTicket = (await this.smsCodes.issue(user.phone, 'MFA', user)).sandboxTicket;
    } catch (error) {
      // Signing in again within the resend interval reuses the code already sent.
      if (!(error instanceof AppError && error.code === 'SMS_SEND_TOO_SOON')) throw error;
      sandboxTicket = (await this.smsCodes.latestReceipt(user.phone, 'MFA')).sandboxTicket;
    }
    await this.audit.recordLogin(
      { kind: 'MFA_CHALLENGE', method: 'PASSWORD_SMS', username: user.username, userId: user.id, role: user.role, success: true, reason: null },
      client,
    );
    const claims: MfaClaims = { sub: user.id, typ: 'mfa' };
    return {
      mfaRequired: true,
      mfaToken: this.jwt.sign(claims, { algorithm: JWT_ALGORITHM, issuer: JWT_ISSUER, audience: MFA_AUDIENCE, expiresIn: MFA_TOKEN_TTL_SECONDS }),
      phoneMasked: maskPhone(user.phone)!,
      expiresIn: MFA_TOKEN_TTL_SECONDS,
      ...(sandboxTicket ? { sandboxTicket } : {}),
    };
  }

  private async mfaUser(token: string): Promise<Credentials> {
    let claims: MfaClaims;
    try {
      claims = this.jwt.verify<MfaClaims & object>(token, { algorithms: [JWT_ALGORITHM], issuer: JWT_ISSUER, audience: MFA_AUDIENCE });
    } catch {
      throw new AppError('MFA_TOKEN_INVALID', '短信验证已超时或无效，请重新输入用户名和密码登录');
    }
    // A challenge without `exp` would never expire (jsonwebtoken checks it only when present).
    const user = claims.typ === 'mfa' && typeof (claims as { exp?: unknown }).exp === 'number' ? await this.users.findCredentialsById(claims.sub) : null;
    if (!user || user.status !== 'ACTIVE' || !user.phone) {
      throw new AppError('MFA_TOKEN_INVALID', '短信验证已超时或无效，请重新输入用户名和密码登录');
    }
    return user;
  }

  /** After the credentials are proven: the account must be active and used at its own entry. */
  private async assertMayEnter(
    user: Credentials,
    portal: LoginPortal | undefined,
    client: ClientInfo,
    attempt: (success: boolean, reason: string | null, user: Credentials | null) => LoginEventRecord,
  ): Promise<void> {
    if (user.status !== 'ACTIVE') {
      await this.audit.recordLogin(attempt(false, 'ACCOUNT_DISABLED', user), client);
      throw new AppError('ACCOUNT_DISABLED', '该账号已停用，请联系系统管理员');
    }
    if (portal && portalOf(user.role) !== portal) {
      await this.audit.recordLogin(attempt(false, 'WRONG_PORTAL', user), client);
      const right = LOGIN_PORTAL_LABELS[portalOf(user.role)];
      throw new AppError('WRONG_PORTAL', `该账号不属于「${LOGIN_PORTAL_LABELS[portal]}」，请从「${right}」入口登录`, {
        extensions: { portal: portalOf(user.role) },
      });
    }
  }

  private async limitAccount(accountKey: string): Promise<void> {
    await limitPerAccount(this.limiter, this.config, accountKey);
  }
}
