import { queryOptions, useQuery } from '@tanstack/react-query';
import type { AttachmentList } from '@butie/contracts';
import { api } from '../../../lib/api-client';

export const MY_ATTACHMENTS_KEY = ['attachments', 'mine'] as const;

/** GET /api/v1/attachments: the signed-in person's own materials and upload limits. */
export const myAttachmentsQuery = () =>
  queryOptions({
    queryKey: MY_ATTACHMENTS_KEY,
    queryFn: () => api<AttachmentList>('GET', '/api/v1/attachments'),
  });

export function useMyAttachments() {
  return useQuery(myAttachmentsQuery());
}
