import { beforeEach, describe, expect, it } from 'vitest';
import type { Case, CaseEvent } from '../../src/domain/case-model.js';
import { evolve } from '../../src/domain/decider.js';
import { ConflictError } from '../../src/domain/errors.js';
import type { Actor } from '../../src/domain/types.js';
import type { CaseStore } from '../../src/ports/case-store.js';
import type { Notification } from '../../src/ports/notification.js';

const T0 = Date.parse('2026-10-21T09:00:00.000Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const iso = (ms: number) => new Date(ms).toISOString();
const buyer = (id: string): Actor => ({ accountId: id, role: 'buyer', platform: 'telegram' });
const support: Actor = { accountId: 'acc-support-1', role: 'support', platform: 'teams' };

interface Opening {
  orderId?: string;
  buyerId?: string;
  shopId?: string;
  sellerId?: string;
  /** Hours after T0. */
  openedAfterHours?: number;
}

/** Applies events the way the case service does: the snapshot is the domain's fold. */
function next(c: Case | null, events: CaseEvent[]): Case {
  return events.reduce<Case | null>((s, e) => evolve(s, e), c) as Case;
}

function note(caseId: string, n: number, at: string): Notification {
  return { id: `${caseId}-n${n}`, to: { support: true }, caseId, body: [{ id: 'test-note', args: { n } }], createdAt: at };
}

/**
 * The CaseStore contract, run against every implementation. `makeStore` gives a fresh, empty
 * store for each test.
 */
export function caseStoreContract(name: string, makeStore: () => Promise<CaseStore> | CaseStore): void {
  describe(`CaseStore contract: ${name}`, () => {
    let store: CaseStore;
    beforeEach(async () => {
      store = await makeStore();
    });

    async function open(o: Opening = {}, notifications = 0): Promise<Case> {
      const id = await store.nextCaseId();
      const at = iso(T0 + (o.openedAfterHours ?? 0) * HOUR);
      const opened: CaseEvent = {
        type: 'opened', at, actor: buyer(o.buyerId ?? 'acc-amina'), caseId: id,
        orderId: o.orderId ?? `CC-${id}`, buyerId: o.buyerId ?? 'acc-amina', shopId: o.shopId ?? 'shop-bisou',
        sellerId: o.sellerId ?? 'acc-bisou', reason: 'non_delivery', description: 'Ma commande n’est jamais arrivée.',
        orderTotal: { amount: 5_000_000, currency: 'CDF' }, escalatableAt: iso(Date.parse(at) + 3 * DAY), lateAt: iso(Date.parse(at) + 365 * DAY),
      };
      const c = next(null, [opened]);
      await store.append(id, 0, [opened], c, Array.from({ length: notifications }, (_, i) => note(id, i + 1, at)));
      return c;
    }

    async function add(c: Case, events: CaseEvent[], notifications: Notification[] = []): Promise<Case> {
      const n = next(c, events);
      await store.append(c.id, c.version, events, n, notifications);
      return n;
    }

    const comment = (text: string, actor = buyer('acc-amina'), at = iso(T0 + HOUR)): CaseEvent => ({ type: 'comment', at, actor, text });
    const closed = (at = iso(T0 + 2 * HOUR)): CaseEvent => ({ type: 'closed', at, actor: buyer('acc-amina'), resolution: 'buyer_closed' });
    const escalated = (at = iso(T0 + 4 * DAY)): CaseEvent => ({ type: 'escalated', at, actor: buyer('acc-amina'), ground: null });

    describe('case numbers', () => {
      it('gives C- and six digits, growing', async () => {
        const a = await store.nextCaseId();
        const b = await store.nextCaseId();
        expect(a).toMatch(/^C-\d{6,}$/);
        expect(Number(b.slice(2))).toBeGreaterThan(Number(a.slice(2)));
      });

      it('never gives the same number twice, even asked at once', async () => {
        const ids = await Promise.all(Array.from({ length: 25 }, () => store.nextCaseId()));
        expect(new Set(ids).size).toBe(25);
      });
    });

    describe('load and append', () => {
      it('loads nothing for an unknown or malformed id', async () => {
        expect(await store.load('C-999999')).toBeNull();
        expect(await store.load('C-1}{x')).toBeNull();
      });

      it('stores a new case at version 0 and loads it whole, timeline included', async () => {
        const c = await open();
        expect(await store.load(c.id)).toEqual(c);
        expect(c.version).toBe(1);
      });

      it('appends events in order; the version is the number of events', async () => {
        let c = await open();
        c = await add(c, [comment('Bonjour ?')]);
        c = await add(c, [comment('Je relance.'), comment('Toujours rien.')]);
        const loaded = await store.load(c.id);
        expect(loaded?.version).toBe(4);
        expect(loaded?.timeline.map((e) => (e.type === 'comment' ? e.text : e.type))).toEqual(['opened', 'Bonjour ?', 'Je relance.', 'Toujours rien.']);
        expect(loaded).toEqual(c);
      });

      it('refuses a stale version with VERSION_CONFLICT and changes nothing', async () => {
        const c = await open({}, 1);
        const moved = await add(c, [comment('premier')]);
        const stale = next(c, [comment('second')]);
        const err = await store.append(c.id, c.version, [comment('second')], stale, [note(c.id, 9, c.openedAt)]).catch((e: unknown) => e);
        expect(err).toBeInstanceOf(ConflictError);
        expect((err as ConflictError).code).toBe('VERSION_CONFLICT');
        expect(await store.load(c.id)).toEqual(moved);
        expect((await store.peekOutbox(c.id, 10)).map((n) => n.id)).toEqual([`${c.id}-n1`]);
      });

      it('stores an inbound event once: its redelivery writes nothing and says where the first one went', async () => {
        const c = await open({}, 1);
        const first = next(c, [comment('une fois')]);
        await store.append(c.id, c.version, [comment('une fois')], first, [note(c.id, 7, c.openedAt)], { inboundKey: 'telegram:update:1:42#0' });
        const later = await add(first, [comment('ensuite')]);
        // The redelivery decided against the case it loaded before the first run's append landed, or after it.
        for (const base of [c, later]) {
          const again = next(base, [comment('une fois')]);
          const err = await store.append(c.id, base.version, [comment('une fois')], again, [note(c.id, 8, c.openedAt)], { inboundKey: 'telegram:update:1:42#0' }).catch((e: unknown) => e);
          expect(err).toBeInstanceOf(ConflictError);
          expect(err).toMatchObject({ code: 'ALREADY_APPLIED', args: { from: 1, count: 1 } });
        }
        expect(await store.load(c.id)).toEqual(later);
        expect((await store.peekOutbox(c.id, 10)).map((n) => n.id)).toEqual([`${c.id}-n1`, `${c.id}-n7`]);
        // Another step of the same event, or another event, is a new change.
        await store.append(c.id, later.version, [comment('deux')], next(later, [comment('deux')]), [], { inboundKey: 'telegram:update:1:42#1' });
        expect((await store.load(c.id))?.version).toBe(4);
      });

      it('refuses to create a case that already exists', async () => {
        const c = await open();
        const again = next(null, [c.timeline[0]!]);
        await expect(store.append(c.id, 0, [c.timeline[0]!], again, [])).rejects.toMatchObject({ code: 'VERSION_CONFLICT' });
      });

      it('never rewrites the timeline, whatever the snapshot passed in says', async () => {
        let c = await open();
        c = await add(c, [comment('original')]);
        const forged = next(c, [comment('suite')]);
        forged.timeline[1] = comment('réécrit');
        forged.timeline.splice(0, 1);
        await store.append(c.id, c.version, [comment('suite')], forged, []);
        const texts = (await store.load(c.id))?.timeline.map((e) => (e.type === 'comment' ? e.text : e.type));
        expect(texts).toEqual(['opened', 'original', 'suite']);
      });

      it('hands out copies: changing a loaded case changes nothing stored', async () => {
        const c = await open();
        const loaded = (await store.load(c.id))!;
        loaded.status = 'closed';
        loaded.timeline.push(comment('intrus'));
        expect(await store.load(c.id)).toEqual(c);
      });
    });

    describe('list', () => {
      let a: Case, b: Case, cc: Case, d: Case;
      beforeEach(async () => {
        a = await open({ buyerId: 'acc-amina', shopId: 'shop-bisou', sellerId: 'acc-bisou', openedAfterHours: 0 });
        b = await open({ buyerId: 'acc-joel', shopId: 'shop-bisou', sellerId: 'acc-bisou', openedAfterHours: 1 });
        cc = await open({ buyerId: 'acc-amina', shopId: 'shop-lumiere', sellerId: 'acc-lumiere', openedAfterHours: 2 });
        d = await open({ buyerId: 'acc-joel', shopId: 'shop-lumiere', sellerId: 'acc-lumiere', openedAfterHours: 3 });
        b = await add(b, [escalated()]);
        d = await add(d, [closed()]);
      });
      const ids = (cases: Case[]) => cases.map((c) => c.id);

      it('lists everything newest first, with timelines', async () => {
        const all = await store.list({});
        expect(ids(all)).toEqual([d.id, cc.id, b.id, a.id]);
        expect(all[0]).toEqual(d);
      });

      it('filters by status, one or several', async () => {
        expect(ids(await store.list({ status: 'open' }))).toEqual([cc.id, a.id]);
        expect(ids(await store.list({ status: 'escalated' }))).toEqual([b.id]);
        expect(ids(await store.list({ status: ['escalated', 'closed'] }))).toEqual([d.id, b.id]);
      });

      it('filters by buyer, shop, seller and order, and combines filters', async () => {
        expect(ids(await store.list({ buyerId: 'acc-amina' }))).toEqual([cc.id, a.id]);
        expect(ids(await store.list({ shopId: 'shop-lumiere' }))).toEqual([d.id, cc.id]);
        expect(ids(await store.list({ sellerId: 'acc-bisou' }))).toEqual([b.id, a.id]);
        expect(ids(await store.list({ orderId: a.orderId }))).toEqual([a.id]);
        expect(ids(await store.list({ buyerId: 'acc-joel', status: 'open' }))).toEqual([]);
        expect(ids(await store.list({ sellerId: 'acc-lumiere', status: ['open', 'closed'] }))).toEqual([d.id, cc.id]);
      });

      it('honours limit', async () => {
        expect(ids(await store.list({ limit: 2 }))).toEqual([d.id, cc.id]);
        expect(ids(await store.list({ buyerId: 'acc-joel', limit: 1 }))).toEqual([d.id]);
      });

      it('follows status changes: escalated, closed, reopened', async () => {
        a = await add(a, [escalated()]);
        expect(ids(await store.list({ status: 'escalated' }))).toEqual([b.id, a.id]);
        a = await add(a, [closed(iso(T0 + 5 * DAY))]);
        expect(ids(await store.list({ status: 'closed' }))).toEqual([d.id, a.id]);
        expect(ids(await store.list({ status: 'escalated' }))).toEqual([b.id]);
        a = await add(a, [{ type: 'reopened', at: iso(T0 + 6 * DAY), actor: support }]);
        expect(a.status).toBe('escalated');
        expect(ids(await store.list({ status: 'escalated' }))).toEqual([b.id, a.id]);
        expect(ids(await store.list({ status: 'closed' }))).toEqual([d.id]);
      });

      it('overdue: open past escalation time, or not closed past the late-delivery time', async () => {
        // Escalation times are T0+3d .. T0+3d+3h; late times a year on.
        expect(ids(await store.list({ overdueAt: iso(T0 + 3 * DAY - 1) }))).toEqual([]);
        expect(ids(await store.list({ overdueAt: iso(T0 + 3 * DAY + 2 * HOUR) }))).toEqual([cc.id, a.id]);
        // The escalated case is support's already; it is overdue again only once late.
        expect(ids(await store.list({ overdueAt: iso(T0 + 365 * DAY + 2 * HOUR) }))).toEqual([cc.id, b.id, a.id]);
        expect(ids(await store.list({ overdueAt: iso(T0 + 400 * DAY), shopId: 'shop-bisou' }))).toEqual([b.id, a.id]);
      });
    });

    describe('outbox', () => {
      it('keeps notifications in order until acknowledged', async () => {
        let c = await open({}, 2);
        c = await add(c, [comment('allô')], [note(c.id, 3, c.openedAt)]);
        expect((await store.peekOutbox(c.id, 2)).map((n) => n.id)).toEqual([`${c.id}-n1`, `${c.id}-n2`]);
        expect(await store.peekOutbox(c.id, 10)).toEqual([note(c.id, 1, c.openedAt), note(c.id, 2, c.openedAt), note(c.id, 3, c.openedAt)]);
        expect(await store.ackOutbox(c.id, [`${c.id}-n1`, `${c.id}-n2`])).toBe(1);
        expect((await store.peekOutbox(c.id, 10)).map((n) => n.id)).toEqual([`${c.id}-n3`]);
        expect(await store.peekOutbox(c.id, 0)).toEqual([]);
      });

      it('removes only the entries a hand-off read, when two hand-offs of the same outbox race', async () => {
        let c = await open({}, 2);
        const first = (await store.peekOutbox(c.id, 10)).map((n) => n.id);
        const second = [...first];
        // The first hand-off removes what it read; a notification arrives; the second, late, removes nothing.
        expect(await store.ackOutbox(c.id, first)).toBe(0);
        c = await add(c, [comment('encore')], [note(c.id, 3, c.openedAt)]);
        expect(await store.ackOutbox(c.id, second)).toBe(1);
        expect((await store.peekOutbox(c.id, 10)).map((n) => n.id)).toEqual([`${c.id}-n3`]);
        // A read that only partly matches the head removes the part that does.
        expect(await store.ackOutbox(c.id, [`${c.id}-n3`, `${c.id}-n9`])).toBe(0);
      });

      it('lists the cases with something to deliver, until all of it is acknowledged', async () => {
        const withMail = await open({}, 2);
        const quiet = await open({}, 0);
        expect(await store.casesWithOutbox()).toEqual([withMail.id]);
        await store.ackOutbox(withMail.id, [`${withMail.id}-n1`]);
        expect(await store.casesWithOutbox()).toEqual([withMail.id]);
        await store.ackOutbox(withMail.id, [`${withMail.id}-n2`]);
        expect(await store.casesWithOutbox()).toEqual([]);
        await add(quiet, [comment('re')], [note(quiet.id, 1, quiet.openedAt)]);
        expect(await store.casesWithOutbox()).toEqual([quiet.id]);
      });

      it('has an empty outbox for an unknown case', async () => {
        expect(await store.peekOutbox('C-424242', 5)).toEqual([]);
        expect(await store.ackOutbox('C-424242', ['C-424242-n1'])).toBe(0);
      });
    });

    describe('order claims', () => {
      it('holds one case per order until that case releases it', async () => {
        expect(await store.openCaseForOrder('CC-1001')).toBeNull();
        expect(await store.claimOrder('CC-1001', 'C-000001')).toBe(true);
        expect(await store.claimOrder('CC-1001', 'C-000001')).toBe(true);
        expect(await store.claimOrder('CC-1001', 'C-000002')).toBe(false);
        expect(await store.openCaseForOrder('CC-1001')).toBe('C-000001');
        await store.releaseOrder('CC-1001', 'C-000002');
        expect(await store.openCaseForOrder('CC-1001')).toBe('C-000001');
        await store.releaseOrder('CC-1001', 'C-000001');
        expect(await store.openCaseForOrder('CC-1001')).toBeNull();
        expect(await store.claimOrder('CC-1001', 'C-000002')).toBe(true);
      });

      it('lets exactly one of many simultaneous claims win', async () => {
        const wins = await Promise.all(Array.from({ length: 10 }, (_, i) => store.claimOrder('CC-2002', `C-00010${i}`)));
        expect(wins.filter(Boolean)).toHaveLength(1);
      });

      const reopened = (at = iso(T0 + 3 * HOUR)): CaseEvent => ({ type: 'reopened', at, actor: support });

      it('reopens and claims the order in one step; refuses, storing nothing, while any case holds it', async () => {
        const c = await add(await open({ orderId: 'CC-3003' }), [closed()]);
        expect(await store.claimOrder('CC-3003', 'C-999001')).toBe(true);
        const err = await store.append(c.id, c.version, [reopened()], next(c, [reopened()]), [note(c.id, 1, c.openedAt)], { claimOrder: 'CC-3003' }).catch((e: unknown) => e);
        expect(err).toMatchObject({ code: 'ORDER_CLAIMED', args: { caseId: 'C-999001' } });
        expect(await store.load(c.id)).toEqual(c);
        expect(await store.peekOutbox(c.id, 10)).toEqual([]);

        await store.releaseOrder('CC-3003', 'C-999001');
        const back = next(c, [reopened()]);
        await store.append(c.id, c.version, [reopened()], back, [], { claimOrder: 'CC-3003' });
        expect(await store.load(c.id)).toMatchObject({ status: 'open', version: c.version + 1 });
        expect(await store.openCaseForOrder('CC-3003')).toBe(c.id);
      });

      it('never leaves two open cases for an order when reopens race new openings', async () => {
        for (let round = 0; round < 40; round += 1) {
          const orderId = `CC-race-${round}`;
          const a = await add(await open({ orderId }), [closed()]);
          const reopen = store.append(a.id, a.version, [reopened()], next(a, [reopened()]), [], { claimOrder: orderId }).then(
            () => true,
            () => false,
          );
          // A new opening claims first, then appends, as the case service does.
          const opening = (async () => {
            const id = await store.nextCaseId();
            if (!(await store.claimOrder(orderId, id))) return false;
            await open({ orderId });
            return true;
          })();
          const [reopenWon, openWon] = await Promise.all([reopen, opening]);
          const open_ = await store.list({ orderId, status: ['open', 'escalated'] });
          expect(open_.length, `round ${round}`).toBeLessThanOrEqual(1);
          expect(reopenWon && openWon, `round ${round}`).toBe(false);
          expect(reopenWon || openWon, `round ${round}`).toBe(true);
        }
      });
    });
  });
}
