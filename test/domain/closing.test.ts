import { describe, expect, it } from 'vitest';
import type { CaseCommand } from '../../src/domain/case-model.js';
import type { Address, TrackingInfo } from '../../src/domain/types.js';
import { escalatedCase, given, makeOrder, opened, play } from './support.js';

const KINSHASA: Address = makeOrder().shippingAddress;
const cdf = (amount: number) => ({ amount, currency: 'CDF' });

function tracking(events: TrackingInfo['events'], address: Address = KINSHASA): CaseCommand {
  return { type: 'AddTracking', carrier: 'dhl', number: 'JD0142', info: { carrier: 'dhl', number: 'JD0142', events }, shippingAddress: address };
}
const deliveredIn = (city: string, country = 'CD', postalCode?: string) =>
  tracking([{ at: '2026-10-18T10:00:00Z', status: 'delivered', city, country, ...(postalCode ? { postalCode } : {}) }]);

describe('(a) A case closes by itself when the seller issues a full refund through the original payment method', () => {
  it('a refund without an amount is the full remaining amount and closes the case as refunded', () => {
    const c = given(opened())
      .when({ type: 'Refund' }, { as: 'seller' })
      .then([
        { type: 'refund', amount: cdf(50000), full: true, viaOriginalMethod: true, recover: false },
        { type: 'closed', resolution: 'refunded' },
      ]);
    expect(c).toMatchObject({ status: 'closed', resolution: 'refunded', refunded: cdf(50000) });
  });

  it('a partial refund does not close it; a second refund that completes the total does', () => {
    const c = given(opened()).when({ type: 'Refund', amount: cdf(20000) }, { as: 'seller' }).then([{ type: 'refund', amount: cdf(20000), full: false }]);
    expect(c).toMatchObject({ status: 'open', refunded: cdf(20000) });
    const events = play(opened(), [[{ type: 'Refund', amount: cdf(20000) }, { as: 'seller' }]]);
    given(events)
      .when({ type: 'Refund', amount: cdf(30000) }, { as: 'seller' })
      .then([{ type: 'refund', full: true }, { type: 'closed', resolution: 'refunded' }]);
  });

  it('a full refund outside the original payment method is recorded but does not close the case', () => {
    const c = given(opened())
      .when({ type: 'Refund', viaOriginalMethod: false }, { as: 'seller' })
      .then([{ type: 'refund', full: true, viaOriginalMethod: false }]);
    expect(c.status).toBe('open');
  });

  it('also closes an escalated case', () => {
    given(escalatedCase()).when({ type: 'Refund' }, { as: 'seller' }).then([{ type: 'refund' }, { type: 'closed', resolution: 'refunded' }]);
  });
});

describe('Refund amounts: more than 0, in the order currency, at most the total minus what was refunded', () => {
  it.each([0, -500, 12.5, Number.NaN])('%s: INVALID_AMOUNT', (amount) => {
    given(opened()).when({ type: 'Refund', amount: cdf(amount) }, { as: 'seller' }).thenError('INVALID_AMOUNT');
  });

  it('another currency: CURRENCY_MISMATCH (the same code in lower case is fine)', () => {
    given(opened()).when({ type: 'Refund', amount: { amount: 100, currency: 'USD' } }, { as: 'seller' }).thenError('CURRENCY_MISMATCH', { currency: 'CDF' });
    given(opened()).when({ type: 'Refund', amount: { amount: 100, currency: 'cdf' } }, { as: 'seller' }).then([{ type: 'refund', amount: cdf(100) }]);
  });

  it('more than the total: REFUND_TOO_LARGE with the maximum', () => {
    given(opened()).when({ type: 'Refund', amount: cdf(50001) }, { as: 'seller' }).thenError('REFUND_TOO_LARGE', { max: 50000 });
  });

  it('more than what is left after an earlier refund: REFUND_TOO_LARGE with what is left', () => {
    const events = play(opened(), [[{ type: 'Refund', amount: cdf(20000) }, { as: 'seller' }]]);
    given(events).when({ type: 'Refund', amount: cdf(30001) }, { as: 'seller' }).thenError('REFUND_TOO_LARGE', { max: 30000 });
  });

  it('nothing left to refund: REFUND_TOO_LARGE with max 0', () => {
    const events = play(opened(), [[{ type: 'Refund', viaOriginalMethod: false }, { as: 'seller' }]]);
    given(events).when({ type: 'Refund' }, { as: 'seller' }).thenError('REFUND_TOO_LARGE', { max: 0 });
  });

  it('the buyer cannot refund (SELLER_ONLY) and the seller cannot recover funds from themself (SUPPORT_ONLY)', () => {
    given(opened()).when({ type: 'Refund' }, { as: 'buyer' }).thenError('SELLER_ONLY');
    given(opened()).when({ type: 'Refund', recover: true }, { as: 'seller' }).thenError('SUPPORT_ONLY');
  });
});

