import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedisKv } from '../../src/infra/kv.js';
import { createLinkStore } from '../../src/infra/link-store.js';
import { createRedisCaseStore } from '../../src/infra/redis-case-store.js';
import { createRedisDeliveryQueue, partitionOf } from '../../src/infra/redis-delivery-queue.js';
import { fold } from '../../src/domain/decider.js';
import { notificationsFor } from '../../src/app/notifications.js';
import type { Notification } from '../../src/ports/notification.js';
import type { Platform } from '../../src/domain/types.js';
import { opened, play } from '../domain/support.js';
import { testRedis, type TestRedis } from '../support/redis.js';

/**
 * The hand-off script addresses a notification itself on a single Redis (DeliveryQueue.enqueueFromOutbox): it reads
 * the recipient's identities from the link store's index and must put each item in the very stream JavaScript would
 * (`partitionOf`), or a recipient's items would be split over two streams and could overtake each other.
 */
describe('the hand-off script addressing deliveries (single Redis)', () => {
  let r: TestRedis;
  beforeAll(async () => {
    r = await testRedis();
  });
  afterAll(() => r.cleanup());

  const PLATFORMS: Platform[] = ['telegram', 'discord', 'teams'];
  // User ids as platforms give them, and some no platform gives but a script must still hash like JavaScript.
  const USERS: Array<[Platform, string]> = [
    ['telegram', '7000001'],
    ['telegram', '5998877665'],
    ['discord', '1187304958213406720'],
    ['teams', '29:1AbC-dEfGhIjKlMnOpQrStUvWxYz_0123456789'],
    ['teams', '29:1été-ñandú'],
    ['teams', '29:Ωμέγα-данные-数据'],
    ['teams', '29:👍🏽-emoji'],
    ['web', 'w-42'],
  ];

  async function setUp(tag: string) {
    const prefix = `${r.prefix}${tag}:`;
    const store = createRedisCaseStore(r.redis, { prefix });
    const queue = createRedisDeliveryQueue(r.redis, prefix);
    const links = createLinkStore(createRedisKv(r.redis, prefix));
    const c = fold(opened());
    const notes = notificationsFor(c, opened());
    await store.append(c.id, 0, opened(), c, notes);
    return { prefix, store, queue, links, c, notes };
  }

  it('puts one item per identity on a delivered platform in the stream partitionOf names, and empties the outbox', async () => {
    const { prefix, store, queue, links, c, notes } = await setUp('parity');
    const seller = notes[0]!.to as { accountId: string };
    for (const [platform, userId] of USERS) {
      await links.put({ platform, userId, accountId: seller.accountId, address: `to-${userId}`, linkedAt: '2026-10-01T00:00:00.000Z' });
    }
    const entries = notes.map((n) => ({ fanOut: { notification: n, identities: links.identitiesLocation!(seller.accountId)!, platforms: PLATFORMS, enqueuedAt: '2026-10-21T08:00:00.000Z' } }));
    const moved = await queue.enqueueFromOutbox!(entries, store.outboxHead!(c.id, notes.map((n) => n.id))!);
    expect(moved).toEqual({ left: 0, unaddressed: [] });
    expect(await store.peekOutbox(c.id, 10)).toEqual([]);

    const found: string[] = [];
    for (const [platform, userId] of USERS.filter(([p]) => PLATFORMS.includes(p))) {
      const target = `${platform}|${userId}`;
      const stream = `${prefix}{dlv}:x:${platform}:${partitionOf(target, 8)}`;
      const entriesThere = (await r.redis.xrange(stream, '-', '+')).map(([, fields]) => JSON.parse(fields[1]!) as { key: string; target: string; address: object; notification: Notification });
      const mine = entriesThere.find((e) => e.target === target);
      expect(mine, `${target} in ${stream}`).toBeDefined();
      expect(mine).toMatchObject({ key: `${notes[0]!.id}@${target}`, address: { platform, userId }, notification: notes[0] });
      found.push(target);
    }
    // The web identity is left out: this process delivers no web notifications.
    expect(found).toHaveLength(7);
    const all = (await Promise.all(PLATFORMS.flatMap((p) => Array.from({ length: 8 }, (_, n) => r.redis.xlen(`${prefix}{dlv}:x:${p}:${n}`))))).reduce((a, b) => a + b, 0);
    expect(all).toBe(7);
  });

  it('names a notification whose recipient has no identity, and writes nothing when the outbox head moved', async () => {
    const { prefix, store, queue, links, c, notes } = await setUp('none');
    const seller = notes[0]!.to as { accountId: string };
    const entries = notes.map((n) => ({ fanOut: { notification: n, identities: links.identitiesLocation!(seller.accountId)!, platforms: PLATFORMS, enqueuedAt: '2026-10-21T08:00:00.000Z' } }));
    // Not the outbox's head: refused, nothing written.
    expect(await queue.enqueueFromOutbox!(entries, store.outboxHead!(c.id, ['C-000123-9-9'])!)).toBeNull();
    expect((await store.peekOutbox(c.id, 10)).map((n) => n.id)).toEqual(notes.map((n) => n.id));
    expect(await r.redis.keys(`${prefix}{dlv}:*`)).toEqual([]);
    // The head: moved, the recipient named as having nowhere to be reached.
    expect(await queue.enqueueFromOutbox!(entries, store.outboxHead!(c.id, notes.map((n) => n.id))!)).toEqual({ left: 0, unaddressed: notes.map((n) => n.id) });
  });

  describe('done by the append itself (AppendHandOff)', () => {
    /** A store whose appends hand off with `handOff`'s arguments, and what each append reported. */
    function handingOff(tag: string) {
      const prefix = `${r.prefix}${tag}:`;
      const queue = createRedisDeliveryQueue(r.redis, prefix);
      const links = createLinkStore(createRedisKv(r.redis, prefix));
      const settled: Array<[boolean, string[]]> = [];
      const store = createRedisCaseStore(r.redis, {
        prefix,
        handOff: (notes) => ({
          args: queue.handOffArgs!(notes.map((n) => ({ fanOut: { notification: n, identities: links.identitiesLocation!((n.to as { accountId: string }).accountId)!, platforms: PLATFORMS, enqueuedAt: '2026-10-21T08:00:00.000Z' } }))),
          settle: (moved, unaddressed) => settled.push([moved, unaddressed]),
        }),
      });
      const streamed = async () => {
        const all: Array<{ key: string; target: string }> = [];
        for (const p of PLATFORMS) for (let n = 0; n < 8; n += 1) all.push(...(await r.redis.xrange(`${prefix}{dlv}:x:${p}:${n}`, '-', '+')).map(([, f]) => JSON.parse(f[1]!) as { key: string; target: string }));
        return all;
      };
      return { prefix, queue, links, store, settled, streamed };
    }

    it("puts the notifications of an append into their recipients' streams and leaves the outbox empty, in the same step", async () => {
      const { prefix, links, store, settled, streamed } = handingOff('append');
      const log = opened();
      const c = fold(log);
      const notes = notificationsFor(c, log);
      const seller = notes[0]!.to as { accountId: string };
      await links.put({ platform: 'telegram', userId: '7000001', accountId: seller.accountId, address: 'to-7000001', linkedAt: '2026-10-01T00:00:00.000Z' });
      await store.append(c.id, 0, log, c, notes);
      expect(settled).toEqual([[true, []]]);
      expect(await store.peekOutbox(c.id, 10)).toEqual([]);
      expect(await store.casesWithOutbox()).toEqual([]);
      const target = 'telegram|7000001';
      expect(await r.redis.xlen(`${prefix}{dlv}:x:telegram:${partitionOf(target, 8)}`)).toBe(1);
      expect(await streamed()).toEqual([expect.objectContaining({ key: `${notes[0]!.id}@${target}`, target })]);
      expect((await store.load(c.id))?.version).toBe(log.length);
    });

    it("leaves an append's notifications in the outbox behind older ones, for the worker to move in order", async () => {
      const { store, settled, streamed } = handingOff('behind');
      const log = play(opened(), [[{ type: 'Comment', text: 'Des nouvelles ?' }, {}]]);
      const first = notificationsFor(fold(log.slice(0, 1)), log.slice(0, 1));
      // An outbox left by a process that died before its hand-off: written by a store that does not hand off.
      await createRedisCaseStore(r.redis, { prefix: `${r.prefix}behind:` }).append('C-000123', 0, log.slice(0, 1), fold(log.slice(0, 1)), first);
      const second = notificationsFor(fold(log), log.slice(1));
      await store.append('C-000123', 1, log.slice(1), fold(log), second);
      expect(settled).toEqual([[false, []]]);
      expect((await store.peekOutbox('C-000123', 10)).map((n) => n.id)).toEqual([...first, ...second].map((n) => n.id));
      expect(await store.casesWithOutbox()).toEqual(['C-000123']);
      expect(await streamed()).toEqual([]);
    });

    it('names a recipient with no identity, and writes nothing at all when the append is refused', async () => {
      const { store, settled, streamed } = handingOff('refused');
      const log = opened();
      const c = fold(log);
      const notes = notificationsFor(c, log);
      await store.append(c.id, 0, log, c, notes);
      expect(settled).toEqual([[true, notes.map((n) => n.id)]]);
      // A stale version: refused, nothing handed off, nothing reported.
      await expect(store.append(c.id, 0, log, c, notes)).rejects.toMatchObject({ code: 'VERSION_CONFLICT' });
      expect(settled).toHaveLength(1);
      expect(await streamed()).toEqual([]);
    });
  });
});
