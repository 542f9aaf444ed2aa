import type { FastifyInstance } from 'fastify';
import { autoRetry } from '@grammyjs/auto-retry';
import { sequentialize } from '@grammyjs/runner';
import { Api, Bot, GrammyError, type BotError, type Context } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import type { I18n } from '../../src/app/i18n.js';
import type { Engine, OutMessage, TurnContent, TurnInput } from '../../src/ports/turn.js';
import type { Logger } from '../../src/ports/logger.js';
import type { Metrics } from '../../src/app/metrics.js';
import { isPalabreError } from '../../src/domain/errors.js';
import { handleOnce, InFlightError, NotHandledError, UserBusyError, type OnceTurn } from '../common/redelivery.js';
import type { BlobStore } from '../../src/ports/blob-store.js';
import type { Dedup, KeyValue } from '../../src/ports/kv.js';
import type { Notifier } from '../../src/ports/notifier.js';
import type { ThreadRegistry } from '../../src/ports/threads.js';
import { registerCommands } from './commands.js';
import { telegramFetch } from './fetch.js';
import { createTelegramFiles } from './files.js';
import { createTelegramNotifier } from './notifier.js';
import { parseUpdate, type ParsedUpdate } from './parse.js';
import type { CardIds } from './cards.js';
import { createTelegramSender } from './send.js';
import { startPolling, type Polling } from './polling.js';
import { telegramThrottler, type TelegramThrottleOptions } from './throttle.js';
import { registerTelegramWebhook } from './webhook.js';

/** What the Telegram adapter needs; main.ts fills it from the TELEGRAM_* configuration and the shared stores. */
export interface TelegramAdapterDeps {
  /** TELEGRAM_BOT_TOKEN. */
  token: string;
  /** TELEGRAM_API_ROOT, without a trailing slash (default https://api.telegram.org). */
  apiRoot?: string;
  /** TELEGRAM_WEBHOOK_SECRET: set → webhook at POST /telegram/webhook; unset → long polling. */
  webhookSecret?: string;
  /** Public URL of POST /telegram/webhook: when given in webhook mode, start() calls setWebhook with the secret. */
  webhookUrl?: string;
  /** TELEGRAM_SUPPORT_CHAT_ID: the staff group, the only chat where support commands run. */
  supportChatId?: string;
  /** Awaited before each webhook update: resolves once the process's deliveries are nearly caught up (backpressure). */
  admit?: () => Promise<void>;
  engine: Engine;
  i18n: I18n;
  threads: ThreadRegistry;
  /** Shared by every process (Redis): each update_id is handled once, and again only if it failed before the engine answered. */
  dedup: Dedup;
  /** Long button tokens, and card message ids (for edits) unless `cards` is given. */
  kv: KeyValue;
  /** Card message ids for edits; on Redis, `createRedisCardIds` keeps them in one hash per chat. */
  cards?: CardIds;
  blobs: BlobStore;
  logger: Logger;
  /** Counts what the engine never sees: duplicate updates and refused files (the engine counts its own turns). */
  metrics?: Pick<Metrics, 'turns' | 'duplicates'>;
  /** For the adapter's own sentences before the engine knows the user. */
  defaultLocale?: string;
  defaultTimezone?: string;
  /** The bot's getMe answer when known (skips the getMe call at start). */
  botInfo?: UserFromGetMe;
  /** Largest evidence file accepted, in bytes (default 10 MB). */
  maxFileBytes?: number;
  /** 429 handling of a turn's own replies before an error surfaces: attempts and the longest retry_after waited for (default 3 and 30 s). */
  retry?: { maxRetryAttempts?: number; maxDelaySeconds?: number };
  /**
   * The same for notifications (default 1 attempt, 2 s): a longer retry_after surfaces at once as the delivery's
   * `retryAfterMs`, and the outbox waits it out for that recipient alone.
   */
  notifyRetry?: { maxRetryAttempts?: number; maxDelaySeconds?: number };
  /** How long a notification's send waits for an answer before it is a failed try (default NOTIFY_TIMEOUT_SECONDS). */
  notifyTimeoutSeconds?: number;
  /** getUpdates long-polling timeout in seconds (default 30). */
  pollTimeoutSeconds?: number;
  /** Spaces sends ahead of Telegram's limits (main.ts turns it on); without it only 429s slow the bot down. */
  throttle?: TelegramThrottleOptions;
}

