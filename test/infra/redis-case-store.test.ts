import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Case, CaseEvent } from '../../src/domain/case-model.js';
import { evolve } from '../../src/domain/decider.js';
import type { Actor } from '../../src/domain/types.js';
import { encodeEntry } from '../../src/infra/case-codec.js';
import { createRedisCaseStore, type RedisCaseStore } from '../../src/infra/redis-case-store.js';
import { createRedisDedup, redisDedupLocation } from '../../src/infra/dedup.js';
import type { Redis } from 'ioredis';
import type { Notification } from '../../src/ports/notification.js';
import { caseStoreContract } from '../ports/case-store.contract.js';
import { testRedis, type TestRedis } from '../support/redis.js';

let r: TestRedis;
let n = 0;
beforeAll(async () => {
  r = await testRedis();
});
afterAll(() => r.cleanup());

caseStoreContract('redis', () => createRedisCaseStore(r.redis, { prefix: `${r.prefix}${++n}:` }));
// What composePalabre builds: loads on an auto-pipelined read connection (one read script), appends on the main one.
let reads: Redis | null = null;
caseStoreContract('redis, loads on an auto-pipelined read connection', () =>
  createRedisCaseStore(r.redis, { prefix: `${r.prefix}${++n}:`, reads: (reads ??= r.connect({ enableAutoPipelining: true })), dedupMarks: redisDedupLocation(`${r.prefix}${n}:`) }),
);

