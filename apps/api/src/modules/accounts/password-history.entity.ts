import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Hashes of an account's recent passwords, current one included, for the "not one of the last 3" rule. */
@Entity('password_history')
export class PasswordHistory {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ name: 'password_hash', type: 'text' })
  passwordHash: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
