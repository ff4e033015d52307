import type { Attachment } from '../attachments.repository.js';
import { contentDisposition } from './content-disposition.js';

/**
 * A stored file must never run as a page of our origin: the type is the one judged at upload,
 * nosniff stops a browser from guessing another, and the policy allows nothing to load or run.
 * Images are also sandboxed; a PDF is not, since the browsers' PDF viewers do not run in a
 * sandboxed document. `frame-ancestors 'self'` lets the SPA show the preview in a frame.
 */
const IMAGE_POLICY = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'self'; sandbox";
const PDF_POLICY = "default-src 'none'; img-src 'self' data: blob:; style-src 'unsafe-inline'; object-src 'self'; frame-ancestors 'self'";

export function contentHeaders(attachment: Pick<Attachment, 'mediaType' | 'fileName'>, size: number, disposition: 'inline' | 'attachment') {
  return {
    'content-type': attachment.mediaType,
    'content-length': String(size),
    'content-disposition': contentDisposition(disposition, attachment.fileName),
    'x-content-type-options': 'nosniff',
    'content-security-policy': attachment.mediaType === 'application/pdf' ? PDF_POLICY : IMAGE_POLICY,
    'x-frame-options': 'SAMEORIGIN',
    'cross-origin-resource-policy': 'same-origin',
    'cache-control': 'private, no-store',
  };
}