const amina: Actor = { accountId: 'acc-amina', role: 'buyer', platform: 'telegram' };
const bisou: Actor = { accountId: 'acc-bisou', role: 'seller', platform: 'discord' };
const T0 = Date.parse('2026-10-21T09:00:00.000Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();

async function openCase(store: RedisCaseStore, notifications = 0): Promise<Case> {
  const id = await store.nextCaseId();
  const opened: CaseEvent = {
    type: 'opened', at: at(0), actor: amina, caseId: id, orderId: `CC-${id}`, buyerId: 'acc-amina', shopId: 'shop-bisou',
    sellerId: 'acc-bisou', reason: 'non_delivery', description: 'Commande payée le 1er octobre, toujours rien reçu à Kinshasa.',
    orderTotal: { amount: 5_000_000, currency: 'CDF' }, escalatableAt: at(3 * 1440), lateAt: at(365 * 1440),
    shippingAddress: { name: 'Amina K.', line1: '12 av. de la Paix', city: 'Kinshasa', postalCode: '', country: 'CD' },
  };
  const c = evolve(null, opened);
  const outbox: Notification[] = Array.from({ length: notifications }, (_, i) => ({
    id: `${id}-1-${i + 1}`, to: { accountId: 'acc-bisou' }, caseId: id, body: [{ id: 'notify-case-opened', args: { caseId: id } }], createdAt: at(0),
  }));
  await store.append(id, 0, [opened], c, outbox);
  return c;
}

async function add(store: RedisCaseStore, c: Case, events: CaseEvent[]): Promise<Case> {
  const next = events.reduce<Case>((s, e) => evolve(s, e), c);
  await store.append(c.id, c.version, events, next, []);
  return next;
}

describe('Redis case store specifics', () => {
  it("confirms an inbound event's once-only mark with the append that stores its change, and only then", async () => {
    const prefix = `${r.prefix}mark:`;
    const store = createRedisCaseStore(r.redis, { prefix, dedupMarks: redisDedupLocation(prefix) });
    const dedup = createRedisDedup(r.redis, prefix);
    const c = await openCase(store);
    expect(await dedup.claim('telegram:update:1:1', 'handler-1', 60_000)).toBe('claimed');
    expect(await dedup.claim('telegram:update:1:2', 'handler-2', 60_000)).toBe('claimed');
    const comment: CaseEvent = { type: 'comment', at: at(5), actor: amina, text: 'Toujours rien.' };
    const next = evolve(c, comment);
    // A refused append (wrong version) writes no mark: the handler still holds its claim.
    const refused = { key: 'telegram:update:1:2', done: false };
    await expect(store.append(c.id, c.version + 1, [comment], evolve(evolve(c, comment), { ...comment, at: at(6) }), [], { inboundKey: 'telegram:update:1:2#0', markInbound: refused })).rejects.toMatchObject({ code: 'VERSION_CONFLICT' });
    expect(refused.done).toBe(false);
    expect(await dedup.claim('telegram:update:1:2', 'another-handler', 60_000)).toBe('held');
    // A stored one confirms it in the same step: a redelivery is known as handled.
    const stored = { key: 'telegram:update:1:1', done: false };
    await store.append(c.id, c.version, [comment], next, [], { inboundKey: 'telegram:update:1:1#0', markInbound: stored });
    expect(stored.done).toBe(true);
    expect(await dedup.claim('telegram:update:1:1', 'another-handler', 60_000)).toBe('done');
    expect((await store.load(c.id))?.timeline).toHaveLength(2);
  });

  it('keeps one case in one Cluster hash slot and the indexes in another', async () => {
    const prefix = `${r.prefix}layout:`;
    const store = createRedisCaseStore(r.redis, { prefix });
    const c = await openCase(store, 1);
    const keys = (await r.redis.keys(`${prefix}*`)).sort();
    const caseKeys = keys.filter((k) => k.includes(`{${c.id}}`));
    expect(caseKeys).toEqual([`${prefix}case:{${c.id}}`, `${prefix}case:{${c.id}}:events`, `${prefix}case:{${c.id}}:outbox`]);
    expect(keys.filter((k) => !caseKeys.includes(k)).every((k) => k.startsWith(`${prefix}{idx}:`) || k.includes('seq:case'))).toBe(true);
  });

  it('refuses a prefix that would break hash tags', () => {
    expect(() => createRedisCaseStore(r.redis, { prefix: 'bad{prefix}:' })).toThrow(/prefix/);
  });

  it('sees on one connection what another wrote', async () => {
    const prefix = `${r.prefix}two:`;
    const a = createRedisCaseStore(r.redis, { prefix });
    const b = createRedisCaseStore(r.connect(), { prefix });
    const c = await openCase(a);
    expect(await b.load(c.id)).toEqual(c);
    expect((await b.list({ buyerId: 'acc-amina' })).map((x) => x.id)).toEqual([c.id]);
  });

  it('repairs the indexes after a crash between the append and its index update', async () => {
    const prefix = `${r.prefix}crash:`;
    const store = createRedisCaseStore(r.redis, { prefix });
    const c = await openCase(store, 2);
    // What a crash right after the append script leaves: no index entries, the dirty mark still set.
    const indexKeys = (await r.redis.keys(`${prefix}{idx}:*`)).filter((k) => !k.endsWith(':dirty'));
    await r.redis.del(...indexKeys);
    await r.redis.sadd(`${prefix}{idx}:dirty`, `${c.id}#1#deadbeef`);
    expect(await store.list({ buyerId: 'acc-amina' })).toEqual([]);

    expect(await store.casesWithOutbox()).toEqual([c.id]);
    expect((await store.list({ buyerId: 'acc-amina', status: 'open' })).map((x) => x.id)).toEqual([c.id]);
    expect(await r.redis.scard(`${prefix}{idx}:dirty`)).toBe(0);
  });

  it('does not let a late index update of an older version undo a newer one', async () => {
    const prefix = `${r.prefix}order:`;
    const store = createRedisCaseStore(r.redis, { prefix });
    let c = await openCase(store);
    c = await add(store, c, [{ type: 'closed', at: at(10), actor: amina, resolution: 'buyer_closed' }]);
    // A stale mark for version 1 (status open) is swept after version 2 (closed) was indexed.
    await r.redis.sadd(`${prefix}{idx}:dirty`, `${c.id}#1#0badf00d`);
    await store.repairIndexes();
    expect((await store.list({ status: 'closed' })).map((x) => x.id)).toEqual([c.id]);
    expect(await store.list({ status: 'open' })).toEqual([]);
  });

  it('reads a case whose snapshot an earlier version stored whole (description, address…), and lists it', async () => {
    const prefix = `${r.prefix}oldsnap:`;
    const store = createRedisCaseStore(r.redis, { prefix });
    let c = await openCase(store);
    c = await add(store, c, [{ type: 'comment', at: at(60), actor: bisou, text: 'Je vérifie.' }]);
    // The earlier version kept the whole case but its timeline in the snapshot.
    const { timeline: _t, ...whole } = c;
    await r.redis.set(`${prefix}case:{${c.id}}`, encodeEntry(whole));
    const cold = createRedisCaseStore(r.redis, { prefix, timelineCache: 0 });
    expect(await cold.load(c.id)).toEqual(c);
    expect(await cold.list({ status: 'open' })).toEqual([c]);
    // Written again by this version, it reads the same.
    c = await add(cold, c, [{ type: 'comment', at: at(120), actor: amina, text: 'Merci.' }]);
    expect(await createRedisCaseStore(r.redis, { prefix, timelineCache: 0 }).load(c.id)).toEqual(c);
    const loaded = (await store.load(c.id))!;
    expect(loaded.description).toBe('Commande payée le 1er octobre, toujours rien reçu à Kinshasa.');
    // Fields in the same order as the case's (what a JSON view shows), and the caller's own to change.
    expect(Object.keys(loaded)).toEqual(Object.keys(c));
    loaded.shippingAddress!.city = 'Goma';
    loaded.orderTotal.amount = 1;
    expect(await store.load(c.id)).toEqual(c);
  });

  it('finds the cases of an order an earlier version indexed (a sorted set per order), with those indexed now', async () => {
    const prefix = `${r.prefix}oldorder:`;
    const store = createRedisCaseStore(r.redis, { prefix });
    const a = await openCase(store);
    const b = await openCase(store);
    // The earlier version's index of a's order; b's order index as this version writes it moved under a's order.
    const bucketOf = async (orderId: string) => {
      for (const k of await r.redis.keys(`${prefix}{idx}:orders:*`)) if (await r.redis.hexists(k, orderId)) return k;
      throw new Error(`no bucket holds ${orderId}`);
    };
    await r.redis.hdel(await bucketOf(a.orderId), a.orderId);
    await r.redis.zadd(`${prefix}{idx}:order:${a.orderId}`, Date.parse(a.openedAt), a.id);
    expect((await store.list({ orderId: a.orderId })).map((c) => c.id)).toEqual([a.id]);
    expect((await store.list({ orderId: b.orderId })).map((c) => c.id)).toEqual([b.id]);
    expect(await store.list({ orderId: 'CC-none' })).toEqual([]);
  });

  it('keeps an open case with a realistic timeline small (printed, not asserted)', async () => {
    const prefix = `${r.prefix}mem:`;
    const store = createRedisCaseStore(r.redis, { prefix });
    let c = await openCase(store, 2);
    const texts = [
      'Bonjour, le colis devait arriver le 20 octobre et je n’ai toujours rien reçu.',
      'Bonjour Amina, je vérifie avec le transporteur et je reviens vers vous.',
      'Merci, j’attends votre retour.',
      'Le transporteur indique un retard à Kinshasa, livraison prévue sous 3 jours.',
      'Toujours rien aujourd’hui.',
      'Je relance le transporteur ce matin.',
    ];
    for (const [i, text] of texts.entries()) {
      c = await add(store, c, [{ type: 'comment', at: at(60 * (i + 1)), actor: i % 2 ? bisou : amina, text }]);
    }
    c = await add(store, c, [{ type: 'evidence', at: at(500), actor: amina, kind: 'photo', blob: { id: 'b-7f3a9c2e', contentType: 'image/jpeg', size: 184_233 } }]);
    c = await add(store, c, [{ type: 'tracking', at: at(600), actor: bisou, carrier: 'dhl', number: 'JD0150', delivered: false, deliveredTo: null, mismatch: false }]);
    c = await add(store, c, [{ type: 'reminder', at: at(1440), actor: { accountId: 'system', role: 'system', platform: 'system' }, nudge: 'seller_reminder', to: 'seller', nudgeId: `nudge-${c.id}-seller_reminder-1` }]);
    await store.ackOutbox(c.id, (await store.peekOutbox(c.id, 2)).map((n) => n.id));
    const keys = await r.redis.keys(`${prefix}case:{${c.id}}*`);
    const bytes = await Promise.all(keys.map(async (k) => [k.slice(prefix.length), await r.redis.memory('USAGE', k)] as const));
    const total = bytes.reduce((s, [, b]) => s + Number(b ?? 0), 0);
    console.log(`Redis memory for one open case with ${c.version} events: ${total} bytes`, Object.fromEntries(bytes));
    expect((await store.load(c.id))?.version).toBe(10);
  });
});
