import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AppConfig } from '../../config/app-config.js';
import { AppError } from '../../common/errors/app-error.js';
import { afterFailedLogin, isLocked, triesLeft, type LockPolicy, type LockState } from './login-lock.rules.js';

export function usernameKey(username: string): string {
  return username.trim().toLowerCase().slice(0, 64);
}

/** Stores the lock rule's state per username (existing or not) and applies it atomically. */
@Injectable()
export class LoginLockService {
  readonly policy: LockPolicy;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly config: AppConfig,
  ) {
    this.policy = { maxFailures: config.auth.maxFailedLogins, lockMinutes: config.auth.lockMinutes };
  }

  /** 423 with the end of the lock, in the business time zone, and Retry-After. */
  lockedError(lockedUntil: Date): AppError {
    const at = lockedUntil.toLocaleTimeString('zh-CN', { timeZone: this.config.sms.timeZone, hour: '2-digit', minute: '2-digit' });
    return new AppError(
      'ACCOUNT_LOCKED',
      `连续 ${this.policy.maxFailures} 次密码错误，账号已锁定 ${this.policy.lockMinutes} 分钟，将于 ${at} 解锁`,
      { extensions: { lockedUntil: lockedUntil.toISOString() }, retryAfter: (lockedUntil.getTime() - Date.now()) / 1000 },
    );
  }

  async lockedUntil(username: string): Promise<Date | null> {
    const [row] = (await this.db.query(`SELECT failures, locked_until FROM login_failures WHERE username_key = $1`, [usernameKey(username)])) as {
      failures: number;
      locked_until: Date | null;
    }[];
    const state: LockState | null = row ? { failures: row.failures, lockedUntil: row.locked_until } : null;
    return isLocked(state, new Date()) ? state!.lockedUntil : null;
  }

  /** One more wrong password: ACCOUNT_LOCKED when it is the one that locks the username, else the tries left. */
  async countFailure(username: string): Promise<number> {
    const state = await this.recordFailure(username);
    if (state.lockedUntil) throw this.lockedError(state.lockedUntil);
    return triesLeft(state, this.policy);
  }

  /** The running locks of several usernames in one query (a page of accounts), keyed by usernameKey(). */
  async lockedUntilOf(usernames: string[]): Promise<Map<string, Date>> {
    if (usernames.length === 0) return new Map();
    const rows = (await this.db.query(`SELECT username_key, failures, locked_until FROM login_failures WHERE username_key = ANY($1)`, [
      usernames.map(usernameKey),
    ])) as { username_key: string; failures: number; locked_until: Date | null }[];
    const now = new Date();
    return new Map(
      rows.filter((row) => isLocked({ failures: row.failures, lockedUntil: row.locked_until }, now)).map((row) => [row.username_key, row.locked_until!]),
    );
  }

  /** Counts one failure; concurrent failures of one username are serialised by the row lock. */
  async recordFailure(username: string): Promise<LockState> {
    const key = usernameKey(username);
    return this.db.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO login_failures (username_key, failures, last_failure_at) VALUES ($1, 0, now()) ON CONFLICT DO NOTHING`,
        [key],
      );
      const [row] = (await manager.query(`SELECT failures, locked_until FROM login_failures WHERE username_key = $1 FOR UPDATE`, [key])) as {
        failures: number;
        locked_until: Date | null;
      }[];
      const previous: LockState | null = row.failures === 0 && !row.locked_until ? null : { failures: row.failures, lockedUntil: row.locked_until };
      const next = afterFailedLogin(previous, new Date(), this.policy);
      await manager.query(`UPDATE login_failures SET failures = $2, locked_until = $3, last_failure_at = now() WHERE username_key = $1`, [
        key,
        next.failures,
        next.lockedUntil,
      ]);
      return next;
    });
  }

  async clear(username: string): Promise<void> {
    await this.db.query(`DELETE FROM login_failures WHERE username_key = $1`, [usernameKey(username)]);
  }
}
