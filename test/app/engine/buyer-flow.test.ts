import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPORT_LAPSE_MS } from '../../../src/app/engine/state.js';
import { DEMO_ORDERS } from '../../../src/infra/demo-marketplace.js';
import { backendWorld, buttons, openCase, photo, type Speaker, type World } from './harness.js';

const { notYetEligible: TOO_EARLY, windowExpired: CLOSED, eligibleNonDelivery: ELIGIBLE, eligibleNotAsDescribed: BAG } = DEMO_ORDERS;
const MINUTE = 60_000;

/** The order ids a reply's paragraphs speak of. */
const ordersNamed = (s: Speaker): string[] => s.last.flatMap((o) => o.body.map((b) => b.args?.orderId)).filter((x): x is string => typeof x === 'string');

/** The report's step as stored, `resume` while the report is offered back, `none` outside one. */
async function stepOf(w: World, s: Speaker): Promise<string> {
  if (s.ids().includes('buyer-flow-resume-offer')) return 'resume';
  const state = await w.kv.get<{ flow: string; step: string }>(`engine:conv:${s.platform}:${s.userId}:dm-${s.userId}`);
  return state?.flow === 'report' ? state.step : 'none';
}

describe.each(['memory', 'redis'] as const)('the buyer’s conversation as people write it (%s)', (kind) => {
  const world = backendWorld(kind, { beforeAll, afterAll });

  describe('1. the latest message wins', () => {
    it('too early on one order, then another order, then a third: each answer is about the order just named', async () => {
      const w = await world();
      const amina = await w.user({ account: 'acc-amina' });

      await amina.text(`ma commande ${TOO_EARLY} n'est toujours pas arrivée`);
      await amina.press('engine-choice-yes-reason');
      expect(amina.ids()).toEqual(['engine-report-not-yet', 'engine-report-offer-message']);
      expect(amina.read()).toContain(`trop tôt pour ouvrir un litige sur la commande ${TOO_EARLY}`);
      const earlyButton = amina.token('engine-choice-message-seller');

      // The window of this one closed long ago: the answer says so, not « trop tôt ».
      await amina.text(`et la ${CLOSED.toLowerCase().replace('-', '')} ? jamais reçue non plus`);
      expect(amina.ids()).toEqual(['engine-report-intro', 'engine-report-reason-proposed']);
      expect(ordersNamed(amina)).toEqual([CLOSED]);
      await amina.press('engine-choice-yes-reason');
      expect(amina.ids()).toEqual(['engine-report-window-closed', 'engine-report-offer-message']);
      expect(amina.read()).toContain(`sur la commande ${CLOSED} est dépassé`);
      expect(amina.read()).not.toContain('trop tôt');

      // A bare number is enough, and this one can become a case.
      await amina.text(`Et ma commande ${ELIGIBLE.replace(/\D/g, '')}, jamais livrée`);
      expect(ordersNamed(amina)).toEqual([ELIGIBLE]);
      await amina.press('engine-choice-yes-reason');
      expect(amina.ids()).toEqual(['engine-report-eligible', 'engine-report-suggest-seller', 'buyer-flow-description-kept']);
      expect(ordersNamed(amina)).toEqual([ELIGIBLE]);

      // Buttons of the reports left behind do nothing: refused, and the report under way shown again (seventh probe: the
      // refusal alone was a dead end).
      await amina.pressToken(earlyButton);
      expect(amina.ids()[0]).toBe('buyer-flow-earlier-report-button');
      expect(ordersNamed(amina)).toEqual([ELIGIBLE]);
      expect(w.relayed).toEqual([]);
    });

    it('asked to confirm a reason for one order, the buyer names another: the proposal is for the new one', async () => {
      const w = await world();
      const amina = await w.user({ account: 'acc-amina' });
      await amina.text(`ma commande ${ELIGIBLE} n'est jamais arrivée`);
      const oldYes = amina.token('engine-choice-yes-reason');
      expect(ordersNamed(amina)).toEqual([ELIGIBLE]);

      await amina.text(`non pardon, c'est le sac ${BAG} : il est abîmé`);
      expect(ordersNamed(amina)).toEqual([BAG]);
      expect(amina.last[0]!.body.at(-1)!.args).toMatchObject({ reason: 'not_as_described', orderId: BAG });

      // The earlier « Oui » cannot lead to a case on the wrong order.
      const newYes = amina.token('engine-choice-yes-reason');
      await amina.pressToken(oldYes);
      expect(amina.ids()).toEqual(['buyer-flow-earlier-report-button', 'engine-report-reason-proposed']);
      expect(ordersNamed(amina)).toEqual([BAG]);
      await amina.pressToken(newYes);
      await amina.press('buyer-flow-choice-open-now');
      const c = (await w.store.load(amina.last[0]!.caseId!))!;
      expect(c).toMatchObject({ orderId: BAG, reason: 'not_as_described', description: `non pardon, c'est le sac ${BAG} : il est abîmé` });
    });

    it('a new problem on the same order starts over on that problem', async () => {
      const w = await world();
      const amina = await w.user({ account: 'acc-amina' });
      await amina.text(`ma commande ${BAG} n'est jamais arrivée`);
      await amina.press('engine-choice-yes-reason');
      await amina.text('en fait il est arrivé mais il est cassé');
      expect(amina.last[0]!.body.at(-1)!.args).toMatchObject({ reason: 'not_as_described', orderId: BAG });
    });

    it('a message that answers nothing offers the report back; « Reprendre » resumes, « Laisser » leaves', async () => {
      const w = await world();
      const amina = await w.user({ account: 'acc-amina' });
      await amina.text(`ma commande ${TOO_EARLY} n'est toujours pas arrivée`);
      await amina.press('engine-choice-yes-reason');

      // (« merci » alone is a thank-you: the report is left politely, see buyer-talk.test.ts.)
      await amina.text('je suis au travail là');
      expect(amina.ids()).toEqual(['buyer-flow-resume-offer']);
      expect(amina.read()).toBe(`Vous aviez commencé un signalement pour ${TOO_EARLY} : reprendre ou laisser ?`);
      expect(buttons(amina.last)).toEqual(['buyer-flow-choice-resume', 'buyer-flow-choice-leave']);
      await amina.press('buyer-flow-choice-resume');
      expect(amina.ids()).toEqual(['engine-report-not-yet', 'engine-report-offer-message']);

      await amina.text('ok bonne journée');
      await amina.press('buyer-flow-choice-leave');
      expect(amina.read()).toBe(`C’est noté, je laisse le signalement pour ${TOO_EARLY}.`);
      await amina.command('/cancel');
      expect(amina.ids()).toEqual(['engine-nothing-to-cancel']);
    });

    it('a report left unanswered for 30 minutes lapses: the next message starts afresh and its buttons expire', async () => {
      const w = await world();
      const amina = await w.user({ account: 'acc-amina' });
      await amina.text(`ma commande ${ELIGIBLE} n'est jamais arrivée`);
      const yes = amina.token('engine-choice-yes-reason');

      w.clock.advance(REPORT_LAPSE_MS - MINUTE);
      await amina.text('euh');
      expect(amina.ids()).toEqual(['buyer-flow-resume-offer']);
      // The offer is an answer: the half hour starts again from it.
      w.clock.advance(REPORT_LAPSE_MS + MINUTE);
      await amina.text('bonjour');
      expect(amina.ids()).toEqual(['engine-welcome', 'engine-report-which-order']);
      await amina.pressToken(yes);
      // Refused, and the question under way asked again (seventh probe).
      expect(amina.ids()).toEqual(['buyer-flow-earlier-report-button', 'engine-report-which-order']);
    });

    it('the lapsed report’s own button pressed hours later, nothing written since, carries on from it (sixth probe)', async () => {
      const w = await world();
      const amina = await w.user({ account: 'acc-amina' });
      await amina.text(`ma commande ${ELIGIBLE} n'est jamais arrivée`);
      const yes = amina.token('engine-choice-yes-reason');
      w.clock.advance(3 * 60 * MINUTE);
      await amina.pressToken(yes);
      expect(amina.ids()).toEqual(['engine-report-eligible', 'engine-report-suggest-seller', 'buyer-flow-description-kept']);
      await amina.press('buyer-flow-choice-open-now');
      expect(amina.ids()[0]).toBe('engine-report-opened');
    });

    it('/cancel still leaves a report at any step', async () => {
      const w = await world();
      const amina = await w.user({ account: 'acc-amina' });
      await amina.text(`ma commande ${ELIGIBLE} n'est jamais arrivée`);
      await amina.press('engine-choice-yes-reason');
      const open = amina.token('buyer-flow-choice-open-now');
      await amina.command('/cancel');
      expect(amina.ids()).toEqual(['engine-cancelled']);
      await amina.pressToken(open);
      expect(amina.ids()).toEqual(['error-action-expired']);
      expect(await w.cases.list({ accountId: 'acc-amina', platform: 'telegram' }, 'mine')).toEqual([]);
    });
  });

  describe('2. no dead end', () => {
    it.each([
      ['Le sac CC-1002 que j’ai reçu ne ressemble pas du tout à la photo', BAG],
      ['ma commande 1001', ELIGIBLE],
      ['cc1001 ???', ELIGIBLE],
      ['#1001', ELIGIBLE],
      ['le pagne wax', ELIGIBLE],
      ['le pangne waks', ELIGIBLE],
    ])('« %s » moves on with order %s, named in the answer', async (text, orderId) => {
      const w = await world();
      const amina = await w.user({ account: 'acc-amina' });
      await amina.text(text);
      expect(amina.ids()).not.toContain('engine-fallback');
      expect(ordersNamed(amina)).toEqual([orderId]);
      expect(buttons(amina.last).length).toBeGreaterThan(1);
    });

    it('« ma commande du <jour> » finds the order placed that day', async () => {
      const w = await world();
      const amina = await w.user({ account: 'acc-amina' });
      const placed = (await w.marketplace.order(ELIGIBLE))!.placedAt;
      const day = DateTime.fromISO(placed, { zone: 'Africa/Kinshasa' }).setLocale('fr').toFormat('d MMMM');
      await amina.text(`ma commande du ${day} n'est jamais arrivée`);
      expect(ordersNamed(amina)).toEqual([ELIGIBLE]);
      expect(amina.ids()).toEqual(['engine-report-intro', 'engine-report-reason-proposed']);
    });

    it('a message naming no order and no problem gets the buyer’s orders to pick from', async () => {
      const w = await world();
      const amina = await w.user({ account: 'acc-amina' });
      await amina.text('bonjour, j’ai une question');
      expect(amina.ids()).toEqual(['buyer-flow-unclear', 'engine-report-which-order']);
      await amina.text('celle du pagne');
      expect(ordersNamed(amina)).toEqual([ELIGIBLE]);
      // Whatever the classifier makes of « celle du pagne », the reasons are one tap away.
      if (amina.ids().includes('engine-report-reason-proposed')) await amina.press('engine-choice-no-reason');
      expect(amina.ids()).toEqual(['engine-report-reason-pick']);
      // Every reason is a button, « where is it? » among them.
      expect(amina.last[0]!.choices!.map((c) => c.label.args?.reason).filter(Boolean)).toContain('delivery_question');
    });

    it('an order date none of hers has is said as a date, in her language (not « de commande 20 octobre »)', async () => {
      const w = await world();
      const amina = await w.user({ account: 'acc-amina' });
      await amina.text("bjr j'ai un souci avec ma commande du 20 octobre, toujours rien reçu");
      expect(amina.ids()).toEqual(['engine-report-intro', 'engine-report-order-unknown', 'engine-report-which-order']);
      expect(amina.read()).toContain('Je ne trouve pas de commande passée le 20 octobre 2026 à votre nom.');
      await amina.command('/lang en');
      await amina.command('/cancel');
      // A date still ahead this year is last year's.
      await amina.text('my order from December 24 never came');
      expect(amina.read()).toContain("I can't find an order placed on December 24, 2025 in your name.");
    });

    it('a stranger’s order gets exactly the answer of an order that does not exist', async () => {
      const w = await world();
      const amina = await w.user({ account: 'acc-amina' });
      const joelsOrder = DEMO_ORDERS.deliveredElsewhere;
      const answers: string[] = [];
      for (const ref of [joelsOrder, 'CC-9999']) {
        await amina.text(`ma commande ${ref} n'est jamais arrivée`);
        expect(amina.ids()).toEqual(['engine-report-intro', 'engine-report-order-unknown', 'engine-report-which-order']);
        answers.push(amina.read().replaceAll(ref, '<n>'));
        // Her own orders only, in the list.
        expect(amina.last[0]!.choices!.map((c) => c.label.args?.orderId)).not.toContain(joelsOrder);
        await amina.command('/cancel');
      }
      expect(answers[0]).toBe(answers[1]);
      // Mid-report too.
      await amina.text(`ma commande ${ELIGIBLE} n'est jamais arrivée`);
      await amina.text(`et ${joelsOrder.replace('-', '').toLowerCase()} ?`);
      expect(amina.ids()).toEqual(['engine-report-order-unknown', 'engine-report-which-order']);
      expect(amina.read()).not.toContain('Joël');
    });

    it('cases as people type them: /case 2, c2, C-000002, or the order it is on', async () => {
      const w = await world();
      const amina = await w.user({ account: 'acc-amina' });
      await openCase(w, ELIGIBLE, 'non_delivery');
      const second = await openCase(w, BAG, 'not_as_described');
      expect(second).toBe('C-000002');
      for (const arg of ['2', 'c2', 'C2', 'c-2', '#2', 'C-000002', BAG, 'cc1002', '1002']) {
        await amina.command(`/case ${arg}`);
        expect(amina.last[0]!.card?.caseId, `/case ${arg}`).toBe(second);
      }
      await amina.command('/close c2');
      // Closing asks for a confirmation first (money and closure only on purpose).
      expect((await w.store.load(second))!.status).toBe('open');
      await amina.press('engine-choice-confirm');
      expect((await w.store.load(second))!.status).toBe('closed');
      expect((await w.store.load('C-000001'))!.status).toBe('open');
    });
  });

  describe('3. three taps', () => {
    it('message, « Oui, c’est ça », « Ouvrir le litige maintenant »: the case is open, the first message as its description', async () => {
      const w = await world();
      const amina = await w.user({ account: 'acc-amina' });
      const first = `ma commande ${ELIGIBLE} n'est jamais arrivée`;
      await amina.text(first);
      await amina.press('engine-choice-yes-reason');
      // The seller-first advice and the eligibility are said, not imposed as steps.
      expect(amina.ids()).toEqual(['engine-report-eligible', 'engine-report-suggest-seller', 'buyer-flow-description-kept']);
      await amina.press('buyer-flow-choice-open-now');
      expect(amina.ids()).toEqual(['engine-report-opened', 'engine-report-next', 'buyer-flow-photos-after']);
      const c = (await w.store.load(amina.last[0]!.caseId!))!;
      expect(c).toMatchObject({ orderId: ELIGIBLE, reason: 'non_delivery', description: first, status: 'open' });
      // Photos after opening: the card's button.
      expect(buttons(amina.last)).toContain('engine-action-photo');
    });

    it('photos sent before opening are the case’s evidence, without an extra step', async () => {
      const w = await world();
      const amina = await w.user({ account: 'acc-amina' });
      await amina.text(`le sac ${BAG} ne correspond pas à la photo`);
      await amina.press('engine-choice-yes-reason');
      await amina.attach(photo(1));
      await amina.attach(photo(2));
      expect(amina.read()).toContain('2 fichiers ajoutés');
      await amina.press('buyer-flow-choice-open-now');
      const c = (await w.store.load(amina.last[0]!.caseId!))!;
      expect(c.timeline.filter((e) => e.type === 'evidence')).toHaveLength(2);
    });

    it('a question about delivery is answered with the order’s dates: before the estimate, the date; once late, a case', async () => {
      const w = await world();
      const amina = await w.user({ account: 'acc-amina' });
      await amina.command(`/report ${TOO_EARLY}`);
      await amina.press('engine-reason-choice', (c) => c.label.args?.reason === 'delivery_question');
      expect(amina.ids()).toEqual(['buyer-flow-delivery-expected', 'engine-report-offer-message']);
      expect(amina.read()).toContain(`Votre commande ${TOO_EARLY} est attendue le`);
      expect(buttons(amina.last)).toEqual(['engine-choice-message-seller', 'engine-choice-cancel']);

      await amina.command(`/report ${ELIGIBLE}`);
      await amina.press('engine-reason-choice', (c) => c.label.args?.reason === 'delivery_question');
      expect(amina.ids()).toEqual(['buyer-flow-delivery-late', 'engine-report-suggest-seller']);
      expect(amina.read()).toContain(`Votre commande ${ELIGIBLE} devait arriver le`);
      await amina.press('engine-choice-open-case');
      await amina.text('Toujours rien, le vendeur ne répond pas.');
      expect(amina.last[0]!.card).toMatchObject({ orderId: ELIGIBLE, reason: 'non_delivery' });
    });

    it('« quand est-ce que ma commande va arriver ? » typed: the dates at once, and once late a case in three actions', async () => {
      const w = await world();
      const amina = await w.user({ account: 'acc-amina' });
      await amina.text(`quand est-ce que ma commande ${TOO_EARLY} va arriver ?`);
      expect(amina.ids()).toEqual(['buyer-flow-delivery-expected', 'engine-report-offer-message']);
      expect(ordersNamed(amina)).toEqual([TOO_EARLY]);

      await amina.text(`when will order ${ELIGIBLE} arrive?`);
      // Amina's account is French: answered in French, with a one-tap offer in English (issue 16).
      expect(amina.ids()).toEqual(['buyer-flow-delivery-late', 'engine-report-suggest-seller', 'buyer-flow-description-kept', 'engine-lang-offer']);
      expect(ordersNamed(amina)).toEqual([ELIGIBLE]);
      await amina.press('buyer-flow-choice-open-now');
      expect(amina.last[0]!.card).toMatchObject({ orderId: ELIGIBLE, reason: 'non_delivery', status: 'open' });
    });

    it('no two steps of the buyer’s journey share a button label', async () => {
      const w = await world();
      const labels = new Map<string, Set<string>>();
      const note = async (s: Speaker) => {
        const step = await stepOf(w, s);
        for (const l of buttons(s.last)) labels.set(l, (labels.get(l) ?? new Set()).add(step));
      };
      const journeys: Array<(s: Speaker) => Promise<unknown>>[] = [
        [(s) => s.text("mon colis n'est jamais arrivé"), (s) => s.press('engine-order-choice', (c) => c.label.args?.orderId === ELIGIBLE), (s) => s.press('engine-choice-yes-reason'), (s) => s.press('buyer-flow-choice-edit-description'), (s) => s.text('Rien reçu.'), (s) => s.press('buyer-flow-choice-open-now')],
        [(s) => s.command('/report'), (s) => s.press('engine-order-choice', (c) => c.label.args?.orderId === BAG), (s) => s.press('engine-reason-choice', (c) => c.label.args?.reason === 'not_as_described'), (s) => s.press('engine-choice-open-case'), (s) => s.text('Le sac est vert.')],
        [(s) => s.text(`${TOO_EARLY} pas arrivée`), (s) => s.press('engine-choice-yes-reason'), (s) => s.text('hmm'), (s) => s.press('buyer-flow-choice-resume'), (s) => s.press('engine-choice-message-seller')],
        [(s) => s.text(`wrong size for ${DEMO_ORDERS.deliveredMatching}`), (s) => s.press('engine-choice-no-reason'), (s) => s.press('engine-reason-choice', (c) => c.label.args?.reason === 'return_request')],
      ];
      for (const journey of journeys) {
        const amina = await w.user({ account: 'acc-amina' });
        for (const act of journey) {
          await act(amina);
          await note(amina);
        }
      }
      const shared = [...labels].filter(([label, steps]) => label !== 'engine-choice-cancel' && steps.size > 1);
      expect(shared).toEqual([]);
      // The journeys did go through every step that shows buttons.
      const steps = new Set([...labels.values()].flatMap((s) => [...s]));
      expect([...steps].sort()).toEqual(expect.arrayContaining(['decide', 'order', 'reason', 'reason_pick', 'resume']));
    });
  });

  describe('5. long text refused, never cut', () => {
    it('13,000 characters: told the limit and the length, nothing stored, the report where it was', async () => {
      const w = await world();
      const amina = await w.user({ account: 'acc-amina' });
      const first = `ma commande ${ELIGIBLE} n'est jamais arrivée`;
      await amina.text(first);
      await amina.press('engine-choice-yes-reason');
      await amina.press('buyer-flow-choice-edit-description');
      const paste = 'Mon histoire. '.repeat(929).slice(0, 13_000);
      await amina.text(paste);
      expect(amina.ids()).toEqual(['error-text-too-long']);
      expect(amina.read()).toMatch(/12\s300 caractères au plus \(il en fait 13\s000\)\. Rien n’a été enregistré/);
      // Still asked for the description: the next message is it.
      await amina.text('Rien reçu.');
      expect(amina.read()).toContain('« Rien reçu. »');
      await amina.command('/cancel');

      await amina.text(paste);
      expect(amina.ids()).toEqual(['error-text-too-long']);
      await amina.command('/cancel');
      expect(amina.ids()).toEqual(['engine-nothing-to-cancel']);
      expect(await w.cases.list({ accountId: 'acc-amina', platform: 'telegram' }, 'mine')).toEqual([]);

      await amina.command('/lang en');
      await amina.text(paste);
      expect(amina.read()).toContain('This text is too long: 12,300 characters at most (it has 13,000). Nothing was saved');
    });
  });
});
