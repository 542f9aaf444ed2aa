import { ChannelType, Client, Events, GatewayIntentBits, Partials, type Guild } from 'discord.js';
import type { I18n } from '../../src/app/i18n.js';
import type { Logger } from '../../src/ports/logger.js';
import type { Engine } from '../../src/ports/turn.js';
import type { Env } from '../../src/config.js';
import type { BlobStore } from '../../src/ports/blob-store.js';
import type { CaseStore } from '../../src/ports/case-store.js';
import { systemClock, type Clock } from '../../src/ports/clock.js';
import type { Dedup, KeyValue } from '../../src/ports/kv.js';
import type { Metrics } from '../../src/app/metrics.js';
import type { LinkStore } from '../../src/ports/links.js';
import type { Notifier } from '../../src/ports/notifier.js';
import type { ThreadRegistry } from '../../src/ports/threads.js';
import { registerCommands } from './commands.js';
import type { InboundCtx } from './context.js';
import { createDiscordFiles } from './files.js';
import { handleInteraction, refuse } from './interactions.js';
import { InFlightError, NotHandledError } from '../common/redelivery.js';
import { handleEdit, handleMessage } from './messages.js';
import { createDiscordNotifier } from './notifier.js';
import { createDiscordSender } from './send.js';
import { createCaseThreads } from './threads.js';

/** The DISCORD_* variables (SPEC section 4) and the defaults for shared threads. */
export type DiscordConfig = Pick<
  Env,
  | 'DISCORD_API_URL'
  | 'DISCORD_APPLICATION_ID'
  | 'DISCORD_GUILD_ID'
  | 'DISCORD_SUPPORT_ROLE_ID'
  | 'DISCORD_STAFF_CHANNEL_ID'
  | 'DISCORD_CASES_CHANNEL_ID'
  | 'DEFAULT_LOCALE'
  | 'DEFAULT_TIMEZONE'
> & { DISCORD_BOT_TOKEN: string };

export interface DiscordAdapterDeps {
  config: DiscordConfig;
  engine: Engine;
  i18n: I18n;
  links: LinkStore;
  threads: ThreadRegistry;
  /** Card message ids and long button tokens. */
  kv: KeyValue;
  /** Once-only handling of gateway events and interactions across processes. */
  dedup: Dedup;
  blobs: BlobStore;
  /** Read-only: a case's parties (thread membership, who may write there) and the `case` option's autocomplete. */
  cases: Pick<CaseStore, 'load' | 'list'>;
  logger: Logger;
  clock?: Clock;
  /** Text channel for private case threads; default: DISCORD_CASES_CHANNEL_ID, else the server's system channel, else its first text channel. */
  casesChannelId?: string;
  /** Defer interactions the engine has not answered after this long (default 1500 ms; Discord allows 3 s). */
  ackAfterMs?: number;
  maxFileBytes?: number;
  /** Counts duplicate events (ignored, or waited for while another process handles them). */
  metrics?: Pick<Metrics, 'duplicates'>;
  /** How long an inbound claim lives without renewal (default 6 s). */
  claimMs?: number;
  /** Register the slash commands at start (default true; only the process holding shard 0 does). */
  registerCommands?: boolean;
}

