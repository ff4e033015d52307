import { performance } from 'node:perf_hooks';
import { claimsOf, forgeJwt } from './support/jwt-forge.js';
import { expectProblem, problemWithoutRequest } from './support/problem.js';
import { latestCode, outboxOf } from './support/sms-outbox.js';
import { waitFor } from './support/wait.js';
import { startTestApp, TEST_PASSWORD, type TestApp } from './support/test-app.js';

const LOGIN = '/api/v1/auth/login';
const WRONG_PASSWORD = 'Wrong@2026x';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

describe('password sign-in', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const login = (username: string, password: string, extra: Record<string, unknown> = {}) =>
    t.http().post(LOGIN).send({ username, password, ...extra });

  /** `n` wrong passwords in a row; returns the last answer. */
  async function failTimes(username: string, n: number) {
    let last = await login(username, WRONG_PASSWORD);
    for (let i = 1; i < n; i++) last = await login(username, WRONG_PASSWORD);
    return last;
  }

  it('signs in with username and password and returns the tokens and the user', async () => {
    const response = await login('city_hrss', TEST_PASSWORD);
    expect(response.status).toBe(200);
    expect(Object.keys(response.body).sort()).toEqual(['accessToken', 'expiresIn', 'idleTimeout', 'refreshToken', 'tokenType', 'user']);
    expect(response.body).toMatchObject({
      tokenType: 'Bearer',
      expiresIn: 900,
      idleTimeout: 1800,
      user: { username: 'city_hrss', role: 'CITY_HRSS', status: 'ACTIVE', mustChangePassword: false, phone: '13900000003' },
    });
    expect(response.body.accessToken).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(response.body.refreshToken).toEqual(expect.any(String));
    expect(response.body.refreshToken).not.toBe(response.body.accessToken);
    expect(JSON.stringify(response.body)).not.toMatch(/password_?hash|\$argon2/i);

    const me = await t.http().get('/api/v1/me').set('Authorization', `Bearer ${response.body.accessToken}`);
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ id: response.body.user.id, username: 'city_hrss', role: 'CITY_HRSS', region: { level: 'CITY' } });
  });

  it('refuses a wrong password and an unknown username with the same 401 INVALID_CREDENTIALS body', async () => {
    const wrongPassword = await login('dongcheng_org', WRONG_PASSWORD);
    const unknownUser = await login('nobody_here_at_all', WRONG_PASSWORD);
    const a = expectProblem(wrongPassword, 401, 'INVALID_CREDENTIALS');
    const b = expectProblem(unknownUser, 401, 'INVALID_CREDENTIALS');
    expect(problemWithoutRequest(a)).toEqual(problemWithoutRequest(b));
    expect(a.requestId).not.toBe(b.requestId);
  });

  it('takes about as long to refuse an unknown username as a wrong password', async () => {
    // Each refusal counts towards the lock; clearing the count keeps every sample a first failure.
    const timed = async (username: string) => {
      const started = performance.now();
      const response = await login(username, WRONG_PASSWORD);
      const ms = performance.now() - started;
      expect(response.status).toBe(401);
      await t.db.query(`DELETE FROM login_failures WHERE username_key = $1`, [username]);
      return ms;
    };
    await timed('beishan_org');
    await timed('no_such_clerk');
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 7; i++) {
      known.push(await timed('beishan_org'));
      unknown.push(await timed('no_such_clerk'));
    }
    // Both verify an argon2id hash (the unknown one a decoy), so neither can be a fast path.
    expect(median(known)).toBeGreaterThanOrEqual(10);
    expect(median(unknown)).toBeGreaterThanOrEqual(10);
    const ratio = Math.max(median(known), median(unknown)) / Math.min(median(known), median(unknown));
    expect(ratio).toBeLessThan(3);
  });

  it('locks the account for 15 minutes after 5 consecutive failures', async () => {
    for (let i = 1; i <= 4; i++) {
      const response = await login('xicheng_hrss', WRONG_PASSWORD);
      expect(expectProblem(response, 401, 'INVALID_CREDENTIALS').attemptsLeft).toBe(5 - i);
    }
    const fifth = await login('xicheng_hrss', WRONG_PASSWORD);
    const body = expectProblem(fifth, 423, 'ACCOUNT_LOCKED');
    const minutesAhead = (Date.parse(body.lockedUntil as string) - Date.now()) / 60_000;
    expect(minutesAhead).toBeGreaterThan(14);
    expect(minutesAhead).toBeLessThanOrEqual(15);
    const retryAfter = Number(fifth.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(14 * 60);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
  });

  it('keeps a locked account locked even with the right password', async () => {
    await failTimes('xicheng_org', 5);
    const response = await login('xicheng_org', TEST_PASSWORD);
    const body = expectProblem(response, 423, 'ACCOUNT_LOCKED');
    expect(body.lockedUntil).toEqual(expect.any(String));
    expect(response.headers['retry-after']).toMatch(/^\d+$/);
    expect(response.body).not.toHaveProperty('accessToken');
  });

  it('locks an unknown username exactly like a real one, so that the lock reveals nothing', async () => {
    const answers = async (username: string) => {
      const statuses: string[] = [];
      for (let i = 0; i < 6; i++) {
        const response = await login(username, WRONG_PASSWORD);
        statuses.push(`${response.status} ${response.body.code} ${response.body.attemptsLeft ?? '-'} ${response.headers['retry-after'] ? 'retry' : ''}`);
      }
      return statuses;
    };
    const real = await answers('nanhu_org');
    const madeUp = await answers('nanhu_nobody');
    expect(real).toEqual(madeUp);
    expect(madeUp.slice(4)).toEqual(['423 ACCOUNT_LOCKED - retry', '423 ACCOUNT_LOCKED - retry']);
    const realLocked = await login('nanhu_org', WRONG_PASSWORD);
    const madeUpLocked = await login('nanhu_nobody', WRONG_PASSWORD);
    expect(Object.keys(realLocked.body).sort()).toEqual(Object.keys(madeUpLocked.body).sort());
  });

  it('starts counting afresh after a successful sign-in before the fifth failure', async () => {
    await failTimes('nanhu_hrss', 4);
    expect((await login('nanhu_hrss', TEST_PASSWORD)).status).toBe(200);
    const fourMore = await failTimes('nanhu_hrss', 4);
    expect(expectProblem(fourMore, 401, 'INVALID_CREDENTIALS').attemptsLeft).toBe(1);
    expect((await login('nanhu_hrss', TEST_PASSWORD)).status).toBe(200);
  });

  it('unlocks the account once the 15 minutes have run out', async () => {
    await failTimes('beishan_hrss', 5);
    expect((await login('beishan_hrss', TEST_PASSWORD)).status).toBe(423);
    await t.db.query(`UPDATE login_failures SET locked_until = now() - interval '1 second' WHERE username_key = 'beishan_hrss'`);

    const afterLock = await login('beishan_hrss', WRONG_PASSWORD);
    // A failure after the lock ran out counts from one again, not on top of the old five.
    expect(expectProblem(afterLock, 401, 'INVALID_CREDENTIALS').attemptsLeft).toBe(4);
    expect((await login('beishan_hrss', TEST_PASSWORD)).status).toBe(200);
  });

  it('refuses an account at another entry with WRONG_PORTAL, but only after a correct password', async () => {
    const applicantAtStaff = await login('demo_applicant', TEST_PASSWORD, { portal: 'STAFF' });
    expect(expectProblem(applicantAtStaff, 403, 'WRONG_PORTAL').portal).toBe('PERSONAL');
    const staffAtUnit = await login('city_org', TEST_PASSWORD, { portal: 'UNIT' });
    expect(expectProblem(staffAtUnit, 403, 'WRONG_PORTAL').portal).toBe('STAFF');
    // With a wrong password nothing about the account is revealed, its entry included.
    const wrongPassword = await login('demo_applicant', WRONG_PASSWORD, { portal: 'STAFF' });
    expect(expectProblem(wrongPassword, 401, 'INVALID_CREDENTIALS')).not.toHaveProperty('portal');

    expect((await login('demo_applicant', TEST_PASSWORD, { portal: 'PERSONAL' })).status).toBe(200);
    expect((await login('demo_unit', TEST_PASSWORD, { portal: 'UNIT' })).status).toBe(200);
    expect((await login('city_org', TEST_PASSWORD, { portal: 'STAFF' })).status).toBe(200);
  });

  it('ends the sessions of a disabled account at once', async () => {
    const before = await t.login('beishan_finance');
    const admin = await t.bearer('admin');
    const [{ id }] = await t.db.query<{ id: string }[]>(`SELECT id FROM users WHERE username = 'beishan_finance'`);
    expect((await t.http().patch(`/api/v1/staff/${id}`).set(admin).send({ status: 'DISABLED' })).status).toBe(200);
    expect((await t.http().get('/api/v1/me').set('Authorization', `Bearer ${before.accessToken}`)).status).toBe(401);
  });
});

