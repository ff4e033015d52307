import type { FieldError } from './errors.js';
import { EDUCATION_LABELS, EDUCATIONS, type Education } from './persons.js';
import { addMonths, isYearMonth, type YearMonth } from './year-months.js';

/**
 * 政策参数 (domain §5.3, §5.5, §5.6, §6): the numbers the rules are computed with. They are data,
 * edited by ADMIN and versioned; a submitted application keeps the version it was computed with.
 */

/** One monthly standard (补贴标准) of one education, valid from `validFrom` to `validTo` (null: open). */
export interface SubsidyStandard {
  education: Education;
  validFrom: YearMonth;
  validTo: YearMonth | null;
  /** Integer fen a month. */
  monthlyFen: number;
}

export interface SubsidyPolicy {
  standards: readonly SubsidyStandard[];
  /** §5.3: the earliest contribution month may not be earlier than this, per education. */
  earliestContributionFrom: Readonly<Record<Education, YearMonth>>;
  /** §5.6 rule 1: the labour contract with the applying unit lasts at least this many years. */
  contractYears: number;
  /** §5.6 rule 4: subsidy months per person over all applications. */
  maxMonths: number;
  /** §5.5: the city's share of each month's amount in percent; the county bears the rest. */
  citySharePercent: Readonly<Record<Education, number>>;
  /** §6 step 5: working days of a public notice (公示). */
  publicityWorkingDays: number;
}

/** The policy defaults of domain §5 and §6, the first version a new database starts from. */
export const DEFAULT_SUBSIDY_POLICY: SubsidyPolicy = {
  standards: [
    { education: 'DOCTOR', validFrom: '2017-01', validTo: null, monthlyFen: 150_000 },
    { education: 'MASTER', validFrom: '2017-01', validTo: null, monthlyFen: 100_000 },
    { education: 'BACHELOR', validFrom: '2017-01', validTo: null, monthlyFen: 50_000 },
  ],
  earliestContributionFrom: { DOCTOR: '2017-01', MASTER: '2017-01', BACHELOR: '2019-06' },
  contractYears: 3,
  maxMonths: 36,
  citySharePercent: { DOCTOR: 100, MASTER: 100, BACHELOR: 50 },
  publicityWorkingDays: 5,
};

/** Bounds an edit must stay within: a typo (a standard of 5 000 000 元, 0 months) is refused. */
export const POLICY_LIMITS = {
  monthlyFenMax: 10_000_000,
  contractYears: [1, 10],
  maxMonths: [1, 120],
  publicityWorkingDays: [1, 30],
} as const;

/** The standard in force for `education` in `month`, or null when no period covers it. */
export function standardFor(policy: SubsidyPolicy, education: Education, month: YearMonth): SubsidyStandard | null {
  return (
    policy.standards.find(
      (s) => s.education === education && s.validFrom <= month && (s.validTo === null || month <= s.validTo),
    ) ?? null
  );
}

/** The first month any standard of `education` covers (months before it have no standard). */
export function firstCoveredMonth(policy: SubsidyPolicy, education: Education): YearMonth | null {
  const froms = policy.standards.filter((s) => s.education === education).map((s) => s.validFrom);
  return froms.length ? froms.sort()[0] : null;
}

const integerWithin = (value: number, [min, max]: readonly [number, number]) => Number.isInteger(value) && value >= min && value <= max;

/**
 * Everything wrong with a policy, each named by its field: per education the standards' periods
 * neither overlap nor leave a gap and the last one stays open (so every month from the first on
 * has exactly one standard); amounts are positive integer fen; months are `YYYY-MM`; the counts
 * and shares lie within POLICY_LIMITS.
 */
export function checkSubsidyPolicy(policy: SubsidyPolicy): FieldError[] {
  const errors: FieldError[] = [];
  policy.standards.forEach((s, i) => {
    const at = (name: string) => `standards.${i}.${name}`;
    if (!EDUCATIONS.includes(s.education)) errors.push({ field: at('education'), message: '学历须为本科、硕士研究生或博士研究生' });
    if (!Number.isInteger(s.monthlyFen) || s.monthlyFen <= 0 || s.monthlyFen > POLICY_LIMITS.monthlyFenMax) {
      errors.push({ field: at('monthlyFen'), message: `每月标准须为 1 分至 ${POLICY_LIMITS.monthlyFenMax / 100} 元之间的整数分` });
    }
    if (!isYearMonth(s.validFrom)) errors.push({ field: at('validFrom'), message: '起始年月格式须为 YYYY-MM' });
    if (s.validTo !== null && !isYearMonth(s.validTo)) errors.push({ field: at('validTo'), message: '终止年月格式须为 YYYY-MM' });
    else if (s.validTo !== null && isYearMonth(s.validFrom) && s.validTo < s.validFrom) {
      errors.push({ field: at('validTo'), message: `终止年月 ${s.validTo} 早于起始年月 ${s.validFrom}` });
    }
  });
  if (errors.length) return errors;

  for (const education of EDUCATIONS) {
    const label = EDUCATION_LABELS[education];
    const periods = policy.standards
      .map((standard, index) => ({ standard, index }))
      .filter(({ standard }) => standard.education === education)
      .sort((a, b) => (a.standard.validFrom < b.standard.validFrom ? -1 : 1));
    if (!periods.length) {
      errors.push({ field: 'standards', message: `缺少${label}的补贴标准` });
      continue;
    }
    periods.forEach(({ standard, index }, k) => {
      const next = periods[k + 1];
      if (!next) {
        if (standard.validTo !== null) {
          errors.push({ field: `standards.${index}.validTo`, message: `${label}最后一段标准须长期有效（${addMonths(standard.validTo, 1)} 起没有标准）` });
        }
        return;
      }
      const from = next.standard.validFrom;
      if (standard.validTo === null || from <= standard.validTo) {
        errors.push({ field: `standards.${next.index}.validFrom`, message: `${label}的标准期间重叠：${from} 起已有另一段标准` });
      } else if (from !== addMonths(standard.validTo, 1)) {
        errors.push({
          field: `standards.${next.index}.validFrom`,
          message: `${label}的标准期间有空档：${addMonths(standard.validTo, 1)} 至 ${addMonths(from, -1)} 没有标准`,
        });
      }
    });
  }

  for (const education of EDUCATIONS) {
    const label = EDUCATION_LABELS[education];
    if (!isYearMonth(policy.earliestContributionFrom[education])) {
      errors.push({ field: `earliestContributionFrom.${education}`, message: `${label}的最早缴费年月要求格式须为 YYYY-MM` });
    }
    if (!integerWithin(policy.citySharePercent[education], [0, 100])) {
      errors.push({ field: `citySharePercent.${education}`, message: `${label}的市级承担比例须为 0 至 100 的整数` });
    }
  }
  const counts = [
    ['contractYears', policy.contractYears, POLICY_LIMITS.contractYears, '劳动合同年限'],
    ['maxMonths', policy.maxMonths, POLICY_LIMITS.maxMonths, '最多补贴月数'],
    ['publicityWorkingDays', policy.publicityWorkingDays, POLICY_LIMITS.publicityWorkingDays, '公示工作日数'],
  ] as const;
  for (const [field, value, range, label] of counts) {
    if (!integerWithin(value, range)) errors.push({ field, message: `${label}须为 ${range[0]} 至 ${range[1]} 的整数` });
  }
  return errors;
}
