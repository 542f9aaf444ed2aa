import { escapeMarkdown } from 'discord.js';
import type { RenderedChoice, RenderedMessage } from '../../src/app/render.js';
import type { OutMessage } from '../../src/ports/turn.js';

/** Discord's limits (https://discord.com/docs/resources/message, .../interactions/message-components). */
export const LIMITS = {
  content: 2000,
  embedTitle: 256,
  embedDescription: 4096,
  buttonLabel: 80,
  buttonsPerRow: 5,
  rows: 5,
  selectOptions: 25,
  selectLabel: 100,
} as const;

/** Above this many choices, the choices go in a select menu (a list of orders), not buttons. */
const SELECT_ABOVE = 5;

/** Free-text steps that read better as a Discord form (modal) than as a chat message. */
export const FORM_KINDS = ['text', 'description', 'amount', 'tracking'] as const;
export type FormKind = (typeof FORM_KINDS)[number];

export function isFormKind(x: string): x is FormKind {
  return (FORM_KINDS as readonly string[]).includes(x);
}

/** One component before custom ids are assigned. */
export type ComponentSpec =
  | { type: 'button'; label: string; token: string; style: RenderedChoice['style'] }
  | { type: 'form'; label: string; kind: FormKind }
  | { type: 'select'; placeholder: string; options: { label: string; token: string }[] };

/** A message laid out for Discord: escaped text chunks, the case card as an embed, component rows. */
export interface DiscordView {
  chunks: string[];
  embed: { title: string; description: string; color: number } | null;
  rows: ComponentSpec[][];
  /** Components that did not fit Discord's limits (logged by the caller). */
  dropped: number;
}

/** Sidebar colours of a case card by status. */
const STATUS_COLOR: Record<string, number> = { open: 0x3b82f6, escalated: 0xf59e0b, closed: 0x6b7280 };

/** Escapes Discord markdown, headings and masked links included: every text we post is plain prose. */
export function escapeText(text: string): string {
  return escapeMarkdown(text, { heading: true, maskedLink: true, bulletedList: false, numberedList: false });
}

/**
 * Lays out a rendered engine message natively. `labels` gives the localized texts the layout adds
 * (the select placeholder and the form button).
 */
export function toDiscordView(r: RenderedMessage, out: Pick<OutMessage, 'expects' | 'card'>, labels: { select: string; form: (kind: FormKind) => string }): DiscordView {
  const embed = r.card
    ? {
        title: clip(escapeText(r.card.title), LIMITS.embedTitle),
        description: clip(r.card.lines.map(escapeText).join('\n'), LIMITS.embedDescription),
        color: STATUS_COLOR[out.card?.status ?? ''] ?? STATUS_COLOR.open!,
      }
    : null;
  const seen = new Set<string>();
  const unique = (cs: RenderedChoice[]) => cs.filter((c) => !seen.has(c.token) && seen.add(c.token));
  const choices = unique(r.choices);
  const actions = unique(r.card?.actions ?? []);

  const rows: ComponentSpec[][] = [];
  let buttons: ComponentSpec[] = [];
  if (choices.length > SELECT_ABOVE) {
    for (let i = 0; i < choices.length; i += LIMITS.selectOptions) {
      const options = choices.slice(i, i + LIMITS.selectOptions).map((c) => ({ label: clip(c.label, LIMITS.selectLabel), token: c.token }));
      rows.push([{ type: 'select', placeholder: labels.select, options }]);
    }
  } else buttons = choices.map(button);
  buttons.push(...actions.map(button));
  if (out.expects && isFormKind(out.expects)) buttons.push({ type: 'form', label: clip(labels.form(out.expects), LIMITS.buttonLabel), kind: out.expects });
  for (let i = 0; i < buttons.length; i += LIMITS.buttonsPerRow) rows.push(buttons.slice(i, i + LIMITS.buttonsPerRow));

  const kept = rows.slice(0, LIMITS.rows);
  const dropped = rows.slice(LIMITS.rows).reduce((n, row) => n + row.length, 0);
  return { chunks: split(escapeText(r.text), LIMITS.content), embed, rows: kept, dropped };
}

function button(c: RenderedChoice): ComponentSpec {
  return { type: 'button', label: clip(c.label, LIMITS.buttonLabel), token: c.token, style: c.style };
}

function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : text;
}

/** Cuts text into pieces of at most `limit` characters, at a line break or a space when there is one. */
export function split(text: string, limit: number): string[] {
  const pieces: string[] = [];
  let rest = text.trim();
  while (rest.length > limit) {
    let cut = rest.lastIndexOf('\n', limit);
    if (cut < limit / 2) cut = rest.lastIndexOf(' ', limit);
    if (cut < limit / 2) cut = limit;
    // Never leave a lone escaping backslash at the end of a piece.
    while (cut > 1 && rest[cut - 1] === '\\') cut--;
    pieces.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest !== '') pieces.push(rest);
  return pieces;
}
