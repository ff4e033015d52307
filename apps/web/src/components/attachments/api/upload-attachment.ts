import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AttachmentKind, AttachmentView } from '@butie/contracts';
import { upload } from '../../../lib/api-client';
import { MY_ATTACHMENTS_KEY } from './my-attachments';

export interface UploadInput {
  kind: AttachmentKind;
  file: File;
  onProgress?: (fraction: number) => void;
}

/**
 * POST /api/v1/attachments (multipart: kind, file). The person's lists of materials (theirs, and the
 * registration that shows them) are read again afterwards.
 */
export function useUploadAttachment() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ kind, file, onProgress }: UploadInput) => {
      const form = new FormData();
      // The kind first: the API reads the fields in order and the file is streamed as it arrives.
      form.append('kind', kind);
      form.append('file', file, file.name);
      return upload<AttachmentView>('/api/v1/attachments', form, onProgress);
    },
    onSuccess: () => invalidateMaterials(client),
  });
}

/** What shows a person's materials: their own list, and their registration (which lists them too). */
export function invalidateMaterials(client: ReturnType<typeof useQueryClient>) {
  return Promise.all([
    client.invalidateQueries({ queryKey: MY_ATTACHMENTS_KEY }),
    client.invalidateQueries({ queryKey: ['persons', 'registration', 'mine'] }),
  ]);
}
