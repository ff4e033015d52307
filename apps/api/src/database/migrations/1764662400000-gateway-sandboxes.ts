import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 沙箱数据: what the sandbox social-security and degree gateways answer while they are on. The rows
 * stand in for the outside systems' records; the real providers never read them.
 */
export class GatewaySandboxes1764662400000 implements MigrationInterface {
  name = 'GatewaySandboxes1764662400000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE sandbox_social_security (
        id_number varchar(18) PRIMARY KEY,
        name varchar(50) NOT NULL,
        insured boolean NOT NULL,
        status varchar(16) CHECK (status IN ('NORMAL', 'SUSPENDED', 'TERMINATED')),
        earliest_month char(7) CHECK (earliest_month ~ '^\\d{4}-(0[1-9]|1[0-2])$'),
        contributions jsonb NOT NULL DEFAULT '[]',
        bank_name varchar(50),
        bank_account varchar(32),
        unavailable boolean NOT NULL DEFAULT false,
        case_note varchar(200) NOT NULL DEFAULT '',
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (insured OR status IS NULL)
      );
      CREATE TABLE sandbox_degrees (
        certificate_number varchar(32) PRIMARY KEY,
        id_number varchar(18) NOT NULL,
        name varchar(50) NOT NULL,
        education varchar(16) NOT NULL CHECK (education IN ('BACHELOR', 'MASTER', 'DOCTOR')),
        school varchar(100) NOT NULL,
        major varchar(100) NOT NULL,
        graduation_date date NOT NULL,
        unavailable boolean NOT NULL DEFAULT false,
        case_note varchar(200) NOT NULL DEFAULT '',
        updated_at timestamptz NOT NULL DEFAULT now()
      );
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE sandbox_degrees; DROP TABLE sandbox_social_security`);
  }
}
