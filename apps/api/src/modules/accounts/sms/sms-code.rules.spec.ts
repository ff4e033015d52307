import fc from 'fast-check';
import {
  SMS_CODE_LENGTH,
  decideSend,
  decideVerify,
  generateSmsCode,
  hashSmsCode,
  sameHash,
  startOfBusinessDay,
  type IssuedCode,
  type SmsPolicy,
} from './sms-code.rules.js';

// The policy defaults of domain §4.
const policy: SmsPolicy = {
  codeTtlSeconds: 300,
  resendIntervalSeconds: 60,
  dailyLimitPerPhone: 10,
  maxAttemptsPerCode: 5,
  timeZone: 'Asia/Shanghai',
};

/** Shanghai wall-clock time (UTC+8, no daylight saving) as an instant. */
const shanghai = (local: string) => new Date(`${local}+08:00`);
const plusSeconds = (at: Date, seconds: number) => new Date(at.getTime() + seconds * 1000);

/** Counts the sends of "today" the way SmsCodesService does: created at or after the business day's start. */
function sentToday(sends: Date[], now: Date): number {
  const dayStart = startOfBusinessDay(now, policy.timeZone).getTime();
  return sends.filter((s) => s.getTime() >= dayStart).length;
}

describe('SMS code generation', () => {
  it(`always produces ${SMS_CODE_LENGTH} digits, keeping leading zeros`, () => {
    const codes = Array.from({ length: 2000 }, () => generateSmsCode());
    for (const code of codes) expect(code).toMatch(/^\d{6}$/);
    // One code in ten starts with 0; 2000 codes without one would mean the padding is lost.
    expect(codes.some((c) => c.startsWith('0'))).toBe(true);
  });
});

describe('SMS send limits (domain §4: 60 s between sends, 10 a day per phone)', () => {
  const now = shanghai('2026-03-02T10:00:00');

  it('allows the first send of a phone', () => {
    expect(decideSend({ lastSentAt: null, sentToday: 0 }, now, policy)).toEqual({ allowed: true });
  });

  it('refuses a resend within 60 seconds and says how long to wait', () => {
    expect(decideSend({ lastSentAt: plusSeconds(now, -1), sentToday: 1 }, now, policy)).toEqual({
      allowed: false,
      reason: 'TOO_SOON',
      retryAfterSeconds: 59,
    });
    expect(decideSend({ lastSentAt: plusSeconds(now, -59.5), sentToday: 1 }, now, policy)).toEqual({
      allowed: false,
      reason: 'TOO_SOON',
      retryAfterSeconds: 1,
    });
  });

  it('allows a resend once 60 seconds have passed', () => {
    expect(decideSend({ lastSentAt: plusSeconds(now, -60), sentToday: 1 }, now, policy)).toEqual({ allowed: true });
  });

  it('waits 60 s between sends whatever the gap: refused below it with a wait of 1–60 s, allowed from it on', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3600_000 }), (gapMs) => {
        const decision = decideSend({ lastSentAt: new Date(now.getTime() - gapMs), sentToday: 1 }, now, policy);
        if (gapMs >= 60_000) return decision.allowed;
        return (
          !decision.allowed &&
          decision.reason === 'TOO_SOON' &&
          decision.retryAfterSeconds >= 1 &&
          decision.retryAfterSeconds <= 60 &&
          gapMs + decision.retryAfterSeconds * 1000 >= 60_000
        );
      }),
    );
  });

  it('allows the 10th send of a day and refuses the 11th', () => {
    const lastSentAt = plusSeconds(now, -3600);
    expect(decideSend({ lastSentAt, sentToday: 9 }, now, policy)).toEqual({ allowed: true });
    expect(decideSend({ lastSentAt, sentToday: 10 }, now, policy)).toMatchObject({ allowed: false, reason: 'DAILY_LIMIT' });
  });

  it('tells a phone at the daily limit to retry at the next Shanghai midnight', () => {
    const lateEvening = shanghai('2026-03-02T23:59:00');
    expect(decideSend({ lastSentAt: plusSeconds(lateEvening, -600), sentToday: 10 }, lateEvening, policy)).toEqual({
      allowed: false,
      reason: 'DAILY_LIMIT',
      retryAfterSeconds: 60,
    });
    const earlyMorning = shanghai('2026-03-03T00:01:00');
    expect(decideSend({ lastSentAt: plusSeconds(earlyMorning, -600), sentToday: 10 }, earlyMorning, policy)).toMatchObject({
      retryAfterSeconds: 24 * 3600 - 60,
    });
  });

  it('counts a send at 23:59 and one at 00:01 Shanghai time on different days', () => {
    const evening = shanghai('2026-03-02T23:59:00');
    const morning = shanghai('2026-03-03T00:01:00');
    // Both instants fall on 2026-03-02 in UTC, so a UTC day would wrongly lump them together.
    expect(evening.toISOString().slice(0, 10)).toBe(morning.toISOString().slice(0, 10));
    expect(startOfBusinessDay(evening, 'Asia/Shanghai')).not.toEqual(startOfBusinessDay(morning, 'Asia/Shanghai'));

    // Ten sends by 23:59 use up the 2nd; the 3rd starts afresh.
    const tenSends = Array.from({ length: 10 }, (_, i) => plusSeconds(evening, -(9 - i) * 120));
    expect(sentToday(tenSends, evening)).toBe(10);
    expect(decideSend({ lastSentAt: evening, sentToday: sentToday(tenSends, plusSeconds(evening, 30)) }, plusSeconds(evening, 30), policy))
      .toMatchObject({ allowed: false, reason: 'DAILY_LIMIT' });
    expect(sentToday(tenSends, morning)).toBe(0);
    expect(decideSend({ lastSentAt: evening, sentToday: sentToday(tenSends, morning) }, morning, policy)).toEqual({ allowed: true });
  });
});

