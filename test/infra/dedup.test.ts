import { describe, expect, it } from 'vitest';
import { createDedup, createMemoryDedup } from '../../src/infra/dedup.js';
import { createMemoryKv, createRedisKv } from '../../src/infra/kv.js';
import { describeDedup } from '../ports/kv.contract.js';
import { testRedis } from '../support/redis.js';

describeDedup('memory', async () => {
  const d = createMemoryDedup();
  return { dedup: () => d };
});

describeDedup('memory KeyValue', async () => {
  const kv = createMemoryKv();
  return { dedup: () => createDedup(kv) };
});

describeDedup('redis SET NX PX, one connection per process', async () => {
  const r = await testRedis();
  return { dedup: () => createDedup(r.connect(), r.prefix), cleanup: () => r.cleanup() };
});

describeDedup('redis KeyValue', async () => {
  const r = await testRedis();
  return { dedup: () => createDedup(createRedisKv(r.connect(), r.prefix)), cleanup: () => r.cleanup() };
});

describe('Redis dedup layout', () => {
  it('marks <prefix>dedup:<key> with the TTL on the key itself', async () => {
    const r = await testRedis();
    try {
      await createDedup(r.redis, r.prefix).first('tg:update:991', 30_000);
      expect(await r.redis.get(`${r.prefix}dedup:tg:update:991`)).toBe('1');
      const pttl = await r.redis.pttl(`${r.prefix}dedup:tg:update:991`);
      expect(pttl).toBeGreaterThan(0);
      expect(pttl).toBeLessThanOrEqual(30_000);
    } finally {
      await r.cleanup();
    }
  });

  it('without a store, works in-process', async () => {
    const d = createDedup();
    expect(await d.first('k', 1000)).toBe(true);
    expect(await d.first('k', 1000)).toBe(false);
  });
});
