import { describe, expect, it } from 'vitest';
import { eligibility, isCaseReason } from '../../src/domain/eligibility.js';
import { isPalabreError } from '../../src/domain/errors.js';
import { defaultPolicy } from '../../src/domain/policy.js';
import type { ProblemKind } from '../../src/domain/types.js';
import { makeOrder, makeShop, policyWith, shift } from './support.js';

const KIN = 'Africa/Kinshasa'; // UTC+1 all year
const LUB = 'Africa/Lubumbashi'; // UTC+2 all year
const NYC = 'America/New_York'; // UTC-4 until 2026-11-01, then UTC-5

function check(now: string, timezone: string, order = makeOrder(), shop = makeShop(), policy = defaultPolicy) {
  return eligibility({ order, shop, now, timezone, policy });
}

describe('A case can only be opened for non-delivery or not as described', () => {
  it.each<[ProblemKind, boolean]>([
    ['non_delivery', true],
    ['not_as_described', true],
    ['wrong_size', false],
    ['cancellation', false],
    ['return_request', false],
    ['refund_request', false],
    ['other', false],
  ])('%s is a case reason: %s', (kind, expected) => {
    expect(isCaseReason(kind)).toBe(expected);
  });
});

describe('Eligibility starts the day after the order\'s estimated delivery date', () => {
  // The demo order: estimated delivery 2026-10-20T00:00Z, i.e. 20 October in Kinshasa (01:00).
  it('is not eligible at the very start of the estimated delivery date, and says when it will be', () => {
    const r = check('2026-10-19T23:00:00.000Z', KIN);
    expect(r).toEqual({
      eligible: false,
      code: 'NOT_ELIGIBLE_YET',
      from: '2026-10-20T23:00:00.000Z',
      until: '2027-01-28T23:00:00.000Z',
      estimatedDelivery: '2026-10-20',
      basis: 'estimate',
      timezone: KIN,
    });
  });

  it('is still not eligible one millisecond before the day after, late on the estimated date', () => {
    expect(check('2026-10-20T22:59:59.999Z', KIN)).toMatchObject({ eligible: false, code: 'NOT_ELIGIBLE_YET' });
  });

  it('becomes eligible at local midnight starting the day after the estimated date', () => {
    expect(check('2026-10-20T23:00:00.000Z', KIN)).toMatchObject({ eligible: true, code: null });
  });

  it('reads the dates in the user\'s time zone: Lubumbashi (UTC+2) is eligible an hour before Kinshasa (UTC+1)', () => {
    const now = '2026-10-20T22:30:00.000Z'; // 00:30 on 21 Oct in Lubumbashi, 23:30 on 20 Oct in Kinshasa
    expect(check(now, LUB)).toMatchObject({ eligible: true, from: '2026-10-20T22:00:00.000Z', estimatedDelivery: '2026-10-20' });
    expect(check(now, KIN)).toMatchObject({ eligible: false, code: 'NOT_ELIGIBLE_YET', from: '2026-10-20T23:00:00.000Z' });
  });

  it('takes the estimated delivery date as seen in the time zone, so it may flip between two zones', () => {
    const order = makeOrder({ estimatedDeliveryAt: '2026-10-19T22:30:00Z' }); // 23:30 on the 19th in Kinshasa, 00:30 on the 20th in Lubumbashi
    expect(check('2026-10-20T12:00:00.000Z', KIN, order)).toMatchObject({ estimatedDelivery: '2026-10-19', eligible: true });
    expect(check('2026-10-20T12:00:00.000Z', LUB, order)).toMatchObject({ estimatedDelivery: '2026-10-20', eligible: false });
  });

  it('an estimated date written at midnight UTC is that calendar date in every zone: in New York too eligibility opens at midnight there on the 21st', () => {
    // Read as an instant, 2026-10-20T00:00Z is 19 October 20:00 in New York: the buyer would be told « livraison
    // estimée le 19 octobre », a date the marketplace never showed, and could open a case a day early.
    const r = check('2026-10-21T03:59:59.999Z', NYC);
    expect(r).toMatchObject({ estimatedDelivery: '2026-10-20', from: '2026-10-21T04:00:00.000Z', eligible: false, code: 'NOT_ELIGIBLE_YET' });
    expect(check('2026-10-21T04:00:00.000Z', NYC)).toMatchObject({ eligible: true });
    expect(check('2026-10-21T04:00:00.000Z', NYC, makeOrder({ estimatedDeliveryAt: '2026-10-20' }))).toMatchObject({ estimatedDelivery: '2026-10-20', eligible: true });
  });

  it('an estimate given as a real moment (not midnight UTC) is read in the buyer\'s zone', () => {
    // 02:00 UTC on the 20th is still the evening of the 19th in New York.
    const order = makeOrder({ estimatedDeliveryAt: '2026-10-20T02:00:00Z' });
    expect(check('2026-10-20T12:00:00.000Z', NYC, order)).toMatchObject({ estimatedDelivery: '2026-10-19', from: '2026-10-20T04:00:00.000Z', eligible: true });
    expect(check('2026-10-20T12:00:00.000Z', KIN, order)).toMatchObject({ estimatedDelivery: '2026-10-20', eligible: false });
  });
});

