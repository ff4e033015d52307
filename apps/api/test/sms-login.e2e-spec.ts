import { expectProblem } from './support/problem.js';
import { latestCode, outboxOf } from './support/sms-outbox.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const SEND = '/api/v1/auth/sms/send';
const SMS_LOGIN = '/api/v1/auth/sms/login';
const APPLICANT_PHONE = '13800000001';

/** A six-digit code that is certainly not `code`. */
function otherThan(code: string): string {
  return String((Number(code) + 1) % 1_000_000).padStart(6, '0');
}

describe('SMS sign-in', () => {
  let t: TestApp;
  beforeAll(async () => {
    // Demo mode: the sandbox reaches every account, staff included (the rules here are about codes).
    t = await startTestApp({ DEMO_DATA: 'true' });
  });
  afterAll(async () => {
    await t.close();
  });

  const send = (phone: string) => t.http().post(SEND).send({ phone });
  const smsLogin = (phone: string, code: string) => t.http().post(SMS_LOGIN).send({ phone, code });
  // Moves every code of a phone a minute back, as if the person had waited out the 60 s rule.
  const waitOutResend = (phone: string) =>
    t.db.query(`UPDATE sms_codes SET created_at = now() - interval '61 seconds' WHERE phone = $1`, [phone]);

  it('sends a 6-digit login code and answers 202 with resendAfter and expiresIn', async () => {
    const response = await send(APPLICANT_PHONE);
    expect(response.status).toBe(202);
    expect(response.body).toEqual({ resendAfter: 60, expiresIn: 300, sandboxTicket: expect.stringMatching(/^[A-Za-z0-9_-]{24}$/) });
    const messages = await outboxOf(t, APPLICANT_PHONE);
    expect(messages).toHaveLength(1);
    expect(messages[0].template).toBe('LOGIN_CODE');
    expect(await latestCode(t, APPLICANT_PHONE)).toMatch(/^\d{6}$/);
  });

  it('signs the account of the phone in with the code from the outbox', async () => {
    const code = await latestCode(t, APPLICANT_PHONE);
    const response = await smsLogin(APPLICANT_PHONE, code);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ tokenType: 'Bearer', accessToken: expect.any(String), user: { username: 'demo_applicant', role: 'APPLICANT' } });
    const me = await t.http().get('/api/v1/me').set('Authorization', `Bearer ${response.body.accessToken}`);
    expect(me.body.username).toBe('demo_applicant');
    // Filed under the account's username, so that the auditor finds it by username.
    const [event] = await t.db.query<object[]>(`SELECT method, username, success FROM login_events ORDER BY id DESC LIMIT 1`);
    expect(event).toEqual({ method: 'SMS', username: 'demo_applicant', success: true });
  });

  it('accepts a code only once', async () => {
    const phone = '13900000105';
    expect((await send(phone)).status).toBe(202);
    const code = await latestCode(t, phone);
    expect((await smsLogin(phone, code)).status).toBe(200);
    expectProblem(await smsLogin(phone, code), 401, 'SMS_CODE_EXPIRED');
  });

  it('answers an unregistered phone exactly as a registered one: the sandbox delivers a code to both', async () => {
    const registered = await send('13900000100');
    const unregistered = await send('13612345678');
    expect(unregistered.status).toBe(registered.status);
    expect(Object.keys(unregistered.body).sort()).toEqual(Object.keys(registered.body).sort());
    expect({ ...unregistered.body, sandboxTicket: 'x' }).toEqual({ ...registered.body, sandboxTicket: 'x' });
    const [toStranger] = await outboxOf(t, '13612345678');
    const [toAccount] = await outboxOf(t, '13900000100');
    expect(toStranger.template).toBe(toAccount.template);
    expect(toStranger.content.replace(/\d{6}/, '######')).toBe(toAccount.content.replace(/\d{6}/, '######'));
    // The limits hold for it all the same, so the 60 s rule cannot tell the two apart either.
    expectProblem(await send('13612345678'), 429, 'SMS_SEND_TOO_SOON');
    // And its code, though delivered, signs nobody in.
    expectProblem(await smsLogin('13612345678', await latestCode(t, '13612345678')), 401, 'SMS_CODE_INVALID');
  });

  it('refuses a second code within 60 seconds with SMS_SEND_TOO_SOON and Retry-After', async () => {
    expect((await send('13900000101')).status).toBe(202);
    const again = await send('13900000101');
    expectProblem(again, 429, 'SMS_SEND_TOO_SOON');
    const retryAfter = Number(again.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(50);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(await outboxOf(t, '13900000101')).toHaveLength(1);

    await waitOutResend('13900000101');
    expect((await send('13900000101')).status).toBe(202);
  });

  it('sends at most 10 codes a day to one phone, then SMS_DAILY_LIMIT', async () => {
    const phone = '13900000102';
    for (let i = 0; i < 10; i++) {
      expect((await send(phone)).status).toBe(202);
      await waitOutResend(phone);
    }
    const eleventh = await send(phone);
    expectProblem(eleventh, 429, 'SMS_DAILY_LIMIT');
    const retryAfter = Number(eleventh.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(24 * 3600);
    expect(await outboxOf(t, phone)).toHaveLength(10);
  });

  it('kills a code after 5 wrong tries, so that even the right code is then refused', async () => {
    const phone = '13700000001'; // demo_unit
    expect((await send(phone)).status).toBe(202);
    const code = await latestCode(t, phone);
    for (let i = 1; i <= 5; i++) {
      const wrong = await smsLogin(phone, otherThan(code));
      expect(expectProblem(wrong, 401, 'SMS_CODE_INVALID').attemptsLeft).toBe(5 - i);
    }
    expectProblem(await smsLogin(phone, code), 401, 'SMS_CODE_TOO_MANY_TRIES');
  });

  it('refuses an expired code with SMS_CODE_EXPIRED', async () => {
    const phone = '13900000103';
    expect((await send(phone)).status).toBe(202);
    const code = await latestCode(t, phone);
    await t.db.query(`UPDATE sms_codes SET expires_at = now() - interval '1 second' WHERE phone = $1`, [phone]);
    expectProblem(await smsLogin(phone, code), 401, 'SMS_CODE_EXPIRED');
  });

  it('replaces an earlier code when a new one is sent', async () => {
    const phone = '13900000104';
    await send(phone);
    const first = await latestCode(t, phone);
    await waitOutResend(phone);
    await send(phone);
    const second = await latestCode(t, phone);
    if (first !== second) expectProblem(await smsLogin(phone, first), 401, 'SMS_CODE_INVALID');
    expect((await smsLogin(phone, second)).status).toBe(200);
  });

  it('refuses a malformed phone or code with VALIDATION_FAILED naming the field', async () => {
    const badPhone = expectProblem(await send('12345'), 400, 'VALIDATION_FAILED');
    expect(badPhone.errors).toEqual([expect.objectContaining({ field: 'phone' })]);
    const badCode = expectProblem(await smsLogin(APPLICANT_PHONE, '12ab'), 400, 'VALIDATION_FAILED');
    expect(badCode.errors).toEqual([expect.objectContaining({ field: 'code' })]);
  });
});

