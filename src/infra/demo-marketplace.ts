import type { Address } from '../domain/types.js';
import type { Marketplace } from '../ports/marketplace.js';
import { createDataMarketplace, parseMarketplaceData, type MarketplaceData } from './file-marketplace.js';

/** The demo's orders by the situation each shows (the playground and tests pick them by name). */
export const DEMO_ORDERS = {
  /** Amina, Bisou Créations, CDF: eligible, never arrived (non-delivery). */
  eligibleNonDelivery: 'CC-1001',
  /** Amina, Bisou Créations, CDF: eligible, arrived but differs from the listing (not as described). */
  eligibleNotAsDescribed: 'CC-1002',
  /** Amina, Bisou Créations: estimated delivery still ahead. */
  notYetEligible: 'CC-1003',
  /** Amina, Atelier Lumière (FR), USD: the case window closed long ago. */
  windowExpired: 'CC-1004',
  /** Amina, Bisou Créations: the seller can add `dhl JD0142`, delivered in Kinshasa (matches). */
  deliveredMatching: 'CC-1005',
  /** Joël, Bisou Créations: the seller can add `dhl JD0177`, delivered in Kinshasa, not Lubumbashi (mismatch). */
  deliveredElsewhere: 'CC-1006',
  /** Joël, Bisou Créations: no estimate, CD → CD (processing + 4 business days). */
  noEstimateDomestic: 'CC-1007',
  /** Amina, Atelier Lumière (FR → CD), USD: no estimate (processing + 10 business days). */
  noEstimateInternational: 'CC-1008',
} as const;

/** Tracking numbers the demo's carrier knows. */
export const DEMO_TRACKING = {
  matching: { carrier: 'dhl', number: 'JD0142' },
  elsewhere: { carrier: 'dhl', number: 'JD0177' },
  inTransit: { carrier: 'dhl', number: 'JD0150' },
} as const;

const DAY = 86_400_000;

const amina: Address = { name: 'Amina K.', line1: '12 av. de la Paix', city: 'Kinshasa', postalCode: '', country: 'CD' };
const joel: Address = { name: 'Joël M.', line1: '45 boulevard Kamanyola', city: 'Lubumbashi', postalCode: '', country: 'CD' };

/**
 * The built-in demo marketplace (SPEC section 6's shape). Dates are relative to `now`, so every
 * situation of the dispute policy has an order whatever the day the demo runs.
 */
