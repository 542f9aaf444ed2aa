import { instant, toIso } from './time.js';
import type { Order, ProblemKind, ShopPolicies } from './types.js';

/** Why the bot does, or does not, recommend that the seller accept a buyer's request. */
export type AcceptanceBasis =
  | 'shop_refunds' // the shop accepts refunds
  | 'shop_returns' // the shop accepts returns
  | 'shop_exchanges' // the shop accepts exchanges (a wrong size)
  | 'policy_silent' // the shop's policies do not offer this
  | 'window_closed' // offered, but the return window from delivery has passed
  | 'not_a_request'; // the problem is not a refund, return or exchange request

/** The bot's advice to the seller, with the end of the shop's return window when it applies. */
export interface AcceptanceAdvice {
  recommend: boolean;
  basis: AcceptanceBasis;
  /** ISO instant: delivery + returnWindowDays, when both are known. */
  windowEndsAt: string | null;
}

/**
 * SPEC section 1: when a buyer asks for a refund or return that the shop's own policies allow,
 * the bot recommends that the seller accept. Advice only: the marketplace's rules (cases, their
 * window, their closing) win over a shop's policy, so a "no" here never blocks a case.
 * The shop's `returnWindowDays` runs from delivery: `deliveredAt` when known, else the order's
 * estimated delivery; an order not yet delivered is still inside its window.
 */
export function recommendAcceptance(
  policies: ShopPolicies,
  requestKind: ProblemKind,
  order: Order,
  now: string,
  deliveredAt?: string | null,
): AcceptanceAdvice {
  const offered = offeredBy(policies, requestKind);
  if (offered === 'not_a_request' || offered === 'policy_silent') return { recommend: false, basis: offered, windowEndsAt: null };
  const delivery = deliveredAt ?? order.estimatedDeliveryAt ?? null;
  if (policies.returnWindowDays == null || delivery === null) return { recommend: true, basis: offered, windowEndsAt: null };
  const end = instant(delivery, 'deliveredAt').plus({ days: policies.returnWindowDays });
  const open = instant(now, 'now').toMillis() < end.toMillis();
  return { recommend: open, basis: open ? offered : 'window_closed', windowEndsAt: toIso(end) };
}

function offeredBy(p: ShopPolicies, kind: ProblemKind): AcceptanceBasis {
  switch (kind) {
    case 'refund_request':
      return p.refunds ? 'shop_refunds' : 'policy_silent';
    case 'return_request':
      return p.returns ? 'shop_returns' : 'policy_silent';
    case 'wrong_size':
      return p.exchanges ? 'shop_exchanges' : p.returns ? 'shop_returns' : 'policy_silent';
    case 'non_delivery':
    case 'not_as_described':
    case 'cancellation':
    case 'delivery_question': // a question about dates, like non-delivery: nothing for the shop to accept
    case 'other':
      return 'not_a_request';
    default:
      return assertNever(kind);
  }
}

function assertNever(x: never): never {
  throw new Error(`unhandled problem kind ${String(x)}`);
}
