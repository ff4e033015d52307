import { Injectable } from '@nestjs/common';
import { REGISTRATION_ACTION_LABELS, REGISTRATION_STATUS_LABELS, type RegistrationStatus } from '@butie/contracts';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { ScopedAccess, type ScopedTable } from '../../common/access/scoped-access.js';
import { keysetSelect, type KeysetOrder, type KeysetPage } from '../../common/paging/keyset.js';
import { fetchKeysetPage } from '../../common/paging/keyset-page.js';
import { withinDays } from '../../common/sql/day-range.js';
import { likeContains, likeStartsWith } from '../../common/sql/like.js';
import type { StatusHolder } from '../../common/workflow/guarded-transition.js';
import type { ReviewQueueFilter } from '../../common/workflow/review-queue.js';
import { AppConfig } from '../../config/app-config.js';
import { UnitOfWork } from '../../database/unit-of-work.js';

/**
 * Units, declared once for the data scope: a unit lies in its county and is its own unit. The
 * county's name comes along for every answer. Registrations are the same rows without the
 * virtual units (those are created with their county, never registered or reviewed).
 */
export const UNITS_TABLE: ScopedTable = {
  what: '单位',
  table: 'units',
  alias: 'u',
  joins: [{ table: 'regions', alias: 'r', on: 'r.id = u.county_id' }],
  id: 'u.id',
  idKind: 'uuid',
  scope: { county: 'u.county_id', unit: 'u.id' },
};

export const UNIT_REGISTRATIONS_TABLE: ScopedTable = { ...UNITS_TABLE, what: '单位注册' };

/** Where a unit registration keeps its status, for GuardedTransitions. */
export const UNIT_REGISTRATION_HOLDER: StatusHolder<RegistrationStatus> = {
  subject: 'UNIT_REGISTRATION',
  table: 'units',
  idColumn: 'id',
  statusColumn: 'status',
  what: '单位注册',
  labels: REGISTRATION_STATUS_LABELS,
  actionLabels: REGISTRATION_ACTION_LABELS,
};

/** The county's queue: newest submission first, served by units_review_queue_idx (county_id, submitted_at DESC, id). */
const QUEUE_ORDER: KeysetOrder = { sort: 'u.submitted_at', sortKind: 'timestamp', id: 'u.id', idKind: 'uuid', direction: 'DESC' };
/** The public picker: by name, served by units_picker_idx (name, id) WHERE status = 'APPROVED'. */
const PICKER_ORDER: KeysetOrder = { sort: 'u.name', sortKind: 'text', id: 'u.id', idKind: 'uuid', direction: 'ASC' };
/** The unit list: newest first, served by units_list_idx (created_at DESC, id). */
const LIST_ORDER: KeysetOrder = { sort: 'u.created_at', sortKind: 'timestamp', id: 'u.id', idKind: 'uuid', direction: 'DESC' };

/** The unit's own fields as the units table holds them. */
export interface UnitColumns {
  name: string;
  creditCode: string;
  countyId: string;
  address: string;
  contactPerson: string;
  contactPhone: string;
}

export interface UnitRow {
  id: string;
  name: string;
  is_virtual: boolean;
  county_id: string;
  county_name: string;
  status: RegistrationStatus;
}

export interface RegistrationRow extends UnitRow {
  credit_code: string | null;
  address: string | null;
  contact_person: string | null;
  contact_phone: string | null;
  review_opinion: string | null;
  submitted_at: Date;
  reviewed_at: Date | null;
  created_at: Date;
  updated_at: Date;
  username: string | null;
  account_phone: string | null;
  account_email: string | null;
}

export interface QueueRow {
  id: string;
  name: string;
  credit_code: string | null;
  county_id: string;
  county_name: string;
  contact_person: string | null;
  status: RegistrationStatus;
  submitted_at: Date;
  reviewed_at: Date | null;
  keyset_sort: string;
  keyset_id: string;
}

export interface PickerRow {
  id: string;
  name: string;
  credit_code: string;
  county_id: string;
  county_name: string;
  keyset_sort: string;
  keyset_id: string;
}

export interface PickerFilter {
  keyword?: string;
  countyId?: string;
  cursor?: string;
  limit: number;
}

export interface ListFilter {
  countyId?: string;
  status?: RegistrationStatus;
  keyword?: string;
  cursor?: string;
  limit: number;
}

const REGISTRATION_COLUMNS = `u.id, u.name, u.is_virtual, u.county_id, r.name AS county_name, u.status, u.credit_code, u.address,
  u.contact_person, u.contact_phone, u.review_opinion, u.submitted_at, u.reviewed_at, u.created_at, u.updated_at,
  a.username, a.phone AS account_phone, a.email AS account_email`;

