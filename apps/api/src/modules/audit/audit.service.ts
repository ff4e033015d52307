import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { LoginEventKind, LoginMethod, OperationAction, Role } from '@butie/contracts';
import { AppConfig } from '../../config/app-config.js';
import type { AuthUser, ClientInfo } from '../../common/auth/auth-user.js';
import { decodeIdCursor } from '../../common/http/cursor.js';
import { LoginEvent } from './login-event.entity.js';
import { OperationLog } from './operation-log.entity.js';
import {
  mapLoginEvent,
  mapOperationLog,
  pageOf,
  type LoginEventPage,
  type LoginEventQuery,
  type OperationLogPage,
  type OperationLogQuery,
} from './audit.dto.js';

export interface LoginEventRecord {
  kind: LoginEventKind;
  method: LoginMethod | null;
  username: string | null;
  userId: string | null;
  role: Role | null;
  success: boolean;
  reason: string | null;
}

export interface OperationRecord {
  action: OperationAction;
  targetType: string | null;
  targetId: string | null;
  summary: string;
}

/** The sign-in and operation logs: written by every module, read only by the auditor. */
@Injectable()
export class AuditService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly config: AppConfig,
  ) {}

  async recordLogin(event: LoginEventRecord, client: ClientInfo, manager: EntityManager = this.db.manager): Promise<void> {
    await manager.getRepository(LoginEvent).insert({
      ...event,
      username: event.username?.slice(0, 64) ?? null,
      at: new Date(),
      ip: client.ip,
      userAgent: client.userAgent,
    });
  }

  async recordOperation(actor: AuthUser, client: ClientInfo, record: OperationRecord, manager: EntityManager = this.db.manager): Promise<void> {
    await manager.getRepository(OperationLog).insert({
      ...record,
      at: new Date(),
      actorId: actor.id,
      actorUsername: actor.username,
      actorRole: actor.role,
      ip: client.ip,
      requestId: client.requestId,
    });
  }

  async listLoginEvents(query: LoginEventQuery): Promise<LoginEventPage> {
    const limit = query.limit ?? 20;
    const qb = this.db
      .getRepository(LoginEvent)
      .createQueryBuilder('e')
      .leftJoin('users', 'u', 'u.id = e.user_id')
      .select(['e.id', 'e.at', 'e.kind', 'e.method', 'e.username', 'e.userId', 'e.role', 'e.ip', 'e.userAgent', 'e.success', 'e.reason'])
      .addSelect('u.full_name', 'full_name')
      .orderBy('e.id', 'DESC')
      .limit(limit + 1);
    const cursor = decodeIdCursor(query.cursor);
    if (cursor) qb.andWhere('e.id < :cursor', { cursor });
    if (query.username) qb.andWhere('lower(e.username) = lower(:username)', { username: query.username });
    if (query.kind) qb.andWhere('e.kind = :kind', { kind: query.kind });
    if (query.success !== undefined) qb.andWhere('e.success = :success', { success: query.success });
    this.dateRange(qb, 'e.at', query.from, query.to);
    const { entities, raw } = await qb.getRawAndEntities();
    const rows = entities.map((entity, index) => ({ ...entity, fullName: (raw[index] as { full_name: string | null }).full_name }));
    const page = pageOf(rows, limit);
    return { items: page.items.map(mapLoginEvent), nextCursor: page.nextCursor };
  }

  async listOperations(query: OperationLogQuery): Promise<OperationLogPage> {
    const limit = query.limit ?? 20;
    const qb = this.db.getRepository(OperationLog).createQueryBuilder('o').orderBy('o.id', 'DESC').limit(limit + 1);
    const cursor = decodeIdCursor(query.cursor);
    if (cursor) qb.andWhere('o.id < :cursor', { cursor });
    if (query.actor) qb.andWhere('lower(o.actor_username) = lower(:actor)', { actor: query.actor });
    if (query.action) qb.andWhere('o.action = :action', { action: query.action });
    this.dateRange(qb, 'o.at', query.from, query.to);
    const page = pageOf(await qb.getMany(), limit);
    return { items: page.items.map(mapOperationLog), nextCursor: page.nextCursor };
  }

  /** Whole calendar days in the business time zone, both ends included. */
  private dateRange(qb: { andWhere(sql: string, params: object): unknown }, column: string, from?: string, to?: string) {
    const tz = this.config.sms.timeZone;
    if (from) qb.andWhere(`${column} >= (CAST(:from AS date)::timestamp AT TIME ZONE :tz)`, { from, tz });
    if (to) qb.andWhere(`${column} < ((CAST(:to AS date) + 1)::timestamp AT TIME ZONE :tz)`, { to, tz });
  }
}
