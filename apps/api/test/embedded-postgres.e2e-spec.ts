import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { EmbeddedPostgresError, isAlive, startEmbeddedPostgres } from '../src/database/embedded-postgres.js';

async function postmasterPid(dir: string): Promise<number> {
  return Number.parseInt((await readFile(path.join(dir, 'postmaster.pid'), 'utf8')).split('\n')[0], 10);
}

async function query(url: string, sql: string): Promise<unknown[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

/** The PostgreSQL the app starts for itself when DATABASE_URL is not set. */
describe('the embedded PostgreSQL', () => {
  let folder: string;
  let dir: string;
  const port = 46000 + Math.floor(Math.random() * 3000);

  beforeAll(async () => {
    folder = await mkdtemp(path.join(os.tmpdir(), 'butie-embedded-'));
    dir = path.join(folder, 'data', 'postgres');
  });

  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('keeps its data across a stop and a start, and leaves no server process behind', async () => {
    const first = await startEmbeddedPostgres({ dir, port, database: 'butietong' });
    const pid = await postmasterPid(dir);
    await query(first.url, 'CREATE TABLE kept (value text); INSERT INTO kept VALUES ($$still here$$)');
    await first.stop();
    expect(isAlive(pid)).toBe(false);

    const second = await startEmbeddedPostgres({ dir, port, database: 'butietong' });
    try {
      expect(await query(second.url, 'SELECT value FROM kept')).toEqual([{ value: 'still here' }]);
    } finally {
      await second.stop();
    }
  });

  it('runs as the postgres user, which owns the data folder, when started as root', async () => {
    if (process.getuid?.() !== 0) {
      // Not root: the server runs as the current user, who owns the folder.
      expect((await stat(dir)).uid).toBe(process.getuid?.());
      return;
    }
    const postgresUid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    expect((await stat(dir)).uid).toBe(postgresUid);
    const handle = await startEmbeddedPostgres({ dir, port, database: 'butietong' });
    try {
      const owner = execFileSync('ps', ['-o', 'user=', '-p', String(await postmasterPid(dir))], { encoding: 'utf8' }).trim();
      expect(owner).toBe('postgres');
    } finally {
      await handle.stop();
    }
  });

  it('refuses a second start on a folder that another running app serves, and says so', async () => {
    const handle = await startEmbeddedPostgres({ dir, port, database: 'butietong' });
    const lockPath = `${dir}.lock.json`;
    const lock = JSON.parse(await readFile(lockPath, 'utf8'));
    // Pretend the server belongs to another live app (this test's parent process).
    await writeFile(lockPath, JSON.stringify({ ...lock, appPid: process.ppid }));
    try {
      const attempt = startEmbeddedPostgres({ dir, port: port + 1, database: 'butietong' });
      await expect(attempt).rejects.toBeInstanceOf(EmbeddedPostgresError);
      await expect(startEmbeddedPostgres({ dir, port: port + 1, database: 'butietong' })).rejects.toThrow(/already running/);
      // Nothing was harmed: the running server still answers.
      expect(await query(handle.url, 'SELECT 1 AS ok')).toEqual([{ ok: 1 }]);
    } finally {
      await writeFile(lockPath, JSON.stringify(lock));
      await handle.stop();
    }
  });

  it('stops a server orphaned by an app that was killed, then starts normally', async () => {
    const orphan = await startEmbeddedPostgres({ dir, port, database: 'butietong' });
    const orphanPid = await postmasterPid(dir);
    const lockPath = `${dir}.lock.json`;
    // A dead app pid: the app that started this server is gone.
    await writeFile(lockPath, JSON.stringify({ appPid: 2 ** 22 + 17, port, startedAt: new Date().toISOString() }));
    const fresh = await startEmbeddedPostgres({ dir, port, database: 'butietong' });
    try {
      expect(isAlive(orphanPid)).toBe(false);
      expect(await query(fresh.url, 'SELECT value FROM kept')).toEqual([{ value: 'still here' }]);
    } finally {
      await fresh.stop();
      await orphan.stop();
    }
  });
});
