import { TurnContext, type Activity, type Attachment, type CloudAdapter, type ConversationParameters, type ConversationReference } from 'botbuilder';
import type { I18n } from '../../src/app/i18n.js';
import type { Logger } from '../../src/ports/logger.js';
import { renderMessage } from '../../src/app/render.js';
import { TEAMS_CAPABILITIES } from './capabilities.js';
import type { OutMessage } from '../../src/ports/turn.js';
import { messageSubject, type ThreadRegistry } from '../../src/ports/threads.js';
import { hasCard, toActivities, withoutActions, type OutActivity } from './cards.js';
import type { TeamsFiles } from './files.js';
import type { KeyValue } from '../../src/ports/kv.js';
import { createButtonSlots } from '../common/slots.js';
import { cardPreviews, relayedFile } from '../common/evidence.js';
import type { BlobStore } from '../../src/ports/blob-store.js';
import { toTeamsReference, type ReferenceStore, type TeamsHome, type TeamsReference } from './references.js';

export interface TeamsSenderDeps {
  adapter: CloudAdapter;
  /** The bot's app id ('' when unauthenticated). */
  appId: string;
  /** Audience of the bot's outbound tokens. */
  audience: string;
  i18n: I18n;
  threads: ThreadRegistry;
  refs: ReferenceStore;
  files: TeamsFiles;
  /** Where relayed files and card photo previews are read. */
  blobs: BlobStore;
  logger: Logger;
  /** Which card of a conversation holds each button slot, and each card's version without buttons. */
  kv?: KeyValue;
}

/** How a message is being sent: the card the user pressed (edited in place), the user a file consent is for. */
export interface SendOptions {
  pressedActivityId?: string | null;
  /** The person in a personal chat (file consent cards are bound to them). */
  userId?: string;
  /** Called once Teams accepted the message, with the sender's own writes (DeliverOptions.onSent). */
  onSent?: () => Promise<void>;
}

/** The HTTP status of a failed Bot Connector call, if it was one. */
export function statusOf(err: unknown): number | undefined {
  const e = err as { statusCode?: unknown; status?: unknown; response?: { status?: unknown } };
  const s = e?.statusCode ?? e?.status ?? e?.response?.status;
  return typeof s === 'number' ? s : undefined;
}

/** botbuilder's reference shape (its types want every name and flag present). */
function toBotbuilder(ref: TeamsReference): Partial<ConversationReference> {
  return {
    channelId: ref.channelId,
    serviceUrl: ref.serviceUrl,
    bot: { id: ref.bot.id, name: ref.bot.name ?? '' },
    conversation: { ...ref.conversation, isGroup: ref.conversation.isGroup ?? false, conversationType: ref.conversation.conversationType ?? '', name: '' },
  };
}

/**
 * Button slots of a channel are kept for the whole channel, not for each of its threads (reply chains): a case's staff
 * cards are posted at the channel's top level (answers to commands typed there) and in the case's threads, and a newer
 * one, or the case closing, must retire them wherever they are. Personal chats have no threads.
 */
const slotConversation = (conversationId: string): string => conversationId.split(';messageid=')[0] ?? conversationId;
/** What a slot holds: the card's id, followed by its conversation when that is a thread of the slot's channel. */
const slotRef = (key: string, conversationId: string, id: string): string => (conversationId === key ? id : `${id} ${conversationId}`);
function fromSlotRef(key: string, ref: string): { id: string; conversationId: string } {
  const at = ref.indexOf(' ');
  return at < 0 ? { id: ref, conversationId: key } : { id: ref.slice(0, at), conversationId: ref.slice(at + 1) };
}