describe('(b) A case closes by itself when the buyer closes it as satisfied', () => {
  it('open case → closed, buyer_closed', () => {
    const c = given(opened()).when({ type: 'BuyerClose' }).then([{ type: 'closed', resolution: 'buyer_closed' }]);
    expect(c).toMatchObject({ status: 'closed', resolution: 'buyer_closed', closedAt: c.timeline.at(-1)?.at });
  });

  it('escalated case → closed too', () => {
    given(escalatedCase()).when({ type: 'BuyerClose' }).then([{ type: 'closed', resolution: 'buyer_closed' }]);
  });

  it('only the buyer: BUYER_ONLY for the seller and support', () => {
    given(opened()).when({ type: 'BuyerClose' }, { as: 'seller' }).thenError('BUYER_ONLY');
    given(escalatedCase()).when({ type: 'BuyerClose' }, { as: 'support' }).thenError('BUYER_ONLY');
  });
});

describe('(c) Non-delivery cases close when the seller adds tracking showing delivery to a place matching the shipping address', () => {
  it('delivered in Kinshasa, CD: tracking then closed{delivered}', () => {
    const c = given(opened())
      .when(deliveredIn('Kinshasa'), { as: 'seller' })
      .then([
        { type: 'tracking', carrier: 'dhl', number: 'JD0142', delivered: true, mismatch: false, deliveredTo: { city: 'Kinshasa', country: 'CD' } },
        { type: 'closed', resolution: 'delivered' },
      ]);
    expect(c).toMatchObject({ status: 'closed', resolution: 'delivered', trackingMismatch: false });
  });

  it('the place matches without regard to accents and case', () => {
    const address = { ...KINSHASA, city: 'Mbuji-Mayi' };
    given(opened({ order: makeOrder({ shippingAddress: address }) }))
      .when(tracking([{ at: '2026-10-18T10:00:00Z', status: 'Delivered', city: 'MBUJI MAYÍ', country: 'cd' }], address), { as: 'seller' })
      .then([{ type: 'tracking', mismatch: false }, { type: 'closed', resolution: 'delivered' }]);
  });

  it('delivered elsewhere (Lubumbashi): recorded with mismatch, shown on the case, not closed', () => {
    const c = given(opened()).when(deliveredIn('Lubumbashi'), { as: 'seller' }).then([{ type: 'tracking', delivered: true, mismatch: true }]);
    expect(c).toMatchObject({ status: 'open', trackingMismatch: true });
  });

  it('postal codes are compared when both have one', () => {
    const paris = { name: 'A', line1: '1 rue X', city: 'Paris', postalCode: '75001', country: 'FR' };
    const order = makeOrder({ shippingAddress: paris });
    given(opened({ order })).when(tracking([{ at: '2026-10-18T10:00:00Z', status: 'delivered', city: 'Paris', postalCode: '75011', country: 'FR' }], paris), { as: 'seller' })
      .then([{ type: 'tracking', mismatch: true }]);
    given(opened({ order })).when(tracking([{ at: '2026-10-18T10:00:00Z', status: 'delivered', city: 'Paris', country: 'FR' }], paris), { as: 'seller' })
      .then([{ type: 'tracking', mismatch: false }, { type: 'closed' }]);
  });

  it('a later tracking that shows the right place closes the case and clears the mismatch', () => {
    const events = play(opened(), [[deliveredIn('Lubumbashi'), { as: 'seller' }]]);
    const c = given(events).when(deliveredIn('Kinshasa'), { as: 'seller' }).then([{ type: 'tracking' }, { type: 'closed' }]);
    expect(c.trackingMismatch).toBe(false);
  });

  it('a parcel still in transit (the latest event, whatever the order listed) is recorded, not closed', () => {
    const cmd = tracking([
      { at: '2026-10-19T10:00:00Z', status: 'in_transit', city: 'Kinshasa', country: 'CD' },
      { at: '2026-10-18T10:00:00Z', status: 'delivered', city: 'Kinshasa', country: 'CD' },
    ]);
    given(opened()).when(cmd, { as: 'seller' }).then([{ type: 'tracking', delivered: false, deliveredTo: null, mismatch: false }]);
  });

  it('the latest event decides even when the carrier lists it first', () => {
    const cmd = tracking([
      { at: '2026-10-18T10:00:00Z', status: 'delivered', city: 'Kinshasa', country: 'CD' },
      { at: '2026-10-12T10:00:00Z', status: 'in_transit', city: 'Paris', country: 'FR' },
    ]);
    given(opened()).when(cmd, { as: 'seller' }).then([{ type: 'tracking', delivered: true }, { type: 'closed', resolution: 'delivered' }]);
  });

  it('a tracking number the carrier does not know yet is recorded, not closed, marked unknown to the carrier', () => {
    const c = given(opened())
      .when({ type: 'AddTracking', carrier: ' dhl ', number: ' JD0142 ', info: null, shippingAddress: KINSHASA }, { as: 'seller' })
      .then([{ type: 'tracking', carrier: 'dhl', number: 'JD0142', delivered: false, deliveredTo: null, mismatch: false, unknownToCarrier: true }]);
    expect(c.status).toBe('open');
    // A number the carrier knows, even without a delivery yet, carries no such mark.
    const known = given(opened()).when(tracking([{ at: '2026-10-12T10:00:00Z', status: 'in_transit', city: 'Paris', country: 'FR' }]), { as: 'seller' }).then([{ type: 'tracking', delivered: false }]);
    expect(known.timeline.at(-1)).not.toHaveProperty('unknownToCarrier');
  });

  it('delivered without a city cannot be shown to match: mismatch', () => {
    given(opened()).when(tracking([{ at: '2026-10-18T10:00:00Z', status: 'delivered' }]), { as: 'seller' }).then([{ type: 'tracking', mismatch: true }]);
  });

  it('not_as_described: delivery tracking is recorded only', () => {
    const c = given(opened({ reason: 'not_as_described' })).when(deliveredIn('Kinshasa'), { as: 'seller' }).then([{ type: 'tracking', delivered: true }]);
    expect(c.status).toBe('open');
  });

  it('only the seller adds tracking (SELLER_ONLY); carrier and number are required', () => {
    given(opened()).when(deliveredIn('Kinshasa'), { as: 'buyer' }).thenError('SELLER_ONLY');
    given(opened()).when({ type: 'AddTracking', carrier: ' ', number: 'X', info: null, shippingAddress: KINSHASA }, { as: 'seller' }).thenError('VALIDATION');
  });
});

