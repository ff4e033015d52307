/**
 * How errors are written to the log: what a developer needs (type, message, stack, SQLSTATE,
 * constraint, SQL text) and nothing of the person's data. Query parameters and the driver's
 * `detail` ("Key (phone)=(13800000001) already exists") hold phone numbers and names: never logged.
 */
export interface LoggedError {
  type: string;
  message: string;
  stack?: string;
  code?: string;
  constraint?: string;
  table?: string;
  column?: string;
  query?: string;
  cause?: LoggedError;
}

const KEPT_STRINGS = ['code', 'constraint', 'table', 'column'] as const;

// PostgreSQL quotes the offending value at the end of some messages: `invalid input syntax for type uuid: "…"`.
const QUOTED_VALUE = /(: )"[^"]*"$/;

export function serializeError(error: unknown, depth = 0): LoggedError {
  if (!(error instanceof Error) && (error === null || typeof error !== 'object')) {
    return { type: typeof error, message: '[non-error value]' };
  }
  const candidate = error as Error & Record<string, unknown>;
  const logged: LoggedError = {
    type: candidate.constructor?.name ?? 'Error',
    message: String(candidate.message ?? '').replace(QUOTED_VALUE, '$1"[redacted]"'),
  };
  if (typeof candidate.stack === 'string') logged.stack = candidate.stack.replace(/^.*$/m, `${logged.type}: ${logged.message}`);
  for (const key of KEPT_STRINGS) {
    if (typeof candidate[key] === 'string') logged[key] = candidate[key];
  }
  if (typeof candidate.query === 'string') logged.query = candidate.query.slice(0, 2000);
  const inner = candidate.driverError ?? candidate.cause;
  if (inner && depth < 3) logged.cause = serializeError(inner, depth + 1);
  return logged;
}