/** The running adapter: the grammY bot, the outbox notifier, and the webhook route or the polling loop. */
export interface TelegramAdapter {
  bot: Bot;
  notifier: Notifier;
  /** Adds POST /telegram/webhook when a webhook secret is configured; does nothing in polling mode. */
  registerWebhook(app: FastifyInstance): void;
  /** Reads the bot's identity, registers the command menus, and starts long polling unless in webhook mode. */
  start(): Promise<void>;
  /** Stops polling and waits for updates in progress. */
  stop(): Promise<void>;
}

/** The updates Palabre reads: messages (text, commands, photos, documents), their edits, and button presses. */
export const ALLOWED_UPDATES = ['message', 'edited_message', 'callback_query'] as const;

/** How long the answer to an album's photo waits for the album's next photo. */
export const ALBUM_SETTLE_MS = 700;

/**
 * Commands whose answer lists a user's orders or cases: in a group (not the staff group) they are redirected to the
 * private chat. A seller's actions on a named case (/refund, /tracking) still run in a team's group.
 */
const PRIVATE_COMMANDS = new Set(['report', 'cases', 'case']);

/**
 * An update is claimed for 6 seconds, renewed every 2 while handled, so that the claim of a process that died lapses
 * within seconds; a delivery that finds a live claim is refused (503 on the webhook, not acknowledged when polling) and
 * Telegram delivers it again. Once handled it is kept 26 hours: Telegram drops undelivered updates after 24 hours, so
 * no redelivery can come later than that; the 2 hours beyond cover clock skew. Longer would only cost Redis memory.
 */
/**
 * How long a notification's send waits for the Bot API's answer before it is a failed try (retried after its
 * back-off). Telegram answers a sendMessage within a second or two; an upload of a 10 MB document over a slow link
 * takes longer, hence not less. Probe 13's chat answered 8 s late is not cut short.
 */
export const NOTIFY_TIMEOUT_SECONDS = 20;

export const TELEGRAM_ONCE = { claimMs: 6_000, renewMs: 2_000, keepMs: 26 * 3600_000 };

