import { randomUUID } from 'node:crypto';
import { checkPasswordStrength } from '@butie/contracts';
import { demoStaffAccounts } from '../src/database/seeds/demo-data.js';
import { expectProblem, problemWithoutRequest } from './support/problem.js';
import { allItems, allPages } from './support/pages.js';
import { raceAtTheDatabase } from './support/race.js';
import { latestCode } from './support/sms-outbox.js';
import { startTestApp, TEST_PASSWORD, type TestApp } from './support/test-app.js';

interface StaffAccount {
  id: string;
  username: string;
  fullName: string;
  role: string;
  status: string;
  phoneMasked: string | null;
  email: string | null;
  region: { id: string; name: string } | null;
  mustChangePassword: boolean;
  lockedUntil: string | null;
}

const DEMO_STAFF_COUNT = 5 + 4 * 3;

describe('staff accounts (ADMIN, /api/v1/staff)', () => {
  let t: TestApp;
  let admin: { Authorization: string };
  let auditor: { Authorization: string };
  const region: Record<string, string> = {};
  let serial = 0;

  /** A username and phone no other test of this file uses. */
  const fresh = () => {
    serial += 1;
    return { username: `staff_spec_${serial}`, phone: `1360000${String(serial).padStart(4, '0')}` };
  };

  const createStaff = (body: Record<string, unknown>) => t.http().post('/api/v1/staff').set(admin).send(body);

  const createCountyStaff = async (county = 'dongcheng') => {
    const { username, phone } = fresh();
    const response = await createStaff({ username, fullName: '测试人员', role: 'COUNTY_HRSS', regionId: region[county], phone });
    expect(response.status).toBe(201);
    return response.body as { account: StaffAccount; temporaryPassword: string };
  };

  const usersCount = async () => Number((await t.db.query<{ n: string }[]>(`SELECT count(*) AS n FROM users`))[0].n);

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.bearer('admin');
    auditor = await t.bearer('auditor');
    for (const row of await t.db.query<{ id: string; code: string }[]>(`SELECT id, code FROM regions`)) region[row.code] = row.id;
  }, 30_000);
  afterAll(async () => {
    await t.close();
  });

  describe('the list', () => {
    it('lists every staff account, and only staff, with phones masked', async () => {
      const response = await t.http().get('/api/v1/staff?limit=100').set(admin);
      expect(response.status).toBe(200);
      const items = response.body.items as StaffAccount[];
      expect(response.body.nextCursor).toBeNull();
      expect(items).toHaveLength(DEMO_STAFF_COUNT);
      const usernames = items.map((item) => item.username);
      expect(usernames).toEqual(expect.arrayContaining(['admin', 'auditor', 'city_hrss', 'dongcheng_hrss', 'beishan_finance']));
      expect(usernames).not.toContain('demo_unit');
      expect(usernames).not.toContain('demo_applicant');

      const adminRow = items.find((item) => item.username === 'admin')!;
      expect(adminRow.phoneMasked).toBe('139****0001');
      expect(adminRow).not.toHaveProperty('phone');
      expect(adminRow).not.toHaveProperty('passwordHash');
      for (const account of demoStaffAccounts()) expect(response.text).not.toContain(account.phone);
    });

    it('filters by role', async () => {
      const response = await t.http().get('/api/v1/staff?role=COUNTY_HRSS').set(admin);
      expect(response.status).toBe(200);
      expect((response.body.items as StaffAccount[]).map((item) => item.username).sort()).toEqual([
        'beishan_hrss',
        'dongcheng_hrss',
        'nanhu_hrss',
        'xicheng_hrss',
      ]);
      expect(response.body.nextCursor).toBeNull();
    });

    it('filters by region, and by role and region together', async () => {
      const inXicheng = await t.http().get(`/api/v1/staff?regionId=${region.xicheng}`).set(admin);
      expect(inXicheng.status).toBe(200);
      expect((inXicheng.body.items as StaffAccount[]).map((item) => item.username).sort()).toEqual(['xicheng_finance', 'xicheng_hrss', 'xicheng_org']);
      expect((inXicheng.body.items as StaffAccount[]).every((item) => item.region?.name === '西城区')).toBe(true);

      const both = await t.http().get(`/api/v1/staff?regionId=${region.xicheng}&role=COUNTY_ORG`).set(admin);
      expect((both.body.items as StaffAccount[]).map((item) => item.username)).toEqual(['xicheng_org']);
    });

    it('filters by status', async () => {
      const active = await t.http().get('/api/v1/staff?status=ACTIVE&limit=100').set(admin);
      expect(active.status).toBe(200);
      expect((active.body.items as StaffAccount[]).every((item) => item.status === 'ACTIVE')).toBe(true);
      expect(active.body.items.length).toBeGreaterThan(0);

      const { account } = await createCountyStaff('nanhu');
      await t.http().patch(`/api/v1/staff/${account.id}`).set(admin).send({ status: 'DISABLED' }).expect(200);
      const disabled = await t.http().get('/api/v1/staff?status=DISABLED').set(admin);
      expect((disabled.body.items as StaffAccount[]).map((item) => item.id)).toEqual([account.id]);
    });

    it('filters by keyword in the username or the full name, ignoring case', async () => {
      const byUsername = await t.http().get('/api/v1/staff?keyword=DONGCHENG_').set(admin);
      expect(byUsername.status).toBe(200);
      expect((byUsername.body.items as StaffAccount[]).map((item) => item.username).sort()).toEqual(['dongcheng_finance', 'dongcheng_hrss', 'dongcheng_org']);

      const byName = await t.http().get(`/api/v1/staff?keyword=${encodeURIComponent('周海燕')}`).set(admin);
      expect((byName.body.items as StaffAccount[]).map((item) => item.username)).toEqual(['city_hrss']);

      // LIKE wildcards typed by the user are literal characters, not "match anything".
      const wildcard = await t.http().get(`/api/v1/staff?keyword=${encodeURIComponent('%')}`).set(admin);
      expect(wildcard.body).toEqual({ items: [], nextCursor: null, total: 0 });
    });

    it('pages the list with a keyset cursor, newest first, without overlap or gap', async () => {
      // Accounts created in one statement share their created_at: the id breaks the tie.
      await t.db.query(
        `INSERT INTO users (username, password_hash, full_name, role, region_id, created_at)
         SELECT 'staff_page_' || n, 'x', '分页测试', 'CITY_ORG', $1, now() FROM generate_series(1, 9) AS n`,
        [region.yunzhou],
      );
      const whole = await t.http().get('/api/v1/staff?limit=100').set(admin);
      const pages = await allPages<StaffAccount>(t, admin, '/api/v1/staff', 'limit=7');
      expect(pages.slice(0, -1).every((page) => page.items.length === 7 && page.nextCursor)).toBe(true);
      expect(pages.flatMap((page) => page.items).map((item) => item.id)).toEqual((whole.body.items as StaffAccount[]).map((item) => item.id));
      const created = (whole.body.items as StaffAccount[]).map((item) => item.username);
      expect(created.indexOf('admin')).toBeGreaterThan(created.indexOf('staff_page_1'));
      // The filters stay with the cursor.
      const orgs = await allItems<StaffAccount>(t, admin, '/api/v1/staff', 'limit=2&role=CITY_ORG');
      expect(orgs.every((item) => item.role === 'CITY_ORG')).toBe(true);
      expect(orgs).toHaveLength(10);
    });

    it('refuses a tampered cursor with 400 naming the field, never 500', async () => {
      const forged = [
        'not base64!',
        Buffer.from('["2026-01-01T00:00:00Z"]').toString('base64url'),
        Buffer.from('["x", "00000000-0000-0000-0000-000000000000"]').toString('base64url'),
        Buffer.from('["2026-01-01T00:00:00.000000Z", "1 OR 1=1"]').toString('base64url'),
        Buffer.from('{"a":1}').toString('base64url'),
        'A'.repeat(2000),
      ];
      for (const cursor of forged) {
        const body = expectProblem(await t.http().get(`/api/v1/staff?cursor=${encodeURIComponent(cursor)}`).set(admin), 400, 'VALIDATION_FAILED');
        expect(body.errors).toEqual([expect.objectContaining({ field: 'cursor' })]);
      }
    });

    it('allows at most 100 a page (400 above)', async () => {
      expect((await t.http().get('/api/v1/staff?limit=100').set(admin)).status).toBe(200);
      const tooMany = await t.http().get('/api/v1/staff?limit=101').set(admin);
      const body = expectProblem(tooMany, 400, 'VALIDATION_FAILED');
      expect(body.errors).toEqual([expect.objectContaining({ field: 'limit' })]);
      expectProblem(await t.http().get('/api/v1/staff?limit=0').set(admin), 400, 'VALIDATION_FAILED');
      expectProblem(await t.http().get('/api/v1/staff?role=APPLICANT').set(admin), 400, 'VALIDATION_FAILED');
      expectProblem(await t.http().get('/api/v1/staff?regionId=dongcheng').set(admin), 400, 'VALIDATION_FAILED');
    });
  });

  describe('creating an account', () => {
    it('a county role needs a county (400 STAFF_SCOPE_MISMATCH otherwise) and nothing is created', async () => {
      const before = await usersCount();
      const cases = [undefined, region.yunzhou, randomUUID()];
      for (const regionId of cases) {
        const { username } = fresh();
        const response = await createStaff({ username, fullName: '县区人员', role: 'COUNTY_ORG', ...(regionId ? { regionId } : {}) });
        const body = expectProblem(response, 400, 'STAFF_SCOPE_MISMATCH');
        expect(body.errors).toEqual([expect.objectContaining({ field: 'regionId' })]);
      }
      expect(await usersCount()).toBe(before);
    });

    it('a city role belongs to the city, and cannot be put in a county', async () => {
      const { username } = fresh();
      const created = await createStaff({ username, fullName: '市级人员', role: 'CITY_FINANCE' });
      expect(created.status).toBe(201);
      expect(created.body.account.region).toEqual({ id: region.yunzhou, name: '云州市' });

      const inCounty = await createStaff({ ...fresh(), fullName: '市级人员', role: 'CITY_ORG', regionId: region.dongcheng });
      expectProblem(inCounty, 400, 'STAFF_SCOPE_MISMATCH');
    });

    it('only staff roles can be created (an applicant or unit account is not staff)', async () => {
      for (const role of ['APPLICANT', 'UNIT']) {
        const response = await createStaff({ ...fresh(), fullName: '某人', role, regionId: region.dongcheng });
        expectProblem(response, 400, 'VALIDATION_FAILED');
      }
    });

    it('returns a one-time password that meets the policy, and the account must change it at first sign-in', async () => {
      const { username, phone } = fresh();
      const response = await createStaff({ username, fullName: '李四', role: 'COUNTY_HRSS', regionId: region.dongcheng, phone, email: 'lisi@example.cn' });
      expect(response.status).toBe(201);
      const { account, temporaryPassword } = response.body as { account: StaffAccount; temporaryPassword: string };
      expect(account).toEqual(
        expect.objectContaining({
          username,
          fullName: '李四',
          role: 'COUNTY_HRSS',
          status: 'ACTIVE',
          phoneMasked: `${phone.slice(0, 3)}****${phone.slice(-4)}`,
          email: 'lisi@example.cn',
          region: { id: region.dongcheng, name: '东城区' },
          mustChangePassword: true,
        }),
      );
      expect(checkPasswordStrength(temporaryPassword, username)).toEqual([]);
      // Easy to read out: none of 0 O 1 l I and the like, no symbols.
      expect(temporaryPassword).toMatch(/^[abdefhjmntACEFHJKLMNPRTUVWXY2-9]{12}$/);
      const [row] = await t.db.query<{
        password_hash: string;
        must_change_password: boolean;
      }[]>(`SELECT password_hash, must_change_password FROM users WHERE id = $1`, [account.id]);
      expect(row.must_change_password).toBe(true);
      expect(row.password_hash).not.toContain(temporaryPassword);

      const session = await t.login(username, temporaryPassword);
      expect(session.user.mustChangePassword).toBe(true);
      const beforeChange = await t.http().get('/api/v1/regions').set({ Authorization: `Bearer ${session.accessToken}` });
      expectProblem(beforeChange, 403, 'PASSWORD_CHANGE_REQUIRED');
    });

    it('each account gets its own one-time password', async () => {
      const first = await createCountyStaff();
      const second = await createCountyStaff();
      expect(first.temporaryPassword).not.toBe(second.temporaryPassword);
    });

    it('a username already in use, in any letter case, is refused (409 USERNAME_TAKEN)', async () => {
      const before = await usersCount();
      for (const username of ['dongcheng_hrss', 'DongCheng_HRSS', 'Demo_Applicant']) {
        const response = await createStaff({ username, fullName: '重名', role: 'COUNTY_HRSS', regionId: region.dongcheng });
        const body = expectProblem(response, 409, 'USERNAME_TAKEN');
        expect(body.errors).toEqual([expect.objectContaining({ field: 'username' })]);
      }
      expect(await usersCount()).toBe(before);
    });

    it('a phone already used by another account is refused (409 PHONE_TAKEN)', async () => {
      const before = await usersCount();
      // 13800000001 is the demo applicant's, 13900000003 city_hrss's.
      for (const phone of ['13800000001', '13900000003']) {
        const response = await createStaff({ username: fresh().username, fullName: '同号', role: 'CITY_HRSS', phone });
        const body = expectProblem(response, 409, 'PHONE_TAKEN');
        expect(body.errors).toEqual([expect.objectContaining({ field: 'phone' })]);
      }
      expect(await usersCount()).toBe(before);
    });

    it('changing an account to a phone already in use is refused too (409 PHONE_TAKEN)', async () => {
      const { account } = await createCountyStaff();
      const response = await t.http().patch(`/api/v1/staff/${account.id}`).set(admin).send({ phone: '13800000001' });
      expectProblem(response, 409, 'PHONE_TAKEN');
    });

    it('two simultaneous creations of one username: one succeeds, the other gets 409 (not 500)', async () => {
      const { username } = fresh();
      const body = (phone: string) => ({ username, fullName: '并发', role: 'CITY_HRSS', phone });
      const responses = await raceAtTheDatabase(t, 'users', [() => createStaff(body('13611110001')), () => createStaff(body('13611110002'))]);
      expect(responses.map((response) => response.status).sort()).toEqual([201, 409]);
      expect(responses.find((response) => response.status === 409)!.body.code).toBe('USERNAME_TAKEN');
    });

    it('two accounts changed to one phone at the same time: one succeeds, the other gets 409 (not 500)', async () => {
      const [first, second] = [await createCountyStaff(), await createCountyStaff()];
      const change = (id: string) => t.http().patch(`/api/v1/staff/${id}`).set(admin).send({ phone: '13633330001' });
      const responses = await raceAtTheDatabase(t, 'users', [() => change(first.account.id), () => change(second.account.id)]);
      expect(responses.map((response) => response.status).sort()).toEqual([200, 409]);
      expect(responses.find((response) => response.status === 409)!.body.code).toBe('PHONE_TAKEN');
    });

    it('two simultaneous creations with one phone: one succeeds, the other gets 409 (not 500)', async () => {
      const body = () => ({ username: fresh().username, fullName: '并发', role: 'CITY_HRSS', phone: '13622220001' });
      const responses = await raceAtTheDatabase(t, 'users', [() => createStaff(body()), () => createStaff(body())]);
      expect(responses.map((response) => response.status).sort()).toEqual([201, 409]);
      expect(responses.find((response) => response.status === 409)!.body.code).toBe('PHONE_TAKEN');
    });
  });

  describe('disabling and enabling', () => {
    it('disabling an account ends its sessions at once and stops its sign-in', async () => {
      const { account, temporaryPassword } = await createCountyStaff('xicheng');
      const session = await t.login(account.username, temporaryPassword);
      const own = { Authorization: `Bearer ${session.accessToken}` };
      expect((await t.http().get('/api/v1/me').set(own)).status).toBe(200);

      const disabled = await t.http().patch(`/api/v1/staff/${account.id}`).set(admin).send({ status: 'DISABLED' });
      expect(disabled.status).toBe(200);
      expect(disabled.body.status).toBe('DISABLED');

      expectProblem(await t.http().get('/api/v1/me').set(own), 401, 'SESSION_ENDED');
      const refreshed = await t.http().post('/api/v1/auth/refresh').send({ refreshToken: session.refreshToken });
      expect(refreshed.status).toBe(401);
      // Refused like a wrong password, so that the answer does not confirm a guessed one (issue 5, finding 11).
      expectProblem(await t.http().post('/api/v1/auth/login').send({ username: account.username, password: temporaryPassword }), 401, 'INVALID_CREDENTIALS');
    });

    it('a demo account with a live session is cut off as well', async () => {
      const [row] = await t.db.query<{ id: string }[]>(`SELECT id FROM users WHERE username = 'beishan_org'`);
      const own = await t.bearer('beishan_org');
      expect((await t.http().get('/api/v1/units').set(own)).status).toBe(200);
      await t.http().patch(`/api/v1/staff/${row.id}`).set(admin).send({ status: 'DISABLED' }).expect(200);
      expectProblem(await t.http().get('/api/v1/units').set(own), 401, 'SESSION_ENDED');
      await t.http().patch(`/api/v1/staff/${row.id}`).set(admin).send({ status: 'ACTIVE' }).expect(200);
    });

    it('an account enabled again can sign in, while its old sessions stay ended', async () => {
      const { account, temporaryPassword } = await createCountyStaff('xicheng');
      const session = await t.login(account.username, temporaryPassword);
      await t.http().patch(`/api/v1/staff/${account.id}`).set(admin).send({ status: 'DISABLED' }).expect(200);

      const enabled = await t.http().patch(`/api/v1/staff/${account.id}`).set(admin).send({ status: 'ACTIVE' });
      expect(enabled.status).toBe(200);
      expect(enabled.body.status).toBe('ACTIVE');
      const again = await t.login(account.username, temporaryPassword);
      expect((await t.http().get('/api/v1/me').set({ Authorization: `Bearer ${again.accessToken}` })).status).toBe(200);
      expectProblem(await t.http().get('/api/v1/me').set({ Authorization: `Bearer ${session.accessToken}` }), 401, 'SESSION_ENDED');
    });

    it('the administrator cannot disable itself (400 CANNOT_DISABLE_SELF)', async () => {
      const me = await t.http().get('/api/v1/me').set(admin);
      const response = await t.http().patch(`/api/v1/staff/${me.body.id}`).set(admin).send({ status: 'DISABLED' });
      expectProblem(response, 400, 'CANNOT_DISABLE_SELF');
      const [row] = await t.db.query<{ status: string }[]>(`SELECT status FROM users WHERE id = $1`, [me.body.id]);
      expect(row.status).toBe('ACTIVE');
      expect((await t.http().get('/api/v1/staff').set(admin)).status).toBe(200);
    });
  });

  describe('resetting a password', () => {
    it('the new one-time password works, the old one does not, and it must be changed at sign-in', async () => {
      const { account, temporaryPassword: first } = await createCountyStaff('nanhu');
      const session = await t.login(account.username, first);

      const response = await t.http().post(`/api/v1/staff/${account.id}/password-reset`).set(admin);
      expect(response.status).toBe(200);
      const second = response.body.temporaryPassword as string;
      expect(checkPasswordStrength(second, account.username)).toEqual([]);
      expect(second).not.toBe(first);

      expectProblem(await t.http().get('/api/v1/me').set({ Authorization: `Bearer ${session.accessToken}` }), 401, 'SESSION_ENDED');
      const signedIn = await t.login(account.username, second);
      expect(signedIn.user.mustChangePassword).toBe(true);
      expectProblem(await t.http().post('/api/v1/auth/login').send({ username: account.username, password: first }), 401, 'INVALID_CREDENTIALS');
    });

    it('a reset also asks a demo account that had changed its password to change it again', async () => {
      const [row] = await t.db.query<{ id: string }[]>(`SELECT id FROM users WHERE username = 'nanhu_hrss'`);
      const response = await t.http().post(`/api/v1/staff/${row.id}/password-reset`).set(admin);
      expect(response.status).toBe(200);
      expectProblem(await t.http().post('/api/v1/auth/login').send({ username: 'nanhu_hrss', password: TEST_PASSWORD }), 401, 'INVALID_CREDENTIALS');
      const session = await t.login('nanhu_hrss', response.body.temporaryPassword as string);
      expect(session.user.mustChangePassword).toBe(true);
    });

    it('a reset clears the sign-in lock on that username', async () => {
      const { account } = await createCountyStaff('nanhu');
      const attempt = () => t.http().post('/api/v1/auth/login').send({ username: account.username, password: 'Wrong#Pass1' });
      for (let i = 1; i < t.config.auth.maxFailedLogins; i++) await attempt();
      expectProblem(await attempt(), 423, 'ACCOUNT_LOCKED');

      const response = await t.http().post(`/api/v1/staff/${account.id}/password-reset`).set(admin);
      expect(response.status).toBe(200);
      // Signing in with a differently-cased username hits the same (cleared) lock.
      const session = await t.login(account.username.toUpperCase(), response.body.temporaryPassword as string);
      expect(session.user.username).toBe(account.username);
    });
  });

  describe('sign-in locks', () => {
    const lockOut = async (username: string) => {
      const attempt = () => t.http().post('/api/v1/auth/login').send({ username, password: 'Wrong#Pass1' });
      for (let i = 1; i < t.config.auth.maxFailedLogins; i++) await attempt();
      expectProblem(await attempt(), 423, 'ACCOUNT_LOCKED');
    };
    const listed = async (username: string) => {
      const response = await t.http().get(`/api/v1/staff?keyword=${username}`).set(admin);
      expect(response.status).toBe(200);
      return (response.body.items as StaffAccount[]).find((item) => item.username === username)!;
    };

    it('a locked account is shown as locked, with the end of the lock; others show null', async () => {
      const { account } = await createCountyStaff('xicheng');
      expect((await listed(account.username)).lockedUntil).toBeNull();
      const before = Date.now();
      await lockOut(account.username.toUpperCase());

      const lockedUntil = Date.parse((await listed(account.username)).lockedUntil!);
      const lockMs = t.config.auth.lockMinutes * 60_000;
      expect(lockedUntil).toBeGreaterThanOrEqual(before + lockMs - 1000);
      expect(lockedUntil).toBeLessThanOrEqual(Date.now() + lockMs + 1000);
      const patched = await t.http().patch(`/api/v1/staff/${account.id}`).set(admin).send({ fullName: '改名后仍锁定' });
      expect(patched.body.lockedUntil).toBe(new Date(lockedUntil).toISOString());
    });

    it('a lock that has run out is not shown', async () => {
      const { account } = await createCountyStaff('xicheng');
      await t.db.query(`INSERT INTO login_failures (username_key, failures, locked_until, last_failure_at) VALUES ($1, 5, now() - interval '1 minute', now())`, [
        account.username.toLowerCase(),
      ]);
      expect((await listed(account.username)).lockedUntil).toBeNull();
    });

    it('ADMIN unlocks: the account signs in again at once, and the unlock is in the operation log', async () => {
      const { account, temporaryPassword } = await createCountyStaff('xicheng');
      await lockOut(account.username);
      expectProblem(await t.http().post('/api/v1/auth/login').send({ username: account.username, password: temporaryPassword }), 423, 'ACCOUNT_LOCKED');

      const response = await t.http().post(`/api/v1/staff/${account.id}/unlock`).set(admin);
      expect(response.status).toBe(200);
      expect(response.body).toEqual(expect.objectContaining({ id: account.id, username: account.username, status: 'ACTIVE', lockedUntil: null }));
      await t.login(account.username, temporaryPassword);

      const rows = await t.db.query<{
        action: string;
        actor_username: string;
        summary: string;
      }[]>(`SELECT action, actor_username, summary FROM operation_logs WHERE target_id = $1 AND action = 'STAFF_UNLOCK'`, [account.id]);
      expect(rows).toEqual([{ action: 'STAFF_UNLOCK', actor_username: 'admin', summary: expect.stringContaining(`解锁账号 ${account.username}`) }]);
    });

    it('unlocking an account that is not locked changes nothing and logs nothing', async () => {
      const { account } = await createCountyStaff('xicheng');
      const response = await t.http().post(`/api/v1/staff/${account.id}/unlock`).set(admin);
      expect(response.status).toBe(200);
      expect(response.body.lockedUntil).toBeNull();
      expect(await t.db.query(`SELECT 1 FROM operation_logs WHERE target_id = $1 AND action = 'STAFF_UNLOCK'`, [account.id])).toEqual([]);
    });

    it('the auditor\'s lock is not the administrator\'s to lift (403 ROLE_NOT_MANAGEABLE), and stays', async () => {
      const [auditorRow] = await t.db.query<{ id: string }[]>(`SELECT id FROM users WHERE username = 'auditor'`);
      await lockOut('auditor');
      expectProblem(await t.http().post(`/api/v1/staff/${auditorRow.id}/unlock`).set(admin), 403, 'ROLE_NOT_MANAGEABLE');
      expect((await listed('auditor')).lockedUntil).not.toBeNull();
      await t.db.query(`DELETE FROM login_failures WHERE username_key = 'auditor'`);
    });
  });

  it('with the staff SMS second factor off, a phone stays optional and may be cleared', async () => {
    const { account } = await createCountyStaff();
    const cleared = await t.http().patch(`/api/v1/staff/${account.id}`).set(admin).send({ phone: null });
    expect(cleared.status).toBe(200);
    expect(cleared.body.phoneMasked).toBeNull();
  });

  describe('三员分立: administrator and auditor accounts are not the administrator\'s to manage', () => {
    const idOf = async (username: string) =>
      (await t.db.query<{ id: string }[]>(`SELECT id FROM users WHERE username = $1`, [username]))[0].id;

    it.each(['ADMIN', 'AUDITOR'])('cannot create a %s account', async (role) => {
      const before = await usersCount();
      const response = await createStaff({ ...fresh(), fullName: '越权', role });
      const problem = expectProblem(response, 400, 'VALIDATION_FAILED');
      expect(problem.errors).toEqual([expect.objectContaining({ field: 'role' })]);
      expect(await usersCount()).toBe(before);
    });

    it('cannot reset the auditor\'s password, so it cannot sign in as the auditor', async () => {
      const response = await t.http().post(`/api/v1/staff/${await idOf('auditor')}/password-reset`).set(admin);
      expectProblem(response, 403, 'ROLE_NOT_MANAGEABLE');
      expect((await t.http().post('/api/v1/auth/login').send({ username: 'auditor', password: TEST_PASSWORD })).status).toBe(200);
    });

    it('cannot disable or edit the auditor', async () => {
      const id = await idOf('auditor');
      expectProblem(await t.http().patch(`/api/v1/staff/${id}`).set(admin).send({ status: 'DISABLED' }), 403, 'ROLE_NOT_MANAGEABLE');
      expectProblem(await t.http().patch(`/api/v1/staff/${id}`).set(admin).send({ fullName: '改名' }), 403, 'ROLE_NOT_MANAGEABLE');
      const [row] = await t.db.query<{ status: string; full_name: string }[]>(`SELECT status, full_name FROM users WHERE id = $1`, [id]);
      expect(row).toEqual({ status: 'ACTIVE', full_name: '审计员' });
    });
  });

  it('every create, disable, enable and reset is in the operation log the auditor reads', async () => {
    const { account } = await createCountyStaff('beishan');
    await t.http().patch(`/api/v1/staff/${account.id}`).set(admin).send({ status: 'DISABLED' }).expect(200);
    await t.http().patch(`/api/v1/staff/${account.id}`).set(admin).send({ status: 'ACTIVE' }).expect(200);
    await t.http().post(`/api/v1/staff/${account.id}/password-reset`).set(admin).expect(200);

    const rows = await t.db.query<{
      action: string;
      actor_username: string;
    }[]>(`SELECT action, actor_username FROM operation_logs WHERE target_id = $1 ORDER BY id`, [account.id]);
    expect(rows).toEqual(
      ['STAFF_CREATE', 'STAFF_DISABLE', 'STAFF_ENABLE', 'STAFF_RESET_PASSWORD'].map((action) => ({ action, actor_username: 'admin' })),
    );

    const logs = await t.http().get('/api/v1/audit/operation-logs?limit=100').set(auditor);
    expect(logs.status).toBe(200);
    const mine = (logs.body.items as { action: string; targetId: string }[])
      .filter((item) => item.targetId === account.id)
      .reverse();
    expect(mine.map((item) => item.action)).toEqual(['STAFF_CREATE', 'STAFF_DISABLE', 'STAFF_ENABLE', 'STAFF_RESET_PASSWORD']);
    for (const item of mine) {
      expect(item).toEqual(
        expect.objectContaining({ actorUsername: 'admin', actorRole: 'ADMIN', targetType: 'USER', summary: expect.stringContaining(account.username), ip: expect.any(String) }),
      );
    }
  });

  it('a refused change writes no operation log', async () => {
    const before = await t.db.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM operation_logs`);
    await createStaff({ username: 'admin', fullName: '重名', role: 'CITY_HRSS' }).expect(409);
    const me = await t.http().get('/api/v1/me').set(admin);
    await t.http().patch(`/api/v1/staff/${me.body.id}`).set(admin).send({ status: 'DISABLED' }).expect(400);
    const after = await t.db.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM operation_logs`);
    expect(after[0].n).toBe(before[0].n);
  });

  it('no role but the administrator reaches any staff endpoint (403 FORBIDDEN)', async () => {
    const [target] = await t.db.query<{ id: string }[]>(`SELECT id FROM users WHERE username = 'beishan_finance'`);
    type Headers = { Authorization: string };
    const calls: Record<string, (h: Headers) => PromiseLike<{ status: number; body: { code?: string } }>> = {
      'GET /staff': (h) => t.http().get('/api/v1/staff').set(h),
      'POST /staff': (h) => t.http().post('/api/v1/staff').set(h).send({ username: 'should_not_exist', fullName: '越权', role: 'CITY_HRSS' }),
      'PATCH /staff/:id': (h) => t.http().patch(`/api/v1/staff/${target.id}`).set(h).send({ status: 'DISABLED' }),
      'POST /staff/:id/password-reset': (h) => t.http().post(`/api/v1/staff/${target.id}/password-reset`).set(h),
      'POST /staff/:id/unlock': (h) => t.http().post(`/api/v1/staff/${target.id}/unlock`).set(h),
    };
    const everyRoleButAdmin = ['auditor', 'city_hrss', 'city_org', 'city_finance', 'dongcheng_hrss', 'dongcheng_org', 'dongcheng_finance', 'demo_unit', 'demo_applicant'];
    for (const username of everyRoleButAdmin) {
      const headers = await t.bearer(username);
      for (const [endpoint, call] of Object.entries(calls)) {
        const response = await call(headers);
        expect({ username, endpoint, status: response.status, code: response.body.code }).toEqual({ username, endpoint, status: 403, code: 'FORBIDDEN' });
      }
    }
    const [row] = await t.db.query<{ status: string }[]>(`SELECT status FROM users WHERE id = $1`, [target.id]);
    expect(row.status).toBe('ACTIVE');
    expect(await t.db.query(`SELECT 1 FROM users WHERE username = 'should_not_exist'`)).toEqual([]);
    // The target's own password still works: no reset happened.
    await t.login('beishan_finance');
  }, 30_000);

  it('an unknown or malformed id answers 404, as does an account that is not staff', async () => {
    const [applicant] = await t.db.query<{ id: string }[]>(`SELECT id FROM users WHERE username = 'demo_applicant'`);
    const bodies: Record<string, unknown>[] = [];
    for (const id of [randomUUID(), 'not-a-uuid', '1', applicant.id]) {
      const patched = await t.http().patch(`/api/v1/staff/${id}`).set(admin).send({ status: 'DISABLED' });
      bodies.push(problemWithoutRequest(expectProblem(patched, 404, 'NOT_FOUND')));
      const reset = await t.http().post(`/api/v1/staff/${id}/password-reset`).set(admin);
      bodies.push(problemWithoutRequest(expectProblem(reset, 404, 'NOT_FOUND')));
      const unlocked = await t.http().post(`/api/v1/staff/${id}/unlock`).set(admin);
      bodies.push(problemWithoutRequest(expectProblem(unlocked, 404, 'NOT_FOUND')));
    }
    // One answer for all: nothing tells a malformed id from an unknown one or a non-staff one.
    expect(new Set(bodies.map((body) => JSON.stringify(body))).size).toBe(1);
    const [row] = await t.db.query<{
      status: string;
      must_change_password: boolean;
    }[]>(`SELECT status, must_change_password FROM users WHERE id = $1`, [applicant.id]);
    expect(row).toEqual({ status: 'ACTIVE', must_change_password: false });
  });
});

