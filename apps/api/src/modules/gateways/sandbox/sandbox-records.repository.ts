import { Injectable } from '@nestjs/common';
import type { ContributionPeriod, DegreeRecord, Education, PensionStatus, SandboxDegreeView, SandboxSocialSecurityView } from '@butie/contracts';
import { keysetSelect, type KeysetOrder, type KeysetPage } from '../../../common/paging/keyset.js';
import { fetchKeysetPage } from '../../../common/paging/keyset-page.js';
import { likeStartsWith } from '../../../common/sql/like.js';
import { UnitOfWork } from '../../../database/unit-of-work.js';

interface SocialSecurityRow {
  id_number: string;
  name: string;
  insured: boolean;
  status: PensionStatus | null;
  earliest_month: string | null;
  contributions: ContributionPeriod[];
  bank_name: string | null;
  bank_account: string | null;
  unavailable: boolean;
  case_note: string;
  updated_at: Date;
}

interface DegreeRow {
  certificate_number: string;
  id_number: string;
  name: string;
  education: Education;
  school: string;
  major: string;
  graduation_date: string;
  unavailable: boolean;
  case_note: string;
  updated_at: Date;
}

export type SandboxSocialSecurity = Omit<SandboxSocialSecurityView, 'updatedAt'> & { updatedAt: Date };
export type SandboxDegree = Omit<SandboxDegreeView, 'updatedAt'> & { updatedAt: Date };

const SOCIAL_SECURITY_ORDER: KeysetOrder = { sort: 's.id_number', sortKind: 'text', id: 's.id_number', idKind: 'text', direction: 'ASC' };
const DEGREE_ORDER: KeysetOrder = { sort: 'd.certificate_number', sortKind: 'text', id: 'd.certificate_number', idKind: 'text', direction: 'ASC' };

const socialSecurityOf = (row: SocialSecurityRow): SandboxSocialSecurity => ({
  idNumber: row.id_number,
  name: row.name,
  insured: row.insured,
  status: row.status,
  earliestMonth: row.earliest_month,
  contributions: row.contributions,
  bankName: row.bank_name,
  bankAccount: row.bank_account,
  unavailable: row.unavailable,
  caseNote: row.case_note,
  updatedAt: row.updated_at,
});

const degreeOf = (row: DegreeRow): SandboxDegree => ({
  certificateNumber: row.certificate_number,
  idNumber: row.id_number,
  name: row.name,
  education: row.education,
  school: row.school,
  major: row.major,
  graduationDate: row.graduation_date,
  unavailable: row.unavailable,
  caseNote: row.case_note,
  updatedAt: row.updated_at,
});

// The day as text: a date column would come back as a Date at midnight in the server's zone.
const DEGREE_COLUMNS = [
  'd.certificate_number', 'd.id_number', 'd.name', 'd.education', 'd.school', 'd.major',
  `to_char(d.graduation_date, 'YYYY-MM-DD') AS graduation_date`, 'd.unavailable', 'd.case_note', 'd.updated_at',
];

/** The sandbox gateways' records (沙箱数据), the stand-ins for the outside systems' data. */
@Injectable()
export class SandboxRecordsRepository {
  constructor(private readonly uow: UnitOfWork) {}

  async findSocialSecurity(idNumber: string): Promise<SandboxSocialSecurity | null> {
    const [row] = await this.uow.tx.query<SocialSecurityRow[]>(`SELECT * FROM sandbox_social_security WHERE id_number = $1`, [idNumber]);
    return row ? socialSecurityOf(row) : null;
  }

