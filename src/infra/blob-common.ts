import { createHash } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import { z } from 'zod';
import { PalabreError, ValidationError } from '../domain/errors.js';
import type { BlobRef } from '../domain/types.js';
import { isMediaType, safeFileName, tooLargeError } from '../domain/media.js';

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
export const BLOB_ID = /^[a-f0-9]{64}$/;

/** The id of some bytes: the same photo stored twice (a retried upload) is one blob. */
export const blobIdOf = (data: Uint8Array): string => createHash('sha256').update(data).digest('hex');

/** `Image/JPEG; charset=x` → `image/jpeg`. */
export function baseType(contentType: string): string {
  return (contentType.split(';')[0] ?? '').trim().toLowerCase();
}

/** What the bytes are, by file-type's reading of their structure (not the sender's word); null when unknown. */
export async function detectType(data: Uint8Array): Promise<string | null> {
  return (await fileTypeFromBuffer(data))?.mime ?? null;
}

/** Checks size and type; returns the normalized reference (id still to assign). */
export async function admit(data: Uint8Array, meta: { contentType: string; name?: string }, limits: Required<BlobLimits>): Promise<Omit<BlobRef, 'id'>> {
  if (data.byteLength === 0) throw new ValidationError('VALIDATION', 'empty file');
  if (data.byteLength > limits.maxBytes) throw tooLargeError(limits.maxBytes, data.byteLength);
  const type = baseType(meta.contentType);
  const allowed = limits.allowedTypes.some((t) => t === type || (t.endsWith('/*') && type.startsWith(t.slice(0, -1))));
  // A declared type the bytes contradict is refused: a script is not a photo because it says so.
  if (!allowed || (isMediaType(type) && (await detectType(data)) !== type)) {
    throw new ValidationError('UNSUPPORTED_MEDIA', `content type ${type || '(none)'} is not accepted`, { type });
  }
  const name = safeFileName(meta.name);
  return { contentType: type, size: data.byteLength, ...(name ? { name } : {}) };
}

/** A stored reference, as kept beside the bytes. */
export const storedRefSchema = z.object({
  id: z.string(),
  contentType: z.string(),
  size: z.number(),
  name: z.string().optional(),
  previewType: z.string().optional(),
});

/** The storage refused or could not be reached: the user is told to send the file again later. */
export function storageError(message: string, cause?: unknown): PalabreError {
  return new PalabreError('STORAGE_UNAVAILABLE', message, {}, { cause });
}

/** `s3://bucket/some/prefix` → bucket and `some/prefix/`; null when it is not an s3:// URL with a valid bucket name. */
export function parseBlobUrl(url: string): { bucket: string; prefix: string } | null {
  const m = /^s3:\/\/([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])(?:\/(.*))?$/.exec(url.trim());
  if (!m) return null;
  const path = (m[2] ?? '').replace(/^\/+|\/+$/g, '');
  return { bucket: m[1]!, prefix: path ? `${path}/` : '' };
}
