import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { LogPage, LoginEventView, OperationLogView } from '@butie/contracts';
import { api } from '../../../lib/api-client';

export interface LoginEventFilter {
  username?: string;
  success?: string;
  from?: string;
  to?: string;
}

export interface OperationFilter {
  actor?: string;
  action?: string;
  from?: string;
  to?: string;
}

export const LOG_PAGE_SIZE = 20;

export function useLoginEvents(filter: LoginEventFilter, cursor: string | undefined) {
  return useQuery({
    queryKey: ['audit', 'login-events', filter, cursor],
    queryFn: () => api<LogPage<LoginEventView>>('GET', '/api/v1/audit/login-events', { query: { ...filter, cursor, limit: LOG_PAGE_SIZE } }),
    placeholderData: keepPreviousData,
  });
}

export function useOperationLogs(filter: OperationFilter, cursor: string | undefined) {
  return useQuery({
    queryKey: ['audit', 'operation-logs', filter, cursor],
    queryFn: () => api<LogPage<OperationLogView>>('GET', '/api/v1/audit/operation-logs', { query: { ...filter, cursor, limit: LOG_PAGE_SIZE } }),
    placeholderData: keepPreviousData,
  });
}
