import { Injectable } from '@nestjs/common';
import type { SelectQueryBuilder } from 'typeorm';
import type { LoginEventKind, LoginMethod, LoginEventView, Role } from '@butie/contracts';
import { keysetSelect, type KeysetOrder, type KeysetPosition } from '../../common/paging/keyset.js';
import { afterPosition } from '../../common/paging/keyset-page.js';
import { withinDays } from '../../common/sql/day-range.js';
import { AppConfig } from '../../config/app-config.js';
import { UnitOfWork } from '../../database/unit-of-work.js';
import type { LoginEventFilter, OperationLogFilter } from './audit.dto.js';

/** A sign-in log row with the account's current name and role (when the account is known). */
export type LoginEventRow = Omit<LoginEventView, 'at'> & { at: Date; keyset_sort: string; keyset_id: string };

/** An operation log row as the page and the export show it. */
export interface OperationLogRow {
  id: string;
  at: Date;
  actorId: string | null;
  actorUsername: string | null;
  actorRole: Role | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  summary: string;
  ip: string | null;
  requestId: string | null;
  keyset_sort: string;
  keyset_id: string;
}

/** A sign-in log filter with the accounts its username names, looked up once for a page or an export. */
export type ResolvedLoginEventFilter = LoginEventFilter & { accounts: string[] };

export interface NewLoginEvent {
  kind: LoginEventKind;
  method: LoginMethod | null;
  username: string | null;
  userId: string | null;
  role: Role | null;
  success: boolean;
  reason: string | null;
  ip: string;
  userAgent: string | null;
}

export interface NewOperationLog {
  actorId: string | null;
  actorUsername: string;
  actorRole: Role | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  summary: string;
  ip: string | null;
  requestId: string | null;
}

// Both logs are append-only with an identity id: newest first is id order, which the primary key serves.
export const LOGIN_EVENT_ORDER: KeysetOrder = { sort: 'e.id', sortKind: 'bigint', id: 'e.id', idKind: 'bigint', direction: 'DESC' };
export const OPERATION_LOG_ORDER: KeysetOrder = { sort: 'o.id', sortKind: 'bigint', id: 'o.id', idKind: 'bigint', direction: 'DESC' };

/** Named queries over the two append-only logs, newest first, keyset-paged on id. */
@Injectable()
export class AuditLogsRepository {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly config: AppConfig,
  ) {}

  async insertLoginEvent(event: NewLoginEvent): Promise<void> {
    await this.uow.tx.query(
      `INSERT INTO login_events (at, kind, method, username, user_id, role, ip, user_agent, success, reason)
       VALUES (clock_timestamp(), $1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [event.kind, event.method, event.username, event.userId, event.role, event.ip, event.userAgent, event.success, event.reason],
    );
  }

  async insertOperation(entry: NewOperationLog): Promise<void> {
    await this.uow.tx.query(
      `INSERT INTO operation_logs (at, actor_id, actor_username, actor_role, action, target_type, target_id, summary, ip, request_id)
       VALUES (clock_timestamp(), $1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [entry.actorId, entry.actorUsername, entry.actorRole, entry.action, entry.targetType, entry.targetId, entry.summary, entry.ip, entry.requestId],
    );
  }

  /** The accounts a sign-in log filter's username names: by username, or by the phone an SMS sign-in was filed under. */
  async findAccountIdsNamed(usernameOrPhone: string): Promise<string[]> {
    const rows = await this.uow.tx.query<{ id: string }[]>(`SELECT id FROM users WHERE lower(username) = lower($1) OR phone = $1`, [usernameOrPhone]);
    return rows.map((row) => row.id);
  }

  /** Rows after `position` (from the newest when null), at most `limit`. */
  async findLoginEvents(filter: ResolvedLoginEventFilter, position: KeysetPosition | null, limit: number): Promise<LoginEventRow[]> {
    const qb = this.loginEvents(filter)
      .leftJoin('users', 'u', 'u.id = e.user_id')
      .select([
        'e.id::text AS id',
        'e.at AS at',
        'e.kind AS kind',
        'e.method AS method',
        'e.username AS username',
        'e.user_id AS "userId"',
        'u.full_name AS "fullName"',
        // Rows written before the account was known to the event (e.g. a failed try) still name it.
        'COALESCE(e.role, u.role) AS role',
        'e.ip AS ip',
        'e.user_agent AS "userAgent"',
        'e.success AS success',
        'e.reason AS reason',
        ...keysetSelect(LOGIN_EVENT_ORDER),
      ]);
    return afterPosition(qb, LOGIN_EVENT_ORDER, position).limit(limit).getRawMany<LoginEventRow>();
  }

  /** How many rows match, counting no further than `cap` + 1 (a count of a huge log is a scan). */
  async countLoginEvents(filter: ResolvedLoginEventFilter, cap: number): Promise<number> {
    return this.countUpTo(this.loginEvents(filter), cap);
  }

  async findOperationLogs(filter: OperationLogFilter, position: KeysetPosition | null, limit: number): Promise<OperationLogRow[]> {
    const qb = this.operationLogs(filter).select([
      'o.id::text AS id',
      'o.at AS at',
      'o.actor_id AS "actorId"',
      'o.actor_username AS "actorUsername"',
      'o.actor_role AS "actorRole"',
      'o.action AS action',
      'o.target_type AS "targetType"',
      'o.target_id AS "targetId"',
      'o.summary AS summary',
      'o.ip AS ip',
      'o.request_id AS "requestId"',
      ...keysetSelect(OPERATION_LOG_ORDER),
    ]);
    return afterPosition(qb, OPERATION_LOG_ORDER, position).limit(limit).getRawMany<OperationLogRow>();
  }

  async countOperationLogs(filter: OperationLogFilter, cap: number): Promise<number> {
    return this.countUpTo(this.operationLogs(filter), cap);
  }

  private loginEvents(filter: ResolvedLoginEventFilter): SelectQueryBuilder<object> {
    const qb = this.uow.tx.createQueryBuilder().from('login_events', 'e');
    if (filter.username) {
      const { username, accounts } = filter;
      qb.andWhere(accounts.length > 0 ? '(lower(e.username) = lower(:username) OR e.user_id = ANY(:accounts))' : 'lower(e.username) = lower(:username)', {
        username,
        accounts,
      });
    }
    if (filter.kind) qb.andWhere('e.kind = :kind', { kind: filter.kind });
    if (filter.success !== undefined) qb.andWhere('e.success = :success', { success: filter.success });
    withinDays(qb, 'e.at', filter, this.config.sms.timeZone);
    return qb;
  }

  private operationLogs(filter: OperationLogFilter): SelectQueryBuilder<object> {
    const qb = this.uow.tx.createQueryBuilder().from('operation_logs', 'o');
    if (filter.actor) qb.andWhere('lower(o.actor_username) = lower(:actor)', { actor: filter.actor });
    if (filter.action) qb.andWhere('o.action = :action', { action: filter.action });
    withinDays(qb, 'o.at', filter, this.config.sms.timeZone);
    return qb;
  }

  private async countUpTo(qb: SelectQueryBuilder<object>, cap: number): Promise<number> {
    const limited = qb.select('1').limit(cap + 1);
    const [query, parameters] = limited.getQueryAndParameters();
    const [row] = await this.uow.tx.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM (${query}) matching`, parameters);
    return row.n;
  }
}