export function demoMarketplaceData(now: Date): MarketplaceData {
  // Whole hours read better in the playground than the second the process started.
  const base = Math.floor(now.getTime() / 3_600_000) * 3_600_000;
  const at = (days: number) => new Date(base + days * DAY).toISOString();
  const cdf = (amount: number) => ({ amount, currency: 'CDF' });
  const usd = (amount: number) => ({ amount, currency: 'USD' });
  const mobileMoney = { method: 'mobile_money', viaMarketplace: true };
  const card = { method: 'card', viaMarketplace: true };

  return parseMarketplaceData(
    {
      accounts: [
        { id: 'acc-amina', name: 'Amina K.', roles: ['buyer'], locale: 'fr', timezone: 'Africa/Kinshasa' },
        { id: 'acc-joel', name: 'Joël M.', roles: ['buyer'], locale: 'fr', timezone: 'Africa/Lubumbashi' },
        { id: 'acc-bisou', name: 'Bisou Créations', roles: ['seller'], locale: 'fr' },
        { id: 'acc-lumiere', name: 'Atelier Lumière', roles: ['seller'], locale: 'fr', timezone: 'Europe/Paris' },
        { id: 'acc-support-1', name: 'Support Congocrea', roles: ['support'], locale: 'fr' },
      ],
      shops: [
        {
          id: 'shop-bisou', ownerId: 'acc-bisou', name: 'Bisou Créations', country: 'CD', processingDays: 3,
          policies: { refunds: true, returns: true, returnWindowDays: 14, exchanges: false },
        },
        {
          id: 'shop-lumiere', ownerId: 'acc-lumiere', name: 'Atelier Lumière', country: 'FR',
          policies: { refunds: false, returns: false, exchanges: true },
        },
      ],
      orders: [
        order('CC-1001', 'acc-amina', 'shop-bisou', amina, [['L-77', 'Pagne wax 6 yards', 2, cdf(2_500_000)]], mobileMoney, {
          placedAt: at(-16), processingDays: 3, shippedAt: at(-13), estimatedDeliveryAt: at(-6),
        }),
        order('CC-1002', 'acc-amina', 'shop-bisou', amina, [['L-81', 'Sac en raphia tressé', 1, cdf(4_500_000)]], mobileMoney, {
          placedAt: at(-20), processingDays: 3, shippedAt: at(-17), estimatedDeliveryAt: at(-9),
        }),
        order('CC-1003', 'acc-amina', 'shop-bisou', amina, [["L-90", "Boucles d'oreilles en perles", 1, cdf(1_800_000)]], mobileMoney, {
          placedAt: at(-2), processingDays: 3, estimatedDeliveryAt: at(6),
        }),
        order('CC-1004', 'acc-amina', 'shop-lumiere', amina, [['L-12', 'Lampe en laiton ciselé', 1, usd(8_900)]], card, {
          placedAt: at(-170), shippedAt: at(-164), estimatedDeliveryAt: at(-150),
        }),
        order('CC-1005', 'acc-amina', 'shop-bisou', amina, [['L-95', 'Chemise en bogolan', 1, cdf(3_200_000)]], mobileMoney, {
          placedAt: at(-15), processingDays: 3, shippedAt: at(-12), estimatedDeliveryAt: at(-5),
        }),
        order('CC-1006', 'acc-joel', 'shop-bisou', joel, [['L-102', 'Panier tressé', 3, cdf(900_000)]], mobileMoney, {
          placedAt: at(-18), processingDays: 3, shippedAt: at(-15), estimatedDeliveryAt: at(-7),
        }),
        order('CC-1007', 'acc-joel', 'shop-bisou', joel, [['L-110', 'Sandales en cuir', 1, cdf(2_100_000)]], mobileMoney, {
          placedAt: at(-25),
        }),
        order('CC-1008', 'acc-amina', 'shop-lumiere', amina, [['L-20', 'Foulard en soie imprimé', 2, usd(2_250)]], card, {
          placedAt: at(-30), shippedAt: at(-24),
        }),
      ],
      tracking: [
        { ...DEMO_TRACKING.matching, events: [
          { at: at(-12), status: 'in_transit', city: 'Kinshasa', country: 'CD' },
          { at: at(-6), status: 'delivered', city: 'Kinshasa', country: 'CD' },
        ] },
        { ...DEMO_TRACKING.elsewhere, events: [
          { at: at(-15), status: 'in_transit', city: 'Kinshasa', country: 'CD' },
          { at: at(-8), status: 'delivered', city: 'Kinshasa', country: 'CD' },
        ] },
        { ...DEMO_TRACKING.inTransit, events: [{ at: at(-13), status: 'in_transit', city: 'Kinshasa', country: 'CD' }] },
      ],
    },
    'demo marketplace',
  );
}

/** The built-in demo marketplace (no `MARKETPLACE_DATA`), dated around `now`. */
export function createDemoMarketplace(now: Date): Marketplace {
  return createDataMarketplace(demoMarketplaceData(now));
}

type Item = [listingId: string, title: string, quantity: number, unitPrice: { amount: number; currency: string }];

function order(
  id: string,
  buyerId: string,
  shopId: string,
  shippingAddress: Address,
  items: Item[],
  payment: { method: string; viaMarketplace: boolean },
  dates: { placedAt: string; processingDays?: number; shippedAt?: string; estimatedDeliveryAt?: string },
) {
  const lines = items.map(([listingId, title, quantity, unitPrice]) => ({ listingId, title, quantity, unitPrice }));
  const total = { amount: lines.reduce((s, l) => s + l.quantity * l.unitPrice.amount, 0), currency: lines[0]!.unitPrice.currency };
  return {
    id, buyerId, shopId, items: lines, total, payment, shippingAddress, tracking: null,
    placedAt: dates.placedAt,
    processingDays: dates.processingDays ?? null,
    shippedAt: dates.shippedAt ?? null,
    estimatedDeliveryAt: dates.estimatedDeliveryAt ?? null,
  };
}
