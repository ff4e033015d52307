import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { LoginEventKind, LoginMethod, Role } from '@butie/contracts';

/** Append-only sign-in log (a database trigger refuses UPDATE, DELETE and TRUNCATE). */
@Entity('login_events')
export class LoginEvent {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id: string;

  @Column({ type: 'timestamptz' })
  at: Date;

  @Column({ type: 'varchar', length: 24 })
  kind: LoginEventKind;

  @Column({ type: 'varchar', length: 16, nullable: true })
  method: LoginMethod | null;

  /** What was typed (username or phone), kept as typed up to 64 characters. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  username: string | null;

  @Column({ name: 'user_id', type: 'uuid', nullable: true })
  userId: string | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  role: Role | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip: string | null;

  @Column({ name: 'user_agent', type: 'varchar', length: 512, nullable: true })
  userAgent: string | null;

  @Column({ type: 'boolean' })
  success: boolean;

  @Column({ type: 'varchar', length: 64, nullable: true })
  reason: string | null;
}
