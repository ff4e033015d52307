import { Injectable } from '@nestjs/common';
import {
  findTransition,
  OPINION_MAX_LENGTH,
  permissionsOf,
  ROLE_LABELS,
  statusesAllowing,
  type TrailEntryView,
  type TrailSubject,
  type TransitionTable,
} from '@butie/contracts';
import type { AuthUser, ClientInfo } from '../auth/auth-user.js';
import { AuditService } from '../../modules/audit/audit.service.js';
import { permissionRefusal } from '../auth/permission-refusal.js';
import { AppError } from '../errors/app-error.js';
import { UnitOfWork } from '../../database/unit-of-work.js';
import { StatusTrailRepository, type TrailRow } from './status-trail.repository.js';

/** Where a subject keeps its status: fixed names from code, never from a request. */
export interface StatusHolder<S extends string> {
  subject: TrailSubject;
  table: string;
  idColumn: string;
  statusColumn: string;
  /** Chinese name of the record and its statuses and actions, for refusals and the operation log. */
  what: string;
  labels: Record<S, string>;
  actionLabels: Record<string, string>;
}

export interface TransitionRequest<S extends string, A extends string> {
  holder: StatusHolder<S>;
  table: TransitionTable<S, A>;
  id: string;
  /** The status the caller read (and checked the data scope on). */
  from: S;
  action: A;
  actor: AuthUser;
  /** Where the request came from: every move is also written to the operation log (操作日志). */
  client: ClientInfo;
  opinion?: string | null;
  /** Further columns written by the same UPDATE (fixed names; values as parameters). */
  set?: Record<string, unknown>;
}

/**
 * A guarded transition: the status table decides whether the move is allowed, then one
 * `UPDATE … WHERE id = $1 AND status = $2 RETURNING …` and the trail row commit together. Of two
 * reviewers acting at once, exactly one UPDATE finds the expected status; the other is told
 * STATUS_CHANGED (409) with the status the record has now.
 */
@Injectable()
export class GuardedTransitions {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly trail: StatusTrailRepository,
    private readonly audit: AuditService,
  ) {}

  async apply<S extends string, A extends string>(request: TransitionRequest<S, A>): Promise<S> {
    const { holder, table, from, action, actor } = request;
    const row = findTransition(table, from, action);
    if (!row) {
      const allowed = statusesAllowing(table, action).map((status) => holder.labels[status]);
      throw new AppError(
        'TRANSITION_NOT_ALLOWED',
        `该${holder.what}当前状态为「${holder.labels[from]}」，不能执行此操作${allowed.length ? `（仅「${[...new Set(allowed)].join('」「')}」状态可以）` : ''}`,
        { extensions: { currentStatus: from } },
      );
    }
    if (!permissionsOf(actor).includes(row.permission)) throw permissionRefusal(actor, row.permission);
    const opinion = request.opinion?.trim() || null;
    if (row.opinionRequired && !opinion) {
      throw new AppError('VALIDATION_FAILED', '退回须填写审核意见（一次性告知全部问题）', { fields: [{ field: 'opinion', message: '请填写审核意见' }] });
    }
    if (opinion && opinion.length > OPINION_MAX_LENGTH) {
      throw new AppError('VALIDATION_FAILED', `审核意见最多 ${OPINION_MAX_LENGTH} 字`, { fields: [{ field: 'opinion', message: `最多 ${OPINION_MAX_LENGTH} 字` }] });
    }

    return this.uow.run(async () => {
      const extra = Object.entries(request.set ?? {});
      const assignments = [`${holder.statusColumn} = $3`, ...extra.map(([column], i) => `${column} = $${i + 4}`)];
      // TypeORM answers an UPDATE with [rows, rowCount].
      const [[updated]] = await this.uow.tx.query<[{ status: S }[], number]>(
        `UPDATE ${holder.table} SET ${assignments.join(', ')} WHERE ${holder.idColumn} = $1 AND ${holder.statusColumn} = $2 RETURNING ${holder.statusColumn} AS status`,
        [request.id, from, row.to, ...extra.map(([, value]) => value)],
      );
      if (!updated) {
        const [current] = await this.uow.tx.query<{ status: S }[]>(
          `SELECT ${holder.statusColumn} AS status FROM ${holder.table} WHERE ${holder.idColumn} = $1`,
          [request.id],
        );
        const now = current ? holder.labels[current.status] : '已删除';
        throw new AppError('STATUS_CHANGED', `该${holder.what}已被他人处理，当前状态为「${now}」，请刷新后查看`, {
          extensions: { currentStatus: current?.status ?? null },
        });
      }
      await this.trail.append({
        subject: holder.subject,
        subjectId: request.id,
        action,
        fromStatus: from,
        toStatus: row.to,
        actor: { id: actor.id, role: actor.role, fullName: actor.fullName },
        opinion,
      });
      // The auditor's view of the same decision, in the same transaction (the trail is the record's).
      await this.audit.recordOperation(actor, request.client, {
        action: 'STATUS_TRANSITION',
        targetType: holder.subject,
        targetId: request.id,
        summary: `${holder.what}：${holder.actionLabels[action] ?? action}（${holder.labels[from]} → ${holder.labels[row.to]}）${opinion ? `，意见：${opinion}` : ''}`.slice(0, 512),
      });
      return row.to;
    });
  }
}

/** A trail row as the SPA's timeline shows it. */
export function mapTrailEntry(row: TrailRow, actionLabels: Record<string, string>): TrailEntryView {
  return {
    action: row.action,
    actionLabel: actionLabels[row.action] ?? row.action,
    fromStatus: row.from_status,
    toStatus: row.to_status,
    actor: { name: row.actor_name, role: row.actor_role, roleLabel: ROLE_LABELS[row.actor_role] },
    opinion: row.opinion,
    at: row.at.toISOString(),
  };
}
