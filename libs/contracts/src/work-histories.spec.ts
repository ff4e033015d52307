import fc from 'fast-check';
import {
  checkWorkHistoryDates,
  contractLastsThreeYears,
  isCalendarDate,
  threeYearContractEnd,
  type WorkHistoryDates,
} from './work-histories.js';

/** Days as numbers, written independently of the module (UTC midnight: no zone question). */
const DAY = 86_400_000;
const toDays = (date: string) => Math.round(Date.parse(`${date}T00:00:00Z`) / DAY);
const fromDays = (days: number) => new Date(days * DAY).toISOString().slice(0, 10);
const isLeap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

// Every day from 1950 to 2150.
const dayArb = fc.integer({ min: toDays('1950-01-01'), max: toDays('2150-12-31') }).map(fromDays);

describe('domain §5.6 rule 1: the labour contract lasts at least 3 years', () => {
  it('start 2020-07-01 with end 2023-06-30 counts', () => {
    expect(contractLastsThreeYears('2020-07-01', '2023-06-30', false)).toBe(true);
  });

  it('end 2023-06-29 does not', () => {
    expect(contractLastsThreeYears('2020-07-01', '2023-06-29', false)).toBe(false);
  });

  it('open-ended counts', () => {
    expect(contractLastsThreeYears('2020-07-01', null, true)).toBe(true);
    expect(contractLastsThreeYears('2025-12-31', null, true)).toBe(true);
  });

  it('a fixed-term contract without an end does not count', () => {
    expect(contractLastsThreeYears('2020-07-01', null, false)).toBe(false);
  });

  it('a start on 02-29: the earliest end is 02-28 of the third year (the day before 03-01, the first day after 3 full years)', () => {
    expect(threeYearContractEnd('2020-02-29')).toBe('2023-02-28');
    expect(contractLastsThreeYears('2020-02-29', '2023-02-28', false)).toBe(true);
    expect(contractLastsThreeYears('2020-02-29', '2023-02-27', false)).toBe(false);
    // A start on 02-29 whose third year is itself a leap year cannot happen (leap years are 4 apart),
    // but an end on a leap day can: 2021-03-01 → 2024-02-29 counts, 2024-02-28 does not.
    expect(contractLastsThreeYears('2021-03-01', '2024-02-29', false)).toBe(true);
    expect(contractLastsThreeYears('2021-03-01', '2024-02-28', false)).toBe(false);
  });

  it('a start on 02-28 and 03-01 around a leap day', () => {
    expect(threeYearContractEnd('2020-02-28')).toBe('2023-02-27');
    expect(threeYearContractEnd('2020-03-01')).toBe('2023-02-28');
    expect(threeYearContractEnd('2019-03-01')).toBe('2022-02-28');
    expect(threeYearContractEnd('2021-02-28')).toBe('2024-02-27');
  });

  it('refuses a day that is not on the calendar', () => {
    expect(() => contractLastsThreeYears('2023-02-29', '2026-02-28', false)).toThrow(RangeError);
    expect(() => contractLastsThreeYears('2020-07-01', '2023-06-31', false)).toThrow(RangeError);
    expect(() => contractLastsThreeYears('2020-7-1', null, true)).toThrow(RangeError);
  });

  it('property: the earliest end counts and the day before it does not', () => {
    fc.assert(
      fc.property(dayArb, (start) => {
        const earliest = threeYearContractEnd(start);
        expect(contractLastsThreeYears(start, earliest, false)).toBe(true);
        expect(contractLastsThreeYears(start, fromDays(toDays(earliest) - 1), false)).toBe(false);
      }),
    );
  });

  it('property: outside 02-29 the day after the earliest end is the same month and day 3 years on', () => {
    fc.assert(
      fc.property(
        dayArb.filter((start) => !start.endsWith('-02-29')),
        (start) => {
          const anniversary = `${String(Number(start.slice(0, 4)) + 3)}${start.slice(4)}`;
          expect(fromDays(toDays(threeYearContractEnd(start)) + 1)).toBe(anniversary);
        },
      ),
    );
  });

  it('property: a start on any 02-29 ends at the earliest on 02-28 three years later', () => {
    const leapYears = fc.integer({ min: 1952, max: 2148 }).filter(isLeap);
    fc.assert(
      fc.property(leapYears, (year) => {
        expect(threeYearContractEnd(`${year}-02-29`)).toBe(`${year + 3}-02-28`);
      }),
    );
  });

  it('property: 3 years are 1095 or 1096 days, both ends included', () => {
    fc.assert(
      fc.property(dayArb, fc.integer({ min: 0, max: 2000 }), (start, length) => {
        const end = fromDays(toDays(start) + length - 1);
        const counts = contractLastsThreeYears(start, end, false);
        if (length >= 1096) expect(counts).toBe(true);
        if (length < 1095) expect(counts).toBe(false);
      }),
    );
  });

  it('property: a later end never stops counting; a later start never makes the earliest end earlier', () => {
    fc.assert(
      fc.property(dayArb, dayArb, fc.integer({ min: 0, max: 400 }), (start, end, later) => {
        if (contractLastsThreeYears(start, end, false)) expect(contractLastsThreeYears(start, fromDays(toDays(end) + later), false)).toBe(true);
        const laterStart = fromDays(toDays(start) + later);
        expect(threeYearContractEnd(laterStart) >= threeYearContractEnd(start)).toBe(true);
      }),
    );
  });

  it('property: open-ended always counts, whatever the start', () => {
    fc.assert(fc.property(dayArb, (start) => expect(contractLastsThreeYears(start, null, true)).toBe(true)));
  });
});

