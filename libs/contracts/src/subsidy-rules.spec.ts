import fc from 'fast-check';
import { EDUCATIONS, type Education } from './persons.js';
import { DEFAULT_SUBSIDY_POLICY as POLICY, type SubsidyPolicy } from './subsidy-policy.js';
import {
  checkClaimType,
  checkComplete,
  checkDegree,
  checkContract,
  checkEligibility,
  checkMonthBudget,
  checkMonthRange,
  checkOverlap,
  expectedClaimType,
  fenToYuanText,
  formatFen,
  parseYuan,
  quoteSubsidy,
  routeApplication,
  splitAmount,
  type PensionRecord,
  type RoutingUnit,
} from './subsidy-rules.js';
import { addMonths, monthAt, monthIndex, monthsOf } from './year-months.js';

const record = (over: Partial<PensionRecord> = {}): PensionRecord => ({
  insured: true,
  status: 'NORMAL',
  earliestMonth: '2019-07',
  contributedMonths: [],
  ...over,
});
const educationArb = fc.constantFrom<Education>(...EDUCATIONS);
const monthArb = fc.integer({ min: monthIndex('2017-01'), max: monthIndex('2026-12') }).map(monthAt);
const rangeArb = fc.tuple(monthArb, fc.integer({ min: 0, max: 47 })).map(([from, n]) => ({ from, to: addMonths(from, n) }));

/** A policy whose bachelor standard changes in `changeMonth` from 500 to `newFen`. */
const withChange = (changeMonth: string, newFen: number): SubsidyPolicy => ({
  ...POLICY,
  standards: [
    ...POLICY.standards.filter((s) => s.education !== 'BACHELOR'),
    { education: 'BACHELOR', validFrom: '2017-01', validTo: addMonths(changeMonth, -1), monthlyFen: 50_000 },
    { education: 'BACHELOR', validFrom: changeMonth, validTo: null, monthlyFen: newFen },
  ],
});

describe('domain §5.3 the pre-check: insured, contributing normally, earliest contribution not before the cut-off', () => {
  it('not insured is refused with the reason', () => {
    expect(checkEligibility(POLICY, 'BACHELOR', record({ insured: false, status: null })).map((v) => v.code)).toEqual(['ELIGIBILITY_NOT_INSURED']);
  });

  it('a suspended record is refused, naming its status', () => {
    const [violation] = checkEligibility(POLICY, 'MASTER', record({ status: 'SUSPENDED' }));
    expect(violation).toMatchObject({ code: 'ELIGIBILITY_NOT_CONTRIBUTING', rule: '§5.3' });
    expect(violation.message).toContain('暂停缴费');
  });

  it('本科: 2019-06 passes, 2019-05 is refused with both months named', () => {
    expect(checkEligibility(POLICY, 'BACHELOR', record({ earliestMonth: '2019-06' }))).toEqual([]);
    const [violation] = checkEligibility(POLICY, 'BACHELOR', record({ earliestMonth: '2019-05' }));
    expect(violation.message).toBe('最早缴费年月 2019-05 早于本科 2019-06 的要求');
    expect(violation.data).toEqual({ earliestMonth: '2019-05', cutOff: '2019-06' });
  });

  it('硕士研究生 and 博士研究生: 2017-01 passes, 2016-12 is refused', () => {
    for (const education of ['MASTER', 'DOCTOR'] as const) {
      expect(checkEligibility(POLICY, education, record({ earliestMonth: '2017-01' }))).toEqual([]);
      expect(checkEligibility(POLICY, education, record({ earliestMonth: '2016-12' }))[0].code).toBe('ELIGIBILITY_CONTRIBUTION_TOO_EARLY');
    }
  });

  it('the cut-offs are the policy’s: a changed cut-off moves the boundary', () => {
    const later = { ...POLICY, earliestContributionFrom: { ...POLICY.earliestContributionFrom, BACHELOR: '2020-01' } };
    expect(checkEligibility(later, 'BACHELOR', record({ earliestMonth: '2019-12' }))[0].message).toBe('最早缴费年月 2019-12 早于本科 2020-01 的要求');
  });
});

