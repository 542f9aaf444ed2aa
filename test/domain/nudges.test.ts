import { describe, expect, it } from 'vitest';
import { fold } from '../../src/domain/decider.js';
import {
  durationBetween,
  nextNudges,
  nudgeApplies,
  orderNudgeApplies,
  planNudges,
  planOrderReplyNudge,
  planUnshippedNudge,
  planWindowReminder,
  type PlannedNudge,
} from '../../src/domain/nudges.js';
import { defaultPolicy } from '../../src/domain/policy.js';
import { OPENED_AT, escalatedCase, makeOrder, makeShop, opened, play, policyWith, shift } from './support.js';

const byKind = (ns: PlannedNudge[], kind: PlannedNudge['kind']) => ns.filter((n) => n.kind === kind);
const reminder = (nudge: PlannedNudge) => ({ type: 'RecordReminder' as const, nudge: nudge.kind, to: nudge.to, nudgeId: nudge.id });

describe('planNudges: the deadlines of a freshly opened case', () => {
  const c = fold(opened());
  const plan = planNudges(c, defaultPolicy);

  it('reminds the seller 24 and 48 hours after opening, with stable ids without ":"', () => {
    expect(byKind(plan, 'seller_reminder')).toEqual([
      { id: 'nudge-C-000123-seller_reminder-1', kind: 'seller_reminder', to: 'seller', dueAt: shift(OPENED_AT, 'PT24H'), caseId: 'C-000123', orderId: 'CC-1001' },
      { id: 'nudge-C-000123-seller_reminder-2', kind: 'seller_reminder', to: 'seller', dueAt: shift(OPENED_AT, 'PT48H'), caseId: 'C-000123', orderId: 'CC-1001' },
    ]);
    for (const n of plan) expect(n.id).not.toContain(':');
  });

  it('tells the buyer when escalation opens, 3 days after opening', () => {
    expect(byKind(plan, 'buyer_escalation_open')).toMatchObject([{ to: 'buyer', dueAt: c.escalatableAt }]);
    expect(c.escalatableAt).toBe(shift(OPENED_AT, 'P3D'));
  });

  it('flags the case to support when it reaches 365 days', () => {
    expect(byKind(plan, 'support_late_delivery')).toMatchObject([{ id: 'nudge-C-000123-support_late_delivery', to: 'support', dueAt: shift(OPENED_AT, 'P365D') }]);
  });

  it('plans nothing about replies or support while nobody waits for them', () => {
    expect(byKind(plan, 'seller_reply_due')).toEqual([]);
    expect(byKind(plan, 'support_sla')).toEqual([]);
  });

  it('skips a seller reminder that would come after escalation opens', () => {
    const p = planNudges(fold(opened({ policy: defaultPolicy })), policyWith({ POLICY_SELLER_REMINDERS: 'PT24H,P4D' }));
    expect(byKind(p, 'seller_reminder').map((n) => n.dueAt)).toEqual([shift(OPENED_AT, 'PT24H')]);
  });
});

