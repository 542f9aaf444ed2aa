import { MessageType, type Message, type OmitPartialGroupDMChannel, type PartialMessage } from 'discord.js';
import type { TurnContent } from '../../src/ports/turn.js';
import { afterTurn, fileRefusal, handleDiscordEvent, isSupportMember, localeOf, notice, placeOf, type InboundCtx } from './context.js';
import { isStaffPlace, isThread, textContent, turnInput } from './parse.js';
import { InFlightError, NotHandledError } from '../common/redelivery.js';

/**
 * A message from a user: in DMs always for the bot; in the server only in a case's thread, or when it
 * mentions the bot (or starts with a `/command` in the staff channel). Attachments are copied into the blob
 * store before the engine sees them. Handled once across processes.
 */
export async function handleMessage(ctx: InboundCtx, message: Message): Promise<void> {
  if (message.author.bot || message.webhookId || (message.type !== MessageType.Default && message.type !== MessageType.Reply)) return;
  const addressed = await addressedToBot(ctx, message, message.author.id, message.content);
  if (!addressed) return;
  const { place, inDm, access, text } = addressed;
  const sayer = async (id: string, args?: Record<string, string | number>) => {
    const locale = await localeOf(ctx, message.author.id);
    return ctx.sender.post(message.channelId, notice(ctx, locale, id, args), { replyTo: message.id, ...(access ? { inCaseThread: true } : {}) });
  };
  try {
    await handleDiscordEvent(ctx, `discord:msg:${message.id}`, Date.now(), async (eventId) => {
      const locale = await localeOf(ctx, message.author.id);
      const say = (id: string, args?: Record<string, string | number>) =>
        ctx.sender.post(message.channelId, notice(ctx, locale, id, args), { replyTo: message.id, ...(access ? { inCaseThread: true } : {}) });
      try {
        await claimed(ctx, message, { place, inDm, access, text, say, eventId });
      } catch (err) {
        // The message was for the bot: its author hears that it failed, the error boundary logs why.
        await say('dc-error').catch(() => undefined);
        throw err;
      }
    }, { userId: message.author.id });
  } catch (err) {
    // Its claim could not be written (Redis refusing writes, or out of reach): the message was not handled, and Discord
    // never delivers it again. Its author is told it was not saved and to send it again.
    if (err instanceof NotHandledError && !(err instanceof InFlightError)) await sayer('dc-not-saved').catch(() => undefined);
    throw err;
  }
}

/**
 * Where a message was written and whether it is for the bot: in a private chat, in a case thread, mentioning the bot,
 * or a command in the staff channel. Null when it is not (or the bot is not logged in yet).
 */
async function addressedToBot(ctx: InboundCtx, message: Message | PartialMessage, authorId: string, content: string) {
  const botId = ctx.client.user?.id;
  if (!botId) return null;
  const place = placeOf(message.channel, message.channelId, message.guildId);
  const inDm = !message.guildId;
  const support = isSupportMember(message.member, message.member?.permissions, ctx.supportRoleId);
  const access = isThread(place) ? await ctx.caseThreads.access(place.channelId, authorId, support) : null;
  const text = textContent(content, botId);
  const forBot = inDm || access !== null || message.mentions.users.has(botId) || (isStaffPlace(place, ctx.staffChannelId) && text?.type === 'command');
  return forBot ? { place, inDm, access, text } : null;
}

interface Claimed {
  place: ReturnType<typeof placeOf>;
  inDm: boolean;
  access: Awaited<ReturnType<InboundCtx['caseThreads']['access']>>;
  text: TurnContent | null;
  say: (id: string, args?: Record<string, string | number>) => Promise<unknown>;
  /** The message's id for the engine; each of its turns (a text, then files) gets its own. */
  eventId: string;
}

