import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { eligibility } from '../../src/domain/eligibility.js';
import { planNudges, planWindowReminder } from '../../src/domain/nudges.js';
import { decideOpen, evolve, fold } from '../../src/domain/decider.js';
import { defaultPolicy } from '../../src/domain/policy.js';
import type { Order, Shop } from '../../src/domain/types.js';

// The dated examples of docs/rules.md, recomputed by the domain: the page cannot drift from the rules.
const page = readFileSync(new URL('../../docs/rules.md', import.meta.url), 'utf8').replace(/\s+/g, ' ');
const order: Order = {
  id: 'CC-1001',
  buyerId: 'acc-amina',
  shopId: 'shop-kitenge',
  items: [{ listingId: 'L-1', title: 'Robe', quantity: 1, unitPrice: { amount: 4500000, currency: 'CDF' } }],
  total: { amount: 4500000, currency: 'CDF' },
  payment: { method: 'mobile_money', viaMarketplace: true },
  placedAt: '2026-10-07T08:00:00.000Z',
  shippingAddress: { name: 'Amina', line1: '12 avenue du Commerce', city: 'Kinshasa', postalCode: '', country: 'CD' },
} as Order;
const shop = { id: 'shop-kitenge', ownerId: 'acc-joseph', name: 'Kitenge', country: 'CD', processingDays: 3, policies: { refunds: true, returns: true, exchanges: false } } as Shop;
const z = (iso: string) => iso.replace(':00.000Z', 'Z');

describe('docs/rules.md examples', () => {
  it('the case window of the example order', () => {
    const e = eligibility({ order, shop, now: '2026-10-20T09:00:00.000Z', timezone: 'Africa/Kinshasa', policy: defaultPolicy });
    expect(e.estimatedDelivery).toBe('2026-10-16');
    expect(page).toContain('Friday 2026-10-16');
    expect(page).toContain(`(\`${z(e.from)}\`)`);
    expect(e.until).toBe('2027-01-24T23:00:00.000Z'); // midnight starting 2027-01-25 in Kinshasa
    expect(page).toContain('until Monday 2027-01-25 00:00 (exclusive');
    const abroad = eligibility({ order, shop: { ...shop, country: 'FR' }, now: '2026-10-20T09:00:00.000Z', timezone: 'Africa/Kinshasa', policy: defaultPolicy });
    expect(abroad.estimatedDelivery).toBe('2026-10-26');
    expect(page).toContain('give Monday 2026-10-26, and a case from Tuesday 2026-10-27');
    expect(planWindowReminder(order, e.until, defaultPolicy).dueAt).toBe('2027-01-17T23:00:00.000Z');
    expect(page).toContain('2027-01-18 00:00 Kinshasa time');
  });

  it('the deadlines of the example case', () => {
    const eligible = eligibility({ order, shop, now: '2026-10-20T09:00:00.000Z', timezone: 'Africa/Kinshasa', policy: defaultPolicy });
    const events = decideOpen({
      caseId: 'C-000001',
      order,
      shop,
      reason: 'non_delivery',
      description: 'jamais arrivée',
      actor: { accountId: 'acc-amina', role: 'buyer', platform: 'telegram' },
      openCaseIdForOrder: null,
      eligibility: eligible,
      now: '2026-10-20T09:00:00.000Z',
      policy: defaultPolicy,
    });
    let c = fold(events);
    expect(z(c.escalatableAt)).toBe('2026-10-23T09:00Z');
    expect(page).toContain('may be escalated by the buyer from 2026-10-23 09:00Z');
    expect(z(c.lateAt)).toBe('2027-10-20T09:00Z');
    expect(page).toContain('still open on 2027-10-20 09:00Z is flagged late');
    c = evolve(c, { type: 'comment', at: '2026-10-20T12:00:00.000Z', actor: { accountId: 'acc-amina', role: 'buyer', platform: 'telegram' }, text: 'alors ?' });
    const due = planNudges(c, defaultPolicy).map((n) => `${n.kind}@${z(n.dueAt)}`);
    expect(due).toEqual(expect.arrayContaining(['seller_reminder@2026-10-21T09:00Z', 'seller_reminder@2026-10-22T09:00Z', 'buyer_escalation_open@2026-10-23T09:00Z', 'seller_reply_due@2026-10-21T12:00Z']));
    expect(page).toContain('reminders on 2026-10-21 09:00Z and 2026-10-22 09:00Z');
    expect(page).toContain('the seller is nudged at 2026-10-21 12:00Z');
    c = evolve(c, { type: 'escalated', at: '2026-10-23T10:00:00.000Z', actor: { accountId: 'acc-amina', role: 'buyer', platform: 'telegram' }, ground: null });
    expect(planNudges(c, defaultPolicy).map((n) => `${n.kind}@${z(n.dueAt)}`)).toContain('support_sla@2026-10-24T10:00Z');
    expect(page).toContain('support is nudged at 2026-10-24 10:00Z');
  });
});
