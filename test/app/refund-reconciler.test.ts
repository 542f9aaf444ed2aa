import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaseService } from '../../src/app/case-service.js';
import { createMetrics } from '../../src/app/metrics.js';
import { createRefundReconciler } from '../../src/app/refund-reconciler.js';
import { defaultPolicy } from '../../src/domain/policy.js';
import { createBullmqScheduler } from '../../src/infra/bullmq-scheduler.js';
import { createDemoMarketplace, DEMO_ORDERS } from '../../src/infra/demo-marketplace.js';
import { createMemoryShopStatusStore } from '../../src/infra/memory-shop-status.js';
import { createRedisCaseStore } from '../../src/infra/redis-case-store.js';
import type { Logger } from '../../src/ports/logger.js';
import type { ScheduledJob } from '../../src/ports/scheduler.js';
import { until } from '../ports/scheduler.contract.js';
import { testRedis, type TestRedis } from '../support/redis.js';

let r: TestRedis;
beforeAll(async () => {
  r = await testRedis();
});
afterAll(() => r.cleanup());

const now = new Date('2026-11-02T10:00:00.000Z');
const clock = { now: () => now };

function warnings(): { log: Logger; warned: Array<Record<string, unknown>> } {
  const warned: Array<Record<string, unknown>> = [];
  const noop = () => {};
  const log = { debug: noop, info: noop, error: noop, warn: (o: unknown) => void warned.push(o as Record<string, unknown>), child: () => log } as unknown as Logger;
  return { log, warned };
}

/** A case refunded in full while the marketplace refused the refund call. */
async function refundedWhileDown(prefix: string) {
  const marketplace = createDemoMarketplace(now);
  const realRefund = marketplace.refund.bind(marketplace);
  marketplace.refund = () => Promise.reject(new Error('ECONNRESET'));
  const store = createRedisCaseStore(r.redis, { prefix });
  const cases = createCaseService({ store, shops: createMemoryShopStatusStore(), marketplace, clock, policy: defaultPolicy, defaultTimezone: 'Africa/Kinshasa' });
  const { case: c } = await cases.open({ accountId: 'acc-amina', platform: 'web' }, { orderId: DEMO_ORDERS.eligibleNonDelivery, reason: 'non_delivery', description: 'Rien reçu.' });
  await cases.act({ accountId: 'acc-bisou', platform: 'web' }, c.id, { type: 'Refund' });
  expect(await marketplace.refunds(c.orderId)).toEqual([]);
  return { marketplace, store, caseId: c.id, orderId: c.orderId, marketplaceUp: () => void (marketplace.refund = realRefund) };
}

describe('refund reconciliation', () => {
  it('runs one round per period across two processes, and the marketplace gets the missed refund once', async () => {
    const prefix = `${r.prefix}once:`;
    const { marketplace, store, caseId, orderId, marketplaceUp } = await refundedWhileDown(prefix);
    marketplaceUp();
    const rounds: string[] = [];
    const processes = [0, 1].map(() => {
      const scheduler = createBullmqScheduler({ redis: r.connect(), prefix, clock });
      const reconciler = createRefundReconciler({ store, marketplace, scheduler, clock, everyMs: 60_000 });
      return { scheduler, reconciler };
    });
    for (const p of processes) {
      await p.scheduler.start(async (job: ScheduledJob) => {
        rounds.push(job.id);
        await p.reconciler.handle(job);
      });
    }
    await Promise.all(processes.map((p) => p.reconciler.start()));
    await until(() => rounds.length > 0);
    await new Promise((res) => setTimeout(res, 300));
    // Both planned this period's round: it ran once.
    expect(rounds).toEqual([`reconcile-refunds-${Math.floor(now.getTime() / 60_000)}`]);
    expect(await marketplace.refunds(orderId)).toEqual([expect.objectContaining({ id: `${caseId}-2`, by: 'seller' })]);
    for (const p of processes) {
      p.reconciler.stop();
      await p.scheduler.close();
    }
  });

  it('alerts on what the marketplace still does not confirm: a gauge and a warning with the ids', async () => {
    const prefix = `${r.prefix}alert:`;
    const { marketplace, store, caseId, marketplaceUp } = await refundedWhileDown(prefix);
    const metrics = createMetrics();
    const { log, warned } = warnings();
    const scheduler = createBullmqScheduler({ redis: r.connect(), prefix, clock });
    const reconciler = createRefundReconciler({ store, marketplace, scheduler, clock, metrics, logger: log });

    const down = await reconciler.round();
    expect(down).toMatchObject({ cases: 1, unconfirmed: [`${caseId}-2`] });
    expect((await metrics.refundsUnconfirmed.get()).values[0]!.value).toBe(1);
    expect(warned).toEqual([expect.objectContaining({ code: 'REFUNDS_UNCONFIRMED', refundIds: [`${caseId}-2`] })]);
    expect(await metrics.registry.metrics()).toContain('palabre_refunds_unconfirmed 1');

    marketplaceUp();
    expect(await reconciler.round()).toMatchObject({ cases: 1, replayed: 1, unconfirmed: [] });
    expect((await metrics.refundsUnconfirmed.get()).values[0]!.value).toBe(0);
    expect(await reconciler.round()).toMatchObject({ replayed: 0, unconfirmed: [] });
    await scheduler.close();
  });
});
