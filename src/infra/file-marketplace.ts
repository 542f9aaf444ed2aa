import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { IllegalStateError, NotFoundError, ValidationError } from '../domain/errors.js';
import { foldText } from '../domain/text.js';
import type { Account, Order, Shop, TrackingInfo } from '../domain/types.js';
import type { Marketplace, RefundRecord } from '../ports/marketplace.js';

const text = z.string().trim().min(1);
const iso = z.iso.datetime({ offset: true });
const country = z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code such as CD');
const money = z.object({
  amount: z.number().int().min(0),
  currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as CDF'),
});
const timezone = z.string().refine((tz) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, 'must be an IANA time zone such as Africa/Kinshasa');

const account = z.object({
  id: text,
  name: text,
  roles: z.array(z.enum(['buyer', 'seller', 'support'])).min(1),
  locale: z.string().optional(),
  timezone: timezone.optional(),
});
const shop = z.object({
  id: text,
  ownerId: text,
  name: text,
  country,
  policies: z.object({
    refunds: z.boolean(),
    returns: z.boolean(),
    returnWindowDays: z.number().int().min(0).optional(),
    exchanges: z.boolean(),
  }),
  processingDays: z.number().int().min(0).optional(),
});
const address = z.object({
  name: text,
  line1: text,
  line2: z.string().optional(),
  city: text,
  postalCode: z.string(),
  country,
});
const order = z.object({
  id: text,
  buyerId: text,
  shopId: text,
  items: z.array(z.object({ listingId: text, title: text, quantity: z.number().int().min(1), unitPrice: money })).min(1),
  total: money,
  payment: z.object({ method: text, viaMarketplace: z.boolean() }),
  placedAt: iso,
  processingDays: z.number().int().min(0).nullish(),
  shippedAt: iso.nullish(),
  estimatedDeliveryAt: iso.nullish(),
  shippingAddress: address,
  tracking: z.object({ carrier: text, number: text }).nullish(),
});
const tracking = z.object({
  carrier: text,
  number: text,
  events: z.array(
    z.object({ at: iso, status: text, city: z.string().optional(), postalCode: z.string().optional(), country: country.optional() }),
  ),
});

/** One account, shop, order and parcel, and the money and date shapes: other forms (the HTTP API) validate against the same. */
export const marketplaceSchemas = { account, shop, order, tracking, money, iso, text } as const;

/** SPEC section 6: the file form of the marketplace, with its cross-references checked. */
export const marketplaceDataSchema = z
  .object({
    accounts: z.array(account),
    shops: z.array(shop),
    orders: z.array(order),
    tracking: z.array(tracking).default([]),
  })
  .superRefine((d, ctx) => {
    const accounts = new Set(d.accounts.map((a) => a.id));
    const shops = new Set(d.shops.map((s) => s.id));
    const unique = (list: { id: string }[], field: string) => {
      const seen = new Set<string>();
      list.forEach((x, i) => {
        if (seen.has(x.id)) ctx.addIssue({ code: 'custom', path: [field, i, 'id'], message: `duplicate id "${x.id}"` });
        seen.add(x.id);
      });
    };
    unique(d.accounts, 'accounts');
    unique(d.shops, 'shops');
    unique(d.orders, 'orders');
    d.shops.forEach((s, i) => {
      if (!accounts.has(s.ownerId)) ctx.addIssue({ code: 'custom', path: ['shops', i, 'ownerId'], message: `no account "${s.ownerId}"` });
    });
    d.orders.forEach((o, i) => {
      if (!accounts.has(o.buyerId)) ctx.addIssue({ code: 'custom', path: ['orders', i, 'buyerId'], message: `no account "${o.buyerId}"` });
      if (!shops.has(o.shopId)) ctx.addIssue({ code: 'custom', path: ['orders', i, 'shopId'], message: `no shop "${o.shopId}"` });
      if (o.items.some((it) => it.unitPrice.currency !== o.total.currency)) {
        ctx.addIssue({ code: 'custom', path: ['orders', i, 'total', 'currency'], message: 'differs from the items\' currency' });
      }
    });
  });

/** Accounts, shops, orders and carrier tracking as the file form holds them. */
export type MarketplaceData = z.output<typeof marketplaceDataSchema>;

/** A bad marketplace file: one line per problem, each naming the field (`MARKETPLACE_DATA: orders[2].total.currency: …`). */
export class MarketplaceDataError extends Error {
  override name = 'MarketplaceDataError';
}

