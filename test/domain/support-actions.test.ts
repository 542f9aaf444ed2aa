import { describe, expect, it } from 'vitest';
import { escalatedCase, given, opened, play } from './support.js';

const cdf = (amount: number) => ({ amount, currency: 'CDF' });

describe('After escalation support may refund the buyer (full or partial) and recover the funds from the seller', () => {
  it('full refund with recovery: refund{recover} then closed{support_refund}', () => {
    const c = given(escalatedCase())
      .when({ type: 'Refund', recover: true }, { as: 'support' })
      .then([
        { type: 'refund', amount: cdf(50000), full: true, recover: true, viaOriginalMethod: true },
        { type: 'closed', resolution: 'support_refund' },
      ]);
    expect(c).toMatchObject({ status: 'closed', resolution: 'support_refund', refunded: cdf(50000) });
  });

  it('partial refund without recovery also settles the case', () => {
    given(escalatedCase())
      .when({ type: 'Refund', amount: cdf(10000) }, { as: 'support' })
      .then([{ type: 'refund', amount: cdf(10000), full: false, recover: false }, { type: 'closed', resolution: 'support_refund' }]);
  });

  it('the amount rules apply to support too', () => {
    given(escalatedCase()).when({ type: 'Refund', amount: cdf(60000) }, { as: 'support' }).thenError('REFUND_TOO_LARGE', { max: 50000 });
    given(escalatedCase()).when({ type: 'Refund', amount: { amount: 5, currency: 'EUR' } }, { as: 'support' }).thenError('CURRENCY_MISMATCH');
  });

  it('before escalation: NOT_ESCALATED', () => {
    given(opened()).when({ type: 'Refund', recover: true }, { as: 'support' }).thenError('NOT_ESCALATED');
  });
});

describe('After escalation support may close the case in the seller\'s favour', () => {
  it('closed{seller_favour} with the decision text', () => {
    const c = given(escalatedCase())
      .when({ type: 'DecideForSeller', text: '  Preuve de livraison valable.  ' }, { as: 'support' })
      .then([{ type: 'closed', resolution: 'seller_favour', text: 'Preuve de livraison valable.' }]);
    expect(c).toMatchObject({ status: 'closed', resolution: 'seller_favour' });
  });

  it('before escalation: NOT_ESCALATED; by anyone else: SUPPORT_ONLY', () => {
    given(opened()).when({ type: 'DecideForSeller' }, { as: 'support' }).thenError('NOT_ESCALATED');
    given(escalatedCase()).when({ type: 'DecideForSeller' }, { as: 'seller' }).thenError('SUPPORT_ONLY');
  });
});

describe('After escalation support may ask either party for information', () => {
  it.each(['buyer', 'seller'] as const)('asks the %s; the request is open until that party comments', (from) => {
    const other = from === 'buyer' ? 'seller' : 'buyer';
    const c = given(escalatedCase())
      .when({ type: 'AskInfo', from, text: 'Avez-vous une photo du colis ?' }, { as: 'support' })
      .then([{ type: 'info_requested', from, text: 'Avez-vous une photo du colis ?' }]);
    expect(c.infoRequested).toMatchObject({ from });
    const asked = c.timeline;
    expect(given(asked).when({ type: 'Comment', text: 'Un mot.' }, { as: other }).then([{ type: 'comment' }]).infoRequested).toMatchObject({ from });
    expect(given(asked).when({ type: 'Comment', text: 'Voici.' }, { as: from }).then([{ type: 'comment' }]).infoRequested).toBeNull();
  });

  it('evidence from the party asked also answers the request', () => {
    const events = play(escalatedCase(), [[{ type: 'AskInfo', from: 'buyer', text: 'Une photo ?' }, { as: 'support' }]]);
    const c = given(events).when({ type: 'AddEvidence', kind: 'photo', blob: { id: 'b', contentType: 'image/png', size: 1 } }).then([{ type: 'evidence' }]);
    expect(c.infoRequested).toBeNull();
  });

  it('before escalation: NOT_ESCALATED; blank question: TEXT_EMPTY; neither party: VALIDATION', () => {
    given(opened()).when({ type: 'AskInfo', from: 'buyer', text: '?' }, { as: 'support' }).thenError('NOT_ESCALATED');
    given(escalatedCase()).when({ type: 'AskInfo', from: 'seller', text: '   ' }, { as: 'support' }).thenError('TEXT_EMPTY');
    given(escalatedCase()).when({ type: 'AskInfo', from: 'support' as 'buyer', text: '?' }, { as: 'support' }).thenError('VALIDATION');
  });

  it('only support asks: SUPPORT_ONLY', () => {
    given(escalatedCase()).when({ type: 'AskInfo', from: 'seller', text: '?' }, { as: 'buyer' }).thenError('SUPPORT_ONLY');
  });
});

describe('Support can reopen a closed case', () => {
  it('a case closed before escalation reopens as open', () => {
    const events = play(opened(), [[{ type: 'BuyerClose' }]]);
    const c = given(events).when({ type: 'Reopen', text: 'Réclamation du vendeur' }, { as: 'support' }).then([{ type: 'reopened', text: 'Réclamation du vendeur' }]);
    expect(c).toMatchObject({ status: 'open', resolution: null, closedAt: null });
  });

  it('a case closed after escalation reopens as escalated, keeping its escalation date and the refunds made', () => {
    const events = play(escalatedCase(), [[{ type: 'Refund', amount: cdf(10000) }, { as: 'support' }]]);
    const escalatedAt = given(events).state.escalatedAt;
    const c = given(events).when({ type: 'Reopen' }, { as: 'support' }).then([{ type: 'reopened' }]);
    expect(c).toMatchObject({ status: 'escalated', escalatedAt, resolution: null, refunded: cdf(10000) });
  });

  it('a reopened case can be closed again', () => {
    const events = play(opened(), [[{ type: 'BuyerClose' }], [{ type: 'Reopen' }, { as: 'support' }]]);
    given(events).when({ type: 'BuyerClose' }).then([{ type: 'closed', resolution: 'buyer_closed' }]);
  });

  it('a case that is not closed: CASE_NOT_CLOSED; the buyer cannot reopen: SUPPORT_ONLY', () => {
    given(escalatedCase()).when({ type: 'Reopen' }, { as: 'support' }).thenError('CASE_NOT_CLOSED');
    const closed = play(opened(), [[{ type: 'BuyerClose' }]]);
    given(closed).when({ type: 'Reopen' }, { as: 'buyer' }).thenError('SUPPORT_ONLY');
  });
});

describe('Internal notes are support\'s, on a case in any state', () => {
  it('on an open, an escalated and a closed case', () => {
    const closed = play(opened(), [[{ type: 'BuyerClose' }]]);
    for (const events of [opened(), escalatedCase(), closed]) {
      given(events).when({ type: 'Note', text: ' Vendeur joint par téléphone. ' }, { as: 'support' }).then([{ type: 'note', text: 'Vendeur joint par téléphone.' }]);
    }
  });

  it('parties cannot write notes (SUPPORT_ONLY); empty or too long notes are refused', () => {
    given(opened()).when({ type: 'Note', text: 'x' }, { as: 'seller' }).thenError('SUPPORT_ONLY');
    given(opened()).when({ type: 'Note', text: '' }, { as: 'support' }).thenError('TEXT_EMPTY');
    given(opened()).when({ type: 'Note', text: 'n'.repeat(12_301) }, { as: 'support' }).thenError('TEXT_TOO_LONG');
  });
});
