import { ValidationError } from './errors.js';

/**
 * Longest comment, note, description or question a case accepts, in characters: a text Telegram split in three messages
 * of 4,096 fits whole, with the line breaks that join the parts. Each platform's sender cuts what it relays to its own
 * message limit (Telegram 4,096, Discord 2,000, Teams 4,000 a message).
 */
export const MAX_TEXT_LENGTH = 12_300;

/** Trims `raw` and checks it holds 1..MAX_TEXT_LENGTH characters (TEXT_EMPTY / TEXT_TOO_LONG). */
export function cleanText(raw: string | undefined | null): string {
  const text = (raw ?? '').trim();
  if (text.length === 0) throw new ValidationError('TEXT_EMPTY');
  // Count code points, not UTF-16 units: an emoji is one character to the person typing it.
  const length = [...text].length;
  if (length > MAX_TEXT_LENGTH) throw new ValidationError('TEXT_TOO_LONG', undefined, { max: MAX_TEXT_LENGTH, length });
  return text;
}

/** Like cleanText, but absent or blank text is fine and gives undefined. */
export function cleanOptionalText(raw: string | undefined | null): string | undefined {
  return raw == null || raw.trim() === '' ? undefined : cleanText(raw);
}

/** Text folded for matching what people type: lower case, no accents, single spaces (`Intégrité` → `integrite`). */
export function foldText(raw: string): string {
  return raw.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase().replace(/[\s_-]+/g, ' ').trim();
}
