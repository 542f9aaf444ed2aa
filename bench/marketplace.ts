import { writeFile } from 'node:fs/promises';
import type { MarketplaceData } from '../src/infra/file-marketplace.js';
import { seededRandom } from './stats.js';

/** Telegram user ids of the generated people (private chat id = user id). */
export const buyerTelegramId = (i: number) => 5_000_000 + i;
export const sellerTelegramId = (j: number) => 7_000_000 + j;

export interface GeneratedMarketplace {
  data: MarketplaceData;
  buyers: Array<{ accountId: string; orderId: string; shop: number; telegramId: number }>;
  sellers: Array<{ accountId: string; shopId: string; telegramId: number }>;
}

const DAY = 86_400_000;
const CITIES = ['Kinshasa', 'Lubumbashi', 'Goma', 'Kisangani', 'Bukavu', 'Matadi'];
const ITEMS = ['Pagne wax 6 yards', 'Sac en raphia', 'Masque Pende', 'Panier tressé', 'Chemise en bazin', 'Collier en perles'];

/**
 * A marketplace of `buyers` buyers (one order each, all eligible for a case: estimated delivery 20 days ago)
 * and `sellers` shops; order i belongs to shop i mod sellers.
 */
export function generateMarketplace(buyers: number, sellers: number, now = Date.now(), seed = 7): GeneratedMarketplace {
  const rnd = seededRandom(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const data: MarketplaceData = { accounts: [], shops: [], orders: [], tracking: [] };
  const out: GeneratedMarketplace = { data, buyers: [], sellers: [] };
  data.accounts.push({ id: 'acc-support', name: 'Support Congocrea', roles: ['support'], locale: 'fr' });
  for (let j = 0; j < sellers; j++) {
    const accountId = `acc-s${j}`;
    data.accounts.push({ id: accountId, name: `Atelier ${j}`, roles: ['seller'], locale: 'fr', timezone: 'Africa/Kinshasa' });
    data.shops.push({
      id: `shop-${j}`, ownerId: accountId, name: `Atelier ${j}`, country: 'CD',
      policies: { refunds: true, returns: j % 2 === 0, returnWindowDays: 14, exchanges: false },
    });
    out.sellers.push({ accountId, shopId: `shop-${j}`, telegramId: sellerTelegramId(j) });
  }
  for (let i = 0; i < buyers; i++) {
    const accountId = `acc-b${i}`;
    const shop = i % sellers;
    const quantity = 1 + Math.floor(rnd() * 3);
    const unit = 5000 * (1 + Math.floor(rnd() * 20));
    const placed = now - (35 + Math.floor(rnd() * 20)) * DAY;
    data.accounts.push({ id: accountId, name: `Acheteur ${i}`, roles: ['buyer'], locale: 'fr', timezone: 'Africa/Kinshasa' });
    data.orders.push({
      id: `CC-${100000 + i}`, buyerId: accountId, shopId: `shop-${shop}`,
      items: [{ listingId: `L-${i}`, title: pick(ITEMS), quantity, unitPrice: { amount: unit, currency: 'CDF' } }],
      total: { amount: unit * quantity, currency: 'CDF' },
      payment: { method: 'mobile_money', viaMarketplace: true },
      placedAt: new Date(placed).toISOString(), processingDays: 3,
      shippedAt: new Date(placed + 2 * DAY).toISOString(), estimatedDeliveryAt: new Date(now - 20 * DAY).toISOString(),
      shippingAddress: { name: `Acheteur ${i}`, line1: `${1 + i} av. de la Paix`, city: pick(CITIES), postalCode: '', country: 'CD' },
      tracking: null,
    });
    out.buyers.push({ accountId, orderId: `CC-${100000 + i}`, shop, telegramId: buyerTelegramId(i) });
  }
  return out;
}

/** Writes the data as a MARKETPLACE_DATA file. */
export async function writeMarketplace(path: string, m: GeneratedMarketplace): Promise<void> {
  await writeFile(path, JSON.stringify(m.data));
}
