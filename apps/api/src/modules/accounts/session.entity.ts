import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One signed-in session: the family of its rotating refresh tokens. */
@Entity('sessions')
export class Session {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  /** Bumped (at most once a minute) by authenticated requests; drives the idle timeout. */
  @Column({ name: 'last_seen_at', type: 'timestamptz' })
  lastSeenAt: Date;

  /** Absolute end of the session whatever the activity. */
  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @Column({ name: 'revoke_reason', type: 'varchar', length: 32, nullable: true })
  revokeReason: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip: string | null;

  @Column({ name: 'user_agent', type: 'varchar', length: 512, nullable: true })
  userAgent: string | null;

  /** The account's sign-in before this session, shown to the user (上次登录). */
  @Column({ name: 'previous_login_at', type: 'timestamptz', nullable: true })
  previousLoginAt: Date | null;

  @Column({ name: 'previous_login_ip', type: 'varchar', length: 64, nullable: true })
  previousLoginIp: string | null;
}
