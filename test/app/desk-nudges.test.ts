import { afterEach, describe, expect, it } from 'vitest';
import { createCaseService, type Who } from '../../src/app/case-service.js';
import { notificationsFor } from '../../src/app/notifications.js';
import { createNudges } from '../../src/app/nudges.js';
import { createOutboxWorker, type OutboxWorker } from '../../src/app/outbox-worker.js';
import { parsePolicy } from '../../src/domain/policy.js';
import { createDemoMarketplace, DEMO_ORDERS } from '../../src/infra/demo-marketplace.js';
import { createMemoryKv } from '../../src/infra/kv.js';
import { createLinkStore } from '../../src/infra/link-store.js';
import { createMemoryCaseStore } from '../../src/infra/memory-case-store.js';
import { createMemoryDeliveryQueue } from '../../src/infra/memory-delivery.js';
import { createMemoryScheduler } from '../../src/infra/memory-scheduler.js';
import { createMemoryShopStatusStore } from '../../src/infra/memory-shop-status.js';
import { systemClock } from '../../src/ports/clock.js';
import type { Scheduler } from '../../src/ports/scheduler.js';
import { until } from '../ports/scheduler.contract.js';
import { fakeNotifier, linkDemoCast, testRender, type Received } from '../support/worker-process-fakes.js';

const buyer: Who = { accountId: 'acc-amina', platform: 'telegram' };
const support: Who = { accountId: 'acc-support-1', platform: 'teams' };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const running: Array<Scheduler | OutboxWorker> = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((x) => x.close()));
});

/** Nudges on the wall clock (no calendar), the SLA shortened to two seconds; the agent linked on Telegram. */
async function desk() {
  const policy = parsePolicy({ POLICY_SUPPORT_SLA: 'PT2S', POLICY_SELLER_REMINDERS: 'PT1H', POLICY_ESCALATION_AFTER: 'PT2H' });
  const store = createMemoryCaseStore();
  const marketplace = createDemoMarketplace(new Date());
  const links = createLinkStore(createMemoryKv());
  await linkDemoCast(links);
  await links.put({ platform: 'telegram', userId: 't-sup', accountId: 'acc-support-1', address: 'chat-sup', linkedAt: '2026-10-01T00:00:00.000Z' });
  const received: Received[] = [];
  const outbox = createOutboxWorker({
    store, links, render: testRender, sweepEveryMs: 0,
    notifiers: [fakeNotifier('telegram', received)],
    queue: createMemoryDeliveryQueue(),
  });
  const scheduler = createMemoryScheduler({ retryDelayMs: 50 });
  const nudges = createNudges({ store, scheduler, outbox, marketplace, kv: createMemoryKv(), policy, defaultTimezone: 'Africa/Kinshasa' });
  const service = createCaseService({
    store, shops: createMemoryShopStatusStore(), marketplace, clock: systemClock, policy, defaultTimezone: 'Africa/Kinshasa',
    notifications: notificationsFor, afterAppend: nudges.afterAppend,
  });
  await outbox.start();
  await scheduler.start(nudges.handle);
  running.push(scheduler, outbox);
  const delivered = (to: string, kind: string) => received.filter((r) => r.ok && r.to === to && r.notificationId.includes(kind)).map((r) => r.notificationId);
  return { store, service, delivered };
}

describe('an owner absent past half the SLA is reminded, then the case is flagged in the staff channel', () => {
  it('reminds the owner directly at half the SLA, flags the desk at the SLA, each once', async () => {
    const d = await desk();
    const { case: c } = await d.service.open(buyer, { orderId: DEMO_ORDERS.eligibleNonDelivery, reason: 'non_delivery', description: 'Jamais arrivée.' });
    await d.service.act(support, c.id, { type: 'Escalate', ground: 'inactivity' });
    await d.service.act(support, c.id, { type: 'Take', name: 'Support Congocrea' });
    await until(() => d.delivered('t-sup', 'support_owner_idle').length === 1);
    expect(d.delivered('support', 'support_sla')).toEqual([]);
    await until(() => d.delivered('support', 'support_sla').length === 1);
    await sleep(300);
    expect(d.delivered('t-sup', 'support_owner_idle')).toHaveLength(1);
    expect(d.delivered('support', 'support_sla')).toHaveLength(1);
    const stored = (await d.store.load(c.id))!;
    expect(stored.timeline.filter((e) => e.type === 'reminder').map((e) => (e.type === 'reminder' ? e.nudge : ''))).toEqual(['support_owner_idle', 'support_sla']);
    // What was written to the outbox with each reminder: the owner's own message, and the desk's naming the owner.
    const said = notificationsFor(stored, stored.timeline.slice(-2));
    expect(said.map((n) => [n.to, n.body[0]!.id])).toEqual([
      [{ accountId: 'acc-support-1' }, 'desk-notify-owner-idle'],
      [{ support: true }, 'desk-notify-sla-owned'],
    ]);
    expect(said[1]!.body[0]!.args).toMatchObject({ owner: 'Support Congocrea' });
  });

  it('an owner who acts in time is neither reminded nor flagged for that stretch', async () => {
    const d = await desk();
    const { case: c } = await d.service.open(buyer, { orderId: DEMO_ORDERS.eligibleNonDelivery, reason: 'non_delivery', description: 'Jamais arrivée.' });
    await d.service.act(support, c.id, { type: 'Escalate', ground: 'inactivity' });
    const { events } = await d.service.act(support, c.id, { type: 'Take', name: 'Support Congocrea' });
    await sleep(500);
    await d.service.act(support, c.id, { type: 'Note', text: 'Je regarde.' });
    await d.service.act(support, c.id, { type: 'DecideForSeller' });
    await sleep(2500);
    const takenStamp = Date.parse(events[0]!.at);
    expect(d.delivered('t-sup', `support_owner_idle-${takenStamp}`)).toEqual([]);
    expect(d.delivered('support', 'support_sla')).toEqual([]);
  });
});
