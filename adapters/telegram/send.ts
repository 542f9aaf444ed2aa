import { randomBytes } from 'node:crypto';
import { GrammyError, InputFile, type Api } from 'grammy';
import type { InlineKeyboardMarkup, Message } from 'grammy/types';
import type { I18n } from '../../src/app/i18n.js';
import { renderMessage } from '../../src/app/render.js';
import { TELEGRAM_CAPABILITIES } from './capabilities.js';
import type { OutMessage } from '../../src/ports/turn.js';
import type { Logger } from '../../src/ports/logger.js';
import type { BlobStore } from '../../src/ports/blob-store.js';
import type { KeyValue } from '../../src/ports/kv.js';
import { messageSubject, type ThreadRegistry } from '../../src/ports/threads.js';
import { createKvCardIds, type CardIds } from './cards.js';
import { createButtonSlots } from '../common/slots.js';
import { cardPreviews, relayedFile, type CardPreview } from '../common/evidence.js';
import type { BlobRef } from '../../src/domain/types.js';
import { CAPTION_LIMIT, toTelegramView, type TelegramView } from './render.js';

/** A stored file as the sender posts it. */
type StoredFile = { ref: BlobRef; data: Uint8Array };

/** A card photo's preview as a file to post, named after its blob. */
const previewFile = (p: CardPreview): StoredFile => ({ ref: { id: p.blobId, contentType: p.contentType, size: p.data.byteLength, name: `${p.blobId.slice(0, 12)}-preview.jpg` }, data: p.data });

/** Telegram's limit on callback_data (https://core.telegram.org/bots/api#inlinekeyboardbutton). */
const CALLBACK_DATA_BYTES = 64;
/** Marks callback data that stands for a longer token kept in the key-value store. */
const LONG_TOKEN_PREFIX = '~';
const LONG_TOKEN_TTL_MS = 30 * 24 * 3600_000;
/** sendPhoto takes these; anything else goes as a document (https://core.telegram.org/bots/api#sendphoto). */
const PHOTO_TYPES = new Set(['image/jpeg', 'image/png', 'image/webp']);
const PHOTO_MAX_BYTES = 10 * 1024 * 1024;

/** Context of a send inside a turn: lets a pressed card be edited in place and group answers reply to the asker. */
export interface SendContext {
  /** The message whose button was pressed in this turn. */
  pressedMessageId?: number;
  /** The user's message this answers (quoted in groups, where several people talk). */
  replyToMessageId?: number;
  /** Called once Telegram accepted the message, with the sender's own writes (DeliverOptions.onSent). */
  onSent?: () => Promise<void>;
  /**
   * The messages whose buttons this turn took off already (`<chat>/<message id>`), shared by the turn's sends and its
   * retirement of the pressed message: the sender adds to it, and retires none of them twice (one Bot API call each).
   */
  retired?: Set<string>;
}

export interface TelegramSenderDeps {
  api: Api;
  i18n: I18n;
  threads: ThreadRegistry;
  kv: KeyValue;
  blobs: BlobStore;
  logger: Logger;
  /** Where card message ids are kept for edits (default: the KeyValue, one entry per card). */
  cards?: CardIds;
}

