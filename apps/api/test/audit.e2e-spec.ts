import ExcelJS from 'exceljs';
import type { Response } from 'supertest';
import { LOG_EXPORT_MAX_ROWS, LOG_TOTAL_CAP } from '@butie/contracts';
import { expectProblem } from './support/problem.js';
import { allPages } from './support/pages.js';
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
const CHROME_ON_WINDOWS = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const cursorOf = (text: string) => Buffer.from(text, 'utf8').toString('base64url');
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** An export's body as bytes, parsed back with exceljs: sheet name → rows of cell values. */
async function workbookOf(response: Response): Promise<Map<string, unknown[][]>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(response.body as ExcelJS.Buffer);
  const sheets = new Map<string, unknown[][]>();
  workbook.eachSheet((sheet) => {
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    sheets.set(sheet.name, rows);
  });
  return sheets;
}

/** A supertest parser that keeps the body as bytes. */
function binary(response: Response, callback: (error: Error | null, body: Buffer) => void) {
  const stream = response as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => callback(null, Buffer.concat(chunks)));
}

describe('audit logs (AUDITOR, /api/v1/audit)', () => {
  let t: TestApp;
  let auditor: { Authorization: string };
  let admin: { Authorization: string };

  const count = async (table: 'login_events' | 'operation_logs') =>
    (await t.db.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM ${table}`))[0].n;

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

  const download = (path: string) => t.http().get(path).set(auditor).buffer(true).parse(binary);

  beforeAll(async () => {
    // The date tests below place rows at fixed instants and read them as days in this zone.
    t = await startTestApp({ BUSINESS_TIME_ZONE: 'Asia/Shanghai' });
    auditor = await t.bearer('auditor');
    admin = await t.bearer('admin');
    await t.http().post('/api/v1/auth/login').set('User-Agent', AGENT).send({ username: 'city_hrss', password: 'Wrong#Pass1' }).expect(401);
    await t.http().post('/api/v1/auth/login').set('User-Agent', CHROME_ON_WINDOWS).send({ username: 'city_hrss', password: TEST_PASSWORD }).expect(200);
    await t.http().post('/api/v1/auth/login').send({ username: 'nobody_here', password: 'Wrong#Pass1' }).expect(401);
    await t.login('dongcheng_hrss');

    const regions = await t.db.query<{ id: string; code: string }[]>(`SELECT id, code FROM regions`);
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
      const pages = await allPages<LoginEvent>(t, auditor, '/api/v1/audit/login-events', 'limit=2');
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
      // The administrator's five changes of beforeAll (the demo's own entries are its registrants').
      const pages = await allPages<OperationLog>(t, auditor, '/api/v1/audit/operation-logs', 'limit=2&actor=admin');
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
      const pages = await allPages<OperationLog>(t, auditor, '/api/v1/audit/operation-logs', 'limit=2&action=STAFF_CREATE');
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

  describe('who a row is about', () => {
    const idOf = async (username: string) => (await t.db.query<{ id: string }[]>(`SELECT id FROM users WHERE username = $1`, [username]))[0].id;

    it('filtering by username also finds the account\'s sign-ins filed under its phone, and the other way round', async () => {
      // Older SMS sign-ins recorded the phone as typed, with the account's id.
      const cityOrg = await idOf('city_org');
      await t.db.query(`INSERT INTO login_events (kind, method, username, user_id, role, success) VALUES ('LOGIN', 'SMS', '13900000004', $1, 'CITY_ORG', true)`, [cityOrg]);
      await t.login('city_org');
      const byUsername = await loginEvents('username=CITY_ORG&kind=LOGIN');
      expect(byUsername.map((event) => [event.username, event.method])).toEqual([
        ['city_org', 'PASSWORD'],
        ['13900000004', 'SMS'],
      ]);
      const byPhone = await loginEvents('username=13900000004&kind=LOGIN');
      expect(byPhone.map((event) => event.id)).toEqual(byUsername.map((event) => event.id));
      // Another account's rows never join in.
      expect(new Set((await loginEvents('username=city_org')).map((event) => event.userId))).toEqual(new Set([cityOrg]));
    });

    it('a failed row names the account and its role whenever the account is known', async () => {
      const id = await idOf('city_finance');
      await t.db.query(`INSERT INTO login_events (kind, method, username, user_id, role, success, reason) VALUES ('LOGIN', 'PASSWORD', 'city_finance', $1, NULL, false, 'ACCOUNT_LOCKED')`, [id]);
      const [row] = await loginEvents('username=city_finance&success=false');
      expect(row).toEqual(expect.objectContaining({ userId: id, role: 'CITY_FINANCE', fullName: expect.stringMatching(/\S/), reason: 'ACCOUNT_LOCKED' }));
      const [unknown] = await loginEvents('username=nobody_here');
      expect(unknown).toEqual(expect.objectContaining({ userId: null, role: null, fullName: null }));
    });
  });

  describe('totals and refusals', () => {
    it('each page tells how many rows match the filters, whatever the page', async () => {
      const first = await t.http().get('/api/v1/audit/login-events?limit=2&success=true').set(auditor);
      const all = await loginEvents('success=true');
      expect(first.body).toEqual(expect.objectContaining({ total: all.length, totalCapped: false }));
      const second = await t.http().get(`/api/v1/audit/login-events?limit=2&success=true&cursor=${first.body.nextCursor}`).set(auditor);
      expect(second.body.total).toBe(all.length);
      const operations = await t.http().get('/api/v1/audit/operation-logs?action=STAFF_CREATE&limit=1').set(auditor);
      expect(operations.body).toEqual(expect.objectContaining({ total: 3, totalCapped: false }));
    });

    it('a date range that ends before it starts is refused (400), naming both fields, in lists and exports', async () => {
      for (const path of ['/api/v1/audit/login-events', '/api/v1/audit/operation-logs', '/api/v1/audit/login-events/export', '/api/v1/audit/operation-logs/export']) {
        const body = expectProblem(await t.http().get(`${path}?from=2025-03-11&to=2025-03-10`).set(auditor), 400, 'VALIDATION_FAILED');
        expect((body.errors as { field: string }[]).map((error) => error.field)).toEqual(['from', 'to']);
        expect(body.detail).toContain('早于起始日期');
      }
      expect((await t.http().get('/api/v1/audit/login-events?from=2025-03-10&to=2025-03-10').set(auditor)).status).toBe(200);
    });

    it('refusals of the filters are in Chinese, without the parameter names', async () => {
      for (const query of ['success=yes', 'limit=ten', 'limit=0', 'kind=DELETE', 'from=garbage']) {
        const body = expectProblem(await t.http().get(`/api/v1/audit/login-events?${query}`).set(auditor), 400, 'VALIDATION_FAILED');
        const parameter = query.split('=')[0];
        expect({ query, detail: body.detail }).not.toEqual({ query, detail: expect.stringContaining(parameter) });
      }
    });
  });

  describe('Excel export', () => {
    it('exports the sign-in log with the filters: Chinese headers, local times, browser and system in words', async () => {
      const response = await download('/api/v1/audit/login-events/export?username=city_hrss&success=true');
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe(XLSX);
      expect(response.headers['content-disposition']).toMatch(/^attachment; filename="login-events-\d{8}-\d{4}\.xlsx"; filename\*=UTF-8''/);
      expect(decodeURIComponent(response.headers['content-disposition'].split("UTF-8''")[1])).toMatch(/^登录日志-\d{8}-\d{4}\.xlsx$/);

      const sheets = await workbookOf(response);
      expect([...sheets.keys()]).toEqual(['登录日志', '导出说明']);
      const [header, ...rows] = sheets.get('登录日志')!;
      expect(header).toEqual(['时间', '账号', '姓名', '角色', '结果', '失败原因', '类型', '方式', 'IP 地址', '浏览器', '操作系统', '浏览器标识（原文）']);
      const listed = await loginEvents('username=city_hrss&success=true');
      expect(rows).toHaveLength(listed.length);
      const chromeRow = rows.find((row) => row[11] === CHROME_ON_WINDOWS)!;
      const event = listed.find((item) => item.userAgent === CHROME_ON_WINDOWS)!;
      expect(chromeRow.slice(1, 11)).toEqual(['city_hrss', '周海燕', '市人社局', '成功', undefined, '登录', '密码', event.ip, 'Chrome 131', 'Windows 10']);
      // The cell shows Beijing time: its (zone-less) fields are the instant plus eight hours.
      expect((chromeRow[0] as Date).getTime()).toBe(Math.floor(Date.parse(event.at) / 1000) * 1000 + 8 * 3600_000);

      const about = new Map(sheets.get('导出说明')!.map(([label, value]) => [label, value]));
      expect(about.get('筛选条件')).toBe('账号 city_hrss；结果 成功');
      expect(about.get('导出人')).toBe('auditor');
      expect(about.get('记录数')).toBe(String(listed.length));
    });

    it('exports the operation log with the filters', async () => {
      const response = await download('/api/v1/audit/operation-logs/export?action=STAFF_CREATE&actor=admin');
      expect(response.status).toBe(200);
      const sheets = await workbookOf(response);
      const [header, ...rows] = sheets.get('操作日志')!;
      expect(header).toEqual(['时间', '操作人', '角色', '操作', '内容', 'IP 地址', '请求编号']);
      expect(rows.map((row) => row.slice(1, 4))).toEqual(Array.from({ length: 3 }, () => ['admin', '系统管理员', '新建人员账号']));
      expect(rows.map((row) => row[4])).toEqual(['audit_spec_3', 'audit_spec_2', 'audit_spec_1'].map((name) => expect.stringContaining(name)));
    });

    it('exports whole days in the business time zone, like the list', async () => {
      for (const at of ['2025-04-09T15:59:59Z', '2025-04-09T16:00:00Z', '2025-04-10T15:59:59Z', '2025-04-10T16:00:00Z']) {
        await t.db.query(`INSERT INTO operation_logs (at, action, summary, actor_username) VALUES ($1, 'DATE_PROBE', '导出日期测试', 'export_probe')`, [at]);
      }
      const sheets = await workbookOf(await download('/api/v1/audit/operation-logs/export?actor=export_probe&from=2025-04-10&to=2025-04-10'));
      const times = sheets.get('操作日志')!.slice(1).map((row) => (row[0] as Date).toISOString());
      expect(times).toEqual(['2025-04-10T23:59:59.000Z', '2025-04-10T00:00:00.000Z']);
    });

    it('records every export in the operation log: who took which file, with which filters', async () => {
      await download('/api/v1/audit/login-events/export?username=city_hrss');
      const [row] = await t.db.query<object[]>(`SELECT action, actor_username, summary FROM operation_logs ORDER BY id DESC LIMIT 1`);
      expect(row).toEqual({ action: 'LOG_EXPORT', actor_username: 'auditor', summary: expect.stringMatching(/^导出登录日志（.*city_hrss.*）$/) });
    });

    it('an export with nothing to export is a file with the headers only', async () => {
      const sheets = await workbookOf(await download('/api/v1/audit/login-events/export?username=nobody_at_all'));
      expect(sheets.get('登录日志')).toHaveLength(1);
    });
  });

  describe('三员分立: nobody changes the logs', () => {
    it.each(['admin', 'city_hrss', 'dongcheng_hrss', 'demo_applicant'])('%s cannot read the logs (403)', async (username) => {
      const headers = username === 'admin' ? admin : await t.bearer(username);
      for (const path of ['/api/v1/audit/login-events', '/api/v1/audit/operation-logs', '/api/v1/audit/login-events/export', '/api/v1/audit/operation-logs/export']) {
        expectProblem(await t.http().get(path).set(headers), 403, 'FORBIDDEN');
      }
    });

    it('there is no route that edits or deletes log entries (404)', async () => {
      const [event] = await t.db.query<{ id: string }[]>(`SELECT id FROM login_events ORDER BY id LIMIT 1`);
      const [log] = await t.db.query<{ id: string }[]>(`SELECT id FROM operation_logs ORDER BY id LIMIT 1`);
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

    // As the schema owner: the app's own role may not even try (database-roles.e2e-spec); the trigger stops the owner too.
    it.each(['login_events', 'operation_logs'] as const)('%s refuses UPDATE, DELETE and TRUNCATE even by direct SQL of the schema owner', async (table) => {
      const before = await count(table);
      // Row triggers fire only for rows that exist.
      expect(before).toBeGreaterThan(0);
      const column = table === 'login_events' ? 'username' : 'summary';
      const [newest] = await t.db.query<{ id: string; value: string }[]>(`SELECT id, ${column} AS value FROM ${table} ORDER BY id DESC LIMIT 1`);

      await expect(t.asOwner(`UPDATE ${table} SET ${column} = 'tampered' WHERE id = $1`, [newest.id])).rejects.toThrow(/append-only/);
      await expect(t.asOwner(`UPDATE ${table} SET at = at - interval '1 day'`)).rejects.toThrow(/append-only/);
      await expect(t.asOwner(`DELETE FROM ${table} WHERE id = $1`, [newest.id])).rejects.toThrow(/append-only/);
      await expect(t.asOwner(`DELETE FROM ${table}`)).rejects.toThrow(/append-only/);
      await expect(t.asOwner(`TRUNCATE ${table}`)).rejects.toThrow(/append-only/);

      expect(await count(table)).toBe(before);
      const [after] = await t.db.query<{ value: string }[]>(`SELECT ${column} AS value FROM ${table} WHERE id = $1`, [newest.id]);
      expect(after.value).toBe(newest.value);
    });
  });
});

describe('audit logs of more rows than a page can count or a file can hold', () => {
  let t: TestApp;
  let auditor: { Authorization: string };
  const bulk = LOG_EXPORT_MAX_ROWS + 1;

  beforeAll(async () => {
    t = await startTestApp({ BUSINESS_TIME_ZONE: 'Asia/Shanghai' });
    auditor = await t.bearer('auditor');
    await t.db.query(
      `INSERT INTO login_events (at, kind, method, username, success, reason)
       SELECT timestamptz '2024-01-01T00:00:00Z' + n * interval '1 second', 'LOGIN', 'PASSWORD', 'bulk_probe', false, 'UNKNOWN_USERNAME'
         FROM generate_series(1, $1) AS n`,
      [bulk],
    );
  }, 60_000);
  afterAll(async () => {
    await t.close();
  });

  it(`counts up to ${LOG_TOTAL_CAP} and then says there are more`, async () => {
    const response = await t.http().get('/api/v1/audit/login-events?username=bulk_probe&limit=5').set(auditor);
    expect(response.body).toEqual(expect.objectContaining({ total: LOG_TOTAL_CAP, totalCapped: true }));
    expect(response.body.items).toHaveLength(5);
  });

  it(`exports at most ${LOG_EXPORT_MAX_ROWS} rows, newest first, and says in the file that it was cut`, async () => {
    const response = await t.http().get('/api/v1/audit/login-events/export?username=bulk_probe').set(auditor).buffer(true).parse(binary);
    expect(response.status).toBe(200);
    const sheets = await workbookOf(response);
    const rows = sheets.get('登录日志')!;
    // Header, the rows, and the note.
    expect(rows).toHaveLength(1 + LOG_EXPORT_MAX_ROWS + 1);
    expect((rows[1][0] as Date).toISOString()).toBe(new Date(Date.parse('2024-01-01T08:00:00Z') + bulk * 1000).toISOString());
    expect((rows[LOG_EXPORT_MAX_ROWS][0] as Date).toISOString()).toBe(new Date(Date.parse('2024-01-01T08:00:00Z') + 2 * 1000).toISOString());
    expect(rows[rows.length - 1][0]).toContain(`仅导出了前 ${LOG_EXPORT_MAX_ROWS} 条`);
    const about = new Map(sheets.get('导出说明')!.map(([label, value]) => [label, value]));
    expect(about.get('记录数')).toBe(`${LOG_EXPORT_MAX_ROWS}（已截断）`);
  }, 60_000);
});
