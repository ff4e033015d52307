import { mkdir, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AttachmentStorage, assertStorageKey, isFileSystemError, StorageUnavailableError, type StoredObject } from './attachment-storage.js';

/**
 * Files under the data folder: `<dir>/<first two characters of the key>/<key>`. An upload is written
 * to `<dir>/.incoming/` and renamed into place only when complete, so a reader never sees half a
 * file and a refused upload leaves nothing behind.
 */
export class LocalDiskStorage extends AttachmentStorage {
  readonly driver = 'local';
  private readonly incoming: string;

  constructor(private readonly dir: string) {
    super();
    this.incoming = path.join(dir, '.incoming');
  }

  async put(key: string, content: Readable): Promise<void> {
    assertStorageKey(key);
    const partial = path.join(this.incoming, key);
    // Opened before the first byte, so that the clean-up below always finds what it must remove.
    const handle = await storeCall(async () => {
      await mkdir(this.incoming, { recursive: true });
      return open(partial, 'wx', 0o640);
    });
    try {
      await pipeline(content, handle.createWriteStream());
      const target = this.pathOf(key);
      await mkdir(path.dirname(target), { recursive: true });
      await rename(partial, target);
    } catch (error) {
      await handle.close().catch(() => undefined);
      await rm(partial, { force: true }).catch(() => undefined);
      // A full or failing disk is the store's failure; anything else came with the content.
      throw isFileSystemError(error) ? new StorageUnavailableError('local', error) : error;
    }
  }

  async get(key: string): Promise<StoredObject | null> {
    assertStorageKey(key);
    try {
      const handle = await open(this.pathOf(key), 'r');
      const { size } = await handle.stat();
      return { stream: handle.createReadStream(), size };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw new StorageUnavailableError('local', error);
    }
  }

  async delete(key: string): Promise<void> {
    assertStorageKey(key);
    await storeCall(() => rm(this.pathOf(key), { force: true }));
  }

  private pathOf(key: string): string {
    return path.join(this.dir, key.slice(0, 2), key);
  }
}

async function storeCall<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw new StorageUnavailableError('local', error);
  }
}