describe('startOfBusinessDay', () => {
  it('is midnight of the Shanghai calendar day', () => {
    expect(startOfBusinessDay(shanghai('2026-03-02T23:59:00'), 'Asia/Shanghai')).toEqual(shanghai('2026-03-02T00:00:00'));
    expect(startOfBusinessDay(shanghai('2026-03-03T00:01:00'), 'Asia/Shanghai')).toEqual(shanghai('2026-03-03T00:00:00'));
    expect(startOfBusinessDay(shanghai('2026-03-03T00:00:00'), 'Asia/Shanghai')).toEqual(shanghai('2026-03-03T00:00:00'));
  });

  it('is midnight UTC for the UTC zone', () => {
    expect(startOfBusinessDay(new Date('2026-03-02T15:30:00Z'), 'UTC')).toEqual(new Date('2026-03-02T00:00:00Z'));
  });

  it('is the true midnight on a daylight-saving change day of a configured zone', () => {
    // New York moved from UTC−5 to UTC−4 at 02:00 on 2026-03-08: that day began at 05:00 UTC.
    expect(startOfBusinessDay(new Date('2026-03-08T16:00:00Z'), 'America/New_York')).toEqual(new Date('2026-03-08T05:00:00Z'));
    // And back from UTC−4 to UTC−5 on 2026-11-01: that day began at 04:00 UTC.
    expect(startOfBusinessDay(new Date('2026-11-01T17:00:00Z'), 'America/New_York')).toEqual(new Date('2026-11-01T04:00:00Z'));
  });

  it('is the local midnight of the same calendar day as the instant it is given, in any zone', () => {
    const localDateTime = (at: Date, zone: string) =>
      new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }),
        fc.constantFrom('Asia/Shanghai', 'UTC', 'America/New_York', 'Europe/Berlin', 'Asia/Kolkata'),
        (now, zone) => {
          const start = startOfBusinessDay(now, zone);
          const today = localDateTime(now, zone).slice(0, 10);
          return start.getTime() <= now.getTime() && localDateTime(start, zone) === `${today}, 00:00` && localDateTime(new Date(start.getTime() - 1), zone).slice(0, 10) !== today;
        },
      ),
    );
  });
});

describe('SMS code verification (domain §4: valid 5 minutes, 5 wrong tries)', () => {
  const issuedAt = shanghai('2026-03-02T10:00:00');
  const live: IssuedCode = { expiresAt: plusSeconds(issuedAt, policy.codeTtlSeconds), attempts: 0, consumedAt: null };

  it('accepts the right code within 5 minutes', () => {
    expect(decideVerify(live, true, plusSeconds(issuedAt, 299), policy)).toBe('OK');
  });

  it('expires the code at 5 minutes, even when the digits match', () => {
    expect(decideVerify(live, true, plusSeconds(issuedAt, 300), policy)).toBe('EXPIRED');
    expect(decideVerify(live, true, plusSeconds(issuedAt, 301), policy)).toBe('EXPIRED');
  });

  it('reports a wrong code as WRONG while tries are left', () => {
    expect(decideVerify({ ...live, attempts: 4 }, false, issuedAt, policy)).toBe('WRONG');
  });

  it('still accepts the right code after 4 wrong tries', () => {
    expect(decideVerify({ ...live, attempts: 4 }, true, issuedAt, policy)).toBe('OK');
  });

  it('refuses even the right code after 5 wrong tries', () => {
    expect(decideVerify({ ...live, attempts: 5 }, true, issuedAt, policy)).toBe('TOO_MANY_TRIES');
    expect(decideVerify({ ...live, attempts: 5 }, false, issuedAt, policy)).toBe('TOO_MANY_TRIES');
  });

  it('treats a used code and a phone with no code as expired', () => {
    expect(decideVerify({ ...live, consumedAt: issuedAt }, true, issuedAt, policy)).toBe('EXPIRED');
    expect(decideVerify(null, false, issuedAt, policy)).toBe('EXPIRED');
  });
});

describe('SMS code hashing', () => {
  const secret = 'a-secret-of-at-least-thirty-two-characters';

  it('gives the same hash for the same secret, phone and code', () => {
    expect(sameHash(hashSmsCode(secret, '13800000001', '123456'), hashSmsCode(secret, '13800000001', '123456'))).toBe(true);
  });

  it('is keyed by phone: the same code for another phone hashes differently', () => {
    expect(hashSmsCode(secret, '13800000001', '123456')).not.toBe(hashSmsCode(secret, '13800000002', '123456'));
  });

  it('is keyed by the secret and by the code', () => {
    expect(hashSmsCode(secret, '13800000001', '123456')).not.toBe(hashSmsCode(`${secret}x`, '13800000001', '123456'));
    expect(sameHash(hashSmsCode(secret, '13800000001', '123456'), hashSmsCode(secret, '13800000001', '123457'))).toBe(false);
  });

  it('compares hashes of different lengths as different instead of throwing', () => {
    expect(sameHash(hashSmsCode(secret, '13800000001', '123456'), 'abcd')).toBe(false);
  });
});
