import type { Api } from 'grammy';
import { ValidationError } from '../../src/domain/errors.js';
import type { BlobRef } from '../../src/domain/types.js';
import type { BlobStore } from '../../src/ports/blob-store.js';
import type { TelegramFileRef } from './parse.js';

/** Evidence Palabre keeps: pictures and PDFs, recognised by their first bytes rather than the sender's word. */
const SIGNATURES: { type: string; ext: string; test: (b: Uint8Array) => boolean }[] = [
  { type: 'image/jpeg', ext: '.jpg', test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { type: 'image/png', ext: '.png', test: (b) => ascii(b, 1, 4) === 'PNG' && b[0] === 0x89 },
  { type: 'image/webp', ext: '.webp', test: (b) => ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WEBP' },
  { type: 'application/pdf', ext: '.pdf', test: (b) => ascii(b, 0, 5) === '%PDF-' },
];

/** Default size limit of one evidence file (the Bot API serves files up to 20 MB). */
export const DEFAULT_MAX_FILE_BYTES = 10 * 1024 * 1024;

export interface TelegramFilesDeps {
  api: Api;
  token: string;
  /** TELEGRAM_API_ROOT: downloads go to `<root>/file/bot<token>/<file_path>` (https://core.telegram.org/bots/api#getfile). */
  apiRoot: string;
  blobs: BlobStore;
  maxBytes?: number;
}

/** Copies photos and documents from Telegram into Palabre's blob storage; refuses oversized or unknown files. */
export function createTelegramFiles(deps: TelegramFilesDeps) {
  const maxBytes = deps.maxBytes ?? DEFAULT_MAX_FILE_BYTES;
  const tooLarge = () => new ValidationError('INPUT_TOO_LARGE', 'file too large', { maxMb: Math.floor(maxBytes / (1024 * 1024)) });

  return {
    maxBytes,
    /** Downloads the file and stores it; throws ValidationError INPUT_TOO_LARGE or UNSUPPORTED_MEDIA. */
    async keep(ref: TelegramFileRef): Promise<BlobRef> {
      if (ref.size !== undefined && ref.size > maxBytes) throw tooLarge();
      const file = await deps.api.getFile(ref.fileId);
      if (file.file_size !== undefined && file.file_size > maxBytes) throw tooLarge();
      if (!file.file_path) throw new ValidationError('UNSUPPORTED_MEDIA', 'Telegram gave no file path');
      const url = `${deps.apiRoot}/file/bot${deps.token}/${file.file_path}`;
      const data = await download(url, maxBytes, tooLarge);
      const kind = SIGNATURES.find((s) => s.test(data));
      if (!kind) throw new ValidationError('UNSUPPORTED_MEDIA', `unrecognised file (${ref.contentType ?? 'no type'})`);
      const name = safeName(ref.name) ?? `${ref.kind}-${ref.uniqueId}${kind.ext}`;
      return deps.blobs.put(data, { contentType: kind.type, name });
    },
  };
}

export type TelegramFiles = ReturnType<typeof createTelegramFiles>;

/** Reads the body, giving up as soon as it passes the limit (a lying Content-Length or none at all). */
async function download(url: string, maxBytes: number, tooLarge: () => Error): Promise<Uint8Array> {
  const res = await fetch(url, { signal: AbortSignal.timeout(60_000) });
  if (!res.ok || !res.body) throw new Error(`file download failed: HTTP ${res.status}`);
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
    size += value.length;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    parts.push(value);
  }
  return Buffer.concat(parts);
}

function ascii(b: Uint8Array, from: number, to: number): string {
  return String.fromCharCode(...b.subarray(from, to));
}

/** The sender's file name without any path, control or quoting characters. */
function safeName(name: string | undefined): string | undefined {
  const clean = name?.replace(/[\\/\x00-\x1f"<>|:*?]/g, '_').trim().slice(-120);
  return clean ? clean : undefined;
}
