import type { AttachmentDownloadLink, AttachmentView } from '@butie/contracts';
import { api, fetchBlob } from '../../../lib/api-client';

/** GET /api/v1/attachments/{id}/content: the file, for the in-page preview. */
export function fetchAttachmentContent(id: string): Promise<Blob> {
  return fetchBlob(`/api/v1/attachments/${id}/content`);
}

/**
 * Saves the file under its own name: the API signs a one-minute link, and the browser opens it by
 * itself, so the file streams to disk. (A fetched blob handed over as a download loses its name in
 * some browsers and every in-app one.)
 */
export async function downloadAttachment(attachment: Pick<AttachmentView, 'id' | 'fileName'>): Promise<void> {
  const { url } = await api<AttachmentDownloadLink>('POST', `/api/v1/attachments/${attachment.id}/download-link`);
  const link = document.createElement('a');
  link.href = url;
  // The name twice, from the response's Content-Disposition and here, for browsers that name a
  // download before its answer arrives. The attribute also makes the browser save what comes back
  // rather than leave the page for it.
  link.download = attachment.fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
}
