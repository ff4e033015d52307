import { Injectable } from '@nestjs/common';
import type { Role } from '@butie/contracts';
import { AppConfig } from '../../../config/app-config.js';
import { AppError } from '../../../common/errors/app-error.js';
import { UnitOfWork } from '../../../database/unit-of-work.js';
import { SmsGateway, SmsSendError, type SmsReceipt, type SmsTemplate } from '../../gateways/sms/sms-gateway.js';
import {
  decideSend,
  decideVerify,
  generateSmsCode,
  hashSmsCode,
  sameHash,
  startOfBusinessDay,
  type SmsCodePurpose,
  type SmsPolicy,
} from './sms-code.rules.js';
import { SmsCodesRepository } from './sms-codes.repository.js';

const TEMPLATE_OF: Record<SmsCodePurpose, SmsTemplate> = {
  LOGIN: 'LOGIN_CODE',
  MFA: 'MFA_CODE',
  PHONE_CHANGE: 'PHONE_CHANGE_CODE',
  PASSWORD_RESET: 'PASSWORD_RESET_CODE',
  REGISTRATION: 'REGISTRATION_CODE',
};

export interface IssuedSmsCode extends SmsReceipt {
  resendAfter: number;
  expiresIn: number;
}

/** The account a code is for: only its holder may use the code. */
export interface SmsRecipient {
  id: string;
  role: Role;
}

/** A code that matched and is still unused: `consume` it in the transaction that acts on it. */
export interface ProvenSmsCode {
  codeId: string;
  /** The account it was sent for; null for a code that signs nobody in. */
  userId: string | null;
}

/**
 * Issues and checks SMS codes under the limits of domain §4. The limits count per phone, whether
 * or not the phone belongs to an account, and hold across replicas (rows + an advisory lock).
 */
@Injectable()
export class SmsCodesService {
  private readonly policy: SmsPolicy;

  constructor(
    private readonly uow: UnitOfWork,
    private readonly codes: SmsCodesRepository,
    private readonly gateway: SmsGateway,
    private readonly config: AppConfig,
  ) {
    this.policy = config.sms;
  }

  /**
   * A code for `phone`, usable by `recipient` only (for REGISTRATION: by whoever holds the phone). A phone of no account (or of one the provider
   * may not reach) gets a code that signs nobody in: the limits move and, where the provider
   * delivers to every phone, a message arrives, so that no answer tells such phones apart.
   */
  async issue(phone: string, purpose: SmsCodePurpose, recipient: SmsRecipient | null): Promise<IssuedSmsCode> {
    const userId = recipient && this.gateway.mayReach(recipient.role) ? recipient.id : null;
    const owner = ownerScope(purpose, userId);
    const code = generateSmsCode();
    this.assertOwnTransaction();
    const codeId = await this.uow.run(async () => {
      await this.codes.lockPhone(phone, purpose);
      const now = new Date();
      // Each purpose has its own budget: anonymous login sends must not use up the second factor's.
      const history = await this.codes.sendHistory(phone, purpose, owner, startOfBusinessDay(now, this.policy.timeZone), new Date(now.getTime() - 48 * 3600_000));
      const decision = decideSend(history, now, this.policy);
      if (!decision.allowed) {
        throw decision.reason === 'TOO_SOON'
          ? new AppError('SMS_SEND_TOO_SOON', `验证码发送过于频繁：同一手机号 ${this.policy.resendIntervalSeconds} 秒内只能发送一次，请 ${decision.retryAfterSeconds} 秒后再试`, {
              retryAfter: decision.retryAfterSeconds,
              extensions: { resendAfter: decision.retryAfterSeconds },
            })
          : new AppError('SMS_DAILY_LIMIT', `同一手机号每天最多发送 ${this.policy.dailyLimitPerPhone} 次验证码，今日次数已用完，请明天再试`, {
              retryAfter: decision.retryAfterSeconds,
            });
      }
      await this.codes.consumeLive(phone, purpose, owner);
      return this.codes.insert({
        phone,
        purpose,
        userId,
        codeHash: hashSmsCode(this.config.auth.jwtSecret, phone, code),
        expiresAt: new Date(now.getTime() + this.policy.codeTtlSeconds * 1000),
      });
    });
    // The gateway is called outside the transaction so that a slow provider holds no connection.
    // A registration code goes to the number being registered, which belongs to nobody yet.
    let receipt: SmsReceipt = {};
    if (userId || purpose === 'REGISTRATION' || this.gateway.deliversToEveryPhone) {
      try {
        receipt = await this.gateway.send({ phone, template: TEMPLATE_OF[purpose], values: { code, minutes: String(Math.round(this.policy.codeTtlSeconds / 60)) } });
      } catch (error) {
        // A code that never left does not count against the person's limits.
        await this.codes.delete(codeId);
        if (error instanceof SmsSendError) throw new AppError('SMS_SEND_FAILED', '短信发送失败，请稍后重试', { retryAfter: 10 });
        throw error;
      }
    }
    return { resendAfter: this.policy.resendIntervalSeconds, expiresIn: this.policy.codeTtlSeconds, ...receipt };
  }