describe('a disabled account does not confirm a guessed password', () => {
  let t: TestApp;
  beforeAll(async () => {
    // Demo mode, so that the sandbox carries messages to staff phones.
    t = await startTestApp({ DEMO_DATA: 'true' });
    const admin = await t.bearer('admin');
    const [{ id }] = await t.db.query<{ id: string }[]>(`SELECT id FROM users WHERE username = 'nanhu_org'`);
    expect((await t.http().patch(`/api/v1/staff/${id}`).set(admin).send({ status: 'DISABLED' })).status).toBe(200);
  });
  afterAll(async () => {
    await t.close();
  });
  const login = (username: string, password: string) => t.http().post(LOGIN).send({ username, password });

  it('answers the right password exactly as a wrong one (401 INVALID_CREDENTIALS, the same detail, counted)', async () => {
    const wrong = await login('nanhu_org', WRONG_PASSWORD);
    const right = await login('nanhu_org', TEST_PASSWORD);
    expectProblem(wrong, 401, 'INVALID_CREDENTIALS');
    expectProblem(right, 401, 'INVALID_CREDENTIALS');
    expect(right.body.attemptsLeft).toBe(wrong.body.attemptsLeft - 1);
    expect(right.body.detail.replace(/\d+ 次/, 'N 次')).toBe(wrong.body.detail.replace(/\d+ 次/, 'N 次'));
    const [event] = await t.db.query<object[]>(`SELECT success, reason FROM login_events WHERE username = 'nanhu_org' ORDER BY id DESC LIMIT 1`);
    expect(event).toEqual({ success: false, reason: 'ACCOUNT_DISABLED' });
  });

  it('tells the reason to the holder of the phone on record, once an hour at most', async () => {
    const phone = (await t.db.query(`SELECT phone FROM users WHERE username = 'nanhu_org'`))[0].phone as string;
    await waitFor(async () => (await outboxOf(t, phone)).some((m) => m.template === 'ACCOUNT_DISABLED_NOTICE'));
    const [notice] = await outboxOf(t, phone);
    expect(notice.content).toContain('nanhu_org 已停用');
    await login('nanhu_org', TEST_PASSWORD);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await outboxOf(t, phone)).filter((m) => m.template === 'ACCOUNT_DISABLED_NOTICE')).toHaveLength(1);
  });
});


