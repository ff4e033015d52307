import { useQuery } from '@tanstack/react-query';
import type { AppInfo } from '@butie/contracts';
import { api } from './api-client';

export function useAppInfo() {
  return useQuery({
    queryKey: ['app-info'],
    queryFn: () => api<AppInfo>('GET', '/api/v1/app-info', { anonymous: true }),
    staleTime: Infinity,
  });
}
