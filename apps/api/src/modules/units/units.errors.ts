import { REGISTRATION_STATUS_LABELS, type RegistrationStatus, type UnitRegistrationErrorCode } from '@butie/contracts';
import { AppError } from '../../common/errors/app-error.js';
import { defineErrors } from '../../common/errors/error-table.js';

/** The refusals the units module owns. */
export const UNIT_REGISTRATION_ERRORS = defineErrors<UnitRegistrationErrorCode>({
  CREDIT_CODE_TAKEN: { status: 409, title: 'Credit code already registered' },
  UNIT_NOT_SELECTABLE: { status: 400, title: 'Unit not approved' },
  UNIT_REGISTRATION_NOT_EDITABLE: { status: 409, title: 'Unit registration not editable' },
});

/** One registration per unit: names the code (it is public on the licence), never who holds it. */
export function creditCodeTaken(code: string, field: string): AppError {
  return new AppError('CREDIT_CODE_TAKEN', `统一社会信用代码 ${code} 已注册过单位，同一单位只能注册一次；如忘记登录名或密码，请在单位登录页使用“忘记密码”找回`, {
    fields: [{ field, message: '该统一社会信用代码已注册' }],
    extensions: { creditCode: code },
  });
}

export function unitRegistrationNotEditable(status: RegistrationStatus): AppError {
  const why = status === 'PENDING' ? '县区人社局审核期间不能修改，请等待审核结果' : '审核通过后不能在此修改，如需变更请联系所在县区人社局';
  return new AppError('UNIT_REGISTRATION_NOT_EDITABLE', `单位注册当前为「${REGISTRATION_STATUS_LABELS[status]}」，${why}（仅被退回时可以修改）`, {
    extensions: { currentStatus: status },
  });
}
