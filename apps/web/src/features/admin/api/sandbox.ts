import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SandboxDegreeRequest, SandboxDegreeView, SandboxPage, SandboxSocialSecurityRequest, SandboxSocialSecurityView } from '@butie/contracts';
import { api } from '../../../lib/api-client';
import { LIST_PAGE_SIZE } from '../../../lib/use-list-query';

/** The two sandboxes of 沙箱数据, by their path under /api/v1/sandbox. */
export interface SandboxKinds {
  'social-security': { view: SandboxSocialSecurityView; request: SandboxSocialSecurityRequest };
  degrees: { view: SandboxDegreeView; request: SandboxDegreeRequest };
}
export type SandboxKind = keyof SandboxKinds;

const base = (kind: SandboxKind) => `/api/v1/sandbox/${kind}`;

export function useSandboxList<K extends SandboxKind>(kind: K, prefix: string | undefined, cursor: string | undefined) {
  return useQuery({
    queryKey: ['sandbox', kind, 'list', prefix ?? null, cursor ?? null],
    queryFn: () => api<SandboxPage<SandboxKinds[K]['view']>>('GET', base(kind), { query: { prefix, cursor, limit: LIST_PAGE_SIZE } }),
    placeholderData: keepPreviousData,
  });
}

/** PUT creates or replaces the record under its key (证件号码 or 证书编号). */
export function useSaveSandboxRecord<K extends SandboxKind>(kind: K) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ key, record }: { key: string; record: SandboxKinds[K]['request'] }) =>
      api<SandboxKinds[K]['view']>('PUT', `${base(kind)}/${encodeURIComponent(key)}`, { body: record }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['sandbox', kind] }),
  });
}

export function useDeleteSandboxRecord(kind: SandboxKind) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (key: string) => api<void>('DELETE', `${base(kind)}/${encodeURIComponent(key)}`),
    onSuccess: () => client.invalidateQueries({ queryKey: ['sandbox', kind] }),
  });
}
