import type { ApplicationPage, ApplicationView, WorkHistoryList } from '@butie/contracts';
import { expectProblem } from './support/problem.js';
import { startTestApp, type TestApp } from './support/test-app.js';

type Headers = { Authorization: string };
const BASE = '/api/v1/applications';

describe('补贴申请 drafts (domain §5.7): 暂存, 修改, 删除, 申报信息 — the applicant\'s own only', () => {
  let t: TestApp;
  let applicant: Headers;
  let other: Headers;
  const create = (body: object, headers: Headers = applicant) => t.http().post(BASE).set(headers).send(body);
  const versions = async (id: string) =>
    (await t.db.query<{ version: number; event: string }[]>(`SELECT version, event FROM application_versions WHERE application_id = $1 ORDER BY version`, [id])).map(
      (row) => `${row.version}:${row.event}`,
    );

  beforeAll(async () => {
    t = await startTestApp();
    applicant = await t.bearer('demo_applicant');
    other = await t.bearer('demo_person_9');
  }, 30_000);
  afterAll(async () => {
    await t.close();
  });

  it('暂存 with nothing filled in yet: a draft, 新申领 for a first application, with the buttons it allows', async () => {
    const response = await create({});
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      number: null,
      status: 'DRAFT',
      statusLabel: '暂存',
      disbursementStatus: 'NONE',
      claimType: 'NEW',
      from: null,
      applicant: { name: '林雨桐', education: 'MASTER' },
      reviewUnit: null,
      policyVersion: null,
      version: 1,
      actions: ['submit'],
      editable: true,
      deletable: true,
    });
    expect(await versions(response.body.id)).toEqual(['1:CREATE']);
    const [log] = await t.db.query<{ summary: string }[]>(`SELECT summary FROM operation_logs WHERE action = 'APPLICATION_CREATE' AND target_id = $1`, [response.body.id]);
    expect(log.summary).toBe('暂存补贴申报（新申领）');
  });

  it('keeps what is filled in, with the applicant\'s own work-history entry', async () => {
    const [entry] = ((await t.http().get('/api/v1/work-histories').set(applicant)).body as WorkHistoryList).items;
    const body = {
      claimType: 'NEW',
      from: '2024-01',
      to: '2024-12',
      workHistoryId: entry.id,
      educationCertificateNumber: '106732019200000001',
      degreeCertificateNumber: '1067342019000123',
      graduationDate: '2019-06-30',
      workStartDate: '2019-07-15',
    };
    const response = await create(body);
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject(body);
  });

  it('refuses malformed fields at their field, and another person\'s work-history entry, storing nothing', async () => {
    const before = await t.db.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM applications`);
    const fields = async (body: object) => (expectProblem(await create(body), 400, 'VALIDATION_FAILED').errors as { field: string }[]).map((e) => e.field);
    expect(await fields({ from: '2024-13' })).toEqual(['from']);
    expect(await fields({ graduationDate: '2021-02-30' })).toEqual(['graduationDate']);
    expect(await fields({ educationCertificateNumber: "1067'; DROP TABLE x" })).toEqual(['educationCertificateNumber']);
    expect(await fields({ claimType: 'FOREVER' })).toEqual(['claimType']);
    expect(await fields({ workHistoryId: 'not-a-uuid' })).toEqual(['workHistoryId']);
    const [theirs] = ((await t.http().get('/api/v1/work-histories').set(other)).body as WorkHistoryList).items;
    const refused = expectProblem(await create({ workHistoryId: theirs.id }), 422, 'APPLICATION_WORK_HISTORY_INVALID');
    expect(refused.errors).toEqual([{ field: 'workHistoryId', message: '请从您的工作经历中选择申报单位' }]);
    expectProblem(await create({ workHistoryId: '00000000-0000-4000-8000-000000000000' }), 422, 'APPLICATION_WORK_HISTORY_INVALID');
    expect(await t.db.query(`SELECT count(*)::int AS n FROM applications`)).toEqual(before);
  });

  it('修改 changes what is sent, keeps what is not, clears what is null; each save is a version', async () => {
    const { id } = (await create({ from: '2024-01', to: '2024-06', educationCertificateNumber: '106732019200000001' })).body as ApplicationView;
    const changed = await t.http().patch(`${BASE}/${id}`).set(applicant).send({ to: '2024-09', educationCertificateNumber: null });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ from: '2024-01', to: '2024-09', educationCertificateNumber: null, version: 2 });
    expect(await versions(id)).toEqual(['1:CREATE', '2:UPDATE']);
    expectProblem(await t.http().patch(`${BASE}/${id}`).set(applicant).send({ from: 'soon' }), 400, 'VALIDATION_FAILED');
    expect((await t.http().get(`${BASE}/${id}`).set(applicant)).body).toMatchObject({ to: '2024-09', version: 2 });
  });

  it('删除 a draft: gone from 申报信息, kept as a version; then 404 for every route', async () => {
    const { id } = (await create({ from: '2023-01', to: '2023-03' })).body as ApplicationView;
    expect((await t.http().delete(`${BASE}/${id}`).set(applicant)).status).toBe(204);
    expect(await versions(id)).toEqual(['1:CREATE', '2:DELETE']);
    const mine = (await t.http().get(BASE).set(applicant)).body as ApplicationPage;
    expect(mine.items.map((a) => a.id)).not.toContain(id);
    expectProblem(await t.http().get(`${BASE}/${id}`).set(applicant), 404, 'NOT_FOUND');
    expectProblem(await t.http().patch(`${BASE}/${id}`).set(applicant).send({}), 404, 'NOT_FOUND');
    expectProblem(await t.http().delete(`${BASE}/${id}`).set(applicant), 404, 'NOT_FOUND');
  });

  it('a submitted application is neither changed nor deleted (409 with the current status); a returned one is changed', async () => {
    const { id } = (await create({ from: '2022-01', to: '2022-06' })).body as ApplicationView;
    await t.db.query(
      `UPDATE applications a SET status = 'UNIT_REVIEW', number = $2, policy_version = 1, review_unit_id = p.unit_id, county_id = (SELECT county_id FROM units WHERE id = p.unit_id)
         FROM persons p WHERE a.id = $1 AND p.user_id = a.person_id`,
      [id, `TEST-${id.slice(0, 8)}`],
    );
    const edit = expectProblem(await t.http().patch(`${BASE}/${id}`).set(applicant).send({ to: '2022-07' }), 409, 'APPLICATION_NOT_EDITABLE');
    expect(edit).toMatchObject({ currentStatus: 'UNIT_REVIEW', detail: '申报当前状态为「待单位审核」，只能修改暂存或单位退回的申报' });
    expectProblem(await t.http().delete(`${BASE}/${id}`).set(applicant), 409, 'APPLICATION_NOT_EDITABLE');
    expect((await t.http().get(`${BASE}/${id}`).set(applicant)).body).toMatchObject({ status: 'UNIT_REVIEW', actions: ['withdraw'], editable: false, deletable: false });

    await t.db.query(`UPDATE applications SET status = 'UNIT_RETURNED' WHERE id = $1`, [id]);
    const fixed = await t.http().patch(`${BASE}/${id}`).set(applicant).send({ to: '2022-07' });
    expect(fixed.body).toMatchObject({ status: 'UNIT_RETURNED', statusLabel: '单位退回', to: '2022-07', actions: ['submit'], deletable: false });
    expectProblem(await t.http().delete(`${BASE}/${id}`).set(applicant), 409, 'APPLICATION_NOT_EDITABLE');
  });

  it('another applicant\'s application is 404 for reading, changing and deleting, and never in their list', async () => {
    const { id } = (await create({})).body as ApplicationView;
    expectProblem(await t.http().get(`${BASE}/${id}`).set(other), 404, 'NOT_FOUND');
    expectProblem(await t.http().patch(`${BASE}/${id}`).set(other).send({ from: '2024-01' }), 404, 'NOT_FOUND');
    expectProblem(await t.http().delete(`${BASE}/${id}`).set(other), 404, 'NOT_FOUND');
    expect(((await t.http().get(BASE).set(other)).body as ApplicationPage).items.map((a) => a.id)).not.toContain(id);
    expectProblem(await t.http().get(`${BASE}/not-a-uuid`).set(applicant), 404, 'NOT_FOUND');
    expect((await t.http().get(`${BASE}/${id}`).set(applicant)).status).toBe(200);
  });

  it('lists the applicant\'s own, newest first, in keyset pages', async () => {
    const first = (await t.http().get(BASE).query({ limit: 2 }).set(applicant)).body as ApplicationPage;
    expect(first.items).toHaveLength(2);
    const second = (await t.http().get(BASE).query({ limit: 2, cursor: first.nextCursor }).set(applicant)).body as ApplicationPage;
    expect(second.items[0].createdAt <= first.items[1].createdAt).toBe(true);
    expect(new Set([...first.items, ...second.items].map((a) => a.id)).size).toBe(first.items.length + second.items.length);
  });

  it('keeps at most 10 open drafts per applicant', async () => {
    const headers = await t.bearer('demo_person_5');
    for (let i = 0; i < 10; i++) expect((await create({}, headers)).status).toBe(201);
    expect(expectProblem(await create({}, headers), 409, 'CONFLICT').detail).toContain('暂存的申报最多 10 份');
  });

  it('is for approved applicants only', async () => {
    for (const username of ['demo_person_1', 'demo_unit', 'dongcheng_hrss', 'admin']) {
      const headers = await t.bearer(username);
      expectProblem(await create({}, headers), 403, 'FORBIDDEN');
      expectProblem(await t.http().get(BASE).set(headers), 403, 'FORBIDDEN');
    }
  });
});