describe('domain §5.6 rule 4: start ≤ end, end not after the current month, months under a standard', () => {
  it('refuses a month that is not YYYY-MM, naming the field', () => {
    expect(checkMonthRange(POLICY, 'BACHELOR', { from: '2021-13', to: '2021/12' }, '2026-12').map((v) => [v.code, v.field])).toEqual([
      ['MONTH_RANGE_INVALID', 'from'],
      ['MONTH_RANGE_INVALID', 'to'],
    ]);
  });

  it('start after end is refused; start = end is one month', () => {
    expect(checkMonthRange(POLICY, 'BACHELOR', { from: '2021-06', to: '2021-05' }, '2026-12')[0].code).toBe('MONTH_RANGE_REVERSED');
    expect(checkMonthRange(POLICY, 'BACHELOR', { from: '2021-06', to: '2021-06' }, '2026-12')).toEqual([]);
  });

  it('the current month is the latest end; the next one is refused with both named', () => {
    expect(checkMonthRange(POLICY, 'MASTER', { from: '2026-01', to: '2026-12' }, '2026-12')).toEqual([]);
    const [violation] = checkMonthRange(POLICY, 'MASTER', { from: '2026-01', to: '2027-01' }, '2026-12');
    expect(violation.message).toBe('补贴终止年月 2027-01 晚于本月 2026-12');
  });

  it('a month before the first standard is refused', () => {
    const [violation] = checkMonthRange(POLICY, 'DOCTOR', { from: '2016-12', to: '2017-03' }, '2026-12');
    expect(violation).toMatchObject({ code: 'MONTH_WITHOUT_STANDARD', field: 'from' });
    expect(violation.message).toContain('2017-01');
  });
});

describe('domain §5.5 the amount', () => {
  it('months and amounts of a range with two months lacking contributions', () => {
    const months = monthsOf('2021-01', '2021-12').filter((m) => m !== '2021-03' && m !== '2021-08');
    const quote = quoteSubsidy(POLICY, 'MASTER', { from: '2021-01', to: '2021-12' }, months);
    expect({
      applied: quote.appliedMonths,
      deducted: quote.deductedMonths,
      actual: quote.actualMonths,
      appliedFen: quote.appliedFen,
      payableFen: quote.payableFen,
      missing: quote.uncontributedMonths,
    }).toEqual({ applied: 12, deducted: 2, actual: 10, appliedFen: 1_200_000, payableFen: 1_000_000, missing: ['2021-03', '2021-08'] });
  });

  it('every standard: 博士研究生 1500 元, 硕士研究生 1000 元, 本科 500 元 a month', () => {
    const one = (education: Education) => quoteSubsidy(POLICY, education, { from: '2022-01', to: '2022-01' }, ['2022-01']).payableFen;
    expect([one('DOCTOR'), one('MASTER'), one('BACHELOR')]).toEqual([150_000, 100_000, 50_000]);
  });

  it('payable ≤ applied, deducted = months without contributions, and the totals are the sums of the months', () => {
    fc.assert(
      fc.property(educationArb, rangeArb, fc.array(monthArb, { maxLength: 120 }), (education, range, contributed) => {
        const quote = quoteSubsidy(POLICY, education, range, contributed);
        const inRange = new Set(contributed.filter((m) => m >= range.from && m <= range.to));
        const sum = (pick: (l: (typeof quote.lines)[number]) => number) => quote.lines.reduce((t, l) => t + pick(l), 0);
        expect(quote.payableFen).toBeLessThanOrEqual(quote.appliedFen);
        expect(quote.deductedMonths).toBe(quote.appliedMonths - inRange.size);
        expect(quote.actualMonths).toBe(inRange.size);
        expect(quote.uncontributedMonths).toEqual(monthsOf(range.from, range.to).filter((m) => !inRange.has(m)));
        expect([quote.appliedFen, quote.payableFen, quote.cityShareFen, quote.countyShareFen]).toEqual([
          sum((l) => l.standardFen),
          sum((l) => l.payableFen),
          sum((l) => l.cityShareFen),
          sum((l) => l.countyShareFen),
        ]);
        expect(quote.cityShareFen + quote.countyShareFen).toBe(quote.payableFen);
        expect(quote.lines.every((l) => Number.isInteger(l.payableFen) && l.cityShareFen + l.countyShareFen === l.payableFen)).toBe(true);
      }),
    );
  });

  it('a standard changing mid-range is honoured month by month', () => {
    fc.assert(
      fc.property(rangeArb, fc.integer({ min: 0, max: 47 }), fc.integer({ min: 1, max: 500_000 }), (range, offset, newFen) => {
        const change = addMonths(range.from, offset);
        const policy = withChange(change, newFen);
        const months = monthsOf(range.from, range.to);
        const quote = quoteSubsidy(policy, 'BACHELOR', range, months);
        const expected = months.reduce((t, m) => t + (m < change ? 50_000 : newFen), 0);
        expect(quote.appliedFen).toBe(expected);
        expect(quote.lines.map((l) => l.standardFen)).toEqual(months.map((m) => (m < change ? 50_000 : newFen)));
      }),
    );
  });

  it('a month without a standard is not quoted', () => {
    expect(() => quoteSubsidy(POLICY, 'BACHELOR', { from: '2016-12', to: '2017-01' }, [])).toThrow(RangeError);
  });
});

