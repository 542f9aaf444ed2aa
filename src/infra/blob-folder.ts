import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BlobRef } from '../domain/types.js';
import type { BlobPreview, BlobStore, StoredBlob } from '../ports/blob-store.js';
import { admit, BLOB_ID, blobIdOf, DEFAULT_BLOB_LIMITS, storageError, storedRefSchema, type BlobLimits } from './blob-common.js';

export { DEFAULT_BLOB_LIMITS, type BlobLimits } from './blob-common.js';

const isMissing = (err: unknown) => (err as NodeJS.ErrnoException).code === 'ENOENT';

/** A write the disk refused (full, read-only, no permission) is the storage's failure, not the user's. */
async function orStorageError<T>(what: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    throw storageError(`${what}: ${(err as Error).message}`, err);
  }
}

/**
 * Blobs in a folder: `<dir>/<id[0..2]>/<id>`, its `<id>.json` reference and, for photos, `<id>.preview`.
 * The id is the sha-256 of the bytes, so storing the same photo twice keeps one copy.
 * For single-host installs: another host cannot read this folder (use BLOB_URL=s3://… there).
 */
export function createFolderBlobStore(dir: string, limits: BlobLimits = {}): BlobStore {
  const lim = { ...DEFAULT_BLOB_LIMITS, ...limits };
  const pathOf = (id: string) => join(dir, id.slice(0, 2), id);

  /** Write-then-rename so a reader never sees half a file. */
  async function writeAtomic(path: string, data: Uint8Array | string) {
    const tmp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
    await writeFile(tmp, data);
    await rename(tmp, path);
  }

  async function readRef(id: string) {
    return storedRefSchema.parse(JSON.parse(await readFile(`${pathOf(id)}.json`, 'utf8')));
  }

  return {
    async put(data, meta) {
      const ref: BlobRef = { id: blobIdOf(data), ...(await admit(data, meta, lim)) };
      await orStorageError('blob folder write failed', async () => {
        await mkdir(join(dir, ref.id.slice(0, 2)), { recursive: true });
        await writeAtomic(pathOf(ref.id), data);
        if (meta.preview) await writeAtomic(`${pathOf(ref.id)}.preview`, meta.preview.data);
        // The reference is written last: a blob without it is not there for get().
        await writeAtomic(`${pathOf(ref.id)}.json`, JSON.stringify({ ...ref, ...(meta.preview ? { previewType: meta.preview.contentType } : {}) }));
      });
      return ref;
    },
    async get(id) {
      if (!BLOB_ID.test(id)) return null;
      try {
        const { previewType: _, ...ref } = await readRef(id);
        const data = new Uint8Array(await readFile(pathOf(id)));
        return { ref: { ...ref, id }, data };
      } catch (err) {
        if (isMissing(err)) return null;
        throw err;
      }
    },
    async preview(id) {
      if (!BLOB_ID.test(id)) return null;
      try {
        const { previewType } = await readRef(id);
        if (!previewType) return null;
        return { contentType: previewType, data: new Uint8Array(await readFile(`${pathOf(id)}.preview`)) };
      } catch (err) {
        if (isMissing(err)) return null;
        throw err;
      }
    },
    async delete(id) {
      if (!BLOB_ID.test(id)) return false;
      const existed = await stat(`${pathOf(id)}.json`).then(() => true, () => false);
      // The reference goes first: a half-done delete leaves no blob that get() would half-read.
      for (const suffix of ['.json', '', '.preview']) await rm(`${pathOf(id)}${suffix}`, { force: true });
      return existed;
    },
    async list() {
      const out: StoredBlob[] = [];
      const shards = await readdir(dir).catch((err: unknown) => (isMissing(err) ? [] : Promise.reject(err)));
      for (const shard of shards) {
        for (const file of await readdir(join(dir, shard)).catch(() => [] as string[])) {
          const id = file.slice(0, -'.json'.length);
          // The reference is written last: its time is the blob's.
          if (!file.endsWith('.json') || !BLOB_ID.test(id)) continue;
          const at = await stat(join(dir, shard, file)).then((s) => s.mtime.toISOString(), () => null);
          if (at) out.push({ id, storedAt: at });
        }
      }
      return out;
    },
    async usage() {
      let objects = 0;
      let bytes = 0;
      const shards = await readdir(dir).catch((err: unknown) => (isMissing(err) ? [] : Promise.reject(err)));
      for (const shard of shards) {
        for (const file of await readdir(join(dir, shard)).catch(() => [] as string[])) {
          if (file.endsWith('.tmp') || file.endsWith('.json')) continue;
          if (BLOB_ID.test(file)) objects += 1;
          bytes += (await stat(join(dir, shard, file)).catch(() => ({ size: 0 }))).size;
        }
      }
      return { objects, bytes };
    },
    async check() {
      await orStorageError(`blob folder ${dir} is not writable`, () => mkdir(dir, { recursive: true }));
    },
  };
}

/** Blobs in process memory (embedded mode, tests), with the same limits and ids as the folder. */
export function createMemoryBlobStore(limits: BlobLimits = {}): BlobStore {
  const lim = { ...DEFAULT_BLOB_LIMITS, ...limits };
  const blobs = new Map<string, { ref: BlobRef; data: Uint8Array; preview?: BlobPreview; storedAt: string }>();
  return {
    async put(data, meta) {
      const ref: BlobRef = { id: blobIdOf(data), ...(await admit(data, meta, lim)) };
      const preview = meta.preview ? { contentType: meta.preview.contentType, data: new Uint8Array(meta.preview.data) } : undefined;
      blobs.set(ref.id, { ref, data: new Uint8Array(data), ...(preview ? { preview } : {}), storedAt: new Date().toISOString() });
      return ref;
    },
    async get(id) {
      const b = blobs.get(id);
      return b ? { ref: { ...b.ref }, data: new Uint8Array(b.data) } : null;
    },
    async preview(id) {
      const p = blobs.get(id)?.preview;
      return p ? { contentType: p.contentType, data: new Uint8Array(p.data) } : null;
    },
    async delete(id) {
      return blobs.delete(id);
    },
    async list() {
      return [...blobs.values()].map((b) => ({ id: b.ref.id, storedAt: b.storedAt }));
    },
    async usage() {
      let bytes = 0;
      for (const b of blobs.values()) bytes += b.data.byteLength + (b.preview?.data.byteLength ?? 0);
      return { objects: blobs.size, bytes };
    },
    async check() {},
  };
}
