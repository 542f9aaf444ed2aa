import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createMetrics, type Metrics } from '../../src/app/metrics.js';
import { notificationsFor } from '../../src/app/notifications.js';
import { createOutboxWorker, type OutboxWorker, type OutboxWorkerDeps } from '../../src/app/outbox-worker.js';
import type { CaseEvent } from '../../src/domain/case-model.js';
import { fold } from '../../src/domain/decider.js';
import { createMemoryKv, createRedisKv } from '../../src/infra/kv.js';
import type { KeyValue } from '../../src/ports/kv.js';
import { createLinkStore } from '../../src/infra/link-store.js';
import { createMemoryCaseStore } from '../../src/infra/memory-case-store.js';
import { createMemoryDeliveryQueue } from '../../src/infra/memory-delivery.js';
import { createRedisCaseStore } from '../../src/infra/redis-case-store.js';
import { createRedisDeliveryQueue, partitionOf } from '../../src/infra/redis-delivery-queue.js';
import type { CaseStore } from '../../src/ports/case-store.js';
import type { LinkStore } from '../../src/ports/links.js';
import type { Notification } from '../../src/ports/notification.js';
import type { Notifier } from '../../src/ports/notifier.js';
import type { DeliveryHandler, DeliveryItem, DeliveryQueue } from '../../src/ports/outbox.js';
import { OPENED_AT, escalatedCase, opened, play, shift } from '../domain/support.js';
import { until } from '../ports/scheduler.contract.js';
import { scriptsThrough } from '../support/delivery.js';
import { testRedis, type TestRedis } from '../support/redis.js';
import { DeliveryError, fakeNotifier, linkDemoCast, testRender, type Received } from '../support/worker-process-fakes.js';

/** Fresh storage for one test: a case store and delivery queues. */
interface Backend {
  store: CaseStore;
  /** The delivery queues; for Redis each call is a new handle on the same queues (another process). */
  queue(): DeliveryQueue;
  /** Where links are kept: on Redis beside the queues, so that a hand-off addresses deliveries in its one script. */
  kv(): KeyValue;
  /** Told of each worker started: a store that hands an append's notifications off itself asks it how (AppendHandOff). */
  attach?(w: OutboxWorker): void;
}

let redis: TestRedis;
beforeAll(async () => {
  redis = await testRedis();
});
afterAll(() => redis.cleanup());

const backends: Array<[string, () => Backend]> = [
  [
    'memory',
    () => {
      const queue = createMemoryDeliveryQueue();
      return { store: createMemoryCaseStore(), queue: () => queue, kv: () => createMemoryKv() };
    },
  ],
  [
    'redis streams',
    () => {
      const prefix = `${redis.prefix}${randomBytes(3).toString('hex')}:`;
      return {
        store: createRedisCaseStore(redis.redis, { prefix }),
        queue: () => createRedisDeliveryQueue(redis.redis, prefix),
        kv: () => createRedisKv(redis.redis, prefix),
      };
    },
  ],
  [
    'redis streams, hand-off in the append',
    () => {
      const prefix = `${redis.prefix}${randomBytes(3).toString('hex')}:`;
      let current: OutboxWorker | null = null;
      return {
        store: createRedisCaseStore(redis.redis, { prefix, handOff: (notes) => current?.handOffInAppend(notes) ?? null }),
        queue: () => createRedisDeliveryQueue(redis.redis, prefix),
        kv: () => createRedisKv(redis.redis, prefix),
        attach: (w) => {
          current = w;
        },
      };
    },
  ],
];

/** Waits until an async probe holds (never asserting how long it took). */
async function eventually(probe: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 500 && !(await probe()); i++) await new Promise((r) => setTimeout(r, 20));
  expect(await probe()).toBe(true);
}

/** Stores the events of `log` after the first `from`, with their notifications, as the case service does. */
async function append(store: CaseStore, log: CaseEvent[], from: number): Promise<Notification[]> {
  const c = fold(log);
  const notes = notificationsFor(c, log.slice(from));
  await store.append(c.id, from, log.slice(from), c, notes);
  return notes;
}

