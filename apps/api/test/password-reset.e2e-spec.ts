import { randomInt } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { creditCodeCheckChar, residentIdCheckChar, type SessionTokens } from '@butie/contracts';
import { expectProblem } from './support/problem.js';
import { latestCode, outboxOf } from './support/sms-outbox.js';
import { givePhoneCode } from './support/registration-code.js';
import { startTestApp, TEST_PASSWORD, type TestApp } from './support/test-app.js';
import { waitFor } from './support/wait.js';

const FORGOT = '/api/v1/auth/password/forgot';
const RESET = '/api/v1/auth/password/reset';
const LOGIN = '/api/v1/auth/login';
const REFRESH = '/api/v1/auth/refresh';
const FIRST_PASSWORD = 'Graduate@2026';
const DAILY_LIMIT = 8;
const MAX_ATTEMPTS = 5;
const RUN = `${process.pid % 1000}`.padStart(3, '0');

/** A six-digit code that is certainly not `code`. */
function otherThan(code: string): string {
  return String((Number(code) + 1) % 1_000_000).padStart(6, '0');
}

let serial = 0;
const freshPhone = () => `175${RUN}${String(++serial).padStart(5, '0')}`;

describe('forgotten password (忘记密码)', () => {
  let t: TestApp;
  let unitId: string;
  let countyId: string;

  interface Account {
    id: string;
    username: string;
    phone: string;
  }

  /** A graduate who registered themselves (APPLICANT, DRAFT). */
  async function applicant(): Promise<Account> {
    const phone = freshPhone();
    const n = serial;
    const idBody = `53010219990101${String(n % 1000).padStart(3, '0')}`;
    const username = `pr${RUN}_${n}`;
    const response = await t.http().post('/api/v1/persons/registrations').send({
      account: { username, password: FIRST_PASSWORD, fullName: `忘记密码${n}`, phone, phoneCode: await givePhoneCode(t, phone) },
      basic: {
        idType: 'RESIDENT_ID',
        idNumber: idBody + residentIdCheckChar(idBody)!,
        birthDate: '1999-01-01',
        gender: Number(idBody[16]) % 2 === 1 ? 'MALE' : 'FEMALE',
        school: '云州大学',
        major: '会计学',
        education: 'BACHELOR',
        degree: 'BACHELOR',
        ethnicity: '汉族',
        selfEmployed: false,
        unitId,
      },
      agreedToNotice: true,
    });
    expect(response.status).toBe(201);
    return { id: (response.body as SessionTokens).user.id, username, phone };
  }

  /** A unit that registered itself (UNIT, its registration PENDING). */
  async function unitAccount(): Promise<Account> {
    const phone = freshPhone();
    const chars = '0123456789ABCDEFGHJKLMNPQRTUWXY';
    let code = '91530102';
    while (code.length < 17) code += chars[randomInt(chars.length)];
    const username = `pru${RUN}_${serial}`;
    const response = await t.http().post('/api/v1/units/registrations').send({
      unit: { name: `忘记密码测试${RUN}单位${serial}`, creditCode: code + creditCodeCheckChar(code)!, countyId, address: '云州市东城区测试路 9 号', contactPerson: '李华', contactPhone: phone },
      account: { username, password: FIRST_PASSWORD, phone, phoneCode: await givePhoneCode(t, phone) },
    });
    expect(response.status).toBe(201);
    const [row] = await t.db.query<{ id: string }[]>(`SELECT id FROM users WHERE username = $1`, [username]);
    return { id: row.id, username, phone };
  }

  const forgot = (phone: unknown) => t.http().post(FORGOT).send({ phone });
  const reset = (phone: string, code: string, newPassword: string) => t.http().post(RESET).send({ phone, code, newPassword });
  const login = (username: string, password: string) => t.http().post(LOGIN).send({ username, password });
  // Moves the phone's codes a minute back, as if the person had waited out the 60 s rule.
  const waitOutResend = (phone: string) => t.db.query(`UPDATE sms_codes SET created_at = created_at - interval '61 seconds' WHERE phone = $1`, [phone]);

  /** Asks for a code and reads it off the phone, as its holder would. */
  async function codeFor(phone: string): Promise<string> {
    await waitOutResend(phone);
    const response = await forgot(phone);
    expect(response.status).toBe(202);
    return latestCode(t, phone);
  }

  async function passwordHashOf(id: string): Promise<string> {
    const [row] = await t.db.query<{ password_hash: string }[]>(`SELECT password_hash FROM users WHERE id = $1`, [id]);
    return row.password_hash;
  }

  beforeAll(async () => {
    t = await startTestApp({ SMS_DAILY_LIMIT: String(DAILY_LIMIT), SMS_MAX_ATTEMPTS: String(MAX_ATTEMPTS) });
    [{ id: unitId, county_id: countyId }] = await t.db.query<{ id: string; county_id: string }[]>(
      `SELECT id, county_id FROM units WHERE status = 'APPROVED' AND NOT is_virtual ORDER BY created_at LIMIT 1`,
    );
  }, 60_000);

  afterAll(async () => {
    await t.close();
  });

  it('answers a registered and an unregistered phone alike, and a code arrives at both', async () => {
    const account = await applicant();
    const stranger = freshPhone();
    const registered = await forgot(account.phone);
    const unregistered = await forgot(stranger);
    expect(registered.status).toBe(202);
    expect(unregistered.status).toBe(202);
    expect({ ...unregistered.body, sandboxTicket: 'x' }).toEqual({ ...registered.body, sandboxTicket: 'x' });
    expect(registered.body).toEqual({ resendAfter: 60, expiresIn: 300, sandboxTicket: expect.any(String) });
    const [toAccount] = await outboxOf(t, account.phone);
    const [toStranger] = await outboxOf(t, stranger);
    expect(toStranger.template).toBe('PASSWORD_RESET_CODE');
    expect(toStranger.content.replace(/\d{6}/, '######')).toBe(toAccount.content.replace(/\d{6}/, '######'));
    // The 60 s rule holds for both, so it tells them apart no more than the answer does.
    for (const phone of [account.phone, stranger]) {
      const again = await forgot(phone);
      expectProblem(again, 429, 'SMS_SEND_TOO_SOON');
      expect(Number(again.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      expect(Number(again.headers['retry-after'])).toBeLessThanOrEqual(60);
    }
    // The stranger's code resets nothing: the answer is a wrong code, as for any wrong code.
    expectProblem(await reset(stranger, await latestCode(t, stranger), 'Brand@New2026'), 401, 'SMS_CODE_INVALID');
  });

  it(`sends at most ${DAILY_LIMIT} codes a day to one phone, registered or not (429 SMS_DAILY_LIMIT)`, async () => {
    const account = await applicant();
    for (const phone of [account.phone, freshPhone()]) {
      for (let i = 0; i < DAILY_LIMIT; i++) {
        expect((await forgot(phone)).status).toBe(202);
        await waitOutResend(phone);
      }
      const over = await forgot(phone);
      expectProblem(over, 429, 'SMS_DAILY_LIMIT');
      expect(Number(over.headers['retry-after'])).toBeGreaterThan(0);
      expect(Number(over.headers['retry-after'])).toBeLessThanOrEqual(24 * 3600);
      expect(await outboxOf(t, phone)).toHaveLength(DAILY_LIMIT);
    }
    // Sign-in codes have a budget of their own.
    expect((await t.http().post('/api/v1/auth/sms/send').send({ phone: account.phone })).status).toBe(202);
  });

  it('sets a new password with the code: the old one stops working, every session ends, the phone is told', async () => {
    const account = await applicant();
    const sessions = [(await login(account.username, FIRST_PASSWORD)).body as SessionTokens, (await login(account.username, FIRST_PASSWORD)).body as SessionTokens];
    const newPassword = 'Renewed@2026x';
    const response = await reset(account.phone, await codeFor(account.phone), newPassword);
    expect(response.status).toBe(204);

    expectProblem(await login(account.username, FIRST_PASSWORD), 401, 'INVALID_CREDENTIALS');
    expect((await login(account.username, newPassword)).status).toBe(200);
    for (const session of sessions) {
      expectProblem(await t.http().post(REFRESH).send({ refreshToken: session.refreshToken }), 401, 'SESSION_ENDED');
      expectProblem(await t.http().get('/api/v1/me').set('Authorization', `Bearer ${session.accessToken}`), 401, 'SESSION_ENDED');
    }
    // The notice goes out after the answer.
    await waitFor(async () => (await outboxOf(t, account.phone))[0]?.template === 'PASSWORD_RESET_NOTICE');
    const [notice] = await outboxOf(t, account.phone);
    expect(notice.content).toContain(account.username);
    const [log] = await t.db.query<{ action: string; actor_username: string }[]>(
      `SELECT action, actor_username FROM operation_logs WHERE target_id = $1 ORDER BY id DESC LIMIT 1`,
      [account.id],
    );
    expect(log).toEqual({ action: 'PASSWORD_CHANGE', actor_username: account.username });
  });

  it('works for a unit account too, and lifts a sign-in lock', async () => {
    const account = await unitAccount();
    for (let i = 0; i < 5; i++) await login(account.username, 'Wrong@Password1');
    expectProblem(await login(account.username, FIRST_PASSWORD), 423, 'ACCOUNT_LOCKED');
    expect((await reset(account.phone, await codeFor(account.phone), 'UnitReset@2026')).status).toBe(204);
    expect((await login(account.username, 'UnitReset@2026')).status).toBe(200);
  });

  it('uses a code once, and two resets racing with it: exactly one succeeds', async () => {
    const account = await applicant();
    const code = await codeFor(account.phone);
    expect((await reset(account.phone, code, 'Once@2026only')).status).toBe(204);
    expectProblem(await reset(account.phone, code, 'Twice@2026no'), 401, 'SMS_CODE_EXPIRED');
    expect((await login(account.username, 'Once@2026only')).status).toBe(200);

    const raced = await codeFor(account.phone);
    const responses = await Promise.all([reset(account.phone, raced, 'RaceOne@2026'), reset(account.phone, raced, 'RaceTwo@2026')]);
    expect(responses.map((r) => r.status).sort()).toEqual([204, 401]);
    const winner = responses[0].status === 204 ? 'RaceOne@2026' : 'RaceTwo@2026';
    expect((await login(account.username, winner)).status).toBe(200);
  });

  it(`counts wrong codes and kills the code after ${MAX_ATTEMPTS} of them, even for the right one afterwards`, async () => {
    const account = await applicant();
    const before = await passwordHashOf(account.id);
    const code = await codeFor(account.phone);
    for (let left = MAX_ATTEMPTS - 1; left >= 0; left--) {
      const wrong = expectProblem(await reset(account.phone, otherThan(code), 'Guessing@2026'), 401, 'SMS_CODE_INVALID');
      expect(wrong).toMatchObject({ attemptsLeft: left, errors: [{ field: 'code', message: expect.any(String) }] });
    }
    expectProblem(await reset(account.phone, code, 'Guessing@2026'), 401, 'SMS_CODE_TOO_MANY_TRIES');
    expect(await passwordHashOf(account.id)).toBe(before);
    // A new code works again.
    expect((await reset(account.phone, await codeFor(account.phone), 'Finally@2026')).status).toBe(204);
  });

  it('refuses an expired code, a code of another phone, and a sign-in code', async () => {
    const account = await applicant();
    const other = await applicant();
    const before = await passwordHashOf(account.id);

    const expired = await codeFor(account.phone);
    await t.db.query(`UPDATE sms_codes SET expires_at = now() - interval '1 second' WHERE phone = $1`, [account.phone]);
    expectProblem(await reset(account.phone, expired, 'Expired@2026'), 401, 'SMS_CODE_EXPIRED');

    const othersCode = await codeFor(other.phone);
    expectProblem(await reset(account.phone, othersCode, 'Stolen@2026x'), 401, 'SMS_CODE_EXPIRED');

    await waitOutResend(account.phone);
    expect((await t.http().post('/api/v1/auth/sms/send').send({ phone: account.phone })).status).toBe(202);
    const loginCode = await latestCode(t, account.phone);
    expectProblem(await reset(account.phone, loginCode, 'LoginCode@2026'), 401, 'SMS_CODE_EXPIRED');
    expect(await passwordHashOf(account.id)).toBe(before);
  });

  it('applies the password rules of domain §4, before spending the code; a refused password leaves the code usable', async () => {
    const account = await applicant();
    const code = await codeFor(account.phone);
    for (const weak of ['Short1!', 'alllowercaseletters', 'NOLOWERCASE123', `Aa1!${'x'.repeat(61)}`]) {
      const problem = expectProblem(await reset(account.phone, code, weak), 400, 'PASSWORD_POLICY');
      expect((problem.errors as { field: string }[]).every((error) => error.field === 'newPassword')).toBe(true);
    }
    // Containing the username is told only to whoever holds the code.
    expectProblem(await reset(account.phone, code, `${account.username.toUpperCase()}@x1`), 400, 'PASSWORD_POLICY');
    expectProblem(await reset(account.phone, code, FIRST_PASSWORD), 400, 'PASSWORD_REUSED');
    // None of that spent a try or the code.
    const [row] = await t.db.query<{ attempts: number; consumed_at: Date | null }[]>(
      `SELECT attempts, consumed_at FROM sms_codes WHERE phone = $1 AND purpose = 'PASSWORD_RESET' ORDER BY created_at DESC LIMIT 1`,
      [account.phone],
    );
    expect(row).toEqual({ attempts: 0, consumed_at: null });
    expect((await reset(account.phone, code, 'Strong@2026ok')).status).toBe(204);
  });

  it('refuses any of the last 3 passwords (PASSWORD_REUSED), and allows the fourth-last again', async () => {
    const account = await applicant();
    const passwords = [FIRST_PASSWORD, 'Second@2026', 'Third@2026x'];
    for (const next of passwords.slice(1)) expect((await reset(account.phone, await codeFor(account.phone), next)).status).toBe(204);
    for (const used of passwords) {
      const code = await codeFor(account.phone);
      expect(fieldsOfProblem(expectProblem(await reset(account.phone, code, used), 400, 'PASSWORD_REUSED'))).toEqual(['newPassword']);
    }
    expect((await reset(account.phone, await codeFor(account.phone), 'Fourth@2026')).status).toBe(204);
    expect((await reset(account.phone, await codeFor(account.phone), FIRST_PASSWORD)).status).toBe(204);
    expect((await login(account.username, FIRST_PASSWORD)).status).toBe(200);
  });

  it('staff passwords are reset by the administrator: a staff phone gets the neutral answer and a code that resets nothing', async () => {
    const [staff] = await t.db.query<{ id: string; username: string; phone: string }[]>(
      `SELECT id, username, phone FROM users WHERE username = 'dongcheng_hrss'`,
    );
    expect(staff.phone).toMatch(/^1\d{10}$/);
    const before = await passwordHashOf(staff.id);
    const stranger = await forgot(freshPhone());
    const answer = await forgot(staff.phone);
    expect(answer.status).toBe(202);
    expect({ ...answer.body, sandboxTicket: 'x' }).toEqual({ ...stranger.body, sandboxTicket: 'x' });
    // No code is issued for the account: what the sandbox delivers is bound to nobody.
    const codes = await t.db.query<{ user_id: string | null }[]>(`SELECT user_id FROM sms_codes WHERE phone = $1 AND purpose = 'PASSWORD_RESET'`, [staff.phone]);
    expect(codes).toEqual([{ user_id: null }]);
    // The sandbox delivers it, as to any phone, so that its outbox does not tell staff phones apart; it resets nothing.
    expect(await outboxOf(t, staff.phone)).toHaveLength(1);
    expectProblem(await reset(staff.phone, await latestCode(t, staff.phone), 'StaffTakeover@2026'), 401, 'SMS_CODE_INVALID');
    expect(await passwordHashOf(staff.id)).toBe(before);
    expect((await login(staff.username, TEST_PASSWORD)).status).toBe(200);
  });

  it('neither does a disabled account get a usable code', async () => {
    const account = await applicant();
    await t.db.query(`UPDATE users SET status = 'DISABLED' WHERE id = $1`, [account.id]);
    const before = await passwordHashOf(account.id);
    const code = await codeFor(account.phone);
    expectProblem(await reset(account.phone, code, 'Disabled@2026'), 401, 'SMS_CODE_INVALID');
    expect(await passwordHashOf(account.id)).toBe(before);
  });

  it('refuses malformed requests with 400 naming the field', async () => {
    for (const [body, field] of [
      [{ phone: '1380000000' }, 'phone'],
      [{ phone: 13800000001 }, 'phone'],
      [{}, 'phone'],
      [{ phone: '13800000001', username: 'admin' }, 'username'],
    ] as [object, string][]) {
      expect(fieldsOfProblem(expectProblem(await t.http().post(FORGOT).send(body), 400, 'VALIDATION_FAILED'))).toContain(field);
    }
    for (const [body, field] of [
      [{ phone: '13800000001', code: '12345', newPassword: 'Strong@2026' }, 'code'],
      [{ phone: '13800000001', code: 'abcdef', newPassword: 'Strong@2026' }, 'code'],
      [{ phone: '13800000001', code: '123456' }, 'newPassword'],
      [{ phone: '13800000001', code: '123456', newPassword: 'x'.repeat(129) }, 'newPassword'],
      [{ phone: 'x', code: '123456', newPassword: 'Strong@2026' }, 'phone'],
    ] as [object, string][]) {
      expect(fieldsOfProblem(expectProblem(await t.http().post(RESET).send(body), 400, 'VALIDATION_FAILED'))).toContain(field);
    }
  });
});

describe('forgotten password with a real SMS provider', () => {
  let t: TestApp;
  let provider: http.Server;
  const received: { phone: string; template: string; values: Record<string, string> }[] = [];

  beforeAll(async () => {
    // The SMS service of a deployment, as the app calls it: POST {phone, template, values}.
    provider = http.createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        received.push(JSON.parse(Buffer.concat(chunks).toString()) as (typeof received)[number]);
        response.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
      });
    });
    await new Promise<void>((resolve) => provider.listen(0, '127.0.0.1', resolve));
    const { port } = provider.address() as AddressInfo;
    // No sandbox opt-in: every outside system is a real (here: unreachable, unused) service.
    t = await startTestApp({
      SMS_PROVIDER: 'http',
      SMS_HTTP_URL: `http://127.0.0.1:${port}/sms`,
      ALLOW_SANDBOX_OUTSIDE_DEMO: 'false',
      SOCIAL_SECURITY_HTTP_URL: 'http://127.0.0.1:9/ss',
      DEGREE_HTTP_URL: 'http://127.0.0.1:9/moe',
    });
  }, 60_000);
  afterAll(async () => {
    await t.close();
    await new Promise((resolve) => provider.close(resolve));
  });

  it('sends the code only to an applicant or unit; a staff or unknown phone gets the same answer and no message', async () => {
    const phones = await t.db.query<{ username: string; phone: string }[]>(
      `SELECT username, phone FROM users WHERE username IN ('demo_applicant', 'demo_unit', 'dongcheng_hrss', 'admin') ORDER BY username`,
    );
    const phoneOf = (username: string) => phones.find((row) => row.username === username)!.phone;
    const answers = [];
    for (const phone of [phoneOf('demo_applicant'), phoneOf('demo_unit'), phoneOf('dongcheng_hrss'), phoneOf('admin'), freshPhone()]) {
      const response = await t.http().post(FORGOT).send({ phone });
      expect(response.status).toBe(202);
      answers.push(response.body as object);
    }
    // No ticket, nothing that differs: the answer says nothing about the phone.
    expect(new Set(answers.map((answer) => JSON.stringify(answer))).size).toBe(1);
    expect(answers[0]).toEqual({ resendAfter: 60, expiresIn: 300 });
    expect(received.map((message) => [message.phone, message.template])).toEqual([
      [phoneOf('demo_applicant'), 'PASSWORD_RESET_CODE'],
      [phoneOf('demo_unit'), 'PASSWORD_RESET_CODE'],
    ]);
    // The code that reached the unit resets its password.
    const code = received[1].values.code;
    expect((await t.http().post(RESET).send({ phone: phoneOf('demo_unit'), code, newPassword: 'ViaProvider@2026' })).status).toBe(204);
    // The notice goes out after the answer.
    await waitFor(() => Promise.resolve(received.length === 3));
    expect(received.at(-1)).toMatchObject({ phone: phoneOf('demo_unit'), template: 'PASSWORD_RESET_NOTICE' });
  });
});

function fieldsOfProblem(problem: Record<string, unknown>): string[] {
  return [...new Set(((problem.errors ?? []) as { field: string }[]).map((error) => error.field))];
}
