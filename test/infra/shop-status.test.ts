import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryShopStatusStore } from '../../src/infra/memory-shop-status.js';
import { createRedisShopStatusStore } from '../../src/infra/redis-shop-status.js';
import type { ShopStatusStore } from '../../src/ports/shop-status.js';
import { testRedis, type TestRedis } from '../support/redis.js';

let r: TestRedis;
beforeAll(async () => {
  r = await testRedis();
});
afterAll(() => r.cleanup());

let n = 0;
const makers: [string, () => ShopStatusStore][] = [
  ['memory', () => createMemoryShopStatusStore()],
  ['redis', () => createRedisShopStatusStore(r.redis, `${r.prefix}${++n}:`)],
];

describe.each(makers)('ShopStatusStore (%s)', (_, make) => {
  it('suspends once, keeps the first reason, and reinstates', async () => {
    const s = make();
    const first = { shopId: 'shop-bisou', reason: 'Ne répond pas', at: '2026-11-02T10:00:00.000Z', by: 'acc-support-1' };
    expect(await s.get('shop-bisou')).toBeNull();
    expect(await s.suspend(first)).toBe(true);
    expect(await s.suspend({ ...first, reason: 'autre' })).toBe(false);
    expect(await s.get('shop-bisou')).toEqual(first);
    expect(await s.list()).toEqual([first]);
    expect(await s.reinstate('shop-bisou')).toBe(true);
    expect(await s.reinstate('shop-bisou')).toBe(false);
    expect(await s.get('shop-bisou')).toBeNull();
  });
});
