import type { AccountErrorCode } from '@butie/contracts';
import { AppError } from '../../common/errors/app-error.js';
import { defineErrors } from '../../common/errors/error-table.js';
import { violatedUniqueIndex } from '../../database/database-errors.js';

/** The refusals the accounts module owns. */
export const ACCOUNT_ERRORS = defineErrors<AccountErrorCode>({
  INVALID_CREDENTIALS: { status: 401, title: 'Invalid credentials' },
  ACCOUNT_LOCKED: { status: 423, title: 'Account locked' },
  ACCOUNT_DISABLED: { status: 403, title: 'Account disabled' },
  WRONG_PORTAL: { status: 403, title: 'Wrong sign-in entry' },
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
  LINK_INVALID: { status: 401, title: 'Invalid or expired signed link' },
  PASSWORD_POLICY: { status: 400, title: 'Password does not meet the policy' },
  PASSWORD_REUSED: { status: 400, title: 'Password used recently' },
  CURRENT_PASSWORD_WRONG: { status: 400, title: 'Current password wrong' },
  USERNAME_TAKEN: { status: 409, title: 'Username taken' },
  PHONE_TAKEN: { status: 409, title: 'Phone taken' },
  PHONE_UNCHANGED: { status: 400, title: 'Phone is the current one' },
  STAFF_SCOPE_MISMATCH: { status: 400, title: 'Role and region do not fit' },
  CANNOT_DISABLE_SELF: { status: 400, title: 'Cannot disable own account' },
  ROLE_NOT_MANAGEABLE: { status: 403, title: 'Account not managed by the administrator' },
  STAFF_PASSWORD_REQUIRED: { status: 403, title: 'Staff must sign in with password and SMS' },
});

/** Refusals about accounts that more than one service gives, with the same words everywhere. */
export function usernameTaken(username: string): AppError {
  return new AppError('USERNAME_TAKEN', `登录名 ${username} 已被使用`, { fields: [{ field: 'username', message: '该登录名已被使用' }] });
}

export function phoneTaken(phone: string): AppError {
  return new AppError('PHONE_TAKEN', `手机号码 ${phone} 已被其他账号使用`, { fields: [{ field: 'phone', message: '该手机号码已被其他账号使用' }] });
}

/** A concurrent request took the username or phone between our check and our write: the same 409. */
export function takenError(error: unknown, values: { username?: string; phone?: string | null }): AppError | null {
  const index = violatedUniqueIndex(error);
  if (index === 'users_username_key' && values.username) return usernameTaken(values.username);
  if (index === 'users_phone_key' && values.phone) return phoneTaken(values.phone);
  return null;
}
