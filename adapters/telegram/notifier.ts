import { GrammyError, HttpError, type Api } from 'grammy';
import type { OutMessage } from '../../src/ports/turn.js';
import type { Dedup } from '../../src/ports/kv.js';
import type { Logger } from '../../src/ports/logger.js';
import { DeliveryError, type DeliveryTarget, type Notifier } from '../../src/ports/notifier.js';
import type { ThreadRegistry } from '../../src/ports/threads.js';
import type { TelegramSender } from './send.js';

export interface TelegramNotifierDeps {
  api: Api;
  sender: TelegramSender;
  threads: ThreadRegistry;
  /** TELEGRAM_SUPPORT_CHAT_ID; support notifications are refused (permanently) without it. */
  supportChatId?: string;
  logger: Logger;
  /** Claims shared by every process: one of them creates a case's topic, the others wait for its id. */
  claims?: Pick<Dedup, 'first' | 'release'>;
  /** How long a process that lost the claim waits for the winner's topic before the delivery is retried later (default 5 s). */
  topicWaitMs?: number;
}

/** The creation claim lapses after this (a winner that died), so a later try can create the topic. */
const TOPIC_CLAIM_MS = 30_000;

/** Telegram forum topic names are 1-128 characters (https://core.telegram.org/bots/api#createforumtopic). */
const TOPIC_NAME_MAX = 128;

/**
 * Delivers outbox notifications on Telegram: a linked user in their private chat, support in the staff group
 * (one forum topic per case where the group has topics). Refusals become DeliveryError for the outbox worker.
 */
export function createTelegramNotifier(deps: TelegramNotifierDeps): Notifier {
  const { api, threads, logger } = deps;
  let forum: Promise<boolean> | null = null;
  const creating = new Map<string, Promise<string | null>>();

  function isForum(chatId: string): Promise<boolean> {
    forum ??= api.getChat(chatId).then(
      (c) => ('is_forum' in c && c.is_forum === true),
      (err: unknown) => {
        forum = null;
        logger.warn({ err, chatId }, 'could not read the staff group; posting without topics');
        return false;
      },
    );
    return forum;
  }

  /** The case's topic in the staff group, created on first need; null to post in the group itself. */
  async function topicOf(chatId: string, message: OutMessage): Promise<string | null> {
    const caseId = message.caseId;
    if (!caseId || !(await isForum(chatId))) return null;
    const known = await threads.caseThread('telegram', caseId, 'staff');
    if (known) return known.split('/')[1] ?? null;
    // Two notifications of one case arriving together must not open two topics: one creation per process here,
    // and one across processes through the shared claim.
    const pending = creating.get(caseId) ?? claimAndCreate(chatId, caseId, message).finally(() => creating.delete(caseId));
    creating.set(caseId, pending);
    return pending;
  }

  async function claimAndCreate(chatId: string, caseId: string, message: OutMessage): Promise<string | null> {
    const claims = deps.claims;
    const key = `tg:topic:${chatId}:${caseId}`;
    if (!claims || (await claims.first(key, TOPIC_CLAIM_MS))) {
      const topicId = await createTopic(chatId, caseId, message);
      // A failed creation gives the claim back at once: the next delivery tries again.
      if (!topicId) await claims?.release(key);
      return topicId;
    }
    const deadline = Date.now() + (deps.topicWaitMs ?? 5000);
    while (Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      const made = await threads.caseThread('telegram', caseId, 'staff');
      if (made) return made.split('/')[1] ?? null;
    }
    // The winner is slow or gone: posting outside the topic would split the case, so the outbox tries again later.
    throw new DeliveryError(`forum topic of ${caseId} is being created by another process`, { retryAfterMs: 2000 });
  }

  async function createTopic(chatId: string, caseId: string, message: OutMessage): Promise<string | null> {
    const title = message.card ? `${caseId} · ${message.card.orderTitle} · ${message.card.shopName}` : caseId;
    try {
      const topic = await api.createForumTopic(chatId, title.slice(0, TOPIC_NAME_MAX));
      const topicId = String(topic.message_thread_id);
      await threads.setCaseThread('telegram', caseId, 'staff', `${chatId}/${topicId}`);
      // Messages in a topic reply to its first message, so remembering it makes the whole topic the case's thread.
      await threads.rememberMessage('telegram', chatId, topicId, caseId);
      return topicId;
    } catch (err) {
      logger.warn({ err, chatId, caseId }, 'could not create a forum topic; posting in the staff group');
      return null;
    }
  }

  return {
    platform: 'telegram',
    staffChannel: Boolean(deps.supportChatId),
    async deliver(target: DeliveryTarget, message: OutMessage, opts = {}): Promise<void> {
      const toUser = 'link' in target;
      const chatId = toUser ? target.link.address : deps.supportChatId;
      if (!chatId) throw new DeliveryError('TELEGRAM_SUPPORT_CHAT_ID is not set', { permanent: true });
      try {
        const threadId = toUser ? null : await topicOf(chatId, message);
        await deps.sender.send({ ...message, target: { conversationId: chatId, threadId } }, opts);
      } catch (err) {
        throw toDeliveryError(err, toUser);
      }
    },
  };
}

/** Maps a Bot API failure to what the outbox worker should do about it. */
export function toDeliveryError(err: unknown, toUser: boolean): DeliveryError {
  if (err instanceof DeliveryError) return err;
  if (err instanceof GrammyError) {
    const message = `Telegram ${err.method}: ${err.error_code} ${err.description}`;
    if (err.error_code === 429) return new DeliveryError(message, { retryAfterMs: (err.parameters.retry_after ?? 1) * 1000, cause: err });
    // 403: the user blocked the bot or deleted their account; for the staff group, the bot was removed.
    if (err.error_code === 403) return new DeliveryError(message, toUser ? { blocked: true, cause: err } : { permanent: true, cause: err });
    if (err.error_code >= 400 && err.error_code < 500) return new DeliveryError(message, { permanent: true, cause: err });
    return new DeliveryError(message, { cause: err });
  }
  if (err instanceof HttpError) return new DeliveryError(`Telegram unreachable: ${err.message}`, { cause: err });
  return new DeliveryError(err instanceof Error ? err.message : String(err), { cause: err });
}