async function claimed(ctx: InboundCtx, message: Message, { place, inDm, access, text, say, eventId }: Claimed): Promise<void> {
  if (access && !access.allowed) {
    ctx.logger.info({ caseId: access.caseId, userId: message.author.id, channelId: message.channelId }, 'message in a case thread by a non-party refused');
    await say(access.staff ? 'dc-staff-thread-only-support' : 'dc-thread-not-party');
    return;
  }

  const contents: TurnContent[] = [];
  for (const a of message.attachments.values()) {
    // A voice message or a video is never evidence Palabre keeps: the sender hears what it can read instead.
    const media = a.contentType?.split('/')[0];
    if (media === 'audio' || media === 'video') {
      await say(media === 'audio' ? 'media-unsupported-voice' : 'media-unsupported-video');
      continue;
    }
    try {
      const blob = await ctx.files.keep({ url: a.url, name: a.name, contentType: a.contentType, size: a.size });
      const caption = contents.length === 0 && text?.type === 'text' ? text.text : undefined;
      contents.push({ type: 'attachment', blob, ...(caption ? { caption } : {}) });
    } catch (err) {
      ctx.logger.info({ err, messageId: message.id, channelId: message.channelId, file: a.name }, 'attachment refused');
      const refusal = fileRefusal(err, ctx.files.maxBytes);
      await say(refusal.id, refusal.args);
    }
  }
  // A caption travels with the file; a command or a message without files is its own turn.
  if (text && (contents.length === 0 || text.type === 'command')) contents.unshift(text);
  if (contents.length === 0) return;
  if (access && !access.staff) {
    await ctx.caseThreads.said(place.channelId, {
      ...(text?.type === 'text' ? { text: text.text } : {}),
      blobIds: contents.flatMap((c) => (c.type === 'attachment' ? [c.blob.id] : [])),
    });
  }

  const who = { userId: message.author.id, userName: message.author.globalName ?? message.author.username };
  const opts = { staffChannelId: ctx.staffChannelId, replyToMessageId: message.reference?.messageId ?? null };
  // In a busy server channel, the answer quotes the question so everyone sees whom the bot answers.
  const quote = !inDm && !isThread(place) ? message.id : undefined;
  for (const [n, content] of contents.entries()) {
    const result = await ctx.engine.handle({ ...turnInput(who, place, content, opts), messageId: message.id, eventId: `${eventId}:${n}` });
    // Redis refused the turn's writes: nothing of it was stored, and Discord never delivers the message again (Telegram
    // and Teams do, so they leave it unacknowledged instead). Its author is told it was not saved and to send it again.
    if (result.storageRefused !== undefined) {
      await say('dc-not-saved');
      return;
    }
    await postReplies(ctx, message.channelId, result.replies, { access, quote });
    // Words that mention the bot in a server channel, which the engine leaves unanswered there (nothing personal is
    // shown in a channel): the author is told where to write rather than left with silence.
    if (result.replies.length === 0 && content.type === 'text' && !inDm && !access && !isStaffPlace(place, ctx.staffChannelId)) await say('dc-write-privately');
  }
}

/** Posts a turn's answers: in the party's own case thread they may say « write here »; in a server channel the first quotes the asker. */
async function postReplies(ctx: InboundCtx, channelOfMessage: string, replies: Awaited<ReturnType<InboundCtx['engine']['handle']>>['replies'], o: { access: Claimed['access']; quote: string | undefined }): Promise<void> {
  for (const [i, out] of replies.entries()) {
    const channelId = out.target.threadId || out.target.conversationId || channelOfMessage;
    const inCaseThread = !!o.access && !o.access.staff && channelId === channelOfMessage;
    await ctx.sender.post(channelId, out, { ...(i === 0 && o.quote ? { replyTo: o.quote } : {}), ...(inCaseThread ? { inCaseThread } : {}) });
  }
  await afterTurn(ctx, replies);
}

/**
 * A user edited a message (MESSAGE_UPDATE). Discord also sends updates when only a link's embed was added or a message
 * was pinned: only a change of the words, with its edit time (`edited_timestamp`), is an edit. Each edit is handled
 * once across processes, keyed by the message and its edit time; the engine decides what it means (a report's
 * description, a correction of a relayed comment, or a short answer that edits are not read).
 */
export async function handleEdit(
  ctx: InboundCtx,
  before: OmitPartialGroupDMChannel<Message | PartialMessage>,
  message: OmitPartialGroupDMChannel<Message | PartialMessage>,
): Promise<void> {
  const editedAt = message.editedTimestamp;
  if (!message.author || message.author.bot || message.webhookId || !editedAt || typeof message.content !== 'string') return;
  if (message.type !== null && message.type !== MessageType.Default && message.type !== MessageType.Reply) return;
  if (!before.partial && before.content === message.content) return;
  const addressed = await addressedToBot(ctx, message, message.author.id, message.content);
  if (!addressed) return;
  const { place, inDm, access, text } = addressed;
  if (!text || (access && !access.allowed)) return;
  const author = message.author;
  await handleDiscordEvent(ctx, `discord:edit:${message.id}:${editedAt}`, Date.now(), async (eventId) => {
    const content: TurnContent = { type: 'edit', text: text.type === 'command' ? text.text : text.type === 'text' ? text.text : '', ...(text.type === 'command' ? { command: true } : {}) };
    const who = { userId: author.id, userName: author.globalName ?? author.username };
    const opts = { staffChannelId: ctx.staffChannelId, replyToMessageId: message.reference?.messageId ?? null };
    const result = await ctx.engine.handle({ ...turnInput(who, place, content, opts), messageId: message.id, eventId });
    await postReplies(ctx, message.channelId, result.replies, { access, quote: !inDm && !isThread(place) ? message.id : undefined });
  });
}
