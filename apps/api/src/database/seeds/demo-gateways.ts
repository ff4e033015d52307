import { addMonths, residentIdCheckChar, type ContributionPeriod, type PensionStatus, type YearMonth } from '@butie/contracts';
import type { EntityManager } from 'typeorm';
import { DEMO_REGISTRANTS, type DemoRegistrant } from './demo-persons.js';

/**
 * 沙箱数据: what the sandbox 社保系统 and 教育部学历查询 answer for the demo's people, one case each
 * (docs/gateways.md lists them): normal records, not insured, suspended and terminated insurance,
 * the earliest contribution just before and exactly at each cut-off, a gap in contributions, an
 * unknown certificate, and a person whose lookup is unavailable.
 */
type SocialSecurityCase =
  | { kind: 'normal' }
  | { kind: 'not-insured' }
  | { kind: 'status'; status: Exclude<PensionStatus, 'NORMAL'> }
  | { kind: 'earliest'; month: YearMonth }
  | { kind: 'gap'; from: YearMonth; to: YearMonth }
  | { kind: 'unavailable' };

const SOCIAL_SECURITY_CASES: Record<string, { case: SocialSecurityCase; note: string }> = {
  demo_person_1: { case: { kind: 'not-insured' }, note: '未参加企业职工基本养老保险' },
  demo_person_2: { case: { kind: 'earliest', month: '2016-12' }, note: '最早缴费 2016-12，早于硕士研究生要求（2017-01）一个月' },
  demo_person_3: { case: { kind: 'earliest', month: '2019-06' }, note: '最早缴费 2019-06，恰为本科要求的起始月' },
  demo_person_4: { case: { kind: 'unavailable' }, note: '查询时社保系统不可用（模拟故障）' },
  demo_person_6: { case: { kind: 'status', status: 'TERMINATED' }, note: '已终止参保' },
  demo_person_7: { case: { kind: 'gap', from: '2024-01', to: '2024-03' }, note: '2024-01 至 2024-03 中断缴费' },
  demo_person_10: { case: { kind: 'earliest', month: '2019-05' }, note: '最早缴费 2019-05，早于本科要求（2019-06）一个月' },
  demo_person_13: { case: { kind: 'earliest', month: '2017-01' }, note: '最早缴费 2017-01，恰为硕士研究生要求的起始月' },
  demo_person_14: { case: { kind: 'status', status: 'SUSPENDED' }, note: '暂停缴费' },
};

/** Certificates the Ministry does not know, or cannot be asked about now. */
const DEGREE_CASES: Record<string, 'unknown' | 'unavailable'> = { demo_person_15: 'unknown', demo_person_8: 'unavailable' };

const BANKS = ['云州银行', '中国工商银行', '中国建设银行', '中国农业银行', '中国银行'];

export const demoIdNumber = (registrant: DemoRegistrant) => registrant.idBody + residentIdCheckChar(registrant.idBody);

/** 学历证书编号 of a demo person: school code, year of graduation, level, sequence (18 digits). */
export function demoCertificateNumber(registrant: DemoRegistrant): string {
  const level = { BACHELOR: '1', MASTER: '2', DOCTOR: '3' }[registrant.education];
  return `10673${registrant.graduated}${level}${String(DEMO_REGISTRANTS.indexOf(registrant) + 1).padStart(8, '0')}`;
}

function lastMonth(today: Date): YearMonth {
  return addMonths(`${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}`, -1);
}

/** The month a person started contributing: their first job, or the July after graduation. */
function startMonth(registrant: DemoRegistrant): YearMonth {
  const first = registrant.jobs?.map((job) => job.start).sort()[0];
  return (first ? first.slice(0, 7) : `${registrant.graduated}-07`);
}

function socialSecurityOf(registrant: DemoRegistrant, until: YearMonth) {
  const { case: shown, note } = SOCIAL_SECURITY_CASES[registrant.username] ?? { case: { kind: 'normal' }, note: '正常参保，连续缴费' };
  const n = DEMO_REGISTRANTS.indexOf(registrant);
  const record = {
    idNumber: demoIdNumber(registrant),
    name: registrant.fullName,
    insured: true,
    status: 'NORMAL' as PensionStatus | null,
    earliestMonth: startMonth(registrant) as YearMonth | null,
    contributions: [] as ContributionPeriod[],
    bankName: BANKS[n % BANKS.length] as string | null,
    bankAccount: `621483${registrant.idBody.slice(6, 14)}${String(n).padStart(4, '0')}` as string | null,
    unavailable: shown.kind === 'unavailable',
    caseNote: note,
  };
  if (shown.kind === 'not-insured') return { ...record, insured: false, status: null, earliestMonth: null, bankName: null, bankAccount: null };
  if (shown.kind === 'earliest') record.earliestMonth = shown.month;
  if (shown.kind === 'status') record.status = shown.status;
  const from = record.earliestMonth!;
  // Suspended and terminated records stopped contributing half a year ago.
  const to = shown.kind === 'status' ? addMonths(until, -6) : until;
  record.contributions =
    shown.kind === 'gap'
      ? [
          { from, to: addMonths(shown.from, -1) },
          { from: addMonths(shown.to, 1), to },
        ]
      : [{ from, to }];
  return record;
}

export async function seedDemoGatewayRecords(tx: EntityManager, today = new Date()): Promise<void> {
  const until = lastMonth(today);
  for (const registrant of DEMO_REGISTRANTS) {
    const s = socialSecurityOf(registrant, until);
    await tx.query(
      `INSERT INTO sandbox_social_security (id_number, name, insured, status, earliest_month, contributions, bank_name, bank_account, unavailable, case_note)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [s.idNumber, s.name, s.insured, s.status, s.earliestMonth, JSON.stringify(s.contributions), s.bankName, s.bankAccount, s.unavailable, s.caseNote],
    );
    const degreeCase = DEGREE_CASES[registrant.username];
    if (degreeCase === 'unknown') continue;
    await tx.query(
      `INSERT INTO sandbox_degrees (certificate_number, id_number, name, education, school, major, graduation_date, unavailable, case_note)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        demoCertificateNumber(registrant),
        demoIdNumber(registrant),
        registrant.fullName,
        registrant.education,
        registrant.school,
        registrant.major,
        `${registrant.graduated}-06-30`,
        degreeCase === 'unavailable',
        degreeCase === 'unavailable' ? '查询时学历查询接口不可用（模拟故障）' : '学历证书信息一致',
      ],
    );
  }
}
