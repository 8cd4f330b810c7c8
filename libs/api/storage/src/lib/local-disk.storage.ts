import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, unlink } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { assertStorageKey, DigestStream, FileStorage, StorageObjectNotFoundError, type StoredObject } from './file-storage';

/** Files on one machine's disk under a root directory (`<LAUREL_DATA_DIR>/files` by default). */
export class LocalDiskStorage extends FileStorage {
  private readonly root: string;

  constructor(root: string) {
    super();
    this.root = resolve(root);
  }

  async put(key: string, stream: Readable): Promise<StoredObject> {
    const path = this.pathOf(key);
    await mkdir(dirname(path), { recursive: true });
    // Written beside the target and renamed into place: a reader never sees half a file.
    const partial = `${path}.${randomBytes(6).toString('hex')}.part`;
    const digest = new DigestStream();
    // Opened before the pipeline starts: a write stream opening its file itself could create it
    // after a stream that failed at once had already been cleaned up, leaving the .part behind.
    const file = await open(partial, 'wx', 0o600);
    try {
      await pipeline(stream, digest, file.createWriteStream());
      await rename(partial, path);
    } catch (error) {
      await file.close().catch(() => undefined);
      await unlink(partial).catch(() => undefined);
      throw error;
    }
    return digest.result();
  }

  async get(key: string): Promise<Readable> {
    // Opened before returning, so a missing file is a rejection here, not an error mid-response.
    const handle = await open(this.pathOf(key), 'r').catch((error: NodeJS.ErrnoException) => {
      throw error.code === 'ENOENT' ? new StorageObjectNotFoundError(key) : error;
    });
    return handle.createReadStream();
  }

  async delete(key: string): Promise<void> {
    await unlink(this.pathOf(key)).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
  }

  private pathOf(key: string): string {
    assertStorageKey(key);
    return join(this.root, ...key.split('/'));
  }
}
