import type { BlobRef } from '../domain/types.js';

/** Palabre's own copy of evidence files (platform links expire). A folder by default. */
export interface BlobStore {
  /** Stores bytes and returns their reference. */
  put(data: Uint8Array, meta: { contentType: string; name?: string }): Promise<BlobRef>;
  /** The bytes and reference of a stored blob, or null. */
  get(id: string): Promise<{ ref: BlobRef; data: Uint8Array } | null>;
}
