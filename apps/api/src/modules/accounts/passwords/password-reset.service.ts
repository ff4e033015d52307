import { Injectable } from '@nestjs/common';
import type { SmsSendResult } from '@butie/contracts';
import type { ClientInfo } from '../../../common/auth/auth-user.js';
import { AppError } from '../../../common/errors/app-error.js';
import { RateLimiter } from '../../../common/rate-limit/rate-limiter.js';
import { AppConfig } from '../../../config/app-config.js';
import { UnitOfWork } from '../../../database/unit-of-work.js';
import { AuditService } from '../../audit/audit.service.js';
import { limitPerAccount } from '../auth/account-rate-limit.js';
import { LoginLockService } from '../auth/login-lock.service.js';
import { SessionsRepository } from '../sessions/sessions.repository.js';
import { AccountNoticesService } from '../sms/account-notices.service.js';
import { SmsCodesService, wrongSmsCode } from '../sms/sms-codes.service.js';
import { UsersRepository, type Credentials } from '../users/users.repository.js';
import type { ResetForgottenPasswordDto } from './password-reset.dto.js';
import { PasswordsService } from './passwords.service.js';

/**
 * Who may set a forgotten password with a code sent to the phone: an active applicant or unit.
 * Staff passwords are reset by the administrator (domain §4: a staff password an administrator sets
 * must be changed at first sign-in — a code to a phone would bypass that and the second factor).
 */
function mayResetBySms(account: Credentials): boolean {
  return account.status === 'ACTIVE' && (account.role === 'APPLICANT' || account.role === 'UNIT');
}

/**
 * 忘记密码 for applicants and units: a code to the registered phone, then a new password under the
 * rules of domain §4. Nothing in either answer tells whether the phone belongs to an account.
 */
@Injectable()
export class PasswordResetService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly users: UsersRepository,
    private readonly passwords: PasswordsService,
    private readonly smsCodes: SmsCodesService,
    private readonly sessions: SessionsRepository,
    private readonly locks: LoginLockService,
    private readonly notices: AccountNoticesService,
    private readonly audit: AuditService,
    private readonly limiter: RateLimiter,
    private readonly config: AppConfig,
  ) {}

  /**
   * The same answer for every well-formed phone. A phone of no account, of a staff account or of a
   * disabled one gets a code that resets nothing (the sandbox delivers it, so that its outbox does
   * not tell the phones apart; a real provider sends it nowhere). The SMS limits count alike.
   */
  async sendCode(phone: string): Promise<SmsSendResult> {
    await limitPerAccount(this.limiter, this.config, `password-reset:${phone}`);
    const holder = await this.users.findCredentialsByPhone(phone);
    return this.smsCodes.issue(phone, 'PASSWORD_RESET', holder && mayResetBySms(holder) ? holder : null);
  }

  async reset(dto: ResetForgottenPasswordDto, client: ClientInfo): Promise<void> {
    await limitPerAccount(this.limiter, this.config, `password-reset:${dto.phone}`);
    // The rules that need no account first: they tell nothing about the phone, and no code is spent
    // on a password that could never pass.
    this.passwords.assertStrong(dto.newPassword, undefined);
    // A wrong code counts against the code's tries; a right one stays unused until the password is set.
    const proven = await this.smsCodes.prove(dto.phone, 'PASSWORD_RESET', dto.code);
    const account = proven.userId ? await this.users.findCredentialsById(proven.userId) : null;
    // The code signs for nobody, or the account changed since (disabled, or moved to another phone).
    if (!account || !mayResetBySms(account) || account.phone !== dto.phone) throw wrongSmsCode();
    // Told only to the holder of the phone, who proved it with the code.
    this.passwords.assertStrong(dto.newPassword, account.username);
    await this.passwords.assertNotRecent(account.id, dto.newPassword);

    await this.uow.run(async () => {
      // Two resets with one code: the second finds it used.
      if (!(await this.smsCodes.consume(proven))) {
        throw new AppError('SMS_CODE_EXPIRED', '验证码已使用，请重新获取验证码', { fields: [{ field: 'code', message: '验证码已使用' }] });
      }
      await this.passwords.set(account.id, dto.newPassword, false);
      // Whoever signed in with the forgotten (or stolen) password is out.
      await this.sessions.revokeAllOfUser(account.id, 'PASSWORD_RESET');
      await this.audit.recordOperation(account, client, {
        action: 'PASSWORD_CHANGE',
        targetType: 'USER',
        targetId: account.id,
        summary: '忘记密码：凭登记手机的短信验证码重置密码',
      });
    });
    await this.locks.clear(account.username);
    this.notices.passwordReset(account);
  }
}
