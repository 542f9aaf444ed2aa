import { placeMatchesAddress, type Place } from './address.js';
import { expiredEvidence } from './retention.js';
import type { Case, CaseCommand, CaseEvent } from './case-model.js';
import { ConflictError, ForbiddenError, IllegalStateError, PalabreError, ValidationError, type ErrorCode } from './errors.js';
import type { Policy } from './policy.js';
import { cleanOptionalText, cleanText } from './text.js';
import { millis, plus } from './time.js';
import { ESCALATION_GROUNDS, type Actor, type Address, type EvidenceKind, type Money, type Resolution, type Role, type TrackingInfo } from './types.js';

export { decideOpen, MAX_OPEN_EVIDENCE, type OpenCaseInput } from './open-case.js';
export { evolve, fold } from './evolve.js';
export { allowedCommands, mayRequestSupport } from './allowed-commands.js';
import { decideOwnership } from './desk.js';

/** What a decision needs besides the case and the command: time as data, the policy, and who acts. */
export interface DecideContext {
  now: string;
  policy: Policy;
  actor: Actor;
}

/** The seller's proofs of shipping (SPEC section 1); buyers add photos and files. */
export const PROOF_OF_SHIPPING: readonly EvidenceKind[] = ['shipping_receipt', 'customs_form', 'delivery_confirmation', 'departure_scan'];

/**
 * Decides a command on an existing case: the events to append, or a PalabreError saying why not.
 * Checks run in this order: who may act, whether the case is closed, then the command's own rules.
 */
export function decide(state: Case, cmd: CaseCommand, ctx: DecideContext): CaseEvent[] {
  const now = millis(ctx.now);
  const base = { at: ctx.now, actor: ctx.actor };
  const role = ctx.actor.role;
  switch (cmd.type) {
    case 'Comment':
      only(role, ['buyer', 'seller', 'support'], 'NOT_YOUR_CASE');
      notClosed(state);
      return [
        {
          ...base,
          type: 'comment',
          text: cleanText(cmd.text),
          ...(cmd.messageRef ? { messageRef: cmd.messageRef } : {}),
          ...(cmd.correctionOf ? { correctionOf: cmd.correctionOf } : {}),
          ...(cmd.alarm ? { alarm: cmd.alarm } : {}),
        },
      ];
    case 'AddEvidence':
      return addEvidence(state, cmd, base);
    case 'AddTracking':
      return addTracking(state, cmd, base);
    case 'Refund':
      return refund(state, cmd, base);
    case 'BuyerClose':
      only(role, ['buyer'], 'BUYER_ONLY');
      notClosed(state);
      return [{ ...base, type: 'closed', resolution: 'buyer_closed' }];
    case 'Escalate':
      return escalate(state, cmd, base, now);
    case 'AskInfo': {
      supportAfterEscalation(state, role);
      if (cmd.from !== 'buyer' && cmd.from !== 'seller') throw new ValidationError('VALIDATION', 'ask buyer or seller', { field: 'from' });
      return [{ ...base, type: 'info_requested', from: cmd.from, text: cleanText(cmd.text) }];
    }
    case 'DecideForSeller': {
      supportAfterEscalation(state, role);
      fullRefundOnlyWhenLate(state, now);
      // A decision never contradicts money already moved: an order refunded in full is settled for the buyer.
      if (state.refunded.amount >= state.orderTotal.amount) {
        throw new IllegalStateError('REFUNDED_IN_FULL', undefined, { caseId: state.id, amount: state.refunded.amount, currency: state.orderTotal.currency });
      }
      const text = cleanOptionalText(cmd.text);
      return [{ ...base, type: 'closed', resolution: 'seller_favour', ...(text ? { text } : {}) }];
    }
    case 'DecideForBuyer':
      return decideForBuyer(state, cmd, base);
    case 'RequestVerification':
      return requestVerification(state, cmd, base, now, ctx.policy);
    case 'Reopen': {
      only(role, ['support'], 'SUPPORT_ONLY');
      if (state.status !== 'closed') throw new IllegalStateError('CASE_NOT_CLOSED', undefined, { caseId: state.id });
      const text = cleanOptionalText(cmd.text);
      return [{ ...base, type: 'reopened', ...(text ? { text } : {}) }];
    }
    case 'Note':
      only(role, ['support'], 'SUPPORT_ONLY');
      return [{ ...base, type: 'note', text: cleanText(cmd.text) }];
    case 'RequestSupport':
      // Support is who is asked; the scheduler asks nobody.
      only(role, ['buyer', 'seller'], 'NOT_YOUR_CASE');
      notClosed(state);
      return [{ ...base, type: 'support_requested', text: cleanText(cmd.text) }];
    case 'FlagLateDelivery':
      only(role, ['system'], 'NOT_YOUR_CASE');
      notClosed(state);
      if (state.lateDelivery) throw new IllegalStateError('ALREADY_LATE', undefined, { caseId: state.id });
      if (now < millis(state.lateAt)) throw new IllegalStateError('NOT_LATE_YET', undefined, { at: state.lateAt });
      return [{ ...base, type: 'late_delivery' }];
    case 'RecordReminder':
      only(role, ['system'], 'NOT_YOUR_CASE');
      notClosed(state);
      if (!cmd.nudgeId) throw new ValidationError('VALIDATION', 'a reminder needs its nudge id', { field: 'nudgeId' });
      // A nudge fires once even when two workers pick it up: the timeline remembers it.
      if (state.timeline.some((e) => e.type === 'reminder' && e.nudgeId === cmd.nudgeId)) {
        throw new ConflictError('DUPLICATE', undefined, { nudgeId: cmd.nudgeId });
      }
      return [{ ...base, type: 'reminder', nudge: cmd.nudge, to: cmd.to, nudgeId: cmd.nudgeId }];
    case 'Take':
    case 'Release':
      return decideOwnership(state, cmd, base);
    case 'ExpireEvidence':
      only(role, ['system'], 'NOT_YOUR_CASE');
      if (state.status !== 'closed') throw new IllegalStateError('CASE_NOT_CLOSED', undefined, { caseId: state.id });
      if (cmd.blobIds.length === 0) throw new ValidationError('VALIDATION', 'no file to expire', { field: 'blobIds' });
      {
        // A retried run records each file once.
        const already = expiredEvidence(state);
        const blobIds = [...new Set(cmd.blobIds)].filter((id) => !already.has(id));
        if (blobIds.length === 0) throw new ConflictError('DUPLICATE', undefined, { caseId: state.id });
        return [{ ...base, type: 'evidence_expired', blobIds }];
      }
    default:
      return assertNever(cmd);
  }
}

