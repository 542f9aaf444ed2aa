import type { Message, Update, User } from 'grammy/types';
import type { TurnContent, TurnInput } from '../../src/ports/turn.js';
import { TELEGRAM_CAPABILITIES } from './capabilities.js';

/** A photo or document to fetch through the Bot API before the engine sees it. */
export interface TelegramFileRef {
  fileId: string;
  kind: 'photo' | 'document';
  /** What Telegram says about it; checked again on the downloaded bytes. */
  size?: number;
  contentType?: string;
  name?: string;
  uniqueId: string;
}

/** What a private message held that Palabre cannot take: a voice note, a video, or something else (sticker, location…). */
export type UnsupportedContent = 'voice' | 'video' | 'other';

/** An update turned into engine input; files still to download. */
export type ParsedUpdate =
  | { input: Omit<TurnInput, 'content'>; content: TurnContent; file?: undefined; unsupported?: undefined; pressedMessageId?: number; messageId?: number }
  | { input: Omit<TurnInput, 'content'>; content?: undefined; file: TelegramFileRef; unsupported?: undefined; caption?: string; messageId: number; pressedMessageId?: undefined }
  | { input: Omit<TurnInput, 'content'>; content?: undefined; file?: undefined; unsupported: UnsupportedContent; messageId: number; pressedMessageId?: undefined };

export interface ParseOptions {
  /** The bot's username, to drop `/command@OtherBot` in groups. */
  botUsername: string;
  /** TELEGRAM_SUPPORT_CHAT_ID: the only chat where support commands run. */
  supportChatId?: string;
}

/** Translates one Telegram update into a TurnInput; null for what Palabre ignores (service messages, other bots). */
export function parseUpdate(update: Update, opts: ParseOptions): ParsedUpdate | null {
  if (update.edited_message) return parseEdit(update.edited_message, opts);
  if (update.callback_query) {
    const q = update.callback_query;
    const m = q.message;
    if (!m || q.data === undefined || q.from.is_bot) return null;
    const input = base(q.from, m.chat, opts, m.is_topic_message ? m.message_thread_id : undefined, null);
    return { input, content: { type: 'action', token: q.data }, pressedMessageId: m.message_id };
  }
  const m = update.message;
  if (!m || !m.from || m.from.is_bot) return null;
  const input = { ...base(m.from, m.chat, opts, m.is_topic_message ? m.message_thread_id : undefined, m.reply_to_message?.message_id ?? null), messageId: String(m.message_id) };
  if (m.text !== undefined) {
    const command = parseCommand(m, opts.botUsername);
    if (command === 'other-bot') return null;
    return { input, content: command ?? { type: 'text', text: m.text }, messageId: m.message_id };
  }
  const file = fileOf(m);
  if (file) return { input, file, messageId: m.message_id, ...(m.caption ? { caption: m.caption } : {}) };
  // In a private chat a buyer is never left without an answer: a voice note, a video, a sticker gets one.
  const unsupported = input.isPrivate ? unsupportedOf(m) : null;
  if (unsupported) return { input, unsupported, messageId: m.message_id };
  return null;
}

/**
 * A user's edit of a text or of a caption (https://core.telegram.org/bots/api#update, `edited_message`). Telegram also
 * sends edited_message for each move of a live location, for messages sent through an inline bot, and for changes to
 * fields Palabre does not read: none of those has new words, and they get no answer.
 */
function parseEdit(m: Message, opts: ParseOptions): ParsedUpdate | null {
  if (!m.from || m.from.is_bot || m.via_bot || m.location || m.edit_date === undefined) return null;
  const text = m.text ?? m.caption;
  if (text === undefined || text.trim() === '') return null;
  const command = m.text !== undefined ? parseCommand(m, opts.botUsername) : null;
  if (command === 'other-bot') return null;
  const input = { ...base(m.from, m.chat, opts, m.is_topic_message ? m.message_thread_id : undefined, m.reply_to_message?.message_id ?? null), messageId: String(m.message_id) };
  return { input, content: { type: 'edit', text, ...(command ? { command: true } : {}) }, messageId: m.message_id };
}

/** What a user sent that is not text, a photo or a document; null for service messages (a pin, a member joining). */
function unsupportedOf(m: Message): UnsupportedContent | null {
  if (m.voice || m.audio) return 'voice';
  if (m.video || m.video_note || m.animation) return 'video';
  if (m.sticker || m.location || m.venue || m.contact || m.poll || m.dice || m.game || m.story) return 'other';
  return null;
}

function base(from: User, chat: Message['chat'], opts: ParseOptions, threadId: number | undefined, replyTo: number | null): Omit<TurnInput, 'content'> {
  const name = [from.first_name, from.last_name].filter(Boolean).join(' ') || from.username;
  return {
    platform: 'telegram',
    userId: String(from.id),
    ...(name ? { userName: name } : {}),
    ...(from.language_code ? { languageHint: from.language_code } : {}),
    conversationId: String(chat.id),
    threadId: threadId !== undefined ? String(threadId) : null,
    replyToMessageId: replyTo !== null ? String(replyTo) : null,
    isPrivate: chat.type === 'private',
    isStaffChannel: opts.supportChatId !== undefined && String(chat.id) === opts.supportChatId,
    capabilities: TELEGRAM_CAPABILITIES,
  };
}

/** `/refund@palabre_bot C-000001 5000` → command `refund`, args `['C-000001', '5000']`; Telegram marks it with a bot_command entity. */
function parseCommand(m: Message, botUsername: string): TurnContent | 'other-bot' | null {
  const text = m.text ?? '';
  const entity = m.entities?.find((e) => e.type === 'bot_command' && e.offset === 0);
  if (!entity) return null;
  const [name = '', addressee] = text.slice(1, entity.length).split('@');
  if (addressee && addressee.toLowerCase() !== botUsername.toLowerCase()) return 'other-bot';
  const args = text.slice(entity.length).trim().split(/\s+/).filter((a) => a !== '');
  return { type: 'command', name: name.toLowerCase(), args, text };
}

function fileOf(m: Message): TelegramFileRef | null {
  if (m.photo && m.photo.length > 0) {
    // Sizes come smallest first; the largest is the one worth keeping as evidence.
    const p = m.photo[m.photo.length - 1]!;
    return { fileId: p.file_id, uniqueId: p.file_unique_id, kind: 'photo', contentType: 'image/jpeg', ...(p.file_size ? { size: p.file_size } : {}) };
  }
  const d = m.document;
  if (d) {
    return {
      fileId: d.file_id,
      uniqueId: d.file_unique_id,
      kind: 'document',
      ...(d.file_size ? { size: d.file_size } : {}),
      ...(d.mime_type ? { contentType: d.mime_type } : {}),
      ...(d.file_name ? { name: d.file_name } : {}),
    };
  }
  return null;
}
