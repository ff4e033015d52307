import { EDUCATION_LABELS, type Education } from './persons.js';
import { firstCoveredMonth, standardFor, type SubsidyPolicy } from './subsidy-policy.js';
import { contractLastsThreeYears, threeYearContractEnd } from './work-histories.js';
import { describeMonths, isYearMonth, monthsBetween, monthsOf, type YearMonth } from './year-months.js';

/**
 * The subsidy's rules (domain §5.3–§5.6) as plain functions over plain data, shared by the API (the
 * authority) and the SPA (the live form). Each broken rule is a RuleViolation naming the rule, the
 * field it concerns and the data that broke it.
 */

export const APPLICATION_RULE_CODES = [
  'ELIGIBILITY_NOT_INSURED',
  'ELIGIBILITY_NOT_CONTRIBUTING',
  'ELIGIBILITY_CONTRIBUTION_TOO_EARLY',
  'MONTH_RANGE_INVALID',
  'MONTH_RANGE_REVERSED',
  'MONTH_RANGE_IN_FUTURE',
  'MONTH_WITHOUT_STANDARD',
  'MONTHS_OVER_MAXIMUM',
  'MONTHS_OVERLAP',
  'CLAIM_TYPE_MISMATCH',
  'CONTRACT_TOO_SHORT',
  'DEGREE_NOT_FOUND',
  'DEGREE_MISMATCH',
  'APPLICATION_INCOMPLETE',
] as const;
export type ApplicationRuleCode = (typeof APPLICATION_RULE_CODES)[number];

export interface RuleViolation {
  code: ApplicationRuleCode;
  /** Where the rule is written, e.g. `§5.6-3`. */
  rule: string;
  /** The request field it concerns, for a form to show it there. */
  field?: string;
  /** Chinese, naming the rule and the data. */
  message: string;
  /** The offending data for a client to act on (months, application numbers…). */
  data?: Record<string, unknown>;
}

// ——— §5.3 the pre-check ———

export const PENSION_STATUSES = ['NORMAL', 'SUSPENDED', 'TERMINATED'] as const;
export type PensionStatus = (typeof PENSION_STATUSES)[number];
export const PENSION_STATUS_LABELS: Record<PensionStatus, string> = { NORMAL: '正常参保', SUSPENDED: '暂停缴费', TERMINATED: '终止参保' };

/** The enterprise pension insurance record the social-security gateway answers (domain §7). */
export interface PensionRecord {
  insured: boolean;
  status: PensionStatus | null;
  earliestMonth: YearMonth | null;
  contributedMonths: readonly YearMonth[];
}

/**
 * §5.3: insured in enterprise pension insurance, contributing normally, and the earliest
 * contribution month not earlier than the education's cut-off. The first failing condition only:
 * the later ones mean nothing without it.
 */
export function checkEligibility(policy: SubsidyPolicy, education: Education, record: PensionRecord): RuleViolation[] {
  if (!record.insured) {
    return [{ code: 'ELIGIBILITY_NOT_INSURED', rule: '§5.3', message: '社保系统中没有您的企业养老保险参保记录，暂不能申请' }];
  }
  if (record.status !== 'NORMAL') {
    const status = record.status ? PENSION_STATUS_LABELS[record.status] : '未知';
    return [
      {
        code: 'ELIGIBILITY_NOT_CONTRIBUTING',
        rule: '§5.3',
        message: `企业养老保险参保状态为「${status}」，须为正常参保（在职）才能申请`,
        data: { status: record.status },
      },
    ];
  }
  const cutOff = policy.earliestContributionFrom[education];
  if (record.earliestMonth === null || record.earliestMonth < cutOff) {
    const earliest = record.earliestMonth ?? '（无）';
    return [
      {
        code: 'ELIGIBILITY_CONTRIBUTION_TOO_EARLY',
        rule: '§5.3',
        message: `最早缴费年月 ${earliest} 早于${EDUCATION_LABELS[education]} ${cutOff} 的要求`,
        data: { earliestMonth: record.earliestMonth, cutOff },
      },
    ];
  }
  return [];
}

