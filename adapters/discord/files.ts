import { ValidationError } from '../../src/domain/errors.js';
import type { BlobRef } from '../../src/domain/types.js';
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
  const tooLarge = () => new ValidationError('INPUT_TOO_LARGE', 'file too large', { maxMb: Math.floor(maxBytes / (1024 * 1024)) });

  return {
    maxBytes,
    async keep(a: AttachmentRef): Promise<BlobRef> {
      if (a.size > maxBytes) throw tooLarge();
      const url = new URL(a.url);
      // Only Discord's own file hosts: an attachment URL is never a way to make Palabre fetch anything else.
      if (!hosts.has(url.host) || !/^https?:$/.test(url.protocol)) throw new ValidationError('UNSUPPORTED_MEDIA', `attachment host ${url.host} is not Discord's`);
      const data = await download(url, maxBytes, tooLarge);
      return deps.blobs.put(data, { contentType: a.contentType ?? 'application/octet-stream', name: a.name });
    },
  };
}

export type DiscordFiles = ReturnType<typeof createDiscordFiles>;

/** Reads the body and stops as soon as it passes the limit, whatever Content-Length said. */
async function download(url: URL, maxBytes: number, tooLarge: () => Error): Promise<Uint8Array> {
  const res = await fetch(url, { signal: AbortSignal.timeout(60_000), redirect: 'error' });
  if (!res.ok || !res.body) throw new Error(`attachment download failed: HTTP ${res.status}`);
  if (Number(res.headers.get('content-length') ?? 0) > maxBytes) {
    await res.body.cancel();
    throw tooLarge();
  }
  const parts: Uint8Array[] = [];
  let size = 0;
  const reader = res.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    parts.push(value);
  }
  return Buffer.concat(parts);
}
