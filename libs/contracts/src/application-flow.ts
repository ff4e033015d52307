import type { TransitionTable } from './state-machine.js';
import { REVIEW_STATUS_LABELS, REVIEW_STATUSES, type ReviewStatus } from './statuses.js';

/**
 * An application's review status moves by the rows of one table; each step of domain §6 adds its
 * rows (issue 7: the applicant's submit and withdraw, the unit's review).
 */
/** The review statuses of an application (statuses.ts lists them with their labels and colours). */
export const APPLICATION_STATUSES = REVIEW_STATUSES;
export type ApplicationStatus = ReviewStatus;

/** What the applicant reads where the internal step would confuse (评审中 is 审核中 to them). */
export const APPLICANT_STATUS_LABELS: Record<ApplicationStatus, string> = {
  ...REVIEW_STATUS_LABELS,
  UNIT_APPROVED: '单位审核通过',
  EVALUATION: '审核中',
  COUNTY_ORG_REVIEW: '审核中',
  CITY_HRSS_SUMMARY: '审核中',
  CITY_ORG_REVIEW: '审核中',
};

export const APPLICATION_ACTIONS = ['submit', 'withdraw', 'approve', 'return'] as const;
export type ApplicationAction = (typeof APPLICATION_ACTIONS)[number];
export const APPLICATION_ACTION_LABELS: Record<ApplicationAction, string> = {
  submit: '提交申报',
  withdraw: '撤回',
  approve: '审核通过',
  return: '退回',
};

/**
 * Steps 1–2 of domain §6. The applicant submits a draft or a returned application, and may take it
 * back (撤回) while the unit has not decided; the unit (the county HRSS for its virtual unit)
 * approves, or returns it with an opinion (一次性告知).
 */
export const APPLICATION_TRANSITIONS: TransitionTable<ApplicationStatus, ApplicationAction> = [
  { from: 'DRAFT', action: 'submit', to: 'UNIT_REVIEW', permission: 'application.self', opinionRequired: false },
  { from: 'UNIT_RETURNED', action: 'submit', to: 'UNIT_REVIEW', permission: 'application.self', opinionRequired: false },
  { from: 'UNIT_REVIEW', action: 'withdraw', to: 'DRAFT', permission: 'application.self', opinionRequired: false },
  { from: 'UNIT_REVIEW', action: 'approve', to: 'UNIT_APPROVED', permission: 'application.review.unit', opinionRequired: false },
  { from: 'UNIT_REVIEW', action: 'return', to: 'UNIT_RETURNED', permission: 'application.review.unit', opinionRequired: true },
];

/** §5.7: the applicant edits a draft, and a returned application to fix what the unit named. */
export const EDITABLE_APPLICATION_STATUSES: readonly ApplicationStatus[] = ['DRAFT', 'UNIT_RETURNED'];
/** §5.7: only a draft is deleted (and stays in 申报历史). */
export const DELETABLE_APPLICATION_STATUSES: readonly ApplicationStatus[] = ['DRAFT'];

/**
 * The statuses in which an application counts for §5.6 (its months are taken, it makes the next
 * one a 续领): submitted and not given back to draft or rejected.
 */
export function countsForRules(status: ApplicationStatus): boolean {
  return status !== 'DRAFT' && status !== 'REJECTED';
}
