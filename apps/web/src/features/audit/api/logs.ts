import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { LoginEventView, OperationLogView, Page } from '@butie/contracts';
import { api } from '../../../lib/api-client';

export interface LoginEventFilter {
  username?: string;
  success?: 'true' | 'false';
  from?: string;
  to?: string;
}

export interface OperationFilter {
  actor?: string;
  action?: string;
  from?: string;
  to?: string;
}

export function useLoginEvents(filter: LoginEventFilter, cursor: string | undefined) {
  return useQuery({
    queryKey: ['audit', 'login-events', filter, cursor],
    queryFn: () => api<Page<LoginEventView>>('GET', '/api/v1/audit/login-events', { query: { ...filter, cursor, limit: 20 } }),
    placeholderData: keepPreviousData,
  });
}

export function useOperationLogs(filter: OperationFilter, cursor: string | undefined) {
  return useQuery({
    queryKey: ['audit', 'operation-logs', filter, cursor],
    queryFn: () => api<Page<OperationLogView>>('GET', '/api/v1/audit/operation-logs', { query: { ...filter, cursor, limit: 20 } }),
    placeholderData: keepPreviousData,
  });
}
