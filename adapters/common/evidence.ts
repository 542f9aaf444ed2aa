import type { BlobRef } from '../../src/domain/types.js';
import type { BlobPreview, BlobStore } from '../../src/ports/blob-store.js';
import type { Logger } from '../../src/ports/logger.js';
import type { OutMessage } from '../../src/ports/turn.js';

/** The sentence a recipient reads in place of a relayed or requested file that is no longer kept. */
export const FILE_EXPIRED = 'evidence-file-expired';

/**
 * The file an OutMessage relays, read from the blob store. When it is gone (deleted by retention, swept as never
 * attached, deleted by hand) the message goes out without it and says so, instead of failing or keeping quiet.
 */
export async function relayedFile(
  out: OutMessage,
  blobs: BlobStore,
  logger: Logger,
): Promise<{ out: OutMessage; blob: { ref: BlobRef; data: Uint8Array } | null }> {
  if (!out.blobId) return { out, blob: null };
  const blob = await blobs.get(out.blobId);
  if (blob) return { out, blob };
  logger.info({ blobId: out.blobId, caseId: out.caseId }, 'file to relay is no longer kept; the recipient is told');
  const { blobId: _gone, ...rest } = out;
  return { out: { ...rest, body: [...out.body, { id: FILE_EXPIRED }] }, blob: null };
}

/** A card photo's preview, ready to post: its blob id names it. */
export interface CardPreview extends BlobPreview {
  blobId: string;
}

/** The previews of the photos a case card shows (OutMessage.card.photos); photos no longer kept are left out. */
export async function cardPreviews(out: OutMessage, blobs: BlobStore): Promise<CardPreview[]> {
  const found = await Promise.all((out.card?.photos ?? []).map(async (blobId) => {
    const p = await blobs.preview(blobId);
    return p ? { blobId, ...p } : null;
  }));
  return found.filter((p): p is CardPreview => p !== null);
}
