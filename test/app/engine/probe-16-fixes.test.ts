import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ORDERS } from '../../../src/infra/demo-marketplace.js';
import { backendWorld, buttons, type Speaker, type World } from './harness.js';

/**
 * The defects the sixteenth probe (terse, impatient, emotional buyers: test/app/engine/probe-16.test.ts) found, each tested
 * in other words than the probe's: a one-word go-ahead where the case can be opened, « vas-y » and « mouais », a buyer calling
 * the bot (« hello?? », « 🙄 ») while it waits or after the case opened, the same report sent again, « pas celle-là » with one
 * other order, a « laisse tomber » taken back, « c tout ? » and « combien de temps » after the case opened.
 */

const { eligibleNonDelivery: WAX, eligibleNotAsDescribed: BAG, windowExpired: LAMP, deliveredMatching: SHIRT } = DEMO_ORDERS;

const proposed = (s: Speaker) => s.last.flatMap((o) => o.body).find((b) => b.id === 'engine-report-reason-proposed')?.args;
const casesOf = (w: World, account = 'acc-amina') => w.cases.list({ accountId: account, platform: 'telegram' }, 'mine');
const DECIDE = ['engine-report-eligible', 'engine-report-suggest-seller', 'buyer-flow-description-kept'];

/** The case's dates and choices for the bag (not as described), reached by buttons. */
async function atDecide(w: World): Promise<Speaker> {
  const amina = await w.user({ account: 'acc-amina' });
  await amina.text(`le sac ${BAG} ne ressemble pas du tout aux photos de l'annonce`);
  await amina.press('engine-choice-yes-reason');
  expect(amina.ids()).toEqual(DECIDE);
  return amina;
}

