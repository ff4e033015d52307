/** Proof materials (证明材料): their kinds, the file types taken, and the refusals of the module. */

/** The typed uploads (证明材料) of domain §3.2 and §5.2. */
export const ATTACHMENT_KINDS = [
  'ID_CARD',
  'DEGREE_CERTIFICATE',
  'EDUCATION_CERTIFICATE',
  'EDUCATION_RECORD',
  'LABOUR_CONTRACT',
  'EMPLOYMENT_PROOF',
  'OTHER',
] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];
export const ATTACHMENT_KIND_LABELS: Record<AttachmentKind, string> = {
  ID_CARD: '身份证复印件正反面',
  DEGREE_CERTIFICATE: '学位证书',
  EDUCATION_CERTIFICATE: '学历或国外学历证书',
  EDUCATION_RECORD: '学历证书电子注册备案表',
  LABOUR_CONTRACT: '劳动合同',
  EMPLOYMENT_PROOF: '证明材料',
  OTHER: '其他',
};
/** The kinds a registration offers (证明材料上传); 证明材料 of a job belongs to the work history. */
export const REGISTRATION_ATTACHMENT_KINDS: readonly AttachmentKind[] = [
  'ID_CARD',
  'DEGREE_CERTIFICATE',
  'EDUCATION_CERTIFICATE',
  'EDUCATION_RECORD',
  'LABOUR_CONTRACT',
  'OTHER',
];
export const ATTACHMENT_MEDIA_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type AttachmentMediaType = (typeof ATTACHMENT_MEDIA_TYPES)[number];

export const ATTACHMENT_ERROR_CODES = ['FILE_EMPTY', 'ATTACHMENT_QUOTA_EXCEEDED', 'ATTACHMENT_NOT_DELETABLE', 'MATERIALS_UNDER_REVIEW', 'STORAGE_UNAVAILABLE'] as const;
export type AttachmentErrorCode = (typeof ATTACHMENT_ERROR_CODES)[number];

/** One stored file as its owner and reviewers see it. */
export interface AttachmentView {
  id: string;
  kind: AttachmentKind;
  kindLabel: string;
  fileName: string;
  mediaType: AttachmentMediaType;
  sizeBytes: number;
  sha256: string;
  uploadedAt: string;
}

/** What the account has stored and what it may store (the per-account quota and the size limit). */
/**
 * `POST /api/v1/attachments/{id}/download-link`: an address the browser opens by itself to save the
 * file under its own name (Content-Disposition), valid for a minute and for the signed-in session only.
 */
export interface AttachmentDownloadLink {
  url: string;
  expiresAt: string;
}

export interface AttachmentUsage {
  files: number;
  bytes: number;
  maxFiles: number;
  maxBytes: number;
  maxFileBytes: number;
}

/** GET /api/v1/attachments: the account's own materials (never more than the quota allows, so unpaged). */
export interface AttachmentList {
  items: AttachmentView[];
  usage: AttachmentUsage;
}
