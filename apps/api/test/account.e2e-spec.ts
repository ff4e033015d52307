import type { SessionTokens } from '@butie/contracts';
import { expectProblem } from './support/problem.js';
import { startTestApp, TEST_PASSWORD, type TestApp } from './support/test-app.js';

const ME = '/api/v1/me';
const PASSWORD = '/api/v1/me/password';

interface UserRow {
  full_name: string;
  phone: string | null;
  email: string | null;
  role: string;
  password_hash: string;
  updated_at: Date;
}

describe('账号管理: name, phone and email', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const row = async (username: string) =>
    ((await t.db.query(`SELECT full_name, phone, email, role, password_hash, updated_at FROM users WHERE username = $1`, [username])) as UserRow[])[0];

  it('saves a new name, phone and email', async () => {
    const auth = await t.bearer('xicheng_finance');
    const response = await t.http().patch(ME).set(auth).send({ fullName: '  新名字  ', phone: '13611112222', email: 'new.name@example.com' });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ username: 'xicheng_finance', fullName: '新名字', phone: '13611112222', email: 'new.name@example.com' });

    const me = await t.http().get(ME).set(auth);
    expect(me.body).toMatchObject({ fullName: '新名字', phone: '13611112222', email: 'new.name@example.com' });
    expect(await row('xicheng_finance')).toMatchObject({ full_name: '新名字', phone: '13611112222', email: 'new.name@example.com' });
    // A field left out stays as it was; null clears the optional ones.
    const cleared = await t.http().patch(ME).set(auth).send({ email: null });
    expect(cleared.status).toBe(200);
    expect(cleared.body).toMatchObject({ fullName: '新名字', phone: '13611112222', email: null });
  });

  it('refuses a phone already used by another account with 409 PHONE_TAKEN and changes nothing', async () => {
    const auth = await t.bearer('beishan_finance');
    const before = await row('beishan_finance');
    const response = await t.http().patch(ME).set(auth).send({ fullName: '不该保存', phone: '13800000001' });
    const body = expectProblem(response, 409, 'PHONE_TAKEN');
    expect(body.errors).toEqual([expect.objectContaining({ field: 'phone' })]);
    expect(await row('beishan_finance')).toEqual(before);
    // Keeping one's own phone is no conflict.
    expect((await t.http().patch(ME).set(auth).send({ phone: before.phone })).status).toBe(200);
  });

  it('refuses an invalid email with 400 VALIDATION_FAILED naming email, and changes nothing', async () => {
    const auth = await t.bearer('beishan_org');
    const before = await row('beishan_org');
    for (const email of ['not-an-email', 'a@', '', 'x'.repeat(130) + '@example.com']) {
      const response = await t.http().patch(ME).set(auth).send({ fullName: '不该保存', email });
      const body = expectProblem(response, 400, 'VALIDATION_FAILED');
      expect((body.errors as { field: string }[]).map((e) => e.field)).toContain('email');
    }
    expect(await row('beishan_org')).toEqual(before);
  });

  it('refuses to blank out the name (it is required) with VALIDATION_FAILED naming fullName', async () => {
    const auth = await t.bearer('beishan_org');
    const before = await row('beishan_org');
    for (const fullName of [null, '', '   ', 'x'.repeat(65)]) {
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
    const [{ id }] = (await t.db.query(`SELECT id FROM users WHERE username = 'city_org'`)) as { id: string }[];
    const reset = await t.http().post(`/api/v1/staff/${id}/password-reset`).set(admin);
    expect(reset.status).toBe(200);
    const session = await t.login('city_org', reset.body.temporaryPassword);
    expect(session.user.mustChangePassword).toBe(true);
    expectProblem(await t.http().get('/api/v1/regions').set('Authorization', `Bearer ${session.accessToken}`), 403, 'PASSWORD_CHANGE_REQUIRED');
  });
});
