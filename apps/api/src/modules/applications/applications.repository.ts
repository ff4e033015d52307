import { Injectable } from '@nestjs/common';
import type { ApplicationStatus, ClaimType, DisbursementStatus, Education, QuoteView } from '@butie/contracts';
import type { ScopedTable } from '../../common/access/scoped-access.js';
import { keysetSelect, type KeysetOrder, type KeysetPage } from '../../common/paging/keyset.js';
import { fetchKeysetPage } from '../../common/paging/keyset-page.js';
import { UnitOfWork } from '../../database/unit-of-work.js';

/**
 * Applications by place: the applicant owns theirs; the reviewing unit (or its county, for the
 * virtual unit and the later steps) sees them once submitted — a draft is the applicant's alone.
 */
export const APPLICATIONS_TABLE: ScopedTable = {
  what: '申报',
  table: 'applications',
  alias: 'a',
  id: 'a.id',
  idKind: 'uuid',
  scope: { owner: 'a.person_id', unit: 'a.review_unit_id', county: 'a.county_id' },
  othersSeeOnlyWhen: `a.status <> 'DRAFT'`,
};

/** The fields the applicant keeps in a draft, as columns. */
export interface DraftFields {
  claimType: ClaimType;
  from: string | null;
  to: string | null;
  workHistoryId: string | null;
  educationCertificateNumber: string | null;
  degreeCertificateNumber: string | null;
  graduationDate: string | null;
  workStartDate: string | null;
}

export interface ApplicationRow {
  id: string;
  number: string | null;
  person_id: string;
  person_name: string;
  education: Education;
  status: ApplicationStatus;
  disbursement_status: DisbursementStatus;
  claim_type: ClaimType;
  from_month: string | null;
  to_month: string | null;
  work_history_id: string | null;
  education_certificate_number: string | null;
  degree_certificate_number: string | null;
  graduation_date: string | null;
  work_start_date: string | null;
  review_unit_id: string | null;
  review_unit_name: string | null;
  routing_reason: string | null;
  policy_version: number | null;
  quote: QuoteView | null;
  version: number;
  created_at: Date;
  updated_at: Date;
  submitted_at: Date | null;
}

/** Newest first; applications_person_idx serves it. */
const OWN_ORDER: KeysetOrder = { sort: 'a.created_at', sortKind: 'timestamp', id: 'a.id', idKind: 'uuid', direction: 'DESC' };

// Days as text: a date column would come back as a Date at midnight in the server's zone.
const COLUMNS = [
  'a.id',
  'a.number',
  'a.person_id',
  'u.full_name AS person_name',
  'p.education',
  'a.status',
  'a.disbursement_status',
  'a.claim_type',
  'a.from_month',
  'a.to_month',
  'a.work_history_id',
  'a.education_certificate_number',
  'a.degree_certificate_number',
  `to_char(a.graduation_date, 'YYYY-MM-DD') AS graduation_date`,
  `to_char(a.work_start_date, 'YYYY-MM-DD') AS work_start_date`,
  'a.review_unit_id',
  'ru.name AS review_unit_name',
  'a.routing_reason',
  'a.policy_version',
  'a.quote',
  'a.version',
  'a.created_at',
  'a.updated_at',
  'a.submitted_at',
];
const FROM = `FROM applications a JOIN persons p ON p.user_id = a.person_id JOIN users u ON u.id = a.person_id LEFT JOIN units ru ON ru.id = a.review_unit_id`;

const draftValues = (f: DraftFields) => [f.claimType, f.from, f.to, f.workHistoryId, f.educationCertificateNumber, f.degreeCertificateNumber, f.graduationDate, f.workStartDate];

/** Named queries over applications and their versions. Deleted drafts are kept (申报历史) and never listed. */
@Injectable()
export class ApplicationsRepository {
  constructor(private readonly uow: UnitOfWork) {}

