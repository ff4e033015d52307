import type { ErrorCode, FieldError } from '@butie/contracts';

/** HTTP status and English title of each stable code; the Chinese detail is given where raised. */
export const ERROR_STATUS: Record<ErrorCode, { status: number; title: string }> = {
  VALIDATION_FAILED: { status: 400, title: 'Validation failed' },
  MALFORMED_REQUEST: { status: 400, title: 'Malformed request' },
  REQUEST_TOO_COMPLEX: { status: 400, title: 'Request too deeply nested or too big' },
  URI_TOO_LONG: { status: 414, title: 'URI too long' },
  HEADERS_TOO_LARGE: { status: 431, title: 'Request header fields too large' },
  PAYLOAD_TOO_LARGE: { status: 413, title: 'Payload too large' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, title: 'Unsupported media type' },
  AUTH_REQUIRED: { status: 401, title: 'Authentication required' },
  TOKEN_INVALID: { status: 401, title: 'Invalid token' },
  TOKEN_EXPIRED: { status: 401, title: 'Token expired' },
  SESSION_ENDED: { status: 401, title: 'Session ended' },
  SESSION_IDLE: { status: 401, title: 'Session idle timeout' },
  INVALID_CREDENTIALS: { status: 401, title: 'Invalid credentials' },
  ACCOUNT_LOCKED: { status: 423, title: 'Account locked' },
  ACCOUNT_DISABLED: { status: 403, title: 'Account disabled' },
  WRONG_PORTAL: { status: 403, title: 'Wrong sign-in entry' },
  PASSWORD_CHANGE_REQUIRED: { status: 403, title: 'Password change required' },
  MFA_TOKEN_INVALID: { status: 401, title: 'Invalid second-factor challenge' },
  MFA_PHONE_MISSING: { status: 403, title: 'No phone for the second factor' },
  SMS_CODE_INVALID: { status: 401, title: 'Wrong verification code' },
  SMS_CODE_EXPIRED: { status: 401, title: 'Verification code expired' },
  SMS_CODE_TOO_MANY_TRIES: { status: 401, title: 'Too many wrong codes' },
  SMS_SEND_TOO_SOON: { status: 429, title: 'Code sent too recently' },
  SMS_DAILY_LIMIT: { status: 429, title: 'Daily SMS limit reached' },
  SMS_SEND_FAILED: { status: 502, title: 'SMS gateway failed' },
  REFRESH_TOKEN_INVALID: { status: 401, title: 'Invalid refresh token' },
  REFRESH_TOKEN_REUSED: { status: 401, title: 'Refresh token reused' },
  PASSWORD_POLICY: { status: 400, title: 'Password does not meet the policy' },
  PASSWORD_REUSED: { status: 400, title: 'Password used recently' },
  CURRENT_PASSWORD_WRONG: { status: 400, title: 'Current password wrong' },
  RATE_LIMITED: { status: 429, title: 'Too many requests' },
  FORBIDDEN: { status: 403, title: 'Forbidden' },
  NOT_FOUND: { status: 404, title: 'Not found' },
  USERNAME_TAKEN: { status: 409, title: 'Username taken' },
  PHONE_TAKEN: { status: 409, title: 'Phone taken' },
  PHONE_UNCHANGED: { status: 400, title: 'Phone is the current one' },
  REGION_CODE_TAKEN: { status: 409, title: 'Region code taken' },
  REGION_NAME_TAKEN: { status: 409, title: 'Region name taken' },
  STAFF_SCOPE_MISMATCH: { status: 400, title: 'Role and region do not fit' },
  CANNOT_DISABLE_SELF: { status: 400, title: 'Cannot disable own account' },
  ROLE_NOT_MANAGEABLE: { status: 403, title: 'Account not managed by the administrator' },
  STAFF_PASSWORD_REQUIRED: { status: 403, title: 'Staff must sign in with password and SMS' },
  CONFLICT: { status: 409, title: 'Conflicts with stored data' },
  DATABASE_UNAVAILABLE: { status: 503, title: 'Database unavailable' },
  INTERNAL: { status: 500, title: 'Internal error' },
};

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
    this.status = ERROR_STATUS[code].status;
  }
}

export const notFound = (what = '记录') => new AppError('NOT_FOUND', `${what}不存在或无权查看`);
export const forbidden = (detail = '当前账号无权执行此操作') => new AppError('FORBIDDEN', detail);
