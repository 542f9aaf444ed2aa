import 'dotenv/config';
import { playgroundEnabled } from '../adapters/web/index.js';
import { mountPlayground } from '../adapters/web/mount.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { composePalabre, type Palabre } from './compose.js';
import { prepareClassifierInBackground } from './app/engine/intent.js';
import { createLogger } from './infra/logger.js';
import { isCluster, reachRedis } from './infra/redis.js';
import { type Logger } from './ports/logger.js';

/** An adapter with its own loop (polling, gateway): started after the shared parts, stopped before they close. */
type Running = { start(): Promise<void>; stop(): Promise<void> };

/**
 * Builds the adapters the configuration turns on and registers their routes and notifiers. Each platform's
 * adapter is imported only when it is on: botbuilder and discord.js alone take about a second to load.
 */
async function startAdapters(p: Palabre, config: Config, log: Logger): Promise<Running[]> {
  const running: Running[] = [];
  const shared = { engine: p.engine, i18n: p.i18n, threads: p.threads, blobs: p.blobs, logger: log };

  if (playgroundEnabled(config)) {
    await mountPlayground(p, config, log);
  }

  if (config.TELEGRAM_BOT_TOKEN) {
    const { createTelegramAdapter } = await import('../adapters/telegram/index.js');
    const throttle = config.TELEGRAM_THROTTLE ? await telegramThrottle(p, config, log) : null;
    const { createRedisCardIds } = await import('../adapters/telegram/cards.js');
    const { telegramWebhookUrl } = await import('../adapters/telegram/setup.js');
    const tg = createTelegramAdapter({
      ...shared,
      token: config.TELEGRAM_BOT_TOKEN,
      apiRoot: config.TELEGRAM_API_ROOT,
      webhookSecret: config.TELEGRAM_WEBHOOK_SECRET,
      // With a public address the bot (re)registers its webhook at start, as `npm run cli -- telegram setup` does.
      ...(config.PUBLIC_URL ? { webhookUrl: telegramWebhookUrl(config.PUBLIC_URL) } : {}),
      supportChatId: config.TELEGRAM_SUPPORT_CHAT_ID,
      admit: () => p.admit(),
      dedup: p.dedup,
      kv: p.kv,
      // Card message ids as one Redis hash per chat (edits in place); the KeyValue in the embedded mode.
      cards: p.redis ? createRedisCardIds(p.redis, config.REDIS_PREFIX, p.kv) : undefined,
      metrics: p.metrics,
      defaultLocale: config.DEFAULT_LOCALE,
      defaultTimezone: config.DEFAULT_TIMEZONE,
      ...(throttle ? { throttle: throttle.options } : {}),
    });
    tg.registerWebhook(p.http);
    p.addNotifier(tg.notifier);
    running.push({ start: async () => {
      await tg.start();
      // Known from here on: the admin API's link tokens carry https://t.me/<bot>?start=<token> (SPEC section 5).
      p.telegramBot.username = tg.bot.botInfo.username;
    }, stop: async () => {
      await tg.stop();
      await throttle?.close();
    } });
  }

  if (config.DISCORD_BOT_TOKEN) {
    const { createDiscordAdapter } = await import('../adapters/discord/index.js');
    const dc = createDiscordAdapter({
      ...shared,
      config: { ...config, DISCORD_BOT_TOKEN: config.DISCORD_BOT_TOKEN },
      links: p.links,
      kv: p.kv,
      dedup: p.dedup,
      cases: p.store,
      clock: p.clock,
      metrics: p.metrics,
    });
    p.addNotifier(dc.notifier);
    running.push(dc);
  }

  if (config.MicrosoftAppId || config.TEAMS_ENABLED) {
    const { createTeamsAdapter } = await import('../adapters/teams/index.js');
    const teams = createTeamsAdapter({
      ...shared,
      appId: config.MicrosoftAppId,
      appPassword: config.MicrosoftAppPassword,
      appType: config.MicrosoftAppType,
      tenantId: config.MicrosoftAppTenantId,
      allowUnauthenticated: config.TEAMS_ENABLED === true,
      openIdMetadataUrl: config.TEAMS_OPENID_METADATA_URL,
      staffConversationId: config.TEAMS_STAFF_CONVERSATION_ID,
      links: p.links,
      dedup: p.dedup,
      kv: p.kv,
      metrics: p.metrics,
      clock: p.clock,
      defaultLocale: config.DEFAULT_LOCALE,
      defaultTimezone: config.DEFAULT_TIMEZONE,
    });
    await teams.register(p.http);
    p.addNotifier(teams.notifier);
  }
  return running;
}

/** Set once a signal arrived: a start interrupted by it is not a failure to report. */
let stopping = false;

/**
 * Telegram's send limits: per process with the limits divided by TELEGRAM_PROCESSES, or with
 * TELEGRAM_THROTTLE_SHARED=1 shared through Redis (Bottleneck's ioredis datastore; one Redis, not a Cluster). Shared is
 * not the default: Bottleneck frees a dead process's running send only when the job expires, and the throttler sets no
 * expiration, so a process killed mid-send holds that chat's slot for every other process (docs/operations.md).
 */
