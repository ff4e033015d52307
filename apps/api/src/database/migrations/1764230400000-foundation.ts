import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Places, units, accounts, sessions, SMS codes and the append-only logs. */
export class Foundation1764230400000 implements MigrationInterface {
  name = 'Foundation1764230400000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE regions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code varchar(32) NOT NULL,
        name varchar(64) NOT NULL,
        level varchar(16) NOT NULL CHECK (level IN ('CITY', 'COUNTY')),
        parent_id uuid REFERENCES regions(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((level = 'CITY') = (parent_id IS NULL))
      );
      CREATE UNIQUE INDEX regions_code_key ON regions (lower(code));
      CREATE UNIQUE INDEX regions_single_city ON regions (level) WHERE level = 'CITY';
      CREATE UNIQUE INDEX regions_county_name_key ON regions (parent_id, name);

      CREATE TABLE units (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name varchar(128) NOT NULL,
        credit_code varchar(18),
        county_id uuid NOT NULL REFERENCES regions(id),
        is_virtual boolean NOT NULL DEFAULT false,
        status varchar(16) NOT NULL CHECK (status IN ('PENDING', 'APPROVED', 'RETURNED')),
        address varchar(256),
        contact_person varchar(64),
        contact_phone varchar(20),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (is_virtual OR credit_code IS NOT NULL)
      );
      CREATE UNIQUE INDEX units_credit_code_key ON units (credit_code) WHERE credit_code IS NOT NULL;
      CREATE UNIQUE INDEX units_one_virtual_per_county ON units (county_id) WHERE is_virtual;
      CREATE INDEX units_county_idx ON units (county_id, name, id);

      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        username varchar(32) NOT NULL,
        password_hash text NOT NULL,
        full_name varchar(64) NOT NULL,
        phone varchar(20),
        email varchar(128),
        role varchar(32) NOT NULL CHECK (role IN ('APPLICANT', 'UNIT', 'COUNTY_HRSS', 'COUNTY_ORG',
          'COUNTY_FINANCE', 'CITY_HRSS', 'CITY_ORG', 'CITY_FINANCE', 'ADMIN', 'AUDITOR')),
        status varchar(16) NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'DISABLED')),
        region_id uuid REFERENCES regions(id),
        unit_id uuid REFERENCES units(id),
        must_change_password boolean NOT NULL DEFAULT false,
        password_changed_at timestamptz,
        last_login_at timestamptz,
        last_login_ip varchar(64),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (role NOT IN ('COUNTY_HRSS', 'COUNTY_ORG', 'COUNTY_FINANCE') OR region_id IS NOT NULL),
        CHECK (role <> 'UNIT' OR unit_id IS NOT NULL)
      );
      CREATE UNIQUE INDEX users_username_key ON users (lower(username));
      CREATE UNIQUE INDEX users_phone_key ON users (phone) WHERE phone IS NOT NULL;
      CREATE INDEX users_staff_list_idx ON users (role, region_id, created_at DESC, id);

      CREATE TABLE password_history (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        password_hash text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX password_history_user_idx ON password_history (user_id, id DESC);

      CREATE TABLE sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        revoke_reason varchar(32),
        ip varchar(64),
        user_agent varchar(512),
        previous_login_at timestamptz,
        previous_login_ip varchar(64)
      );
      CREATE INDEX sessions_live_by_user_idx ON sessions (user_id) WHERE revoked_at IS NULL;

      CREATE TABLE refresh_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        session_id uuid NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        token_hash bytea NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        used_at timestamptz
      );
      CREATE INDEX refresh_tokens_session_idx ON refresh_tokens (session_id);

      CREATE TABLE login_failures (
        username_key varchar(64) PRIMARY KEY,
        failures integer NOT NULL,
        locked_until timestamptz,
        last_failure_at timestamptz NOT NULL
      );

      CREATE TABLE sms_codes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        phone varchar(20) NOT NULL,
        purpose varchar(16) NOT NULL CHECK (purpose IN ('LOGIN', 'MFA')),
        user_id uuid REFERENCES users(id) ON DELETE CASCADE,
        code_hash varchar(64) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        attempts integer NOT NULL DEFAULT 0,
        consumed_at timestamptz
      );
      CREATE INDEX sms_codes_phone_idx ON sms_codes (phone, created_at DESC);

      CREATE TABLE sms_sandbox_outbox (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        phone varchar(20) NOT NULL,
        template varchar(32) NOT NULL,
        content varchar(512) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX sms_sandbox_outbox_phone_idx ON sms_sandbox_outbox (phone, id DESC);

      CREATE TABLE login_events (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        kind varchar(24) NOT NULL,
        method varchar(16),
        username varchar(64),
        user_id uuid,
        role varchar(32),
        ip varchar(64),
        user_agent varchar(512),
        success boolean NOT NULL,
        reason varchar(64)
      );
      CREATE INDEX login_events_user_idx ON login_events (user_id, id DESC);
      CREATE INDEX login_events_username_idx ON login_events (lower(username), id DESC);
      CREATE INDEX login_events_at_idx ON login_events (at, id);

      CREATE TABLE operation_logs (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        actor_id uuid,
        actor_username varchar(32),
        actor_role varchar(32),
        action varchar(48) NOT NULL,
        target_type varchar(32),
        target_id varchar(64),
        summary varchar(512) NOT NULL,
        ip varchar(64),
        request_id varchar(64)
      );
      CREATE INDEX operation_logs_actor_idx ON operation_logs (actor_id, id DESC);
      CREATE INDEX operation_logs_action_idx ON operation_logs (action, id DESC);
      CREATE INDEX operation_logs_at_idx ON operation_logs (at, id);

      -- 等保: the logs are append-only for everyone who connects as the application.
      CREATE FUNCTION refuse_log_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END $$;
      CREATE TRIGGER login_events_append_only BEFORE UPDATE OR DELETE ON login_events
        FOR EACH ROW EXECUTE FUNCTION refuse_log_change();
      CREATE TRIGGER login_events_no_truncate BEFORE TRUNCATE ON login_events
        FOR EACH STATEMENT EXECUTE FUNCTION refuse_log_change();
      CREATE TRIGGER operation_logs_append_only BEFORE UPDATE OR DELETE ON operation_logs
        FOR EACH ROW EXECUTE FUNCTION refuse_log_change();
      CREATE TRIGGER operation_logs_no_truncate BEFORE TRUNCATE ON operation_logs
        FOR EACH STATEMENT EXECUTE FUNCTION refuse_log_change();
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TABLE operation_logs, login_events, sms_sandbox_outbox, sms_codes, login_failures,
        refresh_tokens, sessions, password_history, users, units, regions;
      DROP FUNCTION refuse_log_change();
    `);
  }
}
