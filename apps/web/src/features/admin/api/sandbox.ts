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

/**
 * PUT replaces the record under its key (证件号码 or 证书编号); `createOnly` (新增) sends
 * `If-None-Match: *`, so that an existing record is refused (412) rather than overwritten.
 */
export function useSaveSandboxRecord<K extends SandboxKind>(kind: K) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ key, record, createOnly }: { key: string; record: SandboxKinds[K]['request']; createOnly: boolean }) =>
      api<SandboxKinds[K]['view']>('PUT', `${base(kind)}/${encodeURIComponent(key)}`, { body: record, headers: createOnly ? { 'if-none-match': '*' } : {} }),
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
