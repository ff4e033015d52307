import fc from 'fast-check';
import { addMonths, describeMonths, isYearMonth, monthAt, monthIndex, monthsBetween, monthsOf } from './year-months.js';

// Months written independently of the module: through Date (UTC, the 1st: no zone question).
const viaDate = (month: string, add: number) => {
  const d = new Date(`${month}-01T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + add);
  return d.toISOString().slice(0, 7);
};
const monthArb = fc.integer({ min: monthIndex('1950-01'), max: monthIndex('2199-12') }).map(monthAt);

describe('months YYYY-MM', () => {
  it('accepts 01–12 between 1950 and 2199, nothing else', () => {
    for (const good of ['2019-06', '1950-01', '2199-12']) expect(isYearMonth(good)).toBe(true);
    for (const bad of ['2019-6', '2019-13', '2019-00', '201906', '1949-12', '2200-01', '2019-06-01', ' 2019-06', 201906, null]) {
      expect(isYearMonth(bad)).toBe(false);
    }
  });

  it('index and month round-trip, and adding agrees with the calendar', () => {
    fc.assert(
      fc.property(monthArb, fc.integer({ min: -600, max: 600 }), (month, n) => {
        expect(monthAt(monthIndex(month))).toBe(month);
        expect(addMonths(month, n)).toBe(viaDate(month, n));
      }),
    );
  });

  it('domain §5.5 申请补贴月数: calendar months from start to end, both included', () => {
    expect(monthsBetween('2021-01', '2021-12')).toBe(12);
    expect(monthsBetween('2021-12', '2022-01')).toBe(2);
    expect(monthsBetween('2021-05', '2021-05')).toBe(1);
    expect(monthsBetween('2021-06', '2021-05')).toBe(0);
    fc.assert(
      fc.property(monthArb, fc.integer({ min: 0, max: 240 }), (from, n) => {
        const to = addMonths(from, n);
        const months = monthsOf(from, to);
        expect(months).toHaveLength(n + 1);
        expect(monthsBetween(from, to)).toBe(n + 1);
        expect(months[0]).toBe(from);
        expect(months.at(-1)).toBe(to);
        // In order, each the next calendar month.
        months.slice(1).forEach((m, i) => expect(m).toBe(viaDate(months[i], 1)));
      }),
    );
  });

  it('describes a set of months as ranges', () => {
    expect(describeMonths(['2021-07', '2021-03', '2021-05', '2021-06', '2021-05'])).toBe('2021-03、2021-05 至 2021-07');
    expect(describeMonths(['2021-12', '2022-01'])).toBe('2021-12 至 2022-01');
    expect(describeMonths([])).toBe('');
  });
});
