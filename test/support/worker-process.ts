/**
 * A bot process reduced to its background work, for tests that need real separate processes:
 * the BullMQ scheduler running the nudge handler, and the outbox worker delivering through fake
 * platforms that report each delivery to the parent over IPC. Started with
 * `fork('test/support/worker-process.ts', { execArgv: ['--import', 'tsx'] })`; configured by env:
 * REDIS_URL, TEST_PREFIX, DEMO_NOW and the POLICY_* variables. Messages to the parent:
 * `{ type: 'ready' }`, `{ type: 'delivered', ...Received }`. Send it `'stop'` for a clean exit.
 */
import { createMetrics } from '../../src/app/metrics.js';
import { createNudges } from '../../src/app/nudges.js';
import { createOutboxWorker } from '../../src/app/outbox-worker.js';
import { parsePolicy } from '../../src/domain/policy.js';
import { createBullmqScheduler } from '../../src/infra/bullmq-scheduler.js';
import { createDemoMarketplace } from '../../src/infra/demo-marketplace.js';
import { createRedisKv } from '../../src/infra/kv.js';
import { createLinkStore } from '../../src/infra/link-store.js';
import { createRedisCaseStore } from '../../src/infra/redis-case-store.js';
import { createRedisDeliveryQueue } from '../../src/infra/redis-delivery-queue.js';
import { createRedis } from '../../src/infra/redis.js';
import { fakeNotifier, testRender, type Received } from './worker-process-fakes.js';

const env = process.env;
const prefix = env.TEST_PREFIX;
if (!prefix || !env.REDIS_URL || !process.send) throw new Error('worker-process: needs REDIS_URL, TEST_PREFIX and an IPC channel');

const redis = createRedis(env.REDIS_URL);
const policy = parsePolicy(env);
const store = createRedisCaseStore(redis, { prefix });
const kv = createRedisKv(redis, prefix);
const metrics = createMetrics();

// Each delivery is reported as it happens; the parent counts across processes.
const report = (r: Received) => process.send!({ type: 'delivered', ...r });

const outbox = createOutboxWorker({
  store,
  links: createLinkStore(kv),
  notifiers: [fakeNotifier('telegram', report), fakeNotifier('discord', report)],
  render: testRender,
  queue: createRedisDeliveryQueue(redis, prefix),
  metrics,
  backoffMs: 50,
  sweepEveryMs: 0,
});
const scheduler = createBullmqScheduler({ redis, prefix, retryDelayMs: 100 });
const nudges = createNudges({
  store,
  scheduler,
  outbox,
  marketplace: createDemoMarketplace(new Date(env.DEMO_NOW ?? Date.now())),
  kv,
  policy,
  defaultTimezone: 'Africa/Kinshasa',
  metrics,
});

await outbox.start();
await scheduler.start(nudges.handle);
process.send({ type: 'ready', pid: process.pid });

process.on('message', async (msg) => {
  if (msg !== 'stop') return;
  await scheduler.close();
  await outbox.close();
  await redis.quit();
  process.exit(0);
});
