import type { CaseEvent } from './case-model.js';
import type { Eligibility } from './eligibility.js';
import { isCaseReason } from './eligibility.js';
import { ForbiddenError, IllegalStateError, ValidationError } from './errors.js';
import type { Policy } from './policy.js';
import { cleanText } from './text.js';
import { instant, plus } from './time.js';
import type { Actor, BlobRef, Order, ProblemKind, Shop } from './types.js';

/** Most files a buyer may attach while opening a case; more can be added in the case thread. */
export const MAX_OPEN_EVIDENCE = 10;

/** Everything the rules need to open a case; the service gathers it. */
export interface OpenCaseInput {
  caseId: string;
  order: Order;
  shop: Shop;
  reason: ProblemKind;
  description: string;
  actor: Actor;
  /** The id of the order's case that is still open, if any. */
  openCaseIdForOrder: string | null;
  /** From `eligibility()` at `now`, in the buyer's time zone. */
  eligibility: Eligibility;
  now: string;
  policy: Policy;
  /** Photos or files the buyer attached while opening: each becomes an `evidence` entry. */
  evidence?: BlobRef[];
}

/**
 * Opens a case (SPEC section 1): only the order's buyer, only for a case reason, one open case
 * per order, only inside the eligibility window. Returns `opened` then one `evidence` per file.
 */
export function decideOpen(input: OpenCaseInput): CaseEvent[] {
  const { order, shop, actor, now, policy } = input;
  instant(now, 'now');
  if (actor.accountId !== order.buyerId) throw new ForbiddenError('NOT_ORDER_BUYER', undefined, { orderId: order.id });
  if (order.shopId !== shop.id) throw new ValidationError('VALIDATION', `order ${order.id} is not from shop ${shop.id}`);
  if (!isCaseReason(input.reason)) {
    throw new ValidationError('REASON_NOT_CASEABLE', undefined, { reason: input.reason });
  }
  if (input.openCaseIdForOrder) {
    throw new IllegalStateError('CASE_ALREADY_OPEN', undefined, { caseId: input.openCaseIdForOrder, orderId: order.id });
  }
  const el = input.eligibility;
  if (!el.eligible) {
    const args = { from: el.from, until: el.until, estimatedDelivery: el.estimatedDelivery };
    throw new IllegalStateError(el.code ?? 'NOT_ELIGIBLE_YET', undefined, args);
  }
  const description = cleanText(input.description);
  const files = input.evidence ?? [];
  if (files.length > MAX_OPEN_EVIDENCE) {
    throw new ValidationError('INPUT_TOO_LARGE', undefined, { max: MAX_OPEN_EVIDENCE, count: files.length });
  }
  const opened: CaseEvent = {
    type: 'opened',
    at: now,
    actor,
    caseId: input.caseId,
    orderId: order.id,
    buyerId: order.buyerId,
    shopId: shop.id,
    sellerId: shop.ownerId,
    reason: input.reason,
    description,
    orderTotal: order.total,
    escalatableAt: plus(now, policy.escalationAfter),
    lateAt: plus(now, policy.maxCaseAge),
    shippingAddress: order.shippingAddress,
  };
  const evidence: CaseEvent[] = files.map((blob) => ({
    type: 'evidence',
    at: now,
    actor,
    kind: blob.contentType.startsWith('image/') ? 'photo' : 'file',
    blob,
  }));
  return [opened, ...evidence];
}