describe('staff phones when staff sign-in needs an SMS code (STAFF_SMS_2FA=true)', () => {
  // Not beside the other app: Passport's strategies are per process, so two live apps would mix up their databases.
  let strict: TestApp;
  let strictAdmin: { Authorization: string };
  let serial = 0;
  const fresh = () => {
    serial += 1;
    return { username: `staff_2fa_${serial}`, phone: `1370000${String(serial).padStart(4, '0')}` };
  };
  beforeAll(async () => {
    strict = await startTestApp({ STAFF_SMS_2FA: 'true', DEMO_DATA: 'true' });
    // With the second factor on, the administrator too signs in with the code sent to its phone.
    const challenge = await strict.http().post('/api/v1/auth/login').send({ username: 'admin', password: TEST_PASSWORD });
    expect(challenge.body.mfaRequired).toBe(true);
    const code = await latestCode(strict, '13900000001');
    const tokens = await strict.http().post('/api/v1/auth/login/mfa').send({ mfaToken: challenge.body.mfaToken, code });
    strictAdmin = { Authorization: `Bearer ${tokens.body.accessToken}` };
  }, 30_000);
  afterAll(async () => {
    await strict.close();
  });

  it('creating a staff account without a phone is refused (400 VALIDATION_FAILED on phone), and nothing is created', async () => {
    const before = Number((await strict.db.query<{ n: string }[]>(`SELECT count(*) AS n FROM users`))[0].n);
    const response = await strict.http().post('/api/v1/staff').set(strictAdmin).send({ username: fresh().username, fullName: '无手机', role: 'CITY_HRSS' });
    const problem = expectProblem(response, 400, 'VALIDATION_FAILED');
    expect(problem.errors).toEqual([{ field: 'phone', message: '已开启短信二次验证，管理部门账号必须登记手机号码' }]);
    for (const phone of ['', null]) {
      const refused = await strict.http().post('/api/v1/staff').set(strictAdmin).send({ username: fresh().username, fullName: '无手机', role: 'CITY_HRSS', phone });
      expect(expectProblem(refused, 400, 'VALIDATION_FAILED').errors).toEqual([expect.objectContaining({ field: 'phone' })]);
    }
    expect(Number((await strict.db.query<{ n: string }[]>(`SELECT count(*) AS n FROM users`))[0].n)).toBe(before);
    const withPhone = await strict.http().post('/api/v1/staff').set(strictAdmin).send({ ...fresh(), fullName: '有手机', role: 'CITY_HRSS' });
    expect(withPhone.status).toBe(201);
  });

  it('clearing a staff phone is refused; changing it is allowed', async () => {
    const [row] = await strict.db.query<{ id: string }[]>(`SELECT id FROM users WHERE username = 'city_org'`);
    const cleared = await strict.http().patch(`/api/v1/staff/${row.id}`).set(strictAdmin).send({ phone: null });
    expect(expectProblem(cleared, 400, 'VALIDATION_FAILED').errors).toEqual([{ field: 'phone', message: '已开启短信二次验证，管理部门账号必须登记手机号码' }]);
    const [after] = await strict.db.query<{ phone: string | null }[]>(`SELECT phone FROM users WHERE id = $1`, [row.id]);
    expect(after.phone).not.toBeNull();
    expect((await strict.http().patch(`/api/v1/staff/${row.id}`).set(strictAdmin).send({ phone: fresh().phone })).status).toBe(200);
  });
});