describe('planNudges follows the case', () => {
  it('stops the seller reminders once the seller acted, and never plans a sent one again', () => {
    const first = planNudges(fold(opened()), defaultPolicy).find((n) => n.kind === 'seller_reminder')!;
    const afterFirst = fold(play(opened(), [[reminder(first), { as: 'system', now: first.dueAt }]]));
    expect(byKind(planNudges(afterFirst, defaultPolicy), 'seller_reminder').map((n) => n.id)).toEqual(['nudge-C-000123-seller_reminder-2']);
    const answered = fold(play(opened(), [[{ type: 'Comment', text: 'Je regarde.' }, { as: 'seller' }]]));
    expect(byKind(planNudges(answered, defaultPolicy), 'seller_reminder')).toEqual([]);
  });

  it('nudges the seller 24 hours after the first unanswered buyer message', () => {
    const at = shift(OPENED_AT, 'PT2H');
    const log = play(opened(), [
      [{ type: 'Comment', text: 'Des nouvelles ?' }, { now: at }],
      [{ type: 'Comment', text: 'Allô ?' }, { now: shift(OPENED_AT, 'PT5H') }],
    ]);
    const due = byKind(planNudges(fold(log), defaultPolicy), 'seller_reply_due');
    expect(due).toMatchObject([{ id: `nudge-C-000123-seller_reply_due-${Date.parse(at)}`, dueAt: shift(at, 'PT24H'), to: 'seller' }]);
  });

  it('watches the support SLA on an escalated case until support acts', () => {
    const esc = fold(escalatedCase());
    expect(byKind(planNudges(esc, defaultPolicy), 'support_sla')).toMatchObject([{ to: 'support', dueAt: shift(esc.escalatedAt!, 'PT24H') }]);
    expect(byKind(planNudges(esc, defaultPolicy), 'buyer_escalation_open')).toEqual([]);
    const noted = fold(play(escalatedCase(), [[{ type: 'Note', text: 'Je prends.' }, { as: 'support', now: shift(OPENED_AT, 'PT3H') }]]));
    expect(byKind(planNudges(noted, defaultPolicy), 'support_sla')).toEqual([]);
  });

  it('plans nothing for a closed case', () => {
    const closed = fold(play(opened(), [[{ type: 'BuyerClose' }]]));
    expect(planNudges(closed, defaultPolicy)).toEqual([]);
  });
});

describe('nextNudges: only the front of a case\'s plan is scheduled', () => {
  const plan = planNudges(fold(opened()), defaultPolicy);
  const ids = (ns: PlannedNudge[]) => ns.map((n) => n.id);
  const tied = { ...plan.find((n) => n.kind === 'buyer_escalation_open')!, id: 'nudge-C-000123-tied', dueAt: shift(OPENED_AT, 'PT24H') };

  it('keeps the earliest nudge alone while nothing is due yet', () => {
    expect(ids(nextNudges(plan, OPENED_AT))).toEqual(['nudge-C-000123-seller_reminder-1']);
  });

  it('keeps every nudge sharing the earliest due time', () => {
    expect(ids(nextNudges([...plan, tied], OPENED_AT))).toEqual(['nudge-C-000123-seller_reminder-1', 'nudge-C-000123-tied']);
  });

  it('keeps what is already due with the earliest still to come', () => {
    expect(ids(nextNudges(plan, shift(OPENED_AT, 'PT50H')))).toEqual([
      'nudge-C-000123-seller_reminder-1',
      'nudge-C-000123-seller_reminder-2',
      expect.stringContaining('buyer_escalation_open'),
    ]);
  });

  it('goes on after a nudge that fired, past one still planned that was dropped', () => {
    const first = shift(OPENED_AT, 'PT24H');
    expect(ids(nextNudges(plan, first, first))).toEqual(['nudge-C-000123-seller_reminder-2']);
    expect(ids(nextNudges(plan, shift(OPENED_AT, 'P4D'), first))).toEqual([
      'nudge-C-000123-seller_reminder-2',
      expect.stringContaining('buyer_escalation_open'),
      'nudge-C-000123-support_late_delivery',
    ]);
    // A worker clock a little behind the due time: still only what comes after.
    expect(ids(nextNudges(plan, shift(OPENED_AT, 'PT23H'), first))).toEqual(['nudge-C-000123-seller_reminder-2']);
  });

  it('keeps nothing once nothing is planned', () => {
    expect(nextNudges([], OPENED_AT)).toEqual([]);
  });
});