describe('isCalendarDate', () => {
  it.each(['2024-02-29', '2023-12-31', '1950-01-01'])('accepts %s', (date) => expect(isCalendarDate(date)).toBe(true));
  it.each(['2023-02-29', '2100-02-29', '2023-04-31', '2023-13-01', '2023-00-10', '2023-01-00', '2023-1-01', '20230101', '2023-01-01T00:00', '', ' 2023-01-01'])(
    'refuses %j',
    (date) => expect(isCalendarDate(date)).toBe(false),
  );
  it('refuses what is not a string', () => {
    expect(isCalendarDate(20230101)).toBe(false);
    expect(isCalendarDate(null)).toBe(false);
  });
  it('property: every day of the calendar is accepted and prints back the same', () => {
    fc.assert(fc.property(dayArb, (date) => expect(isCalendarDate(date)).toBe(true)));
  });
});

describe('checkWorkHistoryDates', () => {
  const TODAY = '2026-03-15';
  const valid: WorkHistoryDates = {
    startDate: '2020-07-01',
    endDate: null,
    contractStart: '2020-07-01',
    contractEnd: '2023-06-30',
    contractOpenEnded: false,
  };
  const fields = (dates: Partial<WorkHistoryDates>) => checkWorkHistoryDates({ ...valid, ...dates }, TODAY).map((error) => error.field);

  it('accepts a current job with a fixed-term contract, a former job, an open-ended contract', () => {
    expect(checkWorkHistoryDates(valid, TODAY)).toEqual([]);
    expect(fields({ endDate: '2022-01-31' })).toEqual([]);
    expect(fields({ contractEnd: null, contractOpenEnded: true })).toEqual([]);
  });

  it('end on the start day, start today and end today are allowed', () => {
    expect(fields({ startDate: '2026-03-15', endDate: '2026-03-15' })).toEqual([]);
    expect(fields({ contractStart: '2024-01-01', contractEnd: '2024-01-01' })).toEqual([]);
  });

  it('start after today', () => {
    expect(fields({ startDate: '2026-03-16' })).toEqual(['startDate']);
  });

  it('end before start, and end after today (a job not ended yet is the current one)', () => {
    expect(fields({ endDate: '2020-06-30' })).toEqual(['endDate']);
    expect(fields({ endDate: '2026-03-16' })).toEqual(['endDate']);
  });

  it('contract end before contract start', () => {
    expect(fields({ contractStart: '2021-01-01', contractEnd: '2020-12-31' })).toEqual(['contractEnd']);
  });

  it('无固定期限 exactly when there is no contract end', () => {
    expect(fields({ contractOpenEnded: true })).toEqual(['contractEnd']);
    expect(fields({ contractEnd: null })).toEqual(['contractEnd']);
  });

  it('names each day that is not on the calendar or out of range', () => {
    expect(fields({ startDate: '2023-02-29' })).toEqual(['startDate']);
    expect(fields({ endDate: '2023-04-31' })).toEqual(['endDate']);
    expect(fields({ contractStart: '2021/01/01' })).toEqual(['contractStart']);
    expect(fields({ contractEnd: '2023-13-01' })).toEqual(['contractEnd']);
    expect(fields({ contractEnd: '2323-01-01' })).toEqual(['contractEnd']);
    expect(fields({ startDate: '1900-01-01' })).toEqual(['startDate']);
  });

  it('lists every broken rule at once, in Chinese', () => {
    const errors = checkWorkHistoryDates(
      { startDate: '2027-01-01', endDate: '2026-12-01', contractStart: '2023-02-29', contractEnd: null, contractOpenEnded: false },
      TODAY,
    );
    expect(errors.map((error) => error.field)).toEqual(['startDate', 'endDate', 'contractStart', 'contractEnd']);
    for (const error of errors) expect(error.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('property: every order-respecting set of past days passes; swapping start and end past each other fails on the end', () => {
    const past = fc.integer({ min: toDays('1950-01-01'), max: toDays(TODAY) }).map(fromDays);
    fc.assert(
      fc.property(past, past, past, dayArb, fc.boolean(), (a, b, contractStart, contractEndish, openEnded) => {
        const [start, end] = a <= b ? [a, b] : [b, a];
        const contractEnd = contractEndish >= contractStart ? contractEndish : contractStart;
        const dates = { startDate: start, endDate: end, contractStart, contractEnd: openEnded ? null : contractEnd, contractOpenEnded: openEnded };
        expect(checkWorkHistoryDates(dates, TODAY)).toEqual([]);
        if (start !== end) expect(checkWorkHistoryDates({ ...dates, startDate: end, endDate: start }, TODAY).map((e) => e.field)).toEqual(['endDate']);
      }),
    );
  });
});
