import { createMemoryShopStatusStore } from '../../src/infra/memory-shop-status.js';
import { fork, type ChildProcess } from 'node:child_process';
import { Queue } from 'bullmq';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createCaseService, type CaseService } from '../../src/app/case-service.js';
import { notificationsFor } from '../../src/app/notifications.js';
import { createNudges } from '../../src/app/nudges.js';
import { createOutboxWorker } from '../../src/app/outbox-worker.js';
import { parsePolicy } from '../../src/domain/policy.js';
import { bullPrefix, createBullmqScheduler } from '../../src/infra/bullmq-scheduler.js';
import { createDemoMarketplace } from '../../src/infra/demo-marketplace.js';
import { createRedisKv } from '../../src/infra/kv.js';
import { createLinkStore } from '../../src/infra/link-store.js';
import { createRedisCaseStore } from '../../src/infra/redis-case-store.js';
import { createRedisDeliveryQueue } from '../../src/infra/redis-delivery-queue.js';
import { systemClock } from '../../src/ports/clock.js';
import type { Scheduler } from '../../src/ports/scheduler.js';
import { until } from '../ports/scheduler.contract.js';
import { TEST_REDIS_URL, testRedis, type TestRedis } from '../support/redis.js';
import { fakeNotifier, linkDemoCast, testRender, type Received } from '../support/worker-process-fakes.js';

/** SPEC section 1's seller reminders and escalation delay, shortened to seconds. */
// Long enough that a loaded machine still kills the first worker before the first reminder is due.
const POLICY = { POLICY_SELLER_REMINDERS: 'PT6S,PT7S', POLICY_ESCALATION_AFTER: 'PT8S' };
const DEMO_NOW = new Date().toISOString();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let r: TestRedis;
let n = 0;
const children: ChildProcess[] = [];
const received: Received[] = [];

beforeAll(async () => {
  r = await testRedis();
});
afterEach(async () => {
  await Promise.all(children.splice(0).map(stop));
  received.length = 0;
});
afterAll(() => r.cleanup());

/** Starts a worker process (test/support/worker-process.ts) on the test's keys; resolves once it runs. */
async function startWorker(prefix: string): Promise<ChildProcess> {
  const child = fork('test/support/worker-process.ts', [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, ...POLICY, REDIS_URL: TEST_REDIS_URL, TEST_PREFIX: prefix, DEMO_NOW, LOG_LEVEL: 'silent' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  children.push(child);
  await new Promise<void>((resolve, reject) => {
    child.on('message', (m: { type: string } & Received) => {
      if (m.type === 'ready') resolve();
      if (m.type === 'delivered') received.push(m);
    });
    child.once('exit', (code) => reject(new Error(`worker exited early (${code})`)));
  });
  return child;
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.send('stop');
  await Promise.race([exited, sleep(5000).then(() => child.kill('SIGKILL'))]);
}

/** The process a user talks to: opens cases, schedules their nudges, hands their outbox to delivery; runs no jobs. */
async function frontProcess(prefix: string): Promise<{ service: CaseService; scheduler: Scheduler; close(): Promise<void> }> {
  const redis = r.connect();
  const store = createRedisCaseStore(redis, { prefix });
  const kv = createRedisKv(redis, prefix);
  await linkDemoCast(createLinkStore(kv));
  // Configured like every bot process (same platforms); it hands off but never starts delivering.
  const platforms = [fakeNotifier('telegram', received), fakeNotifier('discord', received)];
  const outbox = createOutboxWorker({ store, links: createLinkStore(kv), notifiers: platforms, render: testRender, queue: createRedisDeliveryQueue(redis, prefix) });
  const scheduler = createBullmqScheduler({ redis, prefix });
  const policy = parsePolicy(POLICY);
  const marketplace = createDemoMarketplace(new Date(DEMO_NOW));
  const nudges = createNudges({ store, scheduler, outbox, marketplace, kv, policy, defaultTimezone: 'Africa/Kinshasa' });
  const service = createCaseService({ store, shops: createMemoryShopStatusStore(), marketplace, clock: systemClock, policy, defaultTimezone: 'Africa/Kinshasa', notifications: notificationsFor, afterAppend: nudges.afterAppend });
  return { service, scheduler, close: async () => { await scheduler.close(); } };
}

/** Waits until no delivery or nudge job is running. */
async function idle(prefix: string): Promise<void> {
  const queues = ['delivery', 'nudges'].map((name) => new Queue(name, { connection: r.connect({ maxRetriesPerRequest: null }), prefix: bullPrefix(prefix) }));
  for (let i = 0; i < 250; i++) {
    const active = await Promise.all(queues.map((q) => q.getActiveCount()));
    if (active.every((a) => a === 0)) break;
    await sleep(20);
  }
  await Promise.all(queues.map((q) => q.close()));
}

const buyer = { accountId: 'acc-amina', platform: 'telegram' as const };
const count = (id: string, to: string) => received.filter((x) => x.ok && x.notificationId === id && x.to === to).length;

describe('nudges with BullMQ across real processes', () => {
  it('delivers each reminder exactly once with two worker processes', { timeout: 60_000 }, async () => {
    const prefix = `${r.prefix}${++n}:`;
    await Promise.all([startWorker(prefix), startWorker(prefix)]);
    const front = await frontProcess(prefix);
    const opened = await Promise.all(['CC-1001', 'CC-1002', 'CC-1005'].map((orderId) => front.service.open(buyer, { orderId, reason: 'non_delivery', description: 'Rien reçu.' })));
    const ids = opened.map((o) => o.case.id);
    // Per case: the opening and two reminders to the seller's two addresses, the escalation notice to the buyer.
    await until(() => ids.every((id) => received.some((x) => x.ok && x.notificationId.startsWith(`nudge-${id}-buyer_escalation_open`))), 30_000);
    await sleep(500);
    for (const id of ids) {
      for (const to of ['t-bisou', 'd-bisou']) {
        expect(count(`${id}-1-1`, to)).toBe(1);
        expect(count(`nudge-${id}-seller_reminder-1`, to)).toBe(1);
        expect(count(`nudge-${id}-seller_reminder-2`, to)).toBe(1);
      }
    }
    expect(received.filter((x) => x.ok)).toHaveLength(ids.length * 7);
    await front.close();
  });

  it('fires a reminder scheduled before a worker was killed, once, in the worker started after', { timeout: 90_000 }, async () => {
    const prefix = `${r.prefix}${++n}:`;
    const first = await startWorker(prefix);
    const front = await frontProcess(prefix);
    const { case: c } = await front.service.open(buyer, { orderId: 'CC-1001', reason: 'non_delivery', description: 'Rien reçu.' });
    await until(() => count(`${c.id}-1-1`, 't-bisou') === 1 && count(`${c.id}-1-1`, 'd-bisou') === 1);
    // Killed idle: a job killed mid-run is BullMQ's stalled-job recovery, which takes its lock time.
    await idle(prefix);
    first.kill('SIGKILL');
    await new Promise((resolve) => first.once('exit', resolve));
    expect(received.some((x) => x.notificationId.includes('seller_reminder'))).toBe(false);

    await startWorker(prefix);
    await until(() => count(`nudge-${c.id}-seller_reminder-2`, 'd-bisou') === 1, 60_000);
    await sleep(500);
    expect(count(`nudge-${c.id}-seller_reminder-1`, 'd-bisou')).toBe(1);
    expect(count(`nudge-${c.id}-seller_reminder-1`, 't-bisou')).toBe(1);
    expect(count(`${c.id}-1-1`, 't-bisou')).toBe(1);
    await front.close();
  });
});
