import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import pg from 'pg';
import { appUrlOf, TEST_ENV, withDatabase } from './support/test-env.js';

const CLI = path.resolve(process.cwd(), 'dist/cli.js');

function runCli(args: string[], env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) => resolve({ code, output }));
  });
}

async function admin<T>(sql: string): Promise<T> {
  const client = new pg.Client({ connectionString: process.env.BUTIE_TEST_SERVER_URL });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T;
  } finally {
    await client.end();
  }
}

/** A real deployment starts from an empty database: `cli.js bootstrap` makes the city, an administrator and an auditor. */
describe('bootstrap of an empty database (DEMO_DATA off)', () => {
  const database = `butie_boot_${randomBytes(5).toString('hex')}`;
  let env: Record<string, string>;

  beforeAll(async () => {
    if (!existsSync(CLI)) throw new Error(`${CLI} is missing: build the API first (npm run build)`);
    await admin(`CREATE DATABASE ${database}`);
    // As in production: the owner migrates, the app runs as its own role.
    env = { ...TEST_ENV, DATABASE_OWNER_URL: withDatabase(process.env.BUTIE_TEST_SERVER_URL!, database), DATABASE_URL: appUrlOf(database) };
  });

  afterAll(async () => {
    await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  });

  it('creates the city, admin and auditor with one-time passwords, once; refuses a second time', async () => {
    const first = await runCli(['bootstrap', '--city-code', 'testcity', '--city-name', '测试市', '--admin-phone', '13911112222'], env);
    expect(first.code).toBe(0);
    const password = (role: string) => first.output.match(new RegExp(`${role}\\s+\\S+\\s+(\\S{12})`))?.[1];
    expect(password('ADMIN')).toBeDefined();
    expect(password('AUDITOR')).toBeDefined();

    const client = new pg.Client({ connectionString: env.DATABASE_OWNER_URL });
    await client.connect();
    try {
      const users = (await client.query(`SELECT username, role, must_change_password, phone FROM users ORDER BY username`)).rows;
      expect(users).toEqual([
        { username: 'admin', role: 'ADMIN', must_change_password: true, phone: '13911112222' },
        { username: 'auditor', role: 'AUDITOR', must_change_password: true, phone: null },
      ]);
      expect((await client.query(`SELECT code, name, level FROM regions`)).rows).toEqual([{ code: 'testcity', name: '测试市', level: 'CITY' }]);
    } finally {
      await client.end();
    }

    const again = await runCli(['bootstrap', '--city-code', 'other', '--city-name', '别的市'], env);
    expect(again.code).toBe(1);
    expect(again.output).toContain('已初始化');
  }, 120_000);

  it('unlock lifts the sign-in lock of the administrator, whom nobody else may unlock, and logs it', async () => {
    const client = new pg.Client({ connectionString: env.DATABASE_OWNER_URL });
    await client.connect();
    try {
      await client.query(`INSERT INTO login_failures (username_key, failures, locked_until, last_failure_at) VALUES ('admin', 5, now() + interval '15 minutes', now())`);
      // As an operator runs it: none of the server's SMS settings are needed for a command.
      const plain = { ...env, SMS_PROVIDER: '', ALLOW_SANDBOX_OUTSIDE_DEMO: '', STAFF_SMS_2FA: '' };
      const result = await runCli(['unlock', 'admin'], plain);
      expect(result.code).toBe(0);
      expect(result.output).toContain('admin is unlocked');
      expect((await client.query(`SELECT 1 FROM login_failures WHERE username_key = 'admin'`)).rowCount).toBe(0);
      const [log] = (await client.query(`SELECT action, actor_username, summary FROM operation_logs ORDER BY id DESC LIMIT 1`)).rows;
      expect(log).toMatchObject({ action: 'STAFF_UNLOCK', actor_username: 'cli', summary: expect.stringContaining('admin') });
      expect((await runCli(['unlock', 'admin'], plain)).output).toContain('admin is not locked');
    } finally {
      await client.end();
    }
  }, 120_000);

  it('refuses bad arguments with the usage', async () => {
    const result = await runCli(['bootstrap', '--city-code', 'Bad Code', '--city-name', '测试市'], env);
    expect(result.code).toBe(1);
    expect(result.output).toContain('usage: node apps/api/dist/cli.js bootstrap');
  });
});
