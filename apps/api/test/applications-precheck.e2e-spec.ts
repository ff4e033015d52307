import type { EligibilityView, QuoteView, SandboxSocialSecurityView } from '@butie/contracts';
import { allItems } from './support/pages.js';
import { expectProblem } from './support/problem.js';
import { startTestApp, type TestApp } from './support/test-app.js';

type Headers = { Authorization: string };
const ELIGIBILITY = '/api/v1/applications/eligibility';
const QUOTE = '/api/v1/applications/quote';
const ESTIMATE = '/api/v1/public/estimate';

// The demo's approved applicants and the social-security case each shows (database/seeds/demo-gateways.ts).
const NORMAL_MASTER = 'demo_applicant';
const EARLY_BACHELOR = 'demo_person_10'; // earliest 2019-05, the 本科 cut-off is 2019-06
const SUSPENDED_MASTER = 'demo_person_14';
const GAP_MASTER = 'demo_person_7'; // no contributions 2024-01 … 2024-03
const NORMAL_BACHELOR = 'demo_person_9';

describe('补贴申请: the pre-check (§5.3), the quote (§5.5) and the public estimate', () => {
  let t: TestApp;
  let admin: Headers;
  const as = async (username: string) => t.bearer(username);
  const recordOf = async (name: string) => (await allItems<SandboxSocialSecurityView>(t, admin, '/api/v1/sandbox/social-security')).find((r) => r.name === name)!;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.bearer('admin');
  }, 30_000);
  afterAll(async () => {
    await t.close();
  });

  describe('domain §5.3: insured, contributing normally, earliest contribution not before the education\'s cut-off', () => {
    it('a normally insured master is eligible, and sees the bureau\'s answer with the bank account in full', async () => {
      const response = await t.http().get(ELIGIBILITY).set(await as(NORMAL_MASTER));
      expect(response.status).toBe(200);
      const view = response.body as EligibilityView;
      expect(view).toMatchObject({ eligible: true, violations: [], education: 'MASTER', policyVersion: 1 });
      expect(view.socialSecurity).toMatchObject({ insured: true, status: 'NORMAL', earliestMonth: '2019-07', bankName: expect.any(String) });
      expect(view.socialSecurity!.bankAccount).toMatch(/^\d{16,}$/);
    });

    it('an earliest contribution one month before the 本科 cut-off is refused with both months', async () => {
      const view = (await t.http().get(ELIGIBILITY).set(await as(EARLY_BACHELOR))).body as EligibilityView;
      expect(view.eligible).toBe(false);
      expect(view.violations).toEqual([
        {
          code: 'ELIGIBILITY_CONTRIBUTION_TOO_EARLY',
          rule: '§5.3',
          message: '最早缴费年月 2019-05 早于本科 2019-06 的要求',
          data: { earliestMonth: '2019-05', cutOff: '2019-06' },
        },
      ]);
    });

    it('suspended contributions are refused, naming the status', async () => {
      const view = (await t.http().get(ELIGIBILITY).set(await as(SUSPENDED_MASTER))).body as EligibilityView;
      expect(view.violations).toEqual([expect.objectContaining({ code: 'ELIGIBILITY_NOT_CONTRIBUTING', message: '企业养老保险参保状态为「暂停缴费」，须为正常参保（在职）才能申请' })]);
    });

    it('no record at the bureau is "not insured"', async () => {
      const record = await recordOf('陈浩然');
      expect((await t.http().delete(`/api/v1/sandbox/social-security/${record.idNumber}`).set(admin)).status).toBe(204);
      const view = (await t.http().get(ELIGIBILITY).set(await as(NORMAL_BACHELOR))).body as EligibilityView;
      expect(view).toMatchObject({ eligible: false, socialSecurity: null, violations: [expect.objectContaining({ code: 'ELIGIBILITY_NOT_INSURED' })] });
      const { idNumber, updatedAt: _updatedAt, ...back } = record;
      expect((await t.http().put(`/api/v1/sandbox/social-security/${idNumber}`).set(admin).send(back)).status).toBe(200);
    });

    it('the bureau unavailable: 503 GATEWAY_UNAVAILABLE with Retry-After and "try again later", for the pre-check and the quote', async () => {
      const record = await recordOf('林雨桐');
      const { idNumber, updatedAt: _updatedAt, ...fields } = record;
      await t.http().put(`/api/v1/sandbox/social-security/${idNumber}`).set(admin).send({ ...fields, unavailable: true });
      try {
        const headers = await as(NORMAL_MASTER);
        const response = await t.http().get(ELIGIBILITY).set(headers);
        expect(expectProblem(response, 503, 'GATEWAY_UNAVAILABLE')).toMatchObject({ detail: '社保系统暂时无法访问，请稍后再试', gateway: 'SOCIAL_SECURITY' });
        expect(response.headers['retry-after']).toBe('30');
        expectProblem(await t.http().post(QUOTE).set(headers).send({ from: '2024-01', to: '2024-06' }), 503, 'GATEWAY_UNAVAILABLE');
      } finally {
        await t.http().put(`/api/v1/sandbox/social-security/${idNumber}`).set(admin).send(fields);
      }
    });

    it('is for approved applicants only', async () => {
      for (const username of ['demo_person_1', 'demo_unit', 'dongcheng_hrss', 'admin']) {
        expectProblem(await t.http().get(ELIGIBILITY).set(await as(username)), 403, 'FORBIDDEN');
        expectProblem(await t.http().post(QUOTE).set(await as(username)).send({ from: '2024-01', to: '2024-02' }), 403, 'FORBIDDEN');
      }
      expectProblem(await t.http().get(ELIGIBILITY), 401, 'AUTH_REQUIRED');
    });
  });

  describe('domain §5.5: the month table in fen', () => {
    it('deducts the months without a contribution: payable ≤ applied, and every total is the sum of its lines', async () => {
      const response = await t.http().post(QUOTE).set(await as(GAP_MASTER)).send({ from: '2023-11', to: '2024-05' });
      expect(response.status).toBe(200);
      const quote = response.body as QuoteView;
      expect(quote).toMatchObject({
        education: 'MASTER',
        appliedMonths: 7,
        deductedMonths: 3,
        actualMonths: 4,
        appliedFen: 700_000,
        payableFen: 400_000,
        cityShareFen: 400_000,
        countyShareFen: 0,
        uncontributedMonths: ['2024-01', '2024-02', '2024-03'],
        policyVersion: 1,
      });
      expect(quote.lines.map((l) => [l.month, l.contributed, l.payableFen])).toEqual([
        ['2023-11', true, 100_000],
        ['2023-12', true, 100_000],
        ['2024-01', false, 0],
        ['2024-02', false, 0],
        ['2024-03', false, 0],
        ['2024-04', true, 100_000],
        ['2024-05', true, 100_000],
      ]);
      expect(quote.lines.reduce((sum, l) => sum + l.payableFen, 0)).toBe(quote.payableFen);
    });

    it('splits a bachelor\'s months half city, half county', async () => {
      const quote = (await t.http().post(QUOTE).set(await as(NORMAL_BACHELOR)).send({ from: '2024-01', to: '2024-02' })).body as QuoteView;
      expect(quote).toMatchObject({ payableFen: 100_000, cityShareFen: 50_000, countyShareFen: 50_000 });
    });

    it('refuses a bad range with the rule, the field and the data, in Chinese', async () => {
      const headers = await as(NORMAL_MASTER);
      const cases: [object, string, string, string][] = [
        [{ from: '2024-13', to: '2024-12' }, 'MONTH_RANGE_INVALID', 'from', '补贴起始年月须为 YYYY-MM 格式的月份（收到 2024-13）'],
        [{ from: '2024-06', to: '2024-01' }, 'MONTH_RANGE_REVERSED', 'to', '补贴终止年月 2024-01 早于起始年月 2024-06'],
        [{ from: '2024-01', to: '2199-01' }, 'MONTH_RANGE_IN_FUTURE', 'to', '补贴终止年月 2199-01 晚于本月'],
        [{ from: '2016-12', to: '2017-02' }, 'MONTH_WITHOUT_STANDARD', 'from', '硕士研究生的补贴标准自 2017-01 起执行，2016-12 没有补贴标准'],
        [{ from: '2020-01', to: '2023-01' }, 'MONTHS_OVER_MAXIMUM', 'to', '每人累计最多补贴 36 个月'],
      ];
      for (const [body, code, field, text] of cases) {
        const problem = expectProblem(await t.http().post(QUOTE).set(headers).send(body), 422, code);
        expect(problem.detail).toContain(text);
        expect(problem.errors).toEqual([{ field, message: expect.stringContaining(text) }]);
        expect(problem.violations).toEqual([expect.objectContaining({ code, field })]);
      }
      expectProblem(await t.http().post(QUOTE).set(headers).send({}), 400, 'VALIDATION_FAILED');
      expectProblem(await t.http().post(QUOTE).set(headers).send({ from: 202401, to: ['2024-02'] }), 400, 'VALIDATION_FAILED');
    });

    it('an applicant the pre-check refuses gets the refusal, not amounts', async () => {
      const problem = expectProblem(await t.http().post(QUOTE).set(await as(EARLY_BACHELOR)).send({ from: '2019-05', to: '2019-12' }), 422, 'ELIGIBILITY_CONTRIBUTION_TOO_EARLY');
      expect(problem.detail).toBe('最早缴费年月 2019-05 早于本科 2019-06 的要求');
      expectProblem(await t.http().post(QUOTE).set(await as(SUSPENDED_MASTER)).send({ from: '2024-01', to: '2024-02' }), 422, 'ELIGIBILITY_NOT_CONTRIBUTING');
    });

    it('36 months is the boundary: allowed', async () => {
      const quote = (await t.http().post(QUOTE).set(await as(NORMAL_MASTER)).send({ from: '2020-01', to: '2022-12' })).body as QuoteView;
      expect(quote.appliedMonths).toBe(36);
    });
  });

  describe('补贴测算 (public): the standards of a range, before registering', () => {
    it('answers without signing in, months ahead included, every month at its standard', async () => {
      const response = await t.http().get(ESTIMATE).query({ education: 'BACHELOR', from: '2027-01', to: '2027-03' });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ appliedMonths: 3, deductedMonths: 0, appliedFen: 150_000, payableFen: 150_000, cityShareFen: 75_000, countyShareFen: 75_000 });
      expect(response.body.lines).toHaveLength(3);
    });

    it('follows a change of standard from its month on', async () => {
      const current = (await t.http().get('/api/v1/policy').set(admin)).body;
      const standards = [
        ...current.policy.standards.filter((s: { education: string }) => s.education !== 'DOCTOR'),
        { education: 'DOCTOR', validFrom: '2017-01', validTo: '2030-06', monthlyFen: 150_000 },
        { education: 'DOCTOR', validFrom: '2030-07', validTo: null, monthlyFen: 200_000 },
      ];
      expect((await t.http().put('/api/v1/policy/standards').set(admin).send({ baseVersion: current.version, note: '测试：博士 2030-07 起每月 2000 元', standards })).status).toBe(200);
      const estimate = (await t.http().get(ESTIMATE).query({ education: 'DOCTOR', from: '2030-05', to: '2030-08' })).body as QuoteView;
      expect(estimate.lines.map((l) => l.standardFen)).toEqual([150_000, 150_000, 200_000, 200_000]);
      expect(estimate).toMatchObject({ appliedFen: 700_000, policyVersion: current.version + 1 });
    });

    it('refuses what is not a range of an education', async () => {
      expectProblem(await t.http().get(ESTIMATE).query({ education: 'KINDERGARTEN', from: '2024-01', to: '2024-02' }), 400, 'VALIDATION_FAILED');
      expectProblem(await t.http().get(ESTIMATE).query({ education: 'MASTER', from: '2024-01' }), 400, 'VALIDATION_FAILED');
      expectProblem(await t.http().get(ESTIMATE).query({ education: 'MASTER', from: '2024-05', to: '2024-01' }), 422, 'MONTH_RANGE_REVERSED');
      expectProblem(await t.http().get(ESTIMATE).query({ education: 'MASTER', from: '2024-01', to: '2027-01' }), 422, 'MONTHS_OVER_MAXIMUM');
    });
  });
});
