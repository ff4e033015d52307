import type { SessionTokens, UserView } from '@butie/contracts';

/**
 * The signed-in session, shared by the tabs of one browser through localStorage: a refresh token
 * rotates once for all of them (a tab holding a stale copy would otherwise present a used token
 * and end the session for every tab), and signing out in one tab signs out all. The server's idle
 * timeout and absolute lifetime bound how long a stored session is of any use.
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
/** The account of the last session in this browser, kept after it ends: whose page a signed-out page was. */
let lastUserId: string | null = current?.user.id ?? null;

function read(): StoredSession | null {
  try {
    const raw = localStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as StoredSession) : null;
  } catch {
    return null;
  }
}

function notify() {
  if (current) lastUserId = current.user.id;
  for (const listener of listeners) listener(current);
}

// Another tab signed in, refreshed or signed out.
window.addEventListener('storage', (event) => {
  if (event.key !== KEY && event.key !== null) return;
  current = read();
  notify();
});

export const sessionStore = {
  get(): StoredSession | null {
    return current;
  },
  lastUserId(): string | null {
    return lastUserId;
  },
  set(session: StoredSession | null): void {
    current = session;
    if (session) localStorage.setItem(KEY, JSON.stringify(session));
    else localStorage.removeItem(KEY);
    notify();
  },
  /** What the other tabs may have written since this tab last looked. */
  reload(): StoredSession | null {
    current = read();
    return current;
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

/** Input in any tab counts as activity for the idle timeout of the shared session. */
const ACTIVITY_KEY = 'butie.last-activity';

export function recordActivity(at: number): void {
  localStorage.setItem(ACTIVITY_KEY, String(at));
}

export function lastActivityAnywhere(): number {
  return Number(localStorage.getItem(ACTIVITY_KEY)) || 0;
}

/** Runs `task` while no other tab of this browser runs one under the same name. */
export async function exclusively<T>(name: string, task: () => Promise<T>): Promise<T> {
  if (!navigator.locks) return task();
  return navigator.locks.request(name, task);
}

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
