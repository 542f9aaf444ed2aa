import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createCaseService, type CaseService, type Who } from '../../src/app/case-service.js';
import type { Case, CaseCommand, CaseEvent } from '../../src/domain/case-model.js';
import { ConflictError } from '../../src/domain/errors.js';
import { defaultPolicy } from '../../src/domain/policy.js';
import { createDemoMarketplace, DEMO_ORDERS, DEMO_TRACKING } from '../../src/infra/demo-marketplace.js';
import { createMemoryShopStatusStore } from '../../src/infra/memory-shop-status.js';
import type { CaseStore } from '../../src/ports/case-store.js';
import type { Marketplace } from '../../src/ports/marketplace.js';
import type { Notification } from '../../src/ports/notification.js';
import type { ShopStatusStore } from '../../src/ports/shop-status.js';

const NOW = new Date('2026-11-02T10:00:00.000Z');
const DAY = 86_400_000;
const amina: Who = { accountId: 'acc-amina', platform: 'telegram' };
const joel: Who = { accountId: 'acc-joel', platform: 'web' };
const bisou: Who = { accountId: 'acc-bisou', platform: 'discord' };
const lumiere: Who = { accountId: 'acc-lumiere', platform: 'teams' };
const support: Who = { accountId: 'acc-support-1', platform: 'teams' };
const scheduler: Who = { accountId: 'palabre', platform: 'system' };

/** One notification per event, to support: enough to see the outbox written with the events. */
function notifyAll(c: Case, events: CaseEvent[]): Notification[] {
  const first = c.version - events.length + 1;
  return events.map((e, i) => ({ id: `${c.id}-${first + i}-1`, to: { support: true }, caseId: c.id, body: [{ id: `test-${e.type}` }], createdAt: e.at }));
}

export interface ServiceFixture {
  store: CaseStore;
  shops: ShopStatusStore;
}

