import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classifyProblem, findOrderIds, mentionsOffPlatform } from '../../../src/app/engine/intent.js';
import { findOrderRef } from '../../../src/app/engine/order-ref.js';
import { greetsOnly, typedAnswer } from '../../../src/app/engine/typed-answers.js';
import { createDemoMarketplace } from '../../../src/infra/demo-marketplace.js';
import { backendWorld } from './harness.js';

/**
 * What the fifth blind buyer probe (test/fixtures/buyer-conversations/probe-5.ts) found the bot missed, one behaviour
 * a test: long angry stories with the problem in the middle, curt statements, short answers in four languages, a
 * question in the middle of a report, two orders with two problems in one message, threats to take it outside.
 */

describe('the problem told in a long or curt message', () => {
  it('reads "nothing has arrived" as a non-delivery even after "they took the money the same day"', () => {
    expect(classifyProblem('Ordered the silk scarves a month ago, paid by card, they took the money the same day. NOTHING HAS ARRIVED. Not one scarf. I want my money back now.')).toBe('non_delivery');
  });

  it('reads « LES SANDALES. RIEN. ZÉRO. », « ne m’a rien envoyé », « toujours pas de boucles d’oreilles » as a non-delivery', () => {
    expect(classifyProblem('CC-1007 !!!! LES SANDALES. RIEN. ZÉRO. Ça fait presque un mois. Vous êtes des bandits. Je veux ouvrir un litige MAINTENANT.')).toBe('non_delivery');
    expect(classifyProblem("Bisou Créations ne m'a rien envoyé")).toBe('non_delivery');
    expect(classifyProblem("Toujours pas de boucles d'oreilles. Maintenant j'ouvre le litige.")).toBe('non_delivery');
    // Not an item: the seller's silence, the money.
    expect(classifyProblem('toujours pas de réponse du vendeur')).not.toBe('non_delivery');
  });

  it('reads « pas du tout celui de la photo, la couleur est différente » in a long complaint as not as described', () => {
    expect(
      classifyProblem(
        "Franchement je regrette d'avoir acheté chez vous. Le sac en raphia est enfin arrivé mais c'est pas du tout celui de la photo, la couleur est différente et c'est plus petit. Le vendeur est un menteur. Je veux mon argent.",
      ),
    ).toBe('not_as_described');
    expect(classifyProblem('bonjour madame monsieur le sac que jai recu nest pas celui que jai commande il est rouge alors que jai commande le naturel merci de regler ca')).toBe('not_as_described');
  });

  it('does not read « je n’ai jamais eu de problème avant » as a parcel that never came', () => {
    expect(
      classifyProblem("Je suis cliente depuis longtemps et je n'ai jamais eu de problème avant. J'ai reçu le colis du foulard en soie : c'est du polyester, pas de la soie, rien à voir avec les photos."),
    ).toBe('not_as_described');
  });

});

describe('short answers and greetings', () => {
  it('takes « eeh », « mm », « mmh » as a yes', () => {
    for (const t of ['eeh', 'Eeh', 'mm', 'mmh', 'ehh']) expect(typedAnswer(t), t).toBe('yes');
  });

  it('takes « hapana, achana nayo, zimefika sasa hivi » and « te, tika, ekomi sikoyo » as leaving the report (it came)', () => {
    expect(typedAnswer('hapana, achana nayo, zimefika sasa hivi')).toBe('cancel');
    expect(typedAnswer('te, tika, ekomi sikoyo')).toBe('cancel');
    // « ekomi te »: it has NOT come; not a reason to leave.
    expect(typedAnswer('tika, ekomi te')).not.toBe('cancel');
  });

  it('takes « ehe » as a yes, and « hapana, vimefika leo », « non laissez, elle vient d’arriver » as leaving (it came) (variants)', () => {
    expect(typedAnswer('ehe')).toBe('yes');
    expect(typedAnswer('hapana, vimefika leo')).toBe('cancel');
    expect(typedAnswer("non laissez, elle vient d'arriver")).toBe('cancel');
    expect(typedAnswer('non, elle vient d’arriver')).toBe('cancel');
    // A no that says it has not come is no leaving.
    expect(typedAnswer('hapana, havijafika')).not.toBe('cancel');
  });

    it('greets back « Habari za asubuhi »', () => {
    expect(greetsOnly('Habari za asubuhi')).toBe(true);
  });
});

describe('taking it outside', () => {
  it('reads Facebook, the police, asking for the seller’s number and « nakobenga ye » as going outside the messages', () => {
    expect(mentionsOffPlatform('JE VAIS TOUT METTRE SUR FACEBOOK !!! Le sac reçu est un faux')).toBe(true);
    expect(mentionsOffPlatform('Si ma chemise n’arrive pas je vais à la police')).toBe(true);
    expect(mentionsOffPlatform('Pesa ngai numero ya telefone ya vendeur, nakobenga ye')).toBe(true);
    expect(mentionsOffPlatform('Nakotia yango na Facebook soki bosali eloko te')).toBe(true);
    // The buyer's own number on the order is not contact with the seller.
    expect(mentionsOffPlatform('je veux changer le numero de telephone sur ma commande pour le livreur')).toBe(false);
  });
});