/** Validates marketplace data; throws MarketplaceDataError naming each bad field after `source`. */
export function parseMarketplaceData(raw: unknown, source = 'MARKETPLACE_DATA'): MarketplaceData {
  const parsed = marketplaceDataSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((i) => `${source}: ${fieldPath(i.path)}: ${i.message}`);
  throw new MarketplaceDataError(lines.join('\n'));
}

/** `['orders', 2, 'total', 'currency']` → `orders[2].total.currency`. */
function fieldPath(path: readonly PropertyKey[]): string {
  const out = path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`)).join('');
  return out || '(root)';
}

/** Reads and validates `MARKETPLACE_DATA`, then serves it. */
export async function loadFileMarketplace(path: string, source = 'MARKETPLACE_DATA'): Promise<Marketplace> {
  let content: string;
  try {
    content = await readFile(path, 'utf8');
  } catch (err) {
    throw new MarketplaceDataError(`${source}: cannot read ${path}: ${(err as Error).message}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(content);
  } catch (err) {
    throw new MarketplaceDataError(`${source}: ${path} is not valid JSON: ${(err as Error).message}`);
  }
  return createDataMarketplace(parseMarketplaceData(raw, source));
}

/**
 * A marketplace served from validated data. Refunds are kept in memory on their order (lost on
 * restart, like everything in the file form); the same refund `id` twice is recorded once.
 */
export function createDataMarketplace(data: MarketplaceData): Marketplace {
  const accounts = new Map<string, Account>(data.accounts.map((a) => [a.id, a]));
  const shops = new Map<string, Shop>(data.shops.map((s) => [s.id, s]));
  const orders = new Map<string, Order>(data.orders.map((o) => [o.id, o]));
  const parcels = new Map<string, TrackingInfo>(data.tracking.map((t) => [parcelKey(t.carrier, t.number), t]));
  const refunds = new Map<string, RefundRecord[]>();
  const copy = copyData;
  const newestFirst = (a: Order, b: Order) => Date.parse(b.placedAt) - Date.parse(a.placedAt);

  return {
    async account(id) {
      return copy(accounts.get(id) ?? null);
    },
    async accounts() {
      return copy([...accounts.values()]);
    },
    async shop(id) {
      return copy(shops.get(id) ?? null);
    },
    async searchShops(query) {
      const q = foldText(query);
      if (!q) return [];
      return copy([...shops.values()].filter((s) => s.id === query.trim() || foldText(s.name).includes(q) || foldText(s.id) === q));
    },
    async shopsOfOwner(accountId) {
      return copy([...shops.values()].filter((s) => s.ownerId === accountId));
    },
    async order(id) {
      return copy(orders.get(id) ?? null);
    },
    async ordersOfBuyer(accountId) {
      return copy([...orders.values()].filter((o) => o.buyerId === accountId).sort(newestFirst));
    },
    async refund(record) {
      const o = orders.get(record.orderId);
      if (!o) throw new NotFoundError('ORDER_NOT_FOUND', undefined, { orderId: record.orderId });
      const done = refunds.get(o.id) ?? [];
      if (record.id !== undefined && done.some((r) => r.id === record.id)) return;
      if (record.amount.currency !== o.total.currency) {
        throw new ValidationError('CURRENCY_MISMATCH', undefined, { currency: o.total.currency, given: record.amount.currency });
      }
      const refunded = done.reduce((sum, r) => sum + r.amount.amount, 0);
      if (record.amount.amount <= 0 || refunded + record.amount.amount > o.total.amount) {
        throw new IllegalStateError('REFUND_TOO_LARGE', undefined, { max: o.total.amount - refunded, currency: o.total.currency });
      }
      refunds.set(o.id, [...done, copy(record)]);
    },
    async refunds(orderId) {
      return copy(refunds.get(orderId) ?? []);
    },
    async tracking(carrier, number) {
      return copy(parcels.get(parcelKey(carrier, number)) ?? null);
    },
  };
}

/**
 * A deep copy of marketplace data, which is JSON-shaped (validated plain objects, arrays, strings, numbers, booleans):
 * callers may change what they get without changing the marketplace. A turn reads an account, a shop or an order
 * several times, and structuredClone cost several times more than this walk.
 */
export function copyData<T>(x: T): T {
  if (x === null || typeof x !== 'object') return x;
  if (Array.isArray(x)) return x.map(copyData) as T;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(x)) out[k] = copyData(v);
  return out as T;
}

/** Carriers and sellers write the same parcel as `dhl JD 0142` or `DHL jd0142`. */
function parcelKey(carrier: string, number: string): string {
  return `${carrier.trim().toLowerCase()}|${number.replace(/[\s-]/g, '').toUpperCase()}`;
}
