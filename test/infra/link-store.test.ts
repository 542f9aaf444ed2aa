import { Cluster } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedisCaseStore } from '../../src/infra/redis-case-store.js';
import { createRedisThreadRegistry } from '../../src/infra/redis-thread-registry.js';
import { createMemoryKv, createRedisKv } from '../../src/infra/kv.js';
import { createLinkStore } from '../../src/infra/link-store.js';
import type { KeyValue } from '../../src/ports/kv.js';
import type { Link } from '../../src/ports/links.js';
import { testRedis, type TestRedis } from '../support/redis.js';

const link = (over: Partial<Link>): Link => ({
  platform: 'telegram',
  userId: '1001',
  accountId: 'acc-amina',
  address: '1001',
  linkedAt: '2026-10-21T08:00:00.000Z',
  ...over,
});

function suite(name: string, setup: () => Promise<{ kv: () => KeyValue; cleanup?: () => Promise<void> }>) {
  describe(`LinkStore on ${name}`, () => {
    let h: Awaited<ReturnType<typeof setup>>;
    let acc = 0;
    const account = () => `acc-${name}-${++acc}`;
    beforeAll(async () => {
      h = await setup();
    });
    afterAll(async () => h.cleanup?.());

    it('finds a linked identity and nothing for an unlinked one', async () => {
      const store = createLinkStore(h.kv());
      const a = account();
      await store.put(link({ accountId: a, userId: `${a}-tg` }));
      expect(await store.get('telegram', `${a}-tg`)).toMatchObject({ accountId: a, address: '1001' });
      expect(await store.get('discord', `${a}-tg`)).toBeNull();
      expect(await store.get('telegram', 'nobody')).toBeNull();
    });

    it('lists every platform an account linked, Teams ids with colons included', async () => {
      const store = createLinkStore(h.kv());
      const a = account();
      await store.put(link({ accountId: a, userId: `${a}-tg` }));
      await store.put(link({ accountId: a, platform: 'discord', userId: `${a}-dc`, address: 'dm-1' }));
      await store.put(link({ accountId: a, platform: 'teams', userId: `29:1${a}`, address: 'conv:a:b' }));
      await store.put(link({ accountId: a, userId: `${a}-tg`, address: 'updated' }));
      const links = await store.forAccount(a);
      expect(links.map((l) => `${l.platform}/${l.userId}/${l.address}`).sort()).toEqual(
        [`discord/${a}-dc/dm-1`, `teams/29:1${a}/conv:a:b`, `telegram/${a}-tg/updated`].sort(),
      );
      expect(await store.forAccount(account())).toEqual([]);
      // The identities alone (what a hand-off needs to address deliveries), from the index in one read.
      expect((await store.identitiesOf(a)).map((i) => `${i.platform}/${i.userId}`).sort()).toEqual([`discord/${a}-dc`, `teams/29:1${a}`, `telegram/${a}-tg`].sort());
      expect(await store.identitiesOf(account())).toEqual([]);
    });

    it('moves an identity relinked to another account', async () => {
      const store = createLinkStore(h.kv());
      const [a, b] = [account(), account()];
      await store.put(link({ accountId: a, userId: `${a}-shared` }));
      await store.put(link({ accountId: b, userId: `${a}-shared` }));
      expect(await store.forAccount(a)).toEqual([]);
      expect((await store.forAccount(b)).map((l) => l.userId)).toEqual([`${a}-shared`]);
      expect(await store.identitiesOf(a)).toEqual([]);
      expect(await store.identitiesOf(b)).toEqual([{ platform: 'telegram', userId: `${a}-shared` }]);
    });

    it('keeps every link when an account links several platforms at the same moment from two processes', async () => {
      const [one, two] = [createLinkStore(h.kv()), createLinkStore(h.kv())];
      const a = account();
      await Promise.all(
        Array.from({ length: 8 }, (_, i) => (i % 2 ? one : two).put(link({ accountId: a, userId: `${a}-${i}` }))),
      );
      expect((await one.forAccount(a)).map((l) => l.userId).sort()).toEqual(Array.from({ length: 8 }, (_, i) => `${a}-${i}`).sort());
    });

    it('records and clears that a platform refuses delivery', async () => {
      const store = createLinkStore(h.kv());
      const a = account();
      await store.put(link({ accountId: a, userId: `${a}-b` }));
      await store.setBlocked('telegram', `${a}-b`, '2026-10-22T10:00:00.000Z');
      expect((await store.forAccount(a))[0]?.blockedAt).toBe('2026-10-22T10:00:00.000Z');
      await store.setBlocked('telegram', `${a}-b`, null);
      expect((await store.get('telegram', `${a}-b`))?.blockedAt).toBeNull();
      await store.setBlocked('telegram', 'never-linked', '2026-10-22T10:00:00.000Z');
      expect(await store.get('telegram', 'never-linked')).toBeNull();
    });

    it('remembers the language an account chose', async () => {
      const store = createLinkStore(h.kv());
      const a = account();
      expect(await store.getLocale(a)).toBeNull();
      await store.setLocale(a, 'en');
      expect(await createLinkStore(h.kv()).getLocale(a)).toBe('en');
    });
  });
}

