import dayjs from 'dayjs';
import { checkWorkHistoryDates, type CreateWorkHistoryRequest, type WorkHistoryDates, type WorkHistoryView } from '@butie/contracts';

/**
 * The form of one entry. Field names are the API's (unitId, startDate, contractAttachmentId…) so
 * that its field errors land on them; `manualUnit` and `sameFile` are the form's own switches.
 */
export interface EntryValues {
  /** 单位未在系统中注册，手动填写: unitName + countyId instead of unitId. */
  manualUnit: boolean;
  unitId?: string | null;
  unitName?: string;
  countyId?: string | null;
  startDate?: string | null;
  /** Empty = 目前在职. */
  endDate?: string | null;
  contractStart?: string | null;
  contractEnd?: string | null;
  contractOpenEnded: boolean;
  contractAttachmentId?: string | null;
  proofAttachmentId?: string | null;
  /** 证明材料与劳动合同使用同一文件 (only for the current job at the registered unit). */
  sameFile: boolean;
}

export function valuesOf(entry: WorkHistoryView | null): EntryValues {
  if (!entry) return { manualUnit: false, contractOpenEnded: false, sameFile: false };
  const shared = entry.contract !== null && entry.contract.id === entry.proof?.id;
  return {
    manualUnit: entry.unit === null,
    unitId: entry.unit?.id ?? null,
    unitName: entry.unit === null ? entry.unitName : undefined,
    countyId: entry.unit === null ? entry.county.id : null,
    startDate: entry.startDate,
    endDate: entry.endDate,
    contractStart: entry.contractStart,
    contractEnd: entry.contractEnd,
    contractOpenEnded: entry.contractOpenEnded,
    contractAttachmentId: entry.contract?.id ?? null,
    proofAttachmentId: shared ? null : (entry.proof?.id ?? null),
    sameFile: shared,
  };
}

/** Whether the form may offer one file for both: the current job (no end) at the unit the person is registered under. */
export function canShareFile(values: Pick<EntryValues, 'manualUnit' | 'unitId' | 'endDate'>, registeredUnitId: string | undefined): boolean {
  return !values.manualUnit && !values.endDate && !!values.unitId && values.unitId === registeredUnitId;
}

/** The whole entry as the API takes it (POST, and PATCH with every field so nothing stored is merged in). */
export function requestOf(values: EntryValues, registeredUnitId: string | undefined): CreateWorkHistoryRequest {
  const share = values.sameFile && canShareFile(values, registeredUnitId);
  const contractAttachmentId = values.contractAttachmentId ?? null;
  return {
    ...(values.manualUnit
      ? { unitId: null, unitName: values.unitName?.trim() ?? null, countyId: values.countyId ?? null }
      : { unitId: values.unitId ?? null, unitName: null, countyId: null }),
    startDate: values.startDate ?? '',
    endDate: values.endDate || null,
    contractStart: values.contractStart ?? '',
    contractEnd: values.contractOpenEnded ? null : values.contractEnd || null,
    contractOpenEnded: values.contractOpenEnded,
    contractAttachmentId,
    proofAttachmentId: share ? contractAttachmentId : (values.proofAttachmentId ?? null),
  };
}

/** Today in the browser, YYYY-MM-DD (the API judges by the business day; this only spares a round trip). */
export function today(): string {
  return dayjs().format('YYYY-MM-DD');
}

/** The dates of the form as `checkWorkHistoryDates` of @butie/contracts reads them: the API's own rules. */
export function dateProblems(values: Partial<EntryValues>, field: keyof WorkHistoryDates): string[] {
  const dates: WorkHistoryDates = {
    startDate: values.startDate ?? '',
    endDate: values.endDate || null,
    contractStart: values.contractStart ?? '',
    contractEnd: values.contractOpenEnded ? null : values.contractEnd || null,
    contractOpenEnded: values.contractOpenEnded ?? false,
  };
  return checkWorkHistoryDates(dates, today())
    .filter((problem) => problem.field === field)
    .map((problem) => problem.message);
}