describe('Once eligible, the buyer has POLICY_CASE_WINDOW (100 days) to open a case', () => {
  it('the window is exactly 100 calendar days: open on day 100, closed at the start of day 101', () => {
    // 21 Oct 2026 .. 28 Jan 2027 in Kinshasa is 100 days.
    expect(check('2027-01-28T22:59:59.999Z', KIN)).toMatchObject({ eligible: true, code: null });
    expect(check('2027-01-28T23:00:00.000Z', KIN)).toMatchObject({
      eligible: false,
      code: 'CASE_WINDOW_CLOSED',
      until: '2027-01-28T23:00:00.000Z',
    });
  });

  it('closes at local midnight in Lubumbashi an hour before Kinshasa', () => {
    const now = '2027-01-28T22:30:00.000Z';
    expect(check(now, LUB)).toMatchObject({ code: 'CASE_WINDOW_CLOSED', until: '2027-01-28T22:00:00.000Z' });
    expect(check(now, KIN)).toMatchObject({ eligible: true });
  });

  it('counts calendar days across a daylight-saving change (New York): the window ends at local midnight', () => {
    const r = check('2026-12-01T00:00:00.000Z', NYC);
    expect(r.from).toBe('2026-10-21T04:00:00.000Z'); // EDT
    expect(r.until).toBe('2027-01-29T05:00:00.000Z'); // EST: 100 local days, one hour more than 2400 h
    expect(Date.parse(r.until) - Date.parse(r.from)).toBe(100 * 86_400_000 + 3_600_000);
  });

  it('follows a custom POLICY_CASE_WINDOW (P30D, P2M)', () => {
    const p30 = policyWith({ POLICY_CASE_WINDOW: 'P30D' });
    expect(check('2026-11-19T22:59:59.999Z', KIN, undefined, undefined, p30)).toMatchObject({ eligible: true, until: '2026-11-19T23:00:00.000Z' });
    expect(check('2026-11-19T23:00:00.000Z', KIN, undefined, undefined, p30)).toMatchObject({ code: 'CASE_WINDOW_CLOSED' });
    const p2m = policyWith({ POLICY_CASE_WINDOW: 'P2M' });
    expect(check('2026-11-01T00:00:00.000Z', KIN, undefined, undefined, p2m).until).toBe('2026-12-20T23:00:00.000Z');
  });
});

