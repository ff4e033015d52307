import { Injectable } from '@nestjs/common';
import { REGISTRATION_ACTION_LABELS, REGISTRATION_STATUS_LABELS, type Degree, type Education, type Ethnicity, type Gender, type IdType, type RegistrationStatus } from '@butie/contracts';
import type { AuthUser } from '../../../common/auth/auth-user.js';
import { ScopedAccess, type ScopedTable } from '../../../common/access/scoped-access.js';
import { keysetSelect, type KeysetOrder, type KeysetPage } from '../../../common/paging/keyset.js';
import { fetchKeysetPage, type KeysetRow } from '../../../common/paging/keyset-page.js';
import { withinDays } from '../../../common/sql/day-range.js';
import { likeContains } from '../../../common/sql/like.js';
import type { StatusHolder } from '../../../common/workflow/guarded-transition.js';
import type { ReviewQueueFilter } from '../../../common/workflow/review-queue.js';
import { AppConfig } from '../../../config/app-config.js';
import { UnitOfWork } from '../../../database/unit-of-work.js';

/**
 * Persons (个人) and their registration, declared once for the data scope: a person belongs to
 * their unit, the unit's county, and to themselves.
 */
export const PERSONS_TABLE: ScopedTable = {
  what: '人员注册',
  table: 'persons',
  alias: 'p',
  joins: [{ table: 'units', alias: 'pu', on: 'pu.id = p.unit_id' }],
  id: 'p.user_id',
  idKind: 'uuid',
  scope: { unit: 'p.unit_id', county: 'pu.county_id', owner: 'p.user_id' },
};

/** Where a registration keeps its status, for GuardedTransitions. */
export const PERSON_REGISTRATION_HOLDER: StatusHolder<RegistrationStatus> = {
  subject: 'PERSON_REGISTRATION',
  table: 'persons',
  idColumn: 'user_id',
  statusColumn: 'registration_status',
  what: '人员注册',
  labels: REGISTRATION_STATUS_LABELS,
  actionLabels: REGISTRATION_ACTION_LABELS,
};

/** The unit's queue: newest submission first, served by persons_unit_queue_idx (unit_id, submitted_at DESC, user_id). */
const QUEUE_ORDER: KeysetOrder = { sort: 'p.submitted_at', sortKind: 'timestamp', id: 'p.user_id', idKind: 'uuid', direction: 'DESC' };

/** The basic information as the persons table holds it. */
export interface PersonBasicColumns {
  idType: IdType;
  idNumber: string;
  birthDate: string;
  gender: Gender;
  school: string;
  major: string;
  education: Education;
  degree: Degree;
  ethnicity: Ethnicity;
  selfEmployed: boolean;
  unitId: string;
}

export interface PersonRow {
  user_id: string;
  username: string;
  full_name: string;
  phone: string | null;
  email: string | null;
  id_type: IdType;
  id_number: string;
  birth_date: string;
  gender: Gender;
  school: string;
  major: string;
  education: Education;
  degree: Degree;
  ethnicity: Ethnicity;
  self_employed: boolean;
  unit_id: string;
  unit_name: string;
  county_id: string;
  county_name: string;
  registration_status: RegistrationStatus;
  review_opinion: string | null;
  submitted_at: Date | null;
  reviewed_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

export interface QueueRow extends KeysetRow {
  user_id: string;
  full_name: string;
  phone: string | null;
  id_type: IdType;
  id_number: string;
  gender: Gender;
  education: Education;
  school: string;
  major: string;
  registration_status: RegistrationStatus;
  submitted_at: Date;
}

export interface PendingSummary {
  count: number;
  oldest: Date | null;
}

export interface SelectableUnit {
  id: string;
  status: string;
  is_virtual: boolean;
}

const PERSON_COLUMNS = `p.user_id, u.username, u.full_name, u.phone, u.email, p.id_type, p.id_number,
  to_char(p.birth_date, 'YYYY-MM-DD') AS birth_date, p.gender, p.school, p.major, p.education, p.degree, p.ethnicity,
  p.self_employed, p.unit_id, un.name AS unit_name, un.county_id, r.name AS county_name, p.registration_status,
  p.review_opinion, p.submitted_at, p.reviewed_at, p.created_at, p.updated_at`;

const PERSON_FROM = `persons p JOIN users u ON u.id = p.user_id JOIN units un ON un.id = p.unit_id JOIN regions r ON r.id = un.county_id`;

/** Named queries of persons' registrations; every one runs in the caller's unit of work. */
@Injectable()
export class PersonsRepository {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly access: ScopedAccess,
    private readonly config: AppConfig,
  ) {}

  /**
   * The unit a registrant names, as far as registration needs it. Read here rather than through the
   * units module's service because it is one fixed lookup of the status the units module writes.
   */
  async findUnitForRegistration(unitId: string): Promise<SelectableUnit | null> {
    const [row] = await this.uow.tx.query<SelectableUnit[]>(`SELECT id, status, is_virtual FROM units WHERE id = $1`, [unitId]);
    return row ?? null;
  }

