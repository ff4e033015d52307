/**
 * Errors that mean "the database cannot be reached right now" rather than "this query is wrong":
 * they become 503 with Retry-After, never 500.
 */
const UNAVAILABLE_SQLSTATES = new Set([
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now
  '08000', // connection_exception
  '08001', // sqlclient_unable_to_establish_sqlconnection
  '08003', // connection_does_not_exist
  '08004', // sqlserver_rejected_establishment_of_sqlconnection
  '08006', // connection_failure
  '53300', // too_many_connections
  '57014', // query_canceled (statement timeout)
]);

const UNAVAILABLE_NODE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN']);

const UNAVAILABLE_MESSAGES = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'Client has encountered a connection error',
  'Connection terminated unexpectedly',
  'the database system is starting up',
  'the database system is shutting down',
];

export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current && depth < 5; depth++) {
    const candidate = current as { code?: unknown; message?: unknown; driverError?: unknown; cause?: unknown };
    if (typeof candidate.code === 'string') {
      if (UNAVAILABLE_SQLSTATES.has(candidate.code) || UNAVAILABLE_NODE_CODES.has(candidate.code)) return true;
    }
    if (typeof candidate.message === 'string' && UNAVAILABLE_MESSAGES.some((m) => (candidate.message as string).includes(m))) {
      return true;
    }
    current = candidate.driverError ?? candidate.cause;
  }
  return false;
}

/**
 * The unique index a failed INSERT or UPDATE ran into (SQLSTATE 23505), or null for any other
 * error: lets a service answer a lost race with the same 409 its own check gives.
 */
export function violatedUniqueIndex(error: unknown): string | null {
  for (let current: unknown = error, depth = 0; current && depth < 5; depth++) {
    const candidate = current as { code?: unknown; constraint?: unknown; driverError?: unknown; cause?: unknown };
    if (candidate.code === '23505' && typeof candidate.constraint === 'string') return candidate.constraint;
    current = candidate.driverError ?? candidate.cause;
  }
  return null;
}

/** Integrity violations that mean "this conflicts with a stored record". */
const CONFLICT_SQLSTATES = new Set(['23505', '23503', '23P01']);

/**
 * A refusal by the database of the data we sent it (a constraint, a value out of range), as the
 * client's problem: 409 for a conflict with stored data, 400 for a value it cannot take. A 500 is
 * for our faults only. These still mean a check is missing before the database, so they are logged.
 */
export function dataRefusal(error: unknown): { kind: 'CONFLICT' | 'VALIDATION_FAILED'; sqlState: string; constraint: string | null } | null {
  for (let current: unknown = error, depth = 0; current && depth < 5; depth++) {
    const candidate = current as { code?: unknown; constraint?: unknown; driverError?: unknown; cause?: unknown };
    if (typeof candidate.code === 'string' && /^2[23][0-9A-Z]{3}$/.test(candidate.code)) {
      return {
        kind: CONFLICT_SQLSTATES.has(candidate.code) ? 'CONFLICT' : 'VALIDATION_FAILED',
        sqlState: candidate.code,
        constraint: typeof candidate.constraint === 'string' ? candidate.constraint : null,
      };
    }
    current = candidate.driverError ?? candidate.cause;
  }
  return null;
}
