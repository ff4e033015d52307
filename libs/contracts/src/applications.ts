import type { ApplicationAction, ApplicationStatus } from './application-flow.js';
import type { SocialSecurityRecord } from './gateways.js';
import type { DisbursementStatus } from './statuses.js';
import type { Education } from './persons.js';
import { APPLICATION_RULE_CODES, type ClaimType, type RuleViolation, type SubsidyQuote } from './subsidy-rules.js';

/**
 * 补贴申请 over the API (domain §5.3–§5.7). This file grows with the applications module; its first
 * part is the pre-check, the quote and the public estimate.
 */
export const APPLICATION_ERROR_CODES = [...APPLICATION_RULE_CODES, 'APPLICATION_NOT_EDITABLE', 'APPLICATION_WORK_HISTORY_INVALID'] as const;
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

// ——— the application itself (§5.7) ———

/**
 * What the applicant fills in, all of it optional while a draft (暂存 at any time): the rules run
 * at 提交申报. Education, degree, school and major come from the approved registration.
 */
export interface ApplicationDraftRequest {
  claimType?: ClaimType;
  from?: string | null;
  to?: string | null;
  /** 本科: the work-history entry of the unit applied through; 硕士/博士 apply through the registered unit. */
  workHistoryId?: string | null;
  educationCertificateNumber?: string | null;
  degreeCertificateNumber?: string | null;
  /** YYYY-MM-DD. */
  graduationDate?: string | null;
  workStartDate?: string | null;
}

export interface ApplicationSummary {
  id: string;
  /** 申报编号, from the first submit on. */
  number: string | null;
  status: ApplicationStatus;
  /** The label for whoever reads it (the applicant's where the internal step would confuse). */
  statusLabel: string;
  disbursementStatus: DisbursementStatus;
  claimType: ClaimType;
  from: string | null;
  to: string | null;
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
}

export interface ApplicationView extends ApplicationSummary {
  workHistoryId: string | null;
  educationCertificateNumber: string | null;
  degreeCertificateNumber: string | null;
  graduationDate: string | null;
  workStartDate: string | null;
  applicant: { name: string; education: Education };
  /** Fixed at submit: who reviews it and why (§5.4). */
  reviewUnit: { id: string; name: string } | null;
  routingReason: string | null;
  policyVersion: number | null;
  quote: QuoteView | null;
  version: number;
  /** What the reader may do now (from APPLICATION_TRANSITIONS), and whether 修改 / 删除 are open. */
  actions: ApplicationAction[];
  editable: boolean;
  deletable: boolean;
}

export interface ApplicationPage {
  items: ApplicationSummary[];
  nextCursor: string | null;
}
