import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nudgeApplies, planNudges } from '../../../src/domain/nudges.js';
import { defaultPolicy } from '../../../src/domain/policy.js';
import { orderSubject } from '../../../src/ports/threads.js';
import { backendWorld, buttons, DAY, openCase, photo, type Speaker, type World } from './harness.js';

/**
 * Staff probe: seller and support scenarios written blind (before reading src/ or the earlier seller/support
 * tests), as a busy shop owner on a phone or a support agent in a hurry would behave, with the outcome they expect.
 * The case is on CC-1001 (Bisou Créations, 50 000 CDF, non-delivery) unless said.
 *
 * 59 scenarios, 121 conversations per backend. Before fixes: 99 of 121 as first written; 113 of 121 once eight
 * expectations that were wrong were corrected (S14: the demo's JD0177 is delivered in Kinshasa, Amina's city, so it
 * is tried on Joël's order; S32: a test bug; P1: `/cases` offers the lists with counts, a tested design; P2,3: a case
 * support escalated itself is not waiting for support; P9-11, P41: SPEC lets support ask a party after escalation
 * only; P22: SPEC's `/suspend` takes a reason; S13: a bare number names no carrier). After: 121 of 121.
 * Round two (16 more scenarios, 51 conversations): 33 of 51 before its fixes (32 of 49 as first written: « FCFA » is the
 * CFA franc, another currency, so it is refused for its currency, and « inactif mais aussi harcèlement » keeps the
 * first ground named, as before), 51 of 51 after.
 * Round three (13 scenarios, 21 conversations: suspension and reinstatement, reminders, races, reopen): 21 of 21 once a
 * bug of the test itself was fixed (T4 compared a no-break space). Round four (10 scenarios): 13 of 14 as first written
 * (« nitarudisha elfu ishirini » offered nothing); its fix also reads « je rembourse cinq mille »: 16 of 16 after.
 * Round five (6 scenarios, 11 conversations as first written): 6 of 11 before (`/refnd`, `/rembourser`, `/suivi` got
 * « unknown command » alone), 11 of 11 after, plus V1b (12).
 * Round six (2 scenarios): 1 of 2 before (a seller's reply to an order message, the order having a case since, went
 * outside the case), 2 of 2 after.
 * In all: 106 scenarios, 218 conversations as first written, 171 satisfied before fixes; 223 of 223 after.
 */

const REPLY = { replyToMessageId: '700' };

interface Cast {
  w: World;
  caseId: string;
  seller: Speaker;
  staff: Speaker;
  buyer: Speaker;
}

async function cast(w: World, orderId = 'CC-1001', reason: 'non_delivery' | 'not_as_described' = 'non_delivery'): Promise<Cast> {
  const caseId = await openCase(w, orderId, reason);
  await w.threads.rememberMessage('telegram', 'dm-bisou', '700', caseId);
  await w.threads.rememberMessage('telegram', 'dm-amina', '700', caseId);
  const seller = await w.user({ account: 'acc-bisou', userId: 'bisou', conversationId: 'dm-bisou' });
  const buyer = await w.user({ account: 'acc-amina', userId: 'amina', conversationId: 'dm-amina' });
  const staff = await w.user({ account: 'acc-support-1', userId: 'sup', conversationId: 'staff', isPrivate: false, isStaffChannel: true });
  return { w, caseId, seller, staff, buyer };
}

/** Presses the confirmation the last replies offer (confirm, or the support refund's payer choice). */
async function confirm(s: Speaker, which = 'engine-choice-confirm'): Promise<void> {
  if (buttons(s.last).includes(which)) await s.press(which);
}

const load = async (c: Cast) => (await c.w.store.load(c.caseId))!;
const refused = (s: Speaker) => s.ids().some((id) => id.startsWith('error-') || id === 'engine-usage');
const types = async (c: Cast) => (await load(c)).timeline.map((e) => e.type);

