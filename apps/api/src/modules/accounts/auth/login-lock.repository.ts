import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '../../../database/unit-of-work.js';
import type { LockState } from './login-lock.rules.js';

/** Named queries over login_failures: one row per username key, existing account or not. */
@Injectable()
export class LoginLockRepository {
  constructor(private readonly uow: UnitOfWork) {}

  async find(key: string): Promise<LockState | null> {
    const [row] = await this.uow.tx.query<{
      failures: number;
      locked_until: Date | null;
    }[]>(`SELECT failures, locked_until FROM login_failures WHERE username_key = $1`, [key]);
    return row ? { failures: row.failures, lockedUntil: row.locked_until } : null;
  }

  async findMany(keys: string[]): Promise<Map<string, LockState>> {
    const rows = await this.uow.tx.query<{
      username_key: string;
      failures: number;
      locked_until: Date | null;
    }[]>(`SELECT username_key, failures, locked_until FROM login_failures WHERE username_key = ANY($1)`, [keys]);
    return new Map(rows.map((row) => [row.username_key, { failures: row.failures, lockedUntil: row.locked_until }]));
  }

  /**
   * The key's state, row-locked until the transaction ends (a row is made first if there is none),
   * so that concurrent failures of one username are counted one after the other. Null when the
   * key has no failures yet.
   */
  async lockForUpdate(key: string): Promise<LockState | null> {
    await this.uow.tx.query(`INSERT INTO login_failures (username_key, failures, last_failure_at) VALUES ($1, 0, now()) ON CONFLICT DO NOTHING`, [key]);
    const state = await this.uow.tx.query<{
      failures: number;
      locked_until: Date | null;
    }[]>(`SELECT failures, locked_until FROM login_failures WHERE username_key = $1 FOR UPDATE`, [key]);
    const row = state[0];
    return row.failures === 0 && !row.locked_until ? null : { failures: row.failures, lockedUntil: row.locked_until };
  }

  async save(key: string, state: LockState): Promise<void> {
    await this.uow.tx.query(`UPDATE login_failures SET failures = $2, locked_until = $3, last_failure_at = now() WHERE username_key = $1`, [
      key,
      state.failures,
      state.lockedUntil,
    ]);
  }

  async delete(key: string): Promise<void> {
    await this.uow.tx.query(`DELETE FROM login_failures WHERE username_key = $1`, [key]);
  }
}
