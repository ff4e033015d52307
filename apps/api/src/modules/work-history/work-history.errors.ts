import { WORK_HISTORY_MAX_ENTRIES, type FieldError, type WorkHistoryErrorCode } from '@butie/contracts';
import { AppError } from '../../common/errors/app-error.js';
import { defineErrors } from '../../common/errors/error-table.js';

/** The refusals the work-history module owns. */
export const WORK_HISTORY_ERRORS = defineErrors<WorkHistoryErrorCode>({
  WORK_HISTORY_ATTACHMENT_INVALID: { status: 400, title: 'Attachment not usable for this entry' },
  WORK_HISTORY_LIMIT_REACHED: { status: 409, title: 'Too many work-history entries' },
});

/**
 * A file that is not the applicant's (never saying whether it exists or whose it is), of the wrong
 * kind, or shared where only the current job at the registered unit may share one; each problem
 * names its field (contractAttachmentId, proofAttachmentId).
 */
export function attachmentInvalid(fields: FieldError[]): AppError {
  return new AppError('WORK_HISTORY_ATTACHMENT_INVALID', fields.map((field) => field.message).join('；'), { fields });
}

/** The list is read whole, so one person keeps a bounded number of entries. */
export function tooManyEntries(): AppError {
  return new AppError('WORK_HISTORY_LIMIT_REACHED', `每人最多登记 ${WORK_HISTORY_MAX_ENTRIES} 条工作经历，请先删除不需要的记录`);
}