describe.each(backends)('outbox worker (%s)', (_name, makeBackend) => {
  let b: Backend;
  let links: LinkStore;
  let received: Received[];
  let metrics: Metrics;
  const workers: OutboxWorker[] = [];
  const delivered = (to: string) => received.filter((r) => r.ok && r.to === to).map((r) => r.notificationId);

  async function worker(over: Partial<OutboxWorkerDeps> = {}): Promise<OutboxWorker> {
    const w = createOutboxWorker({
      store: b.store,
      links,
      notifiers: [fakeNotifier('telegram', received), fakeNotifier('discord', received)],
      render: testRender,
      queue: b.queue(),
      metrics,
      backoffMs: 20,
      maxAttempts: 4,
      sweepEveryMs: 0,
      ...over,
    });
    workers.push(w);
    await w.start();
    b.attach?.(w);
    return w;
  }

  afterEach(async () => {
    await Promise.all(workers.splice(0).map((w) => w.close()));
  });

  async function fresh() {
    b = makeBackend();
    links = createLinkStore(b.kv());
    await linkDemoCast(links);
    received = [];
    metrics = createMetrics();
  }

  it('delivers each notification to every platform its recipient linked, and support to every staff channel but the acting one', async () => {
    await fresh();
    const w = await worker();
    const log = escalatedCase();
    await append(b.store, log, 0);
    await w.wake('C-000123');
    // Opening → the seller (Telegram + Discord); support escalation → buyer, seller, and Discord's staff channel (support acted on Teams).
    await until(() => received.length === 7);
    expect(delivered('t-bisou')).toEqual(['C-000123-1-1', 'C-000123-2-2']);
    expect(delivered('d-bisou')).toEqual(['C-000123-1-1', 'C-000123-2-2']);
    expect(delivered('t-amina')).toEqual(['C-000123-2-1']);
    expect(received.filter((r) => r.to === 'support').map((r) => r.platform).sort()).toEqual(['discord', 'telegram']);
    expect(await b.store.peekOutbox('C-000123', 10)).toEqual([]);
  });

  it('retries a delivery that fails twice, delivers it once, and keeps the recipient\'s order', async () => {
    await fresh();
    const flaky = fakeNotifier('telegram', received, (r, tries) => (r.notificationId === 'C-000123-1-1' && tries <= 2 ? new DeliveryError('502 Bad Gateway') : null));
    const w = await worker({ notifiers: [flaky, fakeNotifier('discord', received)] });
    const log = play(opened(), [[{ type: 'Comment', text: 'Des nouvelles ?' }, {}]]);
    await append(b.store, log.slice(0, 1), 0);
    await w.wake('C-000123');
    await append(b.store, log, 1);
    await w.wake('C-000123');
    await until(() => delivered('t-bisou').length === 2);
    expect(received.filter((r) => r.to === 't-bisou').map((r) => [r.notificationId, r.ok])).toEqual([
      ['C-000123-1-1', false],
      ['C-000123-1-1', false],
      ['C-000123-1-1', true],
      ['C-000123-2-1', true],
    ]);
    // Another address of the same seller was not held up by Telegram's trouble.
    expect(delivered('d-bisou')).toEqual(['C-000123-1-1', 'C-000123-2-1']);
    expect(await metrics.notifications.get()).toMatchObject({ values: expect.arrayContaining([expect.objectContaining({ labels: { platform: 'telegram', outcome: 'failed' }, value: 2 })]) });
  });

  it('a wake naming the notifications a turn just wrote delivers them after older ones still in the outbox, in order, and empties it', async () => {
    await fresh();
    const w = await worker();
    const log = play(opened(), [[{ type: 'Comment', text: 'Des nouvelles ?' }, {}], [{ type: 'Comment', text: 'Allô ?' }, {}]]);
    // The first two appends were never handed off (their process died before): the third turn's wake names only its own.
    await append(b.store, log.slice(0, 1), 0);
    await append(b.store, log.slice(0, 2), 1);
    const latest = await append(b.store, log, 2);
    await w.wake('C-000123', latest);
    await until(() => delivered('t-bisou').length === 3 && delivered('d-bisou').length === 3);
    expect(delivered('t-bisou')).toEqual(['C-000123-1-1', 'C-000123-2-1', 'C-000123-3-1']);
    expect(delivered('d-bisou')).toEqual(['C-000123-1-1', 'C-000123-2-1', 'C-000123-3-1']);
    expect(await b.store.peekOutbox('C-000123', 10)).toEqual([]);
    expect(await b.store.casesWithOutbox()).toEqual([]);
  });

  it('counts a notification as delivered once the platform took it, even if the notifier\'s own bookkeeping fails after', async () => {
    await fresh();
    const sends: string[] = [];
    const bookkeepingFails: Notifier = {
      platform: 'telegram',
      async deliver(target, message, opts) {
        sends.push(`${message.replaceKey}@${'link' in target ? target.link.userId : 'support'}`);
        await opts?.onSent?.();
        throw new Error('Redis went away while remembering the message');
      },
    };
    const w = await worker({ notifiers: [bookkeepingFails] });
    await append(b.store, opened(), 0);
    await w.wake('C-000123');
    await until(() => sends.length === 1);
    await new Promise((r) => setTimeout(r, 200));
    // Not sent again (a retry would follow within 20 ms here), and the queue knows it was delivered.
    expect(sends).toEqual(['C-000123-1-1@t-bisou']);
    expect(await b.queue().wasDelivered('C-000123-1-1@telegram|t-bisou')).toBe(true);
    expect(await w.deadLetters()).toEqual([]);
  });

  it('waits as long as the platform asks (retry_after) before trying again', async () => {
    await fresh();
    const limited = fakeNotifier('discord', received, (_r, tries) => (tries === 1 ? new DeliveryError('429 Too Many Requests', { retryAfterMs: 800 }) : null));
    const w = await worker({ notifiers: [limited] });
    await append(b.store, opened(), 0);
    await w.wake('C-000123');
    await until(() => delivered('d-bisou').length === 1);
    const [refused, ok] = received.filter((r) => r.to === 'd-bisou');
    // Timers and Date.now() round differently: a millisecond or two early is the clocks, not an early retry.
    expect(ok!.at - refused!.at).toBeGreaterThanOrEqual(795);
  });

  it('keeps a delivery that always fails as a dead letter, counted, listed, and delivered once replayed', async () => {
    await fresh();
    let down = true;
    const broken = fakeNotifier('discord', received, () => (down ? new DeliveryError('503 Service Unavailable') : null));
    const w = await worker({ notifiers: [broken] });
    await append(b.store, opened(), 0);
    await w.wake('C-000123');
    await eventually(async () => (await w.deadLetters()).length === 1);
    const dead = await w.deadLetters();
    expect(received.filter((r) => r.to === 'd-bisou').map((r) => r.ok)).toEqual([false, false, false, false]);
    expect(dead).toEqual([expect.objectContaining({ key: 'C-000123-1-1@discord|d-bisou', error: '503 Service Unavailable', attempts: 4 })]);
    expect((await metrics.deadLetters.get()).values[0]!.value).toBe(1);
    expect(await metrics.registry.metrics()).toMatch(/palabre_notifications_dead 1/);

    // The recipient's later notifications are not stuck behind the dead one.
    const log = play(opened(), [[{ type: 'Comment', text: 'Allô ?' }, {}]]);
    down = false;
    await append(b.store, log, 1);
    await w.wake('C-000123');
    await until(() => delivered('d-bisou').length === 1);
    expect(delivered('d-bisou')).toEqual(['C-000123-2-1']);

    expect(await w.replay(dead[0]!.key)).toBe(true);
    await until(() => delivered('d-bisou').length === 2);
    expect(delivered('d-bisou')).toEqual(['C-000123-2-1', 'C-000123-1-1']);
    expect(await w.deadLetters()).toEqual([]);
    expect((await metrics.deadLetters.get()).values[0]!.value).toBe(0);
    expect(await w.replay(dead[0]!.key)).toBe(false);
  });

  it('gives up at once when the platform refuses for good', async () => {
    await fresh();
    const w = await worker({ notifiers: [fakeNotifier('discord', received, () => new DeliveryError('400 chat not found', { permanent: true }))] });
    await append(b.store, opened(), 0);
    await w.wake('C-000123');
    await eventually(async () => (await w.deadLetters()).length === 1);
    expect(await w.deadLetters()).toMatchObject([{ attempts: 1, error: '400 chat not found' }]);
    expect(received).toHaveLength(1);
  });

  it('marks a link blocked when the user blocked the bot, and stops sending there', async () => {
    await fresh();
    const w = await worker({ notifiers: [fakeNotifier('telegram', received, (r) => (r.to === 't-bisou' ? new DeliveryError('403 bot was blocked', { blocked: true }) : null)), fakeNotifier('discord', received)] });
    await append(b.store, opened(), 0);
    await w.wake('C-000123');
    await until(() => delivered('d-bisou').length === 1 && received.some((r) => r.to === 't-bisou'));
    await eventually(async () => Boolean((await links.get('telegram', 't-bisou'))?.blockedAt));
    await append(b.store, play(opened(), [[{ type: 'Comment', text: 'Allô ?' }, {}]]), 1);
    await w.wake('C-000123');
    await until(() => delivered('d-bisou').length === 2);
    expect(received.filter((r) => r.to === 't-bisou')).toHaveLength(1);
    expect(await w.deadLetters()).toEqual([]);
  });

  it('delivers a notification once per address, however many workers hand it off or send it', async () => {
    await fresh();
    const [w1, w2] = [await worker(), await worker()];
    const log = play(opened(), [
      [{ type: 'Comment', text: 'un' }, { now: shift(OPENED_AT, 'PT1H') }],
      [{ type: 'Comment', text: 'deux' }, { now: shift(OPENED_AT, 'PT2H') }],
      [{ type: 'Comment', text: 'trois' }, { now: shift(OPENED_AT, 'PT3H') }],
    ]);
    const notes = await append(b.store, log, 0);
    await Promise.all([w1.wake('C-000123'), w2.wake('C-000123'), w1.wake('C-000123'), w2.send(notes), w1.send(notes)]);
    await until(() => delivered('t-bisou').length === 4 && delivered('d-bisou').length === 4);
    await new Promise((r) => setTimeout(r, 300));
    expect(delivered('t-bisou')).toEqual(['C-000123-1-1', 'C-000123-2-1', 'C-000123-3-1', 'C-000123-4-1']);
    expect(received).toHaveLength(8);
  });

  it('tells intake to wait while its deliveries are behind, and not for those waiting to be retried', async () => {
    await fresh();
    let open: () => void = () => {};
    const gate = new Promise<void>((r) => (open = r));
    let calls = 0;
    const slow: Notifier = { platform: 'telegram', deliver: async () => { calls += 1; await gate; } };
    const w = await worker({ notifiers: [slow] });
    const log = play(opened(), [[{ type: 'Comment', text: 'un' }, {}], [{ type: 'Comment', text: 'deux' }, {}]]);
    await append(b.store, log, 0);
    await w.wake('C-000123');
    // Relays to the seller's Telegram are held by a platform that does not answer yet: a bounded wait runs its course.
    await until(() => calls > 0);
    const t0 = Date.now();
    await w.caughtUp(0, 250);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(240);
    let admitted = false;
    const waiting = w.caughtUp(0, 10_000).then(() => (admitted = true));
    await new Promise((r) => setTimeout(r, 300));
    expect(admitted).toBe(false);
    // The platform answers: the relays go, and intake is admitted at once.
    open();
    await waiting;
    expect(admitted).toBe(true);
  });

  it('hands off what a crash left in a case outbox when it starts', async () => {
    await fresh();
    await append(b.store, opened(), 0);
    await worker();
    await until(() => delivered('t-bisou').length === 1);
    expect(await b.store.casesWithOutbox()).toEqual([]);
  });
});

