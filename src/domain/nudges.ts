import { DateTime, Duration } from 'luxon';
import { addBusinessDays } from './business-days.js';
import { businessDueAt } from './business-hours.js';
import { deskCalendar, ownerReminderAt, supportOwedSince } from './desk.js';
import type { Case } from './case-model.js';
import { DEFAULT_PROCESSING_DAYS } from './eligibility.js';
import type { Policy } from './policy.js';
import { instant, millis, plus, toIso } from './time.js';
import type { NudgeKind, Order, Shop } from './types.js';

/** Who a nudge is for. */
export type NudgeRecipient = 'buyer' | 'seller' | 'support';

/** A deadline nudge of SPEC section 1, decided from a case's (or an order's) state. */
export interface PlannedNudge {
  /** Stable and unique per occurrence (`nudge-C-000001-seller_reminder-1`): job id and notification id. No `:`. */
  id: string;
  kind: NudgeKind;
  to: NudgeRecipient;
  /** When to send it, ISO UTC. */
  dueAt: string;
  /** The case it is about; null for the order-level nudges (no case yet). */
  caseId: string | null;
  orderId: string;
  /** Order-level nudges only: the instant the nudge was planned from (window end, unanswered message). */
  basis?: string;
}

/** `nudge-<caseId>-<kind>[-<suffix>]`, safe as a BullMQ job id. */
export function nudgeId(subject: string, kind: NudgeKind, suffix?: string | number): string {
  return ['nudge', safeId(subject), kind, ...(suffix === undefined ? [] : [String(suffix)])].join('-');
}

/** Replaces what a job id may not hold (`:` above all) in an id that comes from outside. */
export function safeId(s: string): string {
  return s.replace(/[^A-Za-z0-9_.-]/g, '_');
}

/** Time between two instants as an ISO duration in hours and minutes (0 when `to` is past). */
export function durationBetween(from: string, to: string): string {
  const ms = Math.max(0, millis(to) - millis(from));
  return Duration.fromMillis(Math.round(ms / 60_000) * 60_000).shiftTo('hours', 'minutes').toISO() ?? 'PT0S';
}

/** True once the timeline records this nudge as sent. */
export function nudgeSent(c: Case, id: string): boolean {
  return c.timeline.some((e) => e.type === 'reminder' && e.nudgeId === id);
}

/**
 * The nudges a case's current state calls for (SPEC section 1 "Deadline nudges"), with their due
 * times, minus those already sent. Nudges sent with an event (at opening, on escalation, on a
 * request for information) are notifications, not planned here. Time is not looked at: a nudge
 * whose time has passed is still returned, and fires at once.
 */
export function planNudges(c: Case, policy: Policy): PlannedNudge[] {
  if (c.status === 'closed') return [];
  const out: PlannedNudge[] = [];
  const add = (kind: NudgeKind, to: NudgeRecipient, dueAt: string, suffix?: string | number) => {
    const id = nudgeId(c.id, kind, suffix);
    if (!nudgeSent(c, id)) out.push({ id, kind, to, dueAt, caseId: c.id, orderId: c.orderId });
  };
  if (sellerSilent(c)) {
    policy.sellerReminders.forEach((after, i) => {
      const dueAt = plus(c.openedAt, after);
      // Each reminder says how long is left before escalation; past that, the buyer's notice takes over.
      if (millis(dueAt) < millis(c.escalatableAt)) add('seller_reminder', 'seller', dueAt, i + 1);
    });
  }
  if (c.status === 'open') add('buyer_escalation_open', 'buyer', c.escalatableAt, stamp(c.escalatableAt));
  if (c.buyerWaitingSince) add('seller_reply_due', 'seller', plus(c.buyerWaitingSince, policy.replyNudgeAfter), stamp(c.buyerWaitingSince));
  // Support's SLA counts business hours (src/domain/desk.ts): the owner is reminded at half of it, the desk told at the end.
  const owedSince = supportOwedSince(c);
  if (owedSince) {
    add('support_sla', 'support', businessDueAt(owedSince, policy.supportSla, deskCalendar(policy)), stamp(owedSince));
    const remindAt = ownerReminderAt(c, policy);
    if (remindAt) add('support_owner_idle', 'support', remindAt, stamp(owedSince));
  }
  if (!c.lateDelivery) add('support_late_delivery', 'support', c.lateAt);
  return out;
}

/**
 * The planned nudges to keep scheduled, so that a case holds one pending job (or a few sharing a due
 * time) instead of one per planned nudge: those already due at `now` (they fire at once, and a change
 * racing a firing nudge must not hide the next one behind it) and the earliest still to come, all
 * sharing its due time. With `after` (the due time of a nudge that just fired), only later ones: the
 * chain goes on from there, past a nudge that was dropped but is still planned.
 */
export function nextNudges(planned: readonly PlannedNudge[], now: string, after?: string): PlannedNudge[] {
  const floor = after === undefined ? -Infinity : millis(after);
  const present = Math.max(millis(now), floor);
  let earliest = Infinity;
  for (const n of planned) {
    const t = millis(n.dueAt);
    if (t > present && t < earliest) earliest = t;
  }
  return planned.filter((n) => {
    const t = millis(n.dueAt);
    return (t > floor && t <= present) || t === earliest;
  });
}