export interface DiscordAdapter {
  client: Client;
  notifier: Notifier;
  /** Logs in to the gateway, waits until ready, registers the slash commands. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** Rate limits longer than this are handed back to the outbox (DeliveryError.retryAfterMs) instead of waited out. */
const LONG_RATE_LIMIT_MS = 30_000;

/**
 * The gateway intents Palabre asks for. Message Content is privileged: it must be switched on in the developer
 * portal (Bot → Privileged Gateway Intents), which `npm run cli -- discord invite` checks.
 */
export const DISCORD_INTENTS = [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.MessageContent, GatewayIntentBits.DirectMessages] as const;

/** Connects the engine to Discord: gateway events and interactions in, messages, threads and components out. */
export function createDiscordAdapter(deps: DiscordAdapterDeps): DiscordAdapter {
  const cfg = deps.config;
  const log = deps.logger.child({ platform: 'discord' });
  const client = new Client({
    intents: [...DISCORD_INTENTS],
    // DM channels are not cached before their first message: without this partial, DMs are dropped. Without the
    // message partial, an edit of a message this process has not cached (sent before it started) would be dropped.
    partials: [Partials.Channel, Partials.Message],
    // The gateway address comes from GET /gateway/bot on this API, so DISCORD_API_URL moves both.
    rest: { api: cfg.DISCORD_API_URL, version: '10', rejectOnRateLimit: (r) => r.timeToReset > LONG_RATE_LIMIT_MS },
    allowedMentions: { parse: [] },
  });
  // Deliveries may start before the gateway is up.
  client.rest.setToken(cfg.DISCORD_BOT_TOKEN);

  const guild = (): Guild | null => (cfg.DISCORD_GUILD_ID ? client.guilds.cache.get(cfg.DISCORD_GUILD_ID) : client.guilds.cache.first()) ?? null;
  const casesChannelId = (): string | null => {
    const fixed = deps.casesChannelId ?? cfg.DISCORD_CASES_CHANNEL_ID;
    if (fixed) return fixed;
    const g = guild();
    if (!g) return null;
    if (g.systemChannelId) return g.systemChannelId;
    const text = g.channels.cache.filter((c) => c.type === ChannelType.GuildText && c.id !== cfg.DISCORD_STAFF_CHANNEL_ID);
    return text.sort((a, b) => ('position' in a && 'position' in b ? a.position - b.position : 0)).first()?.id ?? null;
  };

  const sender = createDiscordSender({ rest: client.rest, i18n: deps.i18n, kv: deps.kv, threads: deps.threads, blobs: deps.blobs, logger: log });
  const caseThreads = createCaseThreads({
    rest: client.rest,
    kv: deps.kv,
    sender,
    threads: deps.threads,
    links: deps.links,
    cases: deps.cases,
    dedup: deps.dedup,
    guildId: () => cfg.DISCORD_GUILD_ID ?? guild()?.id ?? null,
    casesChannelId,
    ...(cfg.DISCORD_STAFF_CHANNEL_ID ? { staffChannelId: cfg.DISCORD_STAFF_CHANNEL_ID } : {}),
    ...(cfg.DISCORD_SUPPORT_ROLE_ID ? { supportRoleId: cfg.DISCORD_SUPPORT_ROLE_ID } : {}),
    locale: cfg.DEFAULT_LOCALE,
    timezone: cfg.DEFAULT_TIMEZONE,
    logger: log,
  });
  const ctx: InboundCtx = {
    client,
    engine: deps.engine,
    sender,
    caseThreads,
    files: createDiscordFiles({ blobs: deps.blobs, apiUrl: cfg.DISCORD_API_URL, ...(deps.maxFileBytes ? { maxBytes: deps.maxFileBytes } : {}) }),
    i18n: deps.i18n,
    links: deps.links,
    dedup: deps.dedup,
    cases: deps.cases,
    ...(cfg.DISCORD_STAFF_CHANNEL_ID ? { staffChannelId: cfg.DISCORD_STAFF_CHANNEL_ID } : {}),
    ...(cfg.DISCORD_SUPPORT_ROLE_ID ? { supportRoleId: cfg.DISCORD_SUPPORT_ROLE_ID } : {}),
    defaultTimezone: cfg.DEFAULT_TIMEZONE,
    ackAfterMs: deps.ackAfterMs ?? 1500,
    logger: log,
    metrics: deps.metrics,
    ...(deps.claimMs ? { claimMs: deps.claimMs } : {}),
  };

  /** The one error boundary: log with the ids, apologize if possible, never let one event take the process down. */
  async function boundary(ids: Record<string, string | null | undefined>, work: () => Promise<void>, apologize: (err: unknown) => Promise<unknown>) {
    try {
      await work();
    } catch (err) {
      log.error({ err, ...ids }, 'discord event failed');
      await apologize(err).catch((e: unknown) => log.warn({ err: e, ...ids }, 'could not apologize'));
    }
  }

  client.on(Events.MessageCreate, (m) => {
    void boundary({ messageId: m.id, channelId: m.channelId, guildId: m.guildId }, () => handleMessage(ctx, m), async () => undefined);
  });
  client.on(Events.MessageUpdate, (before, after) => {
    void boundary({ messageId: after.id, channelId: after.channelId, guildId: after.guildId }, () => handleEdit(ctx, before, after), async () => undefined);
  });
  client.on(Events.InteractionCreate, (i) => {
    void boundary({ interactionId: i.id, channelId: i.channelId, guildId: i.guildId }, () => handleInteraction(ctx, i), async (err) => {
      // A claim that could not be written (Redis refusing writes): the interaction was not handled, nor will be again.
      if (i.isRepliable()) await refuse(ctx, i, err instanceof NotHandledError && !(err instanceof InFlightError) ? 'dc-action-not-saved' : 'dc-error');
    });
  });
  client.on(Events.Error, (err) => log.error({ err }, 'discord client error'));
  client.on(Events.ShardError, (err, shardId) => log.error({ err, shardId }, 'discord gateway error'));
  client.on(Events.Warn, (message) => log.warn({ message }, 'discord warning'));

  return {
    client,
    notifier: createDiscordNotifier({
      rest: client.rest,
      sender,
      caseThreads,
      links: deps.links,
      clock: deps.clock ?? systemClock,
      ...(cfg.DISCORD_STAFF_CHANNEL_ID ? { staffChannelId: cfg.DISCORD_STAFF_CHANNEL_ID } : {}),
      logger: log,
    }),
    async start() {
      const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
      await client.login(cfg.DISCORD_BOT_TOKEN);
      await ready;
      const shards = client.options.shards;
      const holdsShardZero = Array.isArray(shards) ? shards.includes(0) : typeof shards === 'number' ? shards === 0 : true;
      const applicationId = cfg.DISCORD_APPLICATION_ID ?? client.application?.id;
      if (deps.registerCommands !== false && holdsShardZero && applicationId) {
        await registerCommands(client.rest, applicationId, cfg.DISCORD_GUILD_ID, deps.i18n).catch((err: unknown) =>
          log.error({ err, guildId: cfg.DISCORD_GUILD_ID }, 'could not register the slash commands'),
        );
      }
      log.info({ user: client.user?.tag, guilds: client.guilds.cache.size, shards }, 'discord ready');
    },
    async stop() {
      await client.destroy();
    },
  };
}
