import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The SMS sandbox is read by the ticket of each message, never by phone; codes for a change of
 * phone number.
 */
export class Hardening1764316800000 implements MigrationInterface {
  name = 'Hardening1764316800000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      DELETE FROM sms_sandbox_outbox;
      DROP INDEX sms_sandbox_outbox_phone_idx;
      ALTER TABLE sms_sandbox_outbox ADD COLUMN ticket varchar(32) NOT NULL;
      CREATE UNIQUE INDEX sms_sandbox_outbox_ticket_key ON sms_sandbox_outbox (ticket);
      CREATE INDEX sms_sandbox_outbox_latest_idx ON sms_sandbox_outbox (phone, template, id DESC);
      ALTER TABLE sms_sandbox_outbox ALTER COLUMN created_at SET DEFAULT now();

      ALTER TABLE sms_codes DROP CONSTRAINT sms_codes_purpose_check;
      ALTER TABLE sms_codes ADD CONSTRAINT sms_codes_purpose_check CHECK (purpose IN ('LOGIN', 'MFA', 'PHONE_CHANGE'));
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DELETE FROM sms_codes WHERE purpose = 'PHONE_CHANGE';
      ALTER TABLE sms_codes DROP CONSTRAINT sms_codes_purpose_check;
      ALTER TABLE sms_codes ADD CONSTRAINT sms_codes_purpose_check CHECK (purpose IN ('LOGIN', 'MFA'));
      DROP INDEX sms_sandbox_outbox_latest_idx;
      DROP INDEX sms_sandbox_outbox_ticket_key;
      ALTER TABLE sms_sandbox_outbox DROP COLUMN ticket;
      CREATE INDEX sms_sandbox_outbox_phone_idx ON sms_sandbox_outbox (phone, id DESC);
    `);
  }
}
