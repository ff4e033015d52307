import { APPLICATION_RULE_CODES, type ApplicationErrorCode, type RuleViolation } from '@butie/contracts';
import { AppError } from '../../common/errors/app-error.js';
import { defineErrors } from '../../common/errors/error-table.js';

/** The refusals the applications module owns: every subsidy rule of domain §5, as 422. */
export const APPLICATION_ERRORS = defineErrors<ApplicationErrorCode>(
  Object.fromEntries(APPLICATION_RULE_CODES.map((code) => [code, { status: 422, title: `Subsidy rule broken: ${code}` }])) as Record<
    ApplicationErrorCode,
    { status: number; title: string }
  >,
);

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
