import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** What the sandbox SMS provider "sent": readable by the demo UI and tests while the sandbox is on. */
@Entity('sms_sandbox_outbox')
export class SmsOutboxMessage {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id: string;

  @Column({ type: 'varchar', length: 20 })
  phone: string;

  @Column({ type: 'varchar', length: 32 })
  template: string;

  @Column({ type: 'varchar', length: 512 })
  content: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
