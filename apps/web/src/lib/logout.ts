import { api } from './api-client';
import { rememberSignOutReason, sessionStore, type SignOutReason } from './session';

/** Revokes the session on the server, then forgets it here whatever the server said. */
export async function logout(reason: SignOutReason = 'LOGOUT'): Promise<void> {
  try {
    if (sessionStore.get()) await api<void>('POST', '/api/v1/auth/logout');
  } catch {
    // The session is forgotten locally even if the server could not be told.
  } finally {
    rememberSignOutReason(reason);
    sessionStore.set(null);
  }
}
