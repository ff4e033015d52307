import type { SessionTokens } from '@butie/contracts';
import { expectProblem } from './support/problem.js';
import { latestCode, outboxOf } from './support/sms-outbox.js';
import { waitFor } from './support/wait.js';
import { startTestApp, TEST_PASSWORD, type TestApp } from './support/test-app.js';

const ME = '/api/v1/me';
const PASSWORD = '/api/v1/me/password';
const EMAIL = '/api/v1/me/email';
const PHONE_CODE = '/api/v1/me/phone/verification';
const PHONE = '/api/v1/me/phone';

interface UserRow {
  full_name: string;
  phone: string | null;
  email: string | null;
  role: string;
  password_hash: string;
  updated_at: Date;
}

describe('账号管理: name', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const row = async (username: string) =>
    (await t.db.query<UserRow[]>(`SELECT full_name, phone, email, role, password_hash, updated_at FROM users WHERE username = $1`, [username]))[0];

  it('saves a new name, trimmed', async () => {
    const auth = await t.bearer('xicheng_finance');
    const response = await t.http().patch(ME).set(auth).send({ fullName: '  新名字  ' });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ username: 'xicheng_finance', fullName: '新名字' });
    expect((await t.http().get(ME).set(auth)).body.fullName).toBe('新名字');
    expect(await row('xicheng_finance')).toMatchObject({ full_name: '新名字' });
  });

  it('does not change the phone or the email on a bearer token alone (400, nothing changes)', async () => {
    const auth = await t.bearer('beishan_finance');
    const before = await row('beishan_finance');
    for (const body of [{ phone: '13611112222' }, { email: 'taken.over@example.com' }, { fullName: '改名', phone: '13611112222' }]) {
      const response = await t.http().patch(ME).set(auth).send(body);
      expectProblem(response, 400, 'VALIDATION_FAILED');
    }
    expect(await row('beishan_finance')).toEqual(before);
  });

  it('refuses to blank out the name (it is required) with VALIDATION_FAILED naming fullName', async () => {
    const auth = await t.bearer('beishan_org');
    const before = await row('beishan_org');
    for (const fullName of [null, '', '   ', 'x'.repeat(65), '张\n三']) {
      const response = await t.http().patch(ME).set(auth).send({ fullName });
      const body = expectProblem(response, 400, 'VALIDATION_FAILED');
      expect((body.errors as { field: string }[]).map((e) => e.field)).toContain('fullName');
    }
    expect(await row('beishan_org')).toEqual(before);
  });

  it('refuses fields that are not the profile’s (role, username) and changes nothing', async () => {
    const auth = await t.bearer('beishan_org');
    const before = await row('beishan_org');
    const response = await t.http().patch(ME).set(auth).send({ fullName: '提权', role: 'ADMIN', username: 'root' });
    const body = expectProblem(response, 400, 'VALIDATION_FAILED');
    expect((body.errors as { field: string }[]).map((e) => e.field).sort()).toEqual(['role', 'username']);
    expect(await row('beishan_org')).toEqual(before);
  });

  it('requires sign-in', async () => {
    expectProblem(await t.http().patch(ME).send({ fullName: '匿名' }), 401, 'AUTH_REQUIRED');
    expectProblem(await t.http().post(PASSWORD).send({ oldPassword: TEST_PASSWORD, newPassword: 'Another#2026' }), 401, 'AUTH_REQUIRED');
    expectProblem(await t.http().put(EMAIL).send({ email: null, currentPassword: TEST_PASSWORD }), 401, 'AUTH_REQUIRED');
    expectProblem(await t.http().post(PHONE_CODE).send({ phone: '13611110000', currentPassword: TEST_PASSWORD }), 401, 'AUTH_REQUIRED');
    expectProblem(await t.http().put(PHONE).send({ phone: '13611110000', code: '123456' }), 401, 'AUTH_REQUIRED');
  });
});

