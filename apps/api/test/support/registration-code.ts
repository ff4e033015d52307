import { hashSmsCode } from '../../src/modules/accounts/sms/sms-code.rules.js';
import type { TestApp } from './test-app.js';

/** What a registration body carries until a test gives it a real code (see withPhoneCode). */
export const PHONE_CODE_PLACEHOLDER = '000000';

/**
 * A live REGISTRATION code for `phone`, written as the SMS module writes one (a fixture: the send,
 * its limits and the outbox are tested in account-registration's own tests). Lets a test register
 * the same phone twice within the resend interval, as a clash test must.
 */
export async function givePhoneCode(t: TestApp, phone: string, code = String(100000 + Math.floor(Math.random() * 900000))): Promise<string> {
  await t.db.query(`UPDATE sms_codes SET consumed_at = now() WHERE phone = $1 AND purpose = 'REGISTRATION' AND consumed_at IS NULL`, [phone]);
  await t.db.query(`INSERT INTO sms_codes (phone, purpose, user_id, code_hash, expires_at) VALUES ($1, 'REGISTRATION', NULL, $2, now() + interval '5 minutes')`, [
    phone,
    hashSmsCode(t.config.auth.jwtSecret, phone, code),
  ]);
  return code;
}

/**
 * The body with a real code for its account's phone where it holds the placeholder; anything else
 * (a missing account, a bad phone, a code the test chose) is left as the test wrote it.
 */
export async function withPhoneCode<B>(t: TestApp, body: B): Promise<B> {
  const account = (body as { account?: { phone?: unknown; phoneCode?: unknown } }).account;
  if (!account || account.phoneCode !== PHONE_CODE_PLACEHOLDER || typeof account.phone !== 'string' || !/^1[3-9]\d{9}$/.test(account.phone)) return body;
  return { ...body, account: { ...account, phoneCode: await givePhoneCode(t, account.phone) } };
}
