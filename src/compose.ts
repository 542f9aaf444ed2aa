import { AsyncResource } from 'node:async_hooks';
import { existsSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import type { Config } from './config.js';
import { eligibility } from './domain/eligibility.js';
import { createHttpServer, casesCounter } from './http/server.js';
import { registerAdminRoutes } from './http/admin.js';
import { createRedisClock } from './infra/redis-clock.js';
import { createFolderBlobStore, createMemoryBlobStore } from './infra/blob-folder.js';
import { parseBlobUrl } from './infra/blob-common.js';
import { withPrivateImages } from './infra/image-privacy.js';
import { createDedup, redisDedupLocation } from './infra/dedup.js';
import { createDemoMarketplace } from './infra/demo-marketplace.js';
import { loadFileMarketplace } from './infra/file-marketplace.js';
import { createHttpMarketplace } from './infra/http-marketplace.js';
import { createMemoryKv, createRedisKv } from './infra/kv.js';
import { createLinkStore } from './infra/link-store.js';
import { createMemoryCaseStore } from './infra/memory-case-store.js';
import { createMemoryDeliveryQueue } from './infra/memory-delivery.js';
import { createMemoryScheduler } from './infra/memory-scheduler.js';
import { createMemoryShopStatusStore } from './infra/memory-shop-status.js';
import { createRedisCaseStore } from './infra/redis-case-store.js';
import { createRedisDeliveryQueue } from './infra/redis-delivery-queue.js';
import { createRedisShopStatusStore } from './infra/redis-shop-status.js';
import { createRedis, isCluster, readConnection, type RedisClient } from './infra/redis.js';
import { createThreadRegistry } from './infra/thread-registry.js';
import { createRedisThreadRegistry } from './infra/redis-thread-registry.js';
import type { BlobStore } from './ports/blob-store.js';
import type { CaseStore } from './ports/case-store.js';
import { systemClock, type Clock } from './ports/clock.js';
import type { Dedup, KeyValue } from './ports/kv.js';
import type { LinkStore } from './ports/links.js';
import type { Marketplace } from './ports/marketplace.js';
import type { Notifier } from './ports/notifier.js';
import type { Scheduler } from './ports/scheduler.js';
import type { ThreadRegistry } from './ports/threads.js';
import type { Notification } from './ports/notification.js';
import { createCaseService, type CaseService } from './app/case-service.js';
import { demoTimeScale, scalePolicy } from './app/demo-policy.js';
import { createEngine } from './app/engine/index.js';
import { createNotificationRenderer } from './app/engine/notification-render.js';
import { createI18n, type I18n } from './app/i18n.js';
import { lazyLanguageDetector } from './app/language.js';
import { createLinking, type Linking } from './app/linking.js';
import { createLogger } from './infra/logger.js';
import { type Logger } from './ports/logger.js';
import { createMetrics, type Metrics } from './app/metrics.js';
import { notificationsFor } from './app/notifications.js';
import { createNudges, type Nudges } from './app/nudges.js';
import { createDeskDigest, type DeskDigest } from './app/desk-digest.js';
import { registerDeskMetrics } from './app/desk-metrics.js';
import { holidayPredicate } from './infra/holidays.js';
import { createOutboxWorker, type OutboxWorker } from './app/outbox-worker.js';
import { createEvidenceRetention, RETENTION_JOB, type EvidenceRetention } from './app/evidence-retention.js';
import { createOrphanSweep, type OrphanSweep } from './app/evidence-orphans.js';
import { createRefundReconciler, type RefundReconciler } from './app/refund-reconciler.js';
import type { Engine } from './ports/turn.js';
import type { Policy } from './domain/policy.js';
import type { BusinessCalendar } from './domain/business-hours.js';

/** What the composition root may be handed instead of building it (tests, the bench). */
export interface ComposeOptions {
  config: Config;
  logger?: Logger;
  clock?: Clock;
  marketplace?: Marketplace;
  /** A Redis connection to use instead of connecting to config.REDIS_URL. */
  redis?: RedisClient | null;
  /** A blob store to use instead of the configured one (photos are still re-encoded in front of it). */
  blobs?: BlobStore;
  /** Retry and sweep timings of the outbox (tests shorten them). */
  outbox?: { backoffMs?: number; maxBackoffMs?: number; maxAttempts?: number; sweepEveryMs?: number };
}

/** Every shared part of a running Palabre; adapters take what they need from it. */
export interface Palabre {
  config: Config;
  /** The policy in force (the embedded demo may shorten the configured one). */
  policy: Policy;
  logger: Logger;
  clock: Clock;
  metrics: Metrics;
  redis: RedisClient | null;
  marketplace: Marketplace;
  store: CaseStore;
  cases: CaseService;
  kv: KeyValue;
  dedup: Dedup;
  links: LinkStore;
  threads: ThreadRegistry;
  /** Evidence storage, photos re-encoded on the way in. */
  blobs: BlobStore;
  /** The daily deletion of closed cases' evidence past EVIDENCE_RETENTION. */
  retention: EvidenceRetention;
  /** The sweep of uploaded files no case holds, past EVIDENCE_ORPHAN_TTL (run by the retention job). */
  orphans: OrphanSweep;
  linking: Linking;
  i18n: I18n;
  engine: Engine;
  scheduler: Scheduler;
  nudges: Nudges;
  /** The support desk's morning digest. */
  digest: DeskDigest;
  /** Replays refunds the marketplace never confirmed, one round per period across processes. */
  refunds: RefundReconciler;
  /** The outbox worker, once started. */
  outbox(): OutboxWorker;
  /**
   * Waits (at most 2 s) until this process's deliveries are nearly caught up: webhook intake awaits it before a turn,
   * so that relays keep pace with a burst instead of queueing behind it.
   */
  admit(): Promise<void>;
  http: FastifyInstance;
  /** The Telegram bot's @username once its adapter has read it (getMe), for the admin API's `t.me` links. */
  telegramBot: { username?: string };
  /** Adds a platform's notifier; call before start(). */
  addNotifier(n: Notifier): void;
  /**
   * Starts the scheduler and the outbox worker (not the HTTP listener), and schedules support's morning digest unless
   * `digest: 'later'`: then `scheduleDigest()` does it (main.ts, once listening: the digest's first lookup loads the
   * public-holiday calendars, about a third of a second of CPU, which need not hold the start).
   */
  start(opts?: { digest?: 'now' | 'later' }): Promise<void>;
  /** Schedules support's next morning digest (idempotent: one job per business day); a failure is logged. */
  scheduleDigest(): Promise<void>;
  /** Builds what is otherwise built at first use (the language detector), so that no user's turn waits for it. */
  warm(): void;
  /** Stops taking work (HTTP, outbox, scheduler) all at once, hands back held deliveries, then closes connections. */
  close(): Promise<void>;
}

/**
 * Reminder jobs one process runs at once. At BullMQ's default of 4 a process fires about 5,000/s with a stub
 * handler, the very rate of the bench's 100,000-over-20-s burst, and p99 lag reached 1.2 s on a loaded machine;
 * 32 kept it under 1 s (docs/performance.md, "Reminders").
 */
const SCHEDULER_CONCURRENCY = 32;
/** Deliveries this process may be behind before webhook intake waits for them, and the longest wait. */
const ADMIT_BACKLOG = 16;
const ADMIT_WAIT_MS = 2_000;

const here = dirname(fileURLToPath(import.meta.url));

/**
 * The locales folder, from the source tree (src/ → ../locales) or from a build (dist/src/ → ../../locales), whatever
 * the working directory (an operator may start Palabre from the folder of its `.env`); the working directory's last.
 */
export function localesDir(): string {
  const candidates = [resolve(here, '../locales'), resolve(here, '../../locales'), resolve(here, '../../../locales'), resolve('locales')];
  return candidates.find((d) => existsSync(d)) ?? 'locales';
}

/**
 * Evidence storage: S3-compatible when BLOB_URL is set, else a folder (memory in the embedded mode). The AWS SDK is loaded
 * only then: a start without it is some 0.2 s shorter.
 */
export async function createConfiguredBlobStore(config: Config): Promise<BlobStore> {
  const s3 = config.BLOB_URL ? parseBlobUrl(config.BLOB_URL) : null;
  if (s3) {
    const { createS3BlobStore } = await import('./infra/blob-s3.js');
    return createS3BlobStore({
      ...s3,
      ...(config.BLOB_S3_ENDPOINT ? { endpoint: config.BLOB_S3_ENDPOINT } : {}),
      ...(config.AWS_REGION ? { region: config.AWS_REGION } : {}),
      // Without keys in the environment the SDK's own chain applies (profile, container or instance role).
      ...(config.AWS_ACCESS_KEY_ID && config.AWS_SECRET_ACCESS_KEY
        ? {
            credentials: {
              accessKeyId: config.AWS_ACCESS_KEY_ID,
              secretAccessKey: config.AWS_SECRET_ACCESS_KEY,
              ...(config.AWS_SESSION_TOKEN ? { sessionToken: config.AWS_SESSION_TOKEN } : {}),
            },
          }
        : {}),
    });
  }
  return config.embedded ? createMemoryBlobStore() : createFolderBlobStore(config.BLOB_DIR);
}

/** Storage use changes slowly and listing a bucket is not free: one look per minute at most. */
function cachedUsage(blobs: BlobStore, ttlMs = 60_000): () => Promise<{ objects: number; bytes: number }> {
  let last: { at: number; value: Promise<{ objects: number; bytes: number }> } | null = null;
  return () => {
    if (!last || Date.now() - last.at > ttlMs) {
      const value = blobs.usage();
      last = { at: Date.now(), value };
      value.catch(() => (last = null));
    }
    return last.value;
  };
}

/** Builds Palabre from validated configuration: Redis when REDIS_URL is set, memory otherwise. */
export async function composePalabre(opts: ComposeOptions): Promise<Palabre> {
  const { config } = opts;
  const logger = opts.logger ?? createLogger(config.LOG_LEVEL);
  const prefix = config.REDIS_PREFIX;
  const redis = opts.redis !== undefined ? opts.redis : config.REDIS_URL ? createRedis(config.REDIS_URL) : null;
  // Processes on several hosts stamp and compare times (timelines, deadlines, reminders) on Redis's clock, not their own.
  const redisClock = !opts.clock && redis ? await createRedisClock(redis, { logger }) : null;
  const clock = opts.clock ?? redisClock ?? systemClock;
  const timeScale = demoTimeScale(config);
  // The support SLA counts business hours; a demo's shortened clock (a day a minute) would make them meaningless.
  const supportCalendar: BusinessCalendar = { hours: config.SUPPORT_HOURS, zone: config.SUPPORT_TIMEZONE, isHoliday: holidayPredicate(config.SUPPORT_HOLIDAYS) };
  const policy: Policy = timeScale !== 1 ? scalePolicy(config.policy, timeScale) : { ...config.policy, supportCalendar };
  const metrics = createMetrics();

  const marketplaceApi =
    !opts.marketplace && config.MARKETPLACE_API_URL
      ? createHttpMarketplace({ baseUrl: config.MARKETPLACE_API_URL, token: config.MARKETPLACE_API_TOKEN, logger })
      : null;
  const marketplace =
    opts.marketplace ??
    marketplaceApi ??
    (config.MARKETPLACE_DATA ? await loadFileMarketplace(config.MARKETPLACE_DATA) : createDemoMarketplace(clock.now()));
  // A turn's reads (link, flow state, reply → case, then its case and locale) leave together on this connection.
  const reads = redis ? readConnection(redis) : null;
  // On a single Redis an append also hands its notifications to delivery, in its own script, once the worker runs.
  const handOff = redis && !isCluster(redis) ? (notes: Notification[]) => worker?.handOffInAppend(notes) ?? null : undefined;
  const store = redis ? createRedisCaseStore(redis, { prefix, logger, reads: reads!, dedupMarks: redisDedupLocation(prefix), handOff }) : createMemoryCaseStore();
  const shops = redis ? createRedisShopStatusStore(redis, prefix) : createMemoryShopStatusStore();
  const kv = redis ? createRedisKv(redis, prefix, reads!) : createMemoryKv();
  const dedup = redis ? createDedup(redis, prefix, { claims: reads! }) : createDedup();
  const links = createLinkStore(kv);
  const threads = redis ? createRedisThreadRegistry(redis, prefix, kv, { reads: reads! }) : createThreadRegistry(kv);
  const blobs = withPrivateImages(opts.blobs ?? (await createConfiguredBlobStore(config)));
  metrics.evidence.usage = cachedUsage(blobs);
  if (config.embedded && !config.LINK_SECRET) logger.debug('embedded mode: link and button tokens are signed with a key made for this process');
  // Link tokens and button tokens are signed with it (each under its own label); every process of a fleet shares it.
  const signingKey = config.LINK_SECRET ?? randomBytes(32).toString('hex');
  const linking = createLinking({ secret: signingKey, kv, clock });
  const i18n = createI18n(localesDir(), { defaultLocale: config.DEFAULT_LOCALE, logger });
  // BullMQ (some 170 modules) is loaded only where there is a Redis for it: the embedded mode starts without it.
  const scheduler = redis
    ? (await import('./infra/bullmq-scheduler.js')).createBullmqScheduler({ redis, prefix, clock, logger, concurrency: SCHEDULER_CONCURRENCY })
    : createMemoryScheduler({ clock, logger });

  // The outbox worker needs every notifier, and adapters need the engine: it is built at start().
  const notifiers: Notifier[] = [];
  let worker: OutboxWorker | null = null;
  // A hand-off a turn wakes is delivery work, not part of the turn: it runs in the async context of the
  // composition, so what follows a turn by async context (its tracing, the Redis round trips counted per turn by
  // the bench and test/infra/turn-round-trips.test.ts) leaves it out, as it leaves out the relay it leads to.
  const deliveryContext = new AsyncResource('palabre.outbox-wake');
  const outboxRef = {
    wake: (caseId: string, appended?: Notification[]) =>
      deliveryContext.runInAsyncScope(async () => {
        await worker?.wake(caseId, appended);
      }),
    send: async (ns: Notification[]) => {
      if (!worker) throw new Error('outbox not started');
      await worker.send(ns);
    },
  };

  const nudges = createNudges({ store, scheduler, outbox: outboxRef, marketplace, kv, policy, defaultTimezone: config.DEFAULT_TIMEZONE, clock, logger, metrics });
  const cases = createCaseService({
    store,
    marketplace,
    clock,
    policy,
    defaultTimezone: config.DEFAULT_TIMEZONE,
    notifications: (c, events) => notificationsFor(c, events, policy),
    afterAppend: (c, events, notifications, before) => nudges.afterAppend(c, events, notifications, before),
    shops,
    logger,
  });

  const digest = createDeskDigest({ store, scheduler, send: (ns) => outboxRef.send(ns), policy, calendar: supportCalendar, clock, logger });
  const scheduleDigest = async (): Promise<void> => {
    await digest.schedule().catch((err: unknown) => logger.error({ err }, 'could not schedule the desk digest'));
  };
  registerDeskMetrics(metrics.registry, { store, policy, clock });
  const orphans = createOrphanSweep({ store, blobs, clock, ttl: config.EVIDENCE_ORPHAN_TTL, logger, metrics });
  const retention = createEvidenceRetention({ store, cases, blobs, scheduler, clock, retention: config.EVIDENCE_RETENTION, logger, metrics, orphans });
  const refunds = createRefundReconciler({ store, marketplace, scheduler, clock, logger, metrics, everyMs: config.REFUND_RECONCILE_EVERY_MS });

  // Trained on the same catalogues the answers come from: every language spoken is one recognised.
  const languageDetector = lazyLanguageDetector(localesDir());
  const engine = createEngine({
    actionSigningKey: signingKey,
    cases,
    marketplace,
    links,
    threads,
    kv,
    linking,
    relay: (n) => outboxRef.send([n]),
    onOrderReported: async ({ orderId, buyerId }) => {
      const order = await marketplace.order(orderId);
      const shop = order && (await marketplace.shop(order.shopId));
      const buyer = await marketplace.account(buyerId);
      if (!order || !shop) return;
      const timezone = buyer?.timezone ?? config.DEFAULT_TIMEZONE;
      await nudges.problemReported(order, shop, eligibility({ order, shop, now: clock.now().toISOString(), timezone, policy }));
    },
    onOrderSeen: (order, shop) => nudges.orderSeen(order, shop),
    onBuyerMessaged: (orderId, at) => nudges.buyerMessaged(orderId, at),
    onSellerReplied: (orderId, at) => nudges.sellerReplied(orderId, at),
    clock,
    policy,
    defaultLocale: config.DEFAULT_LOCALE,
    defaultTimezone: config.DEFAULT_TIMEZONE,
    locales: i18n.locales,
    languageDetector,
    embedded: config.embedded,
    logger,
    metrics,
  });
  const renderer = createNotificationRenderer({
    actionSigningKey: signingKey,
    links,
    marketplace,
    store,
    kv,
    clock,
    policy,
    defaultLocale: config.DEFAULT_LOCALE,
    defaultTimezone: config.DEFAULT_TIMEZONE,
    locales: i18n.locales,
    languageDetector,
    logger,
  });

  const http = createHttpServer({
    logger,
    metrics,
    redis,
    countCases: casesCounter(store),
    checks: { outbox: async () => worker?.refreshMetrics(), ...(marketplaceApi && { marketplace: () => marketplaceApi.ready() }), ...(config.BLOB_URL && { blobs: () => blobs.check() }) },
  });
  const telegramBot: { username?: string } = {};
  registerAdminRoutes(http, {
    adminToken: config.ADMIN_TOKEN,
    telegramBotUsername: () => telegramBot.username,
    linking,
    accounts: marketplace,
    store,
    deadLetters: {
      list: async () => (worker ? worker.deadLetters() : []),
      replay: async (key) => (worker ? worker.replay(key) : false),
      replayAll: async () => (worker ? worker.replayAll() : 0),
    },
  });

  let started = false;
  return {
    config,
    policy,
    logger,
    clock,
    metrics,
    redis,
    marketplace,
    store,
    cases,
    kv,
    dedup,
    links,
    threads,
    blobs,
    retention,
    orphans,
    linking,
    i18n,
    engine,
    scheduler,
    nudges,
    digest,
    refunds,
    http,
    telegramBot,
    async admit() {
      await worker?.caughtUp(ADMIT_BACKLOG, ADMIT_WAIT_MS);
    },
    outbox() {
      if (!worker) throw new Error('outbox not started');
      return worker;
    },
    addNotifier(n) {
      if (started) throw new Error('addNotifier after start()');
      notifiers.push(n);
    },
    scheduleDigest,
    warm: () => languageDetector.warm(),
    async start(startOpts = {}) {
      if (started) return;
      started = true;
      // A missing bucket or an unwritable folder stops the start with one line, not the first photo of a buyer.
      await blobs.check();
      worker = createOutboxWorker({
        store,
        links,
        notifiers,
        // Support is told on the platforms with a staff channel configured; a platform without one is left out.
        supportPlatforms: notifiers.filter((n) => n.staffChannel !== false).map((n) => n.platform),
        render: (n, target, platform, reads) => renderer.render(n, target, platform, reads),
        queue: redis ? createRedisDeliveryQueue(redis, prefix, { logger, reads: reads! }) : createMemoryDeliveryQueue({ logger }),
        clock,
        logger,
        metrics,
        ...opts.outbox,
      });
      await worker.start();
      await scheduler.start(async (job) => {
        if (digest.handles(job)) return digest.handle(job);
        if (job.kind === RETENTION_JOB) return retention.handle(job);
        if (!(await refunds.handle(job))) await nudges.handle(job);
      });
      if (startOpts.digest !== 'later') await scheduleDigest();
      await retention.plan();
      await refunds.start();
      const resynced = await nudges.resync();
      logger.debug({ resynced }, 'case nudges scheduled again');
    },
    async close() {
      // New work stops everywhere at once: the HTTP server refuses new connections (in-flight requests
      // finish), the outbox hands back what it holds, the scheduler stops taking jobs.
      refunds.stop();
      redisClock?.close();
      await Promise.all([
        http.close().catch((err: unknown) => logger.warn({ err }, 'http close')),
        worker?.close().catch((err: unknown) => logger.warn({ err }, 'outbox close')),
        scheduler.close().catch((err: unknown) => logger.warn({ err }, 'scheduler close')),
      ]);
      if (reads) await reads.quit().catch(() => reads.disconnect());
      if (redis && opts.redis === undefined) await redis.quit().catch(() => redis.disconnect());
    },
  };
}
