import { ValidationError } from '../../src/domain/errors.js';
import type { BlobRef } from '../../src/domain/types.js';
import { tooLargeError } from '../../src/domain/media.js';
import { downloadLimited } from '../common/download.js';
import type { BlobStore } from '../../src/ports/blob-store.js';

/** Default size limit of one evidence file; the blob store may be stricter. */
export const DEFAULT_MAX_FILE_BYTES = 10 * 1024 * 1024;

/** Where Discord serves attachments (https://discord.com/docs/reference#image-formatting-image-base-url). */
const DISCORD_CDN_HOSTS = ['cdn.discordapp.com', 'media.discordapp.net'];

/** An attachment as the gateway describes it. */
export interface AttachmentRef {
  url: string;
  name: string;
  contentType: string | null;
  size: number;
}

export interface DiscordFilesDeps {
  blobs: BlobStore;
  /** DISCORD_API_URL: its host is trusted too, so a stand-in of Discord can serve attachments. */
  apiUrl: string;
  maxBytes?: number;
}

/**
 * Copies attachments into Palabre's blob storage as soon as they arrive: Discord's CDN links are signed
 * and expire, so evidence must not depend on them. Throws ValidationError INPUT_TOO_LARGE or UNSUPPORTED_MEDIA
 * (the blob store checks the type against the bytes).
 */
export function createDiscordFiles(deps: DiscordFilesDeps) {
  const maxBytes = deps.maxBytes ?? DEFAULT_MAX_FILE_BYTES;
  const hosts = new Set([...DISCORD_CDN_HOSTS, new URL(deps.apiUrl).host]);

  return {
    maxBytes,
    async keep(a: AttachmentRef): Promise<BlobRef> {
      if (a.size > maxBytes) throw tooLargeError(maxBytes);
      const url = new URL(a.url);
      // Only Discord's own file hosts: an attachment URL is never a way to make Palabre fetch anything else.
      if (!hosts.has(url.host) || !/^https?:$/.test(url.protocol)) throw new ValidationError('UNSUPPORTED_MEDIA', `attachment host ${url.host} is not Discord's`);
      // No redirects either: a CDN link that points elsewhere is not followed.
      const { data } = await downloadLimited(url, { maxBytes, redirect: 'error' });
      return deps.blobs.put(data, { contentType: a.contentType ?? 'application/octet-stream', name: a.name });
    },
  };
}

export type DiscordFiles = ReturnType<typeof createDiscordFiles>;
