import { describe, expect, it } from 'vitest';
import { escalatedCase, given, makeOrder, opened, OPENED_AT, play, policyWith, shift } from './support.js';

const LATE_AT = '2027-10-21T08:00:00.000Z'; // OPENED_AT + P365D
const cdf = (amount: number) => ({ amount, currency: 'CDF' });
const flagged = (events = escalatedCase()) => play(events, [[{ type: 'FlagLateDelivery' }, { as: 'system', now: LATE_AT }]]);

describe('A case unresolved for more than POLICY_MAX_CASE_AGE (365 days) counts as a late delivery', () => {
  it('one millisecond before 365 days: NOT_LATE_YET, saying when', () => {
    given(opened()).when({ type: 'FlagLateDelivery' }, { as: 'system', now: shift(LATE_AT, '-PT0.001S') }).thenError('NOT_LATE_YET', { at: LATE_AT });
  });

  it('exactly at 365 days: flagged as late_delivery', () => {
    const c = given(opened()).when({ type: 'FlagLateDelivery' }, { as: 'system', now: LATE_AT }).then([{ type: 'late_delivery' }]);
    expect(c.lateDelivery).toBe(true);
  });

  it('flagged once only: ALREADY_LATE', () => {
    given(flagged()).when({ type: 'FlagLateDelivery' }, { as: 'system', now: shift(LATE_AT, 'P1D') }).thenError('ALREADY_LATE');
  });

  it('follows a custom POLICY_MAX_CASE_AGE (P30D)', () => {
    const events = opened({ policy: policyWith({ POLICY_MAX_CASE_AGE: 'P30D' }) });
    given(events).when({ type: 'FlagLateDelivery' }, { as: 'system', now: shift(OPENED_AT, 'P29DT23H59M59.999S') }).thenError('NOT_LATE_YET');
    given(events).when({ type: 'FlagLateDelivery' }, { as: 'system', now: shift(OPENED_AT, 'P30D') }).then([{ type: 'late_delivery' }]);
  });

  it('a closed case is not late: CASE_CLOSED; only the system flags it', () => {
    given(play(opened(), [[{ type: 'BuyerClose' }]])).when({ type: 'FlagLateDelivery' }, { as: 'system', now: LATE_AT }).thenError('CASE_CLOSED');
    given(opened()).when({ type: 'FlagLateDelivery' }, { as: 'support', now: LATE_AT }).thenError('NOT_YOUR_CASE');
  });
});

describe('A late delivery: the only acceptable resolution is a full refund', () => {
  const now = shift(LATE_AT, 'PT1H');

  it('a partial support refund: LATE_DELIVERY_FULL_REFUND_ONLY', () => {
    given(flagged()).when({ type: 'Refund', amount: cdf(10000), recover: true }, { as: 'support', now }).thenError('LATE_DELIVERY_FULL_REFUND_ONLY');
  });

  it('deciding for the seller: LATE_DELIVERY_FULL_REFUND_ONLY', () => {
    given(flagged()).when({ type: 'DecideForSeller' }, { as: 'support', now }).thenError('LATE_DELIVERY_FULL_REFUND_ONLY');
  });

  it('a full support refund settles it', () => {
    given(flagged()).when({ type: 'Refund', recover: true }, { as: 'support', now }).then([
      { type: 'refund', full: true, recover: true },
      { type: 'closed', resolution: 'support_refund' },
    ]);
  });

  it('a support refund of what is left after a partial seller refund is full, and settles it', () => {
    const events = play(escalatedCase(), [[{ type: 'Refund', amount: cdf(20000) }, { as: 'seller' }]]);
    given(flagged(events)).when({ type: 'Refund', amount: cdf(30000) }, { as: 'support', now }).then([{ type: 'refund', full: true }, { type: 'closed' }]);
  });

  it('a partial seller refund: LATE_DELIVERY_FULL_REFUND_ONLY (flagged, or past the age before the flag)', () => {
    given(flagged()).when({ type: 'Refund', amount: cdf(10000) }, { as: 'seller', now }).thenError('LATE_DELIVERY_FULL_REFUND_ONLY');
    given(opened()).when({ type: 'Refund', amount: cdf(10000) }, { as: 'seller', now }).thenError('LATE_DELIVERY_FULL_REFUND_ONLY');
    // What is left, typed as an amount, is the full refund.
    given(flagged()).when({ type: 'Refund', amount: cdf(50000) }, { as: 'seller', now }).then([{ type: 'refund', full: true }, { type: 'closed', resolution: 'refunded' }]);
  });

  it('a full seller refund still closes it', () => {
    given(flagged()).when({ type: 'Refund' }, { as: 'seller', now }).then([{ type: 'refund', full: true }, { type: 'closed', resolution: 'refunded' }]);
  });

  it('the buyer may still close it as satisfied (giving up the claim is theirs to do)', () => {
    given(flagged()).when({ type: 'BuyerClose' }, { now }).then([{ type: 'closed', resolution: 'buyer_closed' }]);
  });

  it('tracking showing delivery at the right address is recorded but no longer closes it', () => {
    const address = makeOrder().shippingAddress;
    const info = { carrier: 'dhl', number: 'JD1', events: [{ at: now, status: 'delivered', city: 'Kinshasa', country: 'CD' }] };
    const c = given(flagged()).when({ type: 'AddTracking', carrier: 'dhl', number: 'JD1', info, shippingAddress: address }, { as: 'seller', now }).then([
      { type: 'tracking', delivered: true, mismatch: false },
    ]);
    expect(c.status).toBe('escalated');
  });
});

describe('Late from POLICY_MAX_CASE_AGE on, even before the scheduled flag is recorded (a job running late, a process down)', () => {
  const now = shift(LATE_AT, 'PT1H');
  const address = makeOrder().shippingAddress;
  const info = { carrier: 'dhl', number: 'JD1', events: [{ at: now, status: 'delivered', city: 'Kinshasa', country: 'CD' }] };

  it('tracking showing delivery at the right address is recorded but does not close it', () => {
    const c = given(opened()).when({ type: 'AddTracking', carrier: 'dhl', number: 'JD1', info, shippingAddress: address }, { as: 'seller', now }).then([
      { type: 'tracking', delivered: true, mismatch: false },
    ]);
    expect(c.status).toBe('open');
    // One millisecond earlier, the same tracking closes it (rule (c)).
    given(opened())
      .when({ type: 'AddTracking', carrier: 'dhl', number: 'JD1', info, shippingAddress: address }, { as: 'seller', now: shift(LATE_AT, '-PT0.001S') })
      .then([{ type: 'tracking' }, { type: 'closed', resolution: 'delivered' }]);
  });

  it('support may neither refund part of it nor decide for the seller: LATE_DELIVERY_FULL_REFUND_ONLY; a full refund settles it', () => {
    given(escalatedCase()).when({ type: 'Refund', amount: cdf(10000), recover: true }, { as: 'support', now }).thenError('LATE_DELIVERY_FULL_REFUND_ONLY');
    given(escalatedCase()).when({ type: 'DecideForSeller' }, { as: 'support', now }).thenError('LATE_DELIVERY_FULL_REFUND_ONLY');
    given(escalatedCase()).when({ type: 'Refund', recover: true }, { as: 'support', now }).then([{ type: 'refund', full: true }, { type: 'closed', resolution: 'support_refund' }]);
  });
});