describe('Without an estimate: processing time (5 business days if none) plus 4 business days of shipping, from the order date', () => {
  const friday = '2026-10-02T09:00:00Z';
  const noEstimate = { estimatedDeliveryAt: null, processingDays: null, placedAt: friday };

  it('domestic, shop without processing time: 5 + 4 business days from Friday 2 Oct skip two weekends → Thursday 15 Oct', () => {
    const r = check('2026-10-15T12:00:00.000Z', KIN, makeOrder(noEstimate));
    expect(r).toMatchObject({
      basis: 'processing_and_shipping',
      estimatedDelivery: '2026-10-15',
      from: '2026-10-15T23:00:00.000Z',
      eligible: false,
      code: 'NOT_ELIGIBLE_YET',
    });
    expect(check('2026-10-15T23:00:00.000Z', KIN, makeOrder(noEstimate)).eligible).toBe(true);
  });

  it('international (shop in CD, address in FR): 5 + 10 business days → Friday 23 Oct, eligible from Saturday', () => {
    const order = makeOrder({ ...noEstimate, shippingAddress: { name: 'A', line1: '1 rue X', city: 'Paris', postalCode: '75001', country: 'FR' } });
    expect(check('2026-10-24T12:00:00.000Z', KIN, order)).toMatchObject({
      estimatedDelivery: '2026-10-23',
      from: '2026-10-23T23:00:00.000Z',
      eligible: true,
    });
  });

  it('compares countries without regard to case', () => {
    const order = makeOrder({ ...noEstimate, shippingAddress: { name: 'A', line1: 'x', city: 'Kinshasa', postalCode: '', country: 'cd' } });
    expect(check(friday, KIN, order).estimatedDelivery).toBe('2026-10-15');
  });

  it("uses the order's processing time first (3 days → Tuesday 13 Oct), then the shop's (7 days → Monday 19 Oct)", () => {
    expect(check(friday, KIN, makeOrder({ ...noEstimate, processingDays: 3 }), makeShop({ processingDays: 7 })).estimatedDelivery).toBe('2026-10-13');
    expect(check(friday, KIN, makeOrder(noEstimate), makeShop({ processingDays: 7 })).estimatedDelivery).toBe('2026-10-19');
  });

  it('an order placed on a weekend starts counting on Monday', () => {
    const saturday = makeOrder({ ...noEstimate, placedAt: '2026-10-03T10:00:00Z' });
    const sunday = makeOrder({ ...noEstimate, placedAt: '2026-10-04T10:00:00Z' });
    expect(check(friday, KIN, saturday).estimatedDelivery).toBe('2026-10-15');
    expect(check(friday, KIN, sunday).estimatedDelivery).toBe('2026-10-15');
  });

  it('reads the order date in the time zone: late Thursday in New York is already Friday in Kinshasa', () => {
    const order = makeOrder({ ...noEstimate, placedAt: '2026-10-02T02:00:00Z' });
    expect(check(friday, NYC, order).estimatedDelivery).toBe('2026-10-14');
    expect(check(friday, KIN, order).estimatedDelivery).toBe('2026-10-15');
  });

  it('the case window runs POLICY_CASE_WINDOW from the day after that date', () => {
    const r = check('2026-10-16T00:00:00.000Z', KIN, makeOrder(noEstimate));
    expect(Date.parse(r.until) - Date.parse(r.from)).toBe(100 * 86_400_000);
  });
});

describe('eligibility input', () => {
  it('refuses an unknown time zone rather than guess the dates', () => {
    try {
      check('2026-10-25T00:00:00.000Z', 'Mars/Olympus');
      expect.unreachable();
    } catch (e) {
      expect(isPalabreError(e) && e.code).toBe('VALIDATION');
    }
  });

  it('refuses a `now` that is not an ISO instant', () => {
    expect(() => check('yesterday', KIN)).toThrow(/ISO-8601/);
  });

  it('the instants it returns are exact UTC instants one can compare with `now`', () => {
    const r = check(shift('2026-10-20T23:00:00.000Z', '-PT1S'), KIN);
    expect(r.from.endsWith('Z')).toBe(true);
    expect(new Date(r.from).toISOString()).toBe(r.from);
  });
});
