import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { StorageObjectNotFoundError } from './file-storage';
import { LocalDiskStorage } from './local-disk.storage';

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

describe(LocalDiskStorage.name, () => {
  let root: string;
  let sut: LocalDiskStorage;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'laurel-storage-'));
    sut = new LocalDiskStorage(root);
  });

  it('stores a stream under its key, answers its size and SHA-256, and gives it back', async () => {
    const chunks = ['Hồ sơ ', 'dự thi ', '2026'];
    const stored = await sut.put('attachments/0b6f1c9e-7c1f-4a55-9d1e-3f1f4a0d2b11', Readable.from(chunks.map((c) => Buffer.from(c))));
    const bytes = Buffer.from(chunks.join(''));
    expect(stored).toEqual({ size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') });
    expect(await text(await sut.get('attachments/0b6f1c9e-7c1f-4a55-9d1e-3f1f4a0d2b11'))).toBe('Hồ sơ dự thi 2026');
    const file = join(root, 'attachments', '0b6f1c9e-7c1f-4a55-9d1e-3f1f4a0d2b11');
    expect(filesUnder(root)).toEqual([file]);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('leaves nothing behind when the incoming stream fails half way', async () => {
    async function* failing() {
      yield Buffer.from('first half');
      throw new Error('client went away');
    }
    await expect(sut.put('attachments/broken', Readable.from(failing()))).rejects.toThrow('client went away');
    expect(filesUnder(root)).toEqual([]);
    await expect(sut.get('attachments/broken')).rejects.toBeInstanceOf(StorageObjectNotFoundError);
  });

  it('deletes, and deleting a missing key is no error', async () => {
    await sut.put('attachments/gone', Readable.from([Buffer.from('x')]));
    await sut.delete('attachments/gone');
    await sut.delete('attachments/gone');
    await expect(sut.get('attachments/gone')).rejects.toBeInstanceOf(StorageObjectNotFoundError);
  });

  it('refuses keys that could leave its root or name a file by a user-chosen name', async () => {
    for (const key of ['../etc/passwd', 'attachments/../../x', '/abs', 'Deck.pdf', 'a//b', '']) {
      await expect(sut.put(key, Readable.from([Buffer.from('x')]))).rejects.toThrow(/Invalid storage key/);
    }
    expect(filesUnder(root)).toEqual([]);
  });
});
