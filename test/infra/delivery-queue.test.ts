import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryDeliveryQueue } from '../../src/infra/memory-delivery.js';
import { createRedisDeliveryQueue } from '../../src/infra/redis-delivery-queue.js';
import type { DeliveryItem, DeliveryQueue } from '../../src/ports/outbox.js';
import { testRedis, type TestRedis } from '../support/redis.js';

let r: TestRedis;
beforeAll(async () => {
  r = await testRedis();
});
afterAll(() => r.cleanup());

/** Each call gives a handle on fresh storage; `again` a second handle on the same storage (another process). */
const implementations: Array<[string, () => { queue: DeliveryQueue; again: () => DeliveryQueue }]> = [
  ['memory', () => {
    const queue = createMemoryDeliveryQueue();
    return { queue, again: () => queue };
  }],
  ['redis', () => {
    const prefix = `${r.prefix}${randomBytes(3).toString('hex')}:`;
    return { queue: createRedisDeliveryQueue(r.redis, prefix), again: () => createRedisDeliveryQueue(r.connect(), prefix) };
  }],
];

// A Teams-like user id: targets may hold ':' and other characters.
const TARGET = 'teams|29:1AbC-é';
const item = (id: string, target = TARGET): DeliveryItem => ({
  key: `${id}@${target}`,
  target,
  address: { platform: 'teams', userId: target.split('|')[1]! },
  notification: { id, to: { accountId: 'acc-amina' }, caseId: 'C-000001', body: [{ id: 'notify-comment', args: { text: 'été', at: { date: '2026-10-21T08:00:00.000Z' } } }], createdAt: '2026-10-21T08:00:00.000Z' },
  attempts: 0,
  enqueuedAt: '2026-10-21T08:00:00.000Z',
});

describe.each(implementations)('DeliveryQueue contract: %s', (_name, make) => {
  it('keeps each target in order and hands out items as they were stored', async () => {
    const { queue } = make();
    expect(await queue.enqueue([item('n1'), item('n2'), item('m1', 'telegram|42')])).toEqual(expect.arrayContaining([TARGET, 'telegram|42']));
    expect(await queue.head(TARGET)).toEqual(item('n1'));
    expect((await queue.pendingTargets()).sort()).toEqual([TARGET, 'telegram|42'].sort());
    await queue.done(item('n1'), true);
    expect((await queue.head(TARGET))?.key).toBe(item('n2').key);
    await queue.done(item('n2'), true);
    expect(await queue.head(TARGET)).toBeNull();
    expect(await queue.pendingTargets()).toEqual(['telegram|42']);
  });

  it('skips an item seen before, whether waiting or delivered, and remembers deliveries', async () => {
    const { queue, again } = make();
    await queue.enqueue([item('n1')]);
    expect(await again().enqueue([item('n1')])).toEqual([]);
    await queue.done(item('n1'), true);
    expect(await queue.wasDelivered(item('n1').key)).toBe(true);
    expect(await again().enqueue([item('n1')])).toEqual([]);
    expect(await queue.head(TARGET)).toBeNull();
    expect(await queue.wasDelivered(item('other').key)).toBe(false);
  });

  it('counts failed tries on the head, buries it, and replays it at the head with no tries', async () => {
    const { queue } = make();
    await queue.enqueue([item('n1'), item('n2')]);
    expect(await queue.failed(item('n1'), '502')).toBe(1);
    expect(await queue.failed(item('n1'), '503')).toBe(2);
    expect(await queue.head(TARGET)).toMatchObject({ key: item('n1').key, attempts: 2, lastError: '503' });
    expect(await queue.counts()).toEqual({ dead: 0, retrying: 1 });
    const head = (await queue.head(TARGET))!;
    await queue.bury(head, '503', '2026-10-21T09:00:00.000Z');
    expect(await queue.counts()).toEqual({ dead: 1, retrying: 0 });
    expect(await queue.deadLetters()).toEqual([{ ...item('n1'), attempts: 2, lastError: '503', error: '503', failedAt: '2026-10-21T09:00:00.000Z' }]);
    expect((await queue.head(TARGET))?.key).toBe(item('n2').key);
    expect(await queue.replay(item('n1').key)).toBe(TARGET);
    expect(await queue.replay(item('n1').key)).toBeNull();
    expect(await queue.head(TARGET)).toMatchObject({ key: item('n1').key, attempts: 0 });
    expect(await queue.counts()).toEqual({ dead: 0, retrying: 0 });
  });

  it('gives a lock to one holder at a time, released only by its token', async () => {
    const { queue, again } = make();
    const token = await queue.lock('outbox-C-000001', 60_000);
    expect(token).toBeTruthy();
    expect(await again().lock('outbox-C-000001', 60_000)).toBeNull();
    await again().unlock('outbox-C-000001', 'not-the-token');
    expect(await again().lock('outbox-C-000001', 60_000)).toBeNull();
    await queue.unlock('outbox-C-000001', token!);
    expect(await again().lock('outbox-C-000001', 60_000)).toBeTruthy();
  });

  it('lets a lock expire when its holder died', async () => {
    const { queue } = make();
    expect(await queue.lock('outbox-C-000002', 50)).toBeTruthy();
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(await queue.lock('outbox-C-000002', 50)).toBeTruthy();
  });
});
