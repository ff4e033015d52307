import { Injectable } from '@nestjs/common';
import { maskPhone, type SmsSendResult } from '@butie/contracts';
import { AppError } from '../../../common/errors/app-error.js';
import type { AuthUser, ClientInfo } from '../../../common/auth/auth-user.js';
import { RateLimiter } from '../../../common/rate-limit/rate-limiter.js';
import { UnitOfWork } from '../../../database/unit-of-work.js';
import { AuditService } from '../../audit/audit.service.js';
import { takenError } from '../accounts.errors.js';
import { LoginLockService } from '../auth/login-lock.service.js';
import { PasswordHasher } from '../passwords/password-hasher.js';
import { PasswordsService } from '../passwords/passwords.service.js';
import { mapUserView, type UserViewDto } from '../../../common/auth/session-tokens.dto.js';
import { SessionsRepository } from '../sessions/sessions.repository.js';
import { AccountNoticesService } from '../sms/account-notices.service.js';
import { SmsCodesService, wrongSmsCode } from '../sms/sms-codes.service.js';
import { UsersRepository } from '../users/users.repository.js';
import type { ChangeEmailDto, ChangePasswordDto, ChangePhoneDto, PhoneVerificationDto, UpdateProfileDto } from './profile.dto.js';

/**
 * 账号管理: the signed-in user's own name, phone, email and password. Whatever could hand the
 * account to somebody else (password, phone, email) needs the current password; a new phone also
 * needs the code sent to it, so that a stolen access token cannot move sign-in to another phone.
 */
@Injectable()
export class ProfileService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly users: UsersRepository,
    private readonly sessions: SessionsRepository,
    private readonly passwords: PasswordsService,
    private readonly hasher: PasswordHasher,
    private readonly smsCodes: SmsCodesService,
    private readonly notices: AccountNoticesService,
    private readonly locks: LoginLockService,
    private readonly audit: AuditService,
    private readonly limiter: RateLimiter,
  ) {}

  me(user: AuthUser): UserViewDto {
    return mapUserView(user);
  }

  async updateProfile(user: AuthUser, dto: UpdateProfileDto, client: ClientInfo): Promise<UserViewDto> {
    if (dto.fullName === undefined) return mapUserView(user);
    const fullName = dto.fullName;
    await this.uow.run(async () => {
      await this.users.updateFullName(user.id, fullName);
      await this.audit.recordOperation(user, client, { action: 'PROFILE_UPDATE', targetType: 'USER', targetId: user.id, summary: '修改姓名' });
    });
    return this.currentView(user);
  }

  async changeEmail(user: AuthUser, dto: ChangeEmailDto, client: ClientInfo): Promise<UserViewDto> {
    await this.assertCurrentPassword(user, dto.currentPassword);
    await this.uow.run(async () => {
      await this.users.updateEmail(user.id, dto.email);
      await this.audit.recordOperation(user, client, {
        action: 'EMAIL_CHANGE',
        targetType: 'USER',
        targetId: user.id,
        summary: dto.email ? '修改电子邮箱' : '删除电子邮箱',
      });
    });
    return this.currentView(user);
  }

  /**
   * Step 1 of a change of phone: the password is proven, and a code goes to the new number. The
   * answer is the same whether or not the number belongs to another account: only its holder,
   * who reads the code, learns that (at step 2).
   */
  async sendPhoneChangeCode(user: AuthUser, dto: PhoneVerificationDto): Promise<SmsSendResult> {
    await this.assertCurrentPassword(user, dto.currentPassword);
    if (dto.phone === user.phone) {
      throw new AppError('PHONE_UNCHANGED', '新手机号码与当前号码相同', { fields: [{ field: 'phone', message: '与当前号码相同' }] });
    }
    return this.smsCodes.issue(dto.phone, 'PHONE_CHANGE', user);
  }

  /** Step 2: the code sent for this account to this number moves the account to it. */
  async changePhone(user: AuthUser, dto: ChangePhoneDto, client: ClientInfo): Promise<UserViewDto> {
    await this.limitSensitive(user);
    const sentFor = await this.smsCodes.verify(dto.phone, 'PHONE_CHANGE', dto.code, user.id);
    if (sentFor !== user.id) throw wrongSmsCode();
    const oldPhone = user.phone;
    try {
      await this.uow.run(async () => {
        await this.users.updatePhone(user.id, dto.phone);
        // Codes already sent to the old number (a sign-in code, say) must not sign in any more.
        await this.smsCodes.revokeAllFor(user.id);
        // Sessions opened before the change may be somebody else's: only this one goes on.
        await this.sessions.revokeAllOfUser(user.id, 'PHONE_CHANGED', user.sessionId);
        await this.audit.recordOperation(user, client, {
          action: 'PHONE_CHANGE',
          targetType: 'USER',
          targetId: user.id,
          summary: `更换手机号码：${maskPhone(oldPhone) ?? '无'} → ${maskPhone(dto.phone)}`,
        });
      });
    } catch (error) {
      // Told only to the holder of the number, who proved it with the code.
      throw takenError(error, { phone: dto.phone }) ?? error;
    }
    if (oldPhone) this.notices.phoneChanged(user, oldPhone, dto.phone);
    return this.currentView(user);
  }

  async changePassword(user: AuthUser, dto: ChangePasswordDto, client: ClientInfo): Promise<UserViewDto> {
    await this.assertCurrentPassword(user, dto.oldPassword, 'oldPassword');
    this.passwords.assertStrong(dto.newPassword, user.username);
    await this.uow.run(async () => {
      await this.passwords.assertNotRecent(user.id, dto.newPassword);
      await this.passwords.set(user.id, dto.newPassword, false);
      // Other sign-ins made with the old password end; this one goes on.
      await this.sessions.revokeAllOfUser(user.id, 'PASSWORD_CHANGED', user.sessionId);
      await this.audit.recordOperation(user, client, { action: 'PASSWORD_CHANGE', targetType: 'USER', targetId: user.id, summary: '修改本人密码' });
    });
    return this.currentView(user);
  }

  /**
   * Guessing the password through these forms counts like failed sign-ins: the same lock, kept per
   * username, so that a stolen token kept alive by refresh is no faster way to find the password.
   */
  private async assertCurrentPassword(user: AuthUser, password: string, field = 'currentPassword'): Promise<void> {
    await this.limitSensitive(user);
    const lockedUntil = await this.locks.lockedUntil(user.username);
    if (lockedUntil) throw this.locks.lockedError(lockedUntil);
    const credentials = await this.users.findCredentialsById(user.id);
    if (!credentials || !(await this.hasher.verify(credentials.passwordHash, password))) {
      const left = await this.locks.countFailure(user.username);
      const message = `${field === 'oldPassword' ? '原密码' : '当前密码'}不正确；再错 ${left} 次该账号将被锁定 ${this.locks.policy.lockMinutes} 分钟`;
      throw new AppError('CURRENT_PASSWORD_WRONG', message, { fields: [{ field, message }], extensions: { attemptsLeft: left } });
    }
    await this.locks.clear(user.username);
  }

  private async limitSensitive(user: AuthUser): Promise<void> {
    const limit = await this.limiter.hit(`account-sensitive:${user.id}`, 10, 60);
    if (!limit.allowed) throw new AppError('RATE_LIMITED', `操作过于频繁，请 ${limit.retryAfter} 秒后再试`, { retryAfter: limit.retryAfter });
  }

  private async currentView(user: AuthUser): Promise<UserViewDto> {
    const principal = await this.sessions.findPrincipal(user.sessionId);
    return mapUserView(principal!.user);
  }
}
