import { DEFAULT_SUBSIDY_POLICY } from '@butie/contracts';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 政策参数 as versions: each change adds a whole policy under the next number, and an application
 * keeps the number it was computed with, so a version is never changed or removed (append-only, like
 * the logs: the application's role may only add and read). Version 1 is the domain's defaults, as
 * they stand when a database is created.
 */
export class Policy1764576000000 implements MigrationInterface {
  name = 'Policy1764576000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE policy_versions (
        version integer PRIMARY KEY CHECK (version > 0),
        params jsonb NOT NULL,
        note varchar(500) NOT NULL,
        changed_by uuid REFERENCES users (id),
        changed_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TRIGGER policy_versions_append_only BEFORE UPDATE OR DELETE ON policy_versions
        FOR EACH ROW EXECUTE FUNCTION refuse_log_change();
      CREATE TRIGGER policy_versions_no_truncate BEFORE TRUNCATE ON policy_versions
        FOR EACH STATEMENT EXECUTE FUNCTION refuse_log_change();
    `);
    await db.query(`INSERT INTO policy_versions (version, params, note) VALUES (1, $1, '政策默认值')`, [JSON.stringify(DEFAULT_SUBSIDY_POLICY)]);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE policy_versions`);
  }
}
