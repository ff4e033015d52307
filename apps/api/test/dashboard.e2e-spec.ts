import { expectProblem } from './support/problem.js';
import { startTestApp, type TestApp } from './support/test-app.js';

interface Queue {
  key: string;
  label: string;
  count: number;
  oldestSince: string | null;
}

/** 首页's to-do board: the queues a role may work, counted in its data scope. */
describe('dashboard (GET /api/v1/dashboard)', () => {
  let t: TestApp;
  const queuesOf = async (username: string): Promise<Queue[]> => {
    const response = await t.http().get('/api/v1/dashboard').set(await t.bearer(username));
    expect(response.status).toBe(200);
    return (response.body as { queues: Queue[] }).queues;
  };

  beforeAll(async () => {
    t = await startTestApp();
  }, 30_000);
  afterAll(async () => {
    await t.close();
  });

  it('a unit sees its own pending registrants: as many, and since when, as the database holds for that unit only', async () => {
    const [expected] = await t.db.query<{ n: number; oldest: Date | null }[]>(
      `SELECT count(*)::int AS n, min(p.submitted_at) AS oldest FROM persons p JOIN users u ON u.unit_id = p.unit_id
        WHERE u.username = 'demo_unit' AND p.registration_status = 'PENDING'`,
    );
    const queues = await queuesOf('demo_unit');
    expect(queues).toEqual([{ key: 'person-registrations', label: '人员注册待审核', count: expected.n, oldestSince: expected.oldest?.toISOString() ?? null }]);
  });

  it('a county HRSS sees the pending unit registrations of its county only, and a new one counts at once', async () => {
    const countyCount = async (code: string) =>
      (
        await t.db.query<{ n: number }[]>(
          `SELECT count(*)::int AS n FROM units u JOIN regions r ON r.id = u.county_id WHERE r.code = $1 AND u.status = 'PENDING' AND NOT u.is_virtual`,
          [code],
        )
      )[0].n;
    const before = await queuesOf('xicheng_hrss');
    expect(before).toEqual([expect.objectContaining({ key: 'unit-registrations', count: await countyCount('xicheng') })]);

    const [county] = await t.db.query<{ id: string }[]>(`SELECT id FROM regions WHERE code = 'xicheng'`);
    await t.db.query(
      `INSERT INTO units (name, credit_code, county_id, status, address, contact_person, contact_phone, submitted_at)
       VALUES ('看板测试有限公司', '91530100MA6K7XYW1' || 'T', $1, 'PENDING', '测试路 1 号', '周明', '0871-65123456', '2001-02-03T04:05:06Z')`,
      [county.id],
    );
    const after = await queuesOf('xicheng_hrss');
    expect(after[0].count).toBe(before[0].count + 1);
    expect(after[0].oldestSince).toBe('2001-02-03T04:05:06.000Z');
    // Another county's board does not move.
    expect((await queuesOf('dongcheng_hrss'))[0].count).toBe(await countyCount('dongcheng'));
  });

  it.each(['demo_applicant', 'city_hrss', 'dongcheng_org', 'nanhu_finance'])('%s has no queue of this stage yet', async (username) => {
    expect(await queuesOf(username)).toEqual([]);
  });

  it('an approved applicant is told the next step: 维护工作经历 until there is an entry, then none', async () => {
    const progressOf = async (headers: Record<string, string>) => (await t.http().get('/api/v1/dashboard').set(headers)).body.progress as unknown;
    const applicant = await t.bearer('demo_applicant');
    const [me] = await t.db.query<{ id: string }[]>(`SELECT id FROM users WHERE username = 'demo_applicant'`);
    await t.db.query(`DELETE FROM work_histories WHERE person_id = $1`, [me.id]);
    expect(await progressOf(applicant)).toEqual({
      steps: [
        { key: 'registration', label: '注册审核通过', done: true },
        { key: 'work-history', label: '维护工作经历', done: false },
      ],
      next: 'work-history',
    });
    const [unit] = await t.db.query<{ id: string }[]>(`SELECT id FROM units WHERE status = 'APPROVED' AND NOT is_virtual LIMIT 1`);
    const created = await t.http().post('/api/v1/work-histories').set(applicant).send({ unitId: unit.id, startDate: '2021-07-01', contractStart: '2021-07-01', contractOpenEnded: true });
    expect(created.status).toBe(201);
    expect(await progressOf(applicant)).toEqual(expect.objectContaining({ next: null }));
    // Staff and units have no such steps.
    expect(await progressOf(await t.bearer('demo_unit'))).toBeNull();
  });

  it.each(['admin', 'auditor'])('%s has no 首页 board (403)', async (username) => {
    expectProblem(await t.http().get('/api/v1/dashboard').set(await t.bearer(username)), 403, 'FORBIDDEN');
  });

  it('requires sign-in', async () => {
    expectProblem(await t.http().get('/api/v1/dashboard'), 401, 'AUTH_REQUIRED');
  });
});