// ——— §5.6 rule 4 and the standards: the range ———

/**
 * §5.6 rule 4 and §5.5: both months `YYYY-MM`, start ≤ end, end not later than `currentMonth` (the
 * business time zone's), and every month under a standard of the policy.
 */
export function checkMonthRange(
  policy: SubsidyPolicy,
  education: Education,
  range: { from: string; to: string },
  currentMonth: YearMonth,
): RuleViolation[] {
  const shape = (['from', 'to'] as const)
    .filter((field) => !isYearMonth(range[field]))
    .map((field): RuleViolation => ({
      code: 'MONTH_RANGE_INVALID',
      rule: '§5.6-4',
      field,
      message: `${field === 'from' ? '补贴起始年月' : '补贴终止年月'}须为 YYYY-MM 格式的月份（收到 ${String(range[field]).slice(0, 20)}）`,
    }));
  if (shape.length) return shape;
  const { from, to } = range;
  if (from > to) {
    return [{ code: 'MONTH_RANGE_REVERSED', rule: '§5.6-4', field: 'to', message: `补贴终止年月 ${to} 早于起始年月 ${from}`, data: { from, to } }];
  }
  if (to > currentMonth) {
    return [
      { code: 'MONTH_RANGE_IN_FUTURE', rule: '§5.6-4', field: 'to', message: `补贴终止年月 ${to} 晚于本月 ${currentMonth}`, data: { to, currentMonth } },
    ];
  }
  const first = firstCoveredMonth(policy, education);
  if (first === null || from < first) {
    return [
      {
        code: 'MONTH_WITHOUT_STANDARD',
        rule: '§5.5',
        field: 'from',
        message: first
          ? `${EDUCATION_LABELS[education]}的补贴标准自 ${first} 起执行，${from} 没有补贴标准`
          : `没有${EDUCATION_LABELS[education]}的补贴标准`,
        data: { from, firstCoveredMonth: first },
      },
    ];
  }
  return [];
}

// ——— §5.5 the amount ———

export interface QuoteLine {
  month: YearMonth;
  /** The standard in force that month, integer fen. */
  standardFen: number;
  contributed: boolean;
  /** The standard when contributed, else 0. */
  payableFen: number;
  cityShareFen: number;
  countyShareFen: number;
}

export interface SubsidyQuote {
  education: Education;
  from: YearMonth;
  to: YearMonth;
  lines: QuoteLine[];
  /** 申请补贴月数, 扣发月数, 实发月数. */
  appliedMonths: number;
  deductedMonths: number;
  actualMonths: number;
  /** 申请补贴金额 and 申请应发金额, integer fen. */
  appliedFen: number;
  payableFen: number;
  cityShareFen: number;
  countyShareFen: number;
  /** The months in the range without an enterprise pension contribution. */
  uncontributedMonths: YearMonth[];
}

/**
 * One month's amount split between city and county (§5.5, §8): the city's percentage rounded down
 * to the fen, the odd fen to the county, so that the two always add up to the amount.
 */
export function splitAmount(amountFen: number, citySharePercent: number): { cityShareFen: number; countyShareFen: number } {
  const cityShareFen = Math.floor((amountFen * citySharePercent) / 100);
  return { cityShareFen, countyShareFen: amountFen - cityShareFen };
}

/**
 * §5.5: month by month from `from` to `to` (both included, checked with `checkMonthRange` first),
 * the standard in force that month; a month without a contribution is deducted (payable 0). Every
 * total is the sum of its lines. Throws RangeError for a month no standard covers.
 */
