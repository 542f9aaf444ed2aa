import { describe, expect, it } from 'vitest';
import { reconcileRefunds } from '../../src/app/case-refunds.js';
import { createCaseService } from '../../src/app/case-service.js';
import { defaultPolicy } from '../../src/domain/policy.js';
import { createDemoMarketplace, DEMO_ORDERS } from '../../src/infra/demo-marketplace.js';
import { createMemoryCaseStore } from '../../src/infra/memory-case-store.js';
import { createMemoryShopStatusStore } from '../../src/infra/memory-shop-status.js';
import { caseServiceSuite } from './case-service.suite.js';

caseServiceSuite('memory', () => ({ store: createMemoryCaseStore(), shops: createMemoryShopStatusStore() }));

describe('refunds when the marketplace is down', () => {
  it('keeps the refund on the case, and a later reconcile asks for it exactly once', async () => {
    const now = new Date('2026-11-02T10:00:00.000Z');
    const marketplace = createDemoMarketplace(now);
    const realRefund = marketplace.refund.bind(marketplace);
    marketplace.refund = () => Promise.reject(new Error('ECONNRESET'));
    const store = createMemoryCaseStore();
    const cases = createCaseService({ store, shops: createMemoryShopStatusStore(), marketplace, clock: { now: () => now }, policy: defaultPolicy, defaultTimezone: 'Africa/Kinshasa' });
    const { case: c } = await cases.open({ accountId: 'acc-amina', platform: 'web' }, { orderId: DEMO_ORDERS.eligibleNonDelivery, reason: 'non_delivery', description: 'Rien reçu.' });

    const r = await cases.act({ accountId: 'acc-bisou', platform: 'web' }, c.id, { type: 'Refund' });
    expect(r.case).toMatchObject({ status: 'closed', resolution: 'refunded' });
    expect(await marketplace.refunds(c.orderId)).toEqual([]);

    marketplace.refund = realRefund;
    const stored = (await store.load(c.id))!;
    expect(await reconcileRefunds(marketplace, stored)).toEqual([]);
    expect(await reconcileRefunds(marketplace, stored)).toEqual([]);
    expect(await marketplace.refunds(c.orderId)).toEqual([expect.objectContaining({ id: `${c.id}-2`, amount: c.orderTotal, by: 'seller' })]);
  });
});

describe('a timeline stamped by hosts whose clocks disagree', () => {
  it('never goes back: a change from a clock behind the last entry is stamped at that entry, not before it', async () => {
    let now = new Date('2026-11-02T10:00:00.000Z');
    const marketplace = createDemoMarketplace(now);
    const cases = createCaseService({ store: createMemoryCaseStore(), shops: createMemoryShopStatusStore(), marketplace, clock: { now: () => now }, policy: defaultPolicy, defaultTimezone: 'Africa/Kinshasa' });
    const { case: c } = await cases.open({ accountId: 'acc-amina', platform: 'telegram' }, { orderId: DEMO_ORDERS.eligibleNonDelivery, reason: 'non_delivery', description: 'Rien reçu.' });
    now = new Date(now.getTime() + 60_000);
    await cases.act({ accountId: 'acc-bisou', platform: 'discord' }, c.id, { type: 'Comment', text: 'Je regarde.' });
    // The buyer's answer is handled on another host, 40 ms behind.
    now = new Date(now.getTime() - 40);
    const { case: after } = await cases.act({ accountId: 'acc-amina', platform: 'telegram' }, c.id, { type: 'Comment', text: 'Merci.' });
    const stamps = after.timeline.map((e) => Date.parse(e.at));
    expect(stamps).toEqual([...stamps].sort((a, b) => a - b));
    expect(after.timeline.at(-1)).toMatchObject({ type: 'comment', at: '2026-11-02T10:01:00.000Z' });
  });
});
