import { EDUCATION_LABELS, EDUCATIONS } from './persons.js';
import type { SubsidyPolicy, SubsidyStandard } from './subsidy-policy.js';
import { formatFen } from './subsidy-rules.js';

/** 政策参数 over the API: versions, each a whole policy, and the history of changes between them. */
export const POLICY_ERROR_CODES = ['POLICY_INVALID', 'POLICY_VERSION_CHANGED'] as const;
export type PolicyErrorCode = (typeof POLICY_ERROR_CODES)[number];

/** The longest reason an administrator gives for a change. */
export const POLICY_NOTE_MAX = 500;

export interface PolicyVersionView {
  version: number;
  policy: SubsidyPolicy;
  /** Why it changed (the first version: the defaults). */
  note: string;
  /** null for the defaults a new database starts from. */
  changedBy: { id: string; name: string } | null;
  changedAt: string;
}

/** One difference between a version and the one before, in words for the history page. */
export interface PolicyChange {
  field: string;
  label: string;
  before: string;
  after: string;
}

export interface PolicyHistoryItem extends PolicyVersionView {
  changes: PolicyChange[];
}

export interface PolicyHistoryPage {
  items: PolicyHistoryItem[];
  nextCursor: string | null;
}

/** A change is made against the version the administrator was looking at (`baseVersion`). */
interface PolicyChangeRequest {
  baseVersion: number;
  note: string;
}

/** PUT /api/v1/policy/standards: every standard, all educations, as the new list. */
export interface ChangeStandardsRequest extends PolicyChangeRequest {
  standards: SubsidyStandard[];
}

/** PUT /api/v1/policy/parameters: everything but the standards. */
export type ChangeParametersRequest = PolicyChangeRequest & Omit<SubsidyPolicy, 'standards'>;

const describeStandards = (standards: readonly SubsidyStandard[], education: (typeof EDUCATIONS)[number]) =>
  standards
    .filter((s) => s.education === education)
    .sort((a, b) => (a.validFrom < b.validFrom ? -1 : 1))
    .map((s) => `${s.validTo ? `${s.validFrom} 至 ${s.validTo}` : `${s.validFrom} 起`}：每月 ${formatFen(s.monthlyFen)}`)
    .join('；');

/** What differs from `before` to `after`, field by field, as the history shows it. */
export function describePolicyChanges(before: SubsidyPolicy, after: SubsidyPolicy): PolicyChange[] {
  const rows: PolicyChange[] = [];
  const compare = (field: string, label: string, a: string, b: string) => {
    if (a !== b) rows.push({ field, label, before: a, after: b });
  };
  for (const education of EDUCATIONS) {
    const label = EDUCATION_LABELS[education];
    compare(`standards.${education}`, `${label}补贴标准`, describeStandards(before.standards, education), describeStandards(after.standards, education));
  }
  for (const education of EDUCATIONS) {
    const label = EDUCATION_LABELS[education];
    compare(`earliestContributionFrom.${education}`, `${label}最早缴费年月不早于`, before.earliestContributionFrom[education], after.earliestContributionFrom[education]);
    compare(`citySharePercent.${education}`, `${label}市级承担比例`, `${before.citySharePercent[education]}%`, `${after.citySharePercent[education]}%`);
  }
  compare('contractYears', '劳动合同年限', `${before.contractYears} 年`, `${after.contractYears} 年`);
  compare('maxMonths', '每人最多补贴月数', `${before.maxMonths} 个月`, `${after.maxMonths} 个月`);
  compare('publicityWorkingDays', '公示工作日数', `${before.publicityWorkingDays} 个工作日`, `${after.publicityWorkingDays} 个工作日`);
  return rows;
}
