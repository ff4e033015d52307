/** Statuses of domain §6, with the tag colours used everywhere in the SPA (registration: registrations.ts). */

export const REVIEW_STATUSES = [
  'DRAFT',
  'UNIT_REVIEW',
  'UNIT_APPROVED',
  'COUNTY_REVIEW',
  'PUBLICITY',
  'EVALUATION',
  'COUNTY_ORG_REVIEW',
  'CITY_HRSS_SUMMARY',
  'CITY_ORG_REVIEW',
  'APPROVED',
  'UNIT_RETURNED',
  'REJECTED',
] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];
export const REVIEW_STATUS_LABELS: Record<ReviewStatus, string> = {
  DRAFT: '暂存',
  UNIT_REVIEW: '待单位审核',
  UNIT_APPROVED: '待上报',
  COUNTY_REVIEW: '待县区审核',
  PUBLICITY: '公示中',
  EVALUATION: '评审中',
  COUNTY_ORG_REVIEW: '待县区组织部确认',
  CITY_HRSS_SUMMARY: '待市人社局汇总',
  CITY_ORG_REVIEW: '待市组织部确认',
  APPROVED: '审核通过',
  UNIT_RETURNED: '单位退回',
  REJECTED: '不予通过',
};

export const DISBURSEMENT_STATUSES = [
  'NONE',
  'CITY_FINANCE_PENDING',
  'COUNTY_FINANCE_PENDING',
  'PERSONAL_CONFIRM_PENDING',
  'CONFIRMED',
] as const;
export type DisbursementStatus = (typeof DISBURSEMENT_STATUSES)[number];
export const DISBURSEMENT_STATUS_LABELS: Record<DisbursementStatus, string> = {
  NONE: '未拨付',
  CITY_FINANCE_PENDING: '市财政局待拨付',
  COUNTY_FINANCE_PENDING: '县财政局待拨付',
  PERSONAL_CONFIRM_PENDING: '个人拨付待确认',
  CONFIRMED: '已确认',
};

/** antd Tag colours; one colour per status wherever it is shown. */
export const STATUS_COLOURS: Record<string, string> = {
  PENDING: 'processing',
  APPROVED: 'success',
  RETURNED: 'warning',
  DRAFT: 'default',
  UNIT_REVIEW: 'processing',
  UNIT_APPROVED: 'cyan',
  COUNTY_REVIEW: 'processing',
  PUBLICITY: 'purple',
  EVALUATION: 'geekblue',
  COUNTY_ORG_REVIEW: 'processing',
  CITY_HRSS_SUMMARY: 'processing',
  CITY_ORG_REVIEW: 'processing',
  UNIT_RETURNED: 'warning',
  REJECTED: 'error',
  NONE: 'default',
  CITY_FINANCE_PENDING: 'gold',
  COUNTY_FINANCE_PENDING: 'gold',
  PERSONAL_CONFIRM_PENDING: 'orange',
  CONFIRMED: 'success',
  ACTIVE: 'success',
  DISABLED: 'default',
};