describe('账号管理: email, confirmed with the current password', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });
  const email = async (username: string) => (await t.db.query<{ email: string | null }[]>(`SELECT email FROM users WHERE username = $1`, [username]))[0].email;

  it('saves a new email given the current password, and clears it with null', async () => {
    const auth = await t.bearer('nanhu_hrss');
    const saved = await t.http().put(EMAIL).set(auth).send({ email: 'nanhu.hrss@example.com', currentPassword: TEST_PASSWORD });
    expect(saved.status).toBe(200);
    expect(saved.body.email).toBe('nanhu.hrss@example.com');
    const cleared = await t.http().put(EMAIL).set(auth).send({ email: null, currentPassword: TEST_PASSWORD });
    expect(cleared.body.email).toBeNull();
    const [log] = await t.db.query<object[]>(`SELECT action FROM operation_logs WHERE actor_username = 'nanhu_hrss' ORDER BY id DESC LIMIT 1`);
    expect(log).toEqual({ action: 'EMAIL_CHANGE' });
  });

  it('refuses a wrong or missing current password, and an invalid email, changing nothing', async () => {
    const auth = await t.bearer('nanhu_org');
    const before = await email('nanhu_org');
    const wrong = expectProblem(await t.http().put(EMAIL).set(auth).send({ email: 'a@example.com', currentPassword: 'Wrong#2026x' }), 400, 'CURRENT_PASSWORD_WRONG');
    expect(wrong.errors).toEqual([expect.objectContaining({ field: 'currentPassword' })]);
    expectProblem(await t.http().put(EMAIL).set(auth).send({ email: 'a@example.com' }), 400, 'VALIDATION_FAILED');
    for (const bad of ['not-an-email', 'a@', '', 'x'.repeat(130) + '@example.com']) {
      const body = expectProblem(await t.http().put(EMAIL).set(auth).send({ email: bad, currentPassword: TEST_PASSWORD }), 400, 'VALIDATION_FAILED');
      expect((body.errors as { field: string }[]).map((e) => e.field)).toContain('email');
    }
    expect(await email('nanhu_org')).toBe(before);
  });
});

