import { createHash, type Hash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { fileTypeFromBuffer } from 'file-type';
import { ATTACHMENT_MEDIA_TYPES, type AttachmentMediaType } from '@butie/contracts';
import { AppError } from '../../../common/errors/app-error.js';

/** Enough for the signatures of PDF, JPEG and PNG, and for file-type to tell look-alikes apart. */
export const SNIFF_BYTES = 4100;

export interface MeterLimits {
  maxFileBytes: number;
  /** What the account's byte quota still allows; beyond it the quota refusal, mid-stream too. */
  roomBytes: number;
  quotaExceeded: () => AppError;
}

/**
 * Sits between the uploaded file and the storage driver: counts, hashes (SHA-256) and judges the
 * type by content, while the bytes flow — never the whole file in memory, only its first 4 KB until
 * the type is known. Nothing passes on before the type is accepted, so a refused type leaves nothing
 * written; past the size limit or the quota it fails at once, and the pipeline stops reading.
 */
export class UploadMeter extends Transform {
  bytes = 0;
  mediaType: AttachmentMediaType | null = null;
  sha256: string | null = null;
  private readonly hash: Hash = createHash('sha256');
  private head: Buffer[] = [];
  private headBytes = 0;

  constructor(private readonly limits: MeterLimits) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.bytes += chunk.length;
    if (this.bytes > this.limits.maxFileBytes) {
      callback(new AppError('PAYLOAD_TOO_LARGE', `文件超过 ${megabytes(this.limits.maxFileBytes)} 上限，请压缩或分开上传`));
      return;
    }
    if (this.bytes > this.limits.roomBytes) {
      callback(this.limits.quotaExceeded());
      return;
    }
    this.hash.update(chunk);
    if (this.mediaType) {
      callback(null, chunk);
      return;
    }
    this.head.push(chunk);
    this.headBytes += chunk.length;
    if (this.headBytes < SNIFF_BYTES) {
      callback();
      return;
    }
    this.releaseHead(callback);
  }

  override _flush(callback: TransformCallback): void {
    if (this.bytes === 0) {
      callback(new AppError('FILE_EMPTY', '文件为空（0 字节），请选择要上传的文件'));
      return;
    }
    const finish = (error?: Error | null) => {
      if (error) return callback(error);
      this.sha256 = this.hash.digest('hex');
      callback();
    };
    if (this.mediaType) return finish();
    // A file shorter than the sniffing window: its whole content is still held back, and goes out now.
    this.releaseHead((error, head) => {
      if (error) return callback(error);
      this.push(head);
      finish();
    });
  }

  private releaseHead(callback: TransformCallback): void {
    const head = Buffer.concat(this.head);
    this.head = [];
    judgeMediaType(head).then(
      (mediaType) => {
        this.mediaType = mediaType;
        callback(null, head);
      },
      (error: Error) => callback(error),
    );
  }
}

/** PDF, JPEG or PNG by their bytes; a name or a declared type counts for nothing. */
export async function judgeMediaType(head: Buffer): Promise<AttachmentMediaType> {
  const detected = await fileTypeFromBuffer(head);
  const mime = detected?.mime;
  if (mime && (ATTACHMENT_MEDIA_TYPES as readonly string[]).includes(mime)) return mime as AttachmentMediaType;
  throw new AppError(
    'UNSUPPORTED_MEDIA_TYPE',
    `只接受 PDF、JPEG、PNG 文件（按文件内容判断，${detected ? `此文件实为 ${detected.ext.toUpperCase()}` : '此文件不是其中任何一种'}），请转换后再上传`,
  );
}

export function megabytes(bytes: number): string {
  const value = bytes / (1024 * 1024);
  return `${Number.isInteger(value) ? value : value.toFixed(1)} MB`;
}