describe('domain §5.5 funding split: 本科 city 50 % and county 50 %, the odd fen to the county; 硕士 and 博士 city 100 %', () => {
  it('splits a month exactly', () => {
    expect(splitAmount(50_000, 50)).toEqual({ cityShareFen: 25_000, countyShareFen: 25_000 });
    expect(splitAmount(50_001, 50)).toEqual({ cityShareFen: 25_000, countyShareFen: 25_001 });
    expect(splitAmount(100_000, 100)).toEqual({ cityShareFen: 100_000, countyShareFen: 0 });
  });

  it('the shares always add up to the amount, the county never gets less than its share rounded down', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 100 }), (fen, percent) => {
        const { cityShareFen, countyShareFen } = splitAmount(fen, percent);
        expect(cityShareFen + countyShareFen).toBe(fen);
        expect(cityShareFen).toBe(Math.floor((fen * percent) / 100));
      }),
    );
  });

  it('a bachelor’s quote splits per month; a master’s goes to the city whole', () => {
    const months = monthsOf('2022-01', '2022-06');
    const bachelor = quoteSubsidy(POLICY, 'BACHELOR', { from: '2022-01', to: '2022-06' }, months);
    expect([bachelor.cityShareFen, bachelor.countyShareFen]).toEqual([150_000, 150_000]);
    const master = quoteSubsidy(POLICY, 'MASTER', { from: '2022-01', to: '2022-06' }, months);
    expect([master.cityShareFen, master.countyShareFen]).toEqual([600_000, 0]);
  });

  it('shows fen as yuan without a float', () => {
    expect([formatFen(1_234_567), formatFen(5), formatFen(0), formatFen(-250)]).toEqual(['12,345.67 元', '0.05 元', '0.00 元', '-2.50 元']);
  });

  it('reads a typed amount in yuan as exact fen, and refuses what is not one', () => {
    expect(['1500', '1,500.5', '0.07', ' 12.30 '].map(parseYuan)).toEqual([150_000, 150_050, 7, 1_230]);
    expect(['', '-1', '1.005', '1e3', '12.', '.5', 'abc', '1 000'].map(parseYuan)).toEqual(Array(8).fill(null));
  });

  it('gives back the fen it was shown for editing (fenToYuanText and parseYuan round-trip)', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 10_000_000_000 }), (fen) => parseYuan(fenToYuanText(fen)) === fen));
  });
});

