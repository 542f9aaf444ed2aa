import { createMemoryShopStatusStore } from '../../src/infra/memory-shop-status.js';
import { afterEach, describe, expect, it } from 'vitest';
import { createCaseService, type CaseService, type Who } from '../../src/app/case-service.js';
import { composePalabre } from '../../src/compose.js';
import { silentLogger } from '../../src/ports/logger.js';
import type { TurnContent } from '../../src/ports/turn.js';
import { loadConfig } from '../../src/config.js';
import { createMetrics, type Metrics } from '../../src/app/metrics.js';
import { notificationsFor } from '../../src/app/notifications.js';
import { createNudges, nudgeJob, type Nudges } from '../../src/app/nudges.js';
import { createOutboxWorker, type OutboxWorker } from '../../src/app/outbox-worker.js';
import { planNudges } from '../../src/domain/nudges.js';
import { parsePolicy, type Policy } from '../../src/domain/policy.js';
import { createDemoMarketplace, DEMO_ORDERS } from '../../src/infra/demo-marketplace.js';
import { createMemoryKv } from '../../src/infra/kv.js';
import { createLinkStore } from '../../src/infra/link-store.js';
import { createMemoryCaseStore } from '../../src/infra/memory-case-store.js';
import { createMemoryDeliveryQueue } from '../../src/infra/memory-delivery.js';
import { createMemoryScheduler } from '../../src/infra/memory-scheduler.js';
import type { CaseStore } from '../../src/ports/case-store.js';
import { systemClock } from '../../src/ports/clock.js';
import type { Marketplace } from '../../src/ports/marketplace.js';
import type { ScheduledJob, Scheduler } from '../../src/ports/scheduler.js';
import { until } from '../ports/scheduler.contract.js';
import { fakeNotifier, linkDemoCast, testRender, type Received } from '../support/worker-process-fakes.js';

const buyer: Who = { accountId: 'acc-amina', platform: 'telegram' };
const seller: Who = { accountId: 'acc-bisou', platform: 'discord' };
const support: Who = { accountId: 'acc-support-1', platform: 'teams' };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** SPEC section 1's policy shortened to seconds. */
const SECONDS = {
  POLICY_SELLER_REMINDERS: 'PT1S,PT2S',
  POLICY_ESCALATION_AFTER: 'PT3S',
  POLICY_REPLY_NUDGE_AFTER: 'PT1S',
  POLICY_SUPPORT_SLA: 'PT1S',
};

interface World {
  policy: Policy;
  store: CaseStore;
  marketplace: Marketplace;
  scheduler: Scheduler;
  outbox: OutboxWorker;
  nudges: Nudges;
  service: CaseService;
  metrics: Metrics;
  received: Received[];
  /** Notification ids delivered to a platform user id (or `support`), in order. */
  delivered(to: string): string[];
}

let open: World[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).flatMap((w) => [w.scheduler.close(), w.outbox.close()]));
});

async function world(env: Record<string, string> = {}): Promise<World> {
  const policy = parsePolicy({ ...SECONDS, ...env });
  const store = createMemoryCaseStore();
  const marketplace = createDemoMarketplace(new Date());
  const links = createLinkStore(createMemoryKv());
  await linkDemoCast(links);
  const received: Received[] = [];
  const metrics = createMetrics();
  const outbox = createOutboxWorker({
    store, links, render: testRender, metrics, sweepEveryMs: 0,
    notifiers: [fakeNotifier('telegram', received), fakeNotifier('discord', received)],
    queue: createMemoryDeliveryQueue(),
  });
  const scheduler = createMemoryScheduler({ retryDelayMs: 50 });
  const nudges = createNudges({ store, scheduler, outbox, marketplace, kv: createMemoryKv(), policy, defaultTimezone: 'Africa/Kinshasa', metrics });
  const service = createCaseService({
    store, shops: createMemoryShopStatusStore(), marketplace, clock: systemClock, policy, defaultTimezone: 'Africa/Kinshasa',
    notifications: notificationsFor, afterAppend: nudges.afterAppend,
  });
  await outbox.start();
  await scheduler.start(nudges.handle);
  const w: World = {
    policy, store, marketplace, scheduler, outbox, nudges, service, metrics, received,
    delivered: (to) => received.filter((r) => r.ok && r.to === to).map((r) => r.notificationId),
  };
  open.push(w);
  return w;
}

