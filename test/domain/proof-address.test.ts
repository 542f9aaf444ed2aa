import { describe, expect, it } from 'vitest';
import { fold } from '../../src/domain/decider.js';
import { given, makeOrder, opened, play } from './support.js';

const blob = { id: 'b-1', contentType: 'application/pdf', size: 100 };
const orderAddress = makeOrder().shippingAddress;
const goma = { name: '', line1: '', city: 'Goma', postalCode: '', country: 'CD' };

describe('A proof of shipping must show shipment to the address the buyer gave at purchase: a mismatch is recorded and shown', () => {
  it('a proof to another place: the entry says where, and the case shows the mismatch', () => {
    const c = given(opened())
      .when({ type: 'AddEvidence', kind: 'shipping_receipt', blob, shippedTo: goma }, { as: 'seller' })
      .then([{ type: 'evidence', addressMatches: false, shippedTo: { city: 'Goma', country: 'CD' } }]);
    expect(c.proofAddressMismatch).toBe(true);
    expect(c.status).toBe('open');
  });

  it('the entry keeps the place only, not the buyer’s name and street', () => {
    const c = given(opened()).when({ type: 'AddEvidence', kind: 'customs_form', blob, shippedTo: orderAddress }, { as: 'seller' }).then([{ type: 'evidence', addressMatches: true }]);
    expect(c.timeline.at(-1)).toMatchObject({ shippedTo: { city: 'Kinshasa', country: 'CD' } });
    expect(JSON.stringify(c.timeline.at(-1))).not.toContain(orderAddress.line1);
    expect(c.proofAddressMismatch).toBe(false);
  });

  it('a later proof to the order’s address clears the mismatch; one that does not say leaves it', () => {
    const wrong = play(opened(), [[{ type: 'AddEvidence', kind: 'shipping_receipt', blob, shippedTo: goma }, { as: 'seller' }]]);
    const unstated = play(wrong, [[{ type: 'AddEvidence', kind: 'departure_scan', blob }, { as: 'seller' }]]);
    expect(fold(unstated).proofAddressMismatch).toBe(true);
    const right = play(unstated, [[{ type: 'AddEvidence', kind: 'delivery_confirmation', blob, shippedTo: orderAddress }, { as: 'seller' }]]);
    expect(fold(right).proofAddressMismatch).toBe(false);
  });

  it('no proof yet, or photos only: nothing to show', () => {
    expect(fold(opened())).not.toHaveProperty('proofAddressMismatch');
    expect(fold(play(opened(), [[{ type: 'AddEvidence', kind: 'photo', blob }]]))).not.toHaveProperty('proofAddressMismatch');
  });
});
