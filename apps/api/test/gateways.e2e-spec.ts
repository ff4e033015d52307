import type { SandboxDegreeView, SandboxSocialSecurityView } from '@butie/contracts';
import { AppError } from '../src/common/errors/app-error.js';
import { DegreeVerificationGateway } from '../src/modules/gateways/degrees/degree-gateway.js';
import { SocialSecurityGateway } from '../src/modules/gateways/social-security/social-security-gateway.js';
import { allItems } from './support/pages.js';
import { expectProblem } from './support/problem.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const SS = '/api/v1/sandbox/social-security';
const DEGREES = '/api/v1/sandbox/degrees';
type Headers = { Authorization: string };

// The demo's people (demo-persons.ts) with the case each shows (demo-gateways.ts).
const APPLICANT_ID = '53010219960315002X'.slice(0, 17);

const newRecord = {
  name: '沙箱新人',
  insured: true,
  status: 'NORMAL',
  earliestMonth: '2021-07',
  contributions: [{ from: '2021-07', to: '2026-10' }],
  bankName: '云州银行',
  bankAccount: '6214830000000001',
  unavailable: false,
  caseNote: '测试新增',
};

describe('沙箱数据: the sandbox social-security and degree records (ADMIN, sandbox only)', () => {
  let t: TestApp;
  let admin: Headers;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.bearer('admin');
  }, 30_000);
  afterAll(async () => {
    await t.close();
  });

  it('app-info tells the pages which sandboxes are on', async () => {
    expect((await t.http().get('/api/v1/app-info')).body.gatewaySandboxes).toEqual(['SOCIAL_SECURITY', 'DEGREE']);
  });

  it('is seeded with every case of domain §7 for the demo people', async () => {
    const records = await allItems<SandboxSocialSecurityView>(t, admin, SS);
    const notes = records.map((r) => r.caseNote).join('\n');
    for (const shown of ['未参加企业职工基本养老保险', '暂停缴费', '已终止参保', '早于本科要求', '恰为本科要求', '早于硕士研究生要求', '恰为硕士研究生要求', '中断缴费', '不可用']) {
      expect(notes).toContain(shown);
    }
    expect(records.filter((r) => r.unavailable)).toHaveLength(1);
    const degrees = await allItems<SandboxDegreeView>(t, admin, DEGREES);
    expect(degrees.filter((d) => d.unavailable)).toHaveLength(1);
    // One demo person has no certificate on record (查无此证).
    expect(degrees.length).toBe(records.length - 1);
  });

  it('the sandbox gateways answer the records: a normal one, "not insured" as null, an unavailable one as 503 GATEWAY_UNAVAILABLE', async () => {
    const records = await allItems<SandboxSocialSecurityView>(t, admin, SS);
    const applicant = records.find((r) => r.idNumber.startsWith(APPLICANT_ID))!;
    const gateway = t.app.get(SocialSecurityGateway);
    const { unavailable: _u, caseNote: _c, updatedAt: _at, ...expected } = applicant;
    await expect(gateway.lookup(applicant.idNumber.toLowerCase())).resolves.toEqual(expected);
    await expect(gateway.lookup('110101199001011234')).resolves.toBeNull();
    const down = records.find((r) => r.unavailable)!;
    const error = await gateway.lookup(down.idNumber).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'GATEWAY_UNAVAILABLE', status: 503, detail: '社保系统暂时无法访问，请稍后再试', options: { retryAfter: 30 } });

    const degrees = await allItems<SandboxDegreeView>(t, admin, DEGREES);
    const certificate = degrees.find((d) => !d.unavailable)!;
    await expect(t.app.get(DegreeVerificationGateway).verify(certificate.certificateNumber)).resolves.toMatchObject({ name: certificate.name, education: certificate.education });
    await expect(t.app.get(DegreeVerificationGateway).verify('999999999999999999')).resolves.toBeNull();
  });

  it('an administrator adds, changes and deletes a record, each in the operation log', async () => {
    const id = '530102200001010011';
    const created = await t.http().put(`${SS}/${id}`).set(admin).send(newRecord);
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ ...newRecord, idNumber: id });
    const changed = await t.http().put(`${SS}/${id}`).set(admin).send({ ...newRecord, status: 'SUSPENDED', unavailable: true });
    expect(changed.body).toMatchObject({ status: 'SUSPENDED', unavailable: true });
    expect((await t.http().get(`${SS}/${id}`).set(admin)).body).toMatchObject({ status: 'SUSPENDED' });
    expect((await t.http().delete(`${SS}/${id}`).set(admin)).status).toBe(204);
    expectProblem(await t.http().get(`${SS}/${id}`).set(admin), 404, 'NOT_FOUND');
    expectProblem(await t.http().delete(`${SS}/${id}`).set(admin), 404, 'NOT_FOUND');
    const logs = await t.db.query<{ summary: string }[]>(`SELECT summary FROM operation_logs WHERE action = 'SANDBOX_CHANGE' AND target_id = $1 ORDER BY id`, [id]);
    expect(logs.map((l) => l.summary)).toEqual([`保存沙箱社保记录 ${id}（沙箱新人）`, `保存沙箱社保记录 ${id}（沙箱新人）`, `删除沙箱社保记录 ${id}`]);

    const number = '106732099100000001';
    const degree = { idNumber: id, name: '沙箱新人', education: 'BACHELOR', school: '云州大学', major: '软件工程', graduationDate: '2021-06-30', unavailable: false, caseNote: '' };
    expect((await t.http().put(`${DEGREES}/${number}`).set(admin).send(degree)).body).toMatchObject({ ...degree, certificateNumber: number });
    expect((await t.http().delete(`${DEGREES}/${number}`).set(admin)).status).toBe(204);
  });

  it('refuses a record that could not come from the bureau, naming each field, and stores nothing', async () => {
    const id = '530102200001010029';
    const notInsured = expectProblem(await t.http().put(`${SS}/${id}`).set(admin).send({ ...newRecord, insured: false }), 400, 'VALIDATION_FAILED');
    expect((notInsured.errors as { field: string }[]).map((e) => e.field).sort()).toEqual(['contributions', 'earliestMonth', 'status']);
    const early = expectProblem(
      await t.http().put(`${SS}/${id}`).set(admin).send({ ...newRecord, contributions: [{ from: '2020-01', to: '2020-06' }, { from: '2022-05', to: '2022-01' }] }),
      400,
      'VALIDATION_FAILED',
    );
    expect(early.errors).toEqual([
      { field: 'contributions.0.from', message: '缴费期间 2020-01 早于最早缴费年月 2021-07' },
      { field: 'contributions.1.to', message: '终止年月 2022-01 早于起始年月 2022-05' },
    ]);
    const malformed = expectProblem(await t.http().put(`${SS}/${id}`).set(admin).send({ ...newRecord, earliestMonth: '2021-13', bankAccount: '62-14' }), 400, 'VALIDATION_FAILED');
    expect((malformed.errors as { field: string }[]).map((e) => e.field).sort()).toEqual(['bankAccount', 'earliestMonth']);
    expectProblem(await t.http().put(`${SS}/not-an-id!`).set(admin).send(newRecord), 400, 'VALIDATION_FAILED');
    expectProblem(await t.http().put(`${DEGREES}/106732099100000002`).set(admin).send({ idNumber: id, name: 'x', education: 'BACHELOR', school: 's', major: 'm', graduationDate: '2021-02-30', unavailable: false, caseNote: '' }), 400, 'VALIDATION_FAILED');
    expectProblem(await t.http().get(`${SS}/${id}`).set(admin), 404, 'NOT_FOUND');
  });

  it('keeps months to the system\'s range and periods apart: a typo of 0000-01 … 9999-12 is refused, not expanded', async () => {
    const id = '530102200001010037';
    const wide = expectProblem(await t.http().put(`${SS}/${id}`).set(admin).send({ ...newRecord, earliestMonth: '0000-01', contributions: [{ from: '0000-01', to: '9999-12' }] }), 400, 'VALIDATION_FAILED');
    expect((wide.errors as { field: string }[]).map((e) => e.field).sort()).toEqual(['contributions.0.from', 'contributions.0.to', 'earliestMonth']);
    const overlapping = expectProblem(
      await t.http().put(`${SS}/${id}`).set(admin).send({ ...newRecord, contributions: [{ from: '2022-01', to: '2023-06' }, { from: '2021-07', to: '2022-03' }] }),
      400,
      'VALIDATION_FAILED',
    );
    expect(overlapping.errors).toEqual([{ field: 'contributions.0.from', message: '缴费期间 2022-01 至 2023-06 与 2021-07 至 2022-03 重叠' }]);
    expectProblem(await t.http().get(`${SS}/${id}`).set(admin), 404, 'NOT_FOUND');
  });

  it('新增 (If-None-Match: *) never overwrites: an existing number is 412 at its field, and the record stays as it was', async () => {
    const [existing] = (await t.http().get(SS).query({ limit: 1 }).set(admin)).body.items as SandboxSocialSecurityView[];
    const refused = expectProblem(await t.http().put(`${SS}/${existing.idNumber}`).set(admin).set('If-None-Match', '*').send({ ...newRecord, name: '覆盖测试' }), 412, 'PRECONDITION_FAILED');
    expect(refused.errors).toEqual([{ field: 'idNumber', message: expect.stringContaining('已有沙箱社保记录') }]);
    expect((await t.http().get(`${SS}/${existing.idNumber}`).set(admin)).body).toEqual(existing);
    const fresh = '530102200001010053';
    expect((await t.http().put(`${SS}/${fresh}`).set(admin).set('If-None-Match', '*').send(newRecord)).status).toBe(200);
    await t.http().delete(`${SS}/${fresh}`).set(admin);
  });

  it('compares certificate numbers in upper case, as ID numbers', async () => {
    const degree = { idNumber: '530102200001010011', name: '大小写', education: 'BACHELOR', school: '云州大学', major: '软件工程', graduationDate: '2021-06-30', unavailable: false, caseNote: '' };
    expect((await t.http().put(`${DEGREES}/abcDEF123`).set(admin).send(degree)).body.certificateNumber).toBe('ABCDEF123');
    expect((await t.http().get(`${DEGREES}/abcdef123`).set(admin)).status).toBe(200);
    expect((await t.http().get(DEGREES).query({ prefix: 'abc' }).set(admin)).body.items.map((d: SandboxDegreeView) => d.certificateNumber)).toEqual(['ABCDEF123']);
    await expect(t.app.get(DegreeVerificationGateway).verify('AbCdEf123')).resolves.toMatchObject({ name: '大小写' });
    expect((await t.http().delete(`${DEGREES}/ABCdef123`).set(admin)).status).toBe(204);
  });

  it('is ADMIN only: every other role is refused', async () => {
    for (const username of ['auditor', 'city_hrss', 'dongcheng_hrss', 'demo_unit', 'demo_applicant']) {
      const headers = await t.bearer(username);
      expectProblem(await t.http().get(SS).set(headers), 403, 'FORBIDDEN');
      expectProblem(await t.http().put(`${DEGREES}/106732099100000003`).set(headers).send({}), 403, 'FORBIDDEN');
    }
    expectProblem(await t.http().get(SS), 401, 'AUTH_REQUIRED');
  });

  it('lists by ID number with a prefix filter and keyset pages', async () => {
    const first = await t.http().get(SS).query({ limit: 3 }).set(admin);
    expect(first.body.items).toHaveLength(3);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const ids = first.body.items.map((r: SandboxSocialSecurityView) => r.idNumber);
    expect(ids).toEqual([...ids].sort());
    const filtered = await t.http().get(SS).query({ prefix: APPLICANT_ID }).set(admin);
    expect(filtered.body.items.map((r: SandboxSocialSecurityView) => r.name)).toEqual(['林雨桐']);
    expectProblem(await t.http().get(SS).query({ prefix: "5301%' OR 1=1" }).set(admin), 400, 'VALIDATION_FAILED');
  });
});

describe('with the real services configured, the sandbox routes do not exist', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      SOCIAL_SECURITY_PROVIDER: 'http',
      SOCIAL_SECURITY_HTTP_URL: 'http://127.0.0.1:9/ss',
      DEGREE_PROVIDER: 'http',
      DEGREE_HTTP_URL: 'http://127.0.0.1:9/moe',
      GATEWAY_RETRIES: '0',
    });
  }, 30_000);
  afterAll(async () => {
    await t.close();
  });

  it('answers 404 for them even to the administrator, and a lookup with the service down is 503 GATEWAY_UNAVAILABLE', async () => {
    const admin = await t.bearer('admin');
    expectProblem(await t.http().get(SS).set(admin), 404, 'NOT_FOUND');
    expectProblem(await t.http().get(`${DEGREES}/106732019200000001`).set(admin), 404, 'NOT_FOUND');
    expect((await t.http().get('/api/v1/app-info')).body.gatewaySandboxes).toEqual([]);
    await expect(t.app.get(SocialSecurityGateway).lookup('53010219960315002X')).rejects.toMatchObject({ code: 'GATEWAY_UNAVAILABLE', status: 503 });
  });
});