/** Posts engine output in Teams: HTML text, Adaptive Cards, card updates, relayed files; proactively where needed. */
export function createTeamsSender(deps: TeamsSenderDeps) {
  const { adapter, refs, logger } = deps;
  const slots = deps.kv ? createButtonSlots(deps.kv, 'teams') : null;
  const RETIRED_TTL_MS = 30 * 24 * 3600_000;
  const retiredKey = (conversationId: string, id: string) => `teams:retired:${conversationId}:${id}`;

  /**
   * Updates a card to its version without buttons (https://learn.microsoft.com/microsoftteams/platform/bots/how-to/update-and-delete-bot-messages):
   * Teams needs the whole card, so each card with buttons keeps that version for this.
   */
  async function retire(ctx: TurnContext, id: string): Promise<void> {
    const conversationId = ctx.activity.conversation.id;
    const card = await deps.kv?.get<OutActivity>(retiredKey(conversationId, id));
    if (!card) return;
    await ctx.updateActivity({ ...card, text: '', id } as Partial<Activity>).catch((err: unknown) => logger.debug({ err, activityId: id }, 'buttons not retired'));
    await deps.kv?.delete(retiredKey(conversationId, id));
  }

  /** Retires card `id` of conversation `conversationId`, which may be another thread of the turn's channel. */
  async function retireAt(ctx: TurnContext, conversationId: string, id: string): Promise<void> {
    if (conversationId === ctx.activity.conversation.id) return retire(ctx, id);
    const here = toTeamsReference(TurnContext.getConversationReference(ctx.activity));
    if (!here) return;
    await proactive({ ...here, conversation: { ...here.conversation, id: conversationId } }, (other) => retire(other, id)).catch((err: unknown) =>
      logger.debug({ err, conversationId, activityId: id }, 'buttons not retired in another thread'),
    );
  }

  /** A card with buttons was posted (or updated) as `id`: the previous card of its slot loses its buttons. */
  async function takeSlot(ctx: TurnContext, out: OutMessage, id: string, card: OutActivity): Promise<void> {
    if (!slots || !deps.kv || !out.slot) return;
    const conversationId = ctx.activity.conversation.id;
    await deps.kv.set(retiredKey(conversationId, id), withoutActions(card), RETIRED_TTL_MS);
    const key = slotConversation(conversationId);
    const previous = await slots.swap(key, out.slot, slotRef(key, conversationId, id));
    if (!previous) return;
    const held = fromSlotRef(key, previous);
    await retireAt(ctx, held.conversationId, held.id);
  }

  /** A closed case (OutMessage.clearSlots): the last cards of the slots this message ends lose their buttons. */
  async function clearSlots(ctx: TurnContext, out: OutMessage, posted: string[]): Promise<void> {
    if (!slots || !out.clearSlots) return;
    const conversationId = ctx.activity.conversation.id;
    const key = slotConversation(conversationId);
    for (const slot of out.clearSlots) {
      const previous = await slots.clear(key, slot);
      if (previous) {
        const held = fromSlotRef(key, previous);
        if (!(held.conversationId === conversationId && posted.includes(held.id))) await retireAt(ctx, held.conversationId, held.id);
      }
      // Slots a thread kept under its own id before they were kept for the whole channel.
      if (key !== conversationId) {
        const legacy = await slots.clear(conversationId, slot);
        if (legacy && !posted.includes(legacy)) await retire(ctx, legacy);
      }
    }
  }

  /** Runs `fn` in a proactive turn on a stored reference; its errors reach the caller, not the turn error handler. */
  async function proactive<T>(ref: TeamsReference, fn: (ctx: TurnContext) => Promise<T>): Promise<T> {
    let result: { value: T } | null = null;
    let failure: { err: unknown } | null = null;
    await adapter.continueConversationAsync(deps.appId, toBotbuilder(ref), async (ctx) => {
      // botbuilder makes proactive messages replies to a made-up activity id; they are new messages.
      ctx.onSendActivities(async (_ctx, activities, next) => {
        for (const a of activities) delete a.replyToId;
        return next();
      });
      try {
        result = { value: await fn(ctx) };
      } catch (err) {
        failure = { err };
      }
    });
    if (failure) throw (failure as { err: unknown }).err;
    if (!result) throw new Error('proactive turn did not run');
    return (result as { value: T }).value;
  }

  /** Creates a conversation (a 1:1 chat, or a channel thread with its first post); returns its id. */
  async function createConversation(home: TeamsHome, params: Omit<ConversationParameters, 'bot'>): Promise<string> {
    let id: string | null = null;
    await adapter.createConversationAsync(deps.appId, home.channelId, home.serviceUrl, deps.audience, { ...params, bot: { id: home.bot.id, name: home.bot.name ?? '' } }, async (ctx) => {
      id = ctx.activity.conversation?.id ?? null;
    });
    if (!id) throw new Error('Bot Connector created no conversation');
    return id;
  }

  async function remember(out: OutMessage, conversationId: string, ids: string[]) {
    const subject = messageSubject(out);
    if (!subject) return;
    for (const id of ids) await deps.threads.rememberMessage('teams', conversationId, id, subject);
  }

  /** The activities of one OutMessage; a consent card travels alone, after the text. */
  async function layout(original: OutMessage, personal: boolean, opts: SendOptions): Promise<OutActivity[]> {
    const { out } = await relayedFile(original, deps.blobs, logger);
    const rendered = renderMessage(out, deps.i18n, TEAMS_CAPABILITIES);
    const inline: Attachment[] = [];
    let separate: Attachment | null = null;
    if (out.blobId) {
      const relay = await deps.files.relay(out.blobId, { personal, ...(opts.userId ? { userId: opts.userId } : {}) });
      if (relay?.preview) inline.push(relay.preview);
      if (!relay) logger.warn({ blobId: out.blobId, caseId: out.caseId }, 'blob to relay is missing; sending the text alone');
      else if (relay.attachment?.contentType.startsWith('image/')) inline.push(relay.attachment);
      else if (relay.attachment) separate = relay.attachment;
      else {
        const note = deps.i18n.t(out.locale, { id: 'teams-file-kept', args: { name: relay.ref.name ?? relay.ref.id.slice(0, 12), kb: Math.ceil(relay.ref.size / 1024) } }, out.timezone);
        rendered.text = rendered.text ? `${rendered.text}\n\n${note}` : note;
      }
    }
    // The card's photos as Image elements holding their previews as data URIs: base64 images do not count towards Teams' message size
    // limit (https://learn.microsoft.com/microsoftteams/platform/bots/how-to/format-your-bot-messages).
    const alt = out.card ? deps.i18n.t(out.locale, { id: 'evidence-preview-alt', args: { caseId: out.card.caseId } }, out.timezone) : '';
    const images = (await cardPreviews(out, deps.blobs)).map((p) => ({ url: `data:${p.contentType};base64,${Buffer.from(p.data).toString('base64')}`, altText: alt }));
    const activities = toActivities(rendered, inline, images);
    if (separate) activities.push({ type: 'message', attachments: [separate] });
    return activities;
  }

  /** Edits the pressed card in place (card only; the text goes out as a new message). False when Teams refuses. */
  async function updateInPlace(ctx: TurnContext, id: string, card: OutActivity): Promise<boolean> {
    try {
      await ctx.updateActivity({ ...card, text: '', id } as Partial<Activity>);
      return true;
    } catch (err) {
      const status = statusOf(err);
      if (status === undefined || status >= 500 || status === 429) throw err;
      logger.debug({ err, activityId: id }, 'card update refused; sending a new card');
      return false;
    }
  }

  /** Sends one OutMessage in a live turn (inbound or proactive); returns the ids of what it posted or updated. */
  async function sendIn(ctx: TurnContext, out: OutMessage, opts: SendOptions = {}): Promise<string[]> {
    const conversation = ctx.activity.conversation;
    const conversationId = conversation.id;
    const personal = conversation.conversationType ? conversation.conversationType === 'personal' : !conversation.isGroup;
    const activities = await layout(out, personal, opts);
    if (activities.length === 0) {
      logger.warn({ conversationId, caseId: out.caseId }, 'nothing to send in an engine message');
      return [];
    }
    const key = out.replaceKey;
    const previous = key ? await refs.card(conversationId, key) : null;
    const last = activities.at(-1)!;
    if (previous && previous === opts.pressedActivityId && hasCard(last) && (await updateInPlace(ctx, previous, last))) {
      const texts: OutActivity[] = [...activities.slice(0, -1), ...(last.text ? [{ type: 'message' as const, text: last.text, textFormat: 'xml' }] : [])];
      const textIds = await post(ctx, texts);
      await Promise.all([opts.onSent?.(), remember(out, conversationId, [previous, ...textIds])]);
      await takeSlot(ctx, out, previous, last);
      await clearSlots(ctx, out, [previous, ...textIds]);
      return [previous, ...textIds];
    }
    const ids = await post(ctx, activities);
    await Promise.all([opts.onSent?.(), remember(out, conversationId, ids)]);
    const lastId = ids.at(-1);
    if (lastId && hasCard(last)) await takeSlot(ctx, out, lastId, last);
    await clearSlots(ctx, out, ids);
    if (key && lastId && hasCard(last)) {
      await refs.setCard(conversationId, key, lastId);
      // The older copy keeps showing the case, without buttons that would act on a stale state.
      if (previous && previous !== lastId) {
        await ctx.updateActivity({ ...withoutActions(last), text: '', id: previous } as Partial<Activity>).catch((err: unknown) => logger.debug({ err, activityId: previous }, 'could not retire an older card'));
      }
    }
    return ids;
  }

  async function post(ctx: TurnContext, activities: OutActivity[]): Promise<string[]> {
    if (activities.length === 0) return [];
    const responses = await ctx.sendActivities(activities);
    return responses.map((r) => r?.id).filter((id): id is string => typeof id === 'string' && id !== '');
  }

  return {
    sendIn,
    /** Takes the buttons off a card whose choice was made (TurnResult.retirePressed). */
    retire,
    proactive,
    /** Sends one OutMessage to a stored conversation, outside any turn. */
    sendTo: (ref: TeamsReference, out: OutMessage, opts: SendOptions = {}) => proactive(ref, (ctx) => sendIn(ctx, out, opts)),

    /** Opens the bot's 1:1 chat with a user seen elsewhere (POST /v3/conversations) and remembers it. */
    async openPersonal(userId: string, home: TeamsHome): Promise<TeamsReference> {
      const id = await createConversation(home, {
        isGroup: false,
        members: [{ id: userId, name: '' }],
        ...(home.tenantId ? { tenantId: home.tenantId } : {}),
        channelData: home.tenantId ? { tenant: { id: home.tenantId } } : {},
      });
      const ref: TeamsReference = {
        channelId: home.channelId,
        serviceUrl: home.serviceUrl,
        bot: home.bot,
        conversation: { id, isGroup: false, conversationType: 'personal', ...(home.tenantId ? { tenantId: home.tenantId } : {}) },
      };
      await refs.savePersonal(userId, ref);
      await refs.saveConversation(ref);
      return ref;
    },

    /**
     * Starts a thread in a channel with the message's first activity (POST /v3/conversations with the channel),
     * posts the rest in it, and returns the thread's conversation id (`<channel>;messageid=<root>`).
     */
    async openThread(home: TeamsHome, channelId: string, out: OutMessage, opts: Pick<SendOptions, 'onSent'> = {}): Promise<{ conversationId: string; ids: string[] }> {
      const [first, ...rest] = await layout(out, false, {});
      if (!first) throw new Error('nothing to post in a new thread');
      const conversationId = await createConversation(home, {
        isGroup: true,
        channelData: { channel: { id: channelId }, ...(home.tenantId ? { tenant: { id: home.tenantId } } : {}) },
        activity: first as Activity,
        ...(home.tenantId ? { tenantId: home.tenantId } : {}),
      });
      const root = conversationId.split(';messageid=')[1];
      const ref: TeamsReference = {
        channelId: home.channelId,
        serviceUrl: home.serviceUrl,
        bot: home.bot,
        conversation: { id: conversationId, isGroup: true, conversationType: 'channel', ...(home.tenantId ? { tenantId: home.tenantId } : {}) },
      };
      const ids = [...(root ? [root] : []), ...(rest.length ? await proactive(ref, (ctx) => post(ctx, rest)) : [])];
      await Promise.all([opts.onSent?.(), remember(out, conversationId, ids)]);
      // The thread's card holds its slot like any other: a newer card, or the case closing, takes its buttons off.
      const last = rest.at(-1) ?? first;
      const lastId = ids.at(-1);
      if (slots && out.slot && lastId && hasCard(last)) await proactive(ref, (ctx) => takeSlot(ctx, out, lastId, last));
      return { conversationId, ids };
    },
  };
}

export type TeamsSender = ReturnType<typeof createTeamsSender>;
