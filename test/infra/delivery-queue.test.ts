import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryDeliveryQueue } from '../../src/infra/memory-delivery.js';
import { createRedisDeliveryQueue } from '../../src/infra/redis-delivery-queue.js';
import type { DeliveryItem, DeliveryQueue, DeliveryResult } from '../../src/ports/outbox.js';
import { item, keys, OTHER, startedQueues, TARGET, until } from '../support/delivery.js';
import { testRedis, type TestRedis } from '../support/redis.js';

// The contract of a delivery queue, on every implementation. The Redis streams' membership, takeovers and lost answers
// across processes are in delivery-streams.test.ts.
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

const { started, consume } = startedQueues();

describe.each(implementations)('DeliveryQueue contract: %s', (_name, make) => {
  it('hands out each target\'s items in the order they were stored, once', async () => {
    const { queue } = make();
    expect(await queue.enqueue([item('n1'), item('n2'), item('m1', OTHER), item('n3')])).toBe(4);
    const seen: DeliveryItem[] = [];
    await consume(queue, seen);
    await until(() => seen.length === 4);
    expect(keys(seen)).toEqual(['n1', 'n2', 'n3']);
    expect(keys(seen, OTHER)).toEqual(['m1']);
    expect(seen.find((i) => i.notification.id === 'n1')).toMatchObject({ ...item('n1'), attempts: 0 });
    await queue.enqueue([item('n4')]);
    await until(() => seen.length === 5);
    expect(keys(seen)).toEqual(['n1', 'n2', 'n3', 'n4']);
  });

  it('skips an item seen before, whether waiting or delivered, and remembers deliveries', async () => {
    const { queue, again } = make();
    await queue.enqueue([item('n1')]);
    expect(await again().enqueue([item('n1')])).toBe(0);
    const seen: DeliveryItem[] = [];
    await consume(queue, seen);
    await until(() => seen.length === 1);
    await until(() => queue.wasDelivered(item('n1').key));
    expect(await again().enqueue([item('n1')])).toBe(0);
    expect(await queue.wasDelivered(item('other').key)).toBe(false);
    await new Promise((res) => setTimeout(res, 200));
    expect(seen).toHaveLength(1);
  });

  it('holds back a retrying item\'s target, not the other targets, and counts it as retrying', async () => {
    const { queue } = make();
    await queue.enqueue([item('n1'), item('n2'), item('m1', OTHER)]);
    const seen: DeliveryItem[] = [];
    let release = false;
    await consume(queue, seen, async (it) => {
      if (it.notification.id !== 'n1' || release) return 'done';
      await queue.failed(it, '502 Bad Gateway');
      return { retryInMs: 30 };
    });
    await until(() => keys(seen, OTHER).length === 1);
    await until(async () => (await queue.counts()).retrying === 1);
    expect(keys(seen).every((id) => id === 'n1')).toBe(true);
    release = true;
    await until(() => keys(seen).includes('n2'));
    const tries = keys(seen).filter((id) => id === 'n1').length;
    expect(tries).toBeGreaterThan(1);
    expect(keys(seen)).toEqual([...Array<string>(tries).fill('n1'), 'n2']);
    expect(seen.filter((i) => i.notification.id === 'n1').map((i) => i.attempts)).toEqual([...Array(tries).keys()]);
    await until(async () => (await queue.counts()).retrying === 0);
  });

  it('buries an item as a dead letter, goes on with the next, and replays it once', async () => {
    const { queue } = make();
    await queue.enqueue([item('n1'), item('n2')]);
    const seen: DeliveryItem[] = [];
    let broken = true;
    await consume(queue, seen, async (it) => {
      if (it.notification.id !== 'n1' || !broken) return 'done';
      const attempts = await queue.failed(it, '503');
      await queue.bury({ ...it, attempts, lastError: '503' }, '503', '2026-10-21T09:00:00.000Z');
      return null;
    });
    await until(() => keys(seen).includes('n2'));
    expect(await queue.counts()).toEqual({ dead: 1, retrying: 0 });
    expect(await queue.deadLetters()).toEqual([{ ...item('n1'), attempts: 1, lastError: '503', error: '503', failedAt: '2026-10-21T09:00:00.000Z' }]);
    broken = false;
    expect(await queue.replay(item('n1').key)).toBe(true);
    expect(await queue.replay(item('n1').key)).toBe(false);
    await until(() => keys(seen).length === 3);
    expect(keys(seen)).toEqual(['n1', 'n2', 'n1']);
    expect(seen[2]).toMatchObject({ attempts: 0 });
    expect(await queue.counts()).toEqual({ dead: 0, retrying: 0 });
    expect(await queue.deadLetters()).toEqual([]);
  });

  it('keeps what it did not finish when closed, and hands it out again on the next start', async () => {
    const { queue, again } = make();
    await queue.enqueue([item('n1'), item('n2')]);
    const first: DeliveryItem[] = [];
    // A platform that hangs on n1: the handler lets go of it when the process stops (as the outbox worker does).
    let letGo: () => void = () => {};
    const stopping = new Promise<DeliveryResult>((res) => (letGo = () => res({ retryInMs: 0 })));
    await consume(queue, first, () => stopping);
    await until(() => first.length === 1);
    letGo();
    await queue.close();
    started.splice(started.indexOf(queue), 1);
    const next = again();
    const seen: DeliveryItem[] = [];
    await consume(next, seen);
    await until(() => seen.length === 2);
    expect(keys(seen)).toEqual(['n1', 'n2']);
  });
});
