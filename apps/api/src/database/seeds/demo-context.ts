import type { EntityManager } from 'typeorm';
import type { Role, TrailSubject } from '@butie/contracts';

/** Who made a move of the trail, as the API records it. */
export interface DemoActor {
  id: string;
  role: Role;
  name: string;
}

/** An account the demo seed creates, with the demo password (hashed once for all). */
export interface DemoAccount {
  username: string;
  fullName: string;
  role: Role;
  phone: string | null;
  email?: string | null;
  regionId: string | null;
  unitId?: string | null;
}

/**
 * What every part of the demo seed writes through: the one unit of work's transaction (`tx`), the
 * counties by code, and the account writer. The demo data tells a story of past weeks, so rows
 * carry times in the past: `daysAgo` below is a number of days before now (fractions for hours),
 * which SQL turns into a timestamp with `agoSql(n)` (n: the number of its parameter).
 */
export interface DemoSeedContext {
  readonly tx: EntityManager;
  readonly countyIds: ReadonlyMap<string, string>;
  addAccount(account: DemoAccount): Promise<string>;
}

/** `now()` minus the days of parameter `$n` (a float), for the timestamps of the demo's past. */
export function agoSql(parameter: number): string {
  return `now() - $${parameter}::float8 * interval '1 day'`;
}

export interface DemoTrailMove {
  subject: TrailSubject;
  subjectId: string;
  action: string;
  from: string | null;
  to: string;
  actor: DemoActor;
  opinion?: string | null;
  daysAgo: number;
}

/**
 * A row of the status trail as GuardedTransitions writes it, but at a time in the past: the
 * trail is append-only (a trigger refuses UPDATE), so a move cannot be written now and dated
 * back later — which is why the seed does not go through StatusTrailRepository.append.
 */
export async function appendDemoTrail(tx: EntityManager, move: DemoTrailMove): Promise<void> {
  await tx.query(
    `INSERT INTO status_trail (subject, subject_id, action, from_status, to_status, actor_id, actor_role, actor_name, opinion, at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, ${agoSql(10)})`,
    [move.subject, move.subjectId, move.action, move.from, move.to, move.actor.id, move.actor.role, move.actor.name, move.opinion ?? null, move.daysAgo],
  );
}
