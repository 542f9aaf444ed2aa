import { describe, expect, it } from 'vitest';
import { DECIDED_BY_SUPPORT, fold } from '../../src/domain/decider.js';
import { OPENED_AT, given, opened, play, policyWith, shift } from './support.js';

const deliveredTracking = {
  type: 'AddTracking' as const,
  carrier: 'dhl',
  number: 'JD0142',
  info: { carrier: 'dhl', number: 'JD0142', events: [{ at: '2026-10-18T10:00:00Z', status: 'delivered', city: 'Kinshasa', country: 'CD' }] },
  shippingAddress: { name: 'Amina K.', line1: '12 av. de la Paix', city: 'Kinshasa', postalCode: '', country: 'CD' },
};
const CLOSED_AT = shift(OPENED_AT, 'PT2H');
const closedOnTracking = () => play(opened(), [[deliveredTracking, { as: 'seller', now: CLOSED_AT }]]);

describe('A buyer may ask support to verify a closure on tracking or on the seller’s refund (POLICY_CONTEST_WINDOW)', () => {
  it('closed on tracking: the buyer’s request is recorded on the timeline with the resolution it contests', () => {
    const c = given(closedOnTracking())
      .when({ type: 'RequestVerification', text: 'Je n’ai rien reçu.' }, { as: 'buyer', now: shift(CLOSED_AT, 'P1D') })
      .then([{ type: 'verification_requested', resolution: 'delivered', text: 'Je n’ai rien reçu.' }]);
    expect(c).toMatchObject({ status: 'closed', verificationRequestedAt: shift(CLOSED_AT, 'P1D') });
  });

  it('closed on the seller’s full refund: contestable too', () => {
    const log = play(opened(), [[{ type: 'Refund' }, { as: 'seller', now: CLOSED_AT }]]);
    given(log).when({ type: 'RequestVerification' }, { as: 'buyer', now: shift(CLOSED_AT, 'PT1H') }).then([{ type: 'verification_requested', resolution: 'refunded' }]);
  });

  it('once per case: a second request, even after a reopen and a new closing, is ALREADY_CONTESTED', () => {
    const first = play(closedOnTracking(), [[{ type: 'RequestVerification' }, { as: 'buyer', now: shift(CLOSED_AT, 'P1D') }]]);
    given(first).when({ type: 'RequestVerification' }, { as: 'buyer', now: shift(CLOSED_AT, 'P2D') }).thenError('ALREADY_CONTESTED');
    const again = play(first, [
      [{ type: 'Reopen' }, { as: 'support', now: shift(CLOSED_AT, 'P2D') }],
      [{ type: 'Refund' }, { as: 'seller', now: shift(CLOSED_AT, 'P3D') }],
    ]);
    given(again).when({ type: 'RequestVerification' }, { as: 'buyer', now: shift(CLOSED_AT, 'P4D') }).thenError('ALREADY_CONTESTED');
  });

  it('within the window only: the last moment before it ends is allowed, its end is CONTEST_WINDOW_OVER', () => {
    given(closedOnTracking()).when({ type: 'RequestVerification' }, { as: 'buyer', now: shift(shift(CLOSED_AT, 'P30D'), '-PT1S') }).then([{ type: 'verification_requested' }]);
    given(closedOnTracking()).when({ type: 'RequestVerification' }, { as: 'buyer', now: shift(CLOSED_AT, 'P30D') }).thenError('CONTEST_WINDOW_OVER', { until: shift(CLOSED_AT, 'P30D') });
    const policy = policyWith({ POLICY_CONTEST_WINDOW: 'P2D' });
    given(closedOnTracking()).when({ type: 'RequestVerification' }, { as: 'buyer', now: shift(CLOSED_AT, 'P3D'), policy }).thenError('CONTEST_WINDOW_OVER');
  });

  it('only the buyer: the seller and support are refused', () => {
    given(closedOnTracking()).when({ type: 'RequestVerification' }, { as: 'seller', now: shift(CLOSED_AT, 'P1D') }).thenError('BUYER_ONLY');
    given(closedOnTracking()).when({ type: 'RequestVerification' }, { as: 'support', now: shift(CLOSED_AT, 'P1D') }).thenError('BUYER_ONLY');
  });

  it('only closed cases, and only closures the buyer did not choose and support did not decide', () => {
    given(opened()).when({ type: 'RequestVerification' }, { as: 'buyer' }).thenError('CASE_NOT_CLOSED');
    const buyerClosed = play(opened(), [[{ type: 'BuyerClose' }, { as: 'buyer' }]]);
    given(buyerClosed).when({ type: 'RequestVerification' }, { as: 'buyer' }).thenError('NOT_CONTESTABLE', { resolution: 'buyer_closed' });
    const decided = play(opened(), [[{ type: 'Escalate', ground: 'inactivity' }, { as: 'support' }], [{ type: 'DecideForSeller' }, { as: 'support' }]]);
    given(decided).when({ type: 'RequestVerification' }, { as: 'buyer' }).thenError('NOT_CONTESTABLE', { resolution: 'seller_favour' });
  });

  it('support’s closings (its decision for the seller, its refund) are the ones named DECIDED_BY_SUPPORT, none contestable', () => {
    const decided = play(opened(), [[{ type: 'Escalate', ground: 'inactivity' }, { as: 'support' }], [{ type: 'DecideForSeller' }, { as: 'support' }]]);
    const refunded = play(opened(), [[{ type: 'Escalate', ground: 'inactivity' }, { as: 'support' }], [{ type: 'Refund' }, { as: 'support' }]]);
    expect([fold(decided).resolution, fold(refunded).resolution]).toEqual([...DECIDED_BY_SUPPORT]);
    for (const c of [decided, refunded]) given(c).when({ type: 'RequestVerification' }, { as: 'buyer' }).thenError('NOT_CONTESTABLE');
  });
});
