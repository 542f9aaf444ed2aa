import type { Case, CaseEvent } from '../domain/case-model.js';
import { durationBetween, type PlannedNudge } from '../domain/nudges.js';
import { CONTESTABLE } from '../domain/decider.js';
import { defaultPolicy, type Policy } from '../domain/policy.js';
import { plus } from '../domain/time.js';
import type { NudgeKind, Order, Resolution } from '../domain/types.js';
import type { Msg, Notification, Recipient } from '../ports/notification.js';

/** `owner`: the support agent who owns the case, reached on the platforms they linked. */
type Party = 'buyer' | 'seller' | 'support' | 'owner';

/** What one event says to one kind of recipient. */
interface Say {
  to: Party[];
  body: (to: Party) => Msg[];
  card?: boolean | ((to: Party) => boolean);
  blobId?: string;
}

/**
 * The case service's outbox hook: the notifications that `events` (just appended, `c` being the
 * case after them) cause, one per recipient. The actor is never told what they did themselves
 * (their turn's reply does that); support follows a case once it has been escalated; internal
 * notes go to support only. Messages are ids with arguments, localized at delivery.
 */
export function notificationsFor(c: Case, events: CaseEvent[], policy: Policy = defaultPolicy): Notification[] {
  const firstVersion = c.version - events.length + 1;
  return events.flatMap((e, i) => {
    const version = firstVersion + i;
    const say = whatToSay(c, e, supportFollows(c, version), policy);
    if (!say) return [];
    const actorRole = e.actor.role;
    const parties = say.to.filter((p) => p === 'support' || p !== actorRole);
    return parties.map((to, n): Notification => {
      const id = e.type === 'reminder' ? e.nudgeId : `${c.id}-${version}-${n + 1}`;
      return {
        id,
        to: recipient(c, to),
        caseId: c.id,
        body: say.body(to),
        ...((typeof say.card === 'function' ? say.card(to) : say.card) ? { card: true } : {}),
        ...(say.blobId ? { blobId: say.blobId } : {}),
        ...(e.type === 'closed' ? { closing: true } : {}),
        createdAt: e.at,
        ...(actorRole !== 'system' ? { from: { accountId: e.actor.accountId } } : {}),
        // Support is one team: when a member acted, the staff channel they acted in already shows it.
        ...(to === 'support' && actorRole === 'support' ? { exceptPlatform: e.actor.platform } : {}),
      };
    });
  });
}

