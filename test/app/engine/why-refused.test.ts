import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ORDERS } from '../../../src/infra/demo-marketplace.js';
import { backendWorld, buttons, type Speaker } from './harness.js';

/**
 * What buyers say right after the bot told them a case cannot be opened (too early, too late, not for this problem) or
 * advised the seller first: « pourquoi ? », "why not?", « kwa nini ? », « c pas juste ! », « je veux parler à un humain ».
 * They are said to the bot. They were met with « reprendre ou laisser ? », or, where the bot had just asked what to tell
 * the seller, sent to the seller as that message (« pourquoi je peux pas ouvrir un litige ? » reached the shop).
 */
const { eligibleNonDelivery: WAX, notYetEligible: EARRINGS, windowExpired: LAMP, eligibleNotAsDescribed: BAG } = DEMO_ORDERS;
const said = (s: Speaker): string[] => s.ids().filter((id) => id !== 'engine-lang-offer');

describe.each(['memory', 'redis'] as const)('why a case was refused, asked in words (%s)', (kind) => {
  const world = backendWorld(kind, { beforeAll, afterAll });

  async function refused(order: string, problem: string) {
    const w = await world();
    const amina = await w.user({ account: 'acc-amina' });
    await amina.text(problem);
    await amina.text('oui');
    return { w, amina };
  }

  it.each(['pourquoi ?', 'mais pourquoi ??', 'pk', 'why not?', 'kwa nini?', 'mpo na nini ?', "pourquoi je peux pas ouvrir un litige ?", 'c pas juste !!', "c pas juste j'ai payé 89 dollars", "ce n'est pas normal"])(
    'window closed: « %s » gets the rule with the order’s dates, and the seller still one tap away',
    async (typed) => {
      const { w, amina } = await refused(LAMP, `la lampe de ${LAMP} n'est jamais arrivée`);
      expect(said(amina)).toEqual(['engine-report-window-closed', 'engine-report-offer-message']);
      await amina.text(typed);
      expect(said(amina), typed).toEqual(['buyer-flow-why-window-closed']);
      expect(amina.read()).toMatch(/100\sjours/);
      expect(amina.read()).toContain('au 21 septembre 2026 inclus');
      // (« mpo na nini » in Lingala also brings the offer to speak Lingala.)
      expect(buttons(amina.last).filter((b) => !b.startsWith('engine-lang-offer'))).toEqual(['engine-choice-message-seller', 'engine-choice-cancel']);
      // The button still works: the report was not left.
      await amina.press('engine-choice-message-seller');
      expect(said(amina)).toEqual(['engine-report-ask-message']);
      expect(w.relayed).toHaveLength(0);
    },
  );

  it('too early: « pourquoi ? » says the order may still arrive, from when a case can be opened, and until when', async () => {
    const { amina } = await refused(EARRINGS, `les boucles d'oreilles de ${EARRINGS} sont pas encore arrivées`);
    expect(said(amina)[0]).toBe('engine-report-not-yet');
    await amina.text('pourquoi ?');
    expect(said(amina)).toEqual(['buyer-flow-why-not-yet']);
    expect(amina.read()).toMatch(/à partir du 17 novembre 2026, et jusqu’au 24 février 2027 inclus/);
    // A protest with the refund demanded is what a case would lead to: the same rule, not « autre problème ? ».
    await amina.text("c'est pas normal, je veux mon argent maintenant");
    expect(said(amina)).toEqual(['buyer-flow-why-not-yet']);
  });

  it.each(['quoi ??', 'what??', 'huh?', 'ah bon ?', 'c nul', "c'est nul", 'pfff', 'sérieux ?!', 'vous rigolez', 'seriously?'])(
    'too early: bewildered or fed up in a word (« %s »): the rule with the dates, the seller still one tap away, not « reprendre ou laisser ? »',
    async (typed) => {
      const { w, amina } = await refused(EARRINGS, `les boucles d'oreilles de ${EARRINGS} sont pas encore arrivées`);
      expect(said(amina)[0]).toBe('engine-report-not-yet');
      await amina.text(typed);
      expect(said(amina), typed).toEqual(['buyer-flow-why-not-yet']);
      expect(buttons(amina.last).filter((b) => !b.startsWith('engine-lang'))).toEqual(['engine-choice-message-seller', 'engine-choice-cancel']);
      expect(w.relayed).toHaveLength(0);
    },
  );

  it('where a case can be opened, « pourquoi ? » to « write to the seller first » says why, and opening stays one tap away', async () => {
    const { w, amina } = await refused(WAX, `ma commande ${WAX} n'est jamais arrivée`);
    await amina.text('pourquoi ?');
    expect(said(amina)[0]).toBe('buyer-flow-why-seller-first');
    expect(buttons(amina.last)).toContain('buyer-flow-choice-open-now');
    await amina.text("ok j'ouvre");
    expect(said(amina)[0]).toBe('engine-report-opened');
    expect(await w.store.list({})).toHaveLength(1);
  });

  it.each(['pourquoi ?', 'pourquoi je peux pas ouvrir un litige ?', "c'est pas normal", 'why not'])(
    'not a case reason: « %s » is answered, not sent to the seller; the message is asked again',
    async (typed) => {
      const { w, amina } = await refused(BAG, `le vendeur de la commande ${BAG} est très impoli avec moi`);
      expect(said(amina)).toContain('engine-report-ask-message');
      await amina.text(typed);
      expect(said(amina), typed).toEqual(['buyer-flow-why-not-a-case', 'engine-report-ask-message']);
      expect(w.relayed, typed).toHaveLength(0);
      // The message itself still goes.
      await amina.text("Vous m'avez mal parlé, je veux des excuses.");
      expect(said(amina)).toEqual(['engine-report-message-sent']);
      expect(w.relayed).toHaveLength(1);
    },
  );

  it('not a case reason: a protest with more to say is the buyer’s message to the seller, as asked', async () => {
    const { w, amina } = await refused(BAG, `le vendeur de la commande ${BAG} est très impoli avec moi`);
    await amina.text("c'est pas normal que vous soyez impoli, je veux des excuses");
    expect(said(amina)).toEqual(['engine-report-message-sent']);
    expect(w.relayed).toHaveLength(1);
  });

  it('« je veux parler à un humain » where the message for the seller is asked: answered, not sent; the question again', async () => {
    const { w, amina } = await refused(BAG, `le vendeur de la commande ${BAG} est très impoli avec moi`);
    await amina.text('je veux parler a un humain');
    expect(said(amina)).toEqual(['buyer-flow-person-report', 'engine-report-not-a-case', 'engine-shop-policy', 'engine-report-ask-message']);
    expect(w.relayed).toHaveLength(0);
  });

  it('« je veux parler à un humain » after the window closed: answered, and the dates and choices again (not « dites-moi ce qui ne va pas »)', async () => {
    const { amina } = await refused(LAMP, `la lampe de ${LAMP} n'est jamais arrivée`);
    await amina.text('je veux parler a un humain');
    expect(said(amina)).toEqual(['buyer-flow-person-report', 'engine-report-window-closed', 'engine-report-offer-message']);
    expect(buttons(amina.last)).toEqual(['engine-choice-message-seller', 'engine-choice-cancel']);
  });

  it('right after the message went to the seller, « pourquoi je peux pas ouvrir un litige ? » and « je veux parler à un humain » are answered about it', async () => {
    const { w, amina } = await refused(BAG, `le vendeur de la commande ${BAG} est très impoli avec moi`);
    await amina.text("Il m'a mal parlé quand j'ai demandé où en était ma commande.");
    expect(w.relayed).toHaveLength(1);
    for (const typed of ['pourquoi je peux pas ouvrir un litige ?', 'pourquoi ?']) {
      await amina.text(typed);
      // Was a new report proposing « autre problème » on the same order.
      expect(said(amina), typed).toEqual(['buyer-flow-after-message']);
      expect(amina.read()).toContain('un litige n’est possible que pour une commande non reçue ou non conforme');
    }
    await amina.text('je veux parler a un humain');
    // Was « dites-moi ce qui ne va pas avec votre commande », which the buyer had just done.
    expect(said(amina)).toEqual(['buyer-flow-person-no-case', 'buyer-flow-after-message']);
    expect(w.relayed).toHaveLength(1);
    expect(await w.store.list({})).toHaveLength(0);
  });
});