export function quoteSubsidy(
  policy: SubsidyPolicy,
  education: Education,
  range: { from: YearMonth; to: YearMonth },
  contributedMonths: Iterable<YearMonth>,
): SubsidyQuote {
  const contributed = new Set(contributedMonths);
  const percent = policy.citySharePercent[education];
  const lines = monthsOf(range.from, range.to).map((month): QuoteLine => {
    const standard = standardFor(policy, education, month);
    if (!standard) throw new RangeError(`no standard for ${education} in ${month}`);
    const paid = contributed.has(month);
    const payableFen = paid ? standard.monthlyFen : 0;
    return { month, standardFen: standard.monthlyFen, contributed: paid, payableFen, ...splitAmount(payableFen, percent) };
  });
  const sum = (pick: (line: QuoteLine) => number) => lines.reduce((total, line) => total + pick(line), 0);
  const uncontributedMonths = lines.filter((line) => !line.contributed).map((line) => line.month);
  return {
    education,
    from: range.from,
    to: range.to,
    lines,
    appliedMonths: lines.length,
    deductedMonths: uncontributedMonths.length,
    actualMonths: lines.length - uncontributedMonths.length,
    appliedFen: sum((line) => line.standardFen),
    payableFen: sum((line) => line.payableFen),
    cityShareFen: sum((line) => line.cityShareFen),
    countyShareFen: sum((line) => line.countyShareFen),
    uncontributedMonths,
  };
}

/** 1234567 fen → "12,345.67 元": amounts are shown from integer fen, never through a float sum. */
export function formatFen(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100).toLocaleString('en-US');
  return `${sign}${yuan}.${String(abs % 100).padStart(2, '0')} 元`;
}

/**
 * "1,500.5" or "1500.50" (元, as typed) → 150050 fen, or null when it is not a non-negative amount
 * with at most two decimals. Read as text so that no float ever stands between the typed figure
 * and the fen stored.
 */