/**
 * Whether a case nudge that came due still applies to the case as it is now: not sent yet, and
 * the state it was planned from unchanged (the seller has not acted, the case is not closed,
 * escalated or answered since). Checked when the nudge fires, so a stale one is dropped.
 */
export function nudgeApplies(c: Case, nudge: Pick<PlannedNudge, 'id' | 'kind'>, now: string): boolean {
  if (c.status === 'closed' || nudgeSent(c, nudge.id)) return false;
  switch (nudge.kind) {
    case 'seller_reminder':
      return sellerSilent(c) && millis(now) < millis(c.escalatableAt) && nudge.id.startsWith(nudgeId(c.id, 'seller_reminder') + '-');
    case 'buyer_escalation_open':
      return c.status === 'open' && nudge.id === nudgeId(c.id, nudge.kind, stamp(c.escalatableAt));
    case 'seller_reply_due':
      return c.buyerWaitingSince !== null && nudge.id === nudgeId(c.id, nudge.kind, stamp(c.buyerWaitingSince));
    case 'support_sla':
    case 'support_owner_idle': {
      const since = supportOwedSince(c);
      return since !== null && (nudge.kind === 'support_sla' || Boolean(c.owner)) && nudge.id === nudgeId(c.id, nudge.kind, stamp(since));
    }
    case 'support_late_delivery':
      return !c.lateDelivery && millis(now) >= millis(c.lateAt) && nudge.id === nudgeId(c.id, nudge.kind);
    case 'seller_case_opened':
    case 'buyer_window_closing':
    case 'seller_unshipped':
      return false;
    default:
      return assertNever(nudge.kind);
  }
}

/** What the order-level nudges are checked against when they come due. */
export interface OrderFacts {
  now: string;
  /** The order as the marketplace has it now. */
  order: Order;
  /** A case was opened on the order (open or since closed). */
  caseOpened: boolean;
  /** Last time the seller answered the buyer's messages about the order, if ever. */
  sellerRepliedAt: string | null;
}

/**
 * Buyer: the case window of an order they reported closes in POLICY_WINDOW_REMINDER. `until` is Eligibility.until,
 * `timezone` the buyer's (Eligibility.timezone): the reminder is counted back in their calendar, so that it comes at
 * their midnight as the window's end does, even when a daylight-saving change falls in between (a Paris buyer whose
 * window ends on 29 October is reminded at 00:00 on the 22nd, not at 01:00).
 */
export function planWindowReminder(order: Order, until: string, policy: Policy, timezone = 'UTC'): PlannedNudge {
  const dueAt = toIso(instant(until).setZone(timezone).minus(policy.windowReminder));
  return { id: nudgeId(`O-${order.id}`, 'buyer_window_closing'), kind: 'buyer_window_closing', to: 'buyer', dueAt, caseId: null, orderId: order.id, basis: until };
}

/**
 * Seller: the order is still unshipped when its processing time ends (the order's, else the
 * shop's, else 5 business days, counted in `timezone` from the order date). Null once shipped.
 */
export function planUnshippedNudge(order: Order, shop: Shop, timezone: string): PlannedNudge | null {
  if (shipped(order)) return null;
  const days = order.processingDays ?? shop.processingDays ?? DEFAULT_PROCESSING_DAYS;
  const end = addBusinessDays(DateTime.fromISO(order.placedAt, { zone: 'utc' }).setZone(timezone), days);
  return { id: nudgeId(`O-${order.id}`, 'seller_unshipped'), kind: 'seller_unshipped', to: 'seller', dueAt: toIso(end), caseId: null, orderId: order.id };
}

/** Seller: a buyer message about an order (no case) unanswered for POLICY_REPLY_NUDGE_AFTER. `since` = first unanswered message. */
export function planOrderReplyNudge(orderId: string, since: string, policy: Policy): PlannedNudge {
  return {
    id: nudgeId(`O-${orderId}`, 'seller_reply_due', stamp(since)),
    kind: 'seller_reply_due',
    to: 'seller',
    dueAt: plus(since, policy.replyNudgeAfter),
    caseId: null,
    orderId,
    basis: since,
  };
}

/** Whether an order-level nudge that came due still applies. */
export function orderNudgeApplies(nudge: Pick<PlannedNudge, 'kind' | 'basis'>, f: OrderFacts): boolean {
  switch (nudge.kind) {
    case 'buyer_window_closing':
      return !f.caseOpened && nudge.basis !== undefined && millis(f.now) < millis(nudge.basis);
    case 'seller_unshipped':
      return !shipped(f.order);
    case 'seller_reply_due':
      return !f.caseOpened && nudge.basis !== undefined && (f.sellerRepliedAt === null || millis(f.sellerRepliedAt) < millis(nudge.basis));
    default:
      return false;
  }
}

function shipped(order: Order): boolean {
  return Boolean(order.shippedAt || order.tracking);
}

function sellerSilent(c: Case): boolean {
  return c.status === 'open' && c.sellerActedAt === null;
}

/** Epoch milliseconds: an instant in an id, where ISO's `:` may not go. */
function stamp(iso: string): number {
  return millis(iso);
}

function assertNever(x: never): never {
  throw new Error(`unhandled nudge kind ${String(x)}`);
}
