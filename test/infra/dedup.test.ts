import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDedup, createMemoryDedup, createRedisDedup } from '../../src/infra/dedup.js';
import { createMemoryKv, createRedisKv } from '../../src/infra/kv.js';
import { describeDedup } from '../ports/kv.contract.js';
import { testRedis, type TestRedis } from '../support/redis.js';

describeDedup('memory', async () => {
  const d = createMemoryDedup();
  return { dedup: () => d };
});

describeDedup('memory KeyValue', async () => {
  const kv = createMemoryKv();
  return { dedup: () => createDedup(kv) };
});

describeDedup('redis hashes, one connection per process', async () => {
  const r = await testRedis();
  return { dedup: () => createDedup(r.connect(), r.prefix), cleanup: () => r.cleanup() };
});

describeDedup('redis hashes, every marker in one hash', async () => {
  const r = await testRedis();
  return { dedup: () => createRedisDedup(r.connect(), r.prefix, { shards: 1 }), cleanup: () => r.cleanup() };
});

describeDedup('redis KeyValue', async () => {
  const r = await testRedis();
  return { dedup: () => createDedup(createRedisKv(r.connect(), r.prefix)), cleanup: () => r.cleanup() };
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('Redis dedup layout and expiry', () => {
  let r: TestRedis;
  beforeAll(async () => {
    r = await testRedis();
  });
  afterAll(() => r.cleanup());

  /** The keys this test file wrote, with their field counts and TTLs. */
  async function buckets(prefix: string) {
    const keys = await r.redis.keys(`${prefix}*`);
    return Promise.all(keys.map(async (k) => ({ key: k, fields: await r.redis.hlen(k), pttl: await r.redis.pttl(k) })));
  }

  it('keeps markers as fields of a few hashes under <prefix>dedup:h:, with the longest TTL on the hash', async () => {
    const prefix = `${r.prefix}layout:`;
    const d = createRedisDedup(r.redis, prefix, { shards: 4 });
    for (let i = 0; i < 40; i++) expect(await d.first(`tg:update:${i}`, 30_000)).toBe(true);
    await d.confirm('tg:update:0', 26 * 3600_000);
    const found = await buckets(prefix);
    expect(found.length).toBeLessThanOrEqual(4);
    expect(found.every((b) => b.key.startsWith(`${prefix}dedup:h:`))).toBe(true);
    expect(found.reduce((n, b) => n + b.fields, 0)).toBe(40);
    expect(Math.max(...found.map((b) => b.pttl))).toBeGreaterThan(25 * 3600_000);
    expect(Math.min(...found.map((b) => b.pttl))).toBeGreaterThan(0);
  });

  it('treats a claim that was never confirmed as absent once its TTL has passed, for every process', async () => {
    const [a, b] = [createRedisDedup(r.connect(), r.prefix), createRedisDedup(r.connect(), r.prefix)];
    expect(await a.first('tg:update:claim-expires', 300)).toBe(true);
    expect(await b.first('tg:update:claim-expires', 60_000)).toBe(false);
    await sleep(400);
    expect(await b.first('tg:update:claim-expires', 60_000)).toBe(true);
    expect(await a.first('tg:update:claim-expires', 60_000)).toBe(false);
  });

  it('keeps a confirmed key for its whole TTL, past the claim, then forgets it', async () => {
    const d = createRedisDedup(r.redis, r.prefix);
    expect(await d.first('tg:update:confirmed', 40)).toBe(true);
    await d.confirm('tg:update:confirmed', 1000);
    await sleep(200);
    expect(await d.first('tg:update:confirmed', 60_000)).toBe(false);
    await sleep(1000);
    expect(await d.first('tg:update:confirmed', 60)).toBe(true);
  });

  it('deletes expired markers as new ones are written, so a busy hash does not keep them', async () => {
    const prefix = `${r.prefix}prune:`;
    const d = createRedisDedup(r.redis, prefix, { shards: 1 });
    for (let i = 0; i < 50; i++) await d.first(`old:${i}`, 30);
    await sleep(80);
    for (let i = 0; i < 50; i++) await d.first(`new:${i}`, 60_000);
    const [bucket] = await buckets(prefix);
    // Four random fields checked per write: nearly every one of the 50 dead markers is gone.
    expect(bucket!.fields).toBeLessThan(65);
    expect(bucket!.fields).toBeGreaterThanOrEqual(50);
  });

  it('lets a hash nobody writes to expire whole', async () => {
    const prefix = `${r.prefix}idle:`;
    const d = createRedisDedup(r.redis, prefix, { shards: 1 });
    await d.first('a', 50);
    await d.first('b', 80);
    await sleep(200);
    expect(await r.redis.keys(`${prefix}*`)).toEqual([]);
  });

  it('refuses a shard count that is not a positive integer', () => {
    expect(() => createRedisDedup(r.redis, r.prefix, { shards: 0 })).toThrow(RangeError);
  });

  it('without a store, works in-process', async () => {
    const d = createDedup();
    expect(await d.first('k', 1000)).toBe(true);
    expect(await d.first('k', 1000)).toBe(false);
  });
});
