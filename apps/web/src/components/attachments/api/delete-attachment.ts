import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { invalidateMaterials } from './upload-attachment';

/** DELETE /api/v1/attachments/{id}: only the owner's, and only while the record is editable. */
export function useDeleteAttachment() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>('DELETE', `/api/v1/attachments/${id}`),
    onSuccess: () => invalidateMaterials(client),
  });
}
