/**
 * A text at least this long may be one part of a longer one: Telegram's clients cut a text over 4,096 characters into
 * messages of up to 4,096, at a paragraph, sentence or word where they can.
 */
export const LONG_PART_MIN = 3000;
/** The next part of a split text comes right after the one before (the client sends them in a row). */
export const JOIN_WINDOW_MS = 10_000;

export function isLongPart(text: string): boolean {
  return text.length >= LONG_PART_MIN;
}
