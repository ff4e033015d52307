import type { SocialSecurityRecord } from './gateways.js';
import type { Education } from './persons.js';
import { APPLICATION_RULE_CODES, type RuleViolation, type SubsidyQuote } from './subsidy-rules.js';

/**
 * 补贴申请 over the API (domain §5.3–§5.7). This file grows with the applications module; its first
 * part is the pre-check, the quote and the public estimate.
 */
export const APPLICATION_ERROR_CODES = [...APPLICATION_RULE_CODES] as const;
export type ApplicationErrorCode = (typeof APPLICATION_ERROR_CODES)[number];

/**
 * What the social-security bureau answered, as the applicant and the form see it; `bankAccount` in
 * full for the applicant, 6+2 masked for everyone else.
 */
export type SocialSecurityFacts = Omit<SocialSecurityRecord, 'idNumber' | 'name'>;

/** GET /api/v1/applications/eligibility: the §5.3 pre-check of the signed-in applicant. */
export interface EligibilityView {
  eligible: boolean;
  /** Empty when eligible; otherwise the first broken condition, naming the data. */
  violations: RuleViolation[];
  education: Education;
  policyVersion: number;
  /** null: the bureau has no record of the applicant. */
  socialSecurity: SocialSecurityFacts | null;
  checkedAt: string;
}

/** POST /api/v1/applications/quote and GET /api/v1/public/estimate take a month range. */
export interface MonthRangeRequest {
  from: string;
  to: string;
}

/** The month table and its totals, computed with `policyVersion`. */
export interface QuoteView extends SubsidyQuote {
  policyVersion: number;
}

/** GET /api/v1/public/estimate?education=&from=&to=: the standards only, every month counted. */
export interface EstimateRequest extends MonthRangeRequest {
  education: string;
}

/** The problem+json of a refused range or pre-check carries every violation (besides `errors`). */
export interface RuleProblemExtension {
  violations: RuleViolation[];
}
