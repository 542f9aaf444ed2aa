import { describe, expect, it } from 'vitest';
import { recommendAcceptance } from '../../src/domain/shop-policy.js';
import type { ProblemKind, ShopPolicies } from '../../src/domain/types.js';
import { makeOrder } from './support.js';

const all: ShopPolicies = { refunds: true, returns: true, returnWindowDays: 14, exchanges: true };
const none: ShopPolicies = { refunds: false, returns: false, exchanges: false };
const order = makeOrder(); // estimated delivery 2026-10-20T00:00Z
const delivered = '2026-10-18T10:00:00Z';

describe('When a buyer asks for a refund or return that the shop\'s own policies allow, the bot recommends that the seller accept', () => {
  it('a refund request to a shop that accepts refunds, inside its return window', () => {
    expect(recommendAcceptance(all, 'refund_request', order, '2026-10-25T00:00:00Z', delivered)).toEqual({
      recommend: true,
      basis: 'shop_refunds',
      windowEndsAt: '2026-11-01T10:00:00.000Z',
    });
  });

  it('a return request to a shop that accepts returns', () => {
    expect(recommendAcceptance(all, 'return_request', order, '2026-10-25T00:00:00Z', delivered)).toMatchObject({ recommend: true, basis: 'shop_returns' });
  });

  it('a wrong size: an exchange where the shop offers them, else a return', () => {
    expect(recommendAcceptance(all, 'wrong_size', order, '2026-10-25T00:00:00Z', delivered).basis).toBe('shop_exchanges');
    expect(recommendAcceptance({ ...all, exchanges: false }, 'wrong_size', order, '2026-10-25T00:00:00Z', delivered).basis).toBe('shop_returns');
  });

  it('the return window runs returnWindowDays from delivery: open one millisecond before its end, closed at it', () => {
    expect(recommendAcceptance(all, 'return_request', order, '2026-11-01T09:59:59.999Z', delivered).recommend).toBe(true);
    expect(recommendAcceptance(all, 'return_request', order, '2026-11-01T10:00:00.000Z', delivered)).toMatchObject({
      recommend: false,
      basis: 'window_closed',
    });
  });

  it('without a known delivery it counts from the estimated delivery', () => {
    expect(recommendAcceptance(all, 'return_request', order, '2026-11-02T23:59:59.999Z').recommend).toBe(true);
    expect(recommendAcceptance(all, 'return_request', order, '2026-11-03T00:00:00.000Z').windowEndsAt).toBe('2026-11-03T00:00:00.000Z');
    expect(recommendAcceptance(all, 'return_request', makeOrder({ estimatedDeliveryAt: null }), '2027-06-01T00:00:00Z')).toMatchObject({
      recommend: true,
      windowEndsAt: null,
    });
  });

  it('a shop that sets no window accepts at any time', () => {
    const { returnWindowDays: _, ...open } = all;
    expect(recommendAcceptance(open, 'refund_request', order, '2027-06-01T00:00:00Z', delivered)).toMatchObject({ recommend: true, windowEndsAt: null });
  });

  it('policies that do not offer it: no recommendation', () => {
    for (const kind of ['refund_request', 'return_request', 'wrong_size'] as ProblemKind[]) {
      expect(recommendAcceptance(none, kind, order, '2026-10-25T00:00:00Z', delivered)).toEqual({ recommend: false, basis: 'policy_silent', windowEndsAt: null });
    }
  });

  it.each<ProblemKind>(['non_delivery', 'not_as_described', 'cancellation', 'other'])('%s is not a refund or return request', (kind) => {
    expect(recommendAcceptance(all, kind, order, '2026-10-25T00:00:00Z', delivered)).toMatchObject({ recommend: false, basis: 'not_a_request' });
  });
});
