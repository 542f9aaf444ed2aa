import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaseService } from '../../src/app/case-service.js';
import { fold } from '../../src/domain/decider.js';
import { defaultPolicy } from '../../src/domain/policy.js';
import { createDemoMarketplace, DEMO_ORDERS } from '../../src/infra/demo-marketplace.js';
import { createRedisCaseStore } from '../../src/infra/redis-case-store.js';
import { createRedisShopStatusStore } from '../../src/infra/redis-shop-status.js';
import { createRedisKv } from '../../src/infra/kv.js';
import { createMemoryCaseStore } from '../../src/infra/memory-case-store.js';
import { createMemoryShopStatusStore } from '../../src/infra/memory-shop-status.js';
import { createRedisThreadRegistry } from '../../src/infra/redis-thread-registry.js';
import { orderSubject, type SubjectLocation } from '../../src/ports/threads.js';
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

describe('case service on Redis: a case read with the thread entry naming it, before anyone asked (readAt)', () => {
  const now = new Date('2026-11-02T10:00:00.000Z');
  const amina = { accountId: 'acc-amina', platform: 'telegram' } as const;
  const joel = { accountId: 'acc-joel', platform: 'web' } as const;
  const support = { accountId: 'acc-support-1', platform: 'teams' } as const;

  function setup() {
    const prefix = `${r.prefix}read-at-${++n}:`;
    const threads = createRedisThreadRegistry(r.redis, prefix, createRedisKv(r.redis, prefix), { cache: 0 });
    const service = createCaseService({
      store: createRedisCaseStore(r.redis, { prefix }), shops: createRedisShopStatusStore(r.redis, prefix), marketplace: createDemoMarketplace(now),
      clock: { now: () => now }, policy: defaultPolicy, defaultTimezone: 'Africa/Kinshasa',
    });
    const at = (messageId: string): SubjectLocation => {
      const entry = threads.messageEntry!('telegram', 'chat', messageId);
      if (!('at' in entry)) throw new Error('the registry answered without a read');
      return entry.at;
    };
    return { prefix, threads, service, at };
  }

  it('gives the case out only through get, checked as get checks any case: the parties (notes hidden), support, nobody else', async () => {
    const { threads, service, at } = setup();
    const { case: opened } = await service.open(amina, { orderId: DEMO_ORDERS.eligibleNonDelivery, reason: 'non_delivery', description: 'Rien reçu.' });
    await service.act(support, opened.id, { type: 'Note', text: 'Vendeur déjà averti.' });
    await threads.rememberMessage('telegram', 'chat', '1', opened.id);
    const { subject, read } = await service.readAt!(at('1'));
    expect(subject).toBe(opened.id);
    // Nothing of the case comes with the read itself.
    expect(read).toEqual({ caseId: opened.id });
    const seen = await service.get(amina, opened.id, { read: read! });
    expect(seen).toEqual(await service.get(amina, opened.id));
    expect(seen.timeline.map((e) => e.type)).toEqual(['opened']);
    const readAgain = async () => (await service.readAt!(at('1'))).read!;
    expect((await service.get(support, opened.id, { read: await readAgain() })).timeline.map((e) => e.type)).toEqual(['opened', 'note']);
    await expect(service.get(joel, opened.id, { read: await readAgain() })).rejects.toMatchObject({ code: 'CASE_NOT_FOUND' });
    await expect(service.get({ accountId: 'acc-ghost', platform: 'telegram' }, opened.id, { read: await readAgain() })).rejects.toMatchObject({ code: 'ACCOUNT_NOT_FOUND' });
    // What get gave from the read is a case `act` may decide on, as from any get.
    const r1 = await service.act(amina, opened.id, { type: 'Comment', text: 'Toujours rien.' }, { loaded: seen });
    expect(r1.case.version).toBe(3);
    // A read serves once: the case asked again with it is read afresh (with the comment).
    expect((await service.get(amina, opened.id, { read: read! })).version).toBe(3);
  });

  it('a read is for its own case only: another case asked with it is loaded and checked as usual', async () => {
    const { threads, service, at } = setup();
    const { case: mine } = await service.open(amina, { orderId: DEMO_ORDERS.eligibleNonDelivery, reason: 'non_delivery', description: 'Rien reçu.' });
    const { case: his } = await service.open(joel, { orderId: DEMO_ORDERS.deliveredElsewhere, reason: 'non_delivery', description: 'Rien reçu à Lubumbashi.' });
    await threads.rememberMessage('telegram', 'chat', '1', mine.id);
    const read = async () => (await service.readAt!(at('1'))).read!;
    expect((await service.get(joel, his.id, { read: await read() })).id).toBe(his.id);
    await expect(service.get(amina, his.id, { read: await read() })).rejects.toMatchObject({ code: 'CASE_NOT_FOUND' });
  });

  it('a case deleted or never opened is not found; an order subject or no entry gives no read', async () => {
    const { threads, service, at, prefix } = setup();
    const { case: opened } = await service.open(amina, { orderId: DEMO_ORDERS.eligibleNonDelivery, reason: 'non_delivery', description: 'Rien reçu.' });
    await threads.rememberMessage('telegram', 'chat', '1', opened.id);
    await threads.rememberMessage('telegram', 'chat', '2', 'C-000404');
    await threads.rememberMessage('telegram', 'chat', '3', orderSubject('CC-1002'));
    await r.redis.del(`${prefix}case:{${opened.id}}`, `${prefix}case:{${opened.id}}:events`);
    const deleted = await service.readAt!(at('1'));
    expect(deleted.subject).toBe(opened.id);
    await expect(service.get(amina, opened.id, { read: deleted.read! })).rejects.toMatchObject({ code: 'CASE_NOT_FOUND' });
    const never = await service.readAt!(at('2'));
    await expect(service.get(amina, 'C-000404', { read: never.read! })).rejects.toMatchObject({ code: 'CASE_NOT_FOUND' });
    expect(await service.readAt!(at('3'))).toEqual({ subject: 'order:CC-1002', read: null });
    expect(await service.readAt!(at('4'))).toEqual({ subject: null, read: null });
  });

  it('is offered only by a store that can read the entry and the case in one step', () => {
    const memory = createCaseService({
      store: createMemoryCaseStore(), shops: createMemoryShopStatusStore(), marketplace: createDemoMarketplace(now),
      clock: { now: () => now }, policy: defaultPolicy, defaultTimezone: 'Africa/Kinshasa',
    });
    expect(memory.readAt).toBeUndefined();
    expect(setup().service.readAt).toBeTypeOf('function');
  });
});
