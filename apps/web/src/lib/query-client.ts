import { MutationCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from './api-client';
import { sessionStore } from './session';

/**
 * The one query cache of the app. A 409 means the record moved on since the page read it (another
 * reviewer acted, the unit started its review, …): whatever the page shows is read again, so the
 * buttons and forms follow the current status instead of offering the refused move once more.
 */
export const queryClient: QueryClient = new QueryClient({
  mutationCache: new MutationCache({
    onError: (error) => {
      if (error instanceof ApiError && error.status === 409) void queryClient.invalidateQueries({ refetchType: 'active' });
    },
  }),
  defaultOptions: {
    queries: {
      // Refusals (4xx) are answers, not glitches: do not retry them.
      retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
      refetchOnWindowFocus: false,
    },
  },
});

/**
 * The cache holds one account's data: it is emptied whenever the signed-in account changes —
 * sign-in, sign-out (here, in another tab, or by the idle timeout), a different account signing in —
 * so that the next user of a shared computer never sees the last one's lists, even for a moment.
 * A token refresh keeps the same account and keeps the cache.
 */
let cachedFor: string | null = sessionStore.get()?.user.id ?? null;
sessionStore.subscribe((session) => {
  const owner = session?.user.id ?? null;
  if (owner === cachedFor) return;
  cachedFor = owner;
  queryClient.clear();
});
