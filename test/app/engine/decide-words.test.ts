import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ORDERS } from '../../../src/infra/demo-marketplace.js';
import { backendWorld, buttons, type Speaker } from './harness.js';

/**
 * What buyers answer, in words, to « vous pouvez ouvrir un litige … je vous conseille d'écrire d'abord au vendeur » with
 * its buttons: « il répond jamais, j'ai déjà essayé », « je veux juste mon argent », « écrivez-lui vous-même », « ça prend
 * combien de temps ? ». They got « reprendre ou laisser ? », or a new report proposing « demande de remboursement ».
 */
const { eligibleNonDelivery: WAX, eligibleNotAsDescribed: BAG } = DEMO_ORDERS;
const said = (s: Speaker): string[] => s.ids().filter((id) => id !== 'engine-lang-offer');
const actions = (s: Speaker) => buttons(s.last).filter((b) => !b.startsWith('engine-lang-offer'));

describe.each(['memory', 'redis'] as const)('words at the dates and choices of a case that can be opened (%s)', (kind) => {
  const world = backendWorld(kind, { beforeAll, afterAll });

  async function atChoices(first = `ma commande ${WAX} n'est jamais arrivée`) {
    const w = await world();
    const amina = await w.user({ account: 'acc-amina' });
    await amina.text(first);
    await amina.text('oui');
    expect(said(amina)).toContain('engine-report-suggest-seller');
    return { w, amina };
  }

  it.each(["il repond jamais ce vendeur, j'ai deja essayé", "j'ai déjà essayé", 'I already messaged him, no answer', 'nimeshamwandikia hajajibu', "he doesn't reply to my messages", 'the seller is not responding at all', 'il me ghost depuis une semaine'])(
    '« %s »: no need to wait, open it (the seller-first advice not repeated); the words join the description',
    async (typed) => {
      const { w, amina } = await atChoices();
      await amina.text(typed);
      expect(said(amina)[0], typed).toBe('buyer-flow-seller-tried');
      expect(said(amina)).not.toContain('engine-report-suggest-seller');
      expect(actions(amina)).toContain('buyer-flow-choice-open-now');
      await amina.press('buyer-flow-choice-open-now');
      const [c] = await w.store.list({});
      expect(c?.orderId).toBe(WAX);
      expect(c?.reason).toBe('non_delivery');
      if (typed.split(/\s+/).length >= 3) expect(c?.description).toContain(typed);
    },
  );

  it.each(['je veux juste mon argent', 'remboursez moi', 'I just want my money back'])('« %s »: the refund goes through the case (not a new report of a refund request)', async (typed) => {
    const { w, amina } = await atChoices();
    await amina.text(typed);
    expect(said(amina)[0], typed).toBe('buyer-flow-refund-by-case');
    await amina.press('buyer-flow-choice-open-now');
    expect((await w.store.list({}))[0]?.reason).toBe('non_delivery');
  });

  it('an item unlike its listing: « je veux être remboursée » keeps the reason, and the sentence reads right', async () => {
    const { amina } = await atChoices(`le sac ${BAG} ne ressemble pas du tout à la photo`);
    await amina.text('je veux être remboursée');
    expect(said(amina)[0]).toBe('buyer-flow-refund-by-case');
    expect(amina.read()).toContain('Pour ce problème (article non conforme à l\'annonce), le remboursement passe par le litige');
  });

  it.each(['ecrivez lui vous meme', 'dites-lui vous-même', 'can you message him for me'])('« %s » is the « Écrire au vendeur » button typed', async (typed) => {
    const { amina } = await atChoices();
    await amina.text(typed);
    expect(said(amina), typed).toEqual(['engine-report-ask-message']);
  });

  it('« ça prend combien de temps ? » is answered (the seller’s time, then support), and the choices stay', async () => {
    const { amina } = await atChoices();
    await amina.text('ça prend combien de temps ?');
    expect(said(amina)[0]).toBe('buyer-flow-how-it-works');
    expect(amina.read()).toMatch(/3\sjours/);
    expect(actions(amina)).toContain('buyer-flow-choice-open-now');
  });
});