/** The case service's behaviour, run over each store implementation. */
export function caseServiceSuite(name: string, makeFixture: () => Promise<ServiceFixture> | ServiceFixture): void {
  describe(`case service (${name})`, () => {
    let store: CaseStore;
    let marketplace: Marketplace;
    let now: Date;
    let cases: CaseService;
    let afterAppend: ReturnType<typeof vi.fn<(c: Case, events: CaseEvent[], notifications: Notification[], before?: Case) => Promise<void>>>;

    beforeEach(async () => {
      const f = await makeFixture();
      store = f.store;
      now = NOW;
      marketplace = createDemoMarketplace(NOW);
      afterAppend = vi.fn(async () => {});
      cases = createCaseService({
        store, marketplace, shops: f.shops, clock: { now: () => now }, policy: defaultPolicy,
        defaultTimezone: 'Africa/Kinshasa', notifications: notifyAll, afterAppend,
      });
    });

    const later = (days: number) => {
      now = new Date(now.getTime() + days * DAY);
    };
    const openNonDelivery = () =>
      cases.open(amina, { orderId: DEMO_ORDERS.eligibleNonDelivery, reason: 'non_delivery', description: 'Le pagne n’est jamais arrivé.' });
    /** Runs a command that must be refused, and checks the stored case did not move. */
    async function refused(who: Who, caseId: string, cmd: CaseCommand, code: string): Promise<void> {
      const before = await store.load(caseId);
      await expect(cases.act(who, caseId, cmd)).rejects.toMatchObject({ code });
      expect(await store.load(caseId)).toEqual(before);
    }

    describe('eligibility', () => {
      it('tells the buyer the order is eligible, with the window in their time zone', async () => {
        const r = await cases.eligibility(amina, DEMO_ORDERS.eligibleNonDelivery);
        expect(r.eligibility).toMatchObject({ eligible: true, code: null, basis: 'estimate' });
        expect(r.order.id).toBe(DEMO_ORDERS.eligibleNonDelivery);
        expect(r.shop.name).toBe('Bisou Créations');
        expect(r.openCaseId).toBeNull();
      });

      it('refuses another buyer, an unknown order and an unknown account', async () => {
        await expect(cases.eligibility(joel, DEMO_ORDERS.eligibleNonDelivery)).rejects.toMatchObject({ code: 'NOT_ORDER_BUYER' });
        await expect(cases.eligibility(amina, 'CC-0000')).rejects.toMatchObject({ code: 'ORDER_NOT_FOUND' });
        await expect(cases.eligibility({ accountId: 'acc-ghost', platform: 'web' }, DEMO_ORDERS.eligibleNonDelivery)).rejects.toMatchObject({
          code: 'ACCOUNT_NOT_FOUND',
        });
      });
    });

    describe('opening', () => {
      it('opens a case: stored, claimed, outbox written, afterAppend told', async () => {
        const { case: c, events } = await openNonDelivery();
        expect(c).toMatchObject({ id: 'C-000001', status: 'open', buyerId: 'acc-amina', sellerId: 'acc-bisou', version: 1 });
        expect(events.map((e) => e.type)).toEqual(['opened']);
        expect(await store.load(c.id)).toEqual(c);
        expect(await store.openCaseForOrder(DEMO_ORDERS.eligibleNonDelivery)).toBe(c.id);
        expect((await store.peekOutbox(c.id, 10)).map((n) => n.id)).toEqual(['C-000001-1-1']);
        // No case before an opening: nothing to compare the new nudges with.
        expect(afterAppend).toHaveBeenCalledWith(c, events, [expect.objectContaining({ id: 'C-000001-1-1', caseId: c.id })], undefined);
        expect((await cases.eligibility(amina, DEMO_ORDERS.eligibleNonDelivery)).openCaseId).toBe(c.id);
      });

      it('tells afterAppend of a change with the case as it was before it (nudges are replanned from it)', async () => {
        const { case: opened } = await openNonDelivery();
        await cases.act(bisou, opened.id, { type: 'Comment', text: 'Je regarde.' });
        const [after, events, , before] = afterAppend.mock.calls.at(-1)!;
        expect(events.map((e) => e.type)).toEqual(['comment']);
        expect(after.version).toBe(2);
        expect(before).toMatchObject({ id: opened.id, version: 1 });
        expect(before!.timeline.map((e) => e.type)).toEqual(['opened']);
      });

      it('attaches the photos given at opening', async () => {
        const blob = { id: 'b-1', contentType: 'image/jpeg', size: 1000 };
        const { case: c } = await cases.open(amina, { orderId: DEMO_ORDERS.eligibleNotAsDescribed, reason: 'not_as_described', description: 'Le sac est vert, pas beige.', evidence: [blob] });
        expect(c.timeline.map((e) => e.type)).toEqual(['opened', 'evidence']);
        expect((await store.load(c.id))?.version).toBe(2);
      });

      it('allows one open case per order', async () => {
        const first = await openNonDelivery();
        await expect(openNonDelivery()).rejects.toMatchObject({ code: 'CASE_ALREADY_OPEN', args: { caseId: first.case.id } });
        expect((await store.list({})).map((c) => c.id)).toEqual([first.case.id]);
      });

      it('refuses an unknown order, a non-buyer, a problem that is no case reason, and a date out of the window', async () => {
        await expect(cases.open(amina, { orderId: 'CC-0000', reason: 'non_delivery', description: 'x' })).rejects.toMatchObject({ code: 'ORDER_NOT_FOUND' });
        await expect(cases.open(joel, { orderId: DEMO_ORDERS.eligibleNonDelivery, reason: 'non_delivery', description: 'x' })).rejects.toMatchObject({ code: 'NOT_ORDER_BUYER' });
        await expect(cases.open(bisou, { orderId: DEMO_ORDERS.eligibleNonDelivery, reason: 'non_delivery', description: 'x' })).rejects.toMatchObject({ code: 'NOT_ORDER_BUYER' });
        await expect(cases.open(amina, { orderId: DEMO_ORDERS.eligibleNonDelivery, reason: 'wrong_size', description: 'x' })).rejects.toMatchObject({ code: 'REASON_NOT_CASEABLE' });
        await expect(cases.open(amina, { orderId: DEMO_ORDERS.notYetEligible, reason: 'non_delivery', description: 'x' })).rejects.toMatchObject({ code: 'NOT_ELIGIBLE_YET' });
        await expect(cases.open(amina, { orderId: DEMO_ORDERS.windowExpired, reason: 'non_delivery', description: 'x' })).rejects.toMatchObject({ code: 'CASE_WINDOW_CLOSED' });
        expect(await store.list({})).toEqual([]);
        expect(await store.openCaseForOrder(DEMO_ORDERS.eligibleNonDelivery)).toBeNull();
        // Refusals spend no case number.
        expect((await openNonDelivery()).case.id).toBe('C-000001');
      });
    });

    describe('acting on a case', () => {
      it('refuses to comment on a closed case, and changes nothing', async () => {
        const { case: c } = await openNonDelivery();
        await cases.act(amina, c.id, { type: 'BuyerClose' });
        await refused(amina, c.id, { type: 'Comment', text: 'encore moi' }, 'CASE_CLOSED');
      });

      it('refuses a partial refund larger than the order total, and asks the marketplace nothing', async () => {
        const { case: c } = await openNonDelivery();
        await refused(bisou, c.id, { type: 'Refund', amount: { amount: c.orderTotal.amount + 1, currency: 'CDF' } }, 'REFUND_TOO_LARGE');
        expect(await marketplace.refunds(c.orderId)).toEqual([]);
      });

      it('refuses escalation before its time, then allows it', async () => {
        const { case: c } = await openNonDelivery();
        await refused(amina, c.id, { type: 'Escalate' }, 'ESCALATION_NOT_YET');
        later(3);
        const r = await cases.act(amina, c.id, { type: 'Escalate' });
        expect(r.case.status).toBe('escalated');
      });

      it('does not let a stranger read or act, and says so exactly as for a case that does not exist', async () => {
        const { case: c } = await openNonDelivery();
        await expect(cases.get(joel, c.id)).rejects.toMatchObject({ code: 'CASE_NOT_FOUND' });
        await expect(cases.get(joel, 'C-999999')).rejects.toMatchObject({ code: 'CASE_NOT_FOUND' });
        await refused(lumiere, c.id, { type: 'Comment', text: 'je m’invite' }, 'CASE_NOT_FOUND');
        expect(await cases.roleOn(joel, c)).toBeNull();
        expect(await cases.roleOn(bisou, c)).toBe('seller');
        expect((await cases.get(support, c.id)).id).toBe(c.id);
      });

      it('a full refund closes the case, records the refund on the order and frees the order', async () => {
        const { case: c } = await openNonDelivery();
        const r = await cases.act(bisou, c.id, { type: 'Refund' });
        expect(r.case).toMatchObject({ status: 'closed', resolution: 'refunded', refunded: c.orderTotal });
        expect(await marketplace.refunds(c.orderId)).toEqual([
          expect.objectContaining({ id: `${c.id}-2`, amount: c.orderTotal, by: 'seller', recover: false, caseId: c.id }),
        ]);
        expect(await store.openCaseForOrder(c.orderId)).toBeNull();
        const again = await openNonDelivery();
        expect(again.case.id).not.toBe(c.id);
      });

      it('heals an order claim a crash left on a closed case', async () => {
        const { case: c } = await openNonDelivery();
        await cases.act(amina, c.id, { type: 'BuyerClose' });
        // What a crash between the closing append and the release leaves behind.
        await store.claimOrder(c.orderId, c.id);
        const again = await openNonDelivery();
        expect(await store.openCaseForOrder(c.orderId)).toBe(again.case.id);
      });

      it('a partial refund keeps the case open', async () => {
        const { case: c } = await openNonDelivery();
        const r = await cases.act(bisou, c.id, { type: 'Refund', amount: { amount: 1_000_000, currency: 'CDF' } });
        expect(r.case).toMatchObject({ status: 'open', refunded: { amount: 1_000_000, currency: 'CDF' } });
        expect(await store.openCaseForOrder(c.orderId)).toBe(c.id);
      });

      it('support reopens a closed case and it holds the order again; not while another case holds it', async () => {
        const { case: c } = await openNonDelivery();
        await cases.act(amina, c.id, { type: 'BuyerClose' });
        const reopened = await cases.act(support, c.id, { type: 'Reopen', text: 'Erreur de clôture' });
        expect(reopened.case.status).toBe('open');
        expect(await store.openCaseForOrder(c.orderId)).toBe(c.id);

        await cases.act(amina, c.id, { type: 'BuyerClose' });
        const other = await openNonDelivery();
        await refused(support, c.id, { type: 'Reopen' }, 'CASE_ALREADY_OPEN');
        expect(await store.openCaseForOrder(c.orderId)).toBe(other.case.id);
      });

      it('never leaves two open cases for an order when a reopen races a new opening', async () => {
        const { case: first } = await openNonDelivery();
        await cases.act(amina, first.id, { type: 'BuyerClose' });
        let closedId = first.id;
        for (let round = 0; round < 15; round += 1) {
          const [reopen, opening] = await Promise.allSettled([cases.act(support, closedId, { type: 'Reopen' }), openNonDelivery()]);
          const live = await store.list({ orderId: DEMO_ORDERS.eligibleNonDelivery, status: ['open', 'escalated'] });
          expect(live.map((c) => c.id), `round ${round}`).toHaveLength(1);
          const winner = live[0]!.id;
          expect(await store.openCaseForOrder(DEMO_ORDERS.eligibleNonDelivery)).toBe(winner);
          expect([reopen.status, opening.status].filter((x) => x === 'fulfilled'), `round ${round}`).toHaveLength(1);
          await cases.act(amina, winner, { type: 'BuyerClose' });
          closedId = winner;
        }
      });

      it('looks tracking up itself: matching delivery closes a non-delivery case, another place is recorded', async () => {
        const match = await cases.open(amina, { orderId: DEMO_ORDERS.deliveredMatching, reason: 'non_delivery', description: 'Pas reçu la chemise.' });
        const r = await cases.act(bisou, match.case.id, { type: 'AddTracking', ...DEMO_TRACKING.matching, info: null, shippingAddress: { name: 'x', line1: 'x', city: 'Lubumbashi', postalCode: '', country: 'CD' } });
        expect(r.case).toMatchObject({ status: 'closed', resolution: 'delivered' });

        const elsewhere = await cases.open(joel, { orderId: DEMO_ORDERS.deliveredElsewhere, reason: 'non_delivery', description: 'Rien reçu à Lubumbashi.' });
        const r2 = await cases.act(bisou, elsewhere.case.id, { type: 'AddTracking', ...DEMO_TRACKING.elsewhere, info: null, shippingAddress: { name: 'x', line1: 'x', city: 'Kinshasa', postalCode: '', country: 'CD' } });
        expect(r2.case).toMatchObject({ status: 'open', trackingMismatch: true });
        expect(r2.events).toEqual([expect.objectContaining({ type: 'tracking', delivered: true, mismatch: true })]);
      });

      it('shows internal notes to support only', async () => {
        const { case: c } = await openNonDelivery();
        await cases.act(support, c.id, { type: 'Note', text: 'Vendeur déjà averti deux fois.' });
        expect((await cases.get(support, c.id)).timeline.map((e) => e.type)).toEqual(['opened', 'note']);
        expect((await cases.get(amina, c.id)).timeline.map((e) => e.type)).toEqual(['opened']);
        expect((await cases.get(bisou, c.id)).version).toBe(2);
      });

      it('lets the scheduler record a reminder once', async () => {
        const { case: c } = await openNonDelivery();
        const cmd: CaseCommand = { type: 'RecordReminder', nudge: 'seller_reminder', to: 'seller', nudgeId: `nudge-${c.id}-seller_reminder-1` };
        const r = await cases.act(scheduler, c.id, cmd);
        expect(r.events[0]?.actor).toEqual({ accountId: 'palabre', role: 'system', platform: 'system' });
        await refused(scheduler, c.id, cmd, 'DUPLICATE');
      });

      it('retries when another change lands first, and gives up with VERSION_CONFLICT if it never settles', async () => {
        const { case: c } = await openNonDelivery();
        const append = store.append.bind(store);
        let raced = false;
        store.append = async (...args) => {
          if (!raced) {
            raced = true;
            const cur = (await store.load(c.id))!;
            const other = await cases.act(bisou, c.id, { type: 'Comment', text: 'Je regarde.' });
            expect(other.case.version).toBe(cur.version + 1);
          }
          return append(...args);
        };
        const r = await cases.act(amina, c.id, { type: 'Comment', text: 'Des nouvelles ?' });
        expect(r.case.timeline.map((e) => (e.type === 'comment' ? e.text : e.type))).toEqual(['opened', 'Je regarde.', 'Des nouvelles ?']);

        const stuck = createCaseService({
          store: { ...store, append: () => Promise.reject(new ConflictError('VERSION_CONFLICT')) },
          marketplace, shops: createMemoryShopStatusStore(), clock: { now: () => now }, policy: defaultPolicy, defaultTimezone: 'Africa/Kinshasa', retry: { attempts: 3, baseDelayMs: 1 },
        });
        await expect(stuck.act(amina, c.id, { type: 'Comment', text: 'x' })).rejects.toMatchObject({ code: 'VERSION_CONFLICT' });
      });

      it('applies each change of an inbound event once: its redelivery after a crash returns what the first run stored', async () => {
        const { case: c } = await openNonDelivery();
        const firstRun: Who = { ...amina, inbound: { id: 'telegram:update:1:77', appends: 0 } };
        const first = await cases.act(firstRun, c.id, { type: 'Comment', text: 'Des nouvelles ?' });
        await cases.act(bisou, c.id, { type: 'Comment', text: 'Je regarde.' });
        // The process died before the platform was answered: the same update comes again, to another process.
        const redelivered: Who = { ...amina, inbound: { id: 'telegram:update:1:77', appends: 0 } };
        const again = await cases.act(redelivered, c.id, { type: 'Comment', text: 'Des nouvelles ?' });
        expect(again.events).toEqual(first.events);
        const stored = (await store.load(c.id))!;
        expect(stored.timeline.map((e) => (e.type === 'comment' ? e.text : e.type))).toEqual(['opened', 'Des nouvelles ?', 'Je regarde.']);
        // The event's next change, and a new event, are applied.
        await cases.act(redelivered, c.id, { type: 'Comment', text: 'Merci.' });
        await cases.act({ ...amina, inbound: { id: 'telegram:update:1:78', appends: 0 } }, c.id, { type: 'Comment', text: 'Des nouvelles ?' });
        expect((await store.load(c.id))!.version).toBe(stored.version + 2);
      });

      it('acts on a case it handed out moments ago, keeping the notes the buyer does not see', async () => {
        const { case: c } = await openNonDelivery();
        await cases.act(support, c.id, { type: 'Note', text: 'Vendeur déjà averti.' });
        const seen = await cases.get(amina, c.id);
        const r = await cases.act(amina, c.id, { type: 'Comment', text: 'Des nouvelles ?' }, { loaded: seen });
        expect(r.case.timeline.map((e) => e.type)).toEqual(['opened', 'comment']);
        expect((await cases.get(support, c.id)).timeline.map((e) => e.type)).toEqual(['opened', 'note', 'comment']);
      });

      it('loads the case again when it changed after it was handed out', async () => {
        const { case: c } = await openNonDelivery();
        const seen = await cases.get(amina, c.id);
        await cases.act(bisou, c.id, { type: 'Comment', text: 'Je regarde.' });
        const r = await cases.act(amina, c.id, { type: 'Comment', text: 'Merci.' }, { loaded: seen });
        expect(r.case.timeline.map((e) => (e.type === 'comment' ? e.text : e.type))).toEqual(['opened', 'Je regarde.', 'Merci.']);
      });

      it('still checks access on a handed-out case, and ignores a case it did not hand out', async () => {
        const { case: c } = await openNonDelivery();
        const seenBySupport = await cases.get(support, c.id);
        await expect(cases.act(joel, c.id, { type: 'Comment', text: 'x' }, { loaded: seenBySupport })).rejects.toMatchObject({ code: 'CASE_NOT_FOUND' });
        const forged: Case = { ...seenBySupport, buyerId: 'acc-joel' };
        await expect(cases.act(joel, c.id, { type: 'Comment', text: 'x' }, { loaded: forged })).rejects.toMatchObject({ code: 'CASE_NOT_FOUND' });
        expect((await store.load(c.id))!.version).toBe(1);
      });
    });

    describe('lists', () => {
      it('gives each party their own cases and support its queues', async () => {
        const a = (await openNonDelivery()).case;
        const b = (await cases.open(amina, { orderId: DEMO_ORDERS.noEstimateInternational, reason: 'non_delivery', description: 'Foulards pas reçus.' })).case;
        const j = (await cases.open(joel, { orderId: DEMO_ORDERS.noEstimateDomestic, reason: 'non_delivery', description: 'Sandales pas reçues.' })).case;
        const ids = (cs: Case[]) => cs.map((c) => c.id).sort();
        expect(ids(await cases.list(amina, 'mine'))).toEqual(ids([a, b]));
        expect(ids(await cases.list(bisou, 'mine'))).toEqual(ids([a, j]));
        expect(ids(await cases.list(lumiere, 'mine'))).toEqual([b.id]);
        await expect(cases.list(amina, 'all')).rejects.toMatchObject({ code: 'SUPPORT_ONLY' });
        await expect(cases.list(bisou, 'escalated')).rejects.toMatchObject({ code: 'SUPPORT_ONLY' });
        expect(ids(await cases.list(support, 'all'))).toEqual(ids([a, b, j]));
        expect(await cases.list(support, 'overdue')).toEqual([]);

        later(3);
        expect(ids(await cases.list(support, 'overdue'))).toEqual(ids([a, b, j]));
        await cases.act(amina, a.id, { type: 'Escalate' });
        await cases.act(support, j.id, { type: 'Escalate', ground: 'inactivity' });
        expect(ids(await cases.list(support, 'escalated'))).toEqual(ids([a, j]));
        expect(ids(await cases.list(support, 'overdue'))).toEqual([b.id]);
        // Both wait for support: Amina escalated a; support's early escalation of j handed it to the desk, no answer yet.
        expect(ids(await cases.list(support, 'waiting'))).toEqual(ids([a, j]));
        await cases.act(support, a.id, { type: 'AskInfo', from: 'seller', text: 'Preuve d’expédition ?' });
        await cases.act(support, j.id, { type: 'Note', text: 'Je regarde.' });
        expect(await cases.list(support, 'waiting')).toEqual([]);
        await cases.act(bisou, a.id, { type: 'Comment', text: 'Voici le reçu.' });
        expect(ids(await cases.list(support, 'waiting'))).toEqual([a.id]);
      });
    });

    describe('shop suspension', () => {
      it('is support-only, survives the case being resolved, and is lifted by reinstatement', async () => {
        const { case: c } = await openNonDelivery();
        await expect(cases.suspendShop(bisou, 'shop-bisou', 'moi-même')).rejects.toMatchObject({ code: 'SUPPORT_ONLY' });
        await expect(cases.suspendShop(support, 'shop-nowhere', 'x')).rejects.toMatchObject({ code: 'SHOP_NOT_FOUND' });
        await expect(cases.suspendShop(support, 'shop-bisou', '  ')).rejects.toMatchObject({ code: 'TEXT_EMPTY' });
        await cases.suspendShop(support, 'shop-bisou', 'Ne répond pas aux litiges');
        expect(await cases.shopSuspension('shop-bisou')).toEqual({ reason: 'Ne répond pas aux litiges', at: now.toISOString() });
        await expect(cases.suspendShop(support, 'shop-bisou', 'encore')).rejects.toMatchObject({ code: 'SHOP_SUSPENDED' });

        await cases.act(bisou, c.id, { type: 'Refund' });
        expect(await cases.shopSuspension('shop-bisou')).not.toBeNull();

        await expect(cases.reinstateShop(bisou, 'shop-bisou')).rejects.toMatchObject({ code: 'SUPPORT_ONLY' });
        await cases.reinstateShop(support, 'shop-bisou');
        expect(await cases.shopSuspension('shop-bisou')).toBeNull();
        await expect(cases.reinstateShop(support, 'shop-bisou')).rejects.toMatchObject({ code: 'SHOP_NOT_SUSPENDED' });
      });
    });
  });
}