type Base = { at: string; actor: Actor };

function addEvidence(state: Case, cmd: Extract<CaseCommand, { type: 'AddEvidence' }>, base: Base): CaseEvent[] {
  const proof = PROOF_OF_SHIPPING.includes(cmd.kind);
  if (proof) only(base.actor.role, ['seller'], 'SELLER_ONLY');
  else if (cmd.kind === 'photo' || cmd.kind === 'file') only(base.actor.role, ['buyer', 'seller'], 'BUYER_ONLY');
  else throw new ValidationError('VALIDATION', `unknown evidence kind ${String(cmd.kind)}`, { field: 'kind' });
  notClosed(state);
  const caption = cleanOptionalText(cmd.caption);
  if (!cmd.blob && !caption) throw new ValidationError('VALIDATION', 'evidence needs a file or a caption', { field: 'blob' });
  const event: CaseEvent = {
    ...base,
    type: 'evidence',
    kind: cmd.kind,
    ...(cmd.blob ? { blob: cmd.blob } : {}),
    ...(caption ? { caption } : {}),
  };
  if (proof) {
    // SPEC: a proof must show shipment to the address the buyer gave at purchase; null = it does not say.
    event.addressMatches = cmd.shippedTo && state.shippingAddress ? placeMatchesAddress(cmd.shippedTo, state.shippingAddress) : null;
    if (cmd.shippedTo) event.shippedTo = placeOf(cmd.shippedTo);
  }
  return [event];
}

function addTracking(state: Case, cmd: Extract<CaseCommand, { type: 'AddTracking' }>, base: Base): CaseEvent[] {
  only(base.actor.role, ['seller'], 'SELLER_ONLY');
  notClosed(state);
  const carrier = cmd.carrier?.trim() ?? '';
  const number = cmd.number?.trim() ?? '';
  if (!carrier || !number || carrier.length > 100 || number.length > 100) {
    throw new ValidationError('VALIDATION', 'tracking needs a carrier and a number', { field: carrier ? 'number' : 'carrier' });
  }
  const last = lastTrackingEvent(cmd.info);
  const delivered = last?.status.trim().toLowerCase() === 'delivered';
  const deliveredTo = delivered && last ? { city: last.city, postalCode: last.postalCode, country: last.country } : null;
  const address = cmd.shippingAddress ?? state.shippingAddress;
  const mismatch = deliveredTo !== null && !(address && placeMatchesAddress(deliveredTo, address));
  const event: CaseEvent = { ...base, type: 'tracking', carrier, number, delivered, deliveredTo, mismatch, ...(cmd.info === null ? { unknownToCarrier: true as const } : {}) };
  // Rule (c) is for non-delivery cases only. A late-delivery case is settled by a full refund
  // alone (POLICY_MAX_CASE_AGE), so late tracking is recorded for support but does not close it.
  if (state.reason === 'non_delivery' && delivered && !mismatch && !isLate(state, millis(base.at))) {
    return [event, { ...base, type: 'closed', resolution: 'delivered' }];
  }
  return [event];
}

