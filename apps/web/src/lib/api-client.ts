import type { ErrorCode, FieldError, Problem, SessionTokens } from '@butie/contracts';
import { exclusively, rememberSignOutReason, sessionStore, type SignOutReason } from './session';

/** A refusal from the API, carrying its stable code, Chinese detail and field errors. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | 'NETWORK',
    readonly detail: string,
    readonly fields: FieldError[] = [],
    readonly problem: Partial<Problem> = {},
  ) {
    super(detail);
  }
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

interface RequestOptions {
  body?: unknown;
  query?: Record<string, string | number | boolean | undefined | null>;
  /** Public endpoints: no token, no refresh. */
  anonymous?: boolean;
}

/** Codes after which the session cannot be saved: back to the login page with a reason. */
const SESSION_OVER: Partial<Record<ErrorCode, SignOutReason>> = {
  SESSION_IDLE: 'IDLE',
  SESSION_ENDED: 'EXPIRED',
  REFRESH_TOKEN_INVALID: 'EXPIRED',
  REFRESH_TOKEN_REUSED: 'REUSED',
  TOKEN_INVALID: 'EXPIRED',
  AUTH_REQUIRED: 'EXPIRED',
};

let onSessionOver: (reason: SignOutReason) => void = () => undefined;
let onPasswordChangeRequired: () => void = () => undefined;

/** The app shell tells the client where to send people whose session ended. */
export function configureApiClient(handlers: { sessionOver: (reason: SignOutReason) => void; passwordChangeRequired: () => void }) {
  onSessionOver = handlers.sessionOver;
  onPasswordChangeRequired = handlers.passwordChangeRequired;
}

let refreshing: Promise<boolean> | null = null;

/**
 * One refresh at a time, however many requests (and tabs) found their token expired. Inside the
 * lock, a session that another tab has already renewed is taken as it is.
 */
export function refreshSession(): Promise<boolean> {
  const held = sessionStore.get()?.refreshToken;
  refreshing ??= exclusively('butie-session-refresh', async () => {
    const session = sessionStore.reload();
    if (!session) return false;
    if (session.refreshToken !== held && session.accessExpiresAt - Date.now() > 15_000) return true;
    try {
      const tokens = await send<SessionTokens>('POST', '/api/v1/auth/refresh', { body: { refreshToken: session.refreshToken }, anonymous: true });
      sessionStore.set(sessionStore.fromTokens(tokens));
      return true;
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        endSession(SESSION_OVER[error.code as ErrorCode] ?? 'EXPIRED');
      }
      return false;
    }
  }).finally(() => {
    refreshing = null;
  });
  return refreshing;
}

function endSession(reason: SignOutReason) {
  if (!sessionStore.get()) return;
  sessionStore.set(null);
  rememberSignOutReason(reason);
  onSessionOver(reason);
}

export async function api<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
  if (options.anonymous) return send<T>(method, path, options);
  const session = sessionStore.get();
  // Refresh a little before expiry rather than after a failed call.
  if (session && session.accessExpiresAt - Date.now() < 15_000) await refreshSession();
  try {
    return await send<T>(method, path, options);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    // An access token that expired, or that a restarted server no longer accepts, may be renewed
    // with the refresh token, which lives in the database.
    if ((error.code === 'TOKEN_EXPIRED' || error.code === 'TOKEN_INVALID') && (await refreshSession())) {
      return send<T>(method, path, options);
    }
    if (error.status === 401 && SESSION_OVER[error.code as ErrorCode]) endSession(SESSION_OVER[error.code as ErrorCode]!);
    if (error.code === 'PASSWORD_CHANGE_REQUIRED') onPasswordChangeRequired();
    throw error;
  }
}

async function send<T>(method: Method, path: string, options: RequestOptions): Promise<T> {
  const url = new URL(path, window.location.origin);
  for (const [key, value] of Object.entries(options.query ?? {})) {
    if (value !== undefined && value !== null && value !== '') url.searchParams.set(key, String(value));
  }
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const token = options.anonymous ? null : sessionStore.get()?.accessToken;
  if (token) headers.authorization = `Bearer ${token}`;

  let response: Response;
  try {
    response = await fetch(url, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
  } catch {
    throw new ApiError(0, 'NETWORK', '无法连接服务器，请检查网络后重试');
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  const data = text ? safeJson(text) : undefined;
  if (!response.ok) {
    const problem = (data ?? {}) as Partial<Problem>;
    throw new ApiError(
      response.status,
      (problem.code ?? 'INTERNAL') as ErrorCode,
      problem.detail ?? `服务器返回错误（${response.status}），请稍后重试`,
      problem.errors ?? [],
      problem,
    );
  }
  return data as T;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
