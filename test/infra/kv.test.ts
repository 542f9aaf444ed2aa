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

  it('exchanges a value in one command: the one it replaced comes back, the new one is read after', async () => {
    const kv = createRedisKv(r.redis, r.prefix);
    expect(await kv.exchange!('slot:chat-1', 'm-1', 60_000)).toBeUndefined();
    expect(await kv.exchange!('slot:chat-1', 'm-2', 60_000)).toBe('m-1');
    expect(await kv.get('slot:chat-1')).toBe('m-2');
    await kv.set('slot:chat-2', { ref: 7 });
    expect(await kv.exchange!('slot:chat-2', { ref: 8 })).toEqual({ ref: 7 });
    expect(await r.redis.pttl(`${r.prefix}kv:slot:chat-1`)).toBeGreaterThan(0);
    // A value past its envelope's expiry (Redis had not dropped it yet) is not handed back.
    await r.redis.set(`${r.prefix}kv:slot:chat-3`, JSON.stringify({ value: 'old', expires: Date.now() - 1 }));
    expect(await kv.exchange!('slot:chat-3', 'new')).toBeUndefined();
  });

  it('surfaces a Redis failure instead of answering "not found"', async () => {
    const dead = r.connect({ lazyConnect: true, maxRetriesPerRequest: 0, enableOfflineQueue: false });
    const kv = createRedisKv(dead, r.prefix);
    await expect(kv.get('anything')).rejects.toThrow();
    await expect(kv.set('anything', 1)).rejects.toThrow();
  });
});