function whatToSay(c: Case, e: CaseEvent, following: boolean, policy: Policy): Say | null {
  const caseId = c.id;
  const author = e.actor.role;
  const withSupport = (to: Party[]): Party[] => (following ? [...to, 'support'] : to);
  const others = (): Party[] => withSupport(author === 'buyer' ? ['seller'] : author === 'seller' ? ['buyer'] : ['buyer', 'seller']);
  switch (e.type) {
    case 'opened':
      return {
        to: ['seller'],
        card: true,
        body: (): Msg[] => [
          { id: 'notify-case-opened', args: { caseId, orderId: c.orderId, reason: c.reason, escalatableAt: { date: c.escalatableAt, style: 'datetime' } } },
          { id: 'notify-quote', args: { text: c.description } },
        ],
      };
    case 'comment': {
      // A correction (the author edited the message) says which message it corrects: the earlier one stays as it was read.
      const comment: Msg = e.correctionOf
        ? { id: 'notify-comment-correction', args: { caseId, author, sentAt: { date: e.correctionOf, style: 'datetime' as const }, text: e.text } }
        : { id: 'notify-comment', args: { caseId, author, text: e.text } };
      if (!e.alarm) return { to: others(), body: () => [comment] };
      // Words read as a threat: support hears of them with the case card, even before any escalation.
      const to = others();
      return {
        to: to.includes('support') ? to : [...to, 'support'],
        card: (p) => p === 'support',
        body: (p): Msg[] => (p === 'support' ? [{ id: 'notify-threat-support', args: { caseId, author } }, { id: 'notify-quote', args: { text: e.text } }] : [comment]),
      };
    }
    case 'evidence': {
      const body: Msg[] = [{ id: 'notify-evidence', args: { caseId, author, kind: e.kind } }];
      if (e.caption) body.push({ id: 'notify-quote', args: { text: e.caption } });
      if (e.addressMatches === false) body.push({ id: 'notify-proof-address-mismatch', args: { caseId, ...placeArgs(e.shippedTo) } });
      return { to: others(), body: () => body, ...(e.blob ? { blobId: e.blob.id } : {}) };
    }
    case 'tracking': {
      const status = e.mismatch ? 'mismatch' : e.delivered ? 'delivered' : e.unknownToCarrier ? 'unknown' : 'in_transit';
      return { to: withSupport(['buyer']), body: () => [{ id: 'notify-tracking', args: { caseId, carrier: e.carrier, number: e.number, status, ...placeArgs(e.deliveredTo ?? undefined) } }] };
    }
    case 'refund':
      return {
        to: withSupport(author === 'support' ? ['buyer', 'seller'] : ['buyer']),
        body: (): Msg[] => [
          { id: 'notify-refund', args: { caseId, author, amount: { money: e.amount }, kind: e.full ? 'full' : 'partial', recover: e.recover ? 'yes' : 'no' } },
        ],
      };
    case 'escalated':
      return {
        to: ['buyer', 'seller', 'support'],
        card: true,
        body: (to) => [
          to === 'support'
            ? { id: 'notify-escalated-support', args: { caseId, author, ground: e.ground ?? 'none' } }
            : { id: 'notify-escalated', args: { caseId, author, ground: e.ground ?? 'none' } },
        ],
      };
    case 'info_requested':
      return { to: [e.from], card: true, body: () => [{ id: 'notify-info-requested', args: { caseId, text: e.text, from: e.from } }] };
    case 'info_provided':
      return { to: ['support'], body: () => [{ id: 'notify-comment', args: { caseId, author, text: e.text } }] };
    case 'note':
      return { to: ['support'], body: () => [{ id: 'notify-note', args: { caseId, text: e.text } }] };
    case 'support_requested':
      return { to: ['support'], card: true, body: () => [{ id: 'notify-support-requested', args: { caseId, author, text: e.text } }] };
    case 'reminder': {
      const msg = reminderMsg(c, e.nudge, e.at);
      // The owner's own reminder comes to them directly, without the card (its buttons work in the staff channel).
      if (msg && e.nudge === 'support_owner_idle') return c.owner ? { to: ['owner'], body: () => [msg] } : null;
      return msg && e.to !== 'system' ? { to: [e.to as Party], card: true, body: () => [msg] } : null;
    }
    case 'assigned':
      return { to: ['support'], body: () => [{ id: 'desk-notify-assigned', args: { caseId, owner: e.ownerName } }] };
    case 'released':
      return { to: ['support'], body: () => [{ id: 'desk-notify-released', args: { caseId } }] };
    case 'closed': {
      // Closed on the carrier's or the seller's word: the buyer is told why and may ask support to verify.
      const contest = CONTESTABLE.includes(e.resolution) && !c.timeline.some((x) => x.type === 'verification_requested');
      return {
        to: withSupport(['buyer', 'seller']),
        card: (to) => to === 'buyer' && contest,
        body: (to): Msg[] => [
          { id: 'notify-closed', args: { caseId, resolution: e.resolution } },
          ...(e.text ? [{ id: 'notify-quote', args: { text: e.text } }] : []),
          ...(to === 'buyer' && contest ? [closedWhy(c, e.resolution), { id: 'notify-contest-offer', args: { caseId, until: { date: plus(e.at, policy.contestWindow), style: 'datetime' as const } } }] : []),
        ],
      };
    }
    case 'verification_requested':
      return {
        to: ['support'],
        card: true,
        body: (): Msg[] => [
          { id: 'notify-verification-requested', args: { caseId, resolution: e.resolution } },
          ...(e.text ? [{ id: 'notify-quote', args: { text: e.text } }] : []),
        ],
      };
    case 'reopened':
      // Support on the other platforms followed the case to its closing: they learn it is back, with a live card.
      return {
        to: withSupport(['buyer', 'seller']),
        card: true,
        body: (): Msg[] => [{ id: 'notify-reopened', args: { caseId } }, ...(e.text ? [{ id: 'notify-quote', args: { text: e.text } }] : [])],
      };
    case 'late_delivery':
      return {
        to: ['seller', 'support'],
        card: true,
        body: () => [{ id: 'notify-late-delivery', args: { caseId, openedAt: { date: c.openedAt }, total: { money: c.orderTotal } } }],
      };
    // Housekeeping: nobody is told; the timeline says it when the case is shown.
    case 'evidence_expired':
      return null;
    default:
      return assertNever(e);
  }
}

