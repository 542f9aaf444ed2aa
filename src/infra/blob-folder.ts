import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { ValidationError } from '../domain/errors.js';
import type { BlobRef } from '../domain/types.js';
import type { BlobStore } from '../ports/blob-store.js';
import { isMediaType, safeFileName, sniffMediaType, tooLargeError } from '../domain/media.js';

/** What a blob store accepts. `allowedTypes` entries are exact (`image/png`) or a family (`image/*`). */
export interface BlobLimits {
  maxBytes?: number;
  allowedTypes?: string[];
}

/** Evidence is photos, scans and documents: 10 MiB matches what the platforms let bots download. */
export const DEFAULT_BLOB_LIMITS: Required<BlobLimits> = {
  maxBytes: 10 * 1024 * 1024,
  allowedTypes: ['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'application/pdf', 'text/plain'],
};

/** Content-addressed ids: sha-256 hex. Anything else (`../x`, `a/b`) is not an id and is never touched. */
const ID = /^[a-f0-9]{64}$/;

/** `Image/JPEG; charset=x` → `image/jpeg`. */
function baseType(contentType: string): string {
  return (contentType.split(';')[0] ?? '').trim().toLowerCase();
}

/** Checks size and type; returns the normalized reference (id still to assign). */
function admit(data: Uint8Array, meta: { contentType: string; name?: string }, limits: Required<BlobLimits>): Omit<BlobRef, 'id'> {
  if (data.byteLength === 0) throw new ValidationError('VALIDATION', 'empty file');
  if (data.byteLength > limits.maxBytes) throw tooLargeError(limits.maxBytes, data.byteLength);
  const type = baseType(meta.contentType);
  const allowed = limits.allowedTypes.some((t) => t === type || (t.endsWith('/*') && type.startsWith(t.slice(0, -1))));
  // A declared type the bytes contradict is refused: a script is not a photo because it says so.
  if (!allowed || (isMediaType(type) && sniffMediaType(data)?.type !== type)) {
    throw new ValidationError('UNSUPPORTED_MEDIA', `content type ${type || '(none)'} is not accepted`, { type });
  }
  const name = safeFileName(meta.name);
  return { contentType: type, size: data.byteLength, ...(name ? { name } : {}) };
}

const refSchema = z.object({ id: z.string(), contentType: z.string(), size: z.number(), name: z.string().optional() });

/**
 * Blobs in a folder: `<dir>/<id[0..2]>/<id>` and its `<id>.json` reference. The id is the sha-256 of
 * the bytes, so storing the same photo twice (a retried upload) keeps one copy.
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

  return {
    async put(data, meta) {
      const ref: BlobRef = { id: createHash('sha256').update(data).digest('hex'), ...admit(data, meta, lim) };
      await mkdir(join(dir, ref.id.slice(0, 2)), { recursive: true });
      await writeAtomic(pathOf(ref.id), data);
      await writeAtomic(`${pathOf(ref.id)}.json`, JSON.stringify(ref));
      return ref;
    },
    async get(id) {
      if (!ID.test(id)) return null;
      try {
        const ref = refSchema.parse(JSON.parse(await readFile(`${pathOf(id)}.json`, 'utf8')));
        const data = new Uint8Array(await readFile(pathOf(id)));
        return { ref: { ...ref, id }, data };
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw err;
      }
    },
  };
}

/** Blobs in process memory (embedded mode, tests), with the same limits and ids as the folder. */
export function createMemoryBlobStore(limits: BlobLimits = {}): BlobStore {
  const lim = { ...DEFAULT_BLOB_LIMITS, ...limits };
  const blobs = new Map<string, { ref: BlobRef; data: Uint8Array }>();
  return {
    async put(data, meta) {
      const ref: BlobRef = { id: createHash('sha256').update(data).digest('hex'), ...admit(data, meta, lim) };
      blobs.set(ref.id, { ref, data: new Uint8Array(data) });
      return ref;
    },
    async get(id) {
      const b = blobs.get(id);
      return b ? { ref: { ...b.ref }, data: new Uint8Array(b.data) } : null;
    },
  };
}
