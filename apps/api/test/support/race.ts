import pg from 'pg';
import type { Response } from 'supertest';
import type { TestApp } from './test-app.js';

/**
 * Runs requests so that they really race: writes to `table` are held (LOCK … IN SHARE MODE lets
 * reads through) until every request waits on that lock, i.e. each has passed its own checks and
 * is about to write. Then the lock goes and the writes meet at the database's unique indexes.
 */
export async function raceAtTheDatabase(t: TestApp, table: string, requests: (() => PromiseLike<Response>)[]): Promise<Response[]> {
  // As the owner: the app's role may not take this lock on the append-only tables (it only adds to them).
  const locker = new pg.Client({ connectionString: t.ownerUrl });
  await locker.connect();
  try {
    await locker.query('BEGIN');
    await locker.query(`LOCK TABLE ${table} IN SHARE MODE`);
    const pending = Promise.all(requests.map(async (request) => request()));
    // pg_locks is read live (pg_stat_activity would be a snapshot taken once per transaction).
    const deadline = Date.now() + 4000;
    for (;;) {
      const { rows } = await locker.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_locks WHERE relation = $1::regclass AND NOT granted`, [table]);
      if (rows[0].n >= requests.length) break;
      if (Date.now() > deadline) throw new Error(`only ${rows[0].n} of ${requests.length} requests reached the write on ${table}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await locker.query('COMMIT');
    return await pending;
  } finally {
    await locker.end();
  }
}
