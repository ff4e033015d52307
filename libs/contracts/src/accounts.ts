/** Refusals of the accounts module: sign-in, SMS codes, passwords, staff accounts. */
export const ACCOUNT_ERROR_CODES = [
  'INVALID_CREDENTIALS',
  'ACCOUNT_LOCKED',
  'ACCOUNT_DISABLED',
  'WRONG_PORTAL',
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
  'LINK_INVALID',
  'PASSWORD_POLICY',
  'PASSWORD_REUSED',
  'CURRENT_PASSWORD_WRONG',
  'USERNAME_TAKEN',
  'PHONE_TAKEN',
  'PHONE_UNCHANGED',
  'STAFF_SCOPE_MISMATCH',
  'CANNOT_DISABLE_SELF',
  'ROLE_NOT_MANAGEABLE',
  'STAFF_PASSWORD_REQUIRED',
] as const;
export type AccountErrorCode = (typeof ACCOUNT_ERROR_CODES)[number];

/** A login name (every role): 3–32 letters, digits, `_`, `.` or `-`, starting with a letter or digit. */
export const USERNAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]{2,31}$/;
export const USERNAME_MESSAGE = '登录名须为 3–32 位字母、数字、下划线、点或连字符，且以字母或数字开头';

/**
 * 忘记密码, step 1 (applicants and units): `POST /api/v1/auth/password/forgot` answers 202 with an
 * SmsSendResult — the same for every well-formed phone, registered or not (a staff phone gets no
 * usable code: staff passwords are reset by the administrator).
 */
export interface PasswordForgotRequest {
  phone: string;
}

/**
 * 忘记密码, step 2: `POST /api/v1/auth/password/reset` answers 204. The new password follows the
 * domain §4 rules (PASSWORD_POLICY, PASSWORD_REUSED); every session of the account ends, a sign-in
 * lock is lifted, and the phone is told by SMS.
 */
export interface PasswordResetRequest {
  phone: string;
  code: string;
  newPassword: string;
}
