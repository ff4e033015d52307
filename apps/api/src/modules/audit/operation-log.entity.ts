import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Role } from '@butie/contracts';

/** Append-only operation log (操作日志); like the sign-in log, no API and no UPDATE can change it. */
@Entity('operation_logs')
export class OperationLog {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id: string;

  @Column({ type: 'timestamptz' })
  at: Date;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ name: 'actor_username', type: 'varchar', length: 32, nullable: true })
  actorUsername: string | null;

  @Column({ name: 'actor_role', type: 'varchar', length: 32, nullable: true })
  actorRole: Role | null;

  @Column({ type: 'varchar', length: 48 })
  action: string;

  @Column({ name: 'target_type', type: 'varchar', length: 32, nullable: true })
  targetType: string | null;

  @Column({ name: 'target_id', type: 'varchar', length: 64, nullable: true })
  targetId: string | null;

  @Column({ type: 'varchar', length: 512 })
  summary: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip: string | null;

  @Column({ name: 'request_id', type: 'varchar', length: 64, nullable: true })
  requestId: string | null;
}
