import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '../../../database/unit-of-work.js';
import type { SmsCodePurpose } from './sms-code.rules.js';

/** The newest code of a phone and purpose, as the check needs it. */
export interface StoredSmsCode {
  id: string;
  userId: string | null;
  codeHash: string;
  expiresAt: Date;
  attempts: number;
  consumedAt: Date | null;
}

/**
 * Named queries over sms_codes. A code asked for a phone of no account is stored too (userId null),
 * so that the send limits treat every phone alike. `owner` narrows a query to the codes of one
 * account (a change of phone); null means every code of the phone.
 */
@Injectable()
export class SmsCodesRepository {
  constructor(private readonly uow: UnitOfWork) {}

  /** Serialises the sends of one phone and purpose until the transaction ends (call inside uow.run). */
  async lockPhone(phone: string, purpose: SmsCodePurpose): Promise<void> {
    await this.uow.tx.query(`SELECT pg_advisory_xact_lock(hashtext('sms:' || $1 || ':' || $2))`, [phone, purpose]);
  }

  /** When the last code went out, and how many went out since `dayStart` (looking back no further than `since`). */
  async sendHistory(phone: string, purpose: SmsCodePurpose, owner: string | null, dayStart: Date, since: Date): Promise<{ lastSentAt: Date | null; sentToday: number }> {
    const [row] = await this.uow.tx.query<{ last_sent_at: Date | null; sent_today: number }[]>(
      `SELECT max(created_at) AS last_sent_at, count(*) FILTER (WHERE created_at >= $2)::int AS sent_today
         FROM sms_codes WHERE phone = $1 AND purpose = $4 AND ($5::uuid IS NULL OR user_id = $5) AND created_at >= $3`,
      [phone, dayStart, since, purpose, owner],);
    return { lastSentAt: row.last_sent_at, sentToday: row.sent_today };
  }

  /** A new code replaces any earlier live one of the same purpose (and owner). */
  async consumeLive(phone: string, purpose: SmsCodePurpose, owner: string | null): Promise<void> {
    await this.uow.tx.query(
      `UPDATE sms_codes SET consumed_at = now() WHERE phone = $1 AND purpose = $2 AND ($3::uuid IS NULL OR user_id = $3) AND consumed_at IS NULL`,
      [phone, purpose, owner],
    );
  }

  async insert(code: { phone: string; purpose: SmsCodePurpose; userId: string | null; codeHash: string; expiresAt: Date }): Promise<string> {
    const [row] = await this.uow.tx.query<{ id: string }[]>(
      `INSERT INTO sms_codes (phone, purpose, user_id, code_hash, expires_at) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [code.phone, code.purpose, code.userId, code.codeHash, code.expiresAt],);
    return row.id;
  }

  /** A code that never left does not count against the person's limits. */
  async delete(id: string): Promise<void> {
    await this.uow.tx.query(`DELETE FROM sms_codes WHERE id = $1`, [id]);
  }

  /** The newest code of the phone and purpose, row-locked until the transaction ends (call inside uow.run). */
  async lockNewest(phone: string, purpose: SmsCodePurpose, owner: string | null): Promise<StoredSmsCode | null> {
    const [row] = await this.uow.tx.query<{ id: string; user_id: string | null; code_hash: string; expires_at: Date; attempts: number; consumed_at: Date | null }[]>(
      `SELECT id, user_id, code_hash, expires_at, attempts, consumed_at FROM sms_codes
        WHERE phone = $1 AND purpose = $2 AND ($3::uuid IS NULL OR user_id = $3) ORDER BY created_at DESC LIMIT 1 FOR UPDATE`,
      [phone, purpose, owner],);
    return row
      ? { id: row.id, userId: row.user_id, codeHash: row.code_hash, expiresAt: row.expires_at, attempts: row.attempts, consumedAt: row.consumed_at }
      : null;
  }

  async countWrongTry(id: string): Promise<void> {
    await this.uow.tx.query(`UPDATE sms_codes SET attempts = attempts + 1 WHERE id = $1`, [id]);
  }

  /** The guarded use of a code: true for exactly one caller, however many race. */
  async consume(id: string): Promise<boolean> {
    const result = await this.uow.tx.query<unknown[]>(`UPDATE sms_codes SET consumed_at = now() WHERE id = $1 AND consumed_at IS NULL RETURNING id`, [id]);
    return updatedRows(result) === 1;
  }

  /** Ends every live code sent for an account. */
  async consumeAllOfUser(userId: string): Promise<void> {
    await this.uow.tx.query(`UPDATE sms_codes SET consumed_at = now() WHERE user_id = $1 AND consumed_at IS NULL`, [userId]);
  }
}

/** TypeORM's postgres driver returns [rows, count] for UPDATE … RETURNING. */
function updatedRows(result: unknown[]): number {
  if (result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[1];
  return result.length;
}
