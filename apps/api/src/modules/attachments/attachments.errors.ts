import type { AttachmentErrorCode } from '@butie/contracts';
import { AppError } from '../../common/errors/app-error.js';
import { defineErrors } from '../../common/errors/error-table.js';

/** The refusals the attachments module owns (size and type use the common 413 and 415). */
export const ATTACHMENT_ERRORS = defineErrors<AttachmentErrorCode>({
  FILE_EMPTY: { status: 400, title: 'Empty file' },
  ATTACHMENT_QUOTA_EXCEEDED: { status: 409, title: 'Upload quota exceeded' },
  ATTACHMENT_NOT_DELETABLE: { status: 409, title: 'Material belongs to a record under review' },
  MATERIALS_UNDER_REVIEW: { status: 409, title: 'Materials are under review' },
  STORAGE_UNAVAILABLE: { status: 503, title: 'File storage unavailable' },
});

/** Seconds a client should wait before trying the store again. */
const STORAGE_RETRY_AFTER_SECONDS = 10;

/**
 * The file store (disk or S3) failed: an outage, like the database's, not a fault of the request
 * or of our code — 503 with Retry-After, and nothing of the upload is kept.
 */
export function storageUnavailable(): AppError {
  return new AppError('STORAGE_UNAVAILABLE', '材料文件存储暂时无法访问，本次操作未保存任何内容，请稍后重试', { retryAfter: STORAGE_RETRY_AFTER_SECONDS });
}
