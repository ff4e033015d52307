import { EDUCATIONS, isYearMonth, PENSION_STATUSES, type ContributionPeriod, type DegreeRecord, type Education, type PensionStatus, type SocialSecurityRecord } from '@butie/contracts';

/**
 * The outside services' answers read defensively (docs/gateways.md): anything that breaks the
 * contract is null here and an outage to the caller, never a half-read record that a decision is
 * then made on.
 */
type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown, max: number): value is string => typeof value === 'string' && value.trim().length > 0 && value.length <= max;
const textOrNull = (value: unknown, max: number): value is string | null => value === null || text(value, max);
const isDay = (value: unknown): value is string => typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));

function readPeriods(value: unknown): ContributionPeriod[] | null {
  if (!Array.isArray(value) || value.length > 600) return null;
  const periods: ContributionPeriod[] = [];
  for (const item of value) {
    if (!isObject(item) || !isYearMonth(item.from) || !isYearMonth(item.to) || item.to < item.from) return null;
    periods.push({ from: item.from, to: item.to });
  }
  periods.sort((a, b) => (a.from < b.from ? -1 : 1));
  // A month is contributed once: overlapping periods are not the bureau's record.
  return periods.every((period, i) => i === 0 || period.from > periods[i - 1].to) ? periods : null;
}

export function readSocialSecurityRecord(value: unknown): SocialSecurityRecord | null {
  if (!isObject(value) || !text(value.idNumber, 18) || !text(value.name, 50) || typeof value.insured !== 'boolean') return null;
  const status = value.status ?? null;
  if (status !== null && !PENSION_STATUSES.includes(status as PensionStatus)) return null;
  const earliestMonth = value.earliestMonth ?? null;
  if (earliestMonth !== null && !isYearMonth(earliestMonth)) return null;
  const contributions = readPeriods(value.contributions ?? []);
  const bankName = value.bankName ?? null;
  const bankAccount = value.bankAccount ?? null;
  if (!contributions || !textOrNull(bankName, 50) || !textOrNull(bankAccount, 32)) return null;
  return {
    idNumber: value.idNumber.toUpperCase(),
    name: value.name,
    insured: value.insured,
    status: status as PensionStatus | null,
    earliestMonth: earliestMonth,
    contributions,
    bankName,
    bankAccount,
  };
}

export function readDegreeRecord(value: unknown): DegreeRecord | null {
  if (!isObject(value)) return null;
  const { certificateNumber, idNumber, name, education, school, major, graduationDate } = value;
  if (!text(certificateNumber, 32) || !text(idNumber, 18) || !text(name, 50) || !text(school, 100) || !text(major, 100) || !isDay(graduationDate)) return null;
  if (!EDUCATIONS.includes(education as Education)) return null;
  return { certificateNumber, idNumber: idNumber.toUpperCase(), name, education: education as Education, school, major, graduationDate };
}
