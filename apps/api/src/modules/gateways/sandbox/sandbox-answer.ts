import { GatewayUnavailableError } from '../resilience.js';

interface SandboxOnly {
  unavailable: boolean;
  caseNote: string;
  updatedAt: Date;
}

/**
 * What a sandbox gateway answers for a stored record: the record as the real service would give
 * it, or, for one marked unavailable, the outage the real service would have.
 */
export function sandboxAnswer<R>(found: (R & SandboxOnly) | null, key: string): R | null {
  if (!found) return null;
  if (found.unavailable) throw new GatewayUnavailableError(30, `sandbox record ${key} is marked unavailable`);
  const { unavailable: _unavailable, caseNote: _caseNote, updatedAt: _updatedAt, ...record } = found;
  return record as R;
}
