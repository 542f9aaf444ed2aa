import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryKv, createRedisKv } from '../../src/infra/kv.js';
import { describeKeyValue } from '../ports/kv.contract.js';
import { testRedis, type TestRedis } from '../support/redis.js';

describeKeyValue('memory', async () => {
  const kv = createMemoryKv();
  return { kv: () => kv };
});

describeKeyValue('redis', async () => {
  const r = await testRedis();
  // Each handle has its own connection, as two bot processes would.
  return { kv: () => createRedisKv(r.connect(), r.prefix), cleanup: () => r.cleanup() };
});

describe('Redis KeyValue layout', () => {
  let r: TestRedis;
  beforeAll(async () => {
    r = await testRedis();
  });
  afterAll(() => r.cleanup());

  it('stores under <prefix>kv:<key> and lets Redis expire it', async () => {
    const kv = createRedisKv(r.redis, r.prefix);
    await kv.set('conv:telegram:42', { step: 'reason' }, 60_000);
    await kv.set('forever', 1);
    const pttl = await r.redis.pttl(`${r.prefix}kv:conv:telegram:42`);
    expect(pttl).toBeGreaterThan(0);
    expect(pttl).toBeLessThanOrEqual(60_000);
    expect(await r.redis.pttl(`${r.prefix}kv:forever`)).toBe(-1);
  });

  it('surfaces a Redis failure instead of answering "not found"', async () => {
    const dead = r.connect({ lazyConnect: true, maxRetriesPerRequest: 0, enableOfflineQueue: false });
    const kv = createRedisKv(dead, r.prefix);
    await expect(kv.get('anything')).rejects.toThrow();
    await expect(kv.set('anything', 1)).rejects.toThrow();
  });
});
