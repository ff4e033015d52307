/**
 * Calendar months as `YYYY-MM` (补贴起始年月 / 终止年月, 最早缴费年月). Months are counted as one
 * integer (year × 12 + month − 1) so that ranges never meet a time zone or a day of the month.
 */
export type YearMonth = string;

const MONTH_SHAPE = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** The months any range may reach: a typo such as 0202 or 2202 is refused, not computed with. */
export const EARLIEST_MONTH = '1950-01';
export const LATEST_MONTH = '2199-12';

/** Whether `value` is `YYYY-MM` with a month 01–12 between EARLIEST_MONTH and LATEST_MONTH. */
export function isYearMonth(value: unknown): value is YearMonth {
  return typeof value === 'string' && MONTH_SHAPE.test(value) && value >= EARLIEST_MONTH && value <= LATEST_MONTH;
}

/**
 * Months since year 0 (January = 0). Throws RangeError for what is not `YYYY-MM`; the bounds are
 * for input (`isYearMonth`), not for arithmetic.
 */
export function monthIndex(month: YearMonth): number {
  const match = MONTH_SHAPE.exec(month);
  if (!match) throw new RangeError(`not a month: ${month}`);
  return Number(match[1]) * 12 + Number(match[2]) - 1;
}

export function monthAt(index: number): YearMonth {
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

export function addMonths(month: YearMonth, count: number): YearMonth {
  return monthAt(monthIndex(month) + count);
}

/** Calendar months from `from` to `to`, both included (domain §5.5 申请补贴月数); 0 when reversed. */
export function monthsBetween(from: YearMonth, to: YearMonth): number {
  return Math.max(0, monthIndex(to) - monthIndex(from) + 1);
}

/** Every month from `from` to `to`, both included, in order; empty when reversed. */
export function monthsOf(from: YearMonth, to: YearMonth): YearMonth[] {
  const start = monthIndex(from);
  return Array.from({ length: monthsBetween(from, to) }, (_, offset) => monthAt(start + offset));
}

/**
 * The months of a set, written as ranges for a message: 2021-03、2021-05 至 2021-07. The input may
 * be in any order and repeat months.
 */
export function describeMonths(months: Iterable<YearMonth>): string {
  const sorted = [...new Set(months)].sort();
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && monthIndex(sorted[j + 1]) === monthIndex(sorted[j]) + 1) j += 1;
    parts.push(i === j ? sorted[i] : `${sorted[i]} 至 ${sorted[j]}`);
    i = j + 1;
  }
  return parts.join('、');
}
