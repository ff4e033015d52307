import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A registration proves its phone with an SMS code (purpose REGISTRATION), and an ID number is held
 * by a registration only once it was reported to the unit (PENDING) or approved: a draft nobody
 * reviews must not lock the real holder of the number out (the outside review's squatting finding).
 */
export class RegistrationProof1764489600000 implements MigrationInterface {
  name = 'RegistrationProof1764489600000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE sms_codes DROP CONSTRAINT sms_codes_purpose_check;
      ALTER TABLE sms_codes ADD CONSTRAINT sms_codes_purpose_check CHECK (purpose IN ('LOGIN', 'MFA', 'PHONE_CHANGE', 'PASSWORD_RESET', 'REGISTRATION'));

      DROP INDEX persons_id_number_key;
      CREATE UNIQUE INDEX persons_id_number_key ON persons (upper(id_number)) WHERE registration_status IN ('PENDING', 'APPROVED');
      CREATE INDEX persons_id_number_idx ON persons (upper(id_number));
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP INDEX persons_id_number_idx;
      DROP INDEX persons_id_number_key;
      CREATE UNIQUE INDEX persons_id_number_key ON persons (upper(id_number));
      DELETE FROM sms_codes WHERE purpose = 'REGISTRATION';
      ALTER TABLE sms_codes DROP CONSTRAINT sms_codes_purpose_check;
      ALTER TABLE sms_codes ADD CONSTRAINT sms_codes_purpose_check CHECK (purpose IN ('LOGIN', 'MFA', 'PHONE_CHANGE', 'PASSWORD_RESET'));
    `);
  }
}
