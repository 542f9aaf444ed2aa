import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaseService } from '../../src/app/case-service.js';
import { fold } from '../../src/domain/decider.js';
import { defaultPolicy } from '../../src/domain/policy.js';
import { createDemoMarketplace, DEMO_ORDERS } from '../../src/infra/demo-marketplace.js';
import { createRedisCaseStore } from '../../src/infra/redis-case-store.js';
import { createRedisShopStatusStore } from '../../src/infra/redis-shop-status.js';
import { testRedis, type TestRedis } from '../support/redis.js';
import { caseServiceSuite } from './case-service.suite.js';

let r: TestRedis;
let n = 0;
beforeAll(async () => {
  r = await testRedis();
});
afterAll(() => r.cleanup());

caseServiceSuite('redis', () => {
  const prefix = `${r.prefix}${++n}:`;
  return { store: createRedisCaseStore(r.redis, { prefix }), shops: createRedisShopStatusStore(r.redis, prefix) };
});

describe('case service on Redis under real concurrency', () => {
  it('keeps all of 50 simultaneous comments from two processes, versions 1..N without gaps', async () => {
    const prefix = `${r.prefix}race:`;
    const now = new Date('2026-11-02T10:00:00.000Z');
    const marketplace = createDemoMarketplace(now);
    const service = (connection: typeof r.redis) =>
      createCaseService({
        store: createRedisCaseStore(connection, { prefix }), shops: createRedisShopStatusStore(connection, prefix), marketplace, clock: { now: () => now },
        policy: defaultPolicy, defaultTimezone: 'Africa/Kinshasa',
        // 50 writers on one case is far past real traffic; what is under test is that none is lost, not the retry budget.
        retry: { attempts: 30 },
        notifications: (c, events) => events.map((e, i) => ({ id: `${c.id}-${c.version - events.length + 1 + i}-1`, to: { support: true }, caseId: c.id, body: [{ id: 'x' }], createdAt: e.at })),
      });
    const [one, two] = [service(r.connect()), service(r.connect())];
    const { case: opened } = await one.open({ accountId: 'acc-amina', platform: 'telegram' }, { orderId: DEMO_ORDERS.eligibleNonDelivery, reason: 'non_delivery', description: 'Rien reçu.' });

    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => {
        const who = i % 2 ? { accountId: 'acc-bisou', platform: 'discord' as const } : { accountId: 'acc-amina', platform: 'telegram' as const };
        return (i % 2 ? two : one).act(who, opened.id, { type: 'Comment', text: `message ${i}` });
      }),
    );

    const stored = (await createRedisCaseStore(r.redis, { prefix }).load(opened.id))!;
    expect(stored.version).toBe(51);
    expect(stored.timeline).toHaveLength(51);
    const texts = stored.timeline.flatMap((e) => (e.type === 'comment' ? [e.text] : []));
    expect([...texts].sort()).toEqual(Array.from({ length: 50 }, (_, i) => `message ${i}`).sort());
    // Each writer's version is where its comment sits in the timeline.
    expect(results.map((x) => x.case.version).sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 2));
    for (const x of results) {
      const mine = x.events[0];
      expect(stored.timeline[x.case.version - 1]).toEqual(mine);
    }
    // The snapshot agrees with its timeline, and the outbox holds one notification per version, in order.
    expect(stored).toEqual(fold(stored.timeline));
    const outbox = await createRedisCaseStore(r.redis, { prefix }).peekOutbox(opened.id, 100);
    expect(outbox.map((o) => o.id)).toEqual(Array.from({ length: 51 }, (_, i) => `${opened.id}-${i + 1}-1`));
  });
});
