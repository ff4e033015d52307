import { expectProblem } from './support/problem.js';
import { startTestApp, TEST_PASSWORD, type TestApp } from './support/test-app.js';

interface LoginEvent {
  id: string;
  at: string;
  kind: string;
  method: string | null;
  username: string | null;
  userId: string | null;
  fullName: string | null;
  role: string | null;
  ip: string | null;
  userAgent: string | null;
  success: boolean;
  reason: string | null;
}

interface OperationLog {
  id: string;
  at: string;
  actorId: string | null;
  actorUsername: string | null;
  actorRole: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  summary: string;
  ip: string | null;
}

const AGENT = 'audit-spec/1.0';
const cursorOf = (text: string) => Buffer.from(text, 'utf8').toString('base64url');

describe('audit logs (AUDITOR, /api/v1/audit)', () => {
  let t: TestApp;
  let auditor: { Authorization: string };
  let admin: { Authorization: string };

  const count = async (table: 'login_events' | 'operation_logs') =>
    ((await t.db.query(`SELECT count(*)::int AS n FROM ${table}`)) as { n: number }[])[0].n;

  /** Follows nextCursor from the first page to the last; returns every page. */
  async function allPages<T>(path: string, query: string): Promise<{ items: T[]; nextCursor: string | null }[]> {
    const pages: { items: T[]; nextCursor: string | null }[] = [];
    let cursor: string | null = null;
    do {
      const response = await t.http().get(`${path}?${query}${cursor ? `&cursor=${cursor}` : ''}`).set(auditor);
      expect(response.status).toBe(200);
      pages.push(response.body as { items: T[]; nextCursor: string | null });
      cursor = response.body.nextCursor as string | null;
      // A runaway loop would mean the cursor never ends.
      expect(pages.length).toBeLessThan(50);
    } while (cursor);
    return pages;
  }

  const loginEvents = async (query: string) => {
    const response = await t.http().get(`/api/v1/audit/login-events?limit=100&${query}`).set(auditor);
    expect(response.status).toBe(200);
    return response.body.items as LoginEvent[];
  };
  const operationLogs = async (query: string) => {
    const response = await t.http().get(`/api/v1/audit/operation-logs?limit=100&${query}`).set(auditor);
    expect(response.status).toBe(200);
    return response.body.items as OperationLog[];
  };

  beforeAll(async () => {
    // The date tests below place rows at fixed instants and read them as days in this zone.
    t = await startTestApp({ BUSINESS_TIME_ZONE: 'Asia/Shanghai' });
    auditor = await t.bearer('auditor');
    admin = await t.bearer('admin');
    await t.http().post('/api/v1/auth/login').set('User-Agent', AGENT).send({ username: 'city_hrss', password: 'Wrong#Pass1' }).expect(401);
    await t.http().post('/api/v1/auth/login').set('User-Agent', AGENT).send({ username: 'city_hrss', password: TEST_PASSWORD }).expect(200);
    await t.http().post('/api/v1/auth/login').send({ username: 'nobody_here', password: 'Wrong#Pass1' }).expect(401);
    await t.login('dongcheng_hrss');

    const regions = (await t.db.query(`SELECT id, code FROM regions`)) as { id: string; code: string }[];
    const dongcheng = regions.find((region) => region.code === 'dongcheng')!.id;
    const created: string[] = [];
    for (const n of [1, 2, 3]) {
      const response = await t.http().post('/api/v1/staff').set(admin).send({ username: `audit_spec_${n}`, fullName: '审计测试', role: 'COUNTY_ORG', regionId: dongcheng });
      expect(response.status).toBe(201);
      created.push(response.body.account.id as string);
    }
    await t.http().patch(`/api/v1/staff/${created[0]}`).set(admin).send({ status: 'DISABLED' }).expect(200);
    await t.http().post('/api/v1/regions/counties').set(admin).send({ code: 'shenji', name: '审计区' }).expect(201);
  }, 30_000);
  afterAll(async () => {
    await t.close();
  });

  describe('paging', () => {
    it('pages login events newest first with a cursor, without overlap, until nextCursor is null', async () => {
      const pages = await allPages<LoginEvent>('/api/v1/audit/login-events', 'limit=2');
      expect(pages.length).toBeGreaterThanOrEqual(3);
      expect(pages.slice(0, -1).every((page) => page.items.length === 2 && typeof page.nextCursor === 'string')).toBe(true);
      expect(pages[pages.length - 1].nextCursor).toBeNull();

      const items = pages.flatMap((page) => page.items);
      expect(items).toHaveLength(await count('login_events'));
      const ids = items.map((item) => BigInt(item.id));
      for (let i = 1; i < ids.length; i++) {
        // Each row is older than the one before it, so the next page never repeats the previous one.
        expect(ids[i] < ids[i - 1]).toBe(true);
        expect(Date.parse(items[i].at)).toBeLessThanOrEqual(Date.parse(items[i - 1].at));
      }
    });

    it('pages operation logs newest first with a cursor, without overlap, until nextCursor is null', async () => {
      const pages = await allPages<OperationLog>('/api/v1/audit/operation-logs', 'limit=2');
      expect(pages.map((page) => page.items.length)).toEqual([2, 2, 1]);
      expect(pages.map((page) => page.nextCursor === null)).toEqual([false, false, true]);
      const items = pages.flatMap((page) => page.items);
      expect(items.map((item) => item.action)).toEqual(['COUNTY_CREATE', 'STAFF_DISABLE', 'STAFF_CREATE', 'STAFF_CREATE', 'STAFF_CREATE']);
      const ids = items.map((item) => BigInt(item.id));
      expect(ids).toEqual([...ids].sort((a, b) => (a < b ? 1 : a > b ? -1 : 0)));
      expect(new Set(ids).size).toBe(ids.length);
    });

    it('a page of exactly the remaining rows ends the paging', async () => {
      const all = await operationLogs('');
      const response = await t.http().get(`/api/v1/audit/operation-logs?limit=${all.length}`).set(auditor);
      expect(response.body.items).toHaveLength(all.length);
      expect(response.body.nextCursor).toBeNull();
    });

    it('a cursor that was not issued is refused (400)', async () => {
      for (const cursor of ['not-a-cursor!', cursorOf('abc'), cursorOf('-1'), cursorOf('1 OR 1=1'), cursorOf('99999999999999999999'), cursorOf('9999999999999999999')]) {
        for (const path of ['/api/v1/audit/login-events', '/api/v1/audit/operation-logs']) {
          const response = await t.http().get(`${path}?cursor=${encodeURIComponent(cursor)}`).set(auditor);
          expect({ cursor, path, status: response.status, code: response.body.code }).toEqual({ cursor, path, status: 400, code: 'VALIDATION_FAILED' });
        }
      }
    });

    it('limit is 1 to 100 (400 outside)', async () => {
      for (const limit of ['0', '101', 'ten']) {
        expectProblem(await t.http().get(`/api/v1/audit/login-events?limit=${limit}`).set(auditor), 400, 'VALIDATION_FAILED');
      }
      expect((await t.http().get('/api/v1/audit/login-events?limit=100').set(auditor)).status).toBe(200);
    });
  });

  describe('filters', () => {
    it('login events record who, when, from where, with what and the result', async () => {
      const failed = await loginEvents('username=city_hrss&success=false');
      expect(failed).toEqual([
        expect.objectContaining({
          kind: 'LOGIN',
          method: 'PASSWORD',
          username: 'city_hrss',
          role: 'CITY_HRSS',
          fullName: '周海燕',
          success: false,
          reason: 'WRONG_PASSWORD',
          userAgent: AGENT,
          ip: expect.any(String),
          at: expect.any(String),
        }),
      ]);
    });

    it('filters login events by username, ignoring case', async () => {
      const events = await loginEvents('username=CITY_HRSS');
      expect(events.map((event) => event.success)).toEqual([true, false]);
      expect(events.every((event) => event.username === 'city_hrss')).toBe(true);
      expect(await loginEvents('username=nobody_here')).toEqual([expect.objectContaining({ success: false, reason: 'UNKNOWN_USERNAME', userId: null })]);
    });

    it('filters login events by result', async () => {
      const succeeded = await loginEvents('success=true');
      const failed = await loginEvents('success=false');
      expect(succeeded.length).toBeGreaterThan(0);
      expect(succeeded.every((event) => event.success)).toBe(true);
      expect(failed.map((event) => event.username).sort()).toEqual(['city_hrss', 'nobody_here']);
      expect(succeeded.length + failed.length).toBe(await count('login_events'));
      expectProblem(await t.http().get('/api/v1/audit/login-events?success=yes').set(auditor), 400, 'VALIDATION_FAILED');
    });

    it('filters login events by kind', async () => {
      const logins = await loginEvents('kind=LOGIN');
      expect(logins.length).toBeGreaterThan(0);
      expect(logins.every((event) => event.kind === 'LOGIN')).toBe(true);
      expect(await loginEvents('kind=LOGOUT')).toEqual([]);
      expectProblem(await t.http().get('/api/v1/audit/login-events?kind=DELETE').set(auditor), 400, 'VALIDATION_FAILED');
    });

    it('filters operation logs by action', async () => {
      const creations = await operationLogs('action=STAFF_CREATE');
      expect(creations).toHaveLength(3);
      expect(creations.every((log) => log.action === 'STAFF_CREATE' && log.targetType === 'USER')).toBe(true);
      expect(await operationLogs('action=STAFF_RESET_PASSWORD')).toEqual([]);
    });

    it('filters operation logs by actor, ignoring case', async () => {
      const byAdmin = await operationLogs('actor=ADMIN');
      expect(byAdmin).toHaveLength(5);
      expect(byAdmin.every((log) => log.actorUsername === 'admin' && log.actorRole === 'ADMIN')).toBe(true);
      expect(await operationLogs('actor=auditor')).toEqual([]);
      const combined = await operationLogs('actor=admin&action=STAFF_DISABLE');
      expect(combined).toEqual([expect.objectContaining({ action: 'STAFF_DISABLE', summary: expect.stringContaining('audit_spec_1') })]);
    });

    it('filters combine with the cursor', async () => {
      const pages = await allPages<OperationLog>('/api/v1/audit/operation-logs', 'limit=2&action=STAFF_CREATE');
      expect(pages.map((page) => page.items.length)).toEqual([2, 1]);
      expect(pages.flatMap((page) => page.items).every((log) => log.action === 'STAFF_CREATE')).toBe(true);
    });

    it('from and to are whole days in the business time zone, both included', async () => {
      // 2025-03-10 in Asia/Shanghai runs from 2025-03-09T16:00Z to 2025-03-10T16:00Z.
      const instants = ['2025-03-09T15:59:59Z', '2025-03-09T16:00:00Z', '2025-03-10T15:59:59Z', '2025-03-10T16:00:00Z'];
      for (const at of instants) {
        await t.db.query(`INSERT INTO login_events (at, kind, username, success) VALUES ($1, 'LOGIN', 'date_probe', false)`, [at]);
        await t.db.query(`INSERT INTO operation_logs (at, action, summary, actor_username) VALUES ($1, 'DATE_PROBE', '日期测试', 'date_probe')`, [at]);
      }
      const at = (rows: { at: string }[]) => rows.map((row) => row.at).sort();

      expect(at(await loginEvents('username=date_probe&from=2025-03-10&to=2025-03-10'))).toEqual(['2025-03-09T16:00:00.000Z', '2025-03-10T15:59:59.000Z']);
      expect(at(await loginEvents('username=date_probe&from=2025-03-11'))).toEqual(['2025-03-10T16:00:00.000Z']);
      expect(at(await loginEvents('username=date_probe&to=2025-03-09'))).toEqual(['2025-03-09T15:59:59.000Z']);
      expect(at(await operationLogs('actor=date_probe&from=2025-03-10&to=2025-03-10'))).toEqual(['2025-03-09T16:00:00.000Z', '2025-03-10T15:59:59.000Z']);
      expect(at(await operationLogs('action=DATE_PROBE&from=2025-03-11&to=2025-03-11'))).toEqual(['2025-03-10T16:00:00.000Z']);
      expect(await operationLogs('actor=date_probe&from=2025-03-12')).toEqual([]);
    });

    it('a date that is not YYYY-MM-DD is refused (400)', async () => {
      for (const date of ['2025-13-01', '2025-02-30', '10/03/2025', 'yesterday', '2025', '2025-03', '2025-W10', '2025-069', '2025-03-10T12:00:00Z', '0000-01-01']) {
        for (const [path, parameter] of [
          ['/api/v1/audit/login-events', 'from'],
          ['/api/v1/audit/operation-logs', 'to'],
        ]) {
          const response = await t.http().get(`${path}?${parameter}=${encodeURIComponent(date)}`).set(auditor);
          expect({ date, path, status: response.status, code: response.body.code }).toEqual({ date, path, status: 400, code: 'VALIDATION_FAILED' });
        }
      }
    });
  });

  describe('三员分立: nobody changes the logs', () => {
    it.each(['admin', 'city_hrss', 'dongcheng_hrss', 'demo_applicant'])('%s cannot read the logs (403)', async (username) => {
      const headers = username === 'admin' ? admin : await t.bearer(username);
      expectProblem(await t.http().get('/api/v1/audit/login-events').set(headers), 403, 'FORBIDDEN');
      expectProblem(await t.http().get('/api/v1/audit/operation-logs').set(headers), 403, 'FORBIDDEN');
    });

    it('there is no route that edits or deletes log entries (404)', async () => {
      const [event] = (await t.db.query(`SELECT id FROM login_events ORDER BY id LIMIT 1`)) as { id: string }[];
      const [log] = (await t.db.query(`SELECT id FROM operation_logs ORDER BY id LIMIT 1`)) as { id: string }[];
      const before = { events: await count('login_events'), logs: await count('operation_logs') };
      const targets = ['/api/v1/audit/login-events', `/api/v1/audit/login-events/${event.id}`, '/api/v1/audit/operation-logs', `/api/v1/audit/operation-logs/${log.id}`, '/api/v1/audit'];
      for (const headers of [auditor, admin]) {
        for (const path of targets) {
          for (const method of ['delete', 'patch', 'put'] as const) {
            const response = await t.http()[method](path).set(headers).send({ success: true });
            expect({ method, path, status: response.status }).toEqual({ method, path, status: 404 });
          }
          if (path.split('/').length > 5) {
            expect((await t.http().post(path).set(headers).send({})).status).toBe(404);
          }
        }
      }
      expect({ events: await count('login_events'), logs: await count('operation_logs') }).toEqual(before);
    });

    it.each(['login_events', 'operation_logs'] as const)('%s refuses UPDATE, DELETE and TRUNCATE even by direct SQL', async (table) => {
      const before = await count(table);
      // Row triggers fire only for rows that exist.
      expect(before).toBeGreaterThan(0);
      const column = table === 'login_events' ? 'username' : 'summary';
      const [newest] = (await t.db.query(`SELECT id, ${column} AS value FROM ${table} ORDER BY id DESC LIMIT 1`)) as { id: string; value: string }[];

      await expect(t.db.query(`UPDATE ${table} SET ${column} = 'tampered' WHERE id = $1`, [newest.id])).rejects.toThrow(/append-only/);
      await expect(t.db.query(`UPDATE ${table} SET at = at - interval '1 day'`)).rejects.toThrow(/append-only/);
      await expect(t.db.query(`DELETE FROM ${table} WHERE id = $1`, [newest.id])).rejects.toThrow(/append-only/);
      await expect(t.db.query(`DELETE FROM ${table}`)).rejects.toThrow(/append-only/);
      await expect(t.db.query(`TRUNCATE ${table}`)).rejects.toThrow(/append-only/);

      expect(await count(table)).toBe(before);
      const [after] = (await t.db.query(`SELECT ${column} AS value FROM ${table} WHERE id = $1`, [newest.id])) as { value: string }[];
      expect(after.value).toBe(newest.value);
    });
  });
});
