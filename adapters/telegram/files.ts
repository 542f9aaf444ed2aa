import type { Api } from 'grammy';
import { ValidationError } from '../../src/domain/errors.js';
import type { BlobRef } from '../../src/domain/types.js';
import { safeFileName, sniffMediaType, tooLargeError } from '../../src/domain/media.js';
import { downloadLimited } from '../common/download.js';
import type { BlobStore } from '../../src/ports/blob-store.js';
import type { TelegramFileRef } from './parse.js';

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

  return {
    maxBytes,
    /** Downloads the file and stores it; throws ValidationError INPUT_TOO_LARGE or UNSUPPORTED_MEDIA. */
    async keep(ref: TelegramFileRef): Promise<BlobRef> {
      if (ref.size !== undefined && ref.size > maxBytes) throw tooLargeError(maxBytes);
      const file = await deps.api.getFile(ref.fileId);
      if (file.file_size !== undefined && file.file_size > maxBytes) throw tooLargeError(maxBytes);
      if (!file.file_path) throw new ValidationError('UNSUPPORTED_MEDIA', 'Telegram gave no file path');
      const url = `${deps.apiRoot}/file/bot${deps.token}/${file.file_path}`;
      const { data } = await downloadLimited(url, { maxBytes });
      // Pictures and PDFs, recognised by their first bytes rather than the sender's word.
      const kind = sniffMediaType(data);
      if (!kind) throw new ValidationError('UNSUPPORTED_MEDIA', `unrecognised file (${ref.contentType ?? 'no type'})`);
      const name = safeFileName(ref.name) ?? `${ref.kind}-${ref.uniqueId}${kind.ext}`;
      return deps.blobs.put(data, { contentType: kind.type, name });
    },
  };
}

export type TelegramFiles = ReturnType<typeof createTelegramFiles>;