describe('SMS sign-in of staff', () => {
  const CITY_HRSS_PHONE = '13900000003';

  it('lets staff sign in with a code alone while the SMS second factor is off (demo mode)', async () => {
    const t = await startTestApp({ STAFF_SMS_2FA: 'false', DEMO_DATA: 'true' });
    try {
      expect((await t.http().post('/api/v1/auth/sms/send').send({ phone: CITY_HRSS_PHONE })).status).toBe(202);
      const response = await t.http().post('/api/v1/auth/sms/login').send({ phone: CITY_HRSS_PHONE, code: await latestCode(t, CITY_HRSS_PHONE) });
      expect(response.status).toBe(200);
      expect(response.body.user.username).toBe('city_hrss');
    } finally {
      await t.close();
    }
  });

  it('refuses a code alone for staff while the second factor is on (password and code are both required)', async () => {
    const t = await startTestApp({ STAFF_SMS_2FA: 'true', DEMO_DATA: 'true' });
    try {
      expect((await t.http().get('/api/v1/app-info')).body.staffSmsSecondFactor).toBe(true);
      expect((await t.http().post('/api/v1/auth/sms/send').send({ phone: CITY_HRSS_PHONE })).status).toBe(202);
      const response = await t.http().post('/api/v1/auth/sms/login').send({ phone: CITY_HRSS_PHONE, code: await latestCode(t, CITY_HRSS_PHONE) });
      expect(expectProblem(response, 403, 'STAFF_PASSWORD_REQUIRED').detail).toContain('密码');
      const [event] = await t.db.query<{
        success: boolean;
        reason: string;
      }[]>(`SELECT success, reason FROM login_events WHERE username = 'city_hrss' ORDER BY id DESC LIMIT 1`);
      expect(event).toEqual({ success: false, reason: 'STAFF_PASSWORD_REQUIRED' });
      // Applicants still sign in by SMS alone.
      expect((await t.http().post('/api/v1/auth/sms/send').send({ phone: APPLICANT_PHONE })).status).toBe(202);
      const applicant = await t.http().post('/api/v1/auth/sms/login').send({ phone: APPLICANT_PHONE, code: await latestCode(t, APPLICANT_PHONE) });
      expect(applicant.status).toBe(200);
    } finally {
      await t.close();
    }
  });
});

