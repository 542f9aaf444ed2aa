import { DateTime } from 'luxon';
import { addBusinessDays } from './business-days.js';
import { ValidationError } from './errors.js';
import type { Policy } from './policy.js';
import { instant, toIso } from './time.js';
import type { CaseReason, Order, ProblemKind, Shop } from './types.js';

/** Processing time when neither the order nor the shop sets one (SPEC section 1). */
export const DEFAULT_PROCESSING_DAYS = 5;
/** Business days of shipping within one country. */
export const DOMESTIC_SHIPPING_DAYS = 4;
/** Business days of shipping when the shop and the address are in different countries. */
export const INTERNATIONAL_SHIPPING_DAYS = 10;

/** Whether a case may be opened now, and the exact window that decides it. */
export interface Eligibility {
  eligible: boolean;
  code: null | 'NOT_ELIGIBLE_YET' | 'CASE_WINDOW_CLOSED';
  /** Start of the day after the estimated delivery date, in the user's time zone, as an ISO UTC instant. */
  from: string;
  /** `from + POLICY_CASE_WINDOW`, exclusive, as an ISO UTC instant. */
  until: string;
  /** yyyy-mm-dd in the user's time zone. */
  estimatedDelivery: string;
  basis: 'estimate' | 'processing_and_shipping';
  /** The IANA zone its days were read in (the buyer's): what is planned from `until` counts in it too. */
  timezone: string;
}

export interface EligibilityInput {
  order: Order;
  shop: Shop;
  /** ISO instant. */
  now: string;
  /** IANA zone in which dates are read (the buyer's, else DEFAULT_TIMEZONE). */
  timezone: string;
  policy: Policy;
}

/** Only non-delivery and not-as-described problems can become cases (SPEC section 1). */
export function isCaseReason(kind: ProblemKind): kind is CaseReason {
  return kind === 'non_delivery' || kind === 'not_as_described';
}

/** The estimated delivery day as a start-of-day in `timezone`, and where it came from. */
export function estimatedDeliveryDay(
  order: Order,
  shop: Shop,
  timezone: string,
): { day: DateTime; basis: Eligibility['basis'] } {
  if (order.estimatedDeliveryAt) {
    return { day: estimateDay(order.estimatedDeliveryAt, timezone), basis: 'estimate' };
  }
  const processing = order.processingDays ?? shop.processingDays ?? DEFAULT_PROCESSING_DAYS;
  const shipping = sameCountry(shop.country, order.shippingAddress.country)
    ? DOMESTIC_SHIPPING_DAYS
    : INTERNATIONAL_SHIPPING_DAYS;
  const placed = inZone(order.placedAt, timezone).startOf('day');
  return { day: addBusinessDays(placed, processing + shipping), basis: 'processing_and_shipping' };
}

/**
 * SPEC section 1: eligibility starts the day after the estimated delivery date and lasts
 * POLICY_CASE_WINDOW. Days are calendar days in `timezone`, so the window opens and closes at
 * local midnight; `until` is exclusive.
 */
export function eligibility({ order, shop, now, timezone, policy }: EligibilityInput): Eligibility {
  const { day, basis } = estimatedDeliveryDay(order, shop, timezone);
  const from = day.plus({ days: 1 }).startOf('day');
  const until = from.plus(policy.caseWindow);
  const t = instant(now, 'now').toMillis();
  const code = t < from.toMillis() ? 'NOT_ELIGIBLE_YET' : t >= until.toMillis() ? 'CASE_WINDOW_CLOSED' : null;
  return {
    eligible: code === null,
    code,
    from: toIso(from),
    until: toIso(until),
    estimatedDelivery: day.toISODate() as string,
    basis,
    timezone,
  };
}

// A date written as an instant: `2026-10-20`, or midnight UTC (`2026-10-20T00:00:00Z`, as the marketplace's
// files and SPEC's example write an estimated date). It names a calendar day, not a moment to convert: read in
// New York, midnight UTC is still the 19th, and the buyer would be told a day the marketplace never showed.
const DATE_ONLY = /^(\d{4}-\d{2}-\d{2})(?:T00:00(?::00(?:\.0{1,3})?)?(?:Z|[+-]00:?00))?$/;

/** The estimated delivery day as a start-of-day in `timezone`. */
function estimateDay(iso: string, timezone: string): DateTime {
  const date = DATE_ONLY.exec(iso);
  if (!date) return inZone(iso, timezone).startOf('day');
  inZone(iso, timezone); // the same refusals as any instant: a bad zone, an impossible date
  return DateTime.fromISO(date[1]!, { zone: timezone }).startOf('day');
}

function sameCountry(a: string, b: string): boolean {
  return a.trim().toUpperCase() === b.trim().toUpperCase();
}

// A bad zone would silently shift every date by hours; the caller must pick a valid one.
function inZone(iso: string, timezone: string): DateTime {
  const t = instant(iso).setZone(timezone);
  if (!t.isValid) throw new ValidationError('VALIDATION', `unknown time zone: ${timezone}`, { field: 'timezone', timezone });
  return t;
}