  /**
   * Whether another registration holds the ID number: one reported (PENDING) or approved, as the
   * partial unique index counts them (letter case ignored). Drafts and returned ones hold nothing.
   */
  async idNumberTakenByOther(idNumber: string, ownId: string | null): Promise<boolean> {
    const rows = await this.uow.tx.query<unknown[]>(
      `SELECT 1 FROM persons WHERE upper(id_number) = upper($1) AND registration_status IN ('PENDING', 'APPROVED') AND ($2::uuid IS NULL OR user_id <> $2::uuid)`,
      [idNumber, ownId],
    );
    return rows.length > 0;
  }

  async insert(userId: string, basic: PersonBasicColumns): Promise<void> {
    await this.uow.tx.query(
      `INSERT INTO persons (user_id, id_type, id_number, birth_date, gender, school, major, education, degree, ethnicity, self_employed, unit_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      [userId, ...basicValues(basic)],
    );
  }

  /**
   * Writes the basic information while the registration is still in one of `statuses` (the guard
   * against an edit racing a review); false when it is not (any more).
   */
  async updateBasicIfStatus(userId: string, statuses: readonly RegistrationStatus[], basic: PersonBasicColumns): Promise<boolean> {
    const [, count] = await this.uow.tx.query<[unknown, number]>(
      `UPDATE persons SET id_type = $2, id_number = $3, birth_date = $4, gender = $5, school = $6, major = $7, education = $8, degree = $9,
              ethnicity = $10, self_employed = $11, unit_id = $12, updated_at = now()
        WHERE user_id = $1 AND registration_status = ANY($13::varchar[])`,
      [userId, ...basicValues(basic), statuses],);
    return count > 0;
  }

  /** The person's name lives on the account (it is also the name they sign in under). */
  async updateFullName(userId: string, fullName: string): Promise<void> {
    await this.uow.tx.query(`UPDATE users SET full_name = $2, updated_at = now() WHERE id = $1`, [userId, fullName]);
  }

  /** One registration in full, by its owner's id (no scope: the caller has checked it). */
  async findById(userId: string): Promise<PersonRow | null> {
    const [row] = await this.uow.tx.query<PersonRow[]>(`SELECT ${PERSON_COLUMNS} FROM ${PERSON_FROM} WHERE p.user_id = $1`, [userId]);
    return row ?? null;
  }

  /** The status of a registration, for deciding what an edit does. */
  async findStatus(userId: string): Promise<RegistrationStatus | null> {
    const [row] = await this.uow.tx.query<{ registration_status: RegistrationStatus }[]>(`SELECT registration_status FROM persons WHERE user_id = $1`, [userId]);
    return row?.registration_status ?? null;
  }

  /**
   * Whether a reviewer sees the registration: in their scope and reported (a draft is the
   * person's own until 注册并上报).
   */
  async isSubmittedAndVisible(user: AuthUser, userId: string): Promise<boolean> {
    const row = await this.access
      .scopedQuery(user, PERSONS_TABLE)
      .select('1', 'one')
      .andWhere('p.user_id = :userId', { userId })
      .andWhere('p.submitted_at IS NOT NULL')
      .getRawOne<{ one: number }>();
    return row !== undefined;
  }

  /** What waits in the reviewer's queue: how many, and since when the oldest (首页). */
  async summarizePendingForReviewer(user: AuthUser): Promise<PendingSummary> {
    const row = await this.access
      .scopedQuery(user, PERSONS_TABLE)
      .select('count(*)::int', 'count')
      .addSelect('min(p.submitted_at)', 'oldest')
      .andWhere(`p.registration_status = 'PENDING'`)
      .getRawOne<{ count: number; oldest: Date | null }>();
    return { count: row?.count ?? 0, oldest: row?.oldest ?? null };
  }

  /** 人员注册审核: the reviewer's registrants that have been reported, newest submission first. */
  async findQueueForReviewer(user: AuthUser, filter: ReviewQueueFilter): Promise<KeysetPage<QueueRow>> {
    const qb = this.access
      .scopedQuery(user, PERSONS_TABLE)
      .innerJoin('users', 'u', 'u.id = p.user_id')
      .select([
        'p.user_id AS user_id',
        'u.full_name AS full_name',
        'u.phone AS phone',
        'p.id_type AS id_type',
        'p.id_number AS id_number',
        'p.gender AS gender',
        'p.education AS education',
        'p.school AS school',
        'p.major AS major',
        'p.registration_status AS registration_status',
        'p.submitted_at AS submitted_at',
        ...keysetSelect(QUEUE_ORDER),
      ])
      .andWhere('p.submitted_at IS NOT NULL');
    if (filter.status) qb.andWhere('p.registration_status = :status', { status: filter.status });
    if (filter.keyword) qb.andWhere(`u.full_name ILIKE :keyword ESCAPE '\\'`, { keyword: likeContains(filter.keyword) });
    withinDays(qb, 'p.submitted_at', { from: filter.submittedFrom, to: filter.submittedTo }, this.config.sms.timeZone);
    return fetchKeysetPage<QueueRow>(qb, QUEUE_ORDER, filter.cursor, filter.limit);
  }
}

function basicValues(basic: PersonBasicColumns): unknown[] {
  return [
    basic.idType,
    basic.idNumber,
    basic.birthDate,
    basic.gender,
    basic.school,
    basic.major,
    basic.education,
    basic.degree,
    basic.ethnicity,
    basic.selfEmployed,
    basic.unitId,
  ];
}
