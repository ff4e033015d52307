import type { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { LOG_EXPORT_MAX_ROWS, LOG_TOTAL_CAP, type LoginEventKind, type LoginMethod, type OperationAction, type Role } from '@butie/contracts';
import { AppConfig } from '../../config/app-config.js';
import type { AuthUser, ClientInfo } from '../../common/auth/auth-user.js';
import { decodeIdCursor } from '../../common/http/cursor.js';
import { AuditLogsRepository } from './audit-logs.repository.js';
import { LoginEvent } from './login-event.entity.js';
import { OperationLog } from './operation-log.entity.js';
import {
  assertDateOrder,
  mapLoginEvent,
  mapOperationLog,
  pageOf,
  type LoginEventFilter,
  type LoginEventPage,
  type LoginEventQuery,
  type OperationLogFilter,
  type OperationLogPage,
  type OperationLogQuery,
} from './audit.dto.js';
import { LOGIN_EVENT_COLUMNS, loginEventFilterText, OPERATION_LOG_COLUMNS, operationFilterText } from './log-export-columns.js';
import { attachmentHeader, streamXlsx, wallClockIn, type XlsxColumn } from './xlsx-export.js';

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
    private readonly logs: AuditLogsRepository,
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
    assertDateOrder(query);
    const limit = query.limit ?? 20;
    const filter = await this.logs.resolveLoginEventFilter(query);
    const [rows, counted] = await Promise.all([
      this.logs.findLoginEvents(filter, decodeIdCursor(query.cursor), limit + 1),
      this.logs.countLoginEvents(filter, LOG_TOTAL_CAP),
    ]);
    return { ...pageOf(rows.map(mapLoginEvent), limit), ...totalOf(counted) };
  }

  async listOperations(query: OperationLogQuery): Promise<OperationLogPage> {
    assertDateOrder(query);
    const limit = query.limit ?? 20;
    const [rows, counted] = await Promise.all([
      this.logs.findOperationLogs(query, decodeIdCursor(query.cursor), limit + 1),
      this.logs.countOperationLogs(query, LOG_TOTAL_CAP),
    ]);
    return { ...pageOf(rows.map(mapOperationLog), limit), ...totalOf(counted) };
  }

  /** The sign-in log as an .xlsx file for the auditor, with the page's filters. */
  async exportLoginEvents(filter: LoginEventFilter, actor: AuthUser, client: ClientInfo): Promise<LogExportFile> {
    assertDateOrder(filter);
    const resolved = await this.logs.resolveLoginEventFilter(filter);
    const batches = await this.batches((before, limit) => this.logs.findLoginEvents(resolved, before, limit));
    await this.recordExport(actor, client, '登录日志', loginEventFilterText(filter));
    return this.file('登录日志', 'login-events', actor, loginEventFilterText(filter), LOGIN_EVENT_COLUMNS, batches);
  }

  /** The operation log as an .xlsx file for the auditor, with the page's filters. */
  async exportOperations(filter: OperationLogFilter, actor: AuthUser, client: ClientInfo): Promise<LogExportFile> {
    assertDateOrder(filter);
    const batches = await this.batches((before, limit) => this.logs.findOperationLogs(filter, before, limit));
    await this.recordExport(actor, client, '操作日志', operationFilterText(filter));
    return this.file('操作日志', 'operation-logs', actor, operationFilterText(filter), OPERATION_LOG_COLUMNS, batches);
  }

  /** A file of the logs leaves the system with people's names and addresses in it: who took it, and which. */
  private async recordExport(actor: AuthUser, client: ClientInfo, title: string, filterText: string): Promise<void> {
    await this.recordOperation(actor, client, { action: 'LOG_EXPORT', targetType: 'LOG', targetId: null, summary: `导出${title}（筛选：${filterText}）`.slice(0, 512) });
  }

  /**
   * Keyset batches, newest first, up to one row past the export's limit (to tell a cut file). The
   * first batch is read before the file starts, so that an outage still answers with a problem.
   */
  private async batches<T extends { id: string }>(find: (before: string | null, limit: number) => Promise<T[]>): Promise<AsyncIterable<T[]>> {
    const first = await find(null, Math.min(EXPORT_BATCH, LOG_EXPORT_MAX_ROWS + 1));
    async function* rest(): AsyncGenerator<T[]> {
      let batch = first;
      let read = batch.length;
      yield batch;
      while (batch.length === EXPORT_BATCH && read <= LOG_EXPORT_MAX_ROWS) {
        batch = await find(batch[batch.length - 1].id, Math.min(EXPORT_BATCH, LOG_EXPORT_MAX_ROWS + 1 - read));
        read += batch.length;
        yield batch;
      }
    }
    return rest();
  }

  private file<T>(title: string, asciiName: string, actor: AuthUser, filterText: string, columns: XlsxColumn<T>[], batches: AsyncIterable<T[]>): LogExportFile {
    const now = new Date();
    const timeZone = this.config.sms.timeZone;
    const wallClock = wallClockIn(timeZone)(now).toISOString().slice(0, 19).replace('T', ' ');
    return {
      disposition: attachmentHeader(title, asciiName, now, timeZone),
      stream: streamXlsx({
        title,
        columns,
        batches,
        maxRows: LOG_EXPORT_MAX_ROWS,
        timeZone,
        about: [
          ['导出内容', title],
          ['筛选条件', filterText],
          ['导出时间', `${wallClock}（${timeZone}）`],
          ['导出人', actor.username],
        ],
      }),
    };
  }
}

const EXPORT_BATCH = 1000;

export interface LogExportFile {
  disposition: string;
  stream: Readable;
}

function totalOf(counted: number): { total: number; totalCapped: boolean } {
  return counted > LOG_TOTAL_CAP ? { total: LOG_TOTAL_CAP, totalCapped: true } : { total: counted, totalCapped: false };
}
