import pg from 'pg';
import { MIGRATIONS } from './migrations/index.js';

/** The database is not set up the way the app may run on it; the message says what to do. */
export class DatabaseSetupError extends Error {}

// The trigger function that makes a table append-only (the foundation migration).
const APPEND_ONLY_FUNCTION = 'refuse_log_change';

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** The role a connection URL signs in as (as PostgreSQL sees it, whatever the URL spells). */
export function roleOf(url: string): Promise<string> {
  return withClient(url, async (client) => (await client.query<{ role: string }>('SELECT current_user AS role')).rows[0].role);
}

/**
 * Run by the schema's owner after the migrations, at every start (it is idempotent): the app's
 * role may read and write the business tables, only add to and read the append-only logs, only
 * read the migrations table, and create nothing. Tables of later migrations are covered because
 * this runs after them; logs are found by their append-only trigger, so a new log is covered too.
 */
export async function grantAppRights(ownerUrl: string, appRole: string): Promise<void> {
  await withClient(ownerUrl, async (client) => {
    const role = client.escapeIdentifier(appRole);
    const { rows: logs } = await client.query<{ table: string }>(
      `SELECT DISTINCT c.relname AS table
         FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_proc p ON p.oid = t.tgfoid
         JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND p.proname = $1`,
      [APPEND_ONLY_FUNCTION],
    );
    await client.query('BEGIN');
    await client.query(`REVOKE CREATE ON SCHEMA public FROM PUBLIC`);
    await client.query(`GRANT USAGE ON SCHEMA public TO ${role}`);
    await client.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${role}`);
    await client.query(`REVOKE TRUNCATE, REFERENCES, TRIGGER ON ALL TABLES IN SCHEMA public FROM ${role}`);
    await client.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${role}`);
    for (const { table } of logs) await client.query(`REVOKE UPDATE, DELETE ON ${client.escapeIdentifier(table)} FROM ${role}`);
    await client.query(`REVOKE INSERT, UPDATE, DELETE ON migrations FROM ${role}`);
    await client.query('COMMIT');
  });
}

/**
 * What would let the running app erase or rewrite the logs: a superuser (session_replication_role,
 * anything), the owner of a table or a member of its owner's role (ALTER TABLE … DISABLE TRIGGER,
 * DROP TRIGGER, CREATE OR REPLACE FUNCTION), or rights to change a log row.
 */
export async function leastPrivilegeProblems(appUrl: string): Promise<string[]> {
  return withClient(appUrl, async (client) => {
    const problems: string[] = [];
    const [role] = (
      await client.query<{ name: string; superuser: boolean; bypass_rls: boolean; create_role: boolean }>(
        `SELECT rolname AS name, rolsuper AS superuser, rolbypassrls AS bypass_rls, rolcreaterole AS create_role FROM pg_roles WHERE rolname = current_user`,
      )
    ).rows;
    if (role.superuser) problems.push(`the role "${role.name}" is a superuser`);
    if (role.create_role) problems.push(`the role "${role.name}" may create roles`);
    const { rows: owned } = await client.query<{ table: string }>(
      `SELECT tablename AS table FROM pg_tables WHERE schemaname = 'public' AND pg_has_role(current_user, tableowner, 'MEMBER') ORDER BY 1 LIMIT 5`,
    );
    if (owned.length > 0) problems.push(`the role "${role.name}" owns (or belongs to the owner of) ${owned.map((r) => r.table).join(', ')}`);
    const { rows: writableLogs } = await client.query<{ table: string }>(
      `SELECT DISTINCT c.relname AS table
         FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_proc p ON p.oid = t.tgfoid
        WHERE p.proname = $1
          AND (has_table_privilege(c.oid, 'UPDATE') OR has_table_privilege(c.oid, 'DELETE') OR has_table_privilege(c.oid, 'TRUNCATE'))`,
      [APPEND_ONLY_FUNCTION],
    );
    if (writableLogs.length > 0) problems.push(`the role "${role.name}" may change or delete rows of ${writableLogs.map((r) => r.table).join(', ')}`);
    return problems;
  });
}

/** Migrations not yet applied, as seen by the app's role (it reads the migrations table). */
export async function pendingMigrations(appUrl: string): Promise<string[]> {
  return withClient(appUrl, async (client) => {
    const exists = (await client.query<{ t: string | null }>(`SELECT to_regclass('public.migrations') AS t`)).rows[0].t !== null;
    const applied = exists ? new Set((await client.query<{ name: string }>('SELECT name FROM migrations')).rows.map((r) => r.name)) : new Set<string>();
    return MIGRATIONS.map((migration) => migration.name).filter((name) => !applied.has(name));
  });
}
