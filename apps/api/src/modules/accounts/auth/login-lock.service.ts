import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../../config/app-config.js';
import { AppError } from '../../../common/errors/app-error.js';
import { UnitOfWork } from '../../../database/unit-of-work.js';
import { LoginLockRepository } from './login-lock.repository.js';
import { afterFailedLogin, isLocked, triesLeft, type LockPolicy, type LockState } from './login-lock.rules.js';

export function usernameKey(username: string): string {
  return username.trim().toLowerCase().slice(0, 64);
}

/** Stores the lock rule's state per username (existing or not) and applies it atomically. */
@Injectable()
export class LoginLockService {
  readonly policy: LockPolicy;

  constructor(
    private readonly uow: UnitOfWork,
    private readonly locks: LoginLockRepository,
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
    const state = await this.locks.find(usernameKey(username));
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
    const states = await this.locks.findMany(usernames.map(usernameKey));
    const now = new Date();
    return new Map([...states].filter(([, state]) => isLocked(state, now)).map(([key, state]) => [key, state.lockedUntil!]));
  }

  /** Counts one failure; concurrent failures of one username are serialised by the row lock. */
  async recordFailure(username: string): Promise<LockState> {
    const key = usernameKey(username);
    // Committed on its own: inside a caller's unit of work the refusal that follows would roll the count back.
    if (this.uow.inTransaction) throw new Error('A failed sign-in is counted in its own transaction, not inside a unit of work');
    return this.uow.run(async () => {
      const next = afterFailedLogin(await this.locks.lockForUpdate(key), new Date(), this.policy);
      await this.locks.save(key, next);
      return next;
    });
  }

  async clear(username: string): Promise<void> {
    await this.locks.delete(usernameKey(username));
  }
}