describe('the SMS sandbox outside demo mode (explicit opt-in)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(); // the test default: DEMO_DATA=false, SMS_PROVIDER=sandbox, ALLOW_SANDBOX_OUTSIDE_DEMO=true
  });
  afterAll(async () => {
    await t.close();
  });

  it('never reaches a staff account: its code signs nobody in, answered as for a phone of no account', async () => {
    const adminPhone = '13900000001';
    const staff = await t.http().post(SEND).send({ phone: adminPhone });
    const stranger = await t.http().post(SEND).send({ phone: '13612349999' });
    expect(staff.status).toBe(202);
    expect(Object.keys(staff.body).sort()).toEqual(Object.keys(stranger.body).sort());
    const staffLogin = await t.http().post(SMS_LOGIN).send({ phone: adminPhone, code: await latestCode(t, adminPhone) });
    const strangerLogin = await t.http().post(SMS_LOGIN).send({ phone: '13612349999', code: await latestCode(t, '13612349999') });
    expectProblem(staffLogin, 401, 'SMS_CODE_INVALID');
    expect(staffLogin.body.detail).toBe(strangerLogin.body.detail);
    expect(staffLogin.body).not.toHaveProperty('accessToken');
  });

  it('still signs applicants and units in by SMS', async () => {
    expect((await t.http().post(SEND).send({ phone: APPLICANT_PHONE })).status).toBe(202);
    const response = await t.http().post(SMS_LOGIN).send({ phone: APPLICANT_PHONE, code: await latestCode(t, APPLICANT_PHONE) });
    expect(response.status).toBe(200);
  });
});

describe('the public sandbox outbox, read by ticket', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ DEMO_DATA: 'true', AUTH_RATE_LIMIT_PER_IP: '30' });
  });
  afterAll(async () => {
    await t.close();
  });
  const outbox = (ticket: string) => t.http().get(`/api/v1/sandbox/sms-outbox/${ticket}`);

  it('shows the message a send delivered, with the phone masked', async () => {
    const sent = await t.http().post(SEND).send({ phone: APPLICANT_PHONE });
    const response = await outbox(sent.body.sandboxTicket);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ phoneMasked: '138****0001', content: expect.stringMatching(/验证码为 \d{6}/), sentAt: expect.any(String) });
  });

  it('cannot be read by phone any more, and answers 404 for an unknown ticket and 400 for a malformed one', async () => {
    expectProblem(await t.http().get('/api/v1/sandbox/sms-outbox').query({ phone: APPLICANT_PHONE }), 404, 'NOT_FOUND');
    expectProblem(await outbox('A'.repeat(24)), 404, 'NOT_FOUND');
    expectProblem(await outbox('not-a-ticket'), 400, 'VALIDATION_FAILED');
  });

  it('answers a registered and an unregistered phone alike', async () => {
    const registered = await outbox((await t.http().post(SEND).send({ phone: '13700000001' })).body.sandboxTicket);
    const unregistered = await outbox((await t.http().post(SEND).send({ phone: '13612340000' })).body.sandboxTicket);
    expect(unregistered.status).toBe(registered.status);
    expect(Object.keys(unregistered.body).sort()).toEqual(Object.keys(registered.body).sort());
    expect(unregistered.body.content.replace(/\d{6}/, '######')).toBe(registered.body.content.replace(/\d{6}/, '######'));
  });

  it('is rate-limited per client address', async () => {
    let refused: { status: number; headers: Record<string, string> } | null = null;
    for (let i = 0; i < 40 && !refused; i++) {
      const response = await outbox('B'.repeat(24));
      if (response.status === 429) refused = response;
    }
    expect(refused?.status).toBe(429);
    expect(Number(refused?.headers['retry-after'])).toBeGreaterThan(0);
  });
});

describe('where the SMS sandbox may run', () => {
  it('exists only while the sandbox provider is on', async () => {
    const t = await startTestApp({ SMS_PROVIDER: 'http', SMS_HTTP_URL: 'http://127.0.0.1:9/sms' });
    try {
      expectProblem(await t.http().get(`/api/v1/sandbox/sms-outbox/${'A'.repeat(24)}`), 404, 'NOT_FOUND');
      expect((await t.http().post(SEND).send({ phone: '13612340001' })).body).not.toHaveProperty('sandboxTicket');
    } finally {
      await t.close();
    }
  });
});