const openCase = (w: World) => w.service.open(buyer, { orderId: DEMO_ORDERS.eligibleNonDelivery, reason: 'non_delivery', description: 'Jamais arrivée.' });
const reminders = async (w: World, id: string) => (await w.store.load(id))!.timeline.filter((e) => e.type === 'reminder');

describe('case nudges, with the policy in seconds', () => {
  it('reminds a silent seller at each reminder, tells the buyer when escalation opens, and shows each on the timeline', async () => {
    const w = await world();
    const { case: c } = await openCase(w);
    await until(() => w.delivered('t-amina').length === 1);
    expect(w.delivered('t-bisou')).toEqual([`${c.id}-1-1`, `nudge-${c.id}-seller_reminder-1`, `nudge-${c.id}-seller_reminder-2`]);
    expect(w.delivered('d-bisou')).toEqual(w.delivered('t-bisou'));
    expect(w.delivered('t-amina')).toEqual([`nudge-${c.id}-buyer_escalation_open-${Date.parse(c.escalatableAt)}`]);
    expect((await reminders(w, c.id)).map((e) => e.type === 'reminder' && [e.nudge, e.to, e.actor.role])).toEqual([
      ['seller_reminder', 'seller', 'system'],
      ['seller_reminder', 'seller', 'system'],
      ['buyer_escalation_open', 'buyer', 'system'],
    ]);
    expect(await w.metrics.registry.getSingleMetricAsString('palabre_reminders_total')).toMatch(/kind="seller_reminder",outcome="sent"} 2/);
  });

  it('stops reminding the seller once they answered', async () => {
    const w = await world();
    const { case: c } = await openCase(w);
    await w.service.act(seller, c.id, { type: 'Comment', text: 'Je vérifie avec le transporteur.' });
    await until(() => w.delivered('t-amina').length === 2);
    expect(w.delivered('t-amina')).toEqual([`${c.id}-2-1`, expect.stringContaining('buyer_escalation_open')]);
    expect(w.delivered('t-bisou')).toEqual([`${c.id}-1-1`]);
    expect(await reminders(w, c.id)).toHaveLength(1);
  });

  it('sends nothing more once the case is closed', async () => {
    const w = await world();
    const { case: c } = await openCase(w);
    await w.service.act(buyer, c.id, { type: 'BuyerClose' });
    await sleep(3500);
    expect(w.delivered('t-bisou')).toEqual([`${c.id}-1-1`, `${c.id}-2-1`]);
    expect(w.delivered('t-amina')).toEqual([]);
    expect(await reminders(w, c.id)).toEqual([]);
  });

  it('drops a nudge that comes due after the case changed, even when its job was not cancelled', async () => {
    const w = await world({ POLICY_SELLER_REMINDERS: 'PT1H', POLICY_ESCALATION_AFTER: 'PT2H' });
    const { case: c } = await openCase(w);
    const [first] = planNudges(c, w.policy);
    await w.service.act(seller, c.id, { type: 'Refund', amount: { amount: 100, currency: 'CDF' } });
    await w.nudges.handle(nudgeJob({ ...first!, dueAt: new Date().toISOString() }));
    await w.service.act(buyer, c.id, { type: 'BuyerClose' });
    const late = planNudges(c, w.policy).find((n) => n.kind === 'support_late_delivery')!;
    await w.nudges.handle(nudgeJob(late));
    expect(await reminders(w, c.id)).toEqual([]);
    expect(await w.metrics.registry.getSingleMetricAsString('palabre_reminders_total')).toMatch(/kind="seller_reminder",outcome="dropped"} 1/);
  });

  it('records and delivers a due nudge once, however many workers run it at the same time', async () => {
    const w = await world({ POLICY_SELLER_REMINDERS: 'PT1H', POLICY_ESCALATION_AFTER: 'PT2H' });
    const { case: c } = await openCase(w);
    const job = nudgeJob({ ...planNudges(c, w.policy)[0]!, dueAt: new Date().toISOString() });
    await Promise.all(Array.from({ length: 6 }, () => w.nudges.handle(job)));
    await until(() => w.delivered('d-bisou').length === 2);
    await sleep(200);
    expect(await reminders(w, c.id)).toHaveLength(1);
    expect(w.delivered('d-bisou')).toEqual([`${c.id}-1-1`, job.id]);
    expect(w.delivered('t-bisou')).toEqual([`${c.id}-1-1`, job.id]);
  });

  it('nudges the seller about an unanswered buyer message, and support about an escalated case it has not touched', async () => {
    const w = await world({ POLICY_SELLER_REMINDERS: 'PT1H', POLICY_ESCALATION_AFTER: 'PT2H' });
    const { case: c } = await openCase(w);
    const { events } = await w.service.act(buyer, c.id, { type: 'Comment', text: 'Des nouvelles ?' });
    await w.service.act(support, c.id, { type: 'Escalate', ground: 'inactivity' });
    const replyDue = `nudge-${c.id}-seller_reply_due-${Date.parse(events[0]!.at)}`;
    await until(() => w.delivered('d-bisou').includes(replyDue) && w.delivered('support').some((id) => id.includes('support_sla')));
    expect(w.received.filter((r) => r.ok && r.notificationId.includes('support_sla')).map((r) => r.platform).sort()).toEqual(['discord', 'telegram']);
  });

  it('flags a case that reaches its maximum age as a late delivery, to the seller and support', async () => {
    const w = await world({ POLICY_SELLER_REMINDERS: 'PT1H', POLICY_ESCALATION_AFTER: 'PT2H', POLICY_MAX_CASE_AGE: 'PT1S' });
    const { case: c } = await openCase(w);
    await until(() => w.delivered('support').length === 2);
    const stored = (await w.store.load(c.id))!;
    expect(stored.lateDelivery).toBe(true);
    expect(stored.timeline.filter((e) => e.type === 'late_delivery')).toHaveLength(1);
    expect(w.delivered('t-bisou')).toEqual([`${c.id}-1-1`, `${c.id}-2-1`]);
  });

  it('plans the nudges of open cases again after a restart', async () => {
    const w = await world();
    const { case: c } = await openCase(w);
    await w.scheduler.close();
    const scheduler = createMemoryScheduler();
    const nudges = createNudges({ store: w.store, scheduler, outbox: w.outbox, marketplace: w.marketplace, kv: createMemoryKv(), policy: w.policy, defaultTimezone: 'Africa/Kinshasa' });
    open.push({ ...w, scheduler });
    await scheduler.start(nudges.handle);
    expect(await nudges.resync()).toBe(1);
    await until(() => w.delivered('t-amina').length === 1);
    expect(w.delivered('t-bisou')).toHaveLength(3);
    expect(await reminders(w, c.id)).toHaveLength(3);
  });
});