describe('nudgeApplies: a due nudge is checked against the case as it is now', () => {
  const plan = planNudges(fold(opened()), defaultPolicy);
  const first = plan.find((n) => n.id.endsWith('seller_reminder-1'))!;
  const escalationOpen = plan.find((n) => n.kind === 'buyer_escalation_open')!;
  const late = plan.find((n) => n.kind === 'support_late_delivery')!;

  it('applies while the seller has not acted', () => {
    expect(nudgeApplies(fold(opened()), first, first.dueAt)).toBe(true);
  });

  it('is dropped once the seller answered', () => {
    const c = fold(play(opened(), [[{ type: 'Comment', text: 'Expédié hier.' }, { as: 'seller' }]]));
    expect(nudgeApplies(c, first, first.dueAt)).toBe(false);
  });

  it('is dropped once the case closed', () => {
    const c = fold(play(opened(), [[{ type: 'BuyerClose' }]]));
    expect(nudgeApplies(c, first, first.dueAt)).toBe(false);
    expect(nudgeApplies(c, escalationOpen, escalationOpen.dueAt)).toBe(false);
    expect(nudgeApplies(c, late, late.dueAt)).toBe(false);
  });

  it('is never true twice: the recorded reminder makes it stale', () => {
    const c = fold(play(opened(), [[reminder(first), { as: 'system', now: first.dueAt }]]));
    expect(nudgeApplies(c, first, first.dueAt)).toBe(false);
  });

  it('drops the escalation notice once the case was escalated', () => {
    expect(nudgeApplies(fold(escalatedCase()), escalationOpen, escalationOpen.dueAt)).toBe(false);
  });

  it('drops the reply nudge when the seller answered, and an old one when the buyer writes again later', () => {
    const log = play(opened(), [[{ type: 'Comment', text: 'Des nouvelles ?' }, {}]]);
    const due = byKind(planNudges(fold(log), defaultPolicy), 'seller_reply_due')[0]!;
    expect(nudgeApplies(fold(log), due, due.dueAt)).toBe(true);
    const answered = play(log, [[{ type: 'Comment', text: 'En route.' }, { as: 'seller' }]]);
    expect(nudgeApplies(fold(answered), due, due.dueAt)).toBe(false);
    const again = fold(play(answered, [[{ type: 'Comment', text: 'Toujours rien.' }, { now: shift(OPENED_AT, 'PT30H') }]]));
    expect(nudgeApplies(again, due, due.dueAt)).toBe(false);
    expect(byKind(planNudges(again, defaultPolicy), 'seller_reply_due')[0]!.id).not.toBe(due.id);
  });

  it('flags the late delivery only once the case is 365 days old and not yet flagged', () => {
    expect(nudgeApplies(fold(opened()), late, shift(late.dueAt, '-PT1M'))).toBe(false);
    expect(nudgeApplies(fold(opened()), late, late.dueAt)).toBe(true);
    const flagged = fold(play(opened(), [[{ type: 'FlagLateDelivery' }, { as: 'system', now: late.dueAt }]]));
    expect(nudgeApplies(flagged, late, late.dueAt)).toBe(false);
  });

  it('drops the SLA nudge once support acted', () => {
    const esc = fold(escalatedCase());
    const sla = byKind(planNudges(esc, defaultPolicy), 'support_sla')[0]!;
    expect(nudgeApplies(esc, sla, sla.dueAt)).toBe(true);
    const asked = fold(play(escalatedCase(), [[{ type: 'AskInfo', from: 'seller', text: 'Preuve ?' }, { as: 'support', now: shift(OPENED_AT, 'PT2H') }]]));
    expect(nudgeApplies(asked, sla, sla.dueAt)).toBe(false);
  });
});