describe('Proof of shipping: receipt, customs form, delivery confirmation or departure scan, to the address given at purchase', () => {
  const blob = { id: 'b-1', contentType: 'image/jpeg', size: 100 };

  it.each(['shipping_receipt', 'customs_form', 'delivery_confirmation', 'departure_scan'] as const)('%s by the seller is recorded, and does not close the case', (kind) => {
    const c = given(opened()).when({ type: 'AddEvidence', kind, blob }, { as: 'seller' }).then([{ type: 'evidence', kind, blob, addressMatches: null }]);
    expect(c.status).toBe('open');
  });

  it('shipped to the order address: addressMatches true; to another: false', () => {
    given(opened())
      .when({ type: 'AddEvidence', kind: 'shipping_receipt', blob, shippedTo: { ...KINSHASA, city: 'kinshasa', line1: '12 avenue de la Paix' } }, { as: 'seller' })
      .then([{ type: 'evidence', addressMatches: true }]);
    given(opened())
      .when({ type: 'AddEvidence', kind: 'customs_form', blob, shippedTo: { ...KINSHASA, city: 'Goma' } }, { as: 'seller' })
      .then([{ type: 'evidence', addressMatches: false }]);
  });

  it('the buyer cannot add a proof of shipping: SELLER_ONLY', () => {
    given(opened()).when({ type: 'AddEvidence', kind: 'departure_scan', blob }).thenError('SELLER_ONLY');
  });
});