describe('only the earliest nudges of a case are scheduled, each one scheduling the next', () => {
  const HOURS = { POLICY_SELLER_REMINDERS: 'PT1H,PT2H', POLICY_ESCALATION_AFTER: 'PT3H', POLICY_REPLY_NUDGE_AFTER: 'PT30M' };

  /** A scheduler that runs nothing: what is pending, as a scheduler holding jobs would have it. */
  function pendingScheduler() {
    const pending = new Map<string, ScheduledJob>();
    const known = new Set<string>();
    const scheduler: Scheduler = {
      async schedule(job) {
        if (known.has(job.id)) return;
        known.add(job.id);
        pending.set(job.id, job);
      },
      async cancel(id) {
        if (pending.delete(id)) known.delete(id);
      },
      async start() {},
      async close() {},
    };
    const kinds = () => [...pending.values()].map((j) => j.kind).sort();
    return { scheduler, pending, kinds, take: (kind: string) => [...pending.values()].find((j) => j.kind === kind)! };
  }

  async function setup(hoursLater = 0) {
    const w = await world(HOURS);
    const s = pendingScheduler();
    const clock = { now: () => new Date(Date.now() + hoursLater * 3_600_000) };
    const nudges = createNudges({ store: w.store, scheduler: s.scheduler, outbox: w.outbox, marketplace: w.marketplace, kv: createMemoryKv(), policy: w.policy, defaultTimezone: 'Africa/Kinshasa', clock });
    const service = createCaseService({ store: w.store, shops: createMemoryShopStatusStore(), marketplace: w.marketplace, clock: systemClock, policy: w.policy, defaultTimezone: 'Africa/Kinshasa', notifications: notificationsFor, afterAppend: nudges.afterAppend });
    const { case: c } = await service.open(buyer, { orderId: DEMO_ORDERS.eligibleNonDelivery, reason: 'non_delivery', description: 'Jamais arrivée.' });
    return { w, s, nudges, service, c };
  }

  it('moves the one pending nudge as the case changes', async () => {
    const { s, service, c } = await setup();
    expect(s.kinds()).toEqual(['seller_reminder']);
    await service.act(buyer, c.id, { type: 'Comment', text: 'Des nouvelles ?' });
    expect(s.kinds()).toEqual(['seller_reply_due']);
    await service.act(seller, c.id, { type: 'Comment', text: 'Je vérifie.' });
    expect(s.kinds()).toEqual(['buyer_escalation_open']);
    await service.act(buyer, c.id, { type: 'BuyerClose' });
    expect(s.kinds()).toEqual([]);
  });

  it('moves the pending nudge from where the case is, when another process changed it in between', async () => {
    const { w, s, service, c } = await setup();
    // A second process on the same store and scheduler.
    const nudges2 = createNudges({ store: w.store, scheduler: s.scheduler, outbox: w.outbox, marketplace: w.marketplace, kv: createMemoryKv(), policy: w.policy, defaultTimezone: 'Africa/Kinshasa' });
    const service2 = createCaseService({ store: w.store, shops: createMemoryShopStatusStore(), marketplace: w.marketplace, clock: systemClock, policy: w.policy, defaultTimezone: 'Africa/Kinshasa', notifications: notificationsFor, afterAppend: nudges2.afterAppend });
    await service.act(buyer, c.id, { type: 'Comment', text: 'Des nouvelles ?' });
    expect(s.kinds()).toEqual(['seller_reply_due']);
    await service2.act(seller, c.id, { type: 'Comment', text: 'Je vérifie.' });
    expect(s.kinds()).toEqual(['buyer_escalation_open']);
    // The first process planned this case two versions ago: it starts from the case as it is now.
    await service.act(buyer, c.id, { type: 'Comment', text: 'Merci, j’attends.' });
    expect(s.kinds()).toEqual(['seller_reply_due']);
    await service.act(seller, c.id, { type: 'Comment', text: 'Expédié ce matin.' });
    expect(s.kinds()).toEqual(['buyer_escalation_open']);
  });

  it('schedules the next nudge when one is sent, and when one is dropped', async () => {
    const { w, s, nudges, c } = await setup();
    const first = s.take('seller_reminder');
    s.pending.delete(first.id);
    await nudges.handle({ ...first, dueAt: new Date().toISOString() });
    expect([...s.pending.keys()]).toEqual([`nudge-${c.id}-seller_reminder-2`]);
    expect(await reminders(w, c.id)).toHaveLength(1);
    // A run for a nudge already recorded (a retry, another process) is dropped and still goes on from there.
    await nudges.handle({ ...first, dueAt: new Date().toISOString() });
    expect([...s.pending.keys()]).toEqual([`nudge-${c.id}-seller_reminder-2`]);
    expect(await reminders(w, c.id)).toHaveLength(1);
  });

  it('goes on past a reminder that came due too late to be sent', async () => {
    const { w, s, nudges, c } = await setup(4);
    const first = s.take('seller_reminder');
    s.pending.delete(first.id);
    await nudges.handle(first);
    expect(await reminders(w, c.id)).toEqual([]);
    expect(s.kinds()).toEqual(['buyer_escalation_open', 'seller_reminder', 'support_late_delivery']);
  });

  it('schedules only the earliest nudge of each open case again at start', async () => {
    const { w, c } = await setup();
    const s = pendingScheduler();
    const nudges = createNudges({ store: w.store, scheduler: s.scheduler, outbox: w.outbox, marketplace: w.marketplace, kv: createMemoryKv(), policy: w.policy, defaultTimezone: 'Africa/Kinshasa' });
    expect(await nudges.resync()).toBe(1);
    expect([...s.pending.keys()]).toEqual([`nudge-${c.id}-seller_reminder-1`]);
  });
});

