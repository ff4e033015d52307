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
  /** Conditional requests (e.g. `If-None-Match: *` to create without overwriting). */
  headers?: Record<string, string>;
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
  return withSession(() => send<T>(method, path, options));
}

/**
 * A multipart upload (POST, FormData) with the session's token, reporting the bytes sent: fetch
 * cannot tell upload progress, XMLHttpRequest can, and a 10 MB file on a slow line needs a bar.
 */
export function upload<T>(path: string, form: FormData, onProgress?: (fraction: number) => void): Promise<T> {
  return withSession(
    () =>
      new Promise<T>((resolve, reject) => {
        const request = new XMLHttpRequest();
        request.open('POST', new URL(path, window.location.origin));
        request.setRequestHeader('accept', 'application/json');
        const token = sessionStore.get()?.accessToken;
        if (token) request.setRequestHeader('authorization', `Bearer ${token}`);
        request.upload.onprogress = (event) => {
          if (event.lengthComputable) onProgress?.(event.loaded / event.total);
        };
        request.onerror = () => reject(new ApiError(0, 'NETWORK', '无法连接服务器，请检查网络后重试'));
        request.onload = () => {
          const data = request.responseText ? safeJson(request.responseText) : undefined;
          if (request.status >= 200 && request.status < 300) resolve(data as T);
          else reject(toApiError(request.status, data));
        };
        request.send(form);
      }),
  );
}

/** A file the API serves to signed-in users only (it needs the token, so no plain <a href>). */
export function fetchBlob(path: string): Promise<Blob> {
  return withSession(async () => {
    const token = sessionStore.get()?.accessToken;
    let response: Response;
    try {
      response = await fetch(new URL(path, window.location.origin), { headers: token ? { authorization: `Bearer ${token}` } : {} });
    } catch {
      throw new ApiError(0, 'NETWORK', '无法连接服务器，请检查网络后重试');
    }
    if (!response.ok) throw toApiError(response.status, safeJson(await response.text()));
    return response.blob();
  });
}

/**
 * A call on behalf of the signed-in session: the token renewed shortly before it expires, and once
 * more when the server no longer takes it; a session that cannot be saved ends here.
 */
async function withSession<T>(call: () => Promise<T>): Promise<T> {
  const session = sessionStore.get();
  // Refresh a little before expiry rather than after a failed call.
  if (session && session.accessExpiresAt - Date.now() < 15_000) await refreshSession();
  try {
    return await call();
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    // An access token that expired, or that a restarted server no longer accepts, may be renewed
    // with the refresh token, which lives in the database.
    if ((error.code === 'TOKEN_EXPIRED' || error.code === 'TOKEN_INVALID') && (await refreshSession())) return call();
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
  const headers: Record<string, string> = { ...options.headers, accept: 'application/json' };
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
  if (!response.ok) throw toApiError(response.status, data);
  return data as T;
}

function toApiError(status: number, data: unknown): ApiError {
  const problem = (data ?? {}) as Partial<Problem>;
  const fallback = status === 413 ? '文件或请求内容过大' : `服务器返回错误（${status}），请稍后重试`;
  return new ApiError(status, problem.code ?? 'INTERNAL', problem.detail ?? fallback, problem.errors ?? [], problem);
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