describe.each(['memory', 'redis'] as const)('staff probe (%s)', (kind) => {
  const world = backendWorld(kind, { beforeAll, afterAll });

  describe('sellers', () => {
    it('S1 /refund <id> alone is a full refund: the case closes as refunded', async () => {
      const c = await cast(await world());
      await c.seller.command(`/refund ${c.caseId}`);
      await confirm(c.seller);
      expect(await load(c)).toMatchObject({ status: 'closed', resolution: 'refunded', refunded: { amount: 5_000_000 } });
    });

    it.each([
      ['20000', 2_000_000], ['20 000', 2_000_000], ['20.000 FC', 2_000_000], ['20k', 2_000_000], ['20000 CDF', 2_000_000], ['20 000 francs', 2_000_000],
      ['vingt mille', 2_000_000], ['20000fc', 2_000_000], ['CDF 20,000', 2_000_000], ['20000,50', 2_000_050],
    ])('S2-5,37 /refund <id> %s is a partial refund of that amount, the case stays open', async (typed, minor) => {
      const c = await cast(await world());
      await c.seller.command(`/refund ${c.caseId} ${typed}`);
      await confirm(c.seller);
      expect(await load(c)).toMatchObject({ status: 'open', refunded: { amount: minor } });
    });

    it.each(['60000', '0', '10 USD', '$20'])('S6,7,36,39 /refund <id> %s is refused, nothing recorded', async (typed) => {
      const c = await cast(await world());
      await c.seller.command(`/refund ${c.caseId} ${typed}`);
      expect(refused(c.seller)).toBe(true);
      await confirm(c.seller);
      expect((await load(c)).refunded.amount).toBe(0);
    });

    it('S8 /refund <id> 50000 (the whole order) closes the case as refunded', async () => {
      const c = await cast(await world());
      await c.seller.command(`/refund ${c.caseId} 50000`);
      await confirm(c.seller);
      expect(await load(c)).toMatchObject({ status: 'closed', resolution: 'refunded' });
    });

    it.each(['1', 'c-1', 'C-1', 'c-000001', 'CC-1001'])('S9,10 /refund %s 20000 names the case', async (id) => {
      const c = await cast(await world());
      await c.seller.command(`/refund ${id} 20000`);
      await confirm(c.seller);
      expect((await load(c)).refunded.amount).toBe(2_000_000);
    });

    it.each(['dhl JD0142', 'DHL jd0142', 'https://www.dhl.com/cd-fr/home/tracking.html?tracking-id=JD0142', 'dhl https://www.dhl.com/cd-fr/home/tracking.html?tracking-id=JD0142&submit=1'])(
      'S11-13 /tracking <id> %s (delivered at the order address) closes the case as delivered',
      async (typed) => {
        const c = await cast(await world());
        await c.seller.command(`/tracking ${c.caseId} ${typed}`);
        await confirm(c.seller);
        expect(await load(c)).toMatchObject({ status: 'closed', resolution: 'delivered' });
      },
    );

    it('S13b /tracking <id> JD0142 without a carrier records nothing and says how to write it', async () => {
      const c = await cast(await world());
      await c.seller.command(`/tracking ${c.caseId} JD0142`);
      expect(refused(c.seller)).toBe(true);
      expect(await types(c)).not.toContain('tracking');
    });

    it('S14 tracking delivered elsewhere (Kinshasa, for Joël in Lubumbashi): recorded, mismatch shown, case stays open', async () => {
      const w = await world();
      const caseId = await openCase(w, 'CC-1006', 'non_delivery', 'acc-joel');
      const seller = await w.user({ account: 'acc-bisou', userId: 'bisou', conversationId: 'dm-bisou' });
      const c = { w, caseId, seller } as Cast;
      await c.seller.command(`/tracking ${c.caseId} dhl JD0177`);
      await confirm(c.seller);
      const k = await load(c);
      expect(k.status).toBe('open');
      expect(k.timeline.some((e) => e.type === 'tracking')).toBe(true);
      expect(c.seller.read().toLowerCase()).toMatch(/adresse|autre|ailleurs|correspond/);
    });

    it('S15 tracking still in transit: recorded, case stays open', async () => {
      const c = await cast(await world());
      await c.seller.command(`/tracking ${c.caseId} dhl JD0150`);
      await confirm(c.seller);
      const k = await load(c);
      expect(k.status).toBe('open');
      expect(k.timeline.some((e) => e.type === 'tracking')).toBe(true);
    });

    it('S16 /tracking <id> with no number asks for it, nothing recorded', async () => {
      const c = await cast(await world());
      await c.seller.command(`/tracking ${c.caseId}`);
      expect(c.seller.ids().some((id) => id.startsWith('engine-ask') || id === 'engine-usage' || id.startsWith('error-'))).toBe(true);
      expect(await types(c)).not.toContain('tracking');
    });

    it('S17 « colis livré hier » in the thread reaches the buyer, the case stays open', async () => {
      const c = await cast(await world());
      await c.seller.text('colis livré hier', REPLY);
      expect(c.seller.ids()).toContain('engine-done-comment');
      expect(await load(c)).toMatchObject({ status: 'open' });
      expect(await types(c)).toContain('comment');
    });

    it('S18 « pourquoi j’ai un litige ? » without a reply: the seller is told what the case is (not a blank)', async () => {
      const c = await cast(await world());
      await c.seller.text('pourquoi j’ai un litige ?');
      expect(c.seller.read()).toMatch(/CC-1001|C-000001/);
    });

    it('S19 a photo of a receipt in the thread is kept on the case (evidence or proof of shipping)', async () => {
      const c = await cast(await world());
      await c.seller.attach(photo(3), 'reçu DHL', REPLY);
      await confirm(c.seller);
      const t = await types(c);
      expect(t).toContain('evidence');
    });

    it('S20 « Bonjour, je vous rembourse 20000 » in the thread: the words reach the buyer and a refund is offered, not made', async () => {
      const c = await cast(await world());
      await c.seller.text('Bonjour, je vous rembourse 20000', REPLY);
      expect(c.seller.ids()).toContain('engine-done-comment');
      expect(c.seller.ids()).toContain('engine-confirm-refund');
      expect((await load(c)).refunded.amount).toBe(0);
    });

    it.each(['nakozongisa mbongo nyonso', 'nitarudisha pesa yote', 'I will refund you in full'])('S21,22 « %s » in the thread reaches the buyer, nothing refunded silently', async (typed) => {
      const c = await cast(await world());
      await c.seller.text(typed, REPLY);
      expect(c.seller.ids()).toContain('engine-done-comment');
      expect((await load(c)).refunded.amount).toBe(0);
    });

    it('S23 a pasted DHL tracking URL in the thread reaches the buyer and offers to add the tracking JD0142', async () => {
      const c = await cast(await world());
      await c.seller.text('https://www.dhl.com/cd-fr/home/tracking.html?tracking-id=JD0142', REPLY);
      expect(c.seller.ids()).toContain('engine-words-tracking');
      expect(c.seller.read()).toContain('JD0142');
    });

    it('S24 /refund alone with one case under way: that case, in full', async () => {
      const c = await cast(await world());
      await c.seller.command('/refund');
      await confirm(c.seller);
      expect(await load(c)).toMatchObject({ status: 'closed', resolution: 'refunded' });
    });

    it('S25 /cases lists the seller’s case', async () => {
      const c = await cast(await world());
      await c.seller.command('/cases');
      expect(c.seller.read()).toContain(c.caseId);
    });

    it('S26 /case <id>: a card with refund, tracking, proof and ask-support actions', async () => {
      const c = await cast(await world());
      await c.seller.command(`/case ${c.caseId}`);
      const b = buttons(c.seller.last);
      for (const a of ['engine-action-refund-full', 'engine-action-refund-partial', 'engine-action-tracking', 'engine-action-proof', 'engine-action-support']) expect(b, a).toContain(a);
    });

    it('S27 another shop’s seller cannot read the case', async () => {
      const c = await cast(await world());
      const lumiere = await c.w.user({ account: 'acc-lumiere' });
      await lumiere.command(`/case ${c.caseId}`);
      expect(refused(lumiere)).toBe(true);
      expect(lumiere.last.some((o) => o.card)).toBe(false);
    });

    it.each(['/decide {id} seller', '/note {id} hello', '/reopen {id}', '/suspend shop-lumiere spam'])('S29,30 a seller’s `%s` is refused', async (line) => {
      const c = await cast(await world());
      await c.seller.command(line.replace('{id}', c.caseId));
      expect(refused(c.seller)).toBe(true);
      expect(await load(c)).toMatchObject({ status: 'open', version: 1 });
    });

    it('S28 a seller’s /escalate escalates nothing', async () => {
      const c = await cast(await world());
      await c.seller.command(`/escalate ${c.caseId}`);
      expect((await load(c)).status).toBe('open');
    });

    it('S31 « je veux parler au support » from the seller in the thread reaches support (a support request)', async () => {
      const c = await cast(await world());
      await c.seller.text('je veux parler au support', REPLY);
      expect(c.seller.ids()).toEqual(['engine-done-comment', 'engine-words-support']);
      await c.seller.press('engine-action-support');
      expect(c.seller.ids()).toEqual(['engine-ask-support']);
      await c.seller.text("L'acheteur ne répond pas");
      await confirm(c.seller, 'engine-choice-send-request');
      expect(await types(c)).toContain('support_requested');
    });

    it('S32 a refund after the buyer closed the case is refused as closed', async () => {
      const c = await cast(await world());
      await c.w.cases.act({ accountId: 'acc-amina', platform: 'telegram' }, c.caseId, { type: 'BuyerClose' });
      expect((await load(c)).status).toBe('closed');
      await c.seller.command(`/refund ${c.caseId} 20000`);
      expect(refused(c.seller) || c.seller.ids().some((i) => i.includes('closed'))).toBe(true);
      await confirm(c.seller);
      expect((await load(c)).refunded.amount).toBe(0);
    });

    it('S33 a suspended seller asking to be reinstated gets a reinstatement request opened', async () => {
      const c = await cast(await world());
      await c.staff.command('/suspend shop-bisou ne répond pas');
      await confirm(c.staff);
      expect(await c.w.cases.shopSuspension('shop-bisou')).not.toBeNull();
      await c.seller.text('pourquoi ma boutique est suspendue ? je veux être réactivé svp');
      const said = c.seller.ids();
      if (buttons(c.seller.last).includes('engine-action-ask-reinstatement')) await c.seller.press('engine-action-ask-reinstatement');
      if (c.seller.ids().some((i) => i.includes('ask'))) await c.seller.text('J’ai remboursé tous mes clients.');
      await confirm(c.seller, 'engine-choice-send-request');
      expect([...said, ...c.seller.ids()].some((i) => i.includes('reinstat'))).toBe(true);
    });

    it('S35 the seller answers support’s /ask by replying in the thread: support is told', async () => {
      const c = await cast(await world());
      await c.staff.command(`/escalate ${c.caseId} inactivité`);
      await c.staff.command(`/ask ${c.caseId} seller Avez-vous une preuve d'envoi ?`);
      const before = (await c.w.outbox(c.caseId)).length;
      await c.seller.text('Oui je l’ai envoyé le 3, je cherche le reçu', REPLY);
      const after = (await c.w.outbox(c.caseId)).slice(before);
      expect(after.some((n) => !('accountId' in n.to) || n.to.accountId === 'acc-support-1')).toBe(true);
    });

    it('S38 two partial refunds reaching the total close the case as refunded', async () => {
      const c = await cast(await world());
      await c.seller.command(`/refund ${c.caseId} 20000`);
      await confirm(c.seller);
      await c.seller.command(`/refund ${c.caseId} 30000`);
      await confirm(c.seller);
      expect(await load(c)).toMatchObject({ status: 'closed', refunded: { amount: 5_000_000 } });
    });

    it('S40 the same matching tracking twice: closed once, the second is answered, not an error', async () => {
      const c = await cast(await world());
      await c.seller.command(`/tracking ${c.caseId} dhl JD0142`);
      await confirm(c.seller);
      await c.seller.command(`/tracking ${c.caseId} dhl JD0142`);
      expect(c.seller.ids().length).toBeGreaterThan(0);
      expect((await types(c)).filter((t) => t === 'closed').length).toBeLessThanOrEqual(1);
    });
  });

  describe('support', () => {
    it('P1 /cases in the staff channel offers the lists with their counts; « all » lists the case', async () => {
      const c = await cast(await world());
      await c.staff.command('/cases');
      await c.staff.press('engine-queue-choice', (x) => x.label.args?.view === 'all');
      expect(c.staff.read()).toContain(c.caseId);
    });

    it.each(['escalated', 'escaladés', 'waiting', 'en attente'])('P2,3 /cases %s lists the case the buyer escalated and not the open one', async (filter) => {
      const w = await world();
      const c = await cast(w);
      const other = await openCase(w, 'CC-1006', 'non_delivery', 'acc-joel');
      w.clock.advance(3 * DAY + 60_000);
      await c.buyer.command(`/escalate ${c.caseId}`);
      await confirm(c.buyer);
      await c.staff.command(`/cases ${filter}`);
      expect(c.staff.read()).toContain(c.caseId);
      expect(c.staff.read()).not.toContain(other);
    });

    it('P4 /cases mine after /take lists the taken case', async () => {
      const c = await cast(await world());
      await c.staff.command(`/escalate ${c.caseId} inactivité`);
      await c.staff.command(`/take ${c.caseId}`);
      await c.staff.command('/cases mine');
      expect(c.staff.read()).toContain(c.caseId);
    });

    it.each(['1', 'C-1', 'c1', '000001'])('P5,6 /case %s shows the case with its timeline', async (id) => {
      const c = await cast(await world());
      await c.staff.command(`/case ${id}`);
      expect(c.staff.last.at(-1)?.card).toMatchObject({ caseId: c.caseId, viewerRole: 'support' });
    });

    it('P7 /take by one agent, then another agent’s /take is told who owns it', async () => {
      const w = await world({ extraAccounts: [{ id: 'acc-support-2', name: 'Grace (support)', roles: ['support'], locale: 'fr' }] });
      const c = await cast(w);
      const other = await w.user({ account: 'acc-support-2', userId: 'sup2', conversationId: 'staff', isPrivate: false, isStaffChannel: true });
      await c.staff.command(`/escalate ${c.caseId} inactivité`);
      await c.staff.command(`/take ${c.caseId}`);
      expect((await load(c)).owner ?? (await load(c))).toBeTruthy();
      await other.command(`/take ${c.caseId}`);
      expect(other.read()).toContain('Support Congocrea');
    });

    it('P8,44 /note is recorded and never shown to the buyer', async () => {
      const c = await cast(await world());
      await c.staff.command(`/note ${c.caseId} appel reçu du vendeur`);
      expect(await types(c)).toContain('note');
      await c.buyer.command(`/case ${c.caseId}`);
      expect(c.buyer.read()).not.toContain('appel reçu');
    });

    it.each([['seller', 'acc-bisou'], ['vendeur', 'acc-bisou'], ['buyer', 'acc-amina'], ['acheteur', 'acc-amina'], ['acheteuse', 'acc-amina']])(
      'P9-11 /ask <id> %s <question> asks that party',
      async (party, account) => {
        const c = await cast(await world());
        await c.staff.command(`/escalate ${c.caseId} inactivité`);
        await c.staff.command(`/ask ${c.caseId} ${party} Avez-vous une preuve ?`);
        const asked = (await c.w.outbox(c.caseId)).filter((n) => 'accountId' in n.to && n.to.accountId === account && n.body[0]!.id === 'notify-info-requested');
        expect(asked.length).toBe(1);
        expect(await types(c)).toContain('info_requested');
      },
    );

    it('P12 /refund <id> by support on an escalated case: full refund, closed as support refund', async () => {
      const c = await cast(await world());
      await c.staff.command(`/escalate ${c.caseId} inactivité`);
      await c.staff.command(`/refund ${c.caseId}`);
      await confirm(c.staff, 'engine-choice-refund-no-recover');
      await confirm(c.staff);
      expect(await load(c)).toMatchObject({ status: 'closed', resolution: 'support_refund', refunded: { amount: 5_000_000 } });
    });

    it.each(['20000 recover', 'recover 20000', '20000 récupérer', '20 000 FC recover'])('P13,14 /refund <id> %s: partial, recovered from the seller', async (typed) => {
      const c = await cast(await world());
      await c.staff.command(`/escalate ${c.caseId} inactivité`);
      await c.staff.command(`/refund ${c.caseId} ${typed}`);
      await confirm(c.staff, 'engine-choice-refund-recover');
      await confirm(c.staff);
      const k = await load(c);
      expect(k.refunded.amount).toBe(2_000_000);
      expect(k.timeline.find((e) => e.type === 'refund')).toMatchObject({ recover: true });
    });

    it('P42 /refund <id> 20000 (no recover) by support: partial, not recovered', async () => {
      const c = await cast(await world());
      await c.staff.command(`/escalate ${c.caseId} inactivité`);
      await c.staff.command(`/refund ${c.caseId} 20000`);
      await confirm(c.staff, 'engine-choice-refund-no-recover');
      await confirm(c.staff);
      const k = await load(c);
      expect(k.refunded.amount).toBe(2_000_000);
      expect((k.timeline.find((e) => e.type === 'refund') as { recover?: boolean }).recover ?? false).toBe(false);
    });

    it('P22b /suspend "Bisou Créations" without a reason suspends nothing and says a reason is needed', async () => {
      const c = await cast(await world());
      await c.staff.command('/suspend "Bisou Créations"');
      await confirm(c.staff);
      expect(refused(c.staff)).toBe(true);
      expect(await c.w.cases.shopSuspension('shop-bisou')).toBeNull();
    });

    it('P15 /decide seller after the seller’s partial refund: closed in the seller’s favour, the refund kept', async () => {
      const c = await cast(await world());
      await c.seller.command(`/refund ${c.caseId} 20000`);
      await confirm(c.seller);
      await c.staff.command(`/escalate ${c.caseId} inactivité`);
      await c.staff.command(`/decide ${c.caseId} seller`);
      await confirm(c.staff);
      expect(await load(c)).toMatchObject({ status: 'closed', resolution: 'seller_favour', refunded: { amount: 2_000_000 } });
    });

    it('P16 /reopen a closed case, then /refund works again', async () => {
      const c = await cast(await world());
      await c.staff.command(`/escalate ${c.caseId} inactivité`);
      await c.staff.command(`/decide ${c.caseId} vendeur`);
      await confirm(c.staff);
      expect((await load(c)).status).toBe('closed');
      await c.staff.command(`/reopen ${c.caseId}`);
      await confirm(c.staff);
      expect((await load(c)).status).not.toBe('closed');
      await c.staff.command(`/refund ${c.caseId}`);
      await confirm(c.staff, 'engine-choice-refund-recover');
      await confirm(c.staff);
      expect(await load(c)).toMatchObject({ status: 'closed', resolution: 'support_refund' });
    });

    it.each([['inactivité', 'inactivity'], ['harcèlement', 'harassment'], ['refus', 'refusal'], ['le vendeur est inactif', 'inactivity'], ['vendeur inactif', 'inactivity'], ['manipulation', 'manipulation'], ['harcelement', 'harassment'], ['inactivite', 'inactivity']])(
      'P17-19 /escalate <id> %s escalates early on that ground',
      async (words, ground) => {
        const c = await cast(await world());
        await c.staff.command(`/escalate ${c.caseId} ${words}`);
        expect(await load(c)).toMatchObject({ status: 'escalated', escalationGround: ground });
      },
    );

    it.each(['', 'banane'])('P20,21 /escalate <id> %s: asks the ground, nothing escalated', async (words) => {
      const c = await cast(await world());
      await c.staff.command(`/escalate ${c.caseId} ${words}`);
      expect(buttons(c.staff.last)).toContain('engine-ground-inactivity');
      expect((await load(c)).status).toBe('open');
    });

    it.each(['"Bisou Créations" ne répond pas', 'Bisou Créations ne répond pas', 'shop-bisou inactif', '« Bisou Créations » ne répond plus', 'bisou creations ne répond pas'])(
      'P22-24 /suspend %s suspends the shop',
      async (args) => {
        const c = await cast(await world());
        await c.staff.command(`/suspend ${args}`);
        await confirm(c.staff);
        const s = await c.w.cases.shopSuspension('shop-bisou');
        expect(s).not.toBeNull();
        if (args.includes('répond')) expect(s!.reason).toMatch(/^ne répond/);
      },
    );

    it.each(['"Bisou Créations"', 'Bisou Créations', 'shop-bisou', 'bisou'])('P25 /reinstate %s lifts the suspension', async (args) => {
      const c = await cast(await world());
      await c.staff.command('/suspend shop-bisou inactif');
      await confirm(c.staff);
      await c.staff.command(`/reinstate ${args}`);
      await confirm(c.staff);
      expect(await c.w.cases.shopSuspension('shop-bisou')).toBeNull();
    });

    it('P26 /reinstate a shop that is not suspended says so', async () => {
      const c = await cast(await world());
      await c.staff.command('/reinstate shop-lumiere');
      await confirm(c.staff);
      expect(c.staff.read().toLowerCase()).toMatch(/pas suspendu|n’est pas|n'est pas/);
    });

    it.each(['/refund {id}', '/refund {id} 20000 recover', '/decide {id} seller', '/escalate {id} inactivité', '/take {id}'])('P27,28 `%s` on a closed case is refused as closed', async (line) => {
      const c = await cast(await world());
      await c.seller.command(`/refund ${c.caseId}`);
      await confirm(c.seller);
      const closed = await load(c);
      expect(closed.status).toBe('closed');
      await c.staff.command(line.replace('{id}', c.caseId));
      expect(c.staff.read().toLowerCase()).toMatch(/clos|fermé|reopen|rouvr/);
      await confirm(c.staff, 'engine-choice-refund-recover');
      await confirm(c.staff);
      expect(await load(c)).toMatchObject({ status: 'closed', resolution: 'refunded', refunded: { amount: 5_000_000 } });
    });

    it('P29 two agents: one takes the case, the other refunds it; the refund is made (or refused naming the owner), never twice', async () => {
      const w = await world({ extraAccounts: [{ id: 'acc-support-2', name: 'Grace (support)', roles: ['support'], locale: 'fr' }] });
      const c = await cast(w);
      const other = await w.user({ account: 'acc-support-2', userId: 'sup2', conversationId: 'staff', isPrivate: false, isStaffChannel: true });
      await c.staff.command(`/escalate ${c.caseId} inactivité`);
      await c.staff.command(`/take ${c.caseId}`);
      await other.command(`/refund ${c.caseId}`);
      const t = other.token('engine-choice-refund-recover');
      await c.staff.command(`/refund ${c.caseId}`);
      await confirm(c.staff, 'engine-choice-refund-recover');
      await other.pressToken(t);
      const k = await load(c);
      expect(k.timeline.filter((e) => e.type === 'refund').length).toBe(1);
      expect(k.refunded.amount).toBe(5_000_000);
    });

    it.each(['/cases escalated', '/note {id} hello', '/refund {id} recover', '/suspend shop-bisou x'])('P30 support’s `%s` outside the staff channel is refused and says where to go', async (line) => {
      const c = await cast(await world());
      const dm = await c.w.user({ account: 'acc-support-1', userId: 'sup-dm', conversationId: 'dm-sup' });
      await dm.command(line.replace('{id}', c.caseId));
      expect(refused(dm)).toBe(true);
      expect(await load(c)).toMatchObject({ version: 1 });
    });

    it('P31 /case 999 is not found', async () => {
      const c = await cast(await world());
      await c.staff.command('/case C-000999');
      expect(c.staff.ids()).toContain('error-case-not-found');
    });

    it('P32 /decide <id> buyer does not close for the seller; it points to a refund', async () => {
      const c = await cast(await world());
      await c.staff.command(`/escalate ${c.caseId} inactivité`);
      await c.staff.command(`/decide ${c.caseId} buyer`);
      await confirm(c.staff);
      expect((await load(c)).resolution).not.toBe('seller_favour');
    });

    it('P33 /release after /take leaves the case without owner', async () => {
      const c = await cast(await world());
      await c.staff.command(`/escalate ${c.caseId} inactivité`);
      await c.staff.command(`/take ${c.caseId}`);
      await c.staff.command(`/release ${c.caseId}`);
      await c.staff.command('/cases mine');
      expect(c.staff.read()).not.toContain(c.caseId);
    });

    it('P34 the buyer’s /escalate before POLICY_ESCALATION_AFTER is refused with the date', async () => {
      const c = await cast(await world());
      c.w.clock.advance(1 * DAY);
      await c.buyer.command(`/escalate ${c.caseId}`);
      expect((await load(c)).status).toBe('open');
      expect(c.buyer.read()).toMatch(/13|novembre/);
    });

    it('P35 the buyer’s /escalate after 3 days escalates', async () => {
      const c = await cast(await world());
      c.w.clock.advance(3 * DAY + 60_000);
      await c.buyer.command(`/escalate ${c.caseId}`);
      await confirm(c.buyer);
      expect((await load(c)).status).toBe('escalated');
    });

    it('P36 past POLICY_MAX_CASE_AGE the seller’s partial refund is refused, the full one accepted', async () => {
      const c = await cast(await world());
      c.w.clock.advance(366 * DAY);
      // The card offers the full refund only, and a typed partial one is refused saying why.
      await c.seller.command(`/case ${c.caseId}`);
      expect(buttons(c.seller.last)).toContain('engine-action-refund-full');
      expect(buttons(c.seller.last)).not.toContain('engine-action-refund-partial');
      await c.seller.command(`/refund ${c.caseId} 20000`);
      await confirm(c.seller);
      expect(c.seller.ids()).toEqual(['error-late-delivery-full-refund-only']);
      expect((await load(c)).refunded.amount).toBe(0);
      await c.seller.command(`/refund ${c.caseId}`);
      await confirm(c.seller);
      expect(await load(c)).toMatchObject({ status: 'closed', refunded: { amount: 5_000_000 } });
    });

    it('P37,38 past POLICY_MAX_CASE_AGE support’s partial refund and /decide seller are refused; the full refund works', async () => {
      const c = await cast(await world());
      await c.staff.command(`/escalate ${c.caseId} inactivité`);
      c.w.clock.advance(366 * DAY);
      await c.staff.command(`/refund ${c.caseId} 20000`);
      await confirm(c.staff, 'engine-choice-refund-recover');
      await confirm(c.staff);
      expect((await load(c)).refunded.amount).toBe(0);
      await c.staff.command(`/decide ${c.caseId} seller`);
      await confirm(c.staff);
      expect((await load(c)).status).not.toBe('closed');
      await c.staff.command(`/refund ${c.caseId} recover`);
      await confirm(c.staff, 'engine-choice-refund-recover');
      await confirm(c.staff);
      expect(await load(c)).toMatchObject({ status: 'closed', refunded: { amount: 5_000_000 } });
    });

    it.each(['/note {id}', '/ask {id}', '/ask {id} seller', '/ask {id} Avez-vous le reçu ?'])('P39,40 `%s` (missing parts) records nothing and says what is missing', async (line) => {
      const c = await cast(await world());
      await c.staff.command(line.replace('{id}', c.caseId));
      expect(c.staff.ids().length).toBeGreaterThan(0);
      expect(await load(c)).toMatchObject({ version: 1 });
    });

    it('P41 the buyer answers support’s /ask by replying in the thread: support is told', async () => {
      const c = await cast(await world());
      await c.staff.command(`/escalate ${c.caseId} inactivité`);
      await c.staff.command(`/ask ${c.caseId} buyer Quelle est votre adresse exacte ?`);
      const before = (await c.w.outbox(c.caseId)).length;
      await c.buyer.text('12 av. de la Paix, Gombe', REPLY);
      const after = (await c.w.outbox(c.caseId)).slice(before);
      expect(after.some((n) => !('accountId' in n.to) || n.to.accountId === 'acc-support-1')).toBe(true);
    });

    it('P45 /reopen on an open case is refused as not closed', async () => {
      const c = await cast(await world());
      await c.staff.command(`/reopen ${c.caseId}`);
      await confirm(c.staff);
      expect(refused(c.staff)).toBe(true);
      expect(await load(c)).toMatchObject({ status: 'open', version: 1 });
    });
  });
  describe('round two', () => {
    it.each([
      ['25000F', 2_500_000], ['25.000,00', 2_500_000], ['25 000,00 CDF', 2_500_000], ['25000 fc', 2_500_000],
    ])('R1 seller /refund <id> %s is 25 000 CDF', async (typed, minor) => {
      const c = await cast(await world());
      await c.seller.command(`/refund ${c.caseId} ${typed}`);
      await confirm(c.seller);
      expect((await load(c)).refunded.amount).toBe(minor);
    });

    it.each(['25 000 FCFA', '25000 F CFA', '10 000 XAF'])('R1b seller /refund <id> %s (CFA francs, not Congolese) is refused for its currency', async (typed) => {
      const c = await cast(await world());
      await c.seller.command(`/refund ${c.caseId} ${typed}`);
      expect(c.seller.ids()).toEqual(['error-currency-mismatch']);
      expect((await load(c)).refunded.amount).toBe(0);
    });

    it.each(['tout', 'totalité', 'full', 'intégral', 'tout rembourser', 'all'])('R2 seller /refund <id> %s is the full refund', async (typed) => {
      const c = await cast(await world());
      await c.seller.command(`/refund ${c.caseId} ${typed}`);
      await confirm(c.seller);
      expect(await load(c)).toMatchObject({ status: 'closed', resolution: 'refunded', refunded: { amount: 5_000_000 } });
    });

    it.each(['DHL: JD0142', 'dhl n° JD0142', 'dhl #JD0142', 'dhl JD 0142', 'JD0142 dhl', 'DHL Express JD0142'])('R3 seller /tracking <id> %s closes as delivered', async (typed) => {
      const c = await cast(await world());
      await c.seller.command(`/tracking ${c.caseId} ${typed}`);
      await confirm(c.seller);
      expect(await load(c)).toMatchObject({ status: 'closed', resolution: 'delivered' });
    });

    it.each(['nimeshatuma, namba ya ufuatiliaji DHL JD0142', 'natindaki yango, suivi DHL JD0142', 'numéro de suivi : JD0142 (DHL)'])('R4 seller « %s » in the thread offers the tracking JD0142', async (typed) => {
      const c = await cast(await world());
      await c.seller.text(typed, REPLY);
      expect(c.seller.ids()).toContain('engine-words-tracking');
    });

    it.each([['harcèlement du vendeur', 'harassment'], ['refus de rembourser', 'refusal'], ['inactif depuis 5 jours', 'inactivity'], ['le vendeur refuse de livrer', 'refusal'], ['seller is inactive', 'inactivity'], ['fraude', 'manipulation']])(
      'R5 /escalate <id> %s escalates on that ground',
      async (words, ground) => {
        const c = await cast(await world());
        await c.staff.command(`/escalate ${c.caseId} ${words}`);
        expect(await load(c)).toMatchObject({ status: 'escalated', escalationGround: ground });
      },
    );

    it.each(['inactif mais aussi harcèlement'])('R5b /escalate <id> %s (two grounds): the first word names the ground, as before', async (words) => {
      const c = await cast(await world());
      await c.staff.command(`/escalate ${c.caseId} ${words}`);
      expect(await load(c)).toMatchObject({ status: 'escalated', escalationGround: 'inactivity' });
    });

    it.each([
      ['escaladé', 'escalated'],
      ['en retard', 'overdue'],
      ['tous', 'all'],
      ['à traiter', 'waiting'],
    ])('R6 /cases %s answers the list it names (%s)', async (f, view) => {
      const c = await cast(await world());
      await c.staff.command(`/cases ${f}`);
      expect(c.staff.last[0]!.body[0]).toMatchObject({ id: expect.stringMatching(/^engine-cases-(title|none)$/), args: { view } });
    });

    it.each(['full recover', '50% recover', 'tout récupérer', 'recover'])('R7 support /refund <id> %s recovers from the seller', async (typed) => {
      const c = await cast(await world());
      await c.staff.command(`/escalate ${c.caseId} inactivité`);
      await c.staff.command(`/refund ${c.caseId} ${typed}`);
      await confirm(c.staff, 'engine-choice-refund-recover');
      await confirm(c.staff);
      const k = await load(c);
      expect(k.refunded.amount).toBeGreaterThan(0);
      expect(k.timeline.find((e) => e.type === 'refund')).toMatchObject({ recover: true });
    });

    it.each(['c1', 'c-000001', '#1', 'CC-1001'])('R8 /take %s takes the escalated case', async (id) => {
      const c = await cast(await world());
      await c.staff.command(`/escalate ${c.caseId} inactivité`);
      await c.staff.command(`/take ${id}`);
      expect(await types(c)).toContain('assigned');
    });

    it('R9 /decide <id> vendeur avec une raison: closed for the seller, the reason kept', async () => {
      const c = await cast(await world());
      await c.staff.command(`/escalate ${c.caseId} inactivité`);
      await c.staff.command(`/decide ${c.caseId} vendeur preuve de livraison signée`);
      await confirm(c.staff);
      const k = await load(c);
      expect(k).toMatchObject({ status: 'closed', resolution: 'seller_favour' });
      expect(JSON.stringify(k.timeline.at(-1))).toContain('preuve de livraison signée');
    });

    it('R10 /reopen <id> with a reason, then /decide again', async () => {
      const c = await cast(await world());
      await c.staff.command(`/escalate ${c.caseId} inactivité`);
      await c.staff.command(`/decide ${c.caseId} seller`);
      await confirm(c.staff);
      await c.staff.command(`/reopen ${c.caseId} l’acheteur a envoyé une photo`);
      await confirm(c.staff);
      expect((await load(c)).status).not.toBe('closed');
      await c.staff.command(`/decide ${c.caseId} seller`);
      await confirm(c.staff);
      expect(await load(c)).toMatchObject({ status: 'closed', resolution: 'seller_favour' });
    });

    it.each(['Bisou ne répond pas', 'bisou créations ne répond plus depuis 2 semaines', 'Bisou Creations inactive'])('R11 /suspend %s suspends shop-bisou', async (args) => {
      const c = await cast(await world());
      await c.staff.command(`/suspend ${args}`);
      await confirm(c.staff);
      expect(await c.w.cases.shopSuspension('shop-bisou')).not.toBeNull();
    });

    it('R12 the suspended seller is told, in their chat', async () => {
      const c = await cast(await world());
      await c.staff.command('/suspend shop-bisou ne répond pas');
      await confirm(c.staff);
      await c.seller.command(`/case ${c.caseId}`);
      expect(c.seller.read().toLowerCase()).toMatch(/suspendu/);
    });

    it('R13 the buyer’s /escalate alone after 3 days escalates their only case', async () => {
      const c = await cast(await world());
      c.w.clock.advance(3 * DAY + 60_000);
      await c.buyer.command('/escalate');
      await confirm(c.buyer);
      expect((await load(c)).status).toBe('escalated');
    });

    it.each(['Avez-vous le reçu ?', 'au vendeur : avez-vous le reçu ?'])('R14 /ask <id> vendeur %s asks the seller that question', async (q) => {
      const c = await cast(await world());
      await c.staff.command(`/escalate ${c.caseId} inactivité`);
      await c.staff.command(`/ask ${c.caseId} ${q.startsWith('au') ? '' : 'vendeur '}${q}`);
      expect(await types(c)).toContain('info_requested');
    });

    it('R15 the seller’s photo of a receipt sent outside any reply, one case under way: kept on that case or asked which', async () => {
      const c = await cast(await world());
      await c.seller.attach(photo(4), 'reçu');
      expect(await types(c)).toContain('evidence');
      // With two cases under way, the seller picks the case; the photo joins the one picked.
      const other = await openCase(c.w, 'CC-1006', 'non_delivery', 'acc-joel');
      await c.seller.attach(photo(5), 'reçu Joël');
      expect(c.seller.ids()).toEqual(['engine-file-which-case']);
      await c.seller.press('engine-case-choice', (x) => x.label.args?.caseId === other);
      expect((await c.w.store.load(other))!.timeline.map((e) => e.type)).toContain('evidence');
    });
  });
  describe('round three', () => {
    it('T12 the seller who ignores the case gets two reminders (24 h, 48 h) before the buyer may escalate; once they refund part, none is left', async () => {
      const c = await cast(await world());
      const reminders = (k: Awaited<ReturnType<typeof load>>) => planNudges(k, defaultPolicy).filter((n) => n.kind === 'seller_reminder');
      const planned = reminders(await load(c));
      const opened = Date.parse((await load(c)).openedAt);
      expect(planned.map((n) => (Date.parse(n.dueAt) - opened) / 3_600_000)).toEqual([24, 48]);
      await c.seller.command(`/refund ${c.caseId} 10000`);
      await confirm(c.seller);
      const after = await load(c);
      expect(reminders(after)).toEqual([]);
      expect(planned.every((n) => !nudgeApplies(after, n, new Date(Date.parse(n.dueAt)).toISOString()))).toBe(true);
    });

    it('T13 a seller reminder that comes due after the buyer closed the case is not sent', async () => {
      const c = await cast(await world());
      const planned = planNudges(await load(c), defaultPolicy).filter((n) => n.kind === 'seller_reminder');
      await c.buyer.command(`/close ${c.caseId}`);
      await confirm(c.buyer);
      const k = await load(c);
      expect(planned.some((n) => nudgeApplies(k, n, n.dueAt))).toBe(false);
    });

    async function suspended(w: World): Promise<Cast> {
      const c = await cast(w);
      await c.staff.command('/suspend shop-bisou ne répond pas');
      await confirm(c.staff);
      return c;
    }

    it.each(['ma boutique est bloquée, débloquez svp', 'please reinstate my shop', 'réactivez ma boutique', 'why is my shop suspended?', 'je veux rouvrir ma boutique'])(
      'T1 a suspended seller writing « %s » is offered the reinstatement request',
      async (typed) => {
        const c = await suspended(await world());
        await c.seller.text(typed);
        const all = [...c.seller.ids(), ...buttons(c.seller.last)];
        expect(all.some((i) => i.includes('reinstat'))).toBe(true);
      },
    );

    it('T2 a suspended seller may still refund the buyer in full', async () => {
      const c = await suspended(await world());
      await c.seller.command(`/refund ${c.caseId}`);
      await confirm(c.seller);
      expect(await load(c)).toMatchObject({ status: 'closed', resolution: 'refunded' });
      // Resolving the case does not reinstate the shop.
      expect(await c.w.cases.shopSuspension('shop-bisou')).not.toBeNull();
    });

    it('T3 tracking delivered at the address on a not-as-described case is recorded but does not close it', async () => {
      const c = await cast(await world(), 'CC-1001', 'not_as_described');
      await c.seller.command(`/tracking ${c.caseId} dhl JD0142`);
      await confirm(c.seller);
      expect(await load(c)).toMatchObject({ status: 'open' });
      expect(await types(c)).toContain('tracking');
    });

    it('T4 a refund once all is refunded is refused saying so', async () => {
      const c = await cast(await world());
      await c.seller.command(`/refund ${c.caseId} 50%`);
      await confirm(c.seller);
      await c.seller.command(`/refund ${c.caseId} 30000`);
      expect(refused(c.seller)).toBe(true);
      expect(c.seller.read().replace(/\s/g, ' ')).toMatch(/25 000/);
    });

    it('T5 the seller answers support’s question by typing in the private chat, not as a reply: it is not lost', async () => {
      const c = await cast(await world());
      await c.staff.command(`/escalate ${c.caseId} inactivité`);
      await c.staff.command(`/ask ${c.caseId} seller Avez-vous une preuve d'envoi ?`);
      await c.seller.text('Oui, envoyé le 3 novembre par DHL');
      // Either it went to support at once, or a button offers to send it (to the buyer and support).
      const sent = (await types(c)).includes('info_provided') || (await types(c)).includes('comment');
      expect(sent || buttons(c.seller.last).length > 0).toBe(true);
    });

    it('T6 after the buyer closed, support reopens and the seller can refund again', async () => {
      const c = await cast(await world());
      await c.buyer.command(`/close ${c.caseId}`);
      await confirm(c.buyer);
      expect((await load(c)).status).toBe('closed');
      await c.staff.command(`/reopen ${c.caseId} l’acheteur s’est trompé`);
      await confirm(c.staff);
      expect((await load(c)).status).not.toBe('closed');
      await c.seller.command(`/refund ${c.caseId}`);
      await confirm(c.seller);
      expect(await load(c)).toMatchObject({ status: 'closed', resolution: 'refunded' });
    });

    it('T7 two agents decide at once: one confirmation closes it, the other is answered, no second closing', async () => {
      const w = await world({ extraAccounts: [{ id: 'acc-support-2', name: 'Grace (support)', roles: ['support'], locale: 'fr' }] });
      const c = await cast(w);
      const other = await w.user({ account: 'acc-support-2', userId: 'sup2', conversationId: 'staff', isPrivate: false, isStaffChannel: true });
      await c.staff.command(`/escalate ${c.caseId} inactivité`);
      await c.staff.command(`/decide ${c.caseId} seller`);
      const mine = c.staff.token('engine-choice-confirm');
      await other.command(`/refund ${c.caseId}`);
      await confirm(other, 'engine-choice-refund-recover');
      await c.staff.pressToken(mine);
      expect(c.staff.ids().length).toBeGreaterThan(0);
      const k = await load(c);
      expect(k.timeline.filter((e) => e.type === 'closed').length).toBe(1);
    });

    it('T8 /reinstate tells the seller their shop is active again', async () => {
      const c = await suspended(await world());
      await c.staff.command('/reinstate shop-bisou');
      await confirm(c.staff);
      expect(await c.w.cases.shopSuspension('shop-bisou')).toBeNull();
      expect(c.w.relayed.length + (await c.w.outbox(c.caseId)).length).toBeGreaterThan(0);
    });

    it.each(['half', 'la moitié', '50 %'])('T9 seller /refund <id> %s is half the order', async (typed) => {
      const c = await cast(await world());
      await c.seller.command(`/refund ${c.caseId} ${typed}`);
      await confirm(c.seller);
      expect((await load(c)).refunded.amount).toBe(2_500_000);
    });

    it('T10 support types a plain question in the staff channel about a case: a hint, nothing recorded', async () => {
      const c = await cast(await world());
      await c.staff.text('qui s’occupe du litige 1 ?');
      expect(c.staff.ids().length).toBeGreaterThan(0);
      expect(await load(c)).toMatchObject({ version: 1 });
    });

    it.each(['/case', '/take', '/note'])('T11 support’s `%s` without a case says how to write it', async (line) => {
      const c = await cast(await world());
      await c.staff.command(line);
      expect(c.staff.ids().length).toBeGreaterThan(0);
      expect(await load(c)).toMatchObject({ version: 1 });
    });
  });
  describe('round four', () => {
    it('U1 /cases overdue lists a case past POLICY_MAX_CASE_AGE', async () => {
      const c = await cast(await world());
      c.w.clock.advance(366 * DAY);
      await c.staff.command('/cases overdue');
      expect(c.staff.read()).toContain(c.caseId);
    });

    it('U2 support’s /escalate on a case the buyer already escalated says so, changes nothing', async () => {
      const c = await cast(await world());
      c.w.clock.advance(3 * DAY + 60_000);
      await c.buyer.command(`/escalate ${c.caseId}`);
      await confirm(c.buyer);
      const v = (await load(c)).version;
      await c.staff.command(`/escalate ${c.caseId} inactivité`);
      expect(c.staff.read().toLowerCase()).toMatch(/déjà/);
      expect((await load(c)).version).toBe(v);
    });

    it.each(['/refund {id} 20000 recover', '/decide {id} seller', '/ask {id} seller preuve ?'])('U3 support’s `%s` on a case not escalated says to escalate first', async (line) => {
      const c = await cast(await world());
      await c.staff.command(line.replace('{id}', c.caseId));
      await confirm(c.staff, 'engine-choice-refund-recover');
      await confirm(c.staff);
      expect(c.staff.read().toLowerCase()).toMatch(/escalad|transmis|support/);
      expect(await load(c)).toMatchObject({ status: 'open', version: 1 });
    });

    it('U4 the buyer’s /escalate one minute early is refused with the date and time', async () => {
      const c = await cast(await world());
      c.w.clock.advance(3 * DAY - 60_000);
      await c.buyer.command(`/escalate ${c.caseId}`);
      expect((await load(c)).status).toBe('open');
      expect(c.buyer.read()).toMatch(/13 novembre 2026 à 10:00/);
    });

    it('U5 an unknown carrier: tracking recorded, the case stays open', async () => {
      const c = await cast(await world());
      await c.seller.command(`/tracking ${c.caseId} posta 123456789`);
      await confirm(c.seller);
      expect(await load(c)).toMatchObject({ status: 'open' });
      expect(await types(c)).toContain('tracking');
    });

    it('U6 the refund confirmation pressed twice refunds once', async () => {
      const c = await cast(await world());
      await c.seller.command(`/refund ${c.caseId} 20000`);
      const tok = c.seller.token('engine-choice-confirm');
      await c.seller.pressToken(tok);
      await c.seller.pressToken(tok);
      expect((await load(c)).refunded.amount).toBe(2_000_000);
    });

    it('U7 in English, /refund <id> 20,000 is 20 000', async () => {
      const c = await cast(await world());
      await c.seller.command('/lang en');
      await c.seller.command(`/refund ${c.caseId} 20,000`);
      await confirm(c.seller);
      expect((await load(c)).refunded.amount).toBe(2_000_000);
    });

    it.each([
      ['nitarudisha elfu ishirini', '20'], ['nitarudisha 20000', '20'], ['nakozongisa mbongo 20000', '20'], ['I refunded 20000 already', '20'], ['je vous rembourse cinq mille', '5'],
    ])('U8 « %s » in the thread offers a refund of that amount, makes none', async (typed, thousands) => {
      const c = await cast(await world());
      await c.seller.text(typed, REPLY);
      expect(c.seller.ids()).toContain('engine-confirm-refund');
      expect(c.seller.read().replace(/\s/g, ' ')).toContain(`Rembourser ${thousands} 000,00`);
      expect((await load(c)).refunded.amount).toBe(0);
    });

    it('U9 /take on a case not escalated: taken, or refused saying why; never silent', async () => {
      const c = await cast(await world());
      await c.staff.command(`/take ${c.caseId}`);
      expect(c.staff.ids().length).toBeGreaterThan(0);
    });

    it('U10 /case 1 of a closed case shows how it closed', async () => {
      const c = await cast(await world());
      await c.seller.command(`/refund ${c.caseId}`);
      await confirm(c.seller);
      await c.staff.command('/case 1');
      expect(c.staff.read()).toMatch(/clos/);
    });
  });
  describe('round five', () => {
    it.each([
      ['/refnd {id} 20000', 'refund'], ['/rembourser {id} 20000', 'refund'], ['/remboursement {id} 20000', 'refund'], ['/trackin {id} dhl JD0142', 'tracking'], ['/suivi {id} dhl JD0142', 'tracking'],
    ])('V1 `%s` (a typo or the French word) is answered with the command meant, /%s', async (line, meant) => {
      const c = await cast(await world());
      await c.seller.command(line.replace('{id}', c.caseId));
      await confirm(c.seller);
      expect(c.seller.read()).toContain(`Vouliez-vous dire /${meant} ?`);
      expect(await load(c)).toMatchObject({ version: 1 });
    });

    it('V1b a name that is no command and near none is answered as before', async () => {
      const c = await cast(await world());
      await c.seller.command('/bonjour');
      expect(c.seller.ids()).toEqual(['engine-unknown-command']);
    });

    it('V2 a UPS tracking link pasted in the thread offers the UPS tracking', async () => {
      const c = await cast(await world());
      await c.seller.text('https://www.ups.com/track?loc=fr_FR&tracknum=1Z999AA10123456784', REPLY);
      expect(c.seller.ids()).toContain('engine-words-tracking');
      expect(c.seller.read()).toContain('1Z999AA10123456784');
    });

    it.each(['Bisou Creation ne répond pas', 'bisou-creations ne répond pas'])('V3 /suspend %s (a typo of the shop name) suspends Bisou Créations or asks which shop', async (args) => {
      const c = await cast(await world());
      await c.staff.command(`/suspend ${args}`);
      await confirm(c.staff);
      const s = await c.w.cases.shopSuspension('shop-bisou');
      expect(s !== null || /Bisou Créations/.test(c.staff.read())).toBe(true);
    });

    it('V4 /reinstate without a shop says how to write it', async () => {
      const c = await cast(await world());
      await c.staff.command('/reinstate');
      expect(c.staff.ids().length).toBeGreaterThan(0);
    });

    it('V5 a seller in Swahili gets the refund confirmation in Swahili', async () => {
      const c = await cast(await world());
      await c.seller.command('/lang sw');
      await c.seller.command(`/refund ${c.caseId} 20000`);
      expect(c.seller.last[0]!.locale).toBe('sw');
    });

    it('V6 a seller who writes « /refund C-000001 20000 » for a case of another shop is refused, nothing recorded', async () => {
      const w = await world();
      const c = await cast(w);
      const lumiere = await w.user({ account: 'acc-lumiere' });
      await lumiere.command(`/refund ${c.caseId} 20000`);
      await confirm(lumiere);
      expect(refused(lumiere)).toBe(true);
      expect((await load(c)).refunded.amount).toBe(0);
    });
  });
  describe('round six', () => {
    it('W1 the seller replies to the buyer’s earlier order message, the order now has a case: the words join the case', async () => {
      const c = await cast(await world());
      await c.w.threads.rememberMessage('telegram', 'dm-bisou', '650', orderSubject('CC-1001'));
      await c.seller.text('Le colis est parti le 3, patientez svp', { replyToMessageId: '650' });
      expect(c.seller.ids()).toEqual(['engine-done-comment']);
      expect(await types(c)).toContain('comment');
      const toBuyer = (await c.w.outbox(c.caseId)).filter((n) => 'accountId' in n.to && n.to.accountId === 'acc-amina' && n.body[0]!.id === 'notify-comment');
      expect(toBuyer.map((n) => n.body[0]!.args!.text)).toEqual(['Le colis est parti le 3, patientez svp']);
      expect(c.w.relayed).toEqual([]);
    });

    it('W2 the seller replies to a closed case’s message about the order, with another case on it open: not lost', async () => {
      const c = await cast(await world());
      await c.seller.text('je regarde', { replyToMessageId: '999' });
      expect(c.seller.ids().length).toBeGreaterThan(0);
    });
  });
});
