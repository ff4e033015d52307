import type { TestApp } from '../test-app.js';
import { TEST_PASSWORD } from '../test-env.js';
import type { RoleSessions } from './sessions.js';
import type { KnownKind, KnownValues } from './values.js';

const MAX_POOL = 500;

/**
 * The values behind Known: real ids and texts of the demo data (every role's, so that a caller
 * also names other people's records), the demo password, and what answers reveal as fuzzing goes
 * (new ids, cursors). Refresh tokens are the live ones of the signed-in roles.
 */
export class KnownPool {
  private readonly pools: Record<Exclude<KnownKind, 'refreshToken'>, string[]> = { id: [], text: [], password: [TEST_PASSWORD], cursor: [] };

  private constructor(private readonly sessions: RoleSessions) {}

  static async load(t: TestApp, sessions: RoleSessions): Promise<KnownPool> {
    const pool = new KnownPool(sessions);
    const ids = await t.db.query<{ value: string }[]>(`SELECT id::text AS value FROM users UNION ALL SELECT id::text FROM units UNION ALL SELECT id::text FROM regions`);
    const texts = await t.db.query<{ value: string | null }[]>(`
      SELECT username AS value FROM users UNION ALL SELECT phone FROM users UNION ALL SELECT email FROM users
      UNION ALL SELECT code FROM regions UNION ALL SELECT name FROM regions
      UNION ALL SELECT name FROM units UNION ALL SELECT credit_code FROM units`);
    for (const { value } of ids) pool.add('id', value);
    for (const { value } of texts) if (value) pool.add('text', value);
    return pool;
  }

  add(kind: KnownKind, value: string): void {
    if (kind === 'refreshToken') return;
    const pool = this.pools[kind];
    if (pool.length < MAX_POOL && !pool.includes(value)) pool.push(value);
  }

  readonly values: KnownValues = (kind) => (kind === 'refreshToken' ? this.sessions.refreshTokens() : this.pools[kind]);
}
