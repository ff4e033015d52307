import { queryOptions, useQuery } from '@tanstack/react-query';
import type { CountyOption } from '@butie/contracts';
import { api } from '../../../lib/api-client';

/** The counties a unit may belong to (public: the registration form needs them before sign-in). */
export const countiesQuery = () =>
  queryOptions({
    queryKey: ['units', 'counties'],
    queryFn: () => api<CountyOption[]>('GET', '/api/v1/units/counties', { anonymous: true }),
    staleTime: 60 * 60 * 1000,
  });

export function useCounties() {
  return useQuery(countiesQuery());
}
