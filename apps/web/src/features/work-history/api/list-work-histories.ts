import { queryOptions, useQuery } from '@tanstack/react-query';
import type { WorkHistoryList } from '@butie/contracts';
import { api } from '../../../lib/api-client';

export const MY_WORK_HISTORIES_KEY = ['work-histories', 'mine'] as const;

/** GET /api/v1/work-histories: the signed-in applicant's own entries, newest start first (the API's order). */
export const myWorkHistoriesQuery = () =>
  queryOptions({
    queryKey: MY_WORK_HISTORIES_KEY,
    queryFn: () => api<WorkHistoryList>('GET', '/api/v1/work-histories'),
  });

export function useMyWorkHistories() {
  return useQuery(myWorkHistoriesQuery());
}
