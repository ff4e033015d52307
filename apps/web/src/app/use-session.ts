import { useSyncExternalStore } from 'react';
import { sessionStore, type StoredSession } from '../lib/session';

export function useSession(): StoredSession | null {
  return useSyncExternalStore(sessionStore.subscribe, sessionStore.get, sessionStore.get);
}
