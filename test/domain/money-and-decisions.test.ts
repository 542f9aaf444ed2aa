import { describe, expect, it } from 'vitest';
import { escalatedCase, given, opened, play } from './support.js';

const cdf = (amount: number) => ({ amount, currency: 'CDF' });

/**
 * The rule chosen for issue 13: a decision never contradicts money already moved. Once the order is
 * refunded in full, support cannot close the case in the seller's favour; deciding for the buyer closes
 * it without refunding twice. A partial refund and a decision for the seller stand side by side, and
 * the case shows both (refunded 10 000 of 50 000, closed in the seller's favour).
 */
describe('Refund, decide and reopen combinations', () => {
  const fullThenReopened = () =>
    play(opened(), [
      [{ type: 'Refund' }, { as: 'seller' }],
      [{ type: 'Reopen', text: 'Le remboursement n’est pas arrivé.' }, { as: 'support' }],
      [{ type: 'Escalate', ground: 'integrity' }, { as: 'support' }],
    ]);

  it('full seller refund, reopen, escalate: deciding for the seller is refused with REFUNDED_IN_FULL', () => {
    const g = given(fullThenReopened());
    expect(g.state).toMatchObject({ status: 'escalated', refunded: cdf(50000) });
    g.when({ type: 'DecideForSeller' }, { as: 'support' }).thenError('REFUNDED_IN_FULL', { amount: 50000, currency: 'CDF' });
  });

  it('full seller refund, reopen, escalate: deciding for the buyer closes without a second refund', () => {
    const c = given(fullThenReopened())
      .when({ type: 'DecideForBuyer' }, { as: 'support' })
      .then([{ type: 'closed', resolution: 'support_refund' }]);
    expect(c).toMatchObject({ status: 'closed', refunded: cdf(50000) });
  });

  it('full seller refund, reopen: a further refund is refused (nothing left)', () => {
    given(fullThenReopened()).when({ type: 'Refund' }, { as: 'support' }).thenError('REFUND_TOO_LARGE', { max: 0 });
  });

  it('partial seller refund then a decision for the seller: allowed, and the case keeps both facts', () => {
    const log = play(opened(), [[{ type: 'Refund', amount: cdf(10000) }, { as: 'seller' }], [{ type: 'Escalate', ground: 'refusal' }, { as: 'support' }]]);
    const c = given(log).when({ type: 'DecideForSeller' }, { as: 'support' }).then([{ type: 'closed', resolution: 'seller_favour' }]);
    expect(c).toMatchObject({ status: 'closed', resolution: 'seller_favour', refunded: cdf(10000) });
  });

  it('partial seller refund then a decision for the buyer refunds only what is left, recovered from the seller when asked', () => {
    const log = play(opened(), [[{ type: 'Refund', amount: cdf(10000) }, { as: 'seller' }], [{ type: 'Escalate', ground: 'refusal' }, { as: 'support' }]]);
    const c = given(log)
      .when({ type: 'DecideForBuyer', recover: true }, { as: 'support' })
      .then([{ type: 'refund', amount: cdf(40000), full: true, recover: true }, { type: 'closed', resolution: 'support_refund' }]);
    expect(c.refunded).toEqual(cdf(50000));
  });

  it('a decision for the buyer is support’s, after escalation, on an open case', () => {
    given(opened()).when({ type: 'DecideForBuyer' }, { as: 'support' }).thenError('NOT_ESCALATED');
    given(escalatedCase()).when({ type: 'DecideForBuyer' }, { as: 'seller' }).thenError('SUPPORT_ONLY');
    const closed = play(escalatedCase(), [[{ type: 'DecideForSeller' }, { as: 'support' }]]);
    given(closed).when({ type: 'DecideForBuyer' }, { as: 'support' }).thenError('CASE_CLOSED');
  });

  it('support refund that closed, reopened: deciding for the seller is refused only once all is refunded', () => {
    const partial = play(escalatedCase(), [[{ type: 'Refund', amount: cdf(20000) }, { as: 'support' }], [{ type: 'Reopen' }, { as: 'support' }]]);
    given(partial).when({ type: 'DecideForSeller' }, { as: 'support' }).then([{ type: 'closed', resolution: 'seller_favour' }]);
    const full = play(escalatedCase(), [[{ type: 'Refund' }, { as: 'support' }], [{ type: 'Reopen' }, { as: 'support' }]]);
    given(full).when({ type: 'DecideForSeller' }, { as: 'support' }).thenError('REFUNDED_IN_FULL');
  });
});
