import type { PersonRegistrationErrorCode, RegistrationStatus } from '@butie/contracts';
import { REGISTRATION_STATUS_LABELS } from '@butie/contracts';
import { AppError } from '../../../common/errors/app-error.js';
import { defineErrors } from '../../../common/errors/error-table.js';

/** The refusals of person registration. */
export const PERSON_REGISTRATION_ERRORS = defineErrors<PersonRegistrationErrorCode>({
  ID_NUMBER_TAKEN: { status: 409, title: 'ID number already registered' },
  REGISTRATION_NOT_EDITABLE: { status: 409, title: 'Registration under review' },
});

/**
 * One person, one registration with a unit: a number is held once a registration with it was
 * reported (待审核) or approved. Names the clash, never whose account holds the number.
 */
export function idNumberTaken(): AppError {
  return new AppError(
    'ID_NUMBER_TAKEN',
    '该证件号码已有注册在单位审核中或已审核通过，每人只能注册一个账号；如忘记登录名或密码，请在个人登录页使用“忘记密码”找回；如不是本人注册，请联系所在单位',
    { fields: [{ field: 'basic.idNumber', message: '该证件号码已注册' }] },
  );
}

export function registrationNotEditable(status: RegistrationStatus): AppError {
  return new AppError('REGISTRATION_NOT_EDITABLE', `注册信息当前为「${REGISTRATION_STATUS_LABELS[status]}」，单位审核期间不能修改，请等待审核结果`, {
    extensions: { currentStatus: status },
  });
}
