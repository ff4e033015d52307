/**
 * Stable machine codes of every refusal the API gives (`code` in application/problem+json).
 * Clients branch on these, never on the Chinese `detail`.
 */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'MALFORMED_REQUEST',
  'REQUEST_TOO_COMPLEX',
  'URI_TOO_LONG',
  'HEADERS_TOO_LARGE',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'AUTH_REQUIRED',
  'TOKEN_INVALID',
  'TOKEN_EXPIRED',
  'SESSION_ENDED',
  'SESSION_IDLE',
  'INVALID_CREDENTIALS',
  'ACCOUNT_LOCKED',
  'ACCOUNT_DISABLED',
  'WRONG_PORTAL',
  'PASSWORD_CHANGE_REQUIRED',
  'MFA_TOKEN_INVALID',
  'MFA_PHONE_MISSING',
  'SMS_CODE_INVALID',
  'SMS_CODE_EXPIRED',
  'SMS_CODE_TOO_MANY_TRIES',
  'SMS_SEND_TOO_SOON',
  'SMS_DAILY_LIMIT',
  'SMS_SEND_FAILED',
  'REFRESH_TOKEN_INVALID',
  'REFRESH_TOKEN_REUSED',
  'PASSWORD_POLICY',
  'PASSWORD_REUSED',
  'CURRENT_PASSWORD_WRONG',
  'RATE_LIMITED',
  'FORBIDDEN',
  'NOT_FOUND',
  'USERNAME_TAKEN',
  'PHONE_TAKEN',
  'PHONE_UNCHANGED',
  'REGION_CODE_TAKEN',
  'REGION_NAME_TAKEN',
  'STAFF_SCOPE_MISMATCH',
  'CANNOT_DISABLE_SELF',
  'ROLE_NOT_MANAGEABLE',
  'STAFF_PASSWORD_REQUIRED',
  'CONFLICT',
  'DATABASE_UNAVAILABLE',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** One invalid field, keyed so that a form can show the message next to the field. */
export interface FieldError {
  field: string;
  message: string;
}

/** RFC 9457 problem details, as every error response carries them. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  code: ErrorCode;
  detail: string;
  instance?: string;
  requestId?: string;
  errors?: FieldError[];
  /** Extra facts a client can act on, e.g. `lockedUntil` with ACCOUNT_LOCKED. */
  [extension: string]: unknown;
}
