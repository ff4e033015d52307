import { DEFAULT_SUBSIDY_POLICY, type PolicyHistoryPage, type PolicyVersionView, type SubsidyStandard } from '@butie/contracts';
import { allPages } from './support/pages.js';
import { expectProblem } from './support/problem.js';
import { raceAtTheDatabase } from './support/race.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const BASE = '/api/v1/policy';
type Headers = { Authorization: string };

const bachelorFrom = (month: string, fen: number): SubsidyStandard[] => [
  ...DEFAULT_SUBSIDY_POLICY.standards.filter((s) => s.education !== 'BACHELOR'),
  { education: 'BACHELOR', validFrom: '2017-01', validTo: previousMonth(month), monthlyFen: 50_000 },
  { education: 'BACHELOR', validFrom: month, validTo: null, monthlyFen: fen },
];
function previousMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}
const { standards: _standards, ...DEFAULT_PARAMETERS } = DEFAULT_SUBSIDY_POLICY;

describe('政策参数 (policy parameters)', () => {
  let t: TestApp;
  let admin: Headers;
  const count = async (sql: string) => ((await t.db.query<{ n: number }[]>(sql))[0]).n;
  const stored = async () => ({
    versions: await count(`SELECT count(*)::int AS n FROM policy_versions`),
    logs: await count(`SELECT count(*)::int AS n FROM operation_logs WHERE action = 'POLICY_CHANGE'`),
  });
  const current = async () => (await t.http().get(BASE).set(admin)).body as PolicyVersionView;
  const putStandards = (body: object, headers: Headers = admin) => t.http().put(`${BASE}/standards`).set(headers).send(body);
  const putParameters = (body: object, headers: Headers = admin) => t.http().put(`${BASE}/parameters`).set(headers).send(body);

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.bearer('admin');
  }, 30_000);
  afterAll(async () => {
    await t.close();
  });

  it('a baseVersion that never existed is 422 at its field, not "changed meanwhile"', async () => {
    const base = await current();
    const problem = expectProblem(await putParameters({ ...DEFAULT_PARAMETERS, maxMonths: 40, baseVersion: base.version + 98, note: '不存在的版本' }), 422, 'POLICY_INVALID');
    expect(problem.errors).toEqual([{ field: 'baseVersion', message: `第 ${base.version + 98} 版不存在：当前为第 ${base.version} 版，请刷新后再修改` }]);
    expect((await current()).version).toBe(base.version);
  });

  it('starts from the defaults of domain §5 and §6 as version 1', async () => {
    const response = await t.http().get(BASE).set(admin);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ version: 1, policy: DEFAULT_SUBSIDY_POLICY, note: '政策默认值', changedBy: null });
  });

  it('is read by every staff role, changed by ADMIN only; applicants, units and the auditor are refused', async () => {
    for (const username of ['city_hrss', 'dongcheng_hrss', 'city_finance']) {
      expect({ username, status: (await t.http().get(BASE).set(await t.bearer(username))).status }).toEqual({ username, status: 200 });
    }
    for (const username of ['demo_applicant', 'demo_unit', 'auditor']) {
      expectProblem(await t.http().get(BASE).set(await t.bearer(username)), 403, 'FORBIDDEN');
    }
    const before = await stored();
    expectProblem(await putParameters({ ...DEFAULT_PARAMETERS, maxMonths: 48, baseVersion: 1, note: '越权' }, await t.bearer('city_hrss')), 403, 'FORBIDDEN');
    expect(await stored()).toEqual(before);
  });

  it('a change of standard from a month on is a new version with who, when, why and what changed; the old version stays as it was', async () => {
    const base = await current();
    const before = await stored();
    const response = await putStandards({ baseVersion: base.version, note: '依据新文件调整本科标准', standards: bachelorFrom('2026-01', 80_000) });
    expect(response.status).toBe(200);
    const saved = response.body as PolicyVersionView;
    expect(saved).toMatchObject({ version: base.version + 1, note: '依据新文件调整本科标准', changedBy: { name: '系统管理员' } });
    expect(saved.policy.standards).toEqual(bachelorFrom('2026-01', 80_000));
    expect(await current()).toEqual(saved);
    expect(await stored()).toEqual({ versions: before.versions + 1, logs: before.logs + 1 });

    // The version an application pinned is still readable as it was.
    expect(((await t.http().get(`${BASE}/versions/${base.version}`).set(admin)).body as PolicyVersionView).policy).toEqual(base.policy);

    const history = (await t.http().get(`${BASE}/history`).set(admin)).body as PolicyHistoryPage;
    expect(history.items[0]).toMatchObject({
      version: saved.version,
      changes: [{ field: 'standards.BACHELOR', label: '本科补贴标准', before: '2017-01 起：每月 500.00 元', after: '2017-01 至 2025-12：每月 500.00 元；2026-01 起：每月 800.00 元' }],
    });
    expect(history.items.at(-1)).toMatchObject({ version: 1, changes: [] });
    const [log] = await t.db.query<{ summary: string; actor_username: string }[]>(
      `SELECT summary, actor_username FROM operation_logs WHERE action = 'POLICY_CHANGE' ORDER BY at DESC LIMIT 1`,
    );
    expect(log).toEqual({ actor_username: 'admin', summary: expect.stringContaining(`政策参数第 ${saved.version} 版：本科补贴标准`) });
  });

  it('refuses a gap or an overlap of standards, naming the months and the field; nothing is saved', async () => {
    const base = await current();
    const before = await stored();
    const gap = [
      ...DEFAULT_SUBSIDY_POLICY.standards.filter((s) => s.education !== 'DOCTOR'),
      { education: 'DOCTOR', validFrom: '2017-01', validTo: '2023-12', monthlyFen: 150_000 },
      { education: 'DOCTOR', validFrom: '2024-03', validTo: null, monthlyFen: 160_000 },
    ];
    const refusedGap = expectProblem(await putStandards({ baseVersion: base.version, note: '有空档', standards: gap }), 422, 'POLICY_INVALID');
    expect(refusedGap.errors).toEqual([{ field: 'standards.3.validFrom', message: '博士研究生的标准期间有空档：2024-01 至 2024-02 没有标准' }]);

    const overlap = [...gap.slice(0, 3), { ...gap[3], validFrom: '2023-06' }];
    const refusedOverlap = expectProblem(await putStandards({ baseVersion: base.version, note: '有重叠', standards: overlap }), 422, 'POLICY_INVALID');
    expect(refusedOverlap.detail).toContain('博士研究生的标准期间重叠：2023-06 起已有另一段标准');

    const none = expectProblem(await putStandards({ baseVersion: base.version, note: '缺学历', standards: gap.slice(0, 2) }), 422, 'POLICY_INVALID');
    expect(none.errors).toEqual([{ field: 'standards', message: '缺少博士研究生的补贴标准' }]);
    expect(await stored()).toEqual(before);
  });

  it('refuses bad input by field: no note, fen not an integer, an unknown education, a bad month, parameters out of bounds', async () => {
    const base = await current();
    const before = await stored();
    const fields = async (response: Awaited<ReturnType<typeof putParameters>>, status: number, code: string) =>
      ((expectProblem(response, status, code).errors as { field: string }[]) ?? []).map((e) => e.field).sort();

    expect(await fields(await putStandards({ baseVersion: base.version, note: '  ', standards: base.policy.standards }), 400, 'VALIDATION_FAILED')).toEqual(['note']);
    expect(
      await fields(await putStandards({ baseVersion: base.version, note: '改', standards: [{ education: 'BACHELOR', validFrom: '2017-01', validTo: null, monthlyFen: 500.5 }] }), 400, 'VALIDATION_FAILED'),
    ).toEqual(['standards.0.monthlyFen']);
    expect(
      await fields(await putStandards({ baseVersion: base.version, note: '改', standards: [{ education: 'PRIMARY', validFrom: '2017-01', validTo: null, monthlyFen: 500 }] }), 400, 'VALIDATION_FAILED'),
    ).toEqual(['standards.0.education']);
    expect(
      await fields(await putStandards({ baseVersion: base.version, note: '改', standards: bachelorFrom('2026-13', 80_000) }), 422, 'POLICY_INVALID'),
    ).toEqual(['standards.3.validFrom']);
    expect(
      await fields(
        await putParameters({ ...base.policy, standards: undefined, baseVersion: base.version, note: '改', contractYears: 0, maxMonths: 121, publicityWorkingDays: 0, citySharePercent: { BACHELOR: 101, MASTER: 100, DOCTOR: 100 } }),
        422,
        'POLICY_INVALID',
      ),
    ).toEqual(['citySharePercent.BACHELOR', 'contractYears', 'maxMonths', 'publicityWorkingDays']);
    expect(await fields(await putParameters({ ...DEFAULT_PARAMETERS, baseVersion: base.version, note: '改', citySharePercent: null }), 400, 'VALIDATION_FAILED')).toEqual(['citySharePercent']);
    expect(await stored()).toEqual(before);
  });

  it('refuses a change that changes nothing', async () => {
    const base = await current();
    const { standards: _s, ...parameters } = base.policy;
    expect(expectProblem(await putParameters({ ...parameters, baseVersion: base.version, note: '无改动' }), 422, 'POLICY_INVALID').detail).toContain('没有改动');
  });

  it('the other parameters: the notice lasts 7 working days from the next version on', async () => {
    const base = await current();
    const { standards: _s, ...parameters } = base.policy;
    const response = await putParameters({ ...parameters, publicityWorkingDays: 7, baseVersion: base.version, note: '公示期调整为 7 个工作日' });
    expect(response.status).toBe(200);
    expect((response.body as PolicyVersionView).policy).toEqual({ ...base.policy, publicityWorkingDays: 7 });
  });

  it('a change made against an older version is refused with the current one (409), and two at once: one wins', async () => {
    const base = await current();
    const { standards: _s, ...parameters } = base.policy;
    const stale = expectProblem(await putParameters({ ...parameters, maxMonths: 40, baseVersion: base.version - 1, note: '过期' }), 409, 'POLICY_VERSION_CHANGED');
    expect(stale.currentVersion).toBe(base.version);

    const before = await stored();
    const [a, b] = await raceAtTheDatabase(t, 'policy_versions', [
      () => putParameters({ ...parameters, maxMonths: 40, baseVersion: base.version, note: '甲' }),
      () => putParameters({ ...parameters, maxMonths: 42, baseVersion: base.version, note: '乙' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const lost = a.status === 409 ? a : b;
    expect(expectProblem(lost, 409, 'POLICY_VERSION_CHANGED').currentVersion).toBe(base.version + 1);
    expect(await stored()).toEqual({ versions: before.versions + 1, logs: before.logs + 1 });
  });

  it('a version that does not exist, or is not a number, is 404', async () => {
    for (const version of ['999', '0', 'abc', '1e3', '01']) {
      expectProblem(await t.http().get(`${BASE}/versions/${version}`).set(admin), 404, 'NOT_FOUND');
    }
  });

  it('the history pages with the keyset cursor, newest first, and a tampered cursor is 400', async () => {
    const pages = await allPages<PolicyVersionView>(t, admin, `${BASE}/history`, 'limit=1');
    const versions = pages.flatMap((page) => page.items.map((item) => item.version));
    expect(versions).toEqual([...versions].sort((x, y) => y - x));
    expect(versions.at(-1)).toBe(1);
    expect(new Set(versions).size).toBe(versions.length);
    expectProblem(await t.http().get(`${BASE}/history?cursor=WyJ4Il0`).set(admin), 400, 'VALIDATION_FAILED');
  });

  it('versions cannot be changed or removed, even by direct SQL of the schema owner', async () => {
    await expect(t.asOwner(`UPDATE policy_versions SET note = 'x' WHERE version = 1`)).rejects.toThrow(/append-only/);
    await expect(t.asOwner(`DELETE FROM policy_versions WHERE version = 1`)).rejects.toThrow(/append-only/);
    await expect(t.asOwner(`TRUNCATE policy_versions CASCADE`)).rejects.toThrow(/append-only/);
  });
});