describe('domain §5.6 rule 2: 新申领 without an earlier submitted application, 续领 otherwise', () => {
  it('expects the right type and refuses the wrong one', () => {
    expect([expectedClaimType(false), expectedClaimType(true)]).toEqual(['NEW', 'RENEWAL']);
    expect(checkClaimType('NEW', false)).toEqual([]);
    expect(checkClaimType('RENEWAL', true)).toEqual([]);
    expect(checkClaimType('RENEWAL', false)[0]).toMatchObject({ code: 'CLAIM_TYPE_MISMATCH', field: 'claimType' });
    expect(checkClaimType('NEW', true)[0].message).toContain('续领');
  });
});

describe('domain §5.6 rule 3: no month overlaps another submitted application', () => {
  it('names each application and its overlapping months', () => {
    const [violation] = checkOverlap({ from: '2021-01', to: '2021-12' }, [
      { number: '2025-330102-0001', from: '2020-06', to: '2021-03' },
      { number: '2025-330102-0007', from: '2021-11', to: '2022-02' },
      { number: '2025-330102-0009', from: '2022-03', to: '2022-05' },
    ]);
    expect(violation.message).toBe('补贴月份与已提交的申报重叠：2021-01 至 2021-03 已在申报 2025-330102-0001 中；2021-11 至 2021-12 已在申报 2025-330102-0007 中');
    expect(violation.data).toEqual({
      overlaps: [
        { number: '2025-330102-0001', months: ['2021-01', '2021-02', '2021-03'] },
        { number: '2025-330102-0007', months: ['2021-11', '2021-12'] },
      ],
    });
  });

  it('refused exactly when some month lies in both ranges', () => {
    fc.assert(
      fc.property(rangeArb, rangeArb, (mine, other) => {
        const shared = monthsOf(mine.from, mine.to).filter((m) => m >= other.from && m <= other.to);
        const violations = checkOverlap(mine, [{ number: 'N', ...other }]);
        expect(violations.length).toBe(shared.length ? 1 : 0);
        if (shared.length) expect(violations[0].data).toEqual({ overlaps: [{ number: 'N', months: shared }] });
      }),
    );
  });
});

describe('domain §5.6 rule 4: at most 36 subsidy months per person over all applications', () => {
  it('36 in all passes, 37 is refused with the counts', () => {
    const others = [{ number: 'A', from: '2019-07', to: '2021-06' }]; // 24 months
    expect(checkMonthBudget(POLICY, { from: '2021-07', to: '2022-06' }, others)).toEqual([]);
    const [violation] = checkMonthBudget(POLICY, { from: '2021-07', to: '2022-07' }, others);
    expect(violation.data).toEqual({ maxMonths: 36, usedMonths: 24, requestedMonths: 13 });
    expect(violation.message).toContain('本次最多还可申请 12 个月');
  });

  it('a single application of more than the maximum is refused too', () => {
    expect(checkMonthBudget(POLICY, { from: '2020-01', to: '2023-01' }, [])[0].code).toBe('MONTHS_OVER_MAXIMUM');
  });
});

describe('domain §5.6 rule 1: the labour contract with the applying unit lasts at least 3 years', () => {
  const entry = { unitName: '星火科技', contractStart: '2020-07-01', contractOpenEnded: false };
  it('start 2020-07-01 with end 2023-06-30 counts; end 2023-06-29 does not, naming the earliest end; open-ended counts', () => {
    expect(checkContract(POLICY, { ...entry, contractEnd: '2023-06-30' })).toEqual([]);
    const [violation] = checkContract(POLICY, { ...entry, contractEnd: '2023-06-29' });
    expect(violation).toMatchObject({ code: 'CONTRACT_TOO_SHORT', data: { earliestEnd: '2023-06-30' } });
    expect(violation.message).toContain('星火科技');
    expect(checkContract(POLICY, { ...entry, contractEnd: null, contractOpenEnded: true })).toEqual([]);
  });

  it('the years are the policy’s', () => {
    expect(checkContract({ ...POLICY, contractYears: 2 }, { ...entry, contractEnd: '2022-06-30' })).toEqual([]);
    expect(checkContract({ ...POLICY, contractYears: 2 }, { ...entry, contractEnd: '2022-06-29' })).toHaveLength(1);
  });
});

