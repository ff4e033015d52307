import { useSyncExternalStore } from 'react';
import { sessionStore, type StoredSession } from '../lib/session';

export function useSession(): StoredSession | null {
  return useSyncExternalStore(subscribe, readSession, readSession);
}

const subscribe = (listener: () => void) => sessionStore.subscribe(listener);
const readSession = () => sessionStore.get();