  /** By ID number, optionally those starting with `prefix`. */
  async findSocialSecurityPage(prefix: string | undefined, cursor: string | undefined, limit: number): Promise<KeysetPage<SandboxSocialSecurity>> {
    const qb = this.uow.tx.createQueryBuilder().select(['s.*', ...keysetSelect(SOCIAL_SECURITY_ORDER)]).from('sandbox_social_security', 's');
    if (prefix) qb.where(`s.id_number LIKE :prefix`, { prefix: likeStartsWith(prefix) });
    const page = await fetchKeysetPage<SocialSecurityRow & { keyset_sort: string; keyset_id: string }>(qb, SOCIAL_SECURITY_ORDER, cursor, limit);
    return { items: page.items.map(socialSecurityOf), nextCursor: page.nextCursor };
  }

  async upsertSocialSecurity(record: Omit<SandboxSocialSecurity, 'updatedAt'>): Promise<void> {
    await this.uow.tx.query(
      `INSERT INTO sandbox_social_security (id_number, name, insured, status, earliest_month, contributions, bank_name, bank_account, unavailable, case_note)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (id_number) DO UPDATE SET name = EXCLUDED.name, insured = EXCLUDED.insured, status = EXCLUDED.status,
         earliest_month = EXCLUDED.earliest_month, contributions = EXCLUDED.contributions, bank_name = EXCLUDED.bank_name,
         bank_account = EXCLUDED.bank_account, unavailable = EXCLUDED.unavailable, case_note = EXCLUDED.case_note, updated_at = now()`,
      [
        record.idNumber,
        record.name,
        record.insured,
        record.status,
        record.earliestMonth,
        JSON.stringify(record.contributions),
        record.bankName,
        record.bankAccount,
        record.unavailable,
        record.caseNote,
      ],
    );
  }

  async deleteSocialSecurity(idNumber: string): Promise<boolean> {
    // TypeORM answers a DELETE with [rows, rowCount].
    const [, count] = await this.uow.tx.query<[unknown[], number]>(`DELETE FROM sandbox_social_security WHERE id_number = $1`, [idNumber]);
    return count > 0;
  }

  async findDegree(certificateNumber: string): Promise<SandboxDegree | null> {
    const [row] = await this.uow.tx.query<DegreeRow[]>(`SELECT ${DEGREE_COLUMNS.join(', ')} FROM sandbox_degrees d WHERE d.certificate_number = $1`, [certificateNumber]);
    return row ? degreeOf(row) : null;
  }

  async findDegreePage(prefix: string | undefined, cursor: string | undefined, limit: number): Promise<KeysetPage<SandboxDegree>> {
    const qb = this.uow.tx
      .createQueryBuilder()
      .select([...DEGREE_COLUMNS, ...keysetSelect(DEGREE_ORDER)])
      .from('sandbox_degrees', 'd');
    if (prefix) qb.where(`d.certificate_number LIKE :prefix`, { prefix: likeStartsWith(prefix) });
    const page = await fetchKeysetPage<DegreeRow & { keyset_sort: string; keyset_id: string }>(qb, DEGREE_ORDER, cursor, limit);
    return { items: page.items.map(degreeOf), nextCursor: page.nextCursor };
  }

  async upsertDegree(record: DegreeRecord & { unavailable: boolean; caseNote: string }): Promise<void> {
    await this.uow.tx.query(
      `INSERT INTO sandbox_degrees (certificate_number, id_number, name, education, school, major, graduation_date, unavailable, case_note)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (certificate_number) DO UPDATE SET id_number = EXCLUDED.id_number, name = EXCLUDED.name, education = EXCLUDED.education,
         school = EXCLUDED.school, major = EXCLUDED.major, graduation_date = EXCLUDED.graduation_date, unavailable = EXCLUDED.unavailable,
         case_note = EXCLUDED.case_note, updated_at = now()`,
      [record.certificateNumber, record.idNumber, record.name, record.education, record.school, record.major, record.graduationDate, record.unavailable, record.caseNote],
    );
  }

  async deleteDegree(certificateNumber: string): Promise<boolean> {
    const [, count] = await this.uow.tx.query<[unknown[], number]>(`DELETE FROM sandbox_degrees WHERE certificate_number = $1`, [certificateNumber]);
    return count > 0;
  }
}