/** The parts of an address that say where a parcel went (names and streets stay with the order). */
function placeOf(a: Address): Place {
  const place: Place = {};
  if (a.city?.trim()) place.city = a.city.trim();
  if (a.postalCode?.trim()) place.postalCode = a.postalCode.trim();
  if (a.country?.trim()) place.country = a.country.trim();
  return place;
}

function lastTrackingEvent(info: TrackingInfo | null): TrackingInfo['events'][number] | undefined {
  if (!info || info.events.length === 0) return undefined;
  // Carriers list events in either order; the latest one is the parcel's state.
  return [...info.events].sort((a, b) => millis(a.at) - millis(b.at)).at(-1);
}

function refund(state: Case, cmd: Extract<CaseCommand, { type: 'Refund' }>, base: Base): CaseEvent[] {
  const role = base.actor.role;
  if (role === 'support') supportAfterEscalation(state, role);
  else only(role, ['seller'], 'SELLER_ONLY');
  notClosed(state);
  if (role === 'seller' && cmd.recover) throw new ForbiddenError('SUPPORT_ONLY', 'only support recovers funds from the seller');
  const amount = refundAmount(state, cmd.amount);
  const full = state.refunded.amount + amount.amount === state.orderTotal.amount;
  const viaOriginalMethod = cmd.viaOriginalMethod ?? true;
  // POLICY_MAX_CASE_AGE: a late case takes a full refund (of what is left) only, from support or the seller alike.
  if (!full) fullRefundOnlyWhenLate(state, millis(base.at));
  const event: CaseEvent = { ...base, type: 'refund', amount, full, viaOriginalMethod, recover: role === 'support' && (cmd.recover ?? false) };
  if (role === 'support') return [event, { ...base, type: 'closed', resolution: 'support_refund' }];
  // Rule (a): only a full refund through the original payment method closes the case by itself.
  return full && viaOriginalMethod ? [event, { ...base, type: 'closed', resolution: 'refunded' }] : [event];
}

function refundAmount(state: Case, requested: Money | undefined): Money {
  const remaining = state.orderTotal.amount - state.refunded.amount;
  const currency = state.orderTotal.currency;
  if (remaining <= 0) throw new IllegalStateError('REFUND_TOO_LARGE', undefined, { max: 0, currency });
  if (!requested) return { amount: remaining, currency };
  if (!Number.isSafeInteger(requested.amount) || requested.amount <= 0) {
    throw new ValidationError('INVALID_AMOUNT', undefined, { currency });
  }
  if (requested.currency?.toUpperCase() !== currency.toUpperCase()) {
    throw new ValidationError('CURRENCY_MISMATCH', undefined, { currency, given: String(requested.currency) });
  }
  if (requested.amount > remaining) throw new IllegalStateError('REFUND_TOO_LARGE', undefined, { max: remaining, currency });
  return { amount: requested.amount, currency };
}

/** Support settles for the buyer: refunds what is left through the original method (none when all is refunded) and closes. */
function decideForBuyer(state: Case, cmd: Extract<CaseCommand, { type: 'DecideForBuyer' }>, base: Base): CaseEvent[] {
  supportAfterEscalation(state, base.actor.role);
  const remaining = state.orderTotal.amount - state.refunded.amount;
  const text = cleanOptionalText(cmd.text);
  const refund: CaseEvent[] =
    remaining > 0
      ? [{ ...base, type: 'refund', amount: { amount: remaining, currency: state.orderTotal.currency }, full: true, viaOriginalMethod: true, recover: cmd.recover ?? false }]
      : [];
  return [...refund, { ...base, type: 'closed', resolution: 'support_refund', ...(text ? { text } : {}) }];
}

