import { Injectable } from '@nestjs/common';
import type { SelectQueryBuilder } from 'typeorm';
import type { AccountStatus, Role } from '@butie/contracts';
import { keysetSelect, positionOfRow, toPage, type KeysetOrder, type KeysetPage, type KeysetPosition } from '../../../common/paging/keyset.js';
import { afterPosition, type KeysetRow } from '../../../common/paging/keyset-page.js';
import { likeContains } from '../../../common/sql/like.js';
import { UnitOfWork } from '../../../database/unit-of-work.js';

export interface StaffRow {
  id: string;
  username: string;
  full_name: string;
  role: Role;
  status: AccountStatus;
  phone: string | null;
  email: string | null;
  region_id: string | null;
  region_name: string | null;
  must_change_password: boolean;
  created_at: Date;
  last_login_at: Date | null;
}

export interface StaffFilter {
  role?: Role;
  regionId?: string;
  status?: AccountStatus;
  keyword?: string;
}

/** The changes an administrator may make to a staff account (undefined = unchanged). */
export interface StaffChanges {
  fullName?: string;
  phone?: string | null;
  email?: string | null;
  status?: AccountStatus;
}

/**
 * Staff are every account but applicants and units — written as the predicate of the partial index
 * users_staff_keyset_idx (migration 1764489600000), so that the planner can prove the index covers
 * the query. STAFF_ROLES in contracts is the same set.
 */
const IS_STAFF = `u.role NOT IN ('APPLICANT', 'UNIT')`;

/** 人员账号, newest first: the order of users_staff_keyset_idx (created_at DESC, id DESC). */
export const STAFF_ORDER: KeysetOrder = { sort: 'u.created_at', sortKind: 'timestamp', id: 'u.id', idKind: 'uuid', direction: 'DESC' };

const STAFF_COLUMNS = [
  'u.id AS id',
  'u.username AS username',
  'u.full_name AS full_name',
  'u.role AS role',
  'u.status AS status',
  'u.phone AS phone',
  'u.email AS email',
  'u.region_id AS region_id',
  'r.name AS region_name',
  'u.must_change_password AS must_change_password',
  'u.created_at AS created_at',
  'u.last_login_at AS last_login_at',
];

const UPDATABLE: Record<keyof StaffChanges, string> = { fullName: 'full_name', phone: 'phone', email: 'email', status: 'status' };

/** Named queries over the staff accounts the administrator manages. */
@Injectable()
export class StaffRepository {
  constructor(private readonly uow: UnitOfWork) {}

  /** A page of the filtered list after `position` (from the newest when null). */
  async findPage(filter: StaffFilter, position: KeysetPosition | null, limit: number): Promise<KeysetPage<StaffRow>> {
    const qb = this.filtered(filter).leftJoin('regions', 'r', 'r.id = u.region_id').select([...STAFF_COLUMNS, ...keysetSelect(STAFF_ORDER)]);
    const rows = await afterPosition(qb, STAFF_ORDER, position)
      .limit(limit + 1)
      .getRawMany<StaffRow & KeysetRow>();
    return toPage(rows, limit, positionOfRow, (row): StaffRow => row);
  }

  /** How many accounts match the filters (staff are a few hundred at most: a count over the partial index). */
  async count(filter: StaffFilter): Promise<number> {
    const row = await this.filtered(filter).select('count(*)::int', 'total').getRawOne<{ total: number }>();
    return row?.total ?? 0;
  }

  async findById(id: string): Promise<StaffRow | null> {
    const row = await this.uow.tx
      .createQueryBuilder()
      .from('users', 'u')
      .leftJoin('regions', 'r', 'r.id = u.region_id')
      .select(STAFF_COLUMNS)
      .where('u.id = :id', { id })
      .andWhere(IS_STAFF)
      .getRawOne<StaffRow>();
    return row ?? null;
  }

  async update(id: string, changes: StaffChanges): Promise<void> {
    const set = Object.entries(changes).filter(([, value]) => value !== undefined) as [keyof StaffChanges, unknown][];
    if (set.length === 0) return;
    await this.uow.tx.query(
      `UPDATE users SET ${set.map(([field], i) => `${UPDATABLE[field]} = $${i + 2}`).join(', ')}, updated_at = now() WHERE id = $1`,
      [id, ...set.map(([, value]) => value)],
    );
  }

  private filtered(filter: StaffFilter): SelectQueryBuilder<object> {
    const qb = this.uow.tx.createQueryBuilder().from('users', 'u').where(IS_STAFF);
    if (filter.role) qb.andWhere('u.role = :role', { role: filter.role });
    if (filter.regionId) qb.andWhere('u.region_id = :regionId', { regionId: filter.regionId });
    if (filter.status) qb.andWhere('u.status = :status', { status: filter.status });
    if (filter.keyword) {
      qb.andWhere(`(u.username ILIKE :keyword ESCAPE '\\' OR u.full_name ILIKE :keyword ESCAPE '\\')`, { keyword: likeContains(filter.keyword) });
    }
    return qb;
  }
}
