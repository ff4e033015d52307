import type { AttachmentKind, AttachmentView } from './attachments.js';
import type { FieldError } from './errors.js';

/** 维护工作经历 (domain §5.2). */
export const WORK_HISTORY_ERROR_CODES = ['WORK_HISTORY_ATTACHMENT_INVALID', 'WORK_HISTORY_LIMIT_REACHED'] as const;
export type WorkHistoryErrorCode = (typeof WORK_HISTORY_ERROR_CODES)[number];

/** The most entries one person keeps: the list is read whole (no paging), so it has a bound. */
export const WORK_HISTORY_MAX_ENTRIES = 30;
export const WORK_HISTORY_UNIT_NAME_MAX = 128;

/** Which uploaded kinds each file field takes (劳动合同; 证明材料). */
export const WORK_HISTORY_CONTRACT_KINDS: readonly AttachmentKind[] = ['LABOUR_CONTRACT'];
export const WORK_HISTORY_PROOF_KINDS: readonly AttachmentKind[] = ['EMPLOYMENT_PROOF', 'OTHER'];

export interface WorkHistoryView {
  id: string;
  /** The approved unit chosen from the picker, or null when the name was typed. */
  unit: { id: string; name: string } | null;
  unitName: string;
  county: { id: string; name: string };
  /** YYYY-MM-DD; endDate null = current job. */
  startDate: string;
  endDate: string | null;
  contractStart: string;
  /** null with contractOpenEnded (无固定期限). */
  contractEnd: string | null;
  contractOpenEnded: boolean;
  /** Domain §5.6 rule 1: the contract lasts at least 3 years (open-ended counts). */
  contractLastsThreeYears: boolean;
  contract: AttachmentView | null;
  proof: AttachmentView | null;
  createdAt: string;
  updatedAt: string;
}

export interface WorkHistoryList {
  items: WorkHistoryView[];
}

/**
 * A new entry. The unit is either `unitId` (an approved unit from GET /api/v1/units/picker; its
 * county is the unit's) or `unitName` with `countyId` (typed in).
 */
export interface CreateWorkHistoryRequest {
  unitId?: string | null;
  unitName?: string | null;
  countyId?: string | null;
  startDate: string;
  endDate?: string | null;
  contractStart: string;
  contractEnd?: string | null;
  contractOpenEnded: boolean;
  contractAttachmentId?: string | null;
  proofAttachmentId?: string | null;
}

/**
 * A change: only the fields given change. Giving `unitId` switches to a picked unit; `unitId: null`
 * with `unitName`/`countyId` switches to a typed one. `contractOpenEnded: true` clears the contract
 * end; a `contractEnd` alone makes the contract fixed-term. `null` removes a file.
 */
export type UpdateWorkHistoryRequest = Partial<CreateWorkHistoryRequest>;

// ——— dates (pure; the SPA's form and the API use the same rules) ———

const DATE_SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a `YYYY-MM-DD` that names a real calendar day; null otherwise. */
function dayNumber(date: string): number | null {
  const match = DATE_SHAPE.exec(date);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1 || month < 1 || month > 12 || day < 1) return null;
  const ms = Date.UTC(year, month - 1, day);
  const back = new Date(ms);
  // Date.UTC rolls 2023-02-29 over to 03-01 (and maps years < 100 to 19xx): a real day survives the round trip.
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) return null;
  return Math.round(ms / DAY_MS);
}

function dateOf(days: number): string {
  return new Date(days * DAY_MS).toISOString().slice(0, 10);
}

/** Whether `date` is `YYYY-MM-DD` and names a day of the calendar (2023-02-29 does not). */
export function isCalendarDate(date: unknown): date is string {
  return typeof date === 'string' && dayNumber(date) !== null;
}

/**
 * The earliest contract end with which a contract starting on `start` lasts 3 years (or `years`,
 * the policy's 合同年限): the day before the third anniversary of the start (2020-07-01 → 2023-06-30).
 *
 * Leap day: a start on 02-29 has no anniversary in a common year; the third anniversary is then
 * 03-01, the first day after 3 full years (the day after 02-28), so the earliest end is 02-28
 * (2020-02-29 → 2023-02-28). A start on 02-28 gives 02-27 (2020-02-28 → 2023-02-27), so the
 * earliest end never decreases as the start moves later.
 */
