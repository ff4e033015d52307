import { AppError } from '../../common/errors/app-error.js';
import { violatedUniqueIndex } from '../../database/database-errors.js';

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
