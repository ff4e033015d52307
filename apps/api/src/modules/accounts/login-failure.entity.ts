import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Consecutive failed sign-ins per username, kept whether or not the username exists so that the
 * lock (and its 423) cannot be used to find out which usernames are real.
 */
@Entity('login_failures')
export class LoginFailure {
  @PrimaryColumn({ name: 'username_key', type: 'varchar', length: 64 })
  usernameKey: string;

  @Column({ type: 'integer' })
  failures: number;

  @Column({ name: 'locked_until', type: 'timestamptz', nullable: true })
  lockedUntil: Date | null;

  @Column({ name: 'last_failure_at', type: 'timestamptz' })
  lastFailureAt: Date;
}
