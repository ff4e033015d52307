import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';

/** SMS code rules of domain §4 (policy defaults: 6 digits, 5 min, 60 s between sends, 10 a day, 5 tries). */
export interface SmsPolicy {
  codeTtlSeconds: number;
  resendIntervalSeconds: number;
  dailyLimitPerPhone: number;
  maxAttemptsPerCode: number;
  timeZone: string;
}

export const SMS_CODE_LENGTH = 6;

/** What a code is for; each purpose has its own send budget (sms_codes.purpose). */
export type SmsCodePurpose = 'LOGIN' | 'MFA' | 'PHONE_CHANGE' | 'PASSWORD_RESET' | 'REGISTRATION';

export interface SendHistory {
  lastSentAt: Date | null;
  sentToday: number;
}

export type SendDecision =
  | { allowed: true }
  | { allowed: false; reason: 'TOO_SOON' | 'DAILY_LIMIT'; retryAfterSeconds: number };

export function decideSend(history: SendHistory, now: Date, policy: SmsPolicy): SendDecision {
  if (history.sentToday >= policy.dailyLimitPerPhone) {
    const nextDay = startOfBusinessDay(new Date(now.getTime() + 24 * 3600_000), policy.timeZone);
    return { allowed: false, reason: 'DAILY_LIMIT', retryAfterSeconds: Math.ceil((nextDay.getTime() - now.getTime()) / 1000) };
  }
  if (history.lastSentAt) {
    const elapsed = (now.getTime() - history.lastSentAt.getTime()) / 1000;
    if (elapsed < policy.resendIntervalSeconds) {
      return { allowed: false, reason: 'TOO_SOON', retryAfterSeconds: Math.ceil(policy.resendIntervalSeconds - elapsed) };
    }
  }
  return { allowed: true };
}

export interface IssuedCode {
  expiresAt: Date;
  attempts: number;
  consumedAt: Date | null;
}

export type VerifyOutcome = 'OK' | 'EXPIRED' | 'TOO_MANY_TRIES' | 'WRONG';

/** Checks in this order: no live code, tries used up, then the digits themselves. */
export function decideVerify(code: IssuedCode | null, matches: boolean, now: Date, policy: SmsPolicy): VerifyOutcome {
  if (!code || code.consumedAt || code.expiresAt.getTime() <= now.getTime()) return 'EXPIRED';
  if (code.attempts >= policy.maxAttemptsPerCode) return 'TOO_MANY_TRIES';
  return matches ? 'OK' : 'WRONG';
}

export function generateSmsCode(): string {
  return String(randomInt(0, 10 ** SMS_CODE_LENGTH)).padStart(SMS_CODE_LENGTH, '0');
}

/** Codes are stored keyed by phone, so a stolen table row does not give a usable code. */
export function hashSmsCode(secret: string, phone: string, code: string): string {
  return createHmac('sha256', secret).update(`${phone}:${code}`).digest('hex');
}

export function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && timingSafeEqual(left, right);
}

/** Midnight of `now`'s calendar day in `timeZone`, as an instant. */
export function startOfBusinessDay(now: Date, timeZone: string): Date {
  const { day, offset } = zonedDay(now, timeZone);
  const guess = new Date(`${day}T00:00:00${offset}`);
  // On a daylight-saving change day midnight has another UTC offset than `now`.
  const midnightOffset = zonedDay(guess, timeZone).offset;
  return midnightOffset === offset ? guess : new Date(`${day}T00:00:00${midnightOffset}`);
}

function zonedDay(at: Date, timeZone: string): { day: string; offset: string } {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    timeZoneName: 'longOffset',
  }).formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return { day: `${part('year')}-${part('month')}-${part('day')}`, offset: part('timeZoneName').replace('GMT', '') || '+00:00' };
}
