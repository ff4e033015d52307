import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ChangeParametersRequest, ChangeStandardsRequest, PolicyHistoryPage, PolicyVersionView } from '@butie/contracts';
import { api } from '../../../lib/api-client';
import { LIST_PAGE_SIZE } from '../../../lib/use-list-query';

const POLICY = ['policy'] as const;

export function useCurrentPolicy() {
  return useQuery({ queryKey: [...POLICY, 'current'], queryFn: () => api<PolicyVersionView>('GET', '/api/v1/policy') });
}

export function usePolicyHistory(cursor: string | undefined) {
  return useQuery({
    queryKey: [...POLICY, 'history', cursor ?? null],
    queryFn: () => api<PolicyHistoryPage>('GET', '/api/v1/policy/history', { query: { cursor, limit: LIST_PAGE_SIZE } }),
    placeholderData: keepPreviousData,
  });
}

/** Both changes answer with the new version; the page and the history are read again. */
function usePolicyChange<B>(path: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: B) => api<PolicyVersionView>('PUT', path, { body }),
    onSuccess: () => client.invalidateQueries({ queryKey: POLICY }),
  });
}

export const useChangeStandards = () => usePolicyChange<ChangeStandardsRequest>('/api/v1/policy/standards');
export const useChangeParameters = () => usePolicyChange<ChangeParametersRequest>('/api/v1/policy/parameters');