/** Why a case closed without the buyer: what the carrier said, or the seller's refund. */
function closedWhy(c: Case, resolution: Resolution): Msg {
  if (resolution === 'delivered') {
    const t = c.timeline.findLast((x) => x.type === 'tracking');
    const place = (t?.type === 'tracking' ? placeArgs(t.deliveredTo ?? undefined).place : '') || 'none';
    return { id: 'notify-closed-why-delivered', args: { carrier: t?.type === 'tracking' ? t.carrier : '', number: t?.type === 'tracking' ? t.number : '', place } };
  }
  return { id: 'notify-closed-why-refunded', args: { amount: { money: c.refunded } } };
}

/** The sentence of a case nudge, with what is left at the moment it is sent. */
function reminderMsg(c: Case, nudge: NudgeKind, at: string): Msg | null {
  const caseId = c.id;
  switch (nudge) {
    case 'seller_reminder':
      return { id: 'notify-seller-reminder', args: { caseId, left: { duration: durationBetween(at, c.escalatableAt) }, escalatableAt: { date: c.escalatableAt, style: 'datetime' } } };
    case 'buyer_escalation_open':
      return { id: 'notify-escalation-open', args: { caseId } };
    case 'seller_reply_due':
      return { id: 'notify-reply-due', args: { caseId, since: { date: c.buyerWaitingSince ?? at, style: 'datetime' } } };
    case 'support_sla':
      if (c.owner) return { id: 'desk-notify-sla-owned', args: { caseId, owner: c.owner.name } };
      return { id: 'notify-support-sla', args: { caseId, waited: { duration: durationBetween(c.escalatedAt ?? at, at) } } };
    case 'support_owner_idle':
      return { id: 'desk-notify-owner-idle', args: { caseId, since: { date: c.owner?.since ?? at, style: 'datetime' } } };
    case 'support_late_delivery':
      return { id: 'notify-late-delivery', args: { caseId, openedAt: { date: c.openedAt }, total: { money: c.orderTotal } } };
    case 'seller_case_opened':
      return { id: 'notify-case-opened', args: { caseId, orderId: c.orderId, reason: c.reason, escalatableAt: { date: c.escalatableAt, style: 'datetime' } } };
    case 'buyer_window_closing':
    case 'seller_unshipped':
      // Order-level nudges have no case and so no timeline: they are sent by orderNudgeNotification.
      return null;
    default:
      return assertNever(nudge);
  }
}

/**
 * The notification of an order-level nudge (no case, so no timeline): to the order's buyer or
 * seller, `recipientId`. Its id is the nudge id, so it is delivered once.
 */
export function orderNudgeNotification(nudge: PlannedNudge, order: Order, recipientId: string, now: string): Notification | null {
  const orderId = order.id;
  const basis = nudge.basis ?? now;
  let body: Msg[];
  switch (nudge.kind) {
    case 'buyer_window_closing':
      // `until` is exclusive (midnight starting the first day too late): show the last day one can open.
      body = [{ id: 'notify-window-closing', args: { orderId, until: { date: new Date(Date.parse(basis) - 1).toISOString() }, left: { duration: durationBetween(now, basis) } } }];
      break;
    case 'seller_unshipped':
      body = [{ id: 'notify-unshipped', args: { orderId, placedAt: { date: order.placedAt } } }];
      break;
    case 'seller_reply_due':
      body = [{ id: 'notify-order-reply-due', args: { orderId, since: { date: basis, style: 'datetime' } } }];
      break;
    default:
      return null;
  }
  // The seller's nudges carry the order, so they come with a button to write to the buyer.
  return { id: nudge.id, to: { accountId: recipientId }, body, ...(nudge.to === 'seller' ? { orderId } : {}), createdAt: now };
}

/** Where a proof says it went (or the carrier says it delivered), as one line (`Goma, CD`), and whether it says. */
export function placeArgs(place: { city?: string; postalCode?: string; country?: string } | undefined): { place: string; placeKnown: 'yes' | 'no' } {
  const line = place ? [place.postalCode, place.city, place.country].filter((p) => p && p.trim()).join(', ') : '';
  return { place: line, placeKnown: line ? 'yes' : 'no' };
}

/** True when the event at `version` comes after an escalation (support then follows the case). */
function supportFollows(c: Case, version: number): boolean {
  return c.timeline.slice(0, version - 1).some((e) => e.type === 'escalated');
}

function recipient(c: Case, to: Party): Recipient {
  if (to === 'support') return { support: true };
  if (to === 'owner') return { accountId: c.owner?.accountId ?? '' };
  return { accountId: to === 'buyer' ? c.buyerId : c.sellerId };
}

function assertNever(x: never): never {
  throw new Error(`unhandled ${JSON.stringify(x)}`);
}
