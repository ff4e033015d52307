import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RegionView } from '@butie/contracts';
import { api } from '../../../lib/api-client';

export function useRegions() {
  return useQuery({ queryKey: ['regions'], queryFn: () => api<RegionView[]>('GET', '/api/v1/regions') });
}

export function useCreateCounty() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { code: string; name: string }) => api<RegionView>('POST', '/api/v1/regions/counties', { body: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['regions'] }),
  });
}
