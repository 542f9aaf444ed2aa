import type { RenderedMessage } from '../../src/app/render.js';

/** Telegram's limit on a message text, in characters after entity parsing (https://core.telegram.org/bots/api#sendmessage). */
export const TEXT_LIMIT = 4096;
/** Telegram's limit on a photo or document caption. */
export const CAPTION_LIMIT = 1024;

/** A message ready for the Bot API: HTML chunks (each within TEXT_LIMIT) and button rows carrying engine tokens. */
export interface TelegramView {
  chunks: string[];
  buttons: { text: string; token: string }[][];
}

/** Escapes text for Telegram's HTML parse mode (https://core.telegram.org/bots/api#html-style). */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

interface Block {
  raw: string;
  bold?: boolean;
}

/** Lays a rendered message out for Telegram: body, then the case card with a bold title; every user text escaped. */
export function toTelegramView(r: RenderedMessage): TelegramView {
  const blocks: Block[] = r.text.split('\n').map((raw) => ({ raw }));
  if (r.card) {
    if (blocks.some((b) => b.raw.trim() !== '')) blocks.push({ raw: '' });
    blocks.push({ raw: r.card.title, bold: true }, ...r.card.lines.map((raw) => ({ raw })));
  }
  const seen = new Set<string>();
  const buttons = [...r.choices, ...(r.card?.actions ?? [])]
    .filter((c) => !seen.has(c.token) && seen.add(c.token))
    .map((c) => ({ text: c.label, token: c.token }));
  return { chunks: pack(blocks.flatMap(toLines), TEXT_LIMIT), buttons: layout(buttons) };
}

/** Short labels two to a row, long ones alone, so a phone screen shows them whole. */
function layout(buttons: { text: string; token: string }[]): { text: string; token: string }[][] {
  const rows: { text: string; token: string }[][] = [];
  for (const b of buttons) {
    const last = rows.at(-1);
    if (last && last.length === 1 && last[0]!.text.length <= 18 && b.text.length <= 18) last.push(b);
    else rows.push([b]);
  }
  return rows;
}

/** One block as HTML lines, a block longer than the limit cut into several. */
function toLines(block: Block): string[] {
  const wrap = (s: string) => (block.bold ? `<b>${s}</b>` : s);
  const room = TEXT_LIMIT - (block.bold ? 7 : 0);
  return splitEscaped(block.raw, room).map(wrap);
}

/** Cuts raw text into pieces whose escaped form fits `limit`, preferring to cut at a space. */
export function splitEscaped(raw: string, limit: number): string[] {
  // Nearly every line fits: escaped whole, it is what the cutting below would give.
  const whole = escapeHtml(raw);
  if (whole.length <= limit) return [whole];
  const pieces: string[] = [];
  let current = '';
  let size = 0;
  for (const ch of raw) {
    const add = escapeHtml(ch).length;
    if (size + add > limit) {
      const cut = current.lastIndexOf(' ');
      const head = cut > current.length / 2 ? current.slice(0, cut) : current;
      pieces.push(escapeHtml(head));
      current = current.slice(head.length).replace(/^ /, '');
      size = escapeHtml(current).length;
    }
    current += ch;
    size += add;
  }
  pieces.push(escapeHtml(current));
  return pieces;
}

/** Joins HTML lines into as few messages as fit the limit, never cutting inside a line (lines carry whole tags). */
function pack(lines: string[], limit: number): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const line of lines) {
    const next = current === '' ? line : `${current}\n${line}`;
    if (next.length > limit && current !== '') {
      chunks.push(current);
      current = line;
    } else current = next;
  }
  chunks.push(current);
  return chunks.map((c) => c.trim()).filter((c) => c !== '');
}
