import type { Case, CaseEvent } from './case-model.js';
import { PalabreError } from './errors.js';

/**
 * Applies one event to a case. Pure: returns a new Case and never mutates `state`; the
 * timeline is the event list itself, so `version === timeline.length` always holds.
 */
export function evolve(state: Case | null, e: CaseEvent): Case {
  return step(state, e, state ? [...state.timeline, e] : [e]);
}

/** `evolve` with the next state's timeline given (`state.timeline` followed by `e`), so that `fold` need not copy it at each event. */
function step(state: Case | null, e: CaseEvent, timeline: CaseEvent[]): Case {
  if (e.type === 'opened') {
    if (state) throw new PalabreError('INTERNAL', `case ${state.id} is already opened`);
    return opened(e, timeline);
  }
  if (!state) throw new PalabreError('INTERNAL', `a case must start with "opened", not "${e.type}"`);
  const next: Case = { ...state, version: state.version + 1, timeline };
  const role = e.actor.role;
  switch (e.type) {
    case 'comment':
    case 'evidence':
      // A proof that states where it went sets the flag; a later one to the right place clears it.
      if (e.type === 'evidence' && typeof e.addressMatches === 'boolean') next.proofAddressMismatch = !e.addressMatches;
      if (role === 'buyer') next.buyerWaitingSince = e.type === 'comment' ? (state.buyerWaitingSince ?? e.at) : state.buyerWaitingSince;
      if (role === 'seller') sellerActed(next, e.at);
      if (state.infoRequested && state.infoRequested.from === role) next.infoRequested = null;
      return next;
    case 'tracking':
      sellerActed(next, e.at);
      // A later tracking that shows the right place clears the mismatch; one still in transit does not.
      next.trackingMismatch = e.mismatch || (state.trackingMismatch && !e.delivered);
      return next;
    case 'refund':
      next.refunded = { amount: state.refunded.amount + e.amount.amount, currency: state.refunded.currency };
      if (role === 'seller') sellerActed(next, e.at);
      return next;
    case 'escalated':
      return { ...next, status: 'escalated', escalatedAt: e.at, escalationGround: e.ground };
    case 'info_requested':
      return { ...next, infoRequested: { from: e.from, at: e.at } };
    case 'info_provided':
      return { ...next, infoRequested: null };
    case 'closed':
      return { ...next, status: 'closed', resolution: e.resolution, closedAt: e.at, infoRequested: null, buyerWaitingSince: null };
    case 'reopened':
      return { ...next, status: state.escalatedAt ? 'escalated' : 'open', resolution: null, closedAt: null };
    case 'late_delivery':
      return { ...next, lateDelivery: true };
    case 'assigned':
      return { ...next, owner: { accountId: e.ownerId, name: e.ownerName, since: e.at } };
    case 'released':
      return { ...next, owner: null };
    case 'verification_requested':
      return { ...next, verificationRequestedAt: e.at };
    case 'note':
    case 'reminder':
    case 'evidence_expired':
    // Asking support is not an answer to the buyer: the seller's clocks keep running.
    case 'support_requested':
      return next;
    default:
      return assertNever(e);
  }
}

/** Folds a case's whole event log, oldest first, into its current state. */
export function fold(events: readonly CaseEvent[]): Case {
  // One timeline array grows under the intermediate states, which nobody else sees: linear, not quadratic, in the events.
  const timeline: CaseEvent[] = [];
  let state: Case | null = null;
  for (const e of events) {
    timeline.push(e);
    state = step(state, e, timeline);
  }
  if (!state) throw new PalabreError('INTERNAL', 'cannot fold an empty event log');
  return state;
}

function opened(e: Extract<CaseEvent, { type: 'opened' }>, timeline: CaseEvent[]): Case {
  return {
    id: e.caseId,
    orderId: e.orderId,
    buyerId: e.buyerId,
    shopId: e.shopId,
    sellerId: e.sellerId,
    reason: e.reason,
    description: e.description,
    status: 'open',
    resolution: null,
    openedAt: e.at,
    escalatableAt: e.escalatableAt,
    escalatedAt: null,
    escalationGround: null,
    closedAt: null,
    ...(e.shippingAddress ? { shippingAddress: e.shippingAddress } : {}),
    lateAt: e.lateAt,
    lateDelivery: false,
    orderTotal: e.orderTotal,
    refunded: { amount: 0, currency: e.orderTotal.currency },
    sellerActedAt: null,
    buyerWaitingSince: null,
    infoRequested: null,
    trackingMismatch: false,
    version: 1,
    timeline,
  };
}

// Any seller action answers the buyer, so the reply nudge stops.
function sellerActed(c: Case, at: string): void {
  c.sellerActedAt = at;
  c.buyerWaitingSince = null;
}

function assertNever(x: never): never {
  throw new PalabreError('INTERNAL', `unhandled event ${JSON.stringify(x)}`);
}
