import { describe, expect, it } from 'vitest';
import type { Actor } from '../../src/domain/types.js';
import { fold } from '../../src/domain/decider.js';
import { firstSupportResponses, ownerReminderAt, supportDueAt, supportOwedSince, supportTimeLeft } from '../../src/domain/desk.js';
import { nudgeApplies, planNudges } from '../../src/domain/nudges.js';
import { parseBusinessHours, type WeeklyHours } from '../../src/domain/business-hours.js';
import { allowedCommands } from '../../src/domain/allowed-commands.js';
import { escalatedCase, given, opened, OPENED_AT, play, policyWith, shift } from './support.js';

const ESCALATED_AT = shift(OPENED_AT, 'PT1H'); // escalatedCase: support escalates one hour after opening
const other: Actor = { accountId: 'acc-support-2', role: 'support', platform: 'discord' };

describe('One owner per escalated case: /take and /release', () => {
  it('support takes an escalated case: assigned, and the case shows its owner', () => {
    const c = given(escalatedCase()).when({ type: 'Take', name: 'Support Congocrea' }, { as: 'support', now: shift(OPENED_AT, 'PT2H') }).then([
      { type: 'assigned', ownerId: 'acc-support-1', ownerName: 'Support Congocrea' },
    ]);
    expect(c.owner).toEqual({ accountId: 'acc-support-1', name: 'Support Congocrea', since: shift(OPENED_AT, 'PT2H') });
  });

  it('a case another agent owns cannot be taken: CASE_ALREADY_TAKEN naming the owner', () => {
    const events = play(escalatedCase(), [[{ type: 'Take', name: 'Nadia' }, { as: other }]]);
    given(events).when({ type: 'Take', name: 'Support Congocrea' }, { as: 'support' }).thenError('CASE_ALREADY_TAKEN', { owner: 'Nadia', mine: 'no' });
    given(events).when({ type: 'Take', name: 'Nadia' }, { as: other }).thenError('CASE_ALREADY_TAKEN', { mine: 'yes' });
  });

  it('only escalated cases are taken: NOT_ESCALATED on an open case, CASE_CLOSED on a closed one', () => {
    given(opened()).when({ type: 'Take', name: 'x' }, { as: 'support' }).thenError('NOT_ESCALATED');
    given(play(escalatedCase(), [[{ type: 'DecideForSeller' }, { as: 'support' }]])).when({ type: 'Take', name: 'x' }, { as: 'support' }).thenError('CASE_CLOSED');
  });

  it('buyers and sellers cannot take a case: SUPPORT_ONLY', () => {
    given(escalatedCase()).when({ type: 'Take', name: 'x' }, { as: 'buyer' }).thenError('SUPPORT_ONLY');
    given(escalatedCase()).when({ type: 'Take', name: 'x' }, { as: 'seller' }).thenError('SUPPORT_ONLY');
  });

  it('a blank name is refused and changes nothing', () => {
    given(escalatedCase()).when({ type: 'Take', name: '   ' }, { as: 'support' }).thenError('TEXT_EMPTY');
  });

  it('the owner releases it; then another agent may take it', () => {
    const taken = play(escalatedCase(), [[{ type: 'Take', name: 'Nadia' }, { as: other }]]);
    const c = given(taken).when({ type: 'Release' }, { as: other }).then([{ type: 'released', ownerId: 'acc-support-2' }]);
    expect(c.owner).toBeNull();
    given([...taken, ...c.timeline.slice(taken.length)]).when({ type: 'Take', name: 'Support Congocrea' }, { as: 'support' }).then([{ type: 'assigned' }]);
  });

  it('only the owner releases: NOT_CASE_OWNER for another agent, and on a case nobody owns', () => {
    const taken = play(escalatedCase(), [[{ type: 'Take', name: 'Nadia' }, { as: other }]]);
    given(taken).when({ type: 'Release' }, { as: 'support' }).thenError('NOT_CASE_OWNER', { owner: 'Nadia', owned: 'yes' });
    given(escalatedCase()).when({ type: 'Release' }, { as: 'support' }).thenError('NOT_CASE_OWNER', { owned: 'no' });
  });

  it('the card offers « Je prends » (Take) to support while nobody owns the case', () => {
    expect(allowedCommands(fold(escalatedCase()), 'support', ESCALATED_AT)).toContain('Take');
    expect(allowedCommands(fold(play(escalatedCase(), [[{ type: 'Take', name: 'N' }, { as: other }]])), 'support', ESCALATED_AT)).not.toContain('Take');
    expect(allowedCommands(fold(opened()), 'support', ESCALATED_AT)).not.toContain('Take');
  });
});

