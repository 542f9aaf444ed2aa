/** Money in minor units of an ISO-4217 currency. */
export interface Money {
  amount: number;
  currency: string;
}

/** Where an actor acted from. `system` is the scheduler, `admin` the admin API or CLI. */
export type Platform = 'telegram' | 'discord' | 'teams' | 'web' | 'system' | 'admin';
export type Role = 'buyer' | 'seller' | 'support' | 'system';

/** Who did something to a case: SPEC section 5's timeline `actor`. */
export interface Actor {
  accountId: string;
  role: Role;
  platform: Platform;
}

export type AccountRole = 'buyer' | 'seller' | 'support';

/** A marketplace account (SPEC section 6). */
export interface Account {
  id: string;
  name: string;
  roles: AccountRole[];
  locale?: string;
  timezone?: string;
}

export interface ShopPolicies {
  refunds: boolean;
  returns: boolean;
  returnWindowDays?: number;
  exchanges: boolean;
}

export interface Shop {
  id: string;
  ownerId: string;
  name: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  policies: ShopPolicies;
  /** Processing time the shop set, in business days. */
  processingDays?: number;
}

export interface Address {
  name: string;
  line1: string;
  line2?: string;
  city: string;
  postalCode: string;
  country: string;
}

export interface OrderItem {
  listingId: string;
  title: string;
  quantity: number;
  unitPrice: Money;
}

export interface OrderTracking {
  carrier: string;
  number: string;
}

/** A marketplace order (SPEC section 6). Dates are ISO-8601 UTC strings. */
export interface Order {
  id: string;
  buyerId: string;
  shopId: string;
  items: OrderItem[];
  total: Money;
  payment: { method: string; viaMarketplace: boolean };
  placedAt: string;
  processingDays?: number | null;
  shippedAt?: string | null;
  estimatedDeliveryAt?: string | null;
  shippingAddress: Address;
  tracking?: OrderTracking | null;
}

export interface TrackingEvent {
  at: string;
  status: string;
  city?: string;
  postalCode?: string;
  country?: string;
}

/** What a carrier says about a parcel (SPEC section 6 `tracking`). */
export interface TrackingInfo {
  carrier: string;
  number: string;
  events: TrackingEvent[];
}

/** The two reasons a case may be opened for (SPEC section 1). */
export type CaseReason = 'non_delivery' | 'not_as_described';
/**
 * What a buyer may say went wrong; only the first two are case reasons. `delivery_question` is not a
 * complaint yet ("when will it arrive?"): the answer is the order's dates.
 */
export type ProblemKind = CaseReason | 'wrong_size' | 'cancellation' | 'return_request' | 'refund_request' | 'delivery_question' | 'other';

export type CaseStatus = 'open' | 'escalated' | 'closed';
export type Resolution = 'refunded' | 'buyer_closed' | 'delivered' | 'support_refund' | 'seller_favour';
export type EscalationGround = 'inactivity' | 'harassment' | 'refusal' | 'manipulation' | 'integrity';
export const ESCALATION_GROUNDS: readonly EscalationGround[] = ['inactivity', 'harassment', 'refusal', 'manipulation', 'integrity'];

/** Evidence kinds: buyer photos and files, and the seller's proofs of shipping. */
export type EvidenceKind =
  | 'photo'
  | 'file'
  | 'shipping_receipt'
  | 'customs_form'
  | 'delivery_confirmation'
  | 'departure_scan';

/** A file kept in Palabre's blob storage. */
export interface BlobRef {
  id: string;
  contentType: string;
  size: number;
  name?: string;
}

/** The nudges of SPEC section 1. */
export type NudgeKind =
  | 'seller_case_opened'
  | 'seller_reminder'
  | 'buyer_escalation_open'
  | 'buyer_window_closing'
  | 'seller_unshipped'
  | 'seller_reply_due'
  | 'support_late_delivery'
  | 'support_sla'
  | 'support_owner_idle';
