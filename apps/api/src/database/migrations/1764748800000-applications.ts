import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 补贴申请 (domain §5.3–§5.7, §6). An application is a row that moves through the review statuses;
 * what the applicant fills in is kept as columns, what the decision was made on (the policy version,
 * the month table, the outside systems' answers, the applying unit as it was) is fixed at submit.
 * Every save adds a version (申报历史), so that a modified or deleted draft can still be read.
 */
export class Applications1764748800000 implements MigrationInterface {
  name = 'Applications1764748800000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE applications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        -- 申报编号: given at the first submit, never reused.
        number varchar(32) UNIQUE,
        person_id uuid NOT NULL REFERENCES persons(user_id),
        status varchar(24) NOT NULL DEFAULT 'DRAFT',
        disbursement_status varchar(32) NOT NULL DEFAULT 'NONE',
        claim_type varchar(8) NOT NULL CHECK (claim_type IN ('NEW', 'RENEWAL')),
        from_month char(7),
        to_month char(7),
        -- 本科: the unit of the work history applied through; 硕士 and 博士: the registered unit.
        work_history_id uuid REFERENCES work_histories(id) ON DELETE SET NULL,
        education_certificate_number varchar(32),
        degree_certificate_number varchar(32),
        graduation_date date,
        work_start_date date,
        -- Fixed at submit.
        applying_unit_name varchar(128),
        review_unit_id uuid REFERENCES units(id),
        county_id uuid REFERENCES regions(id),
        routing_reason varchar(300),
        policy_version integer REFERENCES policy_versions(version),
        quote jsonb,
        evidence jsonb,
        version integer NOT NULL DEFAULT 1,
        deleted_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        submitted_at timestamptz,
        CHECK (from_month IS NULL OR from_month ~ '^\\d{4}-(0[1-9]|1[0-2])$'),
        CHECK (to_month IS NULL OR to_month ~ '^\\d{4}-(0[1-9]|1[0-2])$'),
        CHECK (status = 'DRAFT' OR (number IS NOT NULL AND policy_version IS NOT NULL AND review_unit_id IS NOT NULL))
      );
      CREATE INDEX applications_person_idx ON applications (person_id, created_at DESC, id);
      CREATE INDEX applications_review_queue_idx ON applications (review_unit_id, status, submitted_at, id) WHERE deleted_at IS NULL;

      -- 申报历史: every saved state of every application, read-only.
      CREATE TABLE application_versions (
        application_id uuid NOT NULL REFERENCES applications(id),
        version integer NOT NULL,
        event varchar(16) NOT NULL,
        snapshot jsonb NOT NULL,
        actor_id uuid REFERENCES users(id),
        at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (application_id, version)
      );
      CREATE TRIGGER application_versions_append_only BEFORE UPDATE OR DELETE ON application_versions
        FOR EACH ROW EXECUTE FUNCTION refuse_log_change();

      -- The sequence of 申报编号 per year and county.
      CREATE TABLE application_numbers (
        year integer NOT NULL,
        county_code varchar(32) NOT NULL,
        last integer NOT NULL,
        PRIMARY KEY (year, county_code)
      );
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE application_numbers; DROP TABLE application_versions; DROP TABLE applications`);
  }
}
