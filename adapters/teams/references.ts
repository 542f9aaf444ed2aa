import type { ConversationReference } from 'botbuilder';
import { z } from 'zod';
import type { KeyValue } from '../../src/ports/kv.js';

/** What Palabre keeps of a Bot Framework conversation reference: enough to post there later, from any process. */
export interface TeamsReference {
  channelId: string;
  serviceUrl: string;
  bot: { id: string; name?: string };
  conversation: { id: string; isGroup?: boolean; conversationType?: string; tenantId?: string };
}

/** Where a user can be reached when no 1:1 chat with the bot is known yet (they were seen in a team). */
export interface TeamsHome {
  channelId: string;
  serviceUrl: string;
  bot: { id: string; name?: string };
  tenantId?: string;
}

const referenceSchema = z.object({
  channelId: z.string(),
  serviceUrl: z.string(),
  bot: z.object({ id: z.string(), name: z.string().optional() }),
  conversation: z.object({
    id: z.string(),
    isGroup: z.boolean().optional(),
    conversationType: z.string().optional(),
    tenantId: z.string().optional(),
  }),
});

const homeSchema = z.object({
  channelId: z.string(),
  serviceUrl: z.string(),
  bot: z.object({ id: z.string(), name: z.string().optional() }),
  tenantId: z.string().optional(),
});

/** References are refreshed by every activity; one unused this long belongs to a chat nobody uses any more. */
const REFERENCE_TTL_MS = 400 * 24 * 3600_000;
/** A card can be updated while its case lives (POLICY_MAX_CASE_AGE is 365 days by default). */
const CARD_TTL_MS = 400 * 24 * 3600_000;

const convKey = (conversationId: string) => `teams:ref:conv:${conversationId}`;
const personalKey = (userId: string) => `teams:ref:personal:${userId}`;
const homeKey = (userId: string) => `teams:home:${userId}`;
const BOT_HOME_KEY = 'teams:home:bot';
const cardKey = (conversationId: string, replaceKey: string) => `teams:card:${conversationId}:${replaceKey}`;

/** Trims a botbuilder reference to what proactive messages need (no activity id: they must not reply to an old message). */
export function toTeamsReference(ref: Partial<ConversationReference>): TeamsReference | null {
  const parsed = referenceSchema.safeParse({
    channelId: ref.channelId,
    serviceUrl: ref.serviceUrl,
    bot: ref.bot ? { id: ref.bot.id, ...(ref.bot.name ? { name: ref.bot.name } : {}) } : undefined,
    conversation: ref.conversation
      ? {
          id: ref.conversation.id,
          ...(ref.conversation.isGroup !== undefined ? { isGroup: ref.conversation.isGroup } : {}),
          ...(ref.conversation.conversationType ? { conversationType: ref.conversation.conversationType } : {}),
          ...(ref.conversation.tenantId ? { tenantId: ref.conversation.tenantId } : {}),
        }
      : undefined,
  });
  return parsed.success ? parsed.data : null;
}

/** A reference to another conversation reached through the same service (a channel thread, the staff channel). */
export function referenceTo(home: TeamsHome, conversationId: string, kind: 'channel' | 'personal'): TeamsReference {
  return {
    channelId: home.channelId,
    serviceUrl: home.serviceUrl,
    bot: home.bot,
    conversation: {
      id: conversationId,
      isGroup: kind === 'channel',
      conversationType: kind,
      ...(home.tenantId ? { tenantId: home.tenantId } : {}),
    },
  };
}

/** The home a reference implies. */
export function homeOf(ref: TeamsReference): TeamsHome {
  return {
    channelId: ref.channelId,
    serviceUrl: ref.serviceUrl,
    bot: ref.bot,
    ...(ref.conversation.tenantId ? { tenantId: ref.conversation.tenantId } : {}),
  };
}

/** Conversation references, users' homes and sent cards in the shared KeyValue (Redis), so any process can send. */
export interface ReferenceStore {
  /** Remembers how to post in a conversation. */
  saveConversation(ref: TeamsReference): Promise<void>;
  /** How to post in a conversation, or null if never seen. */
  conversation(conversationId: string): Promise<TeamsReference | null>;
  /** Remembers a user's 1:1 chat with the bot. */
  savePersonal(userId: string, ref: TeamsReference): Promise<void>;
  /** A user's 1:1 chat with the bot, or null. */
  personal(userId: string): Promise<TeamsReference | null>;
  /** Remembers where a user was seen (service URL, tenant, bot), to open a 1:1 chat later. */
  saveHome(userId: string, home: TeamsHome): Promise<void>;
  /** Where a user was last seen, or null. */
  home(userId: string): Promise<TeamsHome | null>;
  /** The service the bot last heard from: the staff channel is reached through it when never seen itself. */
  botHome(): Promise<TeamsHome | null>;
  /** The activity id of the card last sent with a replace key in a conversation. */
  card(conversationId: string, replaceKey: string): Promise<string | null>;
  /** Records the activity id of a card sent with a replace key. */
  setCard(conversationId: string, replaceKey: string, activityId: string): Promise<void>;
}

/** See ReferenceStore. */
export function createReferenceStore(kv: KeyValue): ReferenceStore {
  async function read<T>(key: string, schema: z.ZodType<T>): Promise<T | null> {
    const parsed = schema.safeParse(await kv.get(key));
    return parsed.success ? parsed.data : null;
  }
  return {
    async saveConversation(ref) {
      await kv.set(convKey(ref.conversation.id), ref, REFERENCE_TTL_MS);
      await kv.set(BOT_HOME_KEY, homeOf(ref), REFERENCE_TTL_MS);
    },
    conversation: (id) => read(convKey(id), referenceSchema),
    async savePersonal(userId, ref) {
      await kv.set(personalKey(userId), ref, REFERENCE_TTL_MS);
    },
    personal: (userId) => read(personalKey(userId), referenceSchema),
    async saveHome(userId, home) {
      await kv.set(homeKey(userId), home, REFERENCE_TTL_MS);
    },
    home: (userId) => read(homeKey(userId), homeSchema),
    botHome: () => read(BOT_HOME_KEY, homeSchema),
    async card(conversationId, replaceKey) {
      const v = await kv.get<unknown>(cardKey(conversationId, replaceKey));
      return typeof v === 'string' ? v : null;
    },
    async setCard(conversationId, replaceKey, activityId) {
      await kv.set(cardKey(conversationId, replaceKey), activityId, CARD_TTL_MS);
    },
  };
}