describe('账号管理: phone, confirmed with the current password and a code sent to the new number', () => {
  let t: TestApp;
  beforeAll(async () => {
    // Demo mode: the sandbox carries messages to staff phones too.
    t = await startTestApp({ DEMO_DATA: 'true' });
  });
  afterAll(async () => {
    await t.close();
  });
  const phoneOf = async (username: string) => (await t.db.query<{ phone: string | null }[]>(`SELECT phone FROM users WHERE username = $1`, [username]))[0].phone;
  const askCode = (auth: Record<string, string>, phone: string, currentPassword = TEST_PASSWORD) => t.http().post(PHONE_CODE).set(auth).send({ phone, currentPassword });
  const confirm = (auth: Record<string, string>, phone: string, code: string) => t.http().put(PHONE).set(auth).send({ phone, code });

  it('moves the account to the new number, tells the old number, and ends the other sessions', async () => {
    const current = await t.login('xicheng_org');
    const elsewhere = await t.login('xicheng_org');
    const auth = { Authorization: `Bearer ${current.accessToken}` };
    const oldPhone = (await phoneOf('xicheng_org'))!;

    const sent = await askCode(auth, '13611112222');
    expect(sent.status).toBe(202);
    expect(sent.body).toMatchObject({ resendAfter: 60, expiresIn: 300 });
    const [message] = await outboxOf(t, '13611112222');
    expect(message.template).toBe('PHONE_CHANGE_CODE');

    const changed = await confirm(auth, '13611112222', await latestCode(t, '13611112222'));
    expect(changed.status).toBe(200);
    expect(changed.body.phone).toBe('13611112222');
    expect(await phoneOf('xicheng_org')).toBe('13611112222');

    await waitFor(async () => (await outboxOf(t, oldPhone)).some((m) => m.template === 'PHONE_CHANGED_NOTICE'));
    const notice = (await outboxOf(t, oldPhone)).find((m) => m.template === 'PHONE_CHANGED_NOTICE')!;
    expect(notice.content).toContain('136****2222');
    expectProblem(await t.http().get(ME).set('Authorization', `Bearer ${elsewhere.accessToken}`), 401, 'SESSION_ENDED');
    expect((await t.http().get(ME).set(auth)).status).toBe(200);
    const [log] = await t.db.query<{ action: string; summary: string }[]>(`SELECT action, summary FROM operation_logs WHERE actor_username = 'xicheng_org' ORDER BY id DESC LIMIT 1`);
    expect(log.action).toBe('PHONE_CHANGE');
    expect(log.summary).not.toContain('13611112222');
  });

  it('a stolen access token alone cannot move the phone: the password is needed, and no code is sent without it', async () => {
    const auth = await t.bearer('beishan_hrss');
    const before = await phoneOf('beishan_hrss');
    const refused = expectProblem(await askCode(auth, '13622223333', 'Guess#2026x'), 400, 'CURRENT_PASSWORD_WRONG');
    expect(refused.errors).toEqual([expect.objectContaining({ field: 'currentPassword' })]);
    expect(await outboxOf(t, '13622223333')).toEqual([]);
    expectProblem(await confirm(auth, '13622223333', '123456'), 401, 'SMS_CODE_EXPIRED');
    expect(await phoneOf('beishan_hrss')).toBe(before);
  });

  it('takes only a code sent for this account, and another account asking for the number disturbs nobody', async () => {
    const a = await t.bearer('dongcheng_org');
    const b = await t.bearer('dongcheng_finance');
    expect((await askCode(a, '13633334444')).status).toBe(202);
    const codeOfA = await latestCode(t, '13633334444');
    // B cannot use A's code, nor spend its tries, nor replace it by asking for the same number.
    expectProblem(await confirm(b, '13633334444', codeOfA), 401, 'SMS_CODE_EXPIRED');
    expect((await askCode(b, '13633334444')).status).toBe(202);
    for (let i = 0; i < 5; i++) await confirm(b, '13633334444', '000000');
    expect(await phoneOf('dongcheng_finance')).not.toBe('13633334444');
    expect((await confirm(a, '13633334444', codeOfA)).status).toBe(200);
    expect(await phoneOf('dongcheng_org')).toBe('13633334444');
  });

  it('ends the codes already sent to the old number: a sign-in code there no longer signs in', async () => {
    const auth = await t.bearer('nanhu_finance');
    const oldPhone = (await phoneOf('nanhu_finance'))!;
    expect((await t.http().post('/api/v1/auth/sms/send').send({ phone: oldPhone })).status).toBe(202);
    const loginCode = await latestCode(t, oldPhone);
    expect((await askCode(auth, '13655556666')).status).toBe(202);
    expect((await confirm(auth, '13655556666', await latestCode(t, '13655556666'))).status).toBe(200);
    expectProblem(await t.http().post('/api/v1/auth/sms/login').send({ phone: oldPhone, code: loginCode }), 401, 'SMS_CODE_EXPIRED');
  });

  it('counts a wrong current password like a failed sign-in: the fifth locks the account', async () => {
    const auth = await t.bearer('beishan_org');
    for (let i = 4; i >= 1; i--) {
      const wrong = expectProblem(await askCode(auth, '13677778888', `Guess#${i}x2026`), 400, 'CURRENT_PASSWORD_WRONG');
      expect(wrong.attemptsLeft).toBe(i);
    }
    expectProblem(await askCode(auth, '13677778888', 'Guess#5x2026'), 423, 'ACCOUNT_LOCKED');
    // Locked now for the right password too, here and at sign-in.
    expectProblem(await askCode(auth, '13677778888'), 423, 'ACCOUNT_LOCKED');
    expectProblem(await t.http().post('/api/v1/auth/login').send({ username: 'beishan_org', password: TEST_PASSWORD }), 423, 'ACCOUNT_LOCKED');
    expect(await outboxOf(t, '13677778888')).toEqual([]);
  });

  it('does not tell whose a number is: a number of another account gets the same answer, and only its holder learns it is taken', async () => {
    const auth = await t.bearer('city_org');
    const free = await askCode(auth, '13644445555');
    const taken = await askCode(auth, '13700000001'); // demo_unit's
    expect(taken.status).toBe(free.status);
    expect(Object.keys(taken.body).sort()).toEqual(Object.keys(free.body).sort());
    // The holder of 13700000001 reads the code, and only then hears that the number is in use.
    const body = expectProblem(await confirm(auth, '13700000001', await latestCode(t, '13700000001')), 409, 'PHONE_TAKEN');
    expect(body.errors).toEqual([expect.objectContaining({ field: 'phone' })]);
    expect(await phoneOf('demo_unit')).toBe('13700000001');
  });

  it('refuses the current number with PHONE_UNCHANGED', async () => {
    const auth = await t.bearer('city_finance');
    const body = expectProblem(await askCode(auth, (await phoneOf('city_finance'))!), 400, 'PHONE_UNCHANGED');
    expect(body.errors).toEqual([expect.objectContaining({ field: 'phone' })]);
  });
});