/** Posts engine output natively: HTML chunks, inline keyboards, relayed files, card edits; remembers case messages. */
export function createTelegramSender(deps: TelegramSenderDeps) {
  const { api, kv, logger } = deps;
  const cards = deps.cards ?? createKvCardIds(kv);
  const slots = createButtonSlots(kv, 'tg');

  /**
   * Removes a message's inline keyboard (https://core.telegram.org/bots/api#editmessagereplymarkup); gone or unchanged is
   * fine. `retired`: what this turn took off already (SendContext.retired), so that a message is retired once.
   */
  async function retire(chatId: string, messageId: number, retired?: Set<string>): Promise<void> {
    if (retired) {
      const key = `${chatId}/${messageId}`;
      if (retired.has(key)) return;
      retired.add(key);
    }
    await api.editMessageReplyMarkup(chatId, messageId).catch((err: unknown) => logger.debug({ err, chatId, messageId }, 'buttons not retired'));
  }

  /**
   * The message now holding the slot (with buttons or without: a closed case's card): the previous one in the slot
   * loses its buttons, and so do the last ones of the slots the message ends (OutMessage.clearSlots).
   */
  async function takeSlot(out: OutMessage, messageId: number | undefined, retired?: Set<string>): Promise<void> {
    if (messageId === undefined) return;
    const chatId = out.target.conversationId;
    const previous = await Promise.all([
      out.slot ? slots.swap(chatId, out.slot, String(messageId)) : undefined,
      ...(out.clearSlots ?? []).map((slot) => slots.clear(chatId, slot)),
    ]);
    const gone = new Set(previous.filter((p): p is string => p !== undefined && p !== String(messageId)));
    await Promise.all([...gone].map((p) => retire(chatId, Number(p), retired)));
  }

  async function callbackData(token: string): Promise<string> {
    if (Buffer.byteLength(token) <= CALLBACK_DATA_BYTES && !token.startsWith(LONG_TOKEN_PREFIX)) return token;
    const id = randomBytes(12).toString('base64url');
    await kv.set(`tg:cb:${id}`, token, LONG_TOKEN_TTL_MS);
    return `${LONG_TOKEN_PREFIX}${id}`;
  }

  async function keyboard(view: TelegramView): Promise<InlineKeyboardMarkup | undefined> {
    if (view.buttons.length === 0) return undefined;
    const rows = await Promise.all(view.buttons.map((row) => Promise.all(row.map(async (b) => ({ text: b.text, callback_data: await callbackData(b.token) })))));
    return { inline_keyboard: rows };
  }

  async function remember(out: OutMessage, chatId: string, sent: Message[]) {
    const subject = messageSubject(out);
    if (!subject) return;
    await Promise.all(sent.map((m) => deps.threads.rememberMessage('telegram', chatId, String(m.message_id), subject)));
  }

  /** The card's photo previews before the card itself, as one album (https://core.telegram.org/bots/api#sendmediagroup). */
  async function sendAlbum(chatId: string, previews: CardPreview[], thread: { message_thread_id?: number }): Promise<Message[]> {
    if (previews.length === 0) return [];
    const file = (p: CardPreview) => new InputFile(p.data, previewFile(p).ref.name);
    if (previews.length === 1) return [await api.sendPhoto(chatId, file(previews[0]!), { ...thread, disable_notification: true })];
    return api.sendMediaGroup(chatId, previews.map((p) => ({ type: 'photo' as const, media: file(p) })), { ...thread, disable_notification: true });
  }

  async function sendNew(out: OutMessage, relayed: StoredFile | null, view: TelegramView, markup: InlineKeyboardMarkup | undefined, ctx: SendContext): Promise<Message[]> {
    const chatId = out.target.conversationId;
    // Private chats have positive ids, groups negative ones (https://core.telegram.org/bots/api#chat).
    const isPrivate = !chatId.startsWith('-');
    const thread = out.target.threadId ? { message_thread_id: Number(out.target.threadId) } : {};
    const quote = (i: number) =>
      !isPrivate && i === 0 && ctx.replyToMessageId ? { reply_parameters: { message_id: ctx.replyToMessageId, allow_sending_without_reply: true } } : {};
    // A force-reply lets a group member answer the question without a bot mention (privacy mode hides plain messages).
    const last = markup ?? (!isPrivate && out.expects ? { force_reply: true as const, selective: true } : undefined);
    const previews = await cardPreviews(out, deps.blobs);
    // A card with one photo is that photo's preview with the card as its caption; with several, an album comes first.
    const single = !relayed && previews.length === 1 ? previewFile(previews[0]!) : null;
    const blob = relayed ?? single;
    const sent: Message[] = single ? [] : await sendAlbum(chatId, previews, thread);
    const captioned = blob && view.chunks.length <= 1 && (view.chunks[0] ?? '').length <= CAPTION_LIMIT;
    const texts = captioned ? [] : view.chunks;
    for (const [i, text] of texts.entries()) {
      const markupHere = !blob && i === texts.length - 1 ? last : undefined;
      sent.push(await api.sendMessage(chatId, text, { parse_mode: 'HTML', ...thread, ...quote(i), ...(markupHere ? { reply_markup: markupHere } : {}), link_preview_options: { is_disabled: true } }));
    }
    if (blob) {
      const file = new InputFile(blob.data, blob.ref.name ?? `${blob.ref.id}${extensionOf(blob.ref.contentType)}`);
      const caption = captioned && view.chunks[0] ? { caption: view.chunks[0], parse_mode: 'HTML' as const } : {};
      const extra = { ...thread, ...caption, ...quote(sent.length), ...(last ? { reply_markup: last } : {}) };
      const asPhoto = PHOTO_TYPES.has(blob.ref.contentType) && blob.ref.size <= PHOTO_MAX_BYTES;
      sent.push(asPhoto ? await api.sendPhoto(chatId, file, extra) : await api.sendDocument(chatId, file, extra));
    }
    return sent;
  }

  /** Edits the pressed card in place; false when Telegram will not (too old, deleted), so a new one is sent. */
  async function editInPlace(chatId: string, messageId: number, view: TelegramView, markup: InlineKeyboardMarkup | undefined): Promise<boolean> {
    try {
      await api.editMessageText(chatId, messageId, view.chunks[0]!, { parse_mode: 'HTML', ...(markup ? { reply_markup: markup } : {}), link_preview_options: { is_disabled: true } });
      return true;
    } catch (err) {
      if (err instanceof GrammyError && /not modified/i.test(err.description)) return true;
      if (err instanceof GrammyError && err.error_code === 400) {
        logger.debug({ err, chatId, messageId }, 'card edit refused; sending a new card');
        return false;
      }
      throw err;
    }
  }

  return {
    /** Sends one OutMessage to `out.target`; returns the ids of the messages it posted or edited. */
    async send(original: OutMessage, ctx: SendContext = {}): Promise<number[]> {
      const chatId = original.target.conversationId;
      const { out, blob } = await relayedFile(original, deps.blobs, logger);
      const view = toTelegramView(renderMessage(out, deps.i18n, TELEGRAM_CAPABILITIES));
      if (view.chunks.length === 0 && !out.blobId) {
        logger.warn({ chatId, caseId: out.caseId }, 'nothing to send in an engine message');
        return [];
      }
      const markup = await keyboard(view);
      const cardKey = out.replaceKey ?? null;
      const previous = cardKey ? await cards.get(chatId, cardKey) : undefined;
      if (previous !== undefined && previous === ctx.pressedMessageId && view.chunks.length === 1 && !out.blobId && !out.card?.photos?.length) {
        if (await editInPlace(chatId, previous, view, markup)) {
          await Promise.all([ctx.onSent?.(), remember(out, chatId, [{ message_id: previous } as Message]), takeSlot(out, previous, ctx.retired)]);
          return [previous];
        }
      }
      const sent = await sendNew(out, blob, view, markup, ctx);
      const card = sent.at(-1);
      // What follows the sending is written together: one round trip on an auto-pipelined connection.
      await Promise.all([
        ctx.onSent?.(),
        remember(out, chatId, sent),
        out.slot || out.clearSlots ? takeSlot(out, card?.message_id, ctx.retired) : undefined,
        cardKey && card ? cards.set(chatId, cardKey, card.message_id) : undefined,
      ]);
      // The older copy of the card keeps stale buttons otherwise.
      if (cardKey && card && previous !== undefined && previous !== card.message_id) await retire(chatId, previous, ctx.retired);
      return sent.map((m) => m.message_id);
    },
    /** Removes the buttons of a message whose choice was made (TurnResult.retirePressed). */
    retire,
    /** The engine token behind callback data (long tokens travel as a short key). */
    async resolveCallbackData(data: string): Promise<string> {
      if (!data.startsWith(LONG_TOKEN_PREFIX)) return data;
      return (await kv.get<string>(`tg:cb:${data.slice(LONG_TOKEN_PREFIX.length)}`)) ?? data;
    },
  };
}

export type TelegramSender = ReturnType<typeof createTelegramSender>;

function extensionOf(contentType: string): string {
  return { 'image/jpeg': '.jpg', 'image/png': '.png', 'image/webp': '.webp', 'application/pdf': '.pdf' }[contentType] ?? '';
}
