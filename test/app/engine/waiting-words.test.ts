import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backendWorld, type Speaker } from './harness.js';

/**
 * What a buyer writes while a case waits on the seller, outside its thread: thanks, « ok », « d'accord j'attends »,
 * « c quoi la suite ? », « vous allez me rembourser quand ? », « vous avez reçu mes photos ? ». They are said to the
 * bot: answered about the case, not met with « ce message n'est pas encore parti » and a button to send them to the
 * seller, nor read as a new problem (« je peux annuler le litige ? » was a cancellation asking which order).
 */
const said = (s: Speaker): string[] => s.ids().filter((id) => id !== 'engine-lang-offer');

describe.each(['memory', 'redis'] as const)('words while a case waits on the seller (%s)', (kind) => {
  const world = backendWorld(kind, { beforeAll, afterAll });

  async function withCase() {
    const w = await world();
    const amina = await w.user({ account: 'acc-amina' });
    await amina.text('ma commande CC-1001 n’est jamais arrivée');
    await amina.press('engine-choice-yes-reason');
    await amina.press('buyer-flow-choice-open-now');
    const [c] = await w.store.list({});
    return { w, amina, c: c! };
  }

  it('thanks, « ok » and « j’attends » get a short answer about the case; they stay one tap from the seller', async () => {
    const { w, amina, c } = await withCase();
    for (const words of ['ok', 'merci bcp pour votre aide', 'd’accord j’attends sa réponse', 'ok je patiente encore', 'nazali kozela', 'sawa nitasubiri']) {
      await amina.text(words);
      expect(said(amina), words).toEqual(['buyer-flow-case-wait']);
      expect(amina.read(), words).not.toContain('pas encore parti');
      expect(amina.last.flatMap((o) => o.choices ?? []).map((c) => c.label.id), words).toEqual(['engine-choice-send-to-seller']);
    }
    expect(amina.read()).toContain(c.id);
    await amina.text('merci beaucoup');
    expect(amina.read()).toMatch(/^Avec plaisir/);
    expect((await w.store.load(c.id))!.timeline.filter((e) => e.type === 'comment')).toHaveLength(0);
    // Thanks meant for the seller: one tap sends them.
    await amina.press('engine-choice-send-to-seller');
    expect(said(amina)).toEqual(['engine-done-comment']);
    expect((await w.store.load(c.id))!.timeline.filter((e) => e.type === 'comment').map((e) => (e as { text?: string }).text)).toEqual(['merci beaucoup']);
  });

  it('« c quoi la suite ? », « il a combien de temps pour répondre », « mon argent ? » say what comes next, with the date, and show the card', async () => {
    const { amina, c } = await withCase();
    for (const words of ['c quoi la suite ?', 'je dois faire quoi maintenant', 'il a combien de temps pour repondre', 'et s il repond pas ?', 'vous allez me rembourser quand ?', 'wapi pesa yangu', 'what now?', 'que va t-il se passer maintenant ?', 'what happens next?', 'nini kinafuata?', 'eloko nini ekolanda ?']) {
      await amina.text(words);
      expect(said(amina), words).toContain('buyer-flow-case-next');
    }
    await amina.text('c quoi la suite ?');
    expect(amina.read()).toContain('Le vendeur a jusqu’au 13 novembre 2026');
    expect(amina.read()).toContain(`Litige ${c.id}`);
  });

  it('after the seller’s time, « c quoi la suite ? » points to the escalate button', async () => {
    const { w, amina, c } = await withCase();
    w.clock.advance(Date.parse(c.escalatableAt) - w.clock.now().getTime() + 60_000);
    await amina.text('c quoi la suite ?');
    expect(said(amina)[0]).toBe('buyer-flow-case-next');
    expect(amina.read()).toContain('Le délai du vendeur est passé');
  });

  it('« vous avez reçu mes photos ? » shows the case card; « je peux annuler le litige ? » offers to close it', async () => {
    const { amina } = await withCase();
    await amina.text('j ai envoyé des photos hier vous les avez ?');
    expect(said(amina)).toEqual(['buyer-flow-case-under-way']);
    await amina.text('je peux annuler le litige ?');
    expect(said(amina)).toContain('engine-confirm-close');
    expect(said(amina)).not.toContain('engine-report-which-order');
  });
});
