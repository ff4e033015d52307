import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { MY_WORK_HISTORIES_KEY } from './list-work-histories';

/** DELETE /api/v1/work-histories/{id}: the entry goes, its files stay among the person's materials. */
export const deleteWorkHistory = (id: string) => api<void>('DELETE', `/api/v1/work-histories/${encodeURIComponent(id)}`);

export function useDeleteWorkHistory() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: deleteWorkHistory,
    onSettled: () => client.invalidateQueries({ queryKey: MY_WORK_HISTORIES_KEY }),
  });
}
