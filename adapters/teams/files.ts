import { randomBytes } from 'node:crypto';
import type { Attachment } from 'botbuilder';
import type { BlobRef } from '../../src/domain/types.js';
import { extensionOf, sniffMediaType } from '../../src/domain/media.js';
import { downloadLimited } from '../common/download.js';
import type { BlobStore } from '../../src/ports/blob-store.js';
import type { KeyValue } from '../../src/ports/kv.js';
import type { TeamsFileRef } from './parse.js';

/** Images Teams shows inline from a data URL (https://learn.microsoft.com/microsoftteams/platform/bots/how-to/bots-filesv4). */
const INLINE_TYPES = new Set(['image/jpeg', 'image/png', 'image/gif']);
/** Teams shows inline images up to 1 MB; bigger ones go through the file consent card. */
const INLINE_MAX_BYTES = 1024 * 1024;
const CONSENT_TTL_MS = 7 * 24 * 3600_000;
const CONSENT_CARD = 'application/vnd.microsoft.teams.card.file.consent';
const FILE_INFO_CARD = 'application/vnd.microsoft.teams.card.file.info';

export interface TeamsFilesDeps {
  blobs: BlobStore;
  kv: KeyValue;
  /** The bot's Bot Connector token, for inline images the user pasted. */
  botToken: () => Promise<string | null>;
  /** Largest evidence file accepted, in bytes (default 10 MB). */
  maxBytes?: number;
}

/** A file waiting for the user's consent to be uploaded to their OneDrive. */
interface PendingConsent {
  blobId: string;
  userId: string;
}

/** The `fileConsent/invoke` value Teams sends when the user answers a consent card. */
export interface FileConsentAnswer {
  action: 'accept' | 'decline';
  context?: { palabreConsent?: string };
  uploadInfo?: { name?: string; uploadUrl?: string; contentUrl?: string; uniqueId?: string; fileType?: string };
}

/**
 * Files in and out of Teams: what users send is copied into Palabre's blob storage (Teams links
 * expire and need tokens); relayed evidence goes out from there.
 */
export function createTeamsFiles(deps: TeamsFilesDeps) {
  const maxBytes = deps.maxBytes ?? 10 * 1024 * 1024;

  async function download(file: TeamsFileRef, serviceUrl: string): Promise<{ data: Uint8Array; contentType: string }> {
    const headers: Record<string, string> = {};
    // The bot's token goes only to the Bot Connector the activity came from, never to a link in a message.
    if (file.needsBotToken && sameOrigin(file.url, serviceUrl)) {
      const token = await deps.botToken();
      if (token) headers.authorization = `Bearer ${token}`;
    }
    const res = await downloadLimited(file.url, { maxBytes, headers });
    // A picture pasted in the chat comes as `image/*`: the type is the server's, else what the bytes are (the blob
    // store checks the bytes against it either way).
    const contentType = specificType(file.contentType) ?? specificType(res.contentType) ?? sniffMediaType(res.data)?.type ?? 'application/octet-stream';
    return { data: res.data, contentType };
  }

  return {
    maxBytes,
    /** Copies a file the user sent into blob storage; PalabreError INPUT_TOO_LARGE / UNSUPPORTED_MEDIA when refused. */
    async keep(file: TeamsFileRef, serviceUrl: string): Promise<BlobRef> {
      const { data, contentType } = await download(file, serviceUrl);
      return deps.blobs.put(data, { contentType, ...(file.name ? { name: file.name } : {}) });
    },

    /**
     * The attachment that relays a stored blob: a small image inline; anything else, in a personal chat,
     * a consent card that uploads the file to the user's OneDrive once they accept; null where Teams
     * lets a bot post neither (channels: the message says which file the case holds).
     */
    async relay(blobId: string, opts: { personal: boolean; userId?: string; caption?: string }): Promise<{ attachment: Attachment | null; ref: BlobRef; preview?: Attachment } | null> {
      const blob = await deps.blobs.get(blobId);
      if (!blob) return null;
      const { ref, data } = blob;
      const name = ref.name ?? `${ref.id.slice(0, 12)}${extensionOf(ref.contentType)}`;
      if (INLINE_TYPES.has(ref.contentType) && ref.size <= INLINE_MAX_BYTES) {
        return { ref, attachment: { contentType: ref.contentType, name, contentUrl: `data:${ref.contentType};base64,${Buffer.from(data).toString('base64')}` } };
      }
      // A photo too large to show inline is shown by its preview; the full file goes as below.
      const small = ref.contentType.startsWith('image/') ? await deps.blobs.preview(blobId) : null;
      const preview = small ? { preview: { contentType: small.contentType, name: `preview-${name}`, contentUrl: `data:${small.contentType};base64,${Buffer.from(small.data).toString('base64')}` } } : {};
      if (!opts.personal || !opts.userId) return { ref, attachment: null, ...preview };
      const id = randomBytes(12).toString('base64url');
      await deps.kv.set<PendingConsent>(`teams:consent:${id}`, { blobId, userId: opts.userId }, CONSENT_TTL_MS);
      const context = { palabreConsent: id };
      return {
        ref,
        ...preview,
        attachment: {
          contentType: CONSENT_CARD,
          name,
          content: { description: opts.caption ?? name, sizeInBytes: ref.size, acceptContext: context, declineContext: context },
        },
      };
    },

    /**
     * Answers a consent card: on accept, uploads the file to the URL Teams gave and returns the file card
     * to post; `expired` when the file is no longer kept; null when declined, unknown, or answered by someone else.
     */
    async answerConsent(answer: FileConsentAnswer, userId: string): Promise<Attachment | 'expired' | null> {
      const id = answer.context?.palabreConsent;
      if (typeof id !== 'string') return null;
      const pending = await deps.kv.get<PendingConsent>(`teams:consent:${id}`);
      if (!pending || pending.userId !== userId) return null;
      await deps.kv.delete(`teams:consent:${id}`);
      const info = answer.uploadInfo;
      if (answer.action !== 'accept' || !info?.uploadUrl || !info.contentUrl) return null;
      const blob = await deps.blobs.get(pending.blobId);
      if (!blob) return 'expired';
      const size = blob.data.byteLength;
      // A OneDrive upload session takes the whole file in one ranged PUT.
      const res = await fetch(info.uploadUrl, {
        method: 'PUT',
        headers: { 'content-length': String(size), 'content-range': `bytes 0-${size - 1}/${size}` },
        body: Buffer.from(blob.data),
      });
      if (!res.ok) throw new Error(`file upload failed: ${res.status}`);
      return { contentType: FILE_INFO_CARD, contentUrl: info.contentUrl, name: info.name ?? blob.ref.name ?? 'file', content: { uniqueId: info.uniqueId, fileType: info.fileType } };
    },
  };
}

export type TeamsFiles = ReturnType<typeof createTeamsFiles>;

/** A content type that names one type (`image/png`), or null for none, a family (`image/*`) or bytes of any kind. */
function specificType(contentType: string | null | undefined): string | null {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  return type && !type.includes('*') && type !== 'application/octet-stream' ? type : null;
}

function sameOrigin(url: string, serviceUrl: string): boolean {
  try {
    return new URL(serviceUrl).origin === new URL(url).origin;
  } catch {
    return false;
  }
}
