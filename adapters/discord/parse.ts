import { ChannelType } from 'discord.js';
import type { TurnContent, TurnInput } from '../../src/ports/turn.js';
import { isFormKind, type FormKind } from './render.js';
import { DISCORD_CAPABILITIES } from './capabilities.js';

/**
 * custom_id layout (at most 100 characters, https://discord.com/docs/interactions/message-components#custom-id):
 * `a:<token>` an engine button, `s:<n>` a select menu whose values are engine tokens, `f:<kind>` a button
 * that opens a form, `m:<kind>` that form's submission. Tokens stay opaque: the engine resolves them server-side.
 */
export type CustomId =
  | { kind: 'action'; token: string }
  | { kind: 'select' }
  | { kind: 'form'; form: FormKind }
  | { kind: 'modal'; form: FormKind };

export const CUSTOM_ID_MAX = 100;
/** What an engine token may look like once in a custom_id or a select value: printable, no spaces. */
const TOKEN = /^[\x21-\x7e]{1,98}$/;

/** The custom_id of an engine button. */
export const actionId = (token: string) => `a:${token}`;
export const selectId = (n: number) => `s:${n}`;
export const formId = (kind: FormKind) => `f:${kind}`;
export const modalId = (kind: FormKind) => `m:${kind}`;

/** Reads a custom_id; null for anything Palabre did not issue in this layout. */
export function parseCustomId(id: string): CustomId | null {
  if (id.length > CUSTOM_ID_MAX) return null;
  const [prefix, rest = ''] = [id.slice(0, 2), id.slice(2)];
  switch (prefix) {
    case 'a:':
      return TOKEN.test(rest) ? { kind: 'action', token: rest } : null;
    case 's:':
      return /^\d{1,2}$/.test(rest) ? { kind: 'select' } : null;
    case 'f:':
      return isFormKind(rest) ? { kind: 'form', form: rest } : null;
    case 'm:':
      return isFormKind(rest) ? { kind: 'modal', form: rest } : null;
    default:
      return null;
  }
}

/** True when a select value can be an engine token. */
export const isTokenShaped = (value: string) => TOKEN.test(value);

/** Where an event happened, as far as the adapter needs to know. */
export interface Place {
  channelId: string;
  channelType: ChannelType | null;
  /** The thread's parent channel, for threads. */
  parentId: string | null;
  guildId: string | null;
}

export const isThread = (p: Place) =>
  p.channelType === ChannelType.PrivateThread || p.channelType === ChannelType.PublicThread || p.channelType === ChannelType.AnnouncementThread;

/** The staff channel, or a thread in it. */
export const isStaffPlace = (p: Place, staffChannelId: string | undefined) =>
  Boolean(staffChannelId) && (p.channelId === staffChannelId || (isThread(p) && p.parentId === staffChannelId));

/**
 * The TurnInput of an event. A Discord thread is a channel of its own, so it is both the conversation and
 * the thread: the engine finds the case of a thread by that id.
 */
export function turnInput(
  who: { userId: string; userName?: string; languageHint?: string },
  place: Place,
  content: TurnContent,
  opts: { staffChannelId?: string; replyToMessageId?: string | null },
): TurnInput {
  return {
    platform: 'discord',
    userId: who.userId,
    ...(who.userName ? { userName: who.userName } : {}),
    ...(who.languageHint ? { languageHint: who.languageHint } : {}),
    conversationId: place.channelId,
    threadId: isThread(place) ? place.channelId : null,
    replyToMessageId: opts.replyToMessageId ?? null,
    isPrivate: place.channelType === ChannelType.DM,
    isStaffChannel: isStaffPlace(place, opts.staffChannelId),
    capabilities: DISCORD_CAPABILITIES,
    content,
  };
}

/**
 * A chat message as turn content: the bot's mention removed, a leading `/name args` read as a command
 * (Discord clients send unknown slash commands as plain text). Null when nothing is left.
 */
export function textContent(raw: string, botId: string): TurnContent | null {
  const text = raw.replace(new RegExp(`<@!?${botId}>`, 'g'), ' ').trim();
  if (text === '') return null;
  const cmd = /^\/([a-z]{2,20})(?:@\S+)?(?:\s+([\s\S]*))?$/i.exec(text);
  if (cmd) {
    const args = (cmd[2] ?? '').split(/\s+/).filter((a) => a !== '');
    return { type: 'command', name: cmd[1]!.toLowerCase(), args, text };
  }
  return { type: 'text', text };
}

/** The text a form submission stands for, as if the user had typed it. */
export function formText(kind: FormKind, fields: (id: string) => string | null): string {
  if (kind === 'tracking') return [fields('carrier'), fields('number')].map((s) => (s ?? '').trim()).filter(Boolean).join(' ');
  return (fields(kind) ?? '').trim();
}