  /** Ends every live code sent for an account (its phone changed: codes on the old number must not sign in). Joins the caller's unit of work. */
  async revokeAllFor(userId: string): Promise<void> {
    await this.codes.consumeAllOfUser(userId);
  }

  /** The receipt of the code last sent to `phone` for `purpose` (a repeated sign-in within the resend interval reuses it). */
  async latestReceipt(phone: string, purpose: SmsCodePurpose): Promise<SmsReceipt> {
    return this.gateway.latestReceipt(phone, TEMPLATE_OF[purpose]);
  }

  /**
   * Consumes the live code of `phone` if `code` matches; returns the account it was sent for. For a
   * change of phone, `forUser` is the account asking: only its own code is looked at.
   */
  async verify(phone: string, purpose: SmsCodePurpose, code: string, forUser: string | null = null): Promise<string | null> {
    return (await this.attempt(phone, purpose, code, forUser, true)).userId;
  }

  /**
   * Like verify, but leaves a matching code unused: the caller checks what else the request must
   * meet (a new password's rules, say) and `consume`s the code in the transaction that acts on it,
   * so that a refusal of those rules does not cost the person a new code. A wrong code counts alike.
   */
  async prove(phone: string, purpose: SmsCodePurpose, code: string): Promise<ProvenSmsCode> {
    return this.attempt(phone, purpose, code, null, false);
  }

  /** Uses a proven code, inside the caller's unit of work: false when a concurrent request used it first. */
  async consume(proven: ProvenSmsCode): Promise<boolean> {
    return this.codes.consume(proven.codeId);
  }

  private async attempt(phone: string, purpose: SmsCodePurpose, code: string, forUser: string | null, consume: boolean): Promise<ProvenSmsCode> {
    const owner = ownerScope(purpose, forUser);
    // The attempt is counted in its own committed transaction; the refusal is thrown after it.
    this.assertOwnTransaction();
    const result = await this.uow.run(async () => {
      const row = await this.codes.lockNewest(phone, purpose, owner);
      const matches = row ? sameHash(row.codeHash, hashSmsCode(this.config.auth.jwtSecret, phone, code)) : false;
      const outcome = decideVerify(row, matches, new Date(), this.policy);
      if (outcome === 'OK' && consume) await this.codes.consume(row!.id);
      if (outcome === 'WRONG') await this.codes.countWrongTry(row!.id);
      return { outcome, codeId: row?.id ?? null, userId: row?.userId ?? null, attemptsLeft: row ? this.policy.maxAttemptsPerCode - row.attempts - 1 : 0 };
    });

    switch (result.outcome) {
      case 'OK':
        return { codeId: result.codeId!, userId: result.userId };
      case 'WRONG':
        throw new AppError(
          'SMS_CODE_INVALID',
          result.attemptsLeft > 0 ? `验证码错误，该验证码还可再试 ${result.attemptsLeft} 次` : '验证码错误，该验证码已失效，请重新获取',
          { fields: [{ field: 'code', message: '验证码错误' }], extensions: { attemptsLeft: result.attemptsLeft } },
        );
      case 'TOO_MANY_TRIES':
        throw new AppError('SMS_CODE_TOO_MANY_TRIES', `该验证码已输错 ${this.policy.maxAttemptsPerCode} 次而失效，请重新获取验证码`, {
          fields: [{ field: 'code', message: '验证码已失效' }],
        });
      default:
        throw new AppError('SMS_CODE_EXPIRED', '验证码已过期或未发送，请重新获取验证码', { fields: [{ field: 'code', message: '验证码已过期' }] });
    }
  }

  /**
   * Sending and checking commit on their own: inside a caller's unit of work a refusal thrown after
   * counting a wrong try would roll the count back (unlimited guesses), and a send would be undone.
   */
  private assertOwnTransaction(): void {
    if (this.uow.inTransaction) throw new Error('SMS codes are sent and checked in their own transaction, not inside a unit of work');
  }
}

/**
 * Whose codes share a budget and replace each other. A login or second-factor code belongs to the
 * phone; a change-of-phone code to the account asking, so that another account asking for the same
 * number can neither replace nor use up its code.
 */
function ownerScope(purpose: SmsCodePurpose, userId: string | null): string | null {
  return purpose === 'PHONE_CHANGE' ? userId : null;
}

/** A code that does not fit: the same words whatever the reason, so that no answer tells more. */
export function wrongSmsCode(): AppError {
  return new AppError('SMS_CODE_INVALID', '验证码错误', { fields: [{ field: 'code', message: '验证码错误' }] });
}