async function telegramThrottle(p: Palabre, config: Config, log: Logger) {
  const limits = { chatMinMs: config.TELEGRAM_CHAT_MIN_MS, globalPerSecond: config.TELEGRAM_GLOBAL_PER_SECOND, groupPerMinute: config.TELEGRAM_GROUP_PER_MINUTE };
  if (!config.TELEGRAM_THROTTLE_SHARED || !p.redis || isCluster(p.redis)) {
    return { options: { limits, processes: config.TELEGRAM_PROCESSES }, close: async () => {} };
  }
  const { default: Bottleneck } = await import('bottleneck');
  const connection = new Bottleneck.IORedisConnection({ client: p.redis.duplicate() });
  connection.on('error', (err: unknown) => log.warn({ err }, 'telegram throttle: Redis error'));
  return {
    options: { limits, shared: { connection, id: `${config.REDIS_PREFIX}tg-throttle` } },
    close: () => connection.disconnect(false).catch(() => {}),
  };
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`palabre: configuration error: ${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
  const log = createLogger(config.LOG_LEVEL);
  // An unreachable Redis stops the start with one line naming REDIS_URL, before any store opens its connections.
  if (config.REDIS_URL) await reachRedis(config.REDIS_URL);
  const palabre = await composePalabre({ config, logger: log });
  const adapters: Running[] = [];
  // From here on a signal stops what has started, even mid-start: workers may already hold deliveries.
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'stopping');
    // Whatever a platform does (a request that never answers), the process is gone within the timeout;
    // deliveries it still held are in Redis, where their drain lock lapses for another process.
    const deadline = setTimeout(() => {
      log.warn({ code: 'SHUTDOWN_TIMEOUT', timeoutMs: config.SHUTDOWN_TIMEOUT_MS }, 'stopped before everything closed');
      process.exit(1);
    }, config.SHUTDOWN_TIMEOUT_MS);
    deadline.unref();
    // Polling and gateways stop at the same time as the HTTP server and the workers: nothing new comes in
    // while the rest winds down.
    await Promise.all([
      ...adapters.map((a) => a.stop().catch((err: unknown) => log.warn({ err }, 'adapter stop'))),
      palabre.close().catch((err: unknown) => log.warn({ err }, 'close')),
    ]);
    log.info({ signal }, 'stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  adapters.push(...(await startAdapters(palabre, config, log)));
  await palabre.start({ digest: 'later' });
  for (const a of adapters) await a.start();
  const address = await palabre.http.listen({ port: config.PORT, host: config.HOST }).catch((err: NodeJS.ErrnoException) => {
    // Name the setting to change: the port is taken, or HOST is not an address of this machine.
    if (err.code === 'EADDRINUSE') throw new Error(`PORT: ${config.PORT} is already in use on ${config.HOST} (another process listens there)`);
    if (err.code === 'EADDRNOTAVAIL' || err.code === 'ENOTFOUND' || err.code === 'EAI_AGAIN') throw new Error(`HOST: cannot listen on "${config.HOST}" (${err.code}: not an address of this machine)`);
    if (err.code === 'EACCES') throw new Error(`PORT: ${config.PORT} needs privileges this process does not have (use a port above 1023)`);
    throw err;
  });
  // Once the start succeeded: a start that fails (a bad MARKETPLACE_DATA file, PORT taken) prints its one line alone.
  if (config.embedded) {
    log.warn('embedded mode: no REDIS_URL, so cases, links and reminders live in memory and nothing survives a restart');
  }
  // `running`: the compiled build (`node dist/src/main.js`, or `npm start` with a current build) or the TypeScript sources.
  const running = import.meta.url.endsWith('.js') ? 'build' : 'sources';
  log.info({ address, host: config.HOST, embedded: config.embedded, playground: playgroundEnabled(config), running }, 'palabre is listening');
  // The message classifier learns from its corpus (0.5 s of CPU on a quiet machine, 2 to 3 s on a loaded one), once the
  // process is up, in slices of a few ms, so that its heartbeats, health checks and updates go on meanwhile. Trained in
  // one go 3 s after the start, it stopped the process then: its heartbeats stopped, the others took it for dead and
  // took its streams over; trained in one go before listening, or in slices during the start, the start took 2 s more.
  // A message that needs it before it is ready finishes the training at once.
  // Then the language detector is built and support's morning digest scheduled (its first business-day lookup loads
  // the public-holiday calendars, date-holidays): together some 0.3 to 0.6 s of CPU that need not hold the start.
  const t0 = performance.now();
  void prepareClassifierInBackground()
    .then(() => log.info({ code: 'CLASSIFIER_READY', ms: Math.round(performance.now() - t0) }, 'message classifier trained'))
    .catch((err: unknown) => log.error({ err, code: 'CLASSIFIER_FAILED' }, 'message classifier could not be trained'))
    .finally(() => {
      if (stopping) return;
      palabre.warm();
      // A turn of the event loop between the two: heartbeats and requests are not held for both at once.
      setImmediate(() => void palabre.scheduleDigest());
    });
  if (playgroundEnabled(config)) {
    const local = config.HOST === '127.0.0.1' || config.HOST === 'localhost' || config.HOST === '::1';
    const reach = local
      ? `It listens on ${config.HOST} only: other machines cannot reach it (set HOST=0.0.0.0 to allow them).`
      : `It listens on ${config.HOST}: other machines on the network can reach it.`;
    const token = config.PLAYGROUND_TOKEN ? '?token=<PLAYGROUND_TOKEN>' : '';
    process.stdout.write(`\n  Palabre is running. Open the playground: http://localhost:${config.PORT}/${token}\n  ${reach}\n\n`);
  }
}

// One bad update must never take the process down: adapters have their own error boundaries,
// and whatever still escapes is logged with a code here.
process.on('unhandledRejection', (err) => {
  process.stderr.write(`${JSON.stringify({ level: 'error', code: 'UNHANDLED_REJECTION', err: String((err as Error)?.stack ?? err) })}\n`);
});

main().catch((err: unknown) => {
  if (stopping) return;
  process.stderr.write(`palabre: failed to start: ${(err as Error)?.message ?? String(err)}\n`);
  process.exit(1);
});
