import { describe, expect, it } from 'vitest';
import { placeMatchesAddress } from '../../src/domain/address.js';
import { eligibility } from '../../src/domain/eligibility.js';
import { defaultPolicy } from '../../src/domain/policy.js';
import { createDemoMarketplace, DEMO_ORDERS, DEMO_TRACKING } from '../../src/infra/demo-marketplace.js';
import type { Marketplace } from '../../src/ports/marketplace.js';

// Any day works: the demo dates itself around `now`. Two far-apart days prove it.
describe.each(['2026-11-02T10:00:00.000Z', '2031-02-28T23:30:00.000Z'])('demo marketplace on %s', (nowIso) => {
  const now = new Date(nowIso);
  const m: Marketplace = createDemoMarketplace(now);

  async function eligibilityOf(orderId: string) {
    const order = (await m.order(orderId))!;
    const shop = (await m.shop(order.shopId))!;
    const buyer = (await m.account(order.buyerId))!;
    return eligibility({ order, shop, now: nowIso, timezone: buyer.timezone ?? 'Africa/Kinshasa', policy: defaultPolicy });
  }

  it('has an order in each eligibility situation', async () => {
    expect(await eligibilityOf(DEMO_ORDERS.eligibleNonDelivery)).toMatchObject({ eligible: true, basis: 'estimate' });
    expect(await eligibilityOf(DEMO_ORDERS.eligibleNotAsDescribed)).toMatchObject({ eligible: true });
    expect(await eligibilityOf(DEMO_ORDERS.notYetEligible)).toMatchObject({ eligible: false, code: 'NOT_ELIGIBLE_YET' });
    expect(await eligibilityOf(DEMO_ORDERS.windowExpired)).toMatchObject({ eligible: false, code: 'CASE_WINDOW_CLOSED' });
    expect(await eligibilityOf(DEMO_ORDERS.deliveredMatching)).toMatchObject({ eligible: true });
    expect(await eligibilityOf(DEMO_ORDERS.deliveredElsewhere)).toMatchObject({ eligible: true });
    expect(await eligibilityOf(DEMO_ORDERS.noEstimateDomestic)).toMatchObject({ eligible: true, basis: 'processing_and_shipping' });
    expect(await eligibilityOf(DEMO_ORDERS.noEstimateInternational)).toMatchObject({ eligible: true, basis: 'processing_and_shipping' });
  });

  it('has a domestic and an international order without an estimate', async () => {
    const domestic = (await m.order(DEMO_ORDERS.noEstimateDomestic))!;
    const intl = (await m.order(DEMO_ORDERS.noEstimateInternational))!;
    expect(domestic.estimatedDeliveryAt).toBeNull();
    expect(intl.estimatedDeliveryAt).toBeNull();
    expect((await m.shop(domestic.shopId))?.country).toBe(domestic.shippingAddress.country);
    expect(['FR', 'BE']).toContain((await m.shop(intl.shopId))?.country);
    expect(intl.shippingAddress.country).toBe('CD');
  });

  it('knows tracking that the seller can add: one delivered to the address, one elsewhere', async () => {
    const match = (await m.order(DEMO_ORDERS.deliveredMatching))!;
    const elsewhere = (await m.order(DEMO_ORDERS.deliveredElsewhere))!;
    const last = async (t: { carrier: string; number: string }) => (await m.tracking(t.carrier, t.number))!.events.at(-1)!;
    expect(match.tracking).toBeNull();
    expect(await last(DEMO_TRACKING.matching)).toMatchObject({ status: 'delivered' });
    expect(placeMatchesAddress(await last(DEMO_TRACKING.matching), match.shippingAddress)).toBe(true);
    expect(placeMatchesAddress(await last(DEMO_TRACKING.elsewhere), elsewhere.shippingAddress)).toBe(false);
  });

  it('has two buyers, two shops with different refund policies, support, and two currencies', async () => {
    const accounts = await m.accounts();
    expect(accounts.find((a) => a.id === 'acc-amina')?.name).toBe('Amina K.');
    expect(accounts.filter((a) => a.roles.includes('buyer'))).toHaveLength(2);
    expect(accounts.find((a) => a.id === 'acc-support-1')?.roles).toEqual(['support']);
    const [bisou, lumiere] = [(await m.shop('shop-bisou'))!, (await m.shop('shop-lumiere'))!];
    expect(bisou.name).toBe('Bisou Créations');
    expect(bisou.policies.refunds && bisou.policies.returns).toBe(true);
    expect(lumiere.policies.refunds || lumiere.policies.returns).toBe(false);
    const currencies = new Set(await Promise.all(Object.values(DEMO_ORDERS).map(async (id) => (await m.order(id))!.total.currency)));
    expect([...currencies].sort()).toEqual(['CDF', 'USD']);
    expect((await m.ordersOfBuyer('acc-amina')).length).toBeGreaterThanOrEqual(2);
  });
});
