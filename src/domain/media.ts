import { ValidationError } from './errors.js';

/** The evidence files Palabre recognises from their bytes: photos and PDFs. */
export const MEDIA_TYPES = ['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'application/pdf'] as const;
/** One of MEDIA_TYPES. */
export type MediaType = (typeof MEDIA_TYPES)[number];

const bytesOf = (s: string) => [...s].map((c) => c.charCodeAt(0));
const startsWith = (data: Uint8Array, bytes: number[], at = 0) => data.length >= at + bytes.length && bytes.every((b, i) => data[at + i] === b);

/** Leading bytes of each type, from the formats' own specifications (PNG's is all eight bytes, GIF's names its version). */
const SIGNATURES: { type: MediaType; ext: string; test: (b: Uint8Array) => boolean }[] = [
  { type: 'image/jpeg', ext: '.jpg', test: (b) => startsWith(b, [0xff, 0xd8, 0xff]) },
  { type: 'image/png', ext: '.png', test: (b) => startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  { type: 'image/gif', ext: '.gif', test: (b) => startsWith(b, bytesOf('GIF87a')) || startsWith(b, bytesOf('GIF89a')) },
  { type: 'image/webp', ext: '.webp', test: (b) => startsWith(b, bytesOf('RIFF')) && startsWith(b, bytesOf('WEBP'), 8) },
  { type: 'application/pdf', ext: '.pdf', test: (b) => startsWith(b, bytesOf('%PDF-')) },
];

/** What the bytes really are, whatever name or type they came with; null when they are none of MEDIA_TYPES. */
export function sniffMediaType(bytes: Uint8Array): { type: MediaType; ext: string } | null {
  const hit = SIGNATURES.find((s) => s.test(bytes));
  return hit ? { type: hit.type, ext: hit.ext } : null;
}

/** True for the types whose bytes sniffMediaType can check. */
export function isMediaType(type: string): type is MediaType {
  return (MEDIA_TYPES as readonly string[]).includes(type);
}

/** The usual file extension of a content type (`.jpg`), or '' when Palabre has none for it. */
export function extensionOf(contentType: string): string {
  if (contentType === 'text/plain') return '.txt';
  return SIGNATURES.find((s) => s.type === contentType)?.ext ?? '';
}

/** Controls (C0, DEL, C1) and the bidi marks that can make `gpj.exe` read as `exe.jpg`. */
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/** Reserved on common file systems and inside a quoted header parameter. */
const RESERVED = /["<>|:*?]/g;

/**
 * A sender's file name made safe to keep and show: its last path segment only, without invisible characters,
 * at most `maxLength` characters (the extension survives the cut); undefined when nothing usable is left.
 */
export function safeFileName(name: string | undefined, maxLength = 120): string | undefined {
  if (!name) return undefined;
  const base = (name.replace(INVISIBLE, '').split(/[\\/]/).pop() ?? '').replace(RESERVED, '_').trim();
  if (!base || /^\.+$/.test(base)) return undefined;
  const chars = [...base];
  if (chars.length <= maxLength) return base;
  const dot = base.lastIndexOf('.');
  const ext = dot > 0 && base.length - dot <= 10 ? base.slice(dot) : '';
  return chars.slice(0, maxLength - ext.length).join('').trimEnd() + ext;
}

/** The refusal of a file over `maxBytes` (the user is told the limit in MB). */
export function tooLargeError(maxBytes: number, size?: number): ValidationError {
  const message = size === undefined ? `file over the ${maxBytes}-byte limit` : `file is ${size} bytes, limit ${maxBytes}`;
  return new ValidationError('INPUT_TOO_LARGE', message, { maxBytes, maxMb: Math.floor(maxBytes / (1024 * 1024)) });
}

