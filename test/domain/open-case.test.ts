import { describe, expect, it } from 'vitest';
import { decideOpen, fold } from '../../src/domain/decider.js';
import { eligibility } from '../../src/domain/eligibility.js';
import { isPalabreError, type ErrorCode } from '../../src/domain/errors.js';
import { defaultPolicy } from '../../src/domain/policy.js';
import type { ProblemKind } from '../../src/domain/types.js';
import { actors, makeOrder, makeShop, OPENED_AT, openInput, policyWith } from './support.js';

function refusal(fn: () => unknown): { code: ErrorCode; args: Record<string, string | number> } {
  try {
    fn();
  } catch (e) {
    if (isPalabreError(e)) return { code: e.code, args: e.args };
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('Opening a case', () => {
  it('records who opened it, for which order, shop and seller, and its deadlines', () => {
    const events = decideOpen(openInput());
    expect(events).toEqual([
      {
        type: 'opened',
        at: OPENED_AT,
        actor: actors.buyer,
        caseId: 'C-000123',
        orderId: 'CC-1001',
        buyerId: 'acc-amina',
        shopId: 'shop-bisou',
        sellerId: 'acc-bisou',
        reason: 'non_delivery',
        description: "Ma commande n'est jamais arrivée.",
        orderTotal: { amount: 50000, currency: 'CDF' },
        escalatableAt: '2026-10-24T08:00:00.000Z',
        lateAt: '2027-10-21T08:00:00.000Z',
        shippingAddress: makeOrder().shippingAddress,
      },
    ]);
    expect(fold(events)).toMatchObject({ status: 'open', resolution: null, version: 1, refunded: { amount: 0, currency: 'CDF' } });
  });

  it('escalatableAt is opening + POLICY_ESCALATION_AFTER and lateAt opening + POLICY_MAX_CASE_AGE (custom policy)', () => {
    const policy = policyWith({ POLICY_ESCALATION_AFTER: 'PT36H', POLICY_MAX_CASE_AGE: 'P30D' });
    const [e] = decideOpen(openInput({ policy }));
    expect(e).toMatchObject({ escalatableAt: '2026-10-22T20:00:00.000Z', lateAt: '2026-11-20T08:00:00.000Z' });
  });

  it('trims the description and keeps attached photos and files as evidence right after "opened"', () => {
    const events = decideOpen(
      openInput({
        description: '   Le colis est vide.  ',
        evidence: [
          { id: 'b1', contentType: 'image/jpeg', size: 1200, name: 'colis.jpg' },
          { id: 'b2', contentType: 'application/pdf', size: 5000 },
        ],
      }),
    );
    expect(events.map((e) => e.type)).toEqual(['opened', 'evidence', 'evidence']);
    expect(events[0]).toMatchObject({ description: 'Le colis est vide.' });
    expect(events[1]).toMatchObject({ kind: 'photo', blob: { id: 'b1' }, actor: actors.buyer, at: OPENED_AT });
    expect(events[2]).toMatchObject({ kind: 'file', blob: { id: 'b2' } });
    expect(fold(events).version).toBe(3);
  });

  it('refuses more than 10 files at once', () => {
    const evidence = Array.from({ length: 11 }, (_, i) => ({ id: `b${i}`, contentType: 'image/png', size: 1 }));
    expect(refusal(() => decideOpen(openInput({ evidence }))).code).toBe('INPUT_TOO_LARGE');
  });
});

describe('Only the order\'s buyer can open a case on it; one open case per order', () => {
  it('the seller (or anyone else) cannot open a case on the order: NOT_ORDER_BUYER', () => {
    expect(refusal(() => decideOpen(openInput({ actor: actors.seller }))).code).toBe('NOT_ORDER_BUYER');
    expect(refusal(() => decideOpen(openInput({ actor: { ...actors.buyer, accountId: 'acc-other' } }))).code).toBe('NOT_ORDER_BUYER');
  });

  it('a second case while one is open: CASE_ALREADY_OPEN, naming the open case', () => {
    expect(refusal(() => decideOpen(openInput({ openCaseIdForOrder: 'C-000099' })))).toMatchObject({
      code: 'CASE_ALREADY_OPEN',
      args: { caseId: 'C-000099' },
    });
  });

  it('an order that is not from the given shop is refused', () => {
    expect(refusal(() => decideOpen(openInput({ shop: makeShop({ id: 'shop-other' }) }))).code).toBe('VALIDATION');
  });
});

describe('A case can only be opened for non-delivery or not as described; any other problem stays a message', () => {
  it.each<ProblemKind>(['wrong_size', 'cancellation', 'return_request', 'refund_request', 'other'])('%s: REASON_NOT_CASEABLE', (reason) => {
    expect(refusal(() => decideOpen(openInput({ reason })))).toMatchObject({ code: 'REASON_NOT_CASEABLE', args: { reason } });
  });

  it('not_as_described opens a case', () => {
    expect(decideOpen(openInput({ reason: 'not_as_described' }))[0]).toMatchObject({ reason: 'not_as_described' });
  });
});

describe('Before or after the case window the bot explains with the exact dates', () => {
  const order = makeOrder();
  const shop = makeShop();
  const at = (now: string) => eligibility({ order, shop, now, timezone: 'Africa/Kinshasa', policy: defaultPolicy });

  it('on the estimated delivery date: NOT_ELIGIBLE_YET with from/until/estimatedDelivery', () => {
    const now = '2026-10-20T12:00:00.000Z';
    expect(refusal(() => decideOpen(openInput({ now, eligibility: at(now) })))).toEqual({
      code: 'NOT_ELIGIBLE_YET',
      args: { from: '2026-10-20T23:00:00.000Z', until: '2027-01-28T23:00:00.000Z', estimatedDelivery: '2026-10-20' },
    });
  });

  it('after 100 days: CASE_WINDOW_CLOSED with the dates', () => {
    const now = '2027-01-28T23:00:00.000Z';
    expect(refusal(() => decideOpen(openInput({ now, eligibility: at(now) })))).toMatchObject({
      code: 'CASE_WINDOW_CLOSED',
      args: { until: '2027-01-28T23:00:00.000Z' },
    });
  });

  it('on the first and the last day of the window the case opens', () => {
    for (const now of ['2026-10-20T23:00:00.000Z', '2027-01-28T22:59:59.999Z']) {
      expect(decideOpen(openInput({ now, eligibility: at(now) }))[0]).toMatchObject({ type: 'opened', at: now });
    }
  });
});

describe('Description: 1..12,300 characters after trimming (three Telegram messages of 4,096)', () => {
  it('blank: TEXT_EMPTY', () => {
    expect(refusal(() => decideOpen(openInput({ description: '  \n ' }))).code).toBe('TEXT_EMPTY');
  });

  it('12,300 characters pass (emoji count as one), 12,301 are TEXT_TOO_LONG', () => {
    expect(decideOpen(openInput({ description: '😀'.repeat(12_300) }))[0]).toMatchObject({ type: 'opened' });
    expect(refusal(() => decideOpen(openInput({ description: 'a'.repeat(12_301) })))).toMatchObject({
      code: 'TEXT_TOO_LONG',
      args: { max: 12_300, length: 12_301 },
    });
  });
});

describe('The bot recommends messages with the seller first, but never blocks an eligible buyer from opening a case', () => {
  it('an eligible buyer who never wrote to the seller opens a case on the first try', () => {
    const events = decideOpen(openInput({ now: '2026-10-20T23:00:00.000Z', eligibility: eligibility({ order: makeOrder(), shop: makeShop(), now: '2026-10-20T23:00:00.000Z', timezone: 'Africa/Kinshasa', policy: defaultPolicy }) }));
    expect(events.map((e) => e.type)).toEqual(['opened']);
  });
});
