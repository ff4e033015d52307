import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { UpdateWorkHistoryRequest, WorkHistoryView } from '@butie/contracts';
import { api } from '../../../lib/api-client';
import { MY_WORK_HISTORIES_KEY } from './list-work-histories';

/**
 * PATCH /api/v1/work-histories/{id}. The form sends every field (null clears one), so the entry
 * becomes exactly what the form shows rather than a merge with what was stored.
 */
export const updateWorkHistory = ({ id, change }: { id: string; change: UpdateWorkHistoryRequest }) =>
  api<WorkHistoryView>('PATCH', `/api/v1/work-histories/${encodeURIComponent(id)}`, { body: change });

export function useUpdateWorkHistory() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: updateWorkHistory,
    // Also after a 404 (deleted in another tab): the list is read again either way.
    onSettled: () => client.invalidateQueries({ queryKey: MY_WORK_HISTORIES_KEY }),
  });
}
