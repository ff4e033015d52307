import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Registration of units and persons (domain §3), proof materials, work history (§5.2), and the
 * append-only status trail every business module writes its moves to.
 */
export class Registration1764403200000 implements MigrationInterface {
  name = 'Registration1764403200000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      -- Units: the review of a registration. The queue of a county is keyset-paged by submission.
      ALTER TABLE units
        ADD COLUMN review_opinion varchar(500),
        ADD COLUMN submitted_at timestamptz NOT NULL DEFAULT now(),
        ADD COLUMN reviewed_at timestamptz;
      CREATE INDEX units_review_queue_idx ON units (county_id, submitted_at DESC, id);
      CREATE INDEX units_list_idx ON units (created_at DESC, id);
      -- The public picker: approved units by name (prefix and contains; pg_trgm is not assumed).
      CREATE INDEX units_picker_idx ON units (name, id) WHERE status = 'APPROVED';

      -- A person (个人) registered under a unit: one row per applicant account.
      CREATE TABLE persons (
        user_id uuid PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
        id_type varchar(32) NOT NULL CHECK (id_type IN ('RESIDENT_ID', 'HK_MACAO_RESIDENCE_PERMIT', 'TAIWAN_RESIDENCE_PERMIT',
          'HK_MACAO_PASS', 'TAIWAN_PASS', 'FOREIGNER_PERMANENT_ID', 'PASSPORT')),
        id_number varchar(32) NOT NULL,
        birth_date date NOT NULL,
        gender varchar(8) NOT NULL CHECK (gender IN ('MALE', 'FEMALE')),
        school varchar(128) NOT NULL,
        major varchar(128) NOT NULL,
        education varchar(16) NOT NULL CHECK (education IN ('BACHELOR', 'MASTER', 'DOCTOR')),
        degree varchar(16) NOT NULL CHECK (degree IN ('BACHELOR', 'MASTER', 'DOCTOR')),
        ethnicity varchar(16) NOT NULL,
        self_employed boolean NOT NULL DEFAULT false,
        unit_id uuid NOT NULL REFERENCES units(id),
        registration_status varchar(16) NOT NULL DEFAULT 'DRAFT'
          CHECK (registration_status IN ('DRAFT', 'PENDING', 'APPROVED', 'RETURNED')),
        review_opinion varchar(500),
        submitted_at timestamptz,
        reviewed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      -- One account per person, whatever the letter case of the X check character.
      CREATE UNIQUE INDEX persons_id_number_key ON persons (upper(id_number));
      CREATE INDEX persons_unit_queue_idx ON persons (unit_id, submitted_at DESC, user_id);

      -- Proof materials. The file itself sits in the storage driver under storage_key; the name is
      -- only displayed, never used as a path.
      CREATE TABLE attachments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        owner_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        kind varchar(32) NOT NULL CHECK (kind IN ('ID_CARD', 'DEGREE_CERTIFICATE', 'EDUCATION_CERTIFICATE', 'EDUCATION_RECORD',
          'LABOUR_CONTRACT', 'EMPLOYMENT_PROOF', 'OTHER')),
        file_name varchar(255) NOT NULL,
        media_type varchar(32) NOT NULL CHECK (media_type IN ('application/pdf', 'image/jpeg', 'image/png')),
        size_bytes bigint NOT NULL CHECK (size_bytes > 0),
        sha256 char(64) NOT NULL,
        storage_key varchar(128) NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX attachments_owner_idx ON attachments (owner_id, created_at DESC, id);

      -- 工作经历 (domain §5.2): a unit from the picker or a typed name, always with its county.
      CREATE TABLE work_histories (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        person_id uuid NOT NULL REFERENCES persons(user_id) ON DELETE CASCADE,
        unit_id uuid REFERENCES units(id),
        unit_name varchar(128) NOT NULL,
        county_id uuid NOT NULL REFERENCES regions(id),
        start_date date NOT NULL,
        end_date date,
        contract_start date NOT NULL,
        contract_end date,
        contract_open_ended boolean NOT NULL DEFAULT false,
        contract_attachment_id uuid REFERENCES attachments(id),
        proof_attachment_id uuid REFERENCES attachments(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (end_date IS NULL OR end_date >= start_date),
        CHECK (contract_open_ended = (contract_end IS NULL)),
        CHECK (contract_end IS NULL OR contract_end >= contract_start)
      );
      CREATE INDEX work_histories_person_idx ON work_histories (person_id, start_date DESC, id);
      CREATE INDEX work_histories_contract_idx ON work_histories (contract_attachment_id) WHERE contract_attachment_id IS NOT NULL;
      CREATE INDEX work_histories_proof_idx ON work_histories (proof_attachment_id) WHERE proof_attachment_id IS NOT NULL;

      -- Every status move of every subject (流程状态): append-only like the logs.
      CREATE TABLE status_trail (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        subject varchar(32) NOT NULL,
        subject_id uuid NOT NULL,
        action varchar(32) NOT NULL,
        from_status varchar(32),
        to_status varchar(32) NOT NULL,
        actor_id uuid,
        actor_role varchar(32) NOT NULL,
        actor_name varchar(64) NOT NULL,
        opinion varchar(500),
        at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX status_trail_subject_idx ON status_trail (subject, subject_id, id);
      CREATE TRIGGER status_trail_append_only BEFORE UPDATE OR DELETE ON status_trail
        FOR EACH ROW EXECUTE FUNCTION refuse_log_change();
      CREATE TRIGGER status_trail_no_truncate BEFORE TRUNCATE ON status_trail
        FOR EACH STATEMENT EXECUTE FUNCTION refuse_log_change();

      ALTER TABLE sms_codes DROP CONSTRAINT sms_codes_purpose_check;
      ALTER TABLE sms_codes ADD CONSTRAINT sms_codes_purpose_check CHECK (purpose IN ('LOGIN', 'MFA', 'PHONE_CHANGE', 'PASSWORD_RESET'));
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DELETE FROM sms_codes WHERE purpose = 'PASSWORD_RESET';
      ALTER TABLE sms_codes DROP CONSTRAINT sms_codes_purpose_check;
      ALTER TABLE sms_codes ADD CONSTRAINT sms_codes_purpose_check CHECK (purpose IN ('LOGIN', 'MFA', 'PHONE_CHANGE'));
      DROP TABLE status_trail, work_histories, attachments, persons;
      DROP INDEX units_picker_idx, units_list_idx, units_review_queue_idx;
      ALTER TABLE units DROP COLUMN review_opinion, DROP COLUMN submitted_at, DROP COLUMN reviewed_at;
    `);
  }
}
