/**
 * Account lock of domain §4: after `maxFailures` consecutive failed sign-ins the username is
 * locked for `lockMinutes`; a success clears the count; a failure after a lock has run out starts
 * counting again from one.
 */
export interface LockPolicy {
  maxFailures: number;
  lockMinutes: number;
}

export interface LockState {
  failures: number;
  lockedUntil: Date | null;
}

export function isLocked(state: LockState | null, now: Date): boolean {
  return state?.lockedUntil != null && state.lockedUntil.getTime() > now.getTime();
}

export function afterFailedLogin(state: LockState | null, now: Date, policy: LockPolicy): LockState {
  const lockRanOut = state?.lockedUntil != null && state.lockedUntil.getTime() <= now.getTime();
  const failures = !state || lockRanOut ? 1 : state.failures + 1;
  if (failures >= policy.maxFailures) {
    return { failures, lockedUntil: new Date(now.getTime() + policy.lockMinutes * 60_000) };
  }
  return { failures, lockedUntil: null };
}

/** Tries left before the lock, for the refusal message. */
export function triesLeft(state: LockState, policy: LockPolicy): number {
  return Math.max(0, policy.maxFailures - state.failures);
}