export function parseYuan(text: string): number | null {
  const match = /^(\d{1,12})(?:\.(\d{1,2}))?$/.exec(text.trim().replace(/,/g, ''));
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/** 150050 fen → "1500.50": the figure an amount field shows for editing (formatFen is for reading). */
export function fenToYuanText(fen: number): string {
  return `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
}

// ——— §5.6 rules 2–4 against the applicant's other applications ———

export const CLAIM_TYPES = ['NEW', 'RENEWAL'] as const;
export type ClaimType = (typeof CLAIM_TYPES)[number];
export const CLAIM_TYPE_LABELS: Record<ClaimType, string> = { NEW: '新申领', RENEWAL: '续领' };

/** §5.6 rule 2: 新申领 when no earlier application got past draft, 续领 otherwise. */
export function expectedClaimType(hasEarlierSubmitted: boolean): ClaimType {
  return hasEarlierSubmitted ? 'RENEWAL' : 'NEW';
}

export function checkClaimType(chosen: ClaimType, hasEarlierSubmitted: boolean): RuleViolation[] {
  const expected = expectedClaimType(hasEarlierSubmitted);
  if (chosen === expected) return [];
  return [
    {
      code: 'CLAIM_TYPE_MISMATCH',
      rule: '§5.6-2',
      field: 'claimType',
      message: hasEarlierSubmitted
        ? `您已有提交过的申报，申领类型应为「${CLAIM_TYPE_LABELS.RENEWAL}」`
        : `您尚未提交过申报，申领类型应为「${CLAIM_TYPE_LABELS.NEW}」`,
      data: { chosen, expected },
    },
  ];
}

/** Another application of the same person that counts for §5.6 (submitted, not withdrawn or rejected). */
export interface CountedApplication {
  number: string;
  from: YearMonth;
  to: YearMonth;
}

/** §5.6 rule 3: no month of the range lies in another counted application; names each one and its months. */
export function checkOverlap(range: { from: YearMonth; to: YearMonth }, others: readonly CountedApplication[]): RuleViolation[] {
  const overlaps = others
    .map((other) => {
      const from = other.from > range.from ? other.from : range.from;
      const to = other.to < range.to ? other.to : range.to;
      return { number: other.number, months: from <= to ? monthsOf(from, to) : [] };
    })
    .filter((overlap) => overlap.months.length > 0);
  if (!overlaps.length) return [];
  return [
    {
      code: 'MONTHS_OVERLAP',
      rule: '§5.6-3',
      field: 'from',
      message: `补贴月份与已提交的申报重叠：${overlaps.map((o) => `${describeMonths(o.months)} 已在申报 ${o.number} 中`).join('；')}`,
      data: { overlaps },
    },
  ];
}

/** §5.6 rule 4: the months of this range and of the other counted applications together at most the maximum. */
export function checkMonthBudget(policy: SubsidyPolicy, range: { from: YearMonth; to: YearMonth }, others: readonly CountedApplication[]): RuleViolation[] {
  const requested = monthsBetween(range.from, range.to);
  const used = others.reduce((total, other) => total + monthsBetween(other.from, other.to), 0);
  if (used + requested <= policy.maxMonths) return [];
  return [
    {
      code: 'MONTHS_OVER_MAXIMUM',
      rule: '§5.6-4',
      field: 'to',
      message: `每人累计最多补贴 ${policy.maxMonths} 个月：已申报 ${used} 个月，本次 ${requested} 个月，合计 ${used + requested} 个月（本次最多还可申请 ${Math.max(0, policy.maxMonths - used)} 个月）`,
      data: { maxMonths: policy.maxMonths, usedMonths: used, requestedMonths: requested },
    },
  ];
}

// ——— §5.6 rule 1 the contract ———

export interface ContractOfEntry {
  unitName: string;
  contractStart: string;
  contractEnd: string | null;
  contractOpenEnded: boolean;
}

/** §5.6 rule 1: the labour contract with the applying unit lasts the policy's years (open-ended counts). */
export function checkContract(policy: SubsidyPolicy, entry: ContractOfEntry): RuleViolation[] {
  const years = policy.contractYears;
  if (contractLastsThreeYears(entry.contractStart, entry.contractEnd, entry.contractOpenEnded, years)) return [];
  const earliestEnd = threeYearContractEnd(entry.contractStart, years);
  return [
    {
      code: 'CONTRACT_TOO_SHORT',
      rule: '§5.6-1',
      field: 'workHistoryId',
      message: `与申报单位「${entry.unitName}」的劳动合同 ${entry.contractStart} 至 ${entry.contractEnd ?? '（未填）'} 不满 ${years} 年（终止日期至少须为 ${earliestEnd}，或为无固定期限）`,
      data: { contractStart: entry.contractStart, contractEnd: entry.contractEnd, earliestEnd },
    },
  ];
}

// ——— §5.4 where the application goes ———

export interface RoutingUnit {
  /** null for a unit typed into the work history (not registered here). */
  id: string | null;
  name: string;
  countyId: string;
  countyName: string;
}

export interface ApplicationRoute {
  /** The unit that reviews it (step 2): the current unit, or a county's virtual unit. */
  reviewUnit: { id: string; name: string };
  via: 'CURRENT_UNIT' | 'VIRTUAL_UNIT';
  /** The county that bears the county share (§5.5): the applying unit's. */
  countyId: string;
  /** Chinese, for the form: where it goes and why. */
  reason: string;
}

/**
 * §5.4: a master or doctor applies through the current unit; a bachelor through a unit of the
 * work history (`applying`) — reviewed by the current unit when both are in one county, otherwise
 * by the virtual unit of the applying unit's county (`virtualUnitOf`).
 */
export function routeApplication(input: {
  education: Education;
  current: RoutingUnit & { id: string };
  applying: RoutingUnit;
  virtualUnitOf: (countyId: string) => { id: string; name: string };
}): ApplicationRoute {
  const { education, current, applying } = input;
  const currentUnit = { id: current.id, name: current.name };
  if (education !== 'BACHELOR') {
    return {
      reviewUnit: currentUnit,
      via: 'CURRENT_UNIT',
      countyId: current.countyId,
      reason: `${EDUCATION_LABELS[education]}的申报单位固定为当前单位「${current.name}」，由其审核`,
    };
  }
  if (applying.countyId === current.countyId) {
    return {
      reviewUnit: currentUnit,
      via: 'CURRENT_UNIT',
      countyId: current.countyId,
      reason:
        applying.id === current.id
          ? `申报单位为当前单位「${current.name}」，由其审核`
          : `申报单位「${applying.name}」与当前单位「${current.name}」同在${current.countyName}，由当前单位审核`,
    };
  }
  const virtual = input.virtualUnitOf(applying.countyId);
  return {
    reviewUnit: virtual,
    via: 'VIRTUAL_UNIT',
    countyId: applying.countyId,
    reason: `申报单位「${applying.name}」在${applying.countyName}，与当前单位「${current.name}」（${current.countyName}）不在同一县区，由${applying.countyName}人社局以「${virtual.name}」审核，县级资金由${applying.countyName}承担`,
  };
}

// ——— §5.4 the degree check and the form's required fields ———

/** What the applicant states about the certificate, to compare with the Ministry's record. */
export interface StatedDegree {
  certificateNumber: string;
  name: string;
  idNumber: string;
  education: Education;
}

/**
 * §5.4: the education certificate is on the Ministry's record, in the applicant's name and ID
 * number, for the education they registered with.
 */
export function checkDegree(record: { name: string; idNumber: string; education: Education } | null, stated: StatedDegree): RuleViolation[] {
  if (!record) {
    return [
      {
        code: 'DEGREE_NOT_FOUND',
        rule: '§5.4',
        field: 'educationCertificateNumber',
        message: `教育部学历信息中没有证书编号 ${stated.certificateNumber}，请核对证书编号，或联系毕业院校`,
        data: { certificateNumber: stated.certificateNumber },
      },
    ];
  }
  const differs: string[] = [];
  if (record.name !== stated.name) differs.push(`姓名（证书为「${record.name}」）`);
  if (record.idNumber.toUpperCase() !== stated.idNumber.toUpperCase()) differs.push('证件号码');
  if (record.education !== stated.education) differs.push(`学历（证书为${EDUCATION_LABELS[record.education]}，注册为${EDUCATION_LABELS[stated.education]}）`);
  if (!differs.length) return [];
  return [
    {
      code: 'DEGREE_MISMATCH',
      rule: '§5.4',
      field: 'educationCertificateNumber',
      message: `学历证书 ${stated.certificateNumber} 与您的注册信息不一致：${differs.join('、')}`,
      data: { certificateNumber: stated.certificateNumber, differs },
    },
  ];
}

/** The form's fields 提交申报 needs (a draft may lack them), by the request's names. */
export const SUBMIT_REQUIRED_FIELDS = {
  from: '补贴起始年月',
  to: '补贴终止年月',
  educationCertificateNumber: '学历证书编号',
  degreeCertificateNumber: '学位证书编号',
  graduationDate: '毕业时间',
  workStartDate: '参加工作时间',
} as const;

/** Every required field still empty, at once (一次性告知); 本科 also names the applying unit's entry. */
export function checkComplete(values: Record<string, unknown>, education: Education): RuleViolation[] {
  const required: Record<string, string> = { ...SUBMIT_REQUIRED_FIELDS, ...(education === 'BACHELOR' ? { workHistoryId: '申报单位（工作经历）' } : {}) };
  const missing = Object.entries(required).filter(([field]) => values[field] === null || values[field] === undefined || values[field] === '');
  return missing.map(([field, label]) => ({ code: 'APPLICATION_INCOMPLETE', rule: '§5.4', field, message: `请填写${label}` }));
}
