import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, SelectQueryBuilder } from 'typeorm';
import type { LoginEventView } from '@butie/contracts';
import { AppConfig } from '../../config/app-config.js';
import type { LoginEventFilter, OperationLogFilter } from './audit.dto.js';
import { LoginEvent } from './login-event.entity.js';
import { OperationLog } from './operation-log.entity.js';

/** A sign-in log row with the account's current name and role (when the account is known). */
export type LoginEventRow = Omit<LoginEventView, 'at'> & { at: Date };

/** A sign-in log filter with the accounts its username names, looked up once for a page or an export. */
export type ResolvedLoginEventFilter = LoginEventFilter & { accounts: string[] };

/** Named queries over the two append-only logs, newest first, keyset-paged on id. */
@Injectable()
export class AuditLogsRepository {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly config: AppConfig,
  ) {}

  /**
   * The filter as the queries take it: what was typed for the username (a username or, for older
   * SMS sign-ins, a phone) and the accounts it names, so that every sign-in of such an account is
   * found whatever was typed for it. Resolved first, so that the log query can use its user_id
   * index (an IN (SELECT) under OR cannot).
   */
  async resolveLoginEventFilter(filter: LoginEventFilter): Promise<ResolvedLoginEventFilter> {
    if (!filter.username) return { ...filter, accounts: [] };
    const rows = (await this.db.query(`SELECT id FROM users WHERE lower(username) = lower($1) OR phone = $1`, [filter.username])) as { id: string }[];
    return { ...filter, accounts: rows.map((row) => row.id) };
  }

  /** Rows older than `beforeId` (all when null), at most `limit`. */
  async findLoginEvents(filter: ResolvedLoginEventFilter, beforeId: string | null, limit: number): Promise<LoginEventRow[]> {
    const qb = this.loginEvents(filter);
    qb.leftJoin('users', 'u', 'u.id = e.user_id')
      .select([
        'e.id AS id',
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
      ])
      .orderBy('e.id', 'DESC')
      .limit(limit);
    if (beforeId) qb.andWhere('e.id < :beforeId', { beforeId });
    const rows = await qb.getRawMany<LoginEventRow & { id: string | number }>();
    return rows.map((row) => ({ ...row, id: String(row.id) }));
  }

  /** How many rows match, counting no further than `cap` + 1 (a count of a huge log is a scan). */
  async countLoginEvents(filter: ResolvedLoginEventFilter, cap: number): Promise<number> {
    return this.countUpTo(this.loginEvents(filter), cap);
  }

  async findOperationLogs(filter: OperationLogFilter, beforeId: string | null, limit: number): Promise<OperationLog[]> {
    const qb = this.operationLogs(filter).orderBy('o.id', 'DESC').limit(limit);
    if (beforeId) qb.andWhere('o.id < :beforeId', { beforeId });
    return qb.getMany();
  }

  async countOperationLogs(filter: OperationLogFilter, cap: number): Promise<number> {
    return this.countUpTo(this.operationLogs(filter), cap);
  }

  private loginEvents(filter: ResolvedLoginEventFilter): SelectQueryBuilder<LoginEvent> {
    const qb = this.db.getRepository(LoginEvent).createQueryBuilder('e');
    if (filter.username) {
      const { username, accounts } = filter;
      qb.andWhere(accounts.length > 0 ? '(lower(e.username) = lower(:username) OR e.user_id = ANY(:accounts))' : 'lower(e.username) = lower(:username)', {
        username,
        accounts,
      });
    }
    if (filter.kind) qb.andWhere('e.kind = :kind', { kind: filter.kind });
    if (filter.success !== undefined) qb.andWhere('e.success = :success', { success: filter.success });
    this.dateRange(qb, 'e.at', filter);
    return qb;
  }

  private operationLogs(filter: OperationLogFilter): SelectQueryBuilder<OperationLog> {
    const qb = this.db.getRepository(OperationLog).createQueryBuilder('o');
    if (filter.actor) qb.andWhere('lower(o.actor_username) = lower(:actor)', { actor: filter.actor });
    if (filter.action) qb.andWhere('o.action = :action', { action: filter.action });
    this.dateRange(qb, 'o.at', filter);
    return qb;
  }

  /** Whole calendar days in the business time zone, both ends included. */
  private dateRange(qb: SelectQueryBuilder<object>, column: string, filter: { from?: string; to?: string }): void {
    const tz = this.config.sms.timeZone;
    if (filter.from) qb.andWhere(`${column} >= (CAST(:from AS date)::timestamp AT TIME ZONE :tz)`, { from: filter.from, tz });
    if (filter.to) qb.andWhere(`${column} < ((CAST(:to AS date) + 1)::timestamp AT TIME ZONE :tz)`, { to: filter.to, tz });
  }

  private async countUpTo(qb: SelectQueryBuilder<object>, cap: number): Promise<number> {
    const limited = qb.select('1').limit(cap + 1);
    const [query, parameters] = limited.getQueryAndParameters();
    const [row] = (await this.db.query(`SELECT count(*)::int AS n FROM (${query}) matching`, parameters)) as { n: number }[];
    return row.n;
  }
}