describe('order-level nudges (no case yet)', () => {
  const order = makeOrder();

  it('reminds the buyer 7 days before the case window of a reported order closes', () => {
    const until = '2027-01-28T23:00:00.000Z';
    const n = planWindowReminder(order, until, defaultPolicy);
    expect(n).toMatchObject({ id: 'nudge-O-CC-1001-buyer_window_closing', to: 'buyer', dueAt: '2027-01-21T23:00:00.000Z', caseId: null, orderId: 'CC-1001' });
    const facts = { now: n.dueAt, order, caseOpened: false, sellerRepliedAt: null };
    expect(orderNudgeApplies(n, facts)).toBe(true);
    expect(orderNudgeApplies(n, { ...facts, caseOpened: true })).toBe(false);
    expect(orderNudgeApplies(n, { ...facts, now: until })).toBe(false);
  });

  it("counts the window reminder back in the buyer's calendar: midnight in Paris across the October DST change", () => {
    // The window ends at 00:00 on 29 October 2026 in Paris (CET, 23:00Z); 7 days before is 00:00 on the 22nd, still
    // summer time (22:00Z). Counted in UTC it came at 01:00 Paris time.
    const n = planWindowReminder(order, '2026-10-28T23:00:00.000Z', defaultPolicy, 'Europe/Paris');
    expect(n.dueAt).toBe('2026-10-21T22:00:00.000Z');
    // Kinshasa keeps one offset all year: the same instant as before.
    expect(planWindowReminder(order, '2027-01-28T23:00:00.000Z', defaultPolicy, 'Africa/Kinshasa').dueAt).toBe('2027-01-21T23:00:00.000Z');
  });

  it('nudges the seller of an unshipped order when its processing time ends, in business days', () => {
    // Placed Thursday 1 October 2026, 10:00 in Kinshasa; 3 business days → Tuesday 6 October.
    const unshipped = makeOrder({ shippedAt: null, tracking: null });
    const n = planUnshippedNudge(unshipped, makeShop(), 'Africa/Kinshasa')!;
    expect(n).toMatchObject({ id: 'nudge-O-CC-1001-seller_unshipped', to: 'seller', dueAt: '2026-10-06T09:00:00.000Z' });
    expect(planUnshippedNudge(makeOrder({ shippedAt: null, processingDays: null }), makeShop(), 'Africa/Kinshasa')!.dueAt).toBe('2026-10-08T09:00:00.000Z');
    expect(orderNudgeApplies(n, { now: n.dueAt, order: unshipped, caseOpened: false, sellerRepliedAt: null })).toBe(true);
    expect(orderNudgeApplies(n, { now: n.dueAt, order: { ...unshipped, shippedAt: '2026-10-05T12:00:00Z' }, caseOpened: false, sellerRepliedAt: null })).toBe(false);
    expect(planUnshippedNudge(order, makeShop(), 'Africa/Kinshasa')).toBeNull();
  });

  it('nudges the seller about an unanswered buyer message unless they replied since', () => {
    const since = '2026-10-10T08:00:00.000Z';
    const n = planOrderReplyNudge('CC-1001', since, defaultPolicy);
    expect(n).toMatchObject({ to: 'seller', dueAt: '2026-10-11T08:00:00.000Z' });
    expect(n.id).not.toContain(':');
    const facts = { now: n.dueAt, order, caseOpened: false, sellerRepliedAt: null };
    expect(orderNudgeApplies(n, facts)).toBe(true);
    expect(orderNudgeApplies(n, { ...facts, sellerRepliedAt: '2026-10-10T09:00:00.000Z' })).toBe(false);
    expect(orderNudgeApplies(n, { ...facts, sellerRepliedAt: '2026-10-09T09:00:00.000Z' })).toBe(true);
  });

  it('keeps order ids from outside usable as job ids', () => {
    expect(planWindowReminder(makeOrder({ id: 'shop:42/7' }), '2027-01-28T23:00:00.000Z', defaultPolicy).id).toBe('nudge-O-shop_42_7-buyer_window_closing');
  });
});

describe('durationBetween', () => {
  it('gives the time left in hours and minutes, never negative', () => {
    expect(durationBetween(OPENED_AT, shift(OPENED_AT, 'P2D'))).toBe('PT48H');
    expect(durationBetween(OPENED_AT, shift(OPENED_AT, 'PT25H30M'))).toBe('PT25H30M');
    expect(durationBetween(shift(OPENED_AT, 'PT90M'), OPENED_AT)).toBe('PT0S');
  });
});