describe('items named in Swahili plurals', () => {
  it('finds the basket order from « vikapu » (plural of « kikapu »)', () => {
    const m = createDemoMarketplace(new Date('2026-11-01T00:00:00Z'));
    return m.ordersOfBuyer('acc-joel').then((orders) => {
      expect(findOrderRef('Vikapu vimefika sawa lakini sivitaki tena', orders, 'Africa/Lubumbashi')).toMatchObject({ kind: 'found', orderIds: ['CC-1006'] });
    });
  });
});

describe.each(['memory', 'redis'] as const)('a report in the middle (%s)', (kind) => {
  const world = backendWorld(kind, { beforeAll, afterAll });

  it('answers a question asked in the middle of a report and asks the same question again, the problem kept', async () => {
    const w = await world();
    const amina = await w.user({ account: 'acc-amina' });
    await amina.text("Ma chemise bogolan n'est pas arrivée");
    expect(amina.ids()).toContain('engine-report-reason-proposed');
    await amina.text('Le vendeur a combien de jours pour répondre ?');
    expect(amina.ids()).toEqual(['buyer-flow-how-it-works', 'engine-report-reason-proposed']);
    expect(amina.last.flatMap((o) => o.body).find((b) => b.id === 'engine-report-reason-proposed')!.args).toMatchObject({ reason: 'non_delivery', orderId: 'CC-1005' });
  });

  it('takes « d’accord, ouvrez le litige » to a proposed case reason as confirming it', async () => {
    const w = await world();
    const amina = await w.user({ account: 'acc-amina' });
    await amina.text("Ma chemise bogolan n'est pas arrivée");
    await amina.text("D'accord, ouvrez le litige");
    expect(amina.ids()).toContain('engine-report-eligible');
    expect(amina.ids()).not.toContain('buyer-flow-resume-offer');
  });

  it('keeps the problem when the order number is corrected with « pardon je me suis trompée »', async () => {
    const w = await world();
    const amina = await w.user({ account: 'acc-amina' });
    await amina.text("Commande CC-1002, le pagne n'est pas arrivé");
    await amina.text('Pardon je me suis trompée, c’est CC-1001');
    expect(amina.last.flatMap((o) => o.body).find((b) => b.id === 'engine-report-reason-proposed')?.args).toMatchObject({ reason: 'non_delivery', orderId: 'CC-1001' });
  });

  it('reports two orders with two different problems said in one message, each with its own problem', async () => {
    const w = await world();
    const amina = await w.user({ account: 'acc-amina' });
    await amina.text("Le pagne n'est jamais arrivé et le sac en raphia reçu n'est pas comme sur la photo");
    expect(amina.last.flatMap((o) => o.body).find((b) => b.id === 'engine-report-reason-proposed')?.args).toMatchObject({ reason: 'non_delivery', orderId: 'CC-1001' });
    await amina.press('engine-choice-yes-reason');
    await amina.press('buyer-flow-choice-open-now');
    expect(amina.ids()).toContain('engine-report-opened');
    const next = amina.last.flatMap((o) => o.body).find((b) => b.id === 'engine-report-reason-proposed');
    expect(next?.args).toMatchObject({ reason: 'not_as_described', orderId: 'CC-1002' });
    await amina.press('engine-choice-yes-reason');
    await amina.press('buyer-flow-choice-open-now');
    const cases = await w.cases.list({ accountId: 'acc-amina', platform: 'telegram' }, 'mine');
    expect(cases.map((c) => [c.orderId, c.reason, c.description]).sort()).toEqual([
      ['CC-1001', 'non_delivery', "Le pagne n'est jamais arrivé"],
      ['CC-1002', 'not_as_described', "le sac en raphia reçu n'est pas comme sur la photo"],
    ]);
    expect(findOrderIds(cases[0]!.description)).toEqual([]);
  });

  it('proposes a non-delivery on the baskets to « Vikapu vyangu havijafika » (Swahili, the vi- class), not « which problem? »', async () => {
    const w = await world();
    const joel = await w.user({ account: 'acc-joel' });
    await joel.text('Vikapu vyangu havijafika');
    expect(joel.last.flatMap((o) => o.body).find((b) => b.id === 'engine-report-reason-proposed')?.args).toMatchObject({ reason: 'non_delivery', orderId: 'CC-1006' });
  });

  it('proposes not as described on the baskets to « Kikapu kimoja kimevunjika » (Swahili, the ki- class: one broke) (variants)', async () => {
    const w = await world();
    const joel = await w.user({ account: 'acc-joel' });
    await joel.text('Kikapu kimoja kimevunjika');
    expect(joel.last.flatMap((o) => o.body).find((b) => b.id === 'engine-report-reason-proposed')?.args).toMatchObject({ reason: 'not_as_described', orderId: 'CC-1006' });
  });

    it('asks a buyer who threatens Facebook to keep it in messages, and still takes the report', async () => {
    const w = await world();
    const amina = await w.user({ account: 'acc-amina' });
    await amina.text("JE VAIS TOUT METTRE SUR FACEBOOK !!! Le sac en raphia reçu est un faux, pas du tout celui de l'annonce");
    expect(amina.ids()[0]).toBe('engine-keep-in-messages');
    expect(amina.ids()).toContain('engine-report-reason-proposed');
  });
});
