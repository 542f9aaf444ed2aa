import type { ShopStatusStore, ShopSuspension } from '../ports/shop-status.js';

/** Shop suspensions in this process (embedded mode). */
export function createMemoryShopStatusStore(): ShopStatusStore {
  const suspended = new Map<string, ShopSuspension>();
  return {
    async get(shopId) {
      const s = suspended.get(shopId);
      return s ? { ...s } : null;
    },
    async suspend(s) {
      if (suspended.has(s.shopId)) return false;
      suspended.set(s.shopId, { ...s });
      return true;
    },
    async reinstate(shopId) {
      return suspended.delete(shopId);
    },
    async list() {
      return [...suspended.values()].map((s) => ({ ...s }));
    },
  };
}
