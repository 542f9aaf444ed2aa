import { describe, expect, it } from 'vitest';
import { allowedCommands, fold } from '../../src/domain/decider.js';
import { escalatedCase, opened, OPENED_AT, play, shift } from './support.js';

const soon = shift(OPENED_AT, 'PT1H');
const ESCALATABLE_AT = '2026-10-24T08:00:00.000Z';
const LATE_AT = '2027-10-21T08:00:00.000Z';

describe('allowedCommands: the buttons of the case card', () => {
  it('buyer on a new case: comment, add a photo, close; not escalate yet', () => {
    expect(allowedCommands(fold(opened()), 'buyer', soon)).toEqual(['Comment', 'AddEvidence', 'BuyerClose']);
  });

  it('buyer once POLICY_ESCALATION_AFTER has passed: escalate too (not one millisecond before)', () => {
    const c = fold(opened());
    expect(allowedCommands(c, 'buyer', shift(ESCALATABLE_AT, '-PT0.001S'))).not.toContain('Escalate');
    expect(allowedCommands(c, 'buyer', ESCALATABLE_AT)).toEqual(['Comment', 'AddEvidence', 'BuyerClose', 'Escalate']);
  });

  it('seller: comment, proof of shipping, tracking, refund', () => {
    expect(allowedCommands(fold(opened()), 'seller', soon)).toEqual(['Comment', 'AddEvidence', 'AddTracking', 'Refund']);
  });

  it('seller with nothing left to refund: no refund button', () => {
    const c = fold(play(opened(), [[{ type: 'Refund', viaOriginalMethod: false }, { as: 'seller' }]]));
    expect(allowedCommands(c, 'seller', soon)).not.toContain('Refund');
  });

  it('support before escalation: comment, escalate with a ground, note', () => {
    expect(allowedCommands(fold(opened()), 'support', soon)).toEqual(['Comment', 'Escalate', 'Note']);
  });

  it('support after escalation: refund, ask, decide, note, take it — no second escalation', () => {
    expect(allowedCommands(fold(escalatedCase()), 'support', soon)).toEqual(['Comment', 'Refund', 'AskInfo', 'DecideForSeller', 'DecideForBuyer', 'Note', 'Take']);
  });

  it('support on a late delivery: no decision for the seller', () => {
    const c = fold(play(escalatedCase(), [[{ type: 'FlagLateDelivery' }, { as: 'system', now: LATE_AT }]]));
    // Deciding for the buyer is a full refund: the one settlement a late delivery allows.
    expect(allowedCommands(c, 'support', LATE_AT)).toEqual(['Comment', 'Refund', 'AskInfo', 'DecideForBuyer', 'Note', 'Take']);
  });

  it('closed on the seller’s full refund: the buyer may ask for a check (once), the seller nothing', () => {
    const c = fold(play(opened(), [[{ type: 'Refund' }, { as: 'seller' }]]));
    expect(allowedCommands(c, 'buyer', soon)).toEqual(['RequestVerification']);
    expect(allowedCommands(c, 'seller', soon)).toEqual([]);
    const asked = fold(play(c.timeline, [[{ type: 'RequestVerification' }, { as: 'buyer', now: soon }]]));
    expect(allowedCommands(asked, 'buyer', soon)).toEqual([]);
  });

  it('a closed case: parties can do nothing, support can reopen or note', () => {
    const c = fold(play(opened(), [[{ type: 'BuyerClose' }]]));
    expect(allowedCommands(c, 'buyer', soon)).toEqual([]);
    expect(allowedCommands(c, 'seller', soon)).toEqual([]);
    expect(allowedCommands(c, 'support', soon)).toEqual(['Reopen', 'Note']);
  });

  it('system: reminders, and the late-delivery flag once the case is old enough', () => {
    const c = fold(opened());
    expect(allowedCommands(c, 'system', soon)).toEqual(['RecordReminder']);
    expect(allowedCommands(c, 'system', LATE_AT)).toEqual(['FlagLateDelivery', 'RecordReminder']);
  });
});
