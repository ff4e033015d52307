import fc from 'fast-check';
import { afterFailedLogin, isLocked, triesLeft, type LockPolicy, type LockState } from './login-lock.rules.js';

// Domain §4: 5 consecutive failures lock the account for 15 minutes.
const policy: LockPolicy = { maxFailures: 5, lockMinutes: 15 };
const start = new Date('2026-03-02T08:00:00.000Z');
const minutes = (n: number) => new Date(start.getTime() + n * 60_000);

function failTimes(count: number, at: Date, from: LockState | null = null, p: LockPolicy = policy): LockState | null {
  let state = from;
  for (let i = 0; i < count; i++) state = afterFailedLogin(state, at, p);
  return state;
}

describe('login lock (domain §4)', () => {
  it('does not lock after 4 consecutive failures and reports one try left', () => {
    const state = failTimes(4, start)!;
    expect(isLocked(state, start)).toBe(false);
    expect(state.failures).toBe(4);
    expect(triesLeft(state, policy)).toBe(1);
  });

  it('locks the account for 15 minutes after 5 consecutive failures', () => {
    const state = failTimes(5, start)!;
    expect(state.lockedUntil).toEqual(minutes(15));
    expect(isLocked(state, start)).toBe(true);
    expect(isLocked(state, new Date(minutes(15).getTime() - 1))).toBe(true);
    expect(triesLeft(state, policy)).toBe(0);
  });

  it('unlocks exactly when the 15 minutes have run out', () => {
    const state = failTimes(5, start)!;
    expect(isLocked(state, minutes(15))).toBe(false);
    expect(isLocked(state, minutes(16))).toBe(false);
  });

  it('treats an account with no failure record as unlocked', () => {
    expect(isLocked(null, start)).toBe(false);
  });

  it('starts counting from one again for a failure after the lock has run out', () => {
    const locked = failTimes(5, start);
    const after = afterFailedLogin(locked, minutes(20), policy);
    expect(after).toEqual({ failures: 1, lockedUntil: null });
    expect(isLocked(after, minutes(20))).toBe(false);
  });

  it('a success resets the count: the failure after it counts as the first again', () => {
    // A success deletes the stored state (LoginLockService.clear), i.e. the rule sees null again.
    const fourFailures = failTimes(4, start);
    expect(isLocked(afterFailedLogin(fourFailures, minutes(1), policy), minutes(1))).toBe(true);
    const afterSuccess: LockState | null = null;
    const next = afterFailedLogin(afterSuccess, minutes(1), policy);
    expect(next).toEqual({ failures: 1, lockedUntil: null });
    expect(isLocked(failTimes(3, minutes(1), next), minutes(1))).toBe(false);
  });

  it('follows the configured policy rather than fixed numbers', () => {
    const strict: LockPolicy = { maxFailures: 3, lockMinutes: 60 };
    const state = failTimes(3, start, null, strict)!;
    expect(state.lockedUntil).toEqual(minutes(60));
    expect(isLocked(state, minutes(59))).toBe(true);
  });

  it('is never locked before maxFailures consecutive failures and always locked right after', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 1, max: 1440 }),
        fc.array(fc.integer({ min: 0, max: 30_000 }), { minLength: 1, maxLength: 25 }),
        (maxFailures, lockMinutes, gapsMs) => {
          // Failures spaced by less than a minute: within any lock, so the count only grows.
          const p = { maxFailures, lockMinutes };
          let state: LockState | null = null;
          let now = start.getTime();
          for (let i = 0; i < Math.min(gapsMs.length, maxFailures); i++) {
            now += gapsMs[i];
            state = afterFailedLogin(state, new Date(now), p);
            const consecutive = i + 1;
            if (consecutive < maxFailures) {
              if (isLocked(state, new Date(now))) return false;
            } else {
              if (!isLocked(state, new Date(now))) return false;
              if (state.lockedUntil!.getTime() !== now + lockMinutes * 60_000) return false;
            }
          }
          return true;
        },
      ),
    );
  });
});