describe('outbox worker, hand-off in the append (single Redis)', () => {
  it("costs a turn's wake nothing once the append handed its notifications off, and delivers them once, in order", async () => {
    const b = backends.find(([name]) => name === 'redis streams, hand-off in the append')![1]();
    const links = createLinkStore(b.kv());
    await linkDemoCast(links);
    const received: Received[] = [];
    const queue = b.queue();
    let fromWake = 0;
    // Counts what a wake would do: read the outbox, or move it.
    const store: CaseStore = { ...b.store, outboxHead: b.store.outboxHead!.bind(b.store), peekOutbox: (id, max) => ((fromWake += 1), b.store.peekOutbox(id, max)) };
    const counted: DeliveryQueue = { ...queue, enqueueFromOutbox: (e, h) => ((fromWake += 1), queue.enqueueFromOutbox!(e, h)) };
    const w = createOutboxWorker({ store, links, notifiers: [fakeNotifier('telegram', received), fakeNotifier('discord', received)], render: testRender, queue: counted, sweepEveryMs: 0 });
    await w.start();
    b.attach!(w);
    try {
      const log = play(opened(), [[{ type: 'Comment', text: 'Des nouvelles ?' }, {}]]);
      await w.wake('C-000123', await append(b.store, log.slice(0, 1), 0));
      await w.wake('C-000123', await append(b.store, log, 1));
      expect(fromWake).toBe(0);
      await until(() => received.filter((r) => r.ok && r.to === 't-bisou').length === 2 && received.filter((r) => r.ok && r.to === 'd-bisou').length === 2);
      expect(received.filter((r) => r.ok && r.to === 't-bisou').map((r) => r.notificationId)).toEqual(['C-000123-1-1', 'C-000123-2-1']);
      expect(received.filter((r) => r.ok && r.to === 'd-bisou').map((r) => r.notificationId)).toEqual(['C-000123-1-1', 'C-000123-2-1']);
      expect(await b.store.casesWithOutbox()).toEqual([]);
    } finally {
      await w.close();
    }
  });
});