describe('sign-in log', () => {
  let t: TestApp;
  let auditor: { Authorization: string };
  beforeAll(async () => {
    t = await startTestApp();
    auditor = await t.bearer('auditor');
  });
  afterAll(async () => {
    await t.close();
  });

  interface LoginEventRow {
    id: string;
    at: Date;
    kind: string;
    method: string | null;
    username: string | null;
    user_id: string | null;
    ip: string | null;
    user_agent: string | null;
    success: boolean;
    reason: string | null;
  }

  it('logs every sign-in attempt with who, when, IP, user agent and result', async () => {
    const agent = `log-test-agent/${Date.now()}`;
    const started = Date.now() - 1000;
    const send = (username: string, password: string) => t.http().post(LOGIN).set('User-Agent', agent).send({ username, password });
    expect((await send('city_finance', TEST_PASSWORD)).status).toBe(200);
    expect((await send('city_finance', WRONG_PASSWORD)).status).toBe(401);
    expect((await send('ghost_of_nobody', WRONG_PASSWORD)).status).toBe(401);
    for (let i = 0; i < 5; i++) await send('dongcheng_finance', WRONG_PASSWORD);
    expect((await send('dongcheng_finance', TEST_PASSWORD)).status).toBe(423);

    const rows = await t.db.query<LoginEventRow[]>(`SELECT * FROM login_events WHERE user_agent = $1 ORDER BY id`, [agent]);
    expect(rows).toHaveLength(9);
    const [{ id: cityFinanceId }] = await t.db.query<{ id: string }[]>(`SELECT id FROM users WHERE username = 'city_finance'`);
    expect(rows.map((r) => [r.kind, r.method, r.username, r.success, r.reason])).toEqual([
      ['LOGIN', 'PASSWORD', 'city_finance', true, null],
      ['LOGIN', 'PASSWORD', 'city_finance', false, 'WRONG_PASSWORD'],
      ['LOGIN', 'PASSWORD', 'ghost_of_nobody', false, 'UNKNOWN_USERNAME'],
      ...Array.from({ length: 4 }, () => ['LOGIN', 'PASSWORD', 'dongcheng_finance', false, 'WRONG_PASSWORD']),
      ['LOGIN', 'PASSWORD', 'dongcheng_finance', false, 'WRONG_PASSWORD'],
      ['LOGIN', 'PASSWORD', 'dongcheng_finance', false, 'ACCOUNT_LOCKED'],
    ]);
    expect(rows[0].user_id).toBe(cityFinanceId);
    expect(rows[2].user_id).toBeNull();
    for (const row of rows) {
      expect(row.ip).toMatch(/127\.0\.0\.1|::1/);
      expect(row.at.getTime()).toBeGreaterThanOrEqual(started);
      expect(row.at.getTime()).toBeLessThanOrEqual(Date.now() + 1000);
    }
  });

  it('refuses UPDATE, DELETE and TRUNCATE of the sign-in log even by direct SQL of the schema owner', async () => {
    await t.login('city_org');
    const [{ count: before }] = await t.db.query<{ count: number }[]>(`SELECT count(*)::int AS count FROM login_events`);
    const [{ id }] = await t.db.query<{ id: string }[]>(`SELECT id FROM login_events ORDER BY id DESC LIMIT 1`);

    // The app's own role may not even try (database-roles.e2e-spec); the trigger stops the owner too.
    await expect(t.asOwner(`UPDATE login_events SET success = NOT success WHERE id = $1`, [id])).rejects.toThrow(/append-only/);
    await expect(t.asOwner(`DELETE FROM login_events WHERE id = $1`, [id])).rejects.toThrow(/append-only/);
    await expect(t.asOwner(`TRUNCATE login_events`)).rejects.toThrow(/append-only/);

    const [{ count: after }] = await t.db.query<{ count: number }[]>(`SELECT count(*)::int AS count FROM login_events`);
    expect(after).toBe(before);
  });

  it('offers no API route that edits or deletes the sign-in log', async () => {
    const [{ id }] = await t.db.query<{ id: string }[]>(`SELECT id FROM login_events ORDER BY id DESC LIMIT 1`);
    const [{ count: before }] = await t.db.query<{ count: number }[]>(`SELECT count(*)::int AS count FROM login_events`);
    const admin = await t.bearer('admin');
    for (const headers of [auditor, admin]) {
      for (const path of ['/api/v1/audit/login-events', `/api/v1/audit/login-events/${id}`]) {
        for (const method of ['delete', 'patch', 'put', 'post'] as const) {
          const response = await t.http()[method](path).set(headers).send({ success: true });
          expect([404, 405]).toContain(response.status);
        }
      }
    }
    const [{ count: after }] = await t.db.query<{ count: number }[]>(`SELECT count(*)::int AS count FROM login_events`);
    expect(after).toBe(before + 1); // the administrator's sign-in above, and nothing else

    const docs = await t.http().get('/api/docs-json');
    const logPaths = Object.entries(docs.body.paths as Record<string, object>).filter(([path]) => path.includes('/audit/login-events'));
    expect(logPaths.length).toBeGreaterThan(0);
    for (const [, operations] of logPaths) expect(Object.keys(operations)).toEqual(['get']);
  });

  it('lets the auditor page through the sign-in log with a cursor', async () => {
    for (const username of ['city_hrss', 'city_org', 'dongcheng_hrss', 'xicheng_hrss']) await t.login(username);
    const first = await t.http().get('/api/v1/audit/login-events').query({ limit: 3 }).set(auditor);
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(3);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    expect(first.body.items[0]).toMatchObject({ kind: 'LOGIN', username: 'xicheng_hrss', success: true, ip: expect.any(String) });
    expect(first.body.items[0]).toHaveProperty('userAgent');
    expect(first.body.items[0]).toHaveProperty('at');

    const second = await t.http().get('/api/v1/audit/login-events').query({ limit: 3, cursor: first.body.nextCursor }).set(auditor);
    expect(second.status).toBe(200);
    expect(second.body.items).toHaveLength(3);
    const firstIds = (first.body.items as { id: string }[]).map((e) => BigInt(e.id));
    const secondIds = (second.body.items as { id: string }[]).map((e) => BigInt(e.id));
    // Newest first and no row twice: every id of page two is older than every id of page one.
    expect(secondIds.every((id) => firstIds.every((seen) => id < seen))).toBe(true);
    expect(second.body.items[0].username).toBe('city_hrss');

    const all = await t.http().get('/api/v1/audit/login-events').query({ limit: 100 }).set(auditor);
    expect(all.body.nextCursor).toBeNull();
    expectProblem(await t.http().get('/api/v1/audit/login-events').query({ cursor: 'not-a-cursor' }).set(auditor), 400, 'VALIDATION_FAILED');
  });

  it('filters the sign-in log by username and by result', async () => {
    await t.http().post(LOGIN).send({ username: 'nanhu_finance', password: WRONG_PASSWORD });
    await t.login('nanhu_finance');
    const byName = await t.http().get('/api/v1/audit/login-events').query({ username: 'nanhu_finance' }).set(auditor);
    expect(byName.status).toBe(200);
    expect(byName.body.items.map((e: { success: boolean }) => e.success)).toEqual([true, false]);
    expect(byName.body.items.every((e: { username: string }) => e.username === 'nanhu_finance')).toBe(true);

    const failures = await t.http().get('/api/v1/audit/login-events').query({ username: 'nanhu_finance', success: 'false' }).set(auditor);
    expect(failures.body.items).toHaveLength(1);
    expect(failures.body.items[0]).toMatchObject({ success: false, reason: 'WRONG_PASSWORD' });

    const allFailures = await t.http().get('/api/v1/audit/login-events').query({ success: false, limit: 100 }).set(auditor);
    expect(allFailures.body.items.length).toBeGreaterThan(0);
    expect(allFailures.body.items.every((e: { success: boolean }) => e.success === false)).toBe(true);
  });

  it('refuses the sign-in log to every role but the auditor', async () => {
    for (const username of ['admin', 'city_hrss', 'dongcheng_hrss', 'demo_unit', 'demo_applicant']) {
      const response = await t.http().get('/api/v1/audit/login-events').set(await t.bearer(username));
      expectProblem(response, 403, 'FORBIDDEN');
    }
    expectProblem(await t.http().get('/api/v1/audit/login-events'), 401, 'AUTH_REQUIRED');
  });
});