/** Connects the engine to the Telegram Bot API (SPEC sections 3 and 4). A thin translator: no dispute rule here. */
export function createTelegramAdapter(deps: TelegramAdapterDeps): TelegramAdapter {
  const apiRoot = deps.apiRoot ?? 'https://api.telegram.org';
  const log = deps.logger.child({ platform: 'telegram' });
  const defaultLocale = deps.defaultLocale ?? 'fr';
  const timezone = deps.defaultTimezone ?? 'Africa/Kinshasa';
  const bot = new Bot(deps.token, { ...(deps.botInfo ? { botInfo: deps.botInfo } : {}), client: { apiRoot, fetch: telegramFetch } });
  const retrying = (r: TelegramAdapterDeps['retry'], attempts: number, delaySeconds: number) =>
    autoRetry({ maxRetryAttempts: r?.maxRetryAttempts ?? attempts, maxDelaySeconds: r?.maxDelaySeconds ?? delaySeconds, rethrowHttpErrors: true, rethrowInternalServerErrors: true });
  // One throttle for both clients below: the limits are Telegram's, whoever sends.
  const throttle = deps.throttle ? telegramThrottler(deps.throttle) : null;
  bot.api.config.use(retrying(deps.retry, 3, 30));
  // Installed after autoRetry, so it runs first: a call waits for its slot, and a 429 retry keeps that slot.
  if (throttle) bot.api.config.use(throttle);
  // Notifications have a client of their own whose 429 waits are short: a send that waited out retry_after inline held
  // one of the process's delivery slots for up to 3 × 30 s, other recipients queued behind it, and /metrics showed no
  // retry until it gave up. A longer wait now surfaces at once, and the outbox waits it out for that recipient alone.
  // A send Telegram does not answer is given up after NOTIFY_TIMEOUT_SECONDS (grammY's default: 500 s): counted as a
  // failed try and retried after its back-off, that recipient alone waiting, instead of holding the recipient's queue
  // for minutes with nothing on /metrics.
  const notifyApi = new Api(deps.token, { apiRoot, fetch: telegramFetch, timeoutSeconds: deps.notifyTimeoutSeconds ?? NOTIFY_TIMEOUT_SECONDS });
  notifyApi.config.use(retrying(deps.notifyRetry, 1, 2));
  if (throttle) notifyApi.config.use(throttle);
  const senderDeps = { i18n: deps.i18n, threads: deps.threads, kv: deps.kv, blobs: deps.blobs, logger: log, ...(deps.cards && { cards: deps.cards }) };
  const sender = createTelegramSender({ api: bot.api, ...senderDeps });
  const files = createTelegramFiles({ api: bot.api, token: deps.token, apiRoot, blobs: deps.blobs, ...(deps.maxFileBytes ? { maxBytes: deps.maxFileBytes } : {}) });
  const notifySender = createTelegramSender({ api: notifyApi, ...senderDeps });
  const notifier = createTelegramNotifier({ api: notifyApi, sender: notifySender, threads: deps.threads, logger: log, claims: deps.dedup, ...(deps.supportChatId ? { supportChatId: deps.supportChatId } : {}) });
  bot.api.config.use(async (prev, method, payload, signal) => {
    try {
      return await prev(method, payload, signal);
    } catch (err) {
      // The runner retries getUpdates quietly; the log should still show why polling stalls.
      if (method === 'getUpdates' && !signal?.aborted) log.warn({ err }, 'getUpdates failed; polling retries');
      throw err;
    }
  });
  const count = (outcome: string) => deps.metrics?.turns.inc({ platform: 'telegram', outcome });
  let polling: Polling | null = null;
  // Aborted by stop(): an update waiting for its user's turn on another process is refused at once.
  const stopping = new AbortController();

  const localeOf = (hint: string | undefined) => (hint ? deps.i18n.resolve(hint) : defaultLocale);

  /** An adapter-level sentence (file refusals, the error apology) in the user's Telegram language. */
  async function say(input: Omit<TurnInput, 'content'>, id: string, args: Record<string, string | number> = {}, replyTo?: number) {
    const out: OutMessage = { target: { conversationId: input.conversationId, threadId: input.threadId ?? null }, locale: localeOf(input.languageHint), timezone, body: [{ id, args }] };
    await sender.send(out, replyTo ? { replyToMessageId: replyTo } : {});
  }

  async function contentOf(parsed: ParsedUpdate): Promise<TurnContent | null> {
    if (parsed.unsupported) return null;
    if (!parsed.file) {
      const c = parsed.content;
      return c.type === 'action' ? { type: 'action', token: await sender.resolveCallbackData(c.token) } : c;
    }
    try {
      const blob = await files.keep(parsed.file);
      return { type: 'attachment', blob, ...(parsed.caption ? { caption: parsed.caption } : {}) };
    } catch (err) {
      if (!isPalabreError(err)) throw err;
      log.info({ code: err.code, chatId: parsed.input.conversationId }, 'evidence file refused');
      const id = err.code === 'INPUT_TOO_LARGE' ? 'tg-file-too-large' : err.code === 'STORAGE_UNAVAILABLE' ? 'error-storage-unavailable' : 'tg-file-unsupported';
      await say(parsed.input, id, { max: Math.floor(files.maxBytes / (1024 * 1024)) }, parsed.messageId);
      count('refused');
      return null;
    }
  }

  /** Starts the engine's first reads of an update (Engine.prefetch); `onUpdate` hands the engine the same event id. */
  function prefetch(ctx: Context, eventId: string): void {
    if (!deps.engine.prefetch) return;
    try {
      const parsed = parseUpdate(ctx.update, { botUsername: ctx.me.username, ...(deps.supportChatId ? { supportChatId: deps.supportChatId } : {}) });
      const content = parsed && !parsed.file ? parsed.content : null;
      if (parsed && content) deps.engine.prefetch({ ...parsed.input, content, eventId });
    } catch (err) {
      log.debug({ err }, 'update reads not prefetched');
    }
  }

  /**
   * Albums: Telegram delivers each photo of an album as its own message (same media_group_id). The engine takes each,
   * but the buyer reads one acknowledgement: the answer to an album's photo waits a moment, and the next photo's
   * answer (« 3 fichiers ajoutés ») replaces it. Keyed by chat and album.
   */
  const albums = new Map<string, { timer: NodeJS.Timeout | null; flush: (() => Promise<void>) | null }>();
  function armAlbum(key: string) {
    const a = albums.get(key);
    if (!a) return;
    if (a.timer) clearTimeout(a.timer);
    a.timer = setTimeout(() => {
      albums.delete(key);
      a.flush?.().catch((err: unknown) => log.warn({ err }, 'album acknowledgement not sent'));
    }, ALBUM_SETTLE_MS);
  }
  async function flushAlbums() {
    const pending = [...albums.values()];
    albums.clear();
    for (const a of pending) {
      if (a.timer) clearTimeout(a.timer);
      await a.flush?.().catch((err: unknown) => log.warn({ err }, 'album acknowledgement not sent'));
    }
  }

  /**
   * Stops a pressed button's spinner (answerCallbackQuery) without holding the turn: under load Telegram may be slow to
   * take it, and the chat's next updates wait for this one. Telegram takes it for about 15 s after the press, once: a
   * press read later (its update waited while the process was down or behind) is refused with 400 "query is too old and
   * response timeout expired or query ID is invalid". The spinner has stopped by itself by then; the press is handled
   * and answered in the chat all the same, and the refusal is not tried again.
   */
  function answerPress(ctx: Context): void {
    const queryId = ctx.callbackQuery?.id;
    ctx.answerCallbackQuery().catch((err: unknown) => {
      if (err instanceof GrammyError && err.error_code === 400) {
        log.info({ queryId, error_code: err.error_code, description: err.description }, 'callback query answer refused (the press came too late to stop its spinner); the press is handled all the same');
      } else log.warn({ err, queryId }, 'callback query not answered; the press is handled all the same');
    });
  }

  /** One update, once; `decided` is called as soon as the engine has answered (a redelivery must not run it again). */
  async function onUpdate(ctx: Context, eventId: string, decided: (confirmed?: boolean) => void, turn: OnceTurn) {
    // Read while the user's previous turn (on another process) was still writing: read again.
    if (turn.waited) prefetch(ctx, eventId);
    const group = ctx.message?.media_group_id;
    if (!group) return onUpdateNow(ctx, eventId, decided, null, turn.finish);
    const key = `${ctx.chat?.id ?? ''}:${group}`;
    const a = albums.get(key) ?? { timer: null, flush: null };
    if (a.timer) clearTimeout(a.timer);
    a.timer = null;
    albums.set(key, a);
    try {
      await onUpdateNow(ctx, eventId, decided, (flush) => {
        a.flush = flush;
      });
    } finally {
      armAlbum(key);
    }
  }

  /**
   * `later`: the answers are handed over instead of sent (a photo of an album). `finish` lets the user's next update
   * run: written with the last answer's own writes.
   */
  async function onUpdateNow(
    ctx: Context,
    eventId: string,
    decided: (confirmed?: boolean) => void,
    later: ((flush: () => Promise<void>) => void) | null,
    finish?: () => Promise<void>,
  ) {
    // The button stops spinning; the answer itself comes as messages, without waiting for Telegram to take this one.
    if (ctx.callbackQuery) answerPress(ctx);
    const parsed = parseUpdate(ctx.update, { botUsername: ctx.me.username, ...(deps.supportChatId ? { supportChatId: deps.supportChatId } : {}) });
    if (!parsed) return;
    // A group has no private answers: what would show a party's orders or cases there is asked for in private instead.
    if (!parsed.input.isPrivate && !parsed.input.isStaffChannel && parsed.content?.type === 'command' && PRIVATE_COMMANDS.has(parsed.content.name)) {
      await say(parsed.input, 'tg-group-write-privately', { link: `https://t.me/${ctx.me.username}` }, parsed.messageId);
      return;
    }
    if (parsed.unsupported) {
      log.info({ chatId: parsed.input.conversationId, kind: parsed.unsupported }, 'message kind Palabre cannot read');
      await say(parsed.input, `media-unsupported-${parsed.unsupported}`, {}, parsed.messageId);
      count('refused');
      return;
    }
    const content = await contentOf(parsed);
    if (!content) return;
    const result = await deps.engine.handle({ ...parsed.input, content, eventId });
    // Redis refused the turn's writes: not acknowledged (503, the polling offset stays), Telegram delivers it again and
    // that delivery is handled, and answered, once Redis takes writes. Acknowledged with the apology, it was lost.
    if (result.storageRefused !== undefined) throw result.storageRefused;
    decided(result.inboundMarked === true);
    if (later) {
      later(() => deliver(parsed, result));
      return;
    }
    await deliver(parsed, result, finish);
  }

  async function deliver(parsed: ParsedUpdate, result: Awaited<ReturnType<Engine['handle']>>, finish?: () => Promise<void>) {
    const posted: number[] = [];
    // What the sends retire (a slot's previous holder, an older copy of a card) the pressed message's retirement skips.
    const retired = new Set<string>();
    for (const [i, out] of result.replies.entries()) {
      // A reply about the chat the user wrote in stays in the forum topic they wrote in.
      const sameChat = out.target.conversationId === parsed.input.conversationId && !out.target.threadId;
      const target = sameChat ? { ...out.target, threadId: parsed.input.threadId ?? null } : out.target;
      posted.push(
        ...(await sender.send({ ...out, target }, {
          ...(parsed.pressedMessageId ? { pressedMessageId: parsed.pressedMessageId } : {}),
          ...(sameChat && parsed.messageId ? { replyToMessageId: parsed.messageId } : {}),
          retired,
          ...(finish && i === result.replies.length - 1 ? { onSent: finish } : {}),
        })),
      );
    }
    // The choice is made: its buttons go, unless the answer was written over the pressed message itself.
    if (result.retirePressed && parsed.pressedMessageId && !posted.includes(parsed.pressedMessageId)) {
      await sender.retire(parsed.input.conversationId, parsed.pressedMessageId, retired);
    }
  }

  bot.use(sequentialize((ctx: Context) => String(ctx.chat?.id ?? ctx.from?.id ?? '')));
  // An edit comes as its own update (its own update_id): claimed and handled once like any other.
  bot.on(['message', 'edited_message', 'callback_query'], async (ctx) => {
    const updateId = ctx.update.update_id;
    const onMarkError = (err: unknown, step: string) => log.warn({ err, updateId, step }, 'could not save the update mark');
    const onClaimLost = () => log.warn({ updateId }, 'update claim lost while handling it (it lapsed or Redis lost it); a redelivery may run it too');
    const key = `telegram:update:${ctx.me.id}:${updateId}`;
    const user = ctx.from ? `telegram:user:${ctx.me.id}:${ctx.from.id}` : undefined;
    const once = { ...TELEGRAM_ONCE, onMarkError, onClaimLost, ...(user ? { user } : {}), signal: stopping.signal };
    const handled = handleOnce(deps.dedup, key, once, (decided, turn) => onUpdate(ctx, key, decided, turn));
    // The turn's first reads leave with the claim (one round trip); dropped if the claim is refused.
    prefetch(ctx, key);
    const fresh = await handled;
    if (fresh) return;
    log.info({ updateId }, 'duplicate update ignored: already handled');
    deps.metrics?.duplicates.inc({ platform: 'telegram', outcome: 'ignored' });
  });

  async function apologise(ctx: Context) {
    try {
      const input = parseUpdate(ctx.update, { botUsername: ctx.me.username })?.input;
      if (input) await say(input, 'tg-error-generic');
    } catch (apologyErr) {
      log.warn({ err: apologyErr, chatId: ctx.chat?.id }, 'could not apologise for a failed update');
    }
  }

  // The one error boundary: log, apologise, keep going.
  bot.catch(async (err) => {
    const { ctx, error } = err;
    if (error instanceof UserBusyError) {
      log.info({ updateId: ctx.update.update_id, chatId: ctx.chat?.id }, "update refused: its user's previous update is still being handled elsewhere, Telegram will deliver it again");
      return;
    }
    if (error instanceof InFlightError) {
      log.info({ updateId: ctx.update.update_id, chatId: ctx.chat?.id }, 'duplicate update refused: being handled elsewhere, Telegram will deliver it again');
      deps.metrics?.duplicates.inc({ platform: 'telegram', outcome: 'refused' });
      return;
    }
    const notHandled = error instanceof NotHandledError;
    log.error({ err: notHandled ? error.cause : error, updateId: ctx.update.update_id, chatId: ctx.chat?.id, notHandled }, 'telegram update failed');
    // An update that was not handled is not acknowledged (503 on the webhook, the polling offset stays): Telegram
    // delivers it again and that delivery answers the user.
    if (notHandled) return;
    await apologise(ctx);
  });

  /** Polling gives up on an update that failed every delivery: its user is told. */
  async function giveUp(err: BotError) {
    log.error({ err: err.error instanceof NotHandledError ? err.error.cause : err.error, updateId: err.ctx.update.update_id, chatId: err.ctx.chat?.id }, 'telegram update failed at every attempt; given up');
    await apologise(err.ctx);
  }

  return {
    bot,
    notifier,
    registerWebhook(app) {
      if (deps.webhookSecret) registerTelegramWebhook(app, bot, deps.webhookSecret, deps.admit);
    },
    async start() {
      await bot.init();
      log.info({ username: bot.botInfo.username, mode: deps.webhookSecret ? 'webhook' : 'polling' }, 'telegram bot ready');
      await registerCommands(bot.api, deps.i18n, {
        locales: deps.i18n.locales,
        defaultLocale,
        timezone,
        ...(deps.supportChatId ? { supportChatId: deps.supportChatId } : {}),
      }).catch((err: unknown) => log.warn({ err }, 'could not register the command menus'));
      if (deps.webhookSecret) {
        if (deps.webhookUrl) await bot.api.setWebhook(deps.webhookUrl, { secret_token: deps.webhookSecret, allowed_updates: [...ALLOWED_UPDATES] });
        return;
      }
      // getUpdates answers 409 while a webhook is set.
      await bot.api.deleteWebhook();
      polling = startPolling(bot, { timeoutSeconds: deps.pollTimeoutSeconds ?? 30, allowedUpdates: ALLOWED_UPDATES, logger: log, onGiveUp: giveUp });
    },
    async stop() {
      stopping.abort();
      const p = polling;
      polling = null;
      if (p) await p.stop();
      await flushAlbums();
    },
  };
}
