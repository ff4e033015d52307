import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type SmsCodePurpose = 'LOGIN' | 'MFA' | 'PHONE_CHANGE';

/**
 * A verification code sent (or asked for) to a phone. Asked-for codes of unknown phones are kept
 * too (userId null, nothing sent), so that the send limits treat every phone alike.
 */
@Entity('sms_codes')
export class SmsCode {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 20 })
  phone: string;

  @Column({ type: 'varchar', length: 16 })
  purpose: SmsCodePurpose;

  @Column({ name: 'user_id', type: 'uuid', nullable: true })
  userId: string | null;

  @Column({ name: 'code_hash', type: 'varchar', length: 64 })
  codeHash: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ name: 'consumed_at', type: 'timestamptz', nullable: true })
  consumedAt: Date | null;
}
