import { describePolicyChanges } from './policy.js';
import { DEFAULT_SUBSIDY_POLICY as POLICY } from './subsidy-policy.js';

describe('policy history: what changed between two versions, in words', () => {
  it('nothing for the same policy', () => {
    expect(describePolicyChanges(POLICY, structuredClone(POLICY))).toEqual([]);
  });

  it('a new standard from a month on, a cut-off and the maximum months', () => {
    const after = {
      ...POLICY,
      standards: [
        ...POLICY.standards.filter((s) => s.education !== 'BACHELOR'),
        { education: 'BACHELOR' as const, validFrom: '2017-01', validTo: '2025-12', monthlyFen: 50_000 },
        { education: 'BACHELOR' as const, validFrom: '2026-01', validTo: null, monthlyFen: 80_000 },
      ],
      earliestContributionFrom: { ...POLICY.earliestContributionFrom, BACHELOR: '2020-01' },
      maxMonths: 48,
    };
    expect(describePolicyChanges(POLICY, after)).toEqual([
      { field: 'standards.BACHELOR', label: '本科补贴标准', before: '2017-01 起：每月 500.00 元', after: '2017-01 至 2025-12：每月 500.00 元；2026-01 起：每月 800.00 元' },
      { field: 'earliestContributionFrom.BACHELOR', label: '本科最早缴费年月不早于', before: '2019-06', after: '2020-01' },
      { field: 'maxMonths', label: '每人最多补贴月数', before: '36 个月', after: '48 个月' },
    ]);
  });
});