// The unit's login account: the first UNIT account of the unit (registration creates exactly one).
const REGISTRATION_FROM = `units u JOIN regions r ON r.id = u.county_id
  LEFT JOIN LATERAL (SELECT username, phone, email FROM users WHERE unit_id = u.id AND role = 'UNIT' ORDER BY created_at, id LIMIT 1) a ON true`;

/** `%kw%` for ILIKE, with the pattern characters of the keyword taken literally. */

/** Named queries of units and their registration; every one runs in the caller's unit of work. */
@Injectable()
export class UnitsRepository {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly access: ScopedAccess,
    private readonly config: AppConfig,
  ) {}

  /** A county a unit may register in (null for the city, or an id that is no region). */
  async findCounty(countyId: string): Promise<{ id: string; name: string } | null> {
    const [row] = await this.uow.tx.query<{ id: string; name: string }[]>(`SELECT id, name FROM regions WHERE id = $1 AND level = 'COUNTY'`, [countyId]);
    return row ?? null;
  }

  /** The counties, by code (the registration form's choice). */
  async findCounties(): Promise<{ id: string; name: string }[]> {
    return await this.uow.tx.query<{ id: string; name: string }[]>(`SELECT id, name FROM regions WHERE level = 'COUNTY' ORDER BY code`);
  }

  /** Whether another unit holds the credit code (the unique index units_credit_code_key decides races). */
  async creditCodeTakenByOther(creditCode: string, ownId: string | null): Promise<boolean> {
    const rows = await this.uow.tx.query<unknown[]>(`SELECT 1 FROM units WHERE credit_code = $1 AND ($2::uuid IS NULL OR id <> $2::uuid)`, [
      creditCode,
      ownId,
    ]);
    return rows.length > 0;
  }

  /** 单位注册: a new unit, straight into review. */
  async insertRegistration(unit: UnitColumns): Promise<string> {
    const [row] = await this.uow.tx.query<{ id: string }[]>(
      `INSERT INTO units (name, credit_code, county_id, status, address, contact_person, contact_phone, submitted_at)
       VALUES ($1, $2, $3, 'PENDING', $4, $5, $6, now()) RETURNING id`,
      [unit.name, unit.creditCode, unit.countyId, unit.address, unit.contactPerson, unit.contactPhone],);
    return row.id;
  }

  /** Every county's virtual unit, created with it and already approved (domain §2). */
  async insertVirtualUnit(county: { id: string; name: string }): Promise<string> {
    const [row] = await this.uow.tx.query<{ id: string }[]>(
      `INSERT INTO units (name, county_id, is_virtual, status) VALUES ($1, $2, true, 'APPROVED') RETURNING id`,
      [`${county.name}虚拟单位`, county.id],);
    return row.id;
  }

  /**
   * A returned unit's edit, guarded by the status (an edit racing a resubmit from another tab):
   * false when the registration is not RETURNED (any more).
   */
  async updateReturned(id: string, unit: UnitColumns): Promise<boolean> {
    const [, count] = await this.uow.tx.query<[unknown, number]>(
      `UPDATE units SET name = $2, credit_code = $3, county_id = $4, address = $5, contact_person = $6, contact_phone = $7, updated_at = now()
        WHERE id = $1 AND status = 'RETURNED' AND NOT is_virtual`,
      [id, unit.name, unit.creditCode, unit.countyId, unit.address, unit.contactPerson, unit.contactPhone],);
    return count > 0;
  }

  /** A unit that moved county takes its accounts along (their data scope is the unit's county). */
  async moveUnitAccountsToCounty(unitId: string, countyId: string): Promise<void> {
    await this.uow.tx.query(`UPDATE users SET region_id = $2, updated_at = now() WHERE unit_id = $1 AND role = 'UNIT'`, [unitId, countyId]);
  }

  /** One registration in full (no scope: the caller has checked it); virtual units are none. */
  async findRegistrationById(id: string): Promise<RegistrationRow | null> {
    const [row] = await this.uow.tx.query<RegistrationRow[]>(`SELECT ${REGISTRATION_COLUMNS} FROM ${REGISTRATION_FROM} WHERE u.id = $1 AND NOT u.is_virtual`, [
      id,
    ]);
    return row ?? null;
  }

  async findRegistrationStatus(id: string): Promise<RegistrationStatus | null> {
    const [row] = await this.uow.tx.query<{ status: RegistrationStatus }[]>(`SELECT status FROM units WHERE id = $1 AND NOT is_virtual`, [id]);
    return row?.status ?? null;
  }

  /** Whether a registration lies in the user's data scope (a virtual unit is no registration). */
  async isRegistrationVisible(user: AuthUser, id: string): Promise<boolean> {
    const row = await this.access
      .scopedQuery(user, UNIT_REGISTRATIONS_TABLE)
      .select('1', 'one')
      .andWhere('u.id = :id', { id })
      .andWhere('NOT u.is_virtual')
      .getRawOne<{ one: number }>();
    return row !== undefined;
  }

  /** What waits in the county's queue: how many, and since when the oldest (首页). */
  async summarizePendingForReviewer(user: AuthUser): Promise<{ count: number; oldest: Date | null }> {
    const row = await this.access
      .scopedQuery(user, UNIT_REGISTRATIONS_TABLE)
      .select('count(*)::int', 'count')
      .addSelect('min(u.submitted_at)', 'oldest')
      .andWhere(`u.status = 'PENDING'`)
      .andWhere('NOT u.is_virtual')
      .getRawOne<{ count: number; oldest: Date | null }>();
    return { count: row?.count ?? 0, oldest: row?.oldest ?? null };
  }

  /** 单位注册审核: the registrations in the reviewer's scope, newest submission first. */
  async findReviewQueue(user: AuthUser, filter: ReviewQueueFilter): Promise<KeysetPage<QueueRow>> {
    const qb = this.access
      .scopedQuery(user, UNIT_REGISTRATIONS_TABLE)
      .select([
        'u.id AS id',
        'u.name AS name',
        'u.credit_code AS credit_code',
        'u.county_id AS county_id',
        'r.name AS county_name',
        'u.contact_person AS contact_person',
        'u.status AS status',
        'u.submitted_at AS submitted_at',
        'u.reviewed_at AS reviewed_at',
        ...keysetSelect(QUEUE_ORDER),
      ])
      .andWhere('NOT u.is_virtual');
    if (filter.status) qb.andWhere('u.status = :status', { status: filter.status });
    if (filter.keyword) {
      qb.andWhere(`(u.name ILIKE :keyword ESCAPE '\\' OR u.credit_code ILIKE :keyword ESCAPE '\\')`, { keyword: likeContains(filter.keyword) });
    }
    withinDays(qb, 'u.submitted_at', { from: filter.submittedFrom, to: filter.submittedTo }, this.config.sms.timeZone);
    return fetchKeysetPage<QueueRow>(qb, QUEUE_ORDER, filter.cursor, filter.limit);
  }

  /**
   * The public picker: approved, non-virtual units; only what a registrant needs (never a phone,
   * an address or an account).
   */
  async findPickerPage(filter: PickerFilter): Promise<KeysetPage<PickerRow>> {
    const qb = this.uow.tx
      .createQueryBuilder()
      .from('units', 'u')
      .innerJoin('regions', 'r', 'r.id = u.county_id')
      .select(['u.id AS id', 'u.name AS name', 'u.credit_code AS credit_code', 'u.county_id AS county_id', 'r.name AS county_name', ...keysetSelect(PICKER_ORDER)])
      .where(`u.status = 'APPROVED'`)
      .andWhere('NOT u.is_virtual');
    if (filter.countyId) qb.andWhere('u.county_id = :countyId', { countyId: filter.countyId });
    if (filter.keyword) {
      qb.andWhere(`(u.name ILIKE :nameKeyword ESCAPE '\\' OR u.credit_code LIKE :codeKeyword ESCAPE '\\')`, {
        nameKeyword: likeContains(filter.keyword),
        codeKeyword: likeStartsWith(filter.keyword.toUpperCase()),
      });
    }
    return fetchKeysetPage<PickerRow>(qb, PICKER_ORDER, filter.cursor, filter.limit);
  }

  /** 单位列表: the units in the user's scope, newest first. */
  async findListPage(user: AuthUser, filter: ListFilter): Promise<KeysetPage<UnitRow & { keyset_sort: string; keyset_id: string }>> {
    const qb = this.access
      .scopedQuery(user, UNITS_TABLE)
      .select(['u.id AS id', 'u.name AS name', 'u.is_virtual AS is_virtual', 'u.county_id AS county_id', 'r.name AS county_name', 'u.status AS status', ...keysetSelect(LIST_ORDER)]);
    if (filter.countyId) qb.andWhere('u.county_id = :countyId', { countyId: filter.countyId });
    if (filter.status) qb.andWhere('u.status = :status', { status: filter.status });
    if (filter.keyword) qb.andWhere(`u.name ILIKE :keyword ESCAPE '\\'`, { keyword: likeContains(filter.keyword) });
    return fetchKeysetPage(qb, LIST_ORDER, filter.cursor, filter.limit);
  }

  /** One unit, if the user's scope holds it. */
  async findVisibleUnit(user: AuthUser, id: string): Promise<UnitRow | null> {
    const row = await this.access
      .scopedQuery(user, UNITS_TABLE)
      .select(['u.id AS id', 'u.name AS name', 'u.is_virtual AS is_virtual', 'u.county_id AS county_id', 'r.name AS county_name', 'u.status AS status'])
      .andWhere('u.id = :id', { id })
      .getRawOne<UnitRow>();
    return row ?? null;
  }
}
