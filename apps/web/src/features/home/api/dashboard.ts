import { queryOptions, useQuery } from '@tanstack/react-query';
import type { DashboardView } from '@butie/contracts';
import { api } from '../../../lib/api-client';

/** GET /api/v1/dashboard: the to-do queues of the user's scope, and an applicant's progress. */
export const dashboardQuery = () =>
  queryOptions({
    queryKey: ['dashboard'],
    queryFn: () => api<DashboardView>('GET', '/api/v1/dashboard'),
    // 首页 is where people come back to: what waits is read again each time, not from a stale cache.
    staleTime: 0,
  });

export function useDashboard(enabled: boolean) {
  return useQuery({ ...dashboardQuery(), enabled });
}
