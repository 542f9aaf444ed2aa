import { describe, expect, it } from 'vitest';
import { fold, mayRequestSupport } from '../../src/domain/decider.js';
import { escalatedCase, given, opened, OPENED_AT, play, shift } from './support.js';

const soon = shift(OPENED_AT, 'PT1H');

describe('Seller actions include "ask support": a party asks support for help while the case is not closed', () => {
  it('the seller asks support: a support_requested entry with the trimmed text, the case stays where it was', () => {
    const c = given(opened())
      .when({ type: 'RequestSupport', text: '  L’acheteuse ne répond plus, que faire ?  ' }, { as: 'seller' })
      .then([{ type: 'support_requested', text: 'L’acheteuse ne répond plus, que faire ?' }]);
    expect(c).toMatchObject({ status: 'open', escalatedAt: null });
  });

  it('asking support is not an answer to the buyer: the seller reminders and the reply nudge keep running', () => {
    const log = play(opened(), [[{ type: 'Comment', text: 'Des nouvelles ?' }, { now: soon }]]);
    const c = given(log).when({ type: 'RequestSupport', text: 'Aidez-moi' }, { as: 'seller' }).then([{ type: 'support_requested' }]);
    expect(c.sellerActedAt).toBeNull();
    expect(c.buyerWaitingSince).toBe(soon);
  });

  it('the buyer may ask too, also once escalated', () => {
    given(opened()).when({ type: 'RequestSupport', text: 'Question' }).then([{ type: 'support_requested' }]);
    given(escalatedCase()).when({ type: 'RequestSupport', text: 'Question' }, { as: 'seller' }).then([{ type: 'support_requested' }]);
  });

  it('support and the scheduler do not ask themselves: NOT_YOUR_CASE; a closed case: CASE_CLOSED; an empty text: TEXT_EMPTY', () => {
    given(opened()).when({ type: 'RequestSupport', text: 'x' }, { as: 'support' }).thenError('NOT_YOUR_CASE');
    given(opened()).when({ type: 'RequestSupport', text: 'x' }, { as: 'system' }).thenError('NOT_YOUR_CASE');
    given(play(opened(), [[{ type: 'BuyerClose' }]])).when({ type: 'RequestSupport', text: 'x' }, { as: 'seller' }).thenError('CASE_CLOSED');
    given(opened()).when({ type: 'RequestSupport', text: '  ' }, { as: 'seller' }).thenError('TEXT_EMPTY');
  });

  it('mayRequestSupport: the card offers it to a party of a case that is not closed, never to support', () => {
    const c = fold(opened());
    expect(mayRequestSupport(c, 'seller', soon)).toBe(true);
    expect(mayRequestSupport(c, 'buyer', soon)).toBe(true);
    expect(mayRequestSupport(c, 'support', soon)).toBe(false);
    expect(mayRequestSupport(fold(play(opened(), [[{ type: 'BuyerClose' }]])), 'seller', soon)).toBe(false);
  });
});
