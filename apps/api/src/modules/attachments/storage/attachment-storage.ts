import type { Readable } from 'node:stream';

export interface StoredObject {
  stream: Readable;
  size: number;
}

/** What is known of a file once all of it has been read (for stores that keep it beside the bytes). */
export interface ObjectFacts {
  mediaType: string;
  sha256: string;
}

/**
 * Where the bytes of 证明材料 live, chosen by ATTACHMENT_STORAGE: local disk (one machine) or an
 * S3-compatible store (MinIO; several replicas). Keys are random ids made by the service, never
 * a file name.
 */
export abstract class AttachmentStorage {
  abstract readonly driver: 'local' | 's3';
  /**
   * Stores all of `content` under `key`. When the content stream fails (too large, wrong type) it
   * rejects with that error, when the store does with StorageUnavailableError; either way nothing
   * is left under the key. `facts` is called once the content has ended.
   */
  abstract put(key: string, content: Readable, facts: () => ObjectFacts): Promise<void>;
  /** The object, or null when there is none under the key; StorageUnavailableError when the store fails. */
  abstract get(key: string): Promise<StoredObject | null>;
  /** Removes the object; a missing one is not an error; StorageUnavailableError when the store fails. */
  abstract delete(key: string): Promise<void>;
  /** Releases connections at shutdown. */
  close?(): void;
}

/**
 * The store itself failed (unreachable, refused, full), as opposed to the content stream it was
 * given (too large, wrong type, cut off), which rejects with that stream's own error.
 */
export class StorageUnavailableError extends Error {
  constructor(
    readonly driver: 'local' | 's3',
    override readonly cause: unknown,
  ) {
    super(`${driver} storage failed: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
}

/** An error of the file system itself (it names a system call), not of a stream piped into it. */
export function isFileSystemError(error: unknown): boolean {
  return typeof (error as NodeJS.ErrnoException | undefined)?.syscall === 'string';
}

const KEY = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Keys come from randomUUID(); anything else (a name, `../`) is a bug and never reaches a path. */
export function assertStorageKey(key: string): void {
  if (!KEY.test(key)) throw new Error(`not a storage key: ${JSON.stringify(key.slice(0, 80))}`);
}
