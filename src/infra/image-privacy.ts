import type Sharp from 'sharp';
import { ValidationError } from '../domain/errors.js';
import type { BlobStore } from '../ports/blob-store.js';
import { baseType, detectType } from './blob-common.js';

/** How photos are re-encoded on the way in. */
export interface ImagePrivacyOptions {
  /** Longest side of the kept photo, in pixels. */
  maxSide?: number;
  /** Size cap of the kept photo: quality, then dimensions, go down until it fits. */
  maxBytes?: number;
  /** Longest side of the preview shown on cards and in the playground. */
  previewSide?: number;
}

const DEFAULTS: Required<ImagePrivacyOptions> = { maxSide: 2560, maxBytes: 2 * 1024 * 1024, previewSide: 480 };
/** Decoding bombs are refused before they take the memory of the process (about 16k × 16k). */
const MAX_INPUT_PIXELS = 268_402_689;
const IMAGE_TYPES = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/gif']);

/** sharp and its native library, loaded with the first photo rather than at every start (a tenth of a second or more). */
let sharpLoaded: Promise<typeof Sharp> | null = null;
function loadSharp(): Promise<typeof Sharp> {
  sharpLoaded ??= import('sharp').then((m) => m.default);
  return sharpLoaded;
}

/** `colis.png` → `colis.jpg`: the name follows the re-encoded bytes. */
function jpegName(name: string | undefined): string | undefined {
  if (!name) return undefined;
  const dot = name.lastIndexOf('.');
  return `${dot > 0 ? name.slice(0, dot) : name}.jpg`;
}

/**
 * A photo as Palabre keeps it: decoded and encoded again as JPEG, so EXIF (GPS position, device, maker notes), XMP and
 * IPTC are gone (sharp writes none unless asked); orientation is applied to the pixels first, the longest side capped.
 */
export async function reencodePhoto(data: Uint8Array, options: ImagePrivacyOptions = {}): Promise<{ photo: Buffer; preview: Buffer }> {
  const o = { ...DEFAULTS, ...options };
  const sharp = await loadSharp();
  // Lenient decoding (a phone's slightly damaged file is still evidence); a file with no readable picture is refused.
  const input = () => sharp(data, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'none' }).rotate().flatten({ background: '#ffffff' });
  let photo: Buffer | null = null;
  try {
    const { width = o.maxSide, height = o.maxSide } = await sharp(data, { limitInputPixels: MAX_INPUT_PIXELS }).metadata();
    for (let side = Math.min(o.maxSide, Math.max(width, height)); !photo; side = Math.round(side * 0.7)) {
      for (const quality of [82, 65]) {
        const out = await input().resize({ width: side, height: side, fit: 'inside', withoutEnlargement: true }).jpeg({ quality }).toBuffer();
        if (out.byteLength <= o.maxBytes || side < 320) {
          photo = out;
          break;
        }
      }
    }
    const preview = await input().resize({ width: o.previewSide, height: o.previewSide, fit: 'inside', withoutEnlargement: true }).jpeg({ quality: 75 }).toBuffer();
    return { photo, preview };
  } catch (err) {
    throw new ValidationError('UNSUPPORTED_MEDIA', `image could not be decoded: ${(err as Error).message}`, {}, { cause: err });
  }
}

/**
 * Privacy by default in front of any blob store: a photo is checked (file-type), re-encoded by reencodePhoto and stored
 * with its preview; the original bytes are never handed to the store. PDFs and text go through as they are (the store
 * checks their type).
 */
export function withPrivateImages(inner: BlobStore, options: ImagePrivacyOptions = {}): BlobStore {
  return {
    ...inner,
    async put(data, meta) {
      const type = baseType(meta.contentType);
      if (!IMAGE_TYPES.has(type)) return inner.put(data, meta);
      if ((await detectType(data)) !== type) throw new ValidationError('UNSUPPORTED_MEDIA', `content type ${type} is not what the bytes are`, { type });
      const { photo, preview } = await reencodePhoto(data, options);
      const name = jpegName(meta.name);
      return inner.put(photo, { contentType: 'image/jpeg', ...(name ? { name } : {}), preview: { contentType: 'image/jpeg', data: preview } });
    },
  };
}
