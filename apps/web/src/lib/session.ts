import type { SessionTokens, UserView } from '@butie/contracts';

/**
 * The signed-in session, kept in sessionStorage: it survives a reload of the tab but ends with the
 * browser tab, as a government service should. One store, read by the API client and the UI.
 */
export interface StoredSession {
  accessToken: string;
  refreshToken: string;
  /** Epoch ms when the access token expires. */
  accessExpiresAt: number;
  idleTimeout: number;
  user: UserView;
}

const KEY = 'butie.session';
type Listener = (session: StoredSession | null) => void;
const listeners = new Set<Listener>();

let current: StoredSession | null = read();

function read(): StoredSession | null {
  try {
    const raw = sessionStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as StoredSession) : null;
  } catch {
    return null;
  }
}

export const sessionStore = {
  get(): StoredSession | null {
    return current;
  },
  set(session: StoredSession | null): void {
    current = session;
    if (session) sessionStorage.setItem(KEY, JSON.stringify(session));
    else sessionStorage.removeItem(KEY);
    for (const listener of listeners) listener(session);
  },
  fromTokens(tokens: SessionTokens): StoredSession {
    return {
      accessToken: tokens.accessToken,
      refreshToken: tokens.refreshToken,
      accessExpiresAt: Date.now() + tokens.expiresIn * 1000,
      idleTimeout: tokens.idleTimeout,
      user: tokens.user,
    };
  },
  updateUser(user: UserView): void {
    if (current) this.set({ ...current, user });
  },
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

/** Why the user was sent back to the login page; shown there once. */
export type SignOutReason = 'IDLE' | 'EXPIRED' | 'LOGOUT' | 'REUSED';

const REASON_KEY = 'butie.signout-reason';

export function rememberSignOutReason(reason: SignOutReason): void {
  sessionStorage.setItem(REASON_KEY, reason);
}

export function takeSignOutReason(): SignOutReason | null {
  const reason = sessionStorage.getItem(REASON_KEY) as SignOutReason | null;
  sessionStorage.removeItem(REASON_KEY);
  return reason;
}