describe.each(['memory', 'redis'] as const)('sixteenth probe fixes: terse, impatient, emotional buyers (%s)', (kind) => {
  const world = backendWorld(kind, { beforeAll, afterAll });

  it.each(['yeah', 'bien sûr', 'ndio', 'Oui oui'])('« %s » alone where the case can be opened opens it', async (typed) => {
    const w = await world();
    const amina = await atDecide(w);
    await amina.text(typed);
    expect(amina.ids()).toContain('engine-report-opened');
    const [c] = await casesOf(w);
    expect(c).toMatchObject({ orderId: BAG, reason: 'not_as_described' });
    expect(c!.description).toContain('ressemble pas');
  });

  it("« d'accord » shows the choices again; « d'accord » right after is the go-ahead, a word in between is not", async () => {
    const w = await world();
    const amina = await atDecide(w);
    await amina.text("d'accord");
    expect(amina.ids()).toEqual(DECIDE);
    await amina.text("d'accord");
    expect(amina.ids()).toContain('engine-report-opened');

    const w2 = await world();
    const joel = await atDecide(w2);
    await joel.text('sawa');
    await joel.text('je réfléchis encore un peu');
    await joel.text('sawa');
    expect(await casesOf(w2)).toEqual([]);
  });

  it('« oui » where the window has closed opens nothing', async () => {
    const w = await world();
    const amina = await w.user({ account: 'acc-amina' });
    await amina.text(`la lampe ${LAMP} n'est jamais arrivée`);
    await amina.press('engine-choice-yes-reason');
    await amina.text('ouais');
    expect(await casesOf(w)).toEqual([]);
  });

  it('« allez-y » to a proposed problem confirms it, « go ahead » to the dates opens the case, « mouais » is a yes', async () => {
    const w = await world();
    const amina = await w.user({ account: 'acc-amina' });
    await amina.text(`la chemise ${SHIRT} toujours pas livrée`);
    expect(proposed(amina)).toMatchObject({ orderId: SHIRT, reason: 'non_delivery' });
    await amina.text('allez-y');
    expect(amina.ids()).toEqual(DECIDE);
    await amina.text('go ahead');
    expect((await casesOf(w)).map((c) => c.orderId)).toEqual([SHIRT]);

    const w2 = await world();
    const other = await w2.user({ account: 'acc-amina' });
    await other.text(`la chemise ${SHIRT} toujours pas livrée`);
    await other.text('mouais');
    expect(other.ids()).toEqual(DECIDE);
  });

  it.each(['répondez ???', '🙄', "y a quelqu'un ?", '....'])('« %s » while a problem is proposed asks it again, not « reprendre ou laisser ? »', async (typed) => {
    const w = await world();
    const amina = await w.user({ account: 'acc-amina' });
    await amina.text(`le pagne ${WAX} jamais reçu`);
    await amina.text(typed);
    expect(amina.ids()).not.toContain('buyer-flow-resume-offer');
    expect(proposed(amina)).toMatchObject({ orderId: WAX, reason: 'non_delivery' });
    await amina.press('engine-choice-yes-reason');
    await amina.text(typed);
    expect(amina.ids()).toEqual(DECIDE);
    expect(amina.ids()).not.toContain('buyer-flow-resume-offer');
  });

  it('« ?? » where the message for the seller is asked is not sent to him: the question again', async () => {
    const w = await world();
    const amina = await w.user({ account: 'acc-amina' });
    await amina.text(`le pagne ${WAX} jamais reçu`);
    await amina.press('engine-choice-yes-reason');
    await amina.press('engine-choice-message-seller');
    expect(amina.ids()).toContain('engine-report-ask-message');
    await amina.text('??');
    expect(w.relayed).toEqual([]);
    expect(amina.ids()).toContain('engine-report-ask-message');
  });

  it.each(['je fais quoi maintenant ?', 'what now?', 'nifanye nini?'])('« %s » where the case can be opened: how it goes from here, and the same choices', async (typed) => {
    const w = await world();
    const amina = await atDecide(w);
    await amina.text(typed);
    expect(amina.ids()).toEqual(['buyer-flow-how-it-works', ...DECIDE]);
    expect(await casesOf(w)).toEqual([]);
  });

  it('the same order and problem written again where the case can be opened: the dates and choices, not « reprendre ou laisser ? »', async () => {
    const w = await world();
    const amina = await w.user({ account: 'acc-amina' });
    await amina.text(`${WAX} rien reçu`);
    await amina.press('engine-choice-yes-reason');
    await amina.text(`${WAX} rien reçu`);
    expect(amina.ids()).not.toContain('buyer-flow-resume-offer');
    expect(buttons(amina.last)).toContain('buyer-flow-choice-open-now');
  });

  it('« pas celle-là » when the buyer has one other order: the problem proposed on it, not a list of one', async () => {
    const w = await world();
    const joel = await w.user({ account: 'acc-joel' });
    await joel.text('CC-1007 toujours rien reçu');
    expect(proposed(joel)).toMatchObject({ orderId: 'CC-1007' });
    await joel.text('pas celle-là');
    expect(proposed(joel)).toMatchObject({ orderId: 'CC-1006', reason: 'non_delivery' });
  });

  it('« annuler » taken back (« finalement si », "actually yes", « en fait si, vas-y »): the report where it was', async () => {
    const w = await world();
    const amina = await w.user({ account: 'acc-amina' });
    await amina.text(`le pagne ${WAX} jamais reçu`);
    await amina.text('annuler');
    expect(amina.ids()).toEqual(['engine-cancelled']);
    await amina.text('finalement si');
    expect(proposed(amina)).toMatchObject({ orderId: WAX, reason: 'non_delivery' });
    await amina.press('engine-choice-yes-reason');
    await amina.press('engine-choice-cancel');
    await amina.text('actually yes');
    expect(amina.ids()).toEqual(DECIDE);
    await amina.text('stop');
    await amina.text('en fait si, vas-y');
    expect((await casesOf(w)).map((c) => c.orderId)).toEqual([WAX]);
  });

  it.each(['reprendre', 'hapana, endelea', 'non, continuez'])('« acha » then « %s »: the report left is back, its problem proposed again', async (typed) => {
    const w = await world();
    const amina = await w.user({ account: 'acc-amina' });
    await amina.text(`le sac ${BAG} si kama kwenye picha`);
    expect(proposed(amina)).toMatchObject({ orderId: BAG, reason: 'not_as_described' });
    await amina.text('acha');
    await amina.text(typed);
    expect(proposed(amina)).toMatchObject({ orderId: BAG, reason: 'not_as_described' });
  });

  it('« bah laisse » leaves; taken back eleven minutes later, it is a new message, not the old report', async () => {
    const w = await world();
    const amina = await w.user({ account: 'acc-amina' });
    await amina.text(`le pagne ${WAX} jamais reçu`);
    await amina.text('bah laisse');
    expect(amina.ids()).toContain('engine-cancelled');
    w.clock.advance(11 * 60 * 1000);
    await amina.text('finalement si');
    expect(proposed(amina)).toBeUndefined();
  });

  it.each([
    ["t'es là ??", 'buyer-flow-after-message'],
    ['🙄', 'buyer-flow-after-message'],
    ['hello??', 'buyer-flow-after-message'],
    ["d'accord", 'buyer-flow-wait-seller'],
  ])('« %s » right after a message went to the seller: where that message stands, nothing more sent to him', async (typed, answer) => {
    const w = await world();
    const amina = await w.user({ account: 'acc-amina' });
    await amina.text(`le pagne ${WAX} jamais reçu`);
    await amina.press('engine-choice-yes-reason');
    await amina.press('engine-choice-message-seller');
    await amina.text('Bonjour, mon pagne est-il parti ?');
    expect(w.relayed).toHaveLength(1);
    await amina.text(typed);
    expect(w.relayed).toHaveLength(1);
    expect(amina.ids()).toEqual([answer]);
  });

  it.each(['idem pour la 1005', 'la 1005 pareil', 'na 1005 pia'])('« %s » right after a case opened: the same problem proposed on that order, its description asked', async (typed) => {
    const w = await world();
    const amina = await w.user({ account: 'acc-amina' });
    await amina.text(`le pagne ${WAX} jamais reçu`);
    await amina.press('engine-choice-yes-reason');
    await amina.press('buyer-flow-choice-open-now');
    await amina.text(typed);
    expect(proposed(amina)).toMatchObject({ orderId: SHIRT, reason: 'non_delivery' });
    await amina.press('engine-choice-yes-reason');
    await amina.press('engine-choice-open-case');
    expect(amina.ids()).toContain('engine-report-ask-description');
  });

  it.each(['changer la description', 'edit', 'modifie'])('« %s » where the case can be opened asks for the new description, as its button does', async (typed) => {
    const w = await world();
    const amina = await atDecide(w);
    await amina.text(typed);
    expect(amina.ids()).toEqual(['engine-report-ask-description']);
  });

  it.each(['ouvrez vite', 'open it now quickly', 'fungua haraka'])('« %s » where the case can be opened opens it', async (typed) => {
    const w = await world();
    const amina = await atDecide(w);
    await amina.text(typed);
    expect((await casesOf(w)).map((c) => c.orderId)).toEqual([BAG]);
  });

  it.each(["je vais porter plainte, où est mon colis ? c'est la 1005", "I'll report you. where's my stuff? order 1005"])(
    '« %s »: the threat around it leaves the question of where the late order is, answered with its dates',
    async (typed) => {
      const w = await world();
      const amina = await w.user({ account: 'acc-amina' });
      await amina.text(typed);
      const p = proposed(amina);
      expect(p?.reason).not.toBe('other');
      expect(amina.ids().includes('buyer-flow-delivery-late') || p?.reason === 'non_delivery').toBe(true);
    },
  );

  it.each(['hello ??', 'y a quelqu’un', '😤', 'c tout ?', 'ça prend combien de temps ?'])(
    '« %s » once the case is open: what comes next with the case, nothing offered to the seller',
    async (typed) => {
      const w = await world();
      const amina = await w.user({ account: 'acc-amina' });
      await amina.text(`le pagne ${WAX} jamais reçu`);
      await amina.press('engine-choice-yes-reason');
      await amina.press('buyer-flow-choice-open-now');
      await amina.text(typed);
      expect(amina.ids()).toEqual(['buyer-flow-case-next']);
      expect(buttons(amina.last)).not.toContain('engine-choice-send-to-seller');
      expect(w.relayed).toEqual([]);
    },
  );
});
