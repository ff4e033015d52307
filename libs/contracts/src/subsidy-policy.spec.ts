import fc from 'fast-check';
import { EDUCATIONS } from './persons.js';
import { checkSubsidyPolicy, DEFAULT_SUBSIDY_POLICY as POLICY, standardFor, type SubsidyPolicy, type SubsidyStandard } from './subsidy-policy.js';
import { addMonths, monthAt, monthIndex, monthsOf } from './year-months.js';

const withBachelor = (periods: SubsidyStandard[]): SubsidyPolicy => ({
  ...POLICY,
  standards: [...POLICY.standards.filter((s) => s.education !== 'BACHELOR'), ...periods],
});
const bachelor = (validFrom: string, validTo: string | null, monthlyFen = 50_000): SubsidyStandard => ({ education: 'BACHELOR', validFrom, validTo, monthlyFen });

describe('policy parameters: the defaults of domain §5 and §6', () => {
  it('are valid and say 1500/1000/500 元, 2017-01 and 2019-06, 3 years, 36 months, 50 % and 100 %, 5 working days', () => {
    expect(checkSubsidyPolicy(POLICY)).toEqual([]);
    expect(EDUCATIONS.map((e) => standardFor(POLICY, e, '2024-05')?.monthlyFen)).toEqual([50_000, 100_000, 150_000]);
    expect(POLICY).toMatchObject({
      earliestContributionFrom: { BACHELOR: '2019-06', MASTER: '2017-01', DOCTOR: '2017-01' },
      contractYears: 3,
      maxMonths: 36,
      citySharePercent: { BACHELOR: 50, MASTER: 100, DOCTOR: 100 },
      publicityWorkingDays: 5,
    });
  });
});

describe('policy parameters: standards per education neither overlap nor leave a gap', () => {
  it('a change of standard from a month on is valid', () => {
    expect(checkSubsidyPolicy(withBachelor([bachelor('2017-01', '2023-12'), bachelor('2024-01', null, 80_000)]))).toEqual([]);
  });

  it('an overlap is refused at the later period, naming the month', () => {
    const errors = checkSubsidyPolicy(withBachelor([bachelor('2017-01', '2023-12'), bachelor('2023-06', null)]));
    expect(errors).toEqual([{ field: 'standards.3.validFrom', message: '本科的标准期间重叠：2023-06 起已有另一段标准' }]);
  });

  it('a gap is refused, naming the months without a standard', () => {
    const errors = checkSubsidyPolicy(withBachelor([bachelor('2017-01', '2023-12'), bachelor('2024-03', null)]));
    expect(errors).toEqual([{ field: 'standards.3.validFrom', message: '本科的标准期间有空档：2024-01 至 2024-02 没有标准' }]);
  });

  it('coverage that ends is refused; two open periods overlap', () => {
    expect(checkSubsidyPolicy(withBachelor([bachelor('2017-01', '2030-12')]))[0].message).toContain('2031-01 起没有标准');
    expect(checkSubsidyPolicy(withBachelor([bachelor('2017-01', null), bachelor('2024-01', null)]))[0].message).toContain('重叠');
  });

  it('an education without any standard, a non-integer or zero amount, a bad month, a reversed period are refused by field', () => {
    expect(checkSubsidyPolicy(withBachelor([]))).toEqual([{ field: 'standards', message: '缺少本科的补贴标准' }]);
    expect(checkSubsidyPolicy(withBachelor([bachelor('2017-01', null, 500.5)])).map((e) => e.field)).toEqual(['standards.2.monthlyFen']);
    expect(checkSubsidyPolicy(withBachelor([bachelor('2017-01', null, 0)])).map((e) => e.field)).toEqual(['standards.2.monthlyFen']);
    expect(checkSubsidyPolicy(withBachelor([bachelor('2017-1', null)])).map((e) => e.field)).toEqual(['standards.2.validFrom']);
    expect(checkSubsidyPolicy(withBachelor([bachelor('2017-05', '2017-04')])).map((e) => e.field)).toEqual(['standards.2.validTo']);
  });

  it('counts and shares out of bounds are refused by field', () => {
    const errors = checkSubsidyPolicy({
      ...POLICY,
      contractYears: 0,
      maxMonths: 36.5,
      publicityWorkingDays: 31,
      citySharePercent: { ...POLICY.citySharePercent, BACHELOR: 101 },
      earliestContributionFrom: { ...POLICY.earliestContributionFrom, MASTER: '2017' },
    });
    expect(errors.map((e) => e.field).sort()).toEqual(['citySharePercent.BACHELOR', 'contractYears', 'earliestContributionFrom.MASTER', 'maxMonths', 'publicityWorkingDays']);
  });

  it('any contiguous split of the months is valid and gives every month from the first exactly one standard', () => {
    const splitArb = fc.uniqueArray(fc.integer({ min: 1, max: 200 }), { maxLength: 6 }).map((cuts) => cuts.sort((a, b) => a - b));
    fc.assert(
      fc.property(splitArb, (cuts) => {
        const start = monthIndex('2017-01');
        const bounds = [0, ...cuts];
        const periods = bounds.map((b, i) => bachelor(monthAt(start + b), i + 1 < bounds.length ? monthAt(start + bounds[i + 1] - 1) : null, 10_000 * (i + 1)));
        const policy = withBachelor(periods.reverse()); // order in the list does not matter
        expect(checkSubsidyPolicy(policy)).toEqual([]);
        for (const month of monthsOf('2017-01', addMonths('2017-01', 210))) {
          expect(policy.standards.filter((s) => s.education === 'BACHELOR' && s.validFrom <= month && (s.validTo === null || month <= s.validTo))).toHaveLength(1);
        }
      }),
      { numRuns: 50 },
    );
  });
});