describe('账号管理: password', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const change = (session: SessionTokens | { accessToken: string }, oldPassword: string, newPassword: string) =>
    t.http().post(PASSWORD).set('Authorization', `Bearer ${session.accessToken}`).send({ oldPassword, newPassword });
  const signsIn = async (username: string, password: string) =>
    (await t.http().post('/api/v1/auth/login').send({ username, password })).status === 200;

  it('refuses a too short or too simple new password with PASSWORD_POLICY keyed newPassword', async () => {
    const session = await t.login('dongcheng_hrss');
    for (const weak of ['Ab1!xyz', 'abcdefgh1', 'ABCDEFGH!', 'abcdefghijk', '12345678', 'Dongcheng_hrss1']) {
      const body = expectProblem(await change(session, TEST_PASSWORD, weak), 400, 'PASSWORD_POLICY');
      const fields = (body.errors as { field: string }[]).map((e) => e.field);
      expect(fields.length).toBeGreaterThan(0);
      expect(new Set(fields)).toEqual(new Set(['newPassword']));
    }
    expect(await signsIn('dongcheng_hrss', TEST_PASSWORD)).toBe(true);
  });

  it('refuses a wrong current password with CURRENT_PASSWORD_WRONG and keeps the password', async () => {
    const session = await t.login('dongcheng_org');
    const body = expectProblem(await change(session, 'Not-the@password1', 'Brand#New2026'), 400, 'CURRENT_PASSWORD_WRONG');
    expect(body.errors).toEqual([expect.objectContaining({ field: 'oldPassword' })]);
    expect(await signsIn('dongcheng_org', 'Brand#New2026')).toBe(false);
    expect(await signsIn('dongcheng_org', TEST_PASSWORD)).toBe(true);
  });

  it('refuses any of the last 3 passwords with PASSWORD_REUSED, and allows the fourth-last again', async () => {
    const session = await t.login('dongcheng_finance');
    expect((await change(session, TEST_PASSWORD, 'First#Change1')).status).toBe(200);
    expect((await change(session, 'First#Change1', 'Second#Change2')).status).toBe(200);
    // The last three are now Second (current), First and the demo password.
    for (const previous of ['Second#Change2', 'First#Change1', TEST_PASSWORD]) {
      const body = expectProblem(await change(session, 'Second#Change2', previous), 400, 'PASSWORD_REUSED');
      expect(body.errors).toEqual([expect.objectContaining({ field: 'newPassword' })]);
    }
    expect((await change(session, 'Second#Change2', 'Third#Change3')).status).toBe(200);
    expect((await change(session, 'Third#Change3', TEST_PASSWORD)).status).toBe(200);
    expect(await signsIn('dongcheng_finance', TEST_PASSWORD)).toBe(true);
  });

  it('ends the other sessions of the account after a change, but the current one goes on', async () => {
    const current = await t.login('xicheng_hrss');
    const elsewhere = await t.login('xicheng_hrss');
    const response = await change(current, TEST_PASSWORD, 'Changed#Pass2026');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ username: 'xicheng_hrss', mustChangePassword: false });

    expectProblem(await t.http().post('/api/v1/auth/refresh').send({ refreshToken: elsewhere.refreshToken }), 401, 'SESSION_ENDED');
    expectProblem(await t.http().get(ME).set('Authorization', `Bearer ${elsewhere.accessToken}`), 401, 'SESSION_ENDED');
    expect((await t.http().get(ME).set('Authorization', `Bearer ${current.accessToken}`)).status).toBe(200);
    expect((await t.http().post('/api/v1/auth/refresh').send({ refreshToken: current.refreshToken })).status).toBe(200);
    expect(await signsIn('xicheng_hrss', TEST_PASSWORD)).toBe(false);
    expect(await signsIn('xicheng_hrss', 'Changed#Pass2026')).toBe(true);
  });
});