/** A queue that hands items out only when the test says, and tells of them ahead when it says. */
function manualQueue() {
  let handle: DeliveryHandler = async () => null;
  let ahead: ((item: DeliveryItem) => void) | undefined;
  const settled: string[] = [];
  const queue: DeliveryQueue = {
    enqueue: async () => 0,
    done: async (item) => void settled.push(item.key),
    failed: async () => 1,
    bury: async () => {},
    wasDelivered: async () => false,
    deadLetters: async () => [],
    replay: async () => false,
    counts: async () => ({ dead: 0, retrying: 0 }),
    start: async (h, _platforms, told) => {
      handle = h;
      ahead = told;
    },
    close: async () => {},
    backlog: () => 0,
  };
  return { queue, settled, tellAhead: (item: DeliveryItem) => ahead?.(item), handOut: (item: DeliveryItem) => handle(item) };
}

/** A relay to Bisou's Telegram chat, as the queue hands it out. */
const relayItem = (id: string): DeliveryItem => ({
  key: `${id}@telegram|t-bisou`, target: 'telegram|t-bisou', address: { platform: 'telegram', userId: 't-bisou' }, attempts: 0, enqueuedAt: OPENED_AT,
  notification: { id, to: { accountId: 'acc-bisou' }, body: [{ id: 'notify-undelivered', args: { caseId: '', orderId: 'O-1', kind: 'order' } }], createdAt: OPENED_AT },
});

