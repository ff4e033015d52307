import type { ErrorCode, FieldError } from '@butie/contracts';
import './common.errors.js';
import { errorInfo } from './error-table.js';

export interface AppErrorOptions {
  fields?: FieldError[];
  /** Extra members of the problem document (e.g. lockedUntil). */
  extensions?: Record<string, unknown>;
  /** Seconds for Retry-After. */
  retryAfter?: number;
}

/** A refusal with a stable code and a Chinese detail that names the rule and the data. */
export class AppError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    readonly detail: string,
    readonly options: AppErrorOptions = {},
  ) {
    super(`${code}: ${detail}`);
    this.status = errorInfo(code).status;
  }
}

export const notFound = (what = '记录') => new AppError('NOT_FOUND', `${what}不存在或无权查看`);
export const forbidden = (detail = '当前账号无权执行此操作') => new AppError('FORBIDDEN', detail);
