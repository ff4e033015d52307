import type { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { LOG_EXPORT_MAX_ROWS, LOG_TOTAL_CAP, type LoginEventKind, type LoginMethod, type OperationAction, type Role } from '@butie/contracts';
import { assertDayOrder } from '../../common/validation/calendar-day.js';
import { AppConfig } from '../../config/app-config.js';
import type { AuthUser, ClientInfo } from '../../common/auth/auth-user.js';
import { decodeCursor, positionOfRow, toPage, type KeysetPosition } from '../../common/paging/keyset.js';
import { AuditLogsRepository, LOGIN_EVENT_ORDER, OPERATION_LOG_ORDER, type ResolvedLoginEventFilter } from './audit-logs.repository.js';
import {
  mapLoginEvent,
  mapOperationLog,
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

/** Who did it: a signed-in user, or an account acting without a session (a password reset by SMS code). */
export type OperationActor = Pick<AuthUser, 'id' | 'username' | 'role'>;

/**
 * The sign-in and operation logs: written by every module, read only by the auditor. A record
 * written inside a unit of work commits or rolls back with the change it describes.
 */
@Injectable()
export class AuditService {
  constructor(
    private readonly config: AppConfig,
    private readonly logs: AuditLogsRepository,
  ) {}

  async recordLogin(event: LoginEventRecord, client: ClientInfo): Promise<void> {
    await this.logs.insertLoginEvent({ ...event, username: event.username?.slice(0, 64) ?? null, ip: client.ip, userAgent: client.userAgent });
  }

  async recordOperation(actor: OperationActor, client: ClientInfo, record: OperationRecord): Promise<void> {
    await this.logs.insertOperation({
      ...record,
      actorId: actor.id,
      actorUsername: actor.username,
      actorRole: actor.role,
      ip: client.ip,
      requestId: client.requestId,
    });
  }

  async listLoginEvents(query: LoginEventQuery): Promise<LoginEventPage> {
    assertDayOrder(query);
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const position = decodeCursor(LOGIN_EVENT_ORDER, query.cursor);
    const filter = await this.resolve(query);
    const [rows, counted] = await Promise.all([this.logs.findLoginEvents(filter, position, limit + 1), this.logs.countLoginEvents(filter, LOG_TOTAL_CAP)]);
    return { ...toPage(rows, limit, positionOfRow, mapLoginEvent), ...totalOf(counted) };
  }

  async listOperations(query: OperationLogQuery): Promise<OperationLogPage> {
    assertDayOrder(query);
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const position = decodeCursor(OPERATION_LOG_ORDER, query.cursor);
    const [rows, counted] = await Promise.all([this.logs.findOperationLogs(query, position, limit + 1), this.logs.countOperationLogs(query, LOG_TOTAL_CAP)]);
    return { ...toPage(rows, limit, positionOfRow, mapOperationLog), ...totalOf(counted) };
  }

  /** The sign-in log as an .xlsx file for the auditor, with the page's filters. */
  async exportLoginEvents(filter: LoginEventFilter, actor: AuthUser, client: ClientInfo): Promise<LogExportFile> {
    assertDayOrder(filter);
    const resolved = await this.resolve(filter);
    const batches = await this.batches((before, limit) => this.logs.findLoginEvents(resolved, before, limit));
    await this.recordExport(actor, client, '登录日志', loginEventFilterText(filter));
    return this.file('登录日志', 'login-events', actor, loginEventFilterText(filter), LOGIN_EVENT_COLUMNS, batches);
  }

  /** The operation log as an .xlsx file for the auditor, with the page's filters. */
  async exportOperations(filter: OperationLogFilter, actor: AuthUser, client: ClientInfo): Promise<LogExportFile> {
    assertDayOrder(filter);
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
  private async batches<T extends { keyset_sort: string; keyset_id: string }>(
    find: (after: KeysetPosition | null, limit: number) => Promise<T[]>,
  ): Promise<AsyncIterable<T[]>> {
    const first = await find(null, Math.min(EXPORT_BATCH, LOG_EXPORT_MAX_ROWS + 1));
    async function* rest(): AsyncGenerator<T[]> {
      let batch = first;
      let read = batch.length;
      yield batch;
      while (batch.length === EXPORT_BATCH && read <= LOG_EXPORT_MAX_ROWS) {
        batch = await find(positionOfRow(batch[batch.length - 1]), Math.min(EXPORT_BATCH, LOG_EXPORT_MAX_ROWS + 1 - read));
        read += batch.length;
        yield batch;
      }
    }
    return rest();
  }

  /**
   * The filter with the accounts its username names (a username or, for older SMS sign-ins, a
   * phone), looked up first so that the log query can use its user_id index (an IN (SELECT) under
   * OR cannot), and every sign-in of such an account is found whatever was typed for it.
   */
  private async resolve(filter: LoginEventFilter): Promise<ResolvedLoginEventFilter> {
    return { ...filter, accounts: filter.username ? await this.logs.findAccountIdsNamed(filter.username) : [] };
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
const DEFAULT_PAGE_SIZE = 20;

export interface LogExportFile {
  disposition: string;
  stream: Readable;
}

function totalOf(counted: number): { total: number; totalCapped: boolean } {
  return counted > LOG_TOTAL_CAP ? { total: LOG_TOTAL_CAP, totalCapped: true } : { total: counted, totalCapped: false };
}