suite('memory', async () => {
  const kv = createMemoryKv();
  return { kv: () => kv };
});

let r: TestRedis;
suite('redis', async () => {
  r = await testRedis();
  return { kv: () => createRedisKv(r.connect(), r.prefix), cleanup: () => r.cleanup() };
});

describe('LinkStore on a single Redis: the link and its account’s language in one read', () => {
  let rr: TestRedis;
  beforeAll(async () => {
    rr = await testRedis();
  });
  afterAll(() => rr.cleanup());

  it('gives the language of the account the link names now, relinked or not', async () => {
    const store = createLinkStore(createRedisKv(rr.connect(), rr.prefix));
    expect(createLinkStore(createMemoryKv()).getWithLocale).toBeUndefined();
    await store.setLocale('acc-one', 'sw');
    await store.setLocale('acc-two', 'en');
    expect(await store.getWithLocale!('telegram', 'u1')).toEqual({ link: null, locale: null });
    await store.put(link({ accountId: 'acc-one', userId: 'u1' }));
    expect(await store.getWithLocale!('telegram', 'u1')).toEqual({ link: await store.get('telegram', 'u1'), locale: 'sw' });
    await store.put(link({ accountId: 'acc-two', userId: 'u1' }));
    expect(await store.getWithLocale!('telegram', 'u1')).toEqual({ link: expect.objectContaining({ accountId: 'acc-two' }), locale: 'en' });
    await store.put(link({ accountId: 'acc-three', userId: 'u1' }));
    expect(await store.getWithLocale!('telegram', 'u1')).toEqual({ link: expect.objectContaining({ accountId: 'acc-three' }), locale: null });
    await store.setLocale('acc-three', 'ln');
    expect((await store.getWithLocale!('telegram', 'u1')).locale).toBe('ln');
  });

  it('is not offered on a Cluster (nor are the reply entry and its case in one step): there each read stays in its own', async () => {
    const cluster = new Cluster([{ host: '127.0.0.1', port: 1 }], { lazyConnect: true });
    try {
      const kv = createRedisKv(cluster, 'c:', cluster);
      expect(kv.getFollowing).toBeUndefined();
      expect(createLinkStore(kv).getWithLocale).toBeUndefined();
      expect(createRedisThreadRegistry(cluster, 'c:', kv, { reads: cluster }).messageEntry).toBeUndefined();
      expect(createRedisCaseStore(cluster, { prefix: 'c:', reads: cluster }).loadAt).toBeUndefined();
      // The same on a single Redis, for contrast.
      const single = createRedisKv(rr.redis, rr.prefix);
      expect(createLinkStore(single).getWithLocale).toBeTypeOf('function');
      expect(createRedisThreadRegistry(rr.redis, rr.prefix, single).messageEntry).toBeTypeOf('function');
      expect(createRedisCaseStore(rr.redis, { prefix: rr.prefix }).loadAt).toBeTypeOf('function');
    } finally {
      cluster.disconnect();
    }
  });

  it('reads the language of an account whose id the store writes escaped (a leading colon) as getLocale does', async () => {
    const store = createLinkStore(createRedisKv(rr.connect(), rr.prefix));
    await store.setLocale(':acc-colon', 'en');
    await store.setLocale('::acc-colon', 'sw');
    await store.put(link({ accountId: ':acc-colon', userId: 'u-colon' }));
    expect(await store.getWithLocale!('telegram', 'u-colon')).toEqual({ link: expect.objectContaining({ accountId: ':acc-colon' }), locale: 'en' });
  });
});
