import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createRootLogger } from '../src/common/logging/logger.js';
import { loadConfig } from '../src/config/app-config.js';
import { DatabaseSetupError, leastPrivilegeProblems } from '../src/database/app-role.js';
import { connectDatabase } from '../src/database/connect.js';
import { MIGRATIONS } from '../src/database/migrations/index.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { appUrlOf, TEST_ENV, withDatabase, withRole } from './support/test-env.js';

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const serverUrl = () => process.env.BUTIE_TEST_SERVER_URL!;
const admin = (sql: string) => withClient(serverUrl(), (client) => client.query(sql));

/** The error PostgreSQL gives `sql` run as the app's role, or null if it ran. */
async function refusal(url: string, sql: string): Promise<string | null> {
  return withClient(url, async (client) => {
    try {
      await client.query(sql);
      return null;
    } catch (error) {
      return (error as Error).message;
    }
  });
}

describe('the running app’s database role cannot erase or rewrite the logs (finding 7)', () => {
  let t: TestApp;
  let appUrl: string;
  let row: { id: string; username: string; success: boolean };
  beforeAll(async () => {
    t = await startTestApp();
    appUrl = t.config.database.url!;
    await t.http().post('/api/v1/auth/login').send({ username: 'admin', password: 'Wrong#2026x' });
    row = (await t.db.query<(typeof row)[]>(`SELECT id, username, success FROM login_events ORDER BY id DESC LIMIT 1`))[0];
  });
  afterAll(async () => {
    await t.close();
  });

  const stillThere = async () =>
    withClient(t.ownerUrl, async (client) => (await client.query(`SELECT id, username, success FROM login_events WHERE id = $1`, [row.id])).rows[0]);

  it('is no superuser and owns no table', async () => {
    expect(await leastPrivilegeProblems(appUrl)).toEqual([]);
    const [role] = await t.db.query<{ rolsuper: boolean }[]>(`SELECT rolsuper FROM pg_roles WHERE rolname = current_user`);
    expect(role.rolsuper).toBe(false);
  });

  it.each([
    ['SET session_replication_role = replica (triggers off for the session)', 'SET session_replication_role = replica', /permission denied/],
    ['ALTER TABLE … DISABLE TRIGGER', 'ALTER TABLE login_events DISABLE TRIGGER login_events_append_only', /must be owner/],
    ['DROP TRIGGER', 'DROP TRIGGER login_events_append_only ON login_events', /must be owner/],
    [
      'CREATE OR REPLACE FUNCTION of the trigger function',
      `CREATE OR REPLACE FUNCTION refuse_log_change() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$`,
      /must be owner|permission denied/,
    ],
    ['a function of its own in the schema', `CREATE FUNCTION public.mine() RETURNS int LANGUAGE sql AS 'SELECT 1'`, /permission denied/],
  ])('refuses %s', async (_what, sql, message) => {
    expect(await refusal(appUrl, sql)).toMatch(message);
    expect(await stillThere()).toEqual(row);
  });

  it.each([
    ['UPDATE of the sign-in log', `UPDATE login_events SET success = true WHERE id = ${'$ID'}`],
    ['DELETE from the sign-in log', `DELETE FROM login_events WHERE id = ${'$ID'}`],
    ['TRUNCATE of the sign-in log', 'TRUNCATE login_events'],
    ['UPDATE of the operation log', 'UPDATE operation_logs SET summary = $$x$$'],
  ])('refuses a plain %s (no privilege: the trigger is not even asked)', async (_what, sql) => {
    expect(await refusal(appUrl, sql.replace('$ID', row.id))).toMatch(/permission denied/);
    expect(await stillThere()).toEqual(row);
  });

  it('may still add to the logs and read them, and work on the business tables', async () => {
    expect(await refusal(appUrl, `INSERT INTO operation_logs (action, summary) VALUES ('PROFILE_UPDATE', 'test')`)).toBeNull();
    expect(await refusal(appUrl, `UPDATE users SET updated_at = updated_at WHERE username = 'admin'`)).toBeNull();
  });
});

describe('the app refuses to start on a database role that could erase the logs', () => {
  const config = (env: Record<string, string>) => loadConfig({ ...TEST_ENV, ...env });
  const logger = createRootLogger('silent');

  it('refuses a superuser DATABASE_URL, saying why and what to do', async () => {
    const database = `butie_roles_${randomBytes(4).toString('hex')}`;
    await admin(`CREATE DATABASE ${database}`);
    try {
      const url = withDatabase(serverUrl(), database);
      const attempt = connectDatabase(config({ DATABASE_URL: url, DATABASE_OWNER_URL: url }), logger);
      await expect(attempt).rejects.toBeInstanceOf(DatabaseSetupError);
      await expect(connectDatabase(config({ DATABASE_URL: url, DATABASE_OWNER_URL: url }), logger)).rejects.toThrow(/is a superuser/);
    } finally {
      await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    }
  });

  it('refuses a role that owns a table', async () => {
    const database = `butie_roles_${randomBytes(4).toString('hex')}`;
    const owner = `butie_owner_${randomBytes(4).toString('hex')}`;
    const password = randomBytes(12).toString('hex');
    await admin(`CREATE DATABASE ${database}`);
    await admin(`CREATE ROLE ${owner} LOGIN PASSWORD '${password}'`);
    try {
      const ownerUrl = withDatabase(serverUrl(), database);
      await withClient(ownerUrl, (client) => client.query(`CREATE TABLE regions (id int); ALTER TABLE regions OWNER TO ${owner}`));
      expect((await leastPrivilegeProblems(withRole(ownerUrl, owner, password))).join()).toMatch(/owns \(or belongs to the owner of\) regions/);
    } finally {
      await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await admin(`DROP ROLE IF EXISTS ${owner}`);
    }
  });

  it('refuses a database whose migrations were not applied, when no owner is given to apply them', async () => {
    const database = `butie_roles_${randomBytes(4).toString('hex')}`;
    await admin(`CREATE DATABASE ${database}`);
    try {
      await expect(connectDatabase(config({ DATABASE_URL: appUrlOf(database) }), logger)).rejects.toThrow(new RegExp(`lacks ${MIGRATIONS.length} migration\\(s\\).*DATABASE_OWNER_URL`, 's'));
    } finally {
      await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    }
  });

  it('with DATABASE_OWNER_URL: migrates as the owner, grants the app role its rights, and starts', async () => {
    const database = `butie_roles_${randomBytes(4).toString('hex')}`;
    await admin(`CREATE DATABASE ${database}`);
    try {
      const appUrl = appUrlOf(database);
      const connected = await connectDatabase(config({ DATABASE_URL: appUrl, DATABASE_OWNER_URL: withDatabase(serverUrl(), database) }), logger);
      expect(connected.url).toBe(appUrl);
      expect(await leastPrivilegeProblems(appUrl)).toEqual([]);
      expect(await refusal(appUrl, `INSERT INTO login_events (kind, success) VALUES ('LOGIN', false)`)).toBeNull();
      expect(await refusal(appUrl, `DELETE FROM login_events`)).toMatch(/permission denied/);
      // A second start finds nothing to migrate and grants again without harm.
      await connectDatabase(config({ DATABASE_URL: appUrl, DATABASE_OWNER_URL: withDatabase(serverUrl(), database) }), logger);
    } finally {
      await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    }
  });
});
