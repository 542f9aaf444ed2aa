import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Case, CaseEvent } from '../../src/domain/case-model.js';
import { evolve } from '../../src/domain/decider.js';
import type { Actor } from '../../src/domain/types.js';
import { encodeEntry } from '../../src/infra/case-codec.js';
import { createRedisCaseStore, type RedisCaseStore } from '../../src/infra/redis-case-store.js';
import { createRedisKv } from '../../src/infra/kv.js';
import { createRedisThreadRegistry } from '../../src/infra/redis-thread-registry.js';
import { orderSubject, type SubjectLocation } from '../../src/ports/threads.js';
import { testRedis, type TestRedis } from '../support/redis.js';

let r: TestRedis;
beforeAll(async () => {
  r = await testRedis();
});
afterAll(() => r.cleanup());

const amina: Actor = { accountId: 'acc-amina', role: 'buyer', platform: 'telegram' };
const bisou: Actor = { accountId: 'acc-bisou', role: 'seller', platform: 'discord' };
const T0 = Date.parse('2026-10-21T09:00:00.000Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();

async function openCase(store: RedisCaseStore, id: string, orderId = `CC-${id}`): Promise<Case> {
  const opened: CaseEvent = {
    type: 'opened', at: at(0), actor: amina, caseId: id, orderId, buyerId: 'acc-amina', shopId: 'shop-bisou',
    sellerId: 'acc-bisou', reason: 'non_delivery', description: 'Toujours rien reçu à Kinshasa.',
    orderTotal: { amount: 5_000_000, currency: 'CDF' }, escalatableAt: at(3 * 1440), lateAt: at(365 * 1440),
    shippingAddress: { name: 'Amina K.', line1: '12 av. de la Paix', city: 'Kinshasa', postalCode: '', country: 'CD' },
  };
  const c = evolve(null, opened);
  await store.append(id, 0, [opened], c, []);
  return c;
}

async function comment(store: RedisCaseStore, c: Case, text: string, actor = bisou): Promise<Case> {
  const e: CaseEvent = { type: 'comment', at: at(c.version), actor, text } as CaseEvent;
  const next = evolve(c, e);
  await store.append(c.id, c.version, [e], next, []);
  return next;
}

const texts = (c: Case | null) => (c?.timeline ?? []).flatMap((e) => ('text' in e ? [e.text] : []));

describe('Redis case store: timelines kept in the process', () => {
  it('sees what another process appended after this one loaded the case', async () => {
    const prefix = `${r.prefix}procs:`;
    const a = createRedisCaseStore(r.redis, { prefix });
    const b = createRedisCaseStore(r.connect(), { prefix });
    let c = await openCase(a, 'C-000001');
    c = await comment(a, c, 'Je regarde.');
    expect(texts(await a.load(c.id))).toEqual(['Je regarde.']);
    const fromB = await b.load(c.id);
    c = await comment(b, fromB!, 'Colis parti hier.');
    c = await comment(b, c, 'Numéro de suivi à venir.', amina);
    const seen = await a.load(c.id);
    expect(seen).toEqual(c);
    expect(texts(seen)).toEqual(['Je regarde.', 'Colis parti hier.', 'Numéro de suivi à venir.']);
  });

  it('decodes each stored entry once: later loads read only the new entries', async () => {
    const prefix = `${r.prefix}once:`;
    const store = createRedisCaseStore(r.redis, { prefix });
    let c = await openCase(store, 'C-000002');
    c = await comment(store, c, 'Premier message.');
    await store.load(c.id);
    // Rewriting an entry already held shows which entries a load reads again (none); timelines are append-only.
    const rewritten = { ...c.timeline[1]!, text: 'réécrit' };
    await r.redis.lset(`${prefix}case:{${c.id}}:events`, 1, encodeEntry(rewritten));
    c = await comment(store, c, 'Deuxième message.', amina);
    expect(texts(await store.load(c.id))).toEqual(['Premier message.', 'Deuxième message.']);
    // Without the cache the store reads what Redis holds.
    const cold = createRedisCaseStore(r.redis, { prefix, timelineCache: 0 });
    expect(texts(await cold.load(c.id))).toEqual(['réécrit', 'Deuxième message.']);
  });

  it('reads the stored snapshot again once its bytes are not those this process wrote', async () => {
    const prefix = `${r.prefix}snapshot:`;
    const store = createRedisCaseStore(r.redis, { prefix });
    let c = await openCase(store, 'C-000005');
    c = await comment(store, c, 'Je regarde.');
    expect(await store.load(c.id)).toEqual(c);
    // Another writer's snapshot for the same version (plain JSON, as earlier versions stored it), then deflated again.
    const key = `${prefix}case:{${c.id}}`;
    const { timeline: _timeline, ...snapshot } = c;
    await r.redis.set(key, JSON.stringify({ ...snapshot, sellerActedAt: at(42) }));
    expect((await store.load(c.id))?.sellerActedAt).toBe(at(42));
    await r.redis.set(key, encodeEntry(snapshot));
    expect(await store.load(c.id)).toEqual(c);
  });

  it('drops what it holds when the case keys were deleted and the id reused', async () => {
    const prefix = `${r.prefix}reused:`;
    const store = createRedisCaseStore(r.redis, { prefix });
    let c = await openCase(store, 'C-000003', 'CC-first');
    c = await comment(store, c, 'Ancien dossier.');
    c = await comment(store, c, 'Toujours l’ancien.');
    expect(await store.load(c.id)).toEqual(c);
    const other = createRedisCaseStore(r.connect(), { prefix });
    await r.redis.del(`${prefix}case:{${c.id}}`, `${prefix}case:{${c.id}}:events`);
    expect(await store.load(c.id)).toBeNull();

    // Shorter, then as long as what was held: neither may be served from the old timeline.
    let again = await openCase(other, 'C-000003', 'CC-second');
    expect(await store.load(c.id)).toEqual(again);
    await store.load(c.id);
    await r.redis.del(`${prefix}case:{${c.id}}`, `${prefix}case:{${c.id}}:events`);
    again = await openCase(other, 'C-000003', 'CC-third');
    again = await comment(other, again, 'Nouveau 1.');
    again = await comment(other, again, 'Nouveau 2.');
    const loaded = await store.load(c.id);
    expect(loaded?.orderId).toBe('CC-third');
    expect(loaded).toEqual(again);
  });

  it('gives each caller its own timeline array, with entries that cannot be changed', async () => {
    const store = createRedisCaseStore(r.redis, { prefix: `${r.prefix}copies:` });
    let c = await openCase(store, 'C-000004');
    c = await comment(store, c, 'Bonjour.');
    const first = await store.load(c.id);
    first!.timeline.push({ type: 'note', at: at(9), actor: bisou, text: 'ajout local' } as CaseEvent);
    expect(() => {
      (first!.timeline[1] as { text: string }).text = 'modifié';
    }).toThrow(TypeError);
    const second = await store.load(c.id);
    expect(second).toEqual(c);
    expect(second!.timeline).not.toBe(first!.timeline);
  });

  it('keeps at most the configured number of timelines and still loads the others from Redis', async () => {
    const prefix = `${r.prefix}bounded:`;
    const store = createRedisCaseStore(r.redis, { prefix, timelineCache: 2 });
    const cases = [];
    for (let i = 1; i <= 4; i++) cases.push(await comment(store, await openCase(store, `C-00010${i}`), `Message ${i}.`));
    for (const c of cases) expect(await store.load(c.id)).toEqual(c);
    for (const c of cases.reverse()) expect(await store.load(c.id)).toEqual(c);
  });
});

describe('Redis case store: the case a thread entry names, read with the entry (loadAt)', () => {
  /** A registry and a store on one prefix; `at(m)`: where the registry keeps message m of chat 900. */
  function setup(name: string, opts: { generation?: number; timelineCache?: number } = {}) {
    const prefix = `${r.prefix}${name}:`;
    const threads = createRedisThreadRegistry(r.redis, prefix, createRedisKv(r.redis, prefix), { generation: opts.generation ?? 1000, cache: 0 });
    const store = createRedisCaseStore(r.redis, { prefix, reads: r.connect({ enableAutoPipelining: true }), timelineCache: opts.timelineCache ?? 5000 });
    const at = (messageId: string): SubjectLocation => {
      const entry = threads.messageEntry!('telegram', '900', messageId);
      if (!('at' in entry)) throw new Error('the registry answered without a read');
      return entry.at;
    };
    return { prefix, threads, store, at };
  }

  it('gives the subject and the case as load gives it, with what other processes appended since this one held it', async () => {
    const { threads, store, at, prefix } = setup('at-same');
    let c = await openCase(store, 'C-000101');
    c = await comment(store, c, 'Je regarde.');
    await threads.rememberMessage('telegram', '900', '1', c.id);
    const cold = await createRedisCaseStore(r.redis, { prefix, timelineCache: 0 }).load(c.id);
    expect(await store.loadAt!(at('1'))).toEqual({ subject: c.id, case: cold });
    const other = createRedisCaseStore(r.connect(), { prefix });
    c = await comment(other, (await other.load(c.id))!, 'Colis parti hier.');
    const got = await store.loadAt!(at('1'));
    expect(got.case).toEqual(c);
    expect(texts(got.case)).toEqual(['Je regarde.', 'Colis parti hier.']);
    expect(await store.load(c.id)).toEqual(c);
  });

  it('finds the entry in the previous generation of a busy conversation', async () => {
    const { threads, store, at } = setup('at-prev', { generation: 2 });
    const c = await openCase(store, 'C-000102');
    await threads.rememberMessage('telegram', '900', '1', c.id);
    for (const m of ['2', '3']) await threads.rememberMessage('telegram', '900', m, 'C-000999');
    expect((await store.loadAt!(at('1'))).case).toEqual(c);
  });

  it('gives no case for an order subject, a case that does not exist or was deleted, and nothing for no entry', async () => {
    const { threads, store, at, prefix } = setup('at-none');
    await threads.rememberMessage('telegram', '900', '1', orderSubject('CC-1002'));
    await threads.rememberMessage('telegram', '900', '2', 'C-000404');
    await threads.rememberMessage('telegram', '900', '3', 'not a case id {x}');
    expect(await store.loadAt!(at('1'))).toEqual({ subject: 'order:CC-1002', case: null });
    expect(await store.loadAt!(at('2'))).toEqual({ subject: 'C-000404', case: null });
    expect(await store.loadAt!(at('3'))).toEqual({ subject: 'not a case id {x}', case: null });
    expect(await store.loadAt!(at('4'))).toEqual({ subject: null, case: null });
    const c = await openCase(store, 'C-000103');
    await threads.rememberMessage('telegram', '900', '5', c.id);
    expect((await store.loadAt!(at('5'))).case).toEqual(c);
    await r.redis.del(`${prefix}case:{${c.id}}`, `${prefix}case:{${c.id}}:events`);
    expect(await store.loadAt!(at('5'))).toEqual({ subject: c.id, case: null });
    expect(await store.load(c.id)).toBeNull();
  });

  it('gives the case stored now when the one it held under that id was deleted and the id reused', async () => {
    const { threads, store, at, prefix } = setup('at-reused');
    let c = await openCase(store, 'C-000104', 'CC-first');
    c = await comment(store, c, 'Ancien dossier.');
    c = await comment(store, c, 'Toujours l’ancien.');
    await threads.rememberMessage('telegram', '900', '1', c.id);
    expect((await store.loadAt!(at('1'))).case).toEqual(c);
    await r.redis.del(`${prefix}case:{${c.id}}`, `${prefix}case:{${c.id}}:events`);
    const other = createRedisCaseStore(r.connect(), { prefix });
    let fresh = await openCase(other, 'C-000104', 'CC-second');
    fresh = await comment(other, fresh, 'Nouveau.');
    fresh = await comment(other, fresh, 'Nouveau encore.');
    fresh = await comment(other, fresh, 'Et encore.');
    const got = await store.loadAt!(at('1'));
    expect(got.case).toEqual(fresh);
    expect(await store.load(c.id)).toEqual(fresh);
  });
});