describe('outbox worker, reads started as the queue sees an item coming', () => {

  it('uses them when the delivery follows at once, and reads again when it comes later: a link moved meanwhile is seen', async () => {
    const links = createLinkStore(createMemoryKv());
    await linkDemoCast(links);
    let gets = 0;
    const counting: LinkStore = { ...links, get: (p, u) => ((gets += 1), links.get(p, u)) };
    const received: Received[] = [];
    const q = manualQueue();
    const w = createOutboxWorker({ store: createMemoryCaseStore(), links: counting, notifiers: [fakeNotifier('telegram', received)], render: testRender, queue: q.queue, sweepEveryMs: 0 });
    await w.start();
    try {
      const first = relayItem('N-1');
      q.tellAhead(first);
      await q.handOut(first);
      expect(gets).toBe(1);
      expect(received.filter((r) => r.ok).map((r) => r.notificationId)).toEqual(['N-1']);

      const second = relayItem('N-2');
      q.tellAhead(second);
      // The seller's Telegram identity moves to another account, and the item is handed out a second later.
      await links.put({ platform: 'telegram', userId: 't-bisou', accountId: 'acc-someone-else', address: 'chat-bisou', linkedAt: OPENED_AT });
      await new Promise((r) => setTimeout(r, 1000));
      await q.handOut(second);
      expect(gets).toBe(3);
      expect(received.filter((r) => r.ok).map((r) => r.notificationId)).toEqual(['N-1']);
      expect(q.settled).toEqual(['N-1@telegram|t-bisou', 'N-2@telegram|t-bisou']);
    } finally {
      await w.close();
    }
  });
});

