import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '../../config/app-config.js';
import type { Role } from '@butie/contracts';
import { AppError } from '../../common/errors/app-error.js';
import { SmsGateway, SmsSendError, type SmsReceipt, type SmsTemplate } from '../gateways/sms/sms-gateway.js';
import type { SmsCodePurpose } from './sms-code.entity.js';
import {
  decideSend,
  decideVerify,
  generateSmsCode,
  hashSmsCode,
  sameHash,
  startOfBusinessDay,
  type SmsPolicy,
} from './sms-code.rules.js';

const TEMPLATE_OF: Record<SmsCodePurpose, SmsTemplate> = { LOGIN: 'LOGIN_CODE', MFA: 'MFA_CODE', PHONE_CHANGE: 'PHONE_CHANGE_CODE' };

export interface IssuedSmsCode extends SmsReceipt {
  resendAfter: number;
  expiresIn: number;
}

/** The account a code is for: only its holder may use the code. */
export interface SmsRecipient {
  id: string;
  role: Role;
}

/**
 * Issues and checks SMS codes under the limits of domain §4. The limits count per phone, whether
 * or not the phone belongs to an account, and hold across replicas (rows + an advisory lock).
 */
@Injectable()
export class SmsCodesService {
  private readonly policy: SmsPolicy;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly gateway: SmsGateway,
    private readonly config: AppConfig,
  ) {
    this.policy = config.sms;
  }

  /**
   * A code for `phone`, usable by `recipient` only. A phone of no account (or of one the provider
   * may not reach) gets a code that signs nobody in: the limits move and, where the provider
   * delivers to every phone, a message arrives, so that no answer tells such phones apart.
   */
  async issue(phone: string, purpose: SmsCodePurpose, recipient: SmsRecipient | null): Promise<IssuedSmsCode> {
    const userId = recipient && this.gateway.mayReach(recipient.role) ? recipient.id : null;
    const owner = ownerScope(purpose, userId);
    const code = generateSmsCode();
    const codeId = await this.db.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('sms:' || $1 || ':' || $2))`, [phone, purpose]);
      const now = new Date();
      // Each purpose has its own budget: anonymous login sends must not use up the second factor's.
      const [history] = (await manager.query(
        `SELECT max(created_at) AS last_sent_at, count(*) FILTER (WHERE created_at >= $2)::int AS sent_today
           FROM sms_codes WHERE phone = $1 AND purpose = $4 AND ($5::uuid IS NULL OR user_id = $5) AND created_at >= $3`,
        [phone, startOfBusinessDay(now, this.policy.timeZone), new Date(now.getTime() - 48 * 3600_000), purpose, owner],
      )) as { last_sent_at: Date | null; sent_today: number }[];
      const decision = decideSend({ lastSentAt: history.last_sent_at, sentToday: history.sent_today }, now, this.policy);
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
      // A new code replaces any earlier live one of the same purpose (and owner).
      await manager.query(
        `UPDATE sms_codes SET consumed_at = now() WHERE phone = $1 AND purpose = $2 AND ($3::uuid IS NULL OR user_id = $3) AND consumed_at IS NULL`,
        [phone, purpose, owner],
      );
      const [inserted] = (await manager.query(
        `INSERT INTO sms_codes (phone, purpose, user_id, code_hash, expires_at) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [phone, purpose, userId, hashSmsCode(this.config.auth.jwtSecret, phone, code), new Date(now.getTime() + this.policy.codeTtlSeconds * 1000)],
      )) as { id: string }[];
      return inserted.id;
    });
    // The gateway is called outside the transaction so that a slow provider holds no connection.
    let receipt: SmsReceipt = {};
    if (userId || this.gateway.deliversToEveryPhone) {
      try {
        receipt = await this.gateway.send({ phone, template: TEMPLATE_OF[purpose], values: { code, minutes: String(Math.round(this.policy.codeTtlSeconds / 60)) } });
      } catch (error) {
        // A code that never left does not count against the person's limits.
        await this.db.query(`DELETE FROM sms_codes WHERE id = $1`, [codeId]);
        if (error instanceof SmsSendError) throw new AppError('SMS_SEND_FAILED', '短信发送失败，请稍后重试', { retryAfter: 10 });
        throw error;
      }
    }
    return { resendAfter: this.policy.resendIntervalSeconds, expiresIn: this.policy.codeTtlSeconds, ...receipt };
  }

  /** Ends every live code sent for an account (its phone changed: codes on the old number must not sign in). */
  async revokeAllFor(userId: string, manager: EntityManager): Promise<void> {
    await manager.query(`UPDATE sms_codes SET consumed_at = now() WHERE user_id = $1 AND consumed_at IS NULL`, [userId]);
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
    const owner = ownerScope(purpose, forUser);
    // The attempt is counted in its own committed transaction; the refusal is thrown after it.
    const result = await this.db.transaction(async (manager) => {
      const [row] = (await manager.query(
        `SELECT id, user_id, code_hash, expires_at, attempts, consumed_at FROM sms_codes
          WHERE phone = $1 AND purpose = $2 AND ($3::uuid IS NULL OR user_id = $3) ORDER BY created_at DESC LIMIT 1 FOR UPDATE`,
        [phone, purpose, owner],
      )) as { id: string; user_id: string | null; code_hash: string; expires_at: Date; attempts: number; consumed_at: Date | null }[];
      const matches = row ? sameHash(row.code_hash, hashSmsCode(this.config.auth.jwtSecret, phone, code)) : false;
      const outcome = decideVerify(
        row ? { expiresAt: row.expires_at, attempts: row.attempts, consumedAt: row.consumed_at } : null,
        matches,
        new Date(),
        this.policy,
      );
      if (outcome === 'OK') await manager.query(`UPDATE sms_codes SET consumed_at = now() WHERE id = $1`, [row!.id]);
      if (outcome === 'WRONG') await manager.query(`UPDATE sms_codes SET attempts = attempts + 1 WHERE id = $1`, [row!.id]);
      return { outcome, userId: row?.user_id ?? null, attemptsLeft: row ? this.policy.maxAttemptsPerCode - row.attempts - 1 : 0 };
    });

    switch (result.outcome) {
      case 'OK':
        return result.userId;
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
