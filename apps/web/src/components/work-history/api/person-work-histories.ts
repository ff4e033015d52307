import { queryOptions, useQuery } from '@tanstack/react-query';
import type { WorkHistoryList } from '@butie/contracts';
import { api } from '../../../lib/api-client';

/** GET /api/v1/work-histories?personId=: a person's entries, for a reviewer whose scope covers them (others 404). */
export const personWorkHistoriesQuery = (personId: string) =>
  queryOptions({
    queryKey: ['work-histories', 'person', personId],
    queryFn: () => api<WorkHistoryList>('GET', '/api/v1/work-histories', { query: { personId } }),
  });

export function usePersonWorkHistories(personId: string) {
  return useQuery(personWorkHistoriesQuery(personId));
}
