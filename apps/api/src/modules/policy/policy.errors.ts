import type { FieldError, PolicyErrorCode } from '@butie/contracts';
import { AppError } from '../../common/errors/app-error.js';
import { defineErrors } from '../../common/errors/error-table.js';

/** The refusals the policy module owns. */
export const POLICY_ERRORS = defineErrors<PolicyErrorCode>({
  POLICY_INVALID: { status: 422, title: 'Policy parameters invalid' },
  POLICY_VERSION_CHANGED: { status: 409, title: 'Policy changed meanwhile' },
});

/** A policy the rules could not compute with (a gap or an overlap of standards, a bound broken). */
export function policyInvalid(fields: FieldError[]): AppError {
  return new AppError('POLICY_INVALID', `政策参数未保存：${fields.map((field) => field.message).join('；')}`, { fields });
}

export function policyUnchanged(): AppError {
  return new AppError('POLICY_INVALID', '政策参数未保存：与当前版本相同，没有改动');
}

/** Another administrator saved a version after the one this change was made against. */
export function policyVersionChanged(baseVersion: number, currentVersion: number): AppError {
  return new AppError('POLICY_VERSION_CHANGED', `政策参数已被他人修改：您修改的是第 ${baseVersion} 版，当前为第 ${currentVersion} 版，请查看最新版本后再修改`, {
    extensions: { currentVersion },
  });
}
