import type { Account, Money, Order, Shop, TrackingInfo } from '../domain/types.js';

/** A refund recorded on an order. */
export interface RefundRecord {
  /** Idempotency key (`<caseId>-<event version>`): the same refund asked twice is recorded once. */
  id?: string;
  orderId: string;
  amount: Money;
  /** Who refunded: the seller, or support on the marketplace's behalf. */
  by: 'seller' | 'support';
  /** Support refunds: take the amount back from the seller. */
  recover: boolean;
  caseId?: string;
  at: string;
}

/** The marketplace's data and money movements (SPEC section 6). File and HTTP forms implement it. */
export interface Marketplace {
  /** An account by id, or null. */
  account(id: string): Promise<Account | null>;
  /** Every account (the playground's demo picker; the file form only). */
  accounts(): Promise<Account[]>;
  /** A shop by id, or null. */
  shop(id: string): Promise<Shop | null>;
  /** Shops whose id is `query` or whose name contains it (case and accents ignored); support finds a shop by name. */
  searchShops(query: string): Promise<Shop[]>;
  /** The shops an account owns. */
  shopsOfOwner(accountId: string): Promise<Shop[]>;
  /** An order by id, or null. */
  order(id: string): Promise<Order | null>;
  /** A buyer's orders, newest first. */
  ordersOfBuyer(accountId: string): Promise<Order[]>;
  /** Asks the marketplace to refund through the order's original payment method. */
  refund(record: RefundRecord): Promise<void>;
  /** Refunds recorded on an order. */
  refunds(orderId: string): Promise<RefundRecord[]>;
  /** What the carrier says about a parcel, or null when it does not know it. */
  tracking(carrier: string, number: string): Promise<TrackingInfo | null>;
}
