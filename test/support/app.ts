import { createTelegramAdapter, type TelegramAdapter, type TelegramAdapterDeps } from '../../adapters/telegram/index.js';
import { composePalabre, type ComposeOptions, type Palabre } from '../../src/compose.js';
import { createLogger } from '../../src/infra/logger.js';
import { silentLogger } from '../../src/ports/logger.js';
import { loadConfig } from '../../src/config.js';
import { TEST_REDIS_URL, testRedis, type TestRedis } from './redis.js';

/** What composeTestApp builds: memory or Redis, and the environment. */
export interface TestAppOptions {
  /** Redis under a key prefix of its own (deleted by close) instead of memory stores: a fresh deployment each time. */
  redis?: boolean;
  /** The environment loadConfig reads, over LOG_LEVEL=silent and the Redis settings. */
  env?: Record<string, string | undefined>;
  /** Other composePalabre options (blobs, outbox timings; the outbox retries within a second by default). */
  compose?: Omit<ComposeOptions, 'config' | 'logger' | 'redis'>;
}

/** The whole of Palabre as main.ts builds it, with no platform attached yet. */
export interface TestApp {
  p: Palabre;
  /** The file's Redis, when asked for. */
  redis: TestRedis | null;
  /** Closes the app (stop the adapters first), then deletes its Redis keys. */
  close(): Promise<void>;
}

/** Composes Palabre for a test; JOURNEY_LOG=<level> shows its logs. */
export async function composeTestApp(opts: TestAppOptions = {}): Promise<TestApp> {
  const redis = opts.redis ? await testRedis() : null;
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    ...(redis ? { REDIS_URL: TEST_REDIS_URL, REDIS_PREFIX: redis.prefix, LINK_SECRET: 'test-app-link-secret-0123456789' } : {}),
    ...opts.env,
  });
  const p = await composePalabre({
    config,
    logger: process.env.JOURNEY_LOG ? createLogger(process.env.JOURNEY_LOG) : silentLogger,
    redis: redis ? redis.connect({ maxRetriesPerRequest: null }) : null,
    outbox: { backoffMs: 200, maxBackoffMs: 1000, sweepEveryMs: 0 },
    ...opts.compose,
  });
  return {
    p,
    redis,
    async close() {
      await p.close();
      await redis?.cleanup();
    },
  };
}

/**
 * The Telegram adapter wired to the app as main.ts wires it, from the TELEGRAM_* settings of its env (a stand-in's
 * token and root), in long polling; its notifier is added to the outbox. Start it after `p.start()`.
 */
export function addTelegram(app: TestApp, extra: Partial<TelegramAdapterDeps> = {}): TelegramAdapter {
  const { p } = app;
  const { config } = p;
  if (!config.TELEGRAM_BOT_TOKEN) throw new Error('addTelegram: TELEGRAM_BOT_TOKEN is missing from the env');
  const telegram = createTelegramAdapter({
    token: config.TELEGRAM_BOT_TOKEN,
    apiRoot: config.TELEGRAM_API_ROOT,
    ...(config.TELEGRAM_SUPPORT_CHAT_ID ? { supportChatId: config.TELEGRAM_SUPPORT_CHAT_ID } : {}),
    engine: p.engine,
    i18n: p.i18n,
    threads: p.threads,
    dedup: p.dedup,
    kv: p.kv,
    blobs: p.blobs,
    logger: p.logger,
    metrics: p.metrics,
    defaultLocale: config.DEFAULT_LOCALE,
    defaultTimezone: config.DEFAULT_TIMEZONE,
    pollTimeoutSeconds: 5,
    ...extra,
  });
  p.addNotifier(telegram.notifier);
  return telegram;
}
