import { createReadStream } from 'node:fs';
import { mkdir, open, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { format } from 'node:util';
import { Logger } from '@nestjs/common';
import { DeleteObjectCommand, GetObjectCommand, NoSuchKey, PutObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import type { AppConfig } from '../../../config/app-config.js';
import { AttachmentStorage, assertStorageKey, isFileSystemError, StorageUnavailableError, type ObjectFacts, type StoredObject } from './attachment-storage.js';

type S3Settings = NonNullable<AppConfig['attachments']['s3']>;

/**
 * An S3-compatible store (MinIO in docker-compose.yml, or AWS/OSS/COS). PutObject needs the length
 * before the first byte and a multipart upload needs 5 MB parts held in memory, so an upload is
 * first streamed to a spool file (`<ATTACHMENT_DIR>/.incoming/`, removed afterwards) and sent from
 * there with its length and SHA-256: memory stays flat, and a refused upload (too large, wrong
 * type, over the quota) never reaches the store at all.
 */
export class S3Storage extends AttachmentStorage {
  readonly driver = 's3';
  private readonly client: S3Client;
  private readonly bucket: string;

  constructor(
    settings: S3Settings,
    private readonly spoolDir: string,
  ) {
    super();
    this.bucket = settings.bucket;
    this.client = new S3Client({
      region: settings.region,
      endpoint: settings.endpoint ?? undefined,
      forcePathStyle: settings.forcePathStyle,
      credentials:
        settings.accessKeyId && settings.secretAccessKey
          ? { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey }
          : undefined,
      // Checksums only where the operation requires them: the SDK's default wraps a streamed body
      // in aws-chunked encoding, which several S3-compatible servers store verbatim. We send our
      // own SHA-256 of the whole object instead (ChecksumSHA256), which S3 and MinIO verify.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      maxAttempts: 3,
      // The SDK writes to the console when it has no logger; its warnings belong in our JSON log.
      logger: sdkLogger(new Logger('S3Storage')),
    });
  }

  async put(key: string, content: Readable, facts: () => ObjectFacts): Promise<void> {
    assertStorageKey(key);
    const spool = path.join(this.spoolDir, `${key}.s3`);
    let handle: Awaited<ReturnType<typeof open>>;
    try {
      await mkdir(this.spoolDir, { recursive: true });
      handle = await open(spool, 'wx', 0o600);
    } catch (error) {
      throw new StorageUnavailableError('s3', error);
    }
    try {
      try {
        await pipeline(content, handle.createWriteStream());
      } catch (error) {
        // The content failed (too large, wrong type, cut off) — or the spool disk did.
        throw isFileSystemError(error) ? new StorageUnavailableError('s3', error) : error;
      }
      const { size } = await stat(spool);
      const { mediaType, sha256 } = facts();
      await this.call(() =>
        this.client.send(
          new PutObjectCommand({
            Bucket: this.bucket,
            Key: key,
            Body: createReadStream(spool),
            ContentLength: size,
            ContentType: mediaType,
            ChecksumSHA256: Buffer.from(sha256, 'hex').toString('base64'),
          }),
        ),
      );
    } finally {
      await handle.close().catch(() => undefined);
      await rm(spool, { force: true }).catch(() => undefined);
    }
  }

  async get(key: string): Promise<StoredObject | null> {
    assertStorageKey(key);
    try {
      const object = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      return { stream: object.Body as Readable, size: Number(object.ContentLength) };
    } catch (error) {
      if (error instanceof NoSuchKey || (error instanceof S3ServiceException && error.$metadata.httpStatusCode === 404)) return null;
      throw new StorageUnavailableError('s3', error);
    }
  }

  async delete(key: string): Promise<void> {
    assertStorageKey(key);
    await this.call(() => this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key })));
  }

  /** A request to the store: whatever goes wrong there (unreachable, refused, 5xx) is the store's failure. */
  private async call<T>(send: () => Promise<T>): Promise<T> {
    try {
      return await send();
    } catch (error) {
      throw new StorageUnavailableError('s3', error);
    }
  }

  override close(): void {
    this.client.destroy();
  }
}

/** The SDK's logger interface onto ours: warnings and errors kept, its chatter dropped. */
function sdkLogger(logger: Logger) {
  const ignore = () => undefined;
  return {
    trace: ignore,
    debug: ignore,
    info: ignore,
    warn: (...content: unknown[]) => logger.warn(format(...content)),
    error: (...content: unknown[]) => logger.error(format(...content)),
  };
}