/** Closures the buyer may ask support to verify: on the carrier's word (tracking) or the seller's (a refund). */
export const CONTESTABLE: readonly Resolution[] = ['delivered', 'refunded'];
/** Closings support made (its decision for the seller, its refund): final, never contested by the buyer (SPEC section 1). */
export const DECIDED_BY_SUPPORT: readonly Resolution[] = ['seller_favour', 'support_refund'];

/**
 * The buyer contests a closure that did not come from them or from support: once per case, within
 * POLICY_CONTEST_WINDOW of the closing. Support gets the case and may reopen it.
 */
function requestVerification(state: Case, cmd: Extract<CaseCommand, { type: 'RequestVerification' }>, base: Base, now: number, policy: Policy): CaseEvent[] {
  only(base.actor.role, ['buyer'], 'BUYER_ONLY');
  if (state.status !== 'closed' || !state.closedAt || !state.resolution) throw new IllegalStateError('CASE_NOT_CLOSED', undefined, { caseId: state.id });
  if (!CONTESTABLE.includes(state.resolution)) throw new IllegalStateError('NOT_CONTESTABLE', undefined, { caseId: state.id, resolution: state.resolution });
  const earlier = state.timeline.find((e) => e.type === 'verification_requested');
  if (earlier) throw new IllegalStateError('ALREADY_CONTESTED', undefined, { caseId: state.id, at: earlier.at });
  const until = plus(state.closedAt, policy.contestWindow);
  if (now >= millis(until)) throw new IllegalStateError('CONTEST_WINDOW_OVER', undefined, { caseId: state.id, until });
  const text = cleanOptionalText(cmd.text);
  return [{ ...base, type: 'verification_requested', resolution: state.resolution, ...(text ? { text } : {}) }];
}

function escalate(state: Case, cmd: Extract<CaseCommand, { type: 'Escalate' }>, base: Base, now: number): CaseEvent[] {
  const role = base.actor.role;
  only(role, ['buyer', 'support'], 'BUYER_ONLY');
  notClosed(state);
  if (state.status === 'escalated') throw new IllegalStateError('ALREADY_ESCALATED', undefined, { at: state.escalatedAt ?? '' });
  if (role === 'buyer') {
    if (now < millis(state.escalatableAt)) throw new IllegalStateError('ESCALATION_NOT_YET', undefined, { at: state.escalatableAt });
    // The buyer escalates on time alone; grounds are support's to name.
    return [{ ...base, type: 'escalated', ground: null }];
  }
  if (!cmd.ground || !ESCALATION_GROUNDS.includes(cmd.ground)) {
    throw new ValidationError('INVALID_GROUND', undefined, { grounds: ESCALATION_GROUNDS.join(', ') });
  }
  return [{ ...base, type: 'escalated', ground: cmd.ground }];
}

function supportAfterEscalation(state: Case, role: Role): void {
  only(role, ['support'], 'SUPPORT_ONLY');
  notClosed(state);
  if (state.status !== 'escalated') throw new IllegalStateError('NOT_ESCALATED', undefined, { caseId: state.id });
}

/**
 * POLICY_MAX_CASE_AGE: once a case is flagged late, support may only settle it with a full
 * refund, and the seller refunds nothing less than what is left. The buyer may still close it as satisfied: that is the buyer giving up a claim, not
 * support imposing a lesser outcome, and blocking it would keep a case open against their will.
 */
function fullRefundOnlyWhenLate(state: Case, now: number): void {
  if (isLate(state, now)) throw new IllegalStateError('LATE_DELIVERY_FULL_REFUND_ONLY', undefined, { caseId: state.id });
}

/**
 * Late from POLICY_MAX_CASE_AGE on, whether or not the scheduled flag (`late_delivery`, which tells support and the
 * seller) has been recorded yet: a job running late, or a process down at that moment, must not let tracking or a
 * lesser decision settle a case the rule says only a full refund may settle.
 */
export function isLate(state: Case, now: number): boolean {
  return state.lateDelivery || now >= millis(state.lateAt);
}

function only(role: Role, allowed: readonly Role[], code: ErrorCode): void {
  if (!allowed.includes(role)) throw new ForbiddenError(code, undefined, { role });
}

function notClosed(state: Case): void {
  if (state.status === 'closed') throw new IllegalStateError('CASE_CLOSED', undefined, { caseId: state.id });
}

function assertNever(x: never): never {
  throw new PalabreError('INTERNAL', `unhandled command ${JSON.stringify(x)}`);
}
