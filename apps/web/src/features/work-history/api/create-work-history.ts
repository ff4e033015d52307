import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateWorkHistoryRequest, WorkHistoryView } from '@butie/contracts';
import { api } from '../../../lib/api-client';
import { MY_WORK_HISTORIES_KEY } from './list-work-histories';

/** POST /api/v1/work-histories: a new entry (the API checks dates, unit and files, and says which field broke which rule). */
export const createWorkHistory = (input: CreateWorkHistoryRequest) => api<WorkHistoryView>('POST', '/api/v1/work-histories', { body: input });

export function useCreateWorkHistory() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: createWorkHistory,
    onSuccess: () => client.invalidateQueries({ queryKey: MY_WORK_HISTORIES_KEY }),
  });
}
