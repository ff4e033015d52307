import { Injectable } from '@nestjs/common';
import { can, type Permission } from '@butie/contracts';
import type { SelectQueryBuilder } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { forbidden, notFound } from '../errors/app-error.js';
import { UnitOfWork } from '../../database/unit-of-work.js';
import { dataScopeOf, restrictToScope, type ScopeColumns } from './data-scope.js';

/**
 * A table whose rows belong to a place, declared once next to the module's repository: the table,
 * the joins that reach its county/unit/owner, and the expressions that hold them (fixed SQL from
 * code, never from a request). Lists, single reads and set checks all start from `scopedQuery`.
 */
export interface ScopedTable {
  /** Chinese name of one record, for the 404 ("单位注册不存在或无权查看"). */
  what: string;
  table: string;
  alias: string;
  joins?: { table: string; alias: string; on: string }[];
  /** The id expression, e.g. `u.id`. */
  id: string;
  idKind: 'uuid' | 'bigint';
  scope: ScopeColumns;
  /**
   * A condition a row must meet before anyone but its owner sees it (fixed SQL from code): what a
   * person has not yet handed in — a draft registration's materials — is theirs alone, whatever
   * the reviewers' scope would otherwise cover.
   */
  othersSeeOnlyWhen?: string;
}

export interface AccessCheck {
  /** Ids this user may act on with the permission. */
  actionable: Set<string>;
  /** Ids this user may see but not act on (403). */
  visibleOnly: Set<string>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Data scope for one record and for sets (after immich's checkAccess): one query says which of the
 * given ids the user may see; the permission decides which of those they may act on. Ids outside
 * the scope are in neither set: the caller reports them as not found, never touches them, and
 * never says whether they exist.
 */
@Injectable()
export class ScopedAccess {
  constructor(private readonly uow: UnitOfWork) {}

  /** A query over the table, its joins, narrowed to what the user may see. */
  scopedQuery(user: AuthUser, table: ScopedTable): SelectQueryBuilder<object> {
    const qb = this.uow.tx.createQueryBuilder().from(table.table, table.alias);
    for (const join of table.joins ?? []) qb.innerJoin(join.table, join.alias, join.on);
    const scope = dataScopeOf(user);
    if (table.othersSeeOnlyWhen && scope.level !== 'SELF') qb.andWhere(table.othersSeeOnlyWhen);
    return restrictToScope(qb, scope, table.scope);
  }

  async check(user: AuthUser, table: ScopedTable, ids: readonly string[], permission: Permission): Promise<AccessCheck> {
    const visible = await this.visibleIds(user, table, ids);
    const mayAct = can(user, permission);
    return { actionable: mayAct ? visible : new Set(), visibleOnly: mayAct ? new Set() : visible };
  }

  /** Which of `ids` are in the user's data scope (unknown and malformed ids are simply absent). */
  async visibleIds(user: AuthUser, table: ScopedTable, ids: readonly string[]): Promise<Set<string>> {
    const wellFormed = [...new Set(ids)].filter((id) => (table.idKind === 'uuid' ? UUID.test(id) : /^\d{1,18}$/.test(id)));
    if (wellFormed.length === 0) return new Set();
    const rows = await this.scopedQuery(user, table)
      .select(`${table.id}::text`, 'id')
      .andWhere(`${table.id} IN (:...accessIds)`, { accessIds: wellFormed })
      .getRawMany<{ id: string }>();
    return new Set(rows.map((row) => row.id));
  }

  /**
   * One record: 404 when it does not exist or lies outside the scope (the same answer, so that ids
   * cannot be probed), 403 when the user sees it but the permission is not theirs.
   */
  async assertCanAct(user: AuthUser, table: ScopedTable, id: string, permission: Permission): Promise<void> {
    const { actionable, visibleOnly } = await this.check(user, table, [id], permission);
    if (actionable.has(id)) return;
    if (visibleOnly.has(id)) throw forbidden(`当前账号可以查看该${table.what}，但无权执行此操作`);
    throw notFound(table.what);
  }

  async assertVisible(user: AuthUser, table: ScopedTable, id: string): Promise<void> {
    if (!(await this.visibleIds(user, table, [id])).has(id)) throw notFound(table.what);
  }
}
