import { Injectable } from '@nestjs/common';
import type { Role, TrailSubject } from '@butie/contracts';
import { UnitOfWork } from '../../database/unit-of-work.js';

export interface TrailRow {
  action: string;
  from_status: string | null;
  to_status: string;
  actor_name: string;
  actor_role: Role;
  opinion: string | null;
  at: Date;
}

export interface TrailEntry {
  subject: TrailSubject;
  subjectId: string;
  action: string;
  fromStatus: string | null;
  toStatus: string;
  actor: { id: string; role: Role; fullName: string };
  opinion: string | null;
}

/** The append-only history of status moves (流程状态): who, role, when, from, to, decision, opinion. */
@Injectable()
export class StatusTrailRepository {
  constructor(private readonly uow: UnitOfWork) {}

  async append(entry: TrailEntry): Promise<void> {
    await this.uow.tx.query(
      `INSERT INTO status_trail (subject, subject_id, action, from_status, to_status, actor_id, actor_role, actor_name, opinion)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [entry.subject, entry.subjectId, entry.action, entry.fromStatus, entry.toStatus, entry.actor.id, entry.actor.role, entry.actor.fullName, entry.opinion],
    );
  }

  async findForSubject(subject: TrailSubject, subjectId: string): Promise<TrailRow[]> {
    return this.uow.tx.query<TrailRow[]>(
      `SELECT action, from_status, to_status, actor_name, actor_role, opinion, at
         FROM status_trail WHERE subject = $1 AND subject_id = $2 ORDER BY id`,
      [subject, subjectId],
    );
  }
}
