import type { BlobRef } from '../domain/types.js';

/** A small rendition of a stored photo, for cards and the playground. */
export interface BlobPreview {
  contentType: string;
  data: Uint8Array;
}

/** What a store holds, for /metrics. */
export interface BlobUsage {
  objects: number;
  bytes: number;
}

/** One stored blob and when it was written (a blob stored again is written again). */
export interface StoredBlob {
  id: string;
  /** ISO time of the last write. */
  storedAt: string;
}

/**
 * Palabre's own copy of evidence files (platform links expire): a folder, process memory, or S3-compatible
 * object storage. All pass test/ports/blob-store.contract.ts.
 */
export interface BlobStore {
  /** Stores bytes (and their preview, when given) and returns their reference. Throws STORAGE_UNAVAILABLE when the storage refuses. */
  put(data: Uint8Array, meta: { contentType: string; name?: string; preview?: BlobPreview }): Promise<BlobRef>;
  /** The bytes and reference of a stored blob, or null (unknown, or deleted). */
  get(id: string): Promise<{ ref: BlobRef; data: Uint8Array } | null>;
  /** The preview stored with a blob, or null. */
  preview(id: string): Promise<BlobPreview | null>;
  /** Deletes a blob and its preview; true when it was there. */
  delete(id: string): Promise<boolean>;
  /** Every stored blob with its time of writing (for the sweep of files never attached to a case). */
  list(): Promise<StoredBlob[]>;
  /** Objects and bytes stored (blobs only, previews included in bytes). */
  usage(): Promise<BlobUsage>;
  /** Resolves when the storage is reachable and writable-looking; throws STORAGE_UNAVAILABLE with the reason otherwise. */
  check(): Promise<void>;
}