describe('order nudges (no case)', () => {
  it('nudges the seller once about a buyer message left unanswered, and not when they replied', async () => {
    const w = await world();
    await w.nudges.buyerMessaged('CC-1002', new Date().toISOString());
    await w.nudges.buyerMessaged('CC-1002', new Date().toISOString());
    await w.nudges.buyerMessaged('CC-1005', new Date().toISOString());
    await w.nudges.sellerReplied('CC-1005', new Date().toISOString());
    await until(() => w.delivered('d-bisou').length === 1);
    await sleep(1500);
    expect(w.delivered('d-bisou')).toEqual([expect.stringMatching(/^nudge-O-CC-1002-seller_reply_due-\d+$/)]);
  });

  it('reminds the buyer before the case window closes on a reported order, unless a case was opened', async () => {
    const w = await world({ POLICY_WINDOW_REMINDER: 'P200D' });
    const { order, shop, eligibility } = await w.service.eligibility(buyer, 'CC-1002');
    await w.nudges.problemReported(order, shop, eligibility);
    const other = await w.service.eligibility(buyer, DEMO_ORDERS.eligibleNonDelivery);
    await openCase(w);
    await w.nudges.problemReported(other.order, other.shop, other.eligibility);
    await until(() => w.delivered('t-amina').length === 1);
    await sleep(300);
    expect(w.delivered('t-amina')).toEqual(['nudge-O-CC-1002-buyer_window_closing']);
  });

  it('nudges the seller of an order still unshipped when its processing time is over', async () => {
    const w = await world();
    const order = (await w.marketplace.order('CC-1007'))!;
    const shipped = (await w.marketplace.order('CC-1002'))!;
    const shop = (await w.marketplace.shop(order.shopId))!;
    await w.nudges.orderSeen(order, shop);
    await w.nudges.orderSeen(shipped, shop);
    await w.nudges.orderSeen(order, shop);
    await until(() => w.delivered('t-bisou').length === 1);
    await sleep(300);
    expect(w.delivered('t-bisou')).toEqual(['nudge-O-CC-1007-seller_unshipped']);
  });
});