describe('staff SMS second factor, on', () => {
  let t: TestApp;
  beforeAll(async () => {
    // Demo mode: outside it the sandbox never carries a staff code (and the setting is refused).
    t = await startTestApp({ STAFF_SMS_2FA: 'true', DEMO_DATA: 'true' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('asks staff for the SMS code sent to their phone after the password, then signs them in', async () => {
    const challenge = await t.http().post(LOGIN).send({ username: 'city_finance', password: TEST_PASSWORD });
    expect(challenge.status).toBe(200);
    expect(challenge.body).toEqual({
      mfaRequired: true,
      mfaToken: expect.any(String),
      phoneMasked: '139****0005',
      expiresIn: 300,
      sandboxTicket: expect.any(String),
    });

    const [message] = await outboxOf(t, '13900000005');
    expect(message.template).toBe('MFA_CODE');
    // The demo page reads the code by the ticket, without the full phone.
    const shown = await t.http().get(`/api/v1/sandbox/sms-outbox/${challenge.body.sandboxTicket}`);
    expect(shown.body.content).toBe(message.content);
    const code = await latestCode(t, '13900000005');
    const tokens = await t.http().post('/api/v1/auth/login/mfa').send({ mfaToken: challenge.body.mfaToken, code });
    expect(tokens.status).toBe(200);
    expect(tokens.body).toMatchObject({ tokenType: 'Bearer', user: { username: 'city_finance' } });
    const me = await t.http().get('/api/v1/me').set('Authorization', `Bearer ${tokens.body.accessToken}`);
    expect(me.status).toBe(200);
  });

  it('refuses a wrong second-factor code with SMS_CODE_INVALID', async () => {
    const challenge = await t.http().post(LOGIN).send({ username: 'city_org', password: TEST_PASSWORD });
    const code = await latestCode(t, '13900000004');
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    const response = await t.http().post('/api/v1/auth/login/mfa').send({ mfaToken: challenge.body.mfaToken, code: wrong });
    expectProblem(response, 401, 'SMS_CODE_INVALID');
    expect(response.body).not.toHaveProperty('accessToken');
  });

  it('refuses a tampered, expired or foreign mfaToken with MFA_TOKEN_INVALID', async () => {
    const challenge = await t.http().post(LOGIN).send({ username: 'city_hrss', password: TEST_PASSWORD });
    const code = await latestCode(t, '13900000003');
    const token: string = challenge.body.mfaToken;
    const claims = claimsOf(token);
    const [{ id: adminId }] = await t.db.query<{ id: string }[]>(`SELECT id FROM users WHERE username = 'admin'`);

    const [head, , signature] = token.split('.');
    const tampered = `${head}.${Buffer.from(JSON.stringify({ ...claims, sub: adminId })).toString('base64url')}.${signature}`;
    const now = Math.floor(Date.now() / 1000);
    const expired = forgeJwt({ ...claims, iat: now - 600, exp: now - 300 });
    const unsigned = forgeJwt(claims, { alg: 'none' });
    const otherSecret = forgeJwt(claims, { secret: 'not-the-secret-of-this-server-0123456789' });
    const forever: Record<string, unknown> = { ...claims };
    delete forever.exp;
    const neverExpiring = forgeJwt(forever);
    const accessToken = (await t.login('demo_applicant')).accessToken;

    for (const mfaToken of [tampered, expired, unsigned, otherSecret, neverExpiring, accessToken, 'garbage']) {
      const response = await t.http().post('/api/v1/auth/login/mfa').send({ mfaToken, code });
      expectProblem(response, 401, 'MFA_TOKEN_INVALID');
    }
    // The challenge token is no access token either.
    expectProblem(await t.http().get('/api/v1/me').set('Authorization', `Bearer ${token}`), 401, 'TOKEN_INVALID');
    // And the genuine one still works: the refusals above were about the tokens, not the code.
    expect((await t.http().post('/api/v1/auth/login/mfa').send({ mfaToken: token, code })).status).toBe(200);
  });

  it('keeps the second factor’s own SMS budget: anonymous login codes to a staff phone cannot use it up', async () => {
    const phone = '13900000106'; // nanhu_hrss
    for (let i = 0; i < 10; i++) {
      expect((await t.http().post('/api/v1/auth/sms/send').send({ phone })).status).toBe(202);
      await t.db.query(`UPDATE sms_codes SET created_at = created_at - interval '61 seconds' WHERE phone = $1`, [phone]);
    }
    expectProblem(await t.http().post('/api/v1/auth/sms/send').send({ phone }), 429, 'SMS_DAILY_LIMIT');
    const challenge = await t.http().post(LOGIN).send({ username: 'nanhu_hrss', password: TEST_PASSWORD });
    expect(challenge.status).toBe(200);
    expect(challenge.body.mfaRequired).toBe(true);
    const code = (await outboxOf(t, phone)).find((m) => m.template === 'MFA_CODE')!.content.match(/验证码为 (\d{6})/)![1];
    expect((await t.http().post('/api/v1/auth/login/mfa').send({ mfaToken: challenge.body.mfaToken, code })).status).toBe(200);
  });

  it('signs applicants and units in without a second factor', async () => {
    for (const username of ['demo_applicant', 'demo_unit']) {
      const response = await t.http().post(LOGIN).send({ username, password: TEST_PASSWORD });
      expect(response.status).toBe(200);
      expect(response.body.accessToken).toEqual(expect.any(String));
      expect(response.body).not.toHaveProperty('mfaRequired');
    }
    expect(await outboxOf(t, '13800000001')).toEqual([]);
    expect(await outboxOf(t, '13700000001')).toEqual([]);
  });
});

describe('staff SMS second factor, off (the test default)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('gives staff their tokens straight after the password and sends no SMS', async () => {
    const response = await t.http().post(LOGIN).send({ username: 'city_finance', password: TEST_PASSWORD });
    expect(response.status).toBe(200);
    expect(response.body.accessToken).toEqual(expect.any(String));
    expect(response.body).not.toHaveProperty('mfaRequired');
    expect(await outboxOf(t, '13900000005')).toEqual([]);
  });
});