describe('outbox worker, stopping while a message is on its way', () => {
  /** Telegram takes the message at once and answers `answerMs` later (never, for Infinity). */
  function lateNotifier(taken: string[], answerMs: number): Notifier {
    return {
      platform: 'telegram',
      async deliver(_target, message) {
        taken.push(message.replaceKey ?? '?');
        if (answerMs === Infinity) await new Promise(() => undefined);
        await new Promise((r) => setTimeout(r, answerMs));
      },
    };
  }

  async function stopDuring(answerMs: number) {
    const links = createLinkStore(createMemoryKv());
    await linkDemoCast(links);
    const taken: string[] = [];
    const q = manualQueue();
    const w = createOutboxWorker({ store: createMemoryCaseStore(), links, notifiers: [lateNotifier(taken, answerMs)], render: testRender, queue: q.queue, sweepEveryMs: 0 });
    await w.start();
    const result = q.handOut(relayItem('N-1'));
    await until(() => taken.length === 1);
    const since = Date.now();
    await w.close();
    return { result: await result, settled: q.settled, taken, closedInMs: Date.now() - since };
  }

  // A SIGTERM (a deploy) used to let go at once of a message Telegram had taken and not yet answered: the process
  // taking the stream over sent it again, and the seller got the buyer's comment twice at every rolling restart.
  it('waits for its answer and records it delivered: the next owner does not send it again', async () => {
    const { result, settled, taken } = await stopDuring(300);
    expect(taken).toEqual(['N-1']);
    expect(result).toBeNull();
    expect(settled).toEqual(['N-1@telegram|t-bisou']);
  });

  it('still lets go of one blocked on the platform, within seconds: it stays in its queue for another process', async () => {
    const { result, settled, closedInMs } = await stopDuring(Infinity);
    expect(result).not.toBeNull();
    expect(settled).toEqual([]);
    expect(closedInMs).toBeLessThan(5_000);
  });
});

describe('outbox worker, stopping with a hand-off waiting on its store', () => {
  // Seen in the SIGTERM crash test: a process stopping while a recipient's messages were held on a platform and a turn's
  // hand-off waited on Redis never exited (not even at SHUTDOWN_TIMEOUT_MS, whose timer never ran): the let-go items were
  // run again at once by the dispatcher, forever, starving every timer and socket of the process.
  it('ends: the items it let go are not run again in a loop', async () => {
    const links = createLinkStore(createMemoryKv());
    await linkDemoCast(links);
    const store = createMemoryCaseStore();
    // The store answers after a timer, as Redis answers after I/O; late enough that the hand-off still waits when the
    // stop lets go of the blocked delivery (after its grace for messages on their way).
    const slowStore: CaseStore = { ...store, peekOutbox: async (caseId, n) => (await new Promise((r) => setTimeout(r, 2_300)), store.peekOutbox(caseId, n)) };
    const blocked: Notifier = { platform: 'telegram', deliver: () => new Promise(() => undefined) };
    const w = createOutboxWorker({ store: slowStore, links, notifiers: [blocked], render: testRender, queue: createMemoryDeliveryQueue(), sweepEveryMs: 0 });
    await w.start();
    const note = (id: string): Notification => ({ id, to: { accountId: 'acc-bisou' }, body: [{ id: 'notify-undelivered', args: { caseId: '', orderId: 'O-1', kind: 'order' } }], createdAt: OPENED_AT });
    // Two messages for the seller: the first blocked on the platform, the second waiting behind it.
    await w.send([note('N-1'), note('N-2')]);
    await new Promise((r) => setTimeout(r, 20));
    void w.wake('C-000001');
    let closed = false;
    const closing = w.close().then(() => (closed = true));
    await new Promise((r) => setTimeout(r, 3_500));
    expect(closed).toBe(true);
    await closing;
  });
});