describe('order messages relayed by the bot drive the reply nudge (composed as in production)', () => {
  /** What a platform received: who, the first message id, and the order it is about. */
  interface Got {
    userId: string;
    first: string;
    orderId?: string;
    tokens: string[];
  }

  async function palabre() {
    const config = loadConfig({ LOG_LEVEL: 'silent', DEMO_TIME_SCALE: '1', POLICY_REPLY_NUDGE_AFTER: 'PT2S' });
    const p = await composePalabre({ config, logger: silentLogger });
    const got: Got[] = [];
    p.addNotifier({
      platform: 'telegram',
      async deliver(target, message) {
        got.push({
          userId: 'link' in target ? target.link.userId : 'support',
          first: message.body[0]!.id,
          ...(message.orderId ? { orderId: message.orderId } : {}),
          tokens: (message.choices ?? []).map((c) => c.token),
        });
      },
    });
    await linkDemoCast(p.links);
    await p.start();
    const turn = (userId: string, content: TurnContent) =>
      p.engine.handle({ platform: 'telegram', userId, conversationId: `chat-${userId}`, isPrivate: true, content });
    return { p, got, turn };
  }

  it('nudges the seller about the message left unanswered, not about the one they answered with the Reply button', async () => {
    const { p, got, turn } = await palabre();
    try {
      for (const orderId of ['CC-1002', 'CC-1005']) {
        const asked = await turn('t-amina', { type: 'text', text: `J'ai commandé la mauvaise taille pour ${orderId}` });
        const yes = asked.replies[0]!.choices!.find((c) => c.label.id === 'engine-choice-yes-reason')!.token;
        await turn('t-amina', { type: 'action', token: yes });
        await turn('t-amina', { type: 'text', text: 'Puis-je l’échanger ?' });
      }
      await until(() => got.filter((g) => g.first === 'engine-relay-order-message').length === 2);
      const relayed = got.find((g) => g.first === 'engine-relay-order-message' && g.orderId === 'CC-1005')!;
      expect(relayed.userId).toBe('t-bisou');
      await turn('t-bisou', { type: 'action', token: relayed.tokens[0]! });
      await turn('t-bisou', { type: 'text', text: 'Oui, renvoyez-le.' });
      await until(() => got.some((g) => g.first === 'notify-order-reply-due'));
      await sleep(1500);
      const nudges = got.filter((g) => g.first === 'notify-order-reply-due');
      expect(nudges).toEqual([{ userId: 't-bisou', first: 'notify-order-reply-due', orderId: 'CC-1002', tokens: [expect.any(String)] }]);
      // The buyer got the seller's answer, with a button to answer back.
      expect(got.filter((g) => g.userId === 't-amina' && g.first === 'engine-relay-seller-answer')).toEqual([
        { userId: 't-amina', first: 'engine-relay-seller-answer', orderId: 'CC-1005', tokens: [expect.any(String)] },
      ]);
    } finally {
      await p.close();
    }
  });
});