describe('forced password change of an administrator-set password', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('lets the account sign in but reach nothing but its own account until the password is changed', async () => {
    const admin = await t.bearer('admin');
    const created = await t.http().post('/api/v1/staff').set(admin).send({ username: 'new_clerk', fullName: '新职员', role: 'CITY_HRSS' });
    expect(created.status).toBe(201);
    const temporaryPassword: string = created.body.temporaryPassword;
    expect(created.body.account).toMatchObject({ username: 'new_clerk', mustChangePassword: true });

    const session = await t.login('new_clerk', temporaryPassword);
    expect(session.user.mustChangePassword).toBe(true);
    const auth = { Authorization: `Bearer ${session.accessToken}` };
    expect((await t.http().get(ME).set(auth)).body).toMatchObject({ username: 'new_clerk', mustChangePassword: true });
    expectProblem(await t.http().get('/api/v1/regions').set(auth), 403, 'PASSWORD_CHANGE_REQUIRED');
    expectProblem(await t.http().get('/api/v1/units').set(auth), 403, 'PASSWORD_CHANGE_REQUIRED');
    expectProblem(await t.http().patch(ME).set(auth).send({ fullName: '改名' }), 403, 'PASSWORD_CHANGE_REQUIRED');

    // The temporary password itself does not count as a new one.
    const same = await t.http().post(PASSWORD).set(auth).send({ oldPassword: temporaryPassword, newPassword: temporaryPassword });
    expectProblem(same, 400, 'PASSWORD_REUSED');

    const changed = await t.http().post(PASSWORD).set(auth).send({ oldPassword: temporaryPassword, newPassword: 'Own#Password2026' });
    expect(changed.status).toBe(200);
    expect(changed.body.mustChangePassword).toBe(false);
    expect((await t.http().get(ME).set(auth)).body.mustChangePassword).toBe(false);
    expect((await t.http().get('/api/v1/regions').set(auth)).status).toBe(200);
    expect((await t.login('new_clerk', 'Own#Password2026')).user.mustChangePassword).toBe(false);
  });

  it('asks the same after an administrator resets a password', async () => {
    const admin = await t.bearer('admin');
    const [{ id }] = await t.db.query<{ id: string }[]>(`SELECT id FROM users WHERE username = 'city_org'`);
    const reset = await t.http().post(`/api/v1/staff/${id}/password-reset`).set(admin);
    expect(reset.status).toBe(200);
    const session = await t.login('city_org', reset.body.temporaryPassword);
    expect(session.user.mustChangePassword).toBe(true);
    expectProblem(await t.http().get('/api/v1/regions').set('Authorization', `Bearer ${session.accessToken}`), 403, 'PASSWORD_CHANGE_REQUIRED');
  });
});