describe('domain §5.4 routing: the applying unit, and the virtual unit for a cross-county bachelor', () => {
  const current: RoutingUnit & { id: string } = { id: 'u-cur', name: '星火科技', countyId: 'c-west', countyName: '西城区' };
  const virtualUnitOf = (countyId: string) => ({ id: `v-${countyId}`, name: `${countyId} 虚拟单位` });

  it('a master or doctor goes to the current unit whatever was chosen', () => {
    for (const education of ['MASTER', 'DOCTOR'] as const) {
      const route = routeApplication({ education, current, applying: { ...current, id: 'other', countyId: 'c-east' }, virtualUnitOf });
      expect(route).toMatchObject({ reviewUnit: { id: 'u-cur' }, via: 'CURRENT_UNIT', countyId: 'c-west' });
    }
  });

  it('a bachelor whose applying unit is in the current unit’s county goes to the current unit', () => {
    const route = routeApplication({ education: 'BACHELOR', current, applying: { id: null, name: '旧单位', countyId: 'c-west', countyName: '西城区' }, virtualUnitOf });
    expect(route).toMatchObject({ reviewUnit: { id: 'u-cur' }, via: 'CURRENT_UNIT', countyId: 'c-west' });
    expect(route.reason).toContain('同在西城区');
  });

  it('a bachelor whose applying unit is in another county goes to that county’s virtual unit, which bears the county share', () => {
    const route = routeApplication({ education: 'BACHELOR', current, applying: { id: 'u-old', name: '旧单位', countyId: 'c-east', countyName: '东城区' }, virtualUnitOf });
    expect(route).toMatchObject({ reviewUnit: { id: 'v-c-east' }, via: 'VIRTUAL_UNIT', countyId: 'c-east' });
    expect(route.reason).toContain('东城区人社局');
  });
});

describe('domain §5.4: the degree check against the Ministry\'s record', () => {
  const stated = { certificateNumber: '106732019200000001', name: '林雨桐', idNumber: '530102199603150028', education: 'MASTER' as const };
  it('passes a record in the applicant\'s name, ID and education', () => {
    expect(checkDegree({ name: '林雨桐', idNumber: '530102199603150028', education: 'MASTER' }, stated)).toEqual([]);
  });
  it('an unknown certificate asks to check the number or contact the school', () => {
    expect(checkDegree(null, stated)).toEqual([expect.objectContaining({ code: 'DEGREE_NOT_FOUND', field: 'educationCertificateNumber', message: expect.stringContaining('请核对证书编号，或联系毕业院校') })]);
  });
  it('names every difference', () => {
    const [violation] = checkDegree({ name: '林雨同', idNumber: '530102199603150036', education: 'BACHELOR' }, stated);
    expect(violation.code).toBe('DEGREE_MISMATCH');
    expect(violation.message).toBe('学历证书 106732019200000001 与您的注册信息不一致：姓名（证书为「林雨同」）、证件号码、学历（证书为本科，注册为硕士研究生）');
  });
});

describe('提交申报 needs every field of the form (一次性告知: all missing ones at once)', () => {
  it('names each empty field, and the applying unit for 本科 only', () => {
    expect(checkComplete({ from: '2024-01' }, 'MASTER').map((v) => v.field)).toEqual(['to', 'educationCertificateNumber', 'degreeCertificateNumber', 'graduationDate', 'workStartDate']);
    expect(checkComplete({}, 'BACHELOR').map((v) => v.field)).toContain('workHistoryId');
    const full = { from: '2024-01', to: '2024-02', educationCertificateNumber: 'x', degreeCertificateNumber: 'y', graduationDate: '2021-06-30', workStartDate: '2021-07-01' };
    expect(checkComplete(full, 'MASTER')).toEqual([]);
  });
});