describe('Support’s due time and the owner’s reminders count business hours', () => {
  const hours = parseBusinessHours('Mon-Fri 08:00-17:00') as WeeklyHours;
  // OPENED_AT is Wednesday 2026-10-21 08:00 UTC (09:00 in Kinshasa); escalated at 10:00 Kinshasa.
  const policy = { ...policyWith({ POLICY_SUPPORT_SLA: 'PT8H' }), supportCalendar: { hours, zone: 'Africa/Kinshasa', isHoliday: () => false } };

  it('unowned: due 8 business hours after the escalation (Thursday 09:00 Kinshasa), until support first acts', () => {
    const c = fold(escalatedCase());
    expect(supportOwedSince(c)).toBe(ESCALATED_AT);
    expect(supportDueAt(c, policy)).toBe('2026-10-22T08:00:00.000Z');
    expect(supportTimeLeft(c, policy, ESCALATED_AT)).toBe(8 * 3_600_000);
    const answered = fold(play(escalatedCase(), [[{ type: 'Note', text: 'looking' }, { as: 'support' }]]));
    expect(supportDueAt(answered, policy)).toBeNull();
  });

  it('unowned: a party answering support\'s question makes the case wait for support again, due 8 business hours after the answer', () => {
    const askedAt = shift(OPENED_AT, 'PT2H'); // 11:00 Kinshasa
    const answeredAt = shift(OPENED_AT, 'PT5H'); // 14:00 Kinshasa
    const asked = play(escalatedCase(), [[{ type: 'AskInfo', from: 'seller', text: 'Le reçu du transporteur ?' }, { as: 'support', now: askedAt }]]);
    expect(supportOwedSince(fold(asked))).toBeNull();
    // The buyer writing meanwhile is not the answer support waits for.
    const buyerWrote = play(asked, [[{ type: 'Comment', text: 'toujours rien' }, { as: 'buyer', now: shift(OPENED_AT, 'PT3H') }]]);
    expect(supportOwedSince(fold(buyerWrote))).toBeNull();
    const answered = fold(play(buyerWrote, [[{ type: 'Comment', text: 'Voici le reçu' }, { as: 'seller', now: answeredAt }]]));
    expect(supportOwedSince(answered)).toBe(answeredAt);
    expect(supportDueAt(answered, policy)).toBe('2026-10-22T12:00:00.000Z'); // 3 h that day, 5 h the next: 13:00 Kinshasa
    const sla = planNudges(answered, policy).filter((n) => n.kind === 'support_sla');
    expect(sla.map((n) => n.dueAt)).toEqual(['2026-10-22T12:00:00.000Z']);
    // Support acting on the answer: nothing owed, and the nudge planned for it no longer applies.
    const actedOn = fold(play(buyerWrote, [
      [{ type: 'Comment', text: 'Voici le reçu' }, { as: 'seller', now: answeredAt }],
      [{ type: 'Note', text: 'reçu vérifié' }, { as: 'support', now: shift(answeredAt, 'PT1H') }],
    ]));
    expect(supportOwedSince(actedOn)).toBeNull();
    expect(nudgeApplies(actedOn, sla[0]!, sla[0]!.dueAt)).toBe(false);
  });

  it('owned: counted from the taking; the owner is reminded at half the SLA, the desk flagged at the end', () => {
    const takenAt = shift(OPENED_AT, 'PT3H'); // 12:00 Kinshasa
    const c = fold(play(escalatedCase(), [[{ type: 'Take', name: 'Nadia' }, { as: other, now: takenAt }]]));
    expect(supportOwedSince(c)).toBe(takenAt);
    expect(ownerReminderAt(c, policy)).toBe('2026-10-21T15:00:00.000Z'); // 16:00 Kinshasa
    expect(supportDueAt(c, policy)).toBe('2026-10-22T10:00:00.000Z'); // 12:00 the next day (5 h + 3 h)
    const kinds = planNudges(c, policy).filter((n) => n.to === 'support' && n.kind !== 'support_late_delivery');
    expect(kinds.map((n) => [n.kind, n.dueAt])).toEqual([
      ['support_sla', '2026-10-22T10:00:00.000Z'],
      ['support_owner_idle', '2026-10-21T15:00:00.000Z'],
    ]);
  });

  it('an owner who acts moves the clock: the reminder planned before is stale when it comes due', () => {
    const takenAt = shift(OPENED_AT, 'PT3H');
    const taken = play(escalatedCase(), [[{ type: 'Take', name: 'Nadia' }, { as: other, now: takenAt }]]);
    const idle = planNudges(fold(taken), policy).find((n) => n.kind === 'support_owner_idle')!;
    const acted = fold(play(taken, [[{ type: 'AskInfo', from: 'seller', text: 'Tracking?' }, { as: other, now: shift(takenAt, 'PT1H') }]]));
    expect(nudgeApplies(acted, idle, idle.dueAt)).toBe(false);
    expect(planNudges(acted, policy).find((n) => n.kind === 'support_owner_idle')!.dueAt).toBe('2026-10-21T16:00:00.000Z'); // half of 8 h from 13:00 Kinshasa: 17:00, the close
  });

  it('a reminder is never sent twice: once recorded, it is no longer planned', () => {
    const taken = play(escalatedCase(), [[{ type: 'Take', name: 'Nadia' }, { as: other, now: shift(OPENED_AT, 'PT3H') }]]);
    const idle = planNudges(fold(taken), policy).find((n) => n.kind === 'support_owner_idle')!;
    const sent = fold(play(taken, [[{ type: 'RecordReminder', nudge: 'support_owner_idle', to: 'support', nudgeId: idle.id }, { as: 'system', now: idle.dueAt }]]));
    expect(planNudges(sent, policy).map((n) => n.id)).not.toContain(idle.id);
    expect(nudgeApplies(sent, idle, idle.dueAt)).toBe(false);
  });

  it('time to first support action, in business hours, for the desk metrics', () => {
    const c = fold(play(escalatedCase(), [[{ type: 'Note', text: 'on it' }, { as: 'support', now: shift(OPENED_AT, 'PT10H') }]]));
    // 10:00 → 17:00 Kinshasa is 7 business hours; the note at 19:00 adds nothing.
    expect(firstSupportResponses(c, policy)).toEqual([7 * 3_600_000]);
  });
});
