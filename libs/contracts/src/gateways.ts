import type { Education } from './persons.js';
import type { PensionRecord, PensionStatus } from './subsidy-rules.js';
import { monthsOf, type YearMonth } from './year-months.js';

/**
 * The outside systems of domain §7 as this system reads them: the social-security bureau's pension
 * record of a person, and the Ministry of Education's record of a graduation certificate. The same
 * shapes come from the sandbox and from the real services (docs/gateways.md).
 */
export const GATEWAY_ERROR_CODES = ['GATEWAY_UNAVAILABLE'] as const;
export type GatewayErrorCode = (typeof GATEWAY_ERROR_CODES)[number];

export const GATEWAYS = ['SOCIAL_SECURITY', 'DEGREE'] as const;
export type GatewayName = (typeof GATEWAYS)[number];
export const GATEWAY_LABELS: Record<GatewayName, string> = { SOCIAL_SECURITY: '社保系统', DEGREE: '教育部学历学位查询' };

/** One uninterrupted run of contributed months, both ends included. */
export interface ContributionPeriod {
  from: YearMonth;
  to: YearMonth;
}

/** 企业职工基本养老保险 of one person, with the bank account of their social-security card. */
export interface SocialSecurityRecord {
  idNumber: string;
  name: string;
  /** Whether the person is insured in enterprise pension insurance at all. */
  insured: boolean;
  status: PensionStatus | null;
  earliestMonth: YearMonth | null;
  contributions: readonly ContributionPeriod[];
  /** 社保卡开户银行 and 账号: where the subsidy is paid. */
  bankName: string | null;
  bankAccount: string | null;
}

/** A graduation certificate as the Ministry of Education records it (学信网). */
export interface DegreeRecord {
  certificateNumber: string;
  idNumber: string;
  name: string;
  education: Education;
  school: string;
  major: string;
  /** YYYY-MM-DD. */
  graduationDate: string;
}

/** What the rules read of a social-security record; no record at all means not insured. */
export function pensionRecordOf(record: SocialSecurityRecord | null): PensionRecord {
  if (!record) return { insured: false, status: null, earliestMonth: null, contributedMonths: [] };
  return {
    insured: record.insured,
    status: record.status,
    earliestMonth: record.earliestMonth,
    contributedMonths: [...new Set(record.contributions.flatMap((period) => monthsOf(period.from, period.to)))].sort(),
  };
}

// ——— the sandbox (ADMIN 沙箱数据, only while a sandbox provider is on) ———

interface SandboxFields {
  /** The lookup fails as an outage would: the path where the service is down. */
  unavailable: boolean;
  /** Which case the record is there to show (e.g. 「最早缴费 2019-05，早于本科要求」). */
  caseNote: string;
  updatedAt: string;
}

export type SandboxSocialSecurityView = SocialSecurityRecord & SandboxFields;
export type SandboxDegreeView = DegreeRecord & SandboxFields;

export type SandboxSocialSecurityRequest = Omit<SandboxSocialSecurityView, 'idNumber' | 'updatedAt'>;
export type SandboxDegreeRequest = Omit<SandboxDegreeView, 'certificateNumber' | 'updatedAt'>;

export interface SandboxPage<T> {
  items: T[];
  nextCursor: string | null;
}
