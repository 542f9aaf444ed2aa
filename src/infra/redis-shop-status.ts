import type { ShopStatusStore, ShopSuspension } from '../ports/shop-status.js';
import type { RedisClient } from './redis.js';

/** Shop suspensions in one Redis hash, `${prefix}shops:suspended` (shopId → suspension JSON). */
export function createRedisShopStatusStore(redis: RedisClient, prefix = 'palabre:'): ShopStatusStore {
  const key = `${prefix}shops:suspended`;
  return {
    async get(shopId) {
      const v = await redis.hget(key, shopId);
      return v ? (JSON.parse(v) as ShopSuspension) : null;
    },
    async suspend(s) {
      // HSETNX: two support agents suspending at once keep the first reason and time.
      return (await redis.hsetnx(key, s.shopId, JSON.stringify(s))) === 1;
    },
    async reinstate(shopId) {
      return (await redis.hdel(key, shopId)) === 1;
    },
    async list() {
      return Object.values(await redis.hgetall(key)).map((v) => JSON.parse(v) as ShopSuspension);
    },
  };
}