export function threeYearContractEnd(start: string, years = 3): string {
  const match = DATE_SHAPE.exec(start);
  if (!match || dayNumber(start) === null) throw new RangeError(`not a calendar date: ${start}`);
  // Date.UTC rolls a missing 02-29 over to 03-01, which is the anniversary this rule uses.
  const anniversary = Math.round(Date.UTC(Number(match[1]) + years, Number(match[2]) - 1, Number(match[3])) / DAY_MS);
  return dateOf(anniversary - 1);
}

/**
 * Domain §5.6 rule 1: the labour contract lasts at least 3 years — both its start and end day
 * belong to it, so start 2020-07-01 with end 2023-06-30 counts and end 2023-06-29 does not; an
 * open-ended contract (无固定期限) counts. For a start on 02-29 see `threeYearContractEnd`.
 * Throws RangeError for a date that is not a calendar day (check with `checkWorkHistoryDates` first).
 */
export function contractLastsThreeYears(start: string, end: string | null, openEnded: boolean, years = 3): boolean {
  const earliestEnd = threeYearContractEnd(start, years);
  if (openEnded) return true;
  if (end === null) return false;
  if (dayNumber(end) === null) throw new RangeError(`not a calendar date: ${end}`);
  // Same-shape YYYY-MM-DD strings order like the days they name.
  return end >= earliestEnd;
}

/** The range any date of an entry lies in (a typo such as 0202 or 2202 is caught). */
export const WORK_HISTORY_EARLIEST_DATE = '1950-01-01';
export const WORK_HISTORY_LATEST_DATE = '2199-12-31';

export interface WorkHistoryDates {
  startDate: string;
  endDate: string | null;
  contractStart: string;
  contractEnd: string | null;
  contractOpenEnded: boolean;
}

/**
 * The date rules of an entry, every broken one named by its field (an antd form shows each next
 * to its field): real calendar days; start not after `today` (the business day, YYYY-MM-DD); end
 * (empty = current job) neither before the start nor after today — a job that has not ended yet is
 * the current one; contract end not before the contract start; 无固定期限 exactly when there is no
 * contract end.
 */
export function checkWorkHistoryDates(dates: WorkHistoryDates, today: string): FieldError[] {
  const errors: FieldError[] = [];
  const day = (field: keyof WorkHistoryDates, value: string, label: string): number | null => {
    if (!DATE_SHAPE.test(value)) {
      errors.push({ field, message: `${label}格式须为 YYYY-MM-DD` });
      return null;
    }
    const n = dayNumber(value);
    if (n === null) errors.push({ field, message: `${label}不存在（${value}）` });
    else if (value < WORK_HISTORY_EARLIEST_DATE || value > WORK_HISTORY_LATEST_DATE) {
      errors.push({ field, message: `${label}须在 ${WORK_HISTORY_EARLIEST_DATE} 至 ${WORK_HISTORY_LATEST_DATE} 之间` });
      return null;
    }
    return n;
  };
  const todayN = dayNumber(today);
  if (todayN === null) throw new RangeError(`today is not a calendar date: ${today}`);

  const start = day('startDate', dates.startDate, '入职日期');
  if (start !== null && start > todayN) errors.push({ field: 'startDate', message: `入职日期不能晚于今天（${today}）` });

  if (dates.endDate !== null) {
    const end = day('endDate', dates.endDate, '离职日期');
    if (end !== null && start !== null && end < start) errors.push({ field: 'endDate', message: '离职日期不能早于入职日期' });
    else if (end !== null && end > todayN) errors.push({ field: 'endDate', message: `离职日期不能晚于今天（${today}）；仍在职请留空` });
  }

  const contractStart = day('contractStart', dates.contractStart, '劳动合同起始日期');
  if (dates.contractOpenEnded) {
    if (dates.contractEnd !== null) errors.push({ field: 'contractEnd', message: '无固定期限劳动合同不填写终止日期' });
  } else if (dates.contractEnd === null) {
    errors.push({ field: 'contractEnd', message: '请填写劳动合同终止日期，或选择无固定期限' });
  } else {
    const contractEnd = day('contractEnd', dates.contractEnd, '劳动合同终止日期');
    if (contractEnd !== null && contractStart !== null && contractEnd < contractStart) {
      errors.push({ field: 'contractEnd', message: '劳动合同终止日期不能早于起始日期' });
    }
  }
  return errors;
}