describe('outbox worker (redis streams): a process that stalled while it held deliveries', () => {
  it('does not send, once it resumes, a relay another process took over and sent, with a later one, while it stalled (the seller gets each comment once, in order)', { timeout: 30_000 }, async () => {
    const prefix = `${redis.prefix}${randomBytes(3).toString('hex')}:`;
    const store = createRedisCaseStore(redis.redis, { prefix });
    const links = createLinkStore(createRedisKv(redis.redis, prefix));
    await linkDemoCast(links);
    const received: Array<Received & { by: string }> = [];
    // Members rank by name and stream n goes to member n mod 2: the seller's Telegram stream goes to the process that stalls.
    const sellerStream = partitionOf('telegram|t-bisou', 8);
    const [stalls, other] = sellerStream % 2 === 0 ? ['a-stalls', 'b-other'] : ['b-stalls', 'a-other'];
    // The stalling process's beats go through a connection of their own (the queue's duplicate): held while it stalls,
    // as a frozen process beats no more, and sent once it resumes.
    let stalled = false;
    const heldBeats: Array<() => void> = [];
    const conn = redis.connect();
    const stalling = new Proxy(conn, {
      get(target, prop) {
        if (prop === 'duplicate') {
          return (...args: unknown[]) =>
            scriptsThrough((target.duplicate as (...a: unknown[]) => typeof conn).apply(target, args), (run) => (stalled ? new Promise((res) => heldBeats.push(() => res(run()))) : run()));
        }
        const v = Reflect.get(target, prop) as unknown;
        return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
      },
    });
    // Its send of the first relay to the seller's Telegram waits (the case read for its card, say) until it stalled and resumed.
    const first = 'C-000123-1-1';
    let reached!: () => void;
    const atGate = new Promise<void>((res) => (reached = res));
    let open!: () => void;
    const gate = new Promise<void>((res) => (open = res));
    const opts = { heartbeatMs: 100, memberTtlMs: 500 };
    const workers = [
      createOutboxWorker({
        store, links, sweepEveryMs: 0,
        notifiers: [fakeNotifier('telegram', (r) => received.push({ ...r, by: stalls }))],
        queue: createRedisDeliveryQueue(stalling, prefix, { ...opts, consumerName: stalls }),
        render: async (n, target, platform, reads) => {
          if (n.id === first && 'link' in target && target.link.userId === 't-bisou') {
            reached();
            await gate;
          }
          return testRender(n, target, platform, reads);
        },
      }),
      createOutboxWorker({
        store, links, sweepEveryMs: 0, render: testRender,
        notifiers: [fakeNotifier('telegram', (r) => received.push({ ...r, by: other }))],
        queue: createRedisDeliveryQueue(redis.connect(), prefix, { ...opts, consumerName: other }),
      }),
    ];
    try {
      for (const w of workers) await w.start();
      // Both past their first beats, and the seller's stream fenced for the process that will stall.
      const members = `${prefix}{dlv}:members:telegram`;
      await eventually(async () => (await redis.redis.hvals(members)).length === 2 && (await redis.redis.hvals(members)).every((t) => Number(t) >= 8));
      await eventually(async () => (await redis.redis.get(`${prefix}{dlv}:own:telegram:${sellerStream}`)) === stalls);
      const log = play(opened(), [[{ type: 'Comment', text: 'Des nouvelles ?' }, {}]]);
      const c = fold(log.slice(0, 1));
      await store.append(c.id, 0, log.slice(0, 1), c, notificationsFor(c, log.slice(0, 1)));
      await workers[0]!.wake(c.id);
      await atGate;
      // It stalls holding the relay: no beat lands; the other takes it for dead, takes the stream over, sends the relay
      // it held, then the buyer's next comment.
      stalled = true;
      await append(store, log, 1);
      await workers[1]!.wake(c.id);
      const toSeller = () => received.filter((r) => r.to === 't-bisou' && r.ok).map((r) => `${r.notificationId} by ${r.by}`);
      await until(() => toSeller().length === 2);
      expect(toSeller()).toEqual([`${first} by ${other}`, `C-000123-2-1 by ${other}`]);
      // It resumes: what was overdue runs, its held send first, its held beat after.
      open();
      stalled = false;
      for (const release of heldBeats.splice(0)) release();
      await eventually(async () => (await redis.redis.hexists(members, stalls)) === 1);
      await new Promise((res) => setTimeout(res, 500));
      expect(toSeller()).toEqual([`${first} by ${other}`, `C-000123-2-1 by ${other}`]);
    } finally {
      open();
      stalled = false;
      for (const release of heldBeats.splice(0)) release();
      await Promise.all(workers.map((w) => w.close()));
    }
  });
});
