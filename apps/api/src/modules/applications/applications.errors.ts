import { APPLICATION_RULE_CODES, REVIEW_STATUS_LABELS, type ApplicationErrorCode, type ApplicationRuleCode, type ApplicationStatus, type RuleViolation } from '@butie/contracts';
import { AppError } from '../../common/errors/app-error.js';
import { defineErrors } from '../../common/errors/error-table.js';

/** The refusals the applications module owns: every subsidy rule of domain §5, as 422. */
export const APPLICATION_ERRORS = defineErrors<ApplicationErrorCode>({
  ...(Object.fromEntries(APPLICATION_RULE_CODES.map((code) => [code, { status: 422, title: `Subsidy rule broken: ${code}` }])) as Record<
    ApplicationRuleCode,
    { status: number; title: string }
  >),
  APPLICATION_NOT_EDITABLE: { status: 409, title: 'Application not editable in its status' },
  APPLICATION_WORK_HISTORY_INVALID: { status: 422, title: 'Work-history entry not the applicant\'s' },
});

/**
 * A request the rules refuse: the first violation's code, every violation's message in the detail,
 * each at its field in `errors`, and the violations with their data in `violations`.
 */
export function ruleRefusal(violations: RuleViolation[]): AppError {
  return new AppError(violations[0].code, violations.map((v) => v.message).join('；'), {
    fields: violations.filter((v) => v.field).map((v) => ({ field: v.field!, message: v.message })),
    extensions: { violations },
  });
}

/** 修改 / 删除 of an application that is no longer a draft (or returned, for 修改). */
export function notEditable(status: ApplicationStatus, what: '修改' | '删除'): AppError {
  const allowed = what === '修改' ? '暂存或单位退回的申报' : '暂存的申报';
  return new AppError('APPLICATION_NOT_EDITABLE', `申报当前状态为「${REVIEW_STATUS_LABELS[status]}」，只能${what}${allowed}`, { extensions: { currentStatus: status } });
}

export function workHistoryInvalid(): AppError {
  return new AppError('APPLICATION_WORK_HISTORY_INVALID', '所选工作经历不存在或不是您本人的，请从您的工作经历中选择申报单位', {
    fields: [{ field: 'workHistoryId', message: '请从您的工作经历中选择申报单位' }],
  });
}