  /** Serialises one applicant's creates (the draft limit, later the submit checks). */
  async lockApplicant(personId: string): Promise<void> {
    await this.uow.tx.query(`SELECT 1 FROM persons WHERE user_id = $1 FOR UPDATE`, [personId]);
  }

  async insertDraft(personId: string, fields: DraftFields): Promise<string> {
    const [row] = await this.uow.tx.query<{ id: string }[]>(
      `INSERT INTO applications (person_id, claim_type, from_month, to_month, work_history_id, education_certificate_number,
                                 degree_certificate_number, graduation_date, work_start_date)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [personId, ...draftValues(fields)],
    );
    return row.id;
  }

  /** One application, not deleted; `forUpdate` locks it for the transaction's decision. */
  async findById(id: string, forUpdate = false): Promise<ApplicationRow | null> {
    const [row] = await this.uow.tx.query<ApplicationRow[]>(
      `SELECT ${COLUMNS.join(', ')} ${FROM} WHERE a.id = $1 AND a.deleted_at IS NULL ${forUpdate ? 'FOR UPDATE OF a' : ''}`,
      [id],
    );
    return row ?? null;
  }

  async findOwnPage(personId: string, cursor: string | undefined, limit: number): Promise<KeysetPage<ApplicationRow & { keyset_sort: string; keyset_id: string }>> {
    const qb = this.uow.tx
      .createQueryBuilder()
      .select([...COLUMNS, ...keysetSelect(OWN_ORDER)])
      .from('applications', 'a')
      .innerJoin('persons', 'p', 'p.user_id = a.person_id')
      .innerJoin('users', 'u', 'u.id = a.person_id')
      .leftJoin('units', 'ru', 'ru.id = a.review_unit_id')
      .where('a.person_id = :personId', { personId })
      .andWhere('a.deleted_at IS NULL');
    return fetchKeysetPage(qb, OWN_ORDER, cursor, limit);
  }

  /** The draft's fields replaced, the version counted up; false when it is no longer in `statuses`. */
  async updateDraft(id: string, statuses: readonly ApplicationStatus[], fields: DraftFields): Promise<boolean> {
    const [, count] = await this.uow.tx.query<[unknown[], number]>(
      `UPDATE applications SET claim_type = $2, from_month = $3, to_month = $4, work_history_id = $5, education_certificate_number = $6,
              degree_certificate_number = $7, graduation_date = $8, work_start_date = $9, version = version + 1, updated_at = now()
        WHERE id = $1 AND deleted_at IS NULL AND status = ANY($10)`,
      [id, ...draftValues(fields), statuses],
    );
    return count > 0;
  }

  async markDeleted(id: string): Promise<boolean> {
    const [, count] = await this.uow.tx.query<[unknown[], number]>(
      `UPDATE applications SET deleted_at = now(), version = version + 1, updated_at = now() WHERE id = $1 AND deleted_at IS NULL AND status = 'DRAFT'`,
      [id],
    );
    return count > 0;
  }

  /** 申报历史: the state after each save, as the applicant and the reviewers read it later. */
  async insertVersion(applicationId: string, version: number, event: string, snapshot: object, actorId: string): Promise<void> {
    await this.uow.tx.query(`INSERT INTO application_versions (application_id, version, event, snapshot, actor_id) VALUES ($1, $2, $3, $4, $5)`, [
      applicationId,
      version,
      event,
      JSON.stringify(snapshot),
      actorId,
    ]);
  }

  /** Whether the person has an application that counts for §5.6 (then the next is a 续领). */
  async hasCountedApplication(personId: string): Promise<boolean> {
    const rows = await this.uow.tx.query<unknown[]>(
      `SELECT 1 FROM applications WHERE person_id = $1 AND deleted_at IS NULL AND status NOT IN ('DRAFT', 'REJECTED') LIMIT 1`,
      [personId],
    );
    return rows.length > 0;
  }
}
