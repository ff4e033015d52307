import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { RegistrationStatus } from '@butie/contracts';

/** An employer (单位) in one county; each county also has exactly one virtual unit (domain §2). */
@Entity('units')
export class Unit {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 128 })
  name: string;

  /** 统一社会信用代码; a virtual unit has none. */
  @Column({ name: 'credit_code', type: 'varchar', length: 18, nullable: true })
  creditCode: string | null;

  @Column({ name: 'county_id', type: 'uuid' })
  countyId: string;

  @Column({ name: 'is_virtual', type: 'boolean', default: false })
  isVirtual: boolean;

  @Column({ type: 'varchar', length: 16 })
  status: RegistrationStatus;

  @Column({ type: 'varchar', length: 256, nullable: true })
  address: string | null;

  @Column({ name: 'contact_person', type: 'varchar', length: 64, nullable: true })
  contactPerson: string | null;

  @Column({ name: 'contact_phone', type: 'varchar', length: 20, nullable: true })
  contactPhone: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
