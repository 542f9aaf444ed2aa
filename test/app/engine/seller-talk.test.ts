import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatMoney } from '../../../src/app/format.js';
import { backendWorld, buttons, openCase, type Speaker, type World } from './harness.js';

/**
 * What sellers and support type instead of pressing a button, written the way they write (found by talking to
 * the engine as they do, « seller talk »): amounts with their currency or « 5k » or « 50% », support naming a case
 * by its order, a seller announcing a refund or a tracking number in words, a seller writing outside any case.
 */

const cdf = (amount: number, lang = 'fr') => formatMoney({ amount, currency: 'CDF' }, lang);
/** Comments the buyer was sent on a case. */
const toBuyer = async (w: World, caseId: string) =>
  (await w.outbox(caseId)).filter((n) => 'accountId' in n.to && n.to.accountId === 'acc-amina' && n.body[0]!.id === 'notify-comment').map((n) => n.body[0]!.args!.text);

/** The seller in a private chat, and the case whose relayed message (message 700 there) they can reply to. */
async function sellerOnCase(w: World, orderId = 'CC-1001'): Promise<{ seller: Speaker; caseId: string }> {
  const caseId = await openCase(w, orderId, 'non_delivery');
  await w.threads.rememberMessage('telegram', 'dm-bisou', '700', caseId);
  const seller = await w.user({ account: 'acc-bisou', userId: 'bisou', conversationId: 'dm-bisou' });
  return { seller, caseId };
}
const REPLY = { replyToMessageId: '700' };

describe.each(['memory', 'redis'] as const)('what sellers and support type (%s)', (kind) => {
  const world = backendWorld(kind, { beforeAll, afterAll });

  describe('amounts as people type them', () => {
    it.each(['5000 USD', '5 000 $', '50 euros'])('`/refund <id> %s` on an order in CDF is refused for its currency, never read as CDF', async (typed) => {
      const w = await world();
      const { seller, caseId } = await sellerOnCase(w);
      await seller.command(`/refund ${caseId} ${typed}`);
      expect(seller.ids()).toEqual(['error-currency-mismatch']);
      expect(seller.read()).toContain('CDF');
      expect(buttons(seller.last)).toEqual([]);
    });

    it.each([
      ['5k', 500_000],
      ['5 mille', 500_000],
      ['2,5k', 250_000],
      ['5 000 FC', 500_000],
      ['FC 5000', 500_000],
      ['5.000 francs', 500_000],
      ['50%', 2_500_000],
      ['la moitié', 2_500_000],
      ['cinq mille', 500_000],
      ['dix mille francs', 1_000_000],
      ['mille cinq cents', 150_000],
      ['five thousand', 500_000],
    ])('`/refund <id> %s` proposes the amount meant', async (typed, minor) => {
      const w = await world();
      const { seller, caseId } = await sellerOnCase(w);
      await seller.command(`/refund ${caseId} ${typed}`);
      expect(seller.ids()).toEqual(['engine-confirm-refund']);
      expect(seller.read()).toContain(`Rembourser ${cdf(minor)} à l’acheteur`);
    });

    it.each(['5000 bananes', '-5', '0', '150%', 'cinq bananes'])('`/refund <id> %s` is refused as no amount, nothing proposed', async (typed) => {
      const w = await world();
      const { seller, caseId } = await sellerOnCase(w);
      await seller.command(`/refund ${caseId} ${typed}`);
      expect(seller.ids()).toEqual(['error-invalid-amount']);
      expect((await w.store.load(caseId))!.refunded.amount).toBe(0);
    });

    it('asked the amount of a partial refund, « 50% » and « 5k » are amounts; « 10 dollars » is refused for its currency and the question stays', async () => {
      const w = await world();
      const { seller, caseId } = await sellerOnCase(w);
      await seller.command(`/case ${caseId}`);
      await seller.press('engine-action-refund-partial');
      await seller.text('10 dollars');
      expect(seller.ids()).toEqual(['error-currency-mismatch']);
      await seller.text('50%');
      expect(seller.ids()).toEqual(['engine-confirm-refund']);
      expect(seller.read()).toContain(`Rembourser ${cdf(2_500_000)}`);
      await seller.press('engine-choice-confirm');
      expect((await w.store.load(caseId))!).toMatchObject({ status: 'open', refunded: { amount: 2_500_000 } });
    });
  });

  describe('support names a case by its order', () => {
    it.each(['CC-1001', 'cc1001', 'cc 1001'])('`/case %s` in the staff channel shows the case on that order', async (typed) => {
      const w = await world();
      const caseId = await openCase(w, 'CC-1001', 'non_delivery');
      const staff = await w.user({ account: 'acc-support-1', userId: 'sup', conversationId: 'staff', isPrivate: false, isStaffChannel: true });
      await staff.command(`/case ${typed}`);
      expect(staff.ids()[0]).toBe('engine-timeline-title');
      expect(staff.last.at(-1)!.card).toMatchObject({ caseId, viewerRole: 'support' });
    });

    it('`/case 1001` (the order’s digits without its prefix) in the staff channel shows the case on CC-1001; `/note 1001 …` acts on it', async () => {
      const w = await world();
      await openCase(w, 'CC-1002', 'non_delivery');
      const caseId = await openCase(w, 'CC-1001', 'non_delivery');
      const staff = await w.user({ account: 'acc-support-1', userId: 'sup', conversationId: 'staff', isPrivate: false, isStaffChannel: true });
      await staff.command('/case 1001');
      expect(staff.ids()[0]).toBe('engine-timeline-title');
      expect(staff.last.at(-1)!.card).toMatchObject({ caseId, orderId: 'CC-1001', viewerRole: 'support' });
      await staff.command('/note 1001 vendeur injoignable');
      expect(staff.ids()).toEqual(['engine-done-note']);
      expect((await w.store.load(caseId))!.timeline.at(-1)).toMatchObject({ type: 'note', text: 'vendeur injoignable' });
    });

    it('`/case 1001` finds the case on CC-1001 once it is closed, with no case under way', async () => {
      const w = await world();
      const caseId = await openCase(w, 'CC-1001', 'non_delivery');
      await w.cases.act({ accountId: 'acc-amina', platform: 'telegram' }, caseId, { type: 'BuyerClose' });
      const staff = await w.user({ account: 'acc-support-1', userId: 'sup', conversationId: 'staff', isPrivate: false, isStaffChannel: true });
      await staff.command('/case 1001');
      expect(staff.ids()[0]).toBe('engine-timeline-title');
      expect(staff.last.at(-1)!.card).toMatchObject({ caseId, orderId: 'CC-1001', status: 'closed' });
    });

    it('`/case 001` that several cases could be (the case on CC-1001, case number 1) offers them as buttons, each showing its case', async () => {
      const w = await world();
      const first = await openCase(w, 'CC-1002', 'non_delivery');
      const onOrder = await openCase(w, 'CC-1001', 'non_delivery');
      expect(first).toBe('C-000001');
      const staff = await w.user({ account: 'acc-support-1', userId: 'sup', conversationId: 'staff', isPrivate: false, isStaffChannel: true });
      await staff.command('/case 001');
      expect(staff.ids()).toEqual(['engine-which-case']);
      expect(staff.last[0]!.choices!.map((c) => c.label.args?.caseId).sort()).toEqual([first, onOrder].sort());
      await staff.press('engine-case-choice', (c) => c.label.args?.caseId === onOrder);
      expect(staff.last.at(-1)!.card).toMatchObject({ caseId: onOrder, orderId: 'CC-1001' });
    });

    it('`/case 1009`, the digits of no order with a case, is answered as before: no such case', async () => {
      const w = await world();
      await openCase(w, 'CC-1001', 'non_delivery');
      const staff = await w.user({ account: 'acc-support-1', userId: 'sup', conversationId: 'staff', isPrivate: false, isStaffChannel: true });
      await staff.command('/case 1009');
      expect(staff.ids()).toEqual(['error-case-not-found']);
    });

    it('`/decide CC-1001 vendeur` and `/note cc-1001 …` act on the case on that order', async () => {
      const w = await world();
      const caseId = await openCase(w, 'CC-1001', 'non_delivery');
      const staff = await w.user({ account: 'acc-support-1', userId: 'sup', conversationId: 'staff', isPrivate: false, isStaffChannel: true });
      await staff.command('/note cc-1001 vendeur injoignable');
      expect(staff.ids()).toEqual(['engine-done-note']);
      await staff.command('/escalate CC-1001 inactivité');
      await staff.command('/decide CC-1001 vendeur');
      expect(staff.ids()).toEqual(['engine-confirm-decide']);
      expect(staff.last[0]!.caseId).toBe(caseId);
    });
  });

  describe('a seller announcing in words what a button does', () => {
    it.each([
      ['je rembourse 5000', 500_000],
      ['ok je te rembourse 5 000 fc demain', 500_000],
      ['je vais vous rembourser la moitié', 2_500_000],
      ['je vais rembourser', 5_000_000],
      ['nakozongisa mbongo 5000', 500_000],
    ])('« %s » in the case reaches the buyer, and the refund itself waits for a confirmation', async (typed, minor) => {
      const w = await world();
      const { seller, caseId } = await sellerOnCase(w);
      await seller.text(typed, REPLY);
      expect(seller.ids().filter((id) => id !== 'engine-lang-offer')).toEqual(['engine-done-comment', 'engine-words-refund', 'engine-confirm-refund']);
      expect(seller.read()).toContain(`Rembourser ${cdf(minor)}`);
      expect(await toBuyer(w, caseId)).toEqual([typed]);
      expect((await w.store.load(caseId))!.refunded.amount).toBe(0);
      await seller.press('engine-choice-confirm');
      expect((await w.store.load(caseId))!.refunded.amount).toBe(minor);
    });

    it('"refund 50%" in English: the confirmation is in English, for half the order', async () => {
      const w = await world();
      const { seller } = await sellerOnCase(w);
      await seller.command('/lang en');
      await seller.text('refund 50%', REPLY);
      expect(seller.read()).toContain('writing "refund" does not refund the buyer');
      expect(seller.read()).toContain(`Refund ${cdf(2_500_000, 'en')} to the buyer`);
    });

    it.each(['je ne rembourserai pas', 'pas de remboursement sans retour', "I won't refund", 'avez-vous été remboursé ?', 'je rembourse 5000 USD', 'je rembourse 90000'])(
      '« %s » is only a message: no refund offered',
      async (typed) => {
        const w = await world();
        const { seller, caseId } = await sellerOnCase(w);
        await seller.text(typed, REPLY);
        expect(seller.ids().filter((id) => id !== 'engine-lang-offer')).toEqual(['engine-done-comment']);
        expect(await toBuyer(w, caseId)).toEqual([typed]);
      },
    );

    it('« voici le suivi DHL 1234567890 » reaches the buyer and offers to add the tracking, once', async () => {
      const w = await world();
      const { seller, caseId } = await sellerOnCase(w);
      await seller.text('voici le suivi DHL 1234567890', REPLY);
      expect(seller.ids()).toEqual(['engine-done-comment', 'engine-words-tracking']);
      expect(buttons(seller.last)).toEqual(['engine-choice-add-tracking']);
      expect(seller.last.flatMap((o) => o.choices ?? [])[0]!.label.args).toEqual({ carrier: 'DHL', number: '1234567890' });
      const token = seller.token('engine-choice-add-tracking');
      expect((await w.store.load(caseId))!.timeline.some((e) => e.type === 'tracking')).toBe(false);
      await seller.pressToken(token);
      expect(seller.ids()[0]).toBe('engine-done-tracking');
      await seller.pressToken(token);
      expect(seller.ids()).toEqual(['error-action-used']);
      expect((await w.store.load(caseId))!.timeline.filter((e) => e.type === 'tracking')).toMatchObject([{ carrier: 'DHL', number: '1234567890' }]);
    });

    it('the buyer writing « rembourser » is offered nothing of the seller’s', async () => {
      const w = await world();
      const caseId = await openCase(w, 'CC-1001', 'non_delivery');
      await w.threads.rememberMessage('telegram', 'dm-amina', '9', caseId);
      const amina = await w.user({ account: 'acc-amina', userId: 'amina', conversationId: 'dm-amina' });
      await amina.text('remboursez-moi 5000 svp', { replyToMessageId: '9' });
      expect(amina.ids()).toEqual(['engine-done-comment']);
    });
  });

  describe('a seller writing outside any case', () => {
    it('with one case: nothing is sent until « Envoyer à l’acheteur », which sends it once; the case is shown', async () => {
      const w = await world();
      const { seller, caseId } = await sellerOnCase(w);
      await seller.text('bjr le colis est parti hier');
      expect(seller.ids()[0]).toBe('engine-seller-words-not-sent');
      expect(seller.read()).toContain('Ce message n’est parti nulle part');
      expect(seller.last.at(-1)!.card).toMatchObject({ caseId, viewerRole: 'seller' });
      expect(await toBuyer(w, caseId)).toEqual([]);
      const send = seller.token('engine-choice-send-to-buyer');
      await seller.pressToken(send);
      expect(seller.ids()).toEqual(['engine-done-comment']);
      expect(await toBuyer(w, caseId)).toEqual(['bjr le colis est parti hier']);
      await seller.pressToken(send);
      expect(seller.ids()).toEqual(['error-action-used']);
      expect(await toBuyer(w, caseId)).toEqual(['bjr le colis est parti hier']);
    });

    it('with two cases: one button per case, and the words reach the buyer of the one chosen', async () => {
      const w = await world();
      const { seller } = await sellerOnCase(w);
      const joel = await openCase(w, 'CC-1006', 'non_delivery', 'acc-joel');
      await seller.command('/lang en');
      await seller.text('what is this dispute about?');
      expect(seller.ids()[0]).toBe('seller-outside-cases');
      expect(seller.read()).toContain('Your 2 open cases');
      expect(seller.ids()).toContain('seller-outside-send-offer');
      await seller.press('engine-choice-send-to-buyer', (c) => c.label.args?.caseId === joel);
      const toJoel = (await w.outbox(joel)).filter((n) => 'accountId' in n.to && n.to.accountId === 'acc-joel').map((n) => n.body[0]!.args?.text);
      expect(toJoel).toContain('what is this dispute about?');
    });

    it('« je vous rembourse 5000 » written outside any case: once sent with « Envoyer à l’acheteur », the refund is offered', async () => {
      const w = await world();
      const { seller, caseId } = await sellerOnCase(w);
      await seller.text('je vous rembourse 5000');
      expect(seller.ids()[0]).toBe('engine-seller-words-not-sent');
      await seller.press('engine-choice-send-to-buyer');
      expect(seller.ids()).toEqual(['engine-done-comment', 'engine-words-refund', 'engine-confirm-refund']);
      expect(await toBuyer(w, caseId)).toEqual(['je vous rembourse 5000']);
      expect(seller.read()).toContain(`Rembourser ${cdf(500_000)}`);
    });

    it('a pressed « Envoyer » after the case closed sends nothing and says why', async () => {
      const w = await world();
      const { seller, caseId } = await sellerOnCase(w);
      await seller.text('je regarde ça');
      const send = seller.token('engine-choice-send-to-buyer');
      await w.cases.act({ accountId: 'acc-amina', platform: 'telegram' }, caseId, { type: 'BuyerClose' });
      await seller.pressToken(send);
      expect(seller.ids()).toEqual(['engine-stale-button']);
      expect(await toBuyer(w, caseId)).toEqual([]);
    });
  });
});

describe.each(['memory', 'redis'] as const)('seller commands where the case goes without saying (%s)', (kind) => {
  const world = backendWorld(kind, { beforeAll, afterAll });

  it.each([
    ['/refund 5000', 500_000],
    ['/refund 5 000 FC', 500_000],
    ['/refund 50%', 2_500_000],
    ['/refund', 5_000_000],
    ['/refund C-000001 5000', 500_000],
  ])('`%s` replied to the case’s message is a refund on that case', async (line, minor) => {
    const w = await world();
    const { seller, caseId } = await sellerOnCase(w);
    await seller.command(line, REPLY);
    expect(seller.ids()).toEqual(['engine-confirm-refund']);
    expect(seller.last[0]!.caseId).toBe(caseId);
    expect(seller.read()).toContain(`Rembourser ${cdf(minor)}`);
  });

  it('`/refund 5000` outside any case, one case under way: 5 000 on that case; `/refund 1` is still case 1 in full', async () => {
    const w = await world();
    const { seller, caseId } = await sellerOnCase(w);
    await seller.command('/refund 5000');
    expect(seller.ids()).toEqual(['engine-confirm-refund']);
    expect(seller.last[0]!.caseId).toBe(caseId);
    expect(seller.read()).toContain(`Rembourser ${cdf(500_000)} à l’acheteur dans le litige ${caseId}`);
    await seller.command('/refund 1');
    expect(seller.read()).toContain(`Rembourser ${cdf(5_000_000)} à l’acheteur dans le litige ${caseId}`);
  });

  it('`/refund 5000` outside any case with two cases under way names no case: nothing proposed', async () => {
    const w = await world();
    const { seller } = await sellerOnCase(w);
    await openCase(w, 'CC-1006', 'non_delivery', 'acc-joel');
    await seller.command('/refund 5000');
    expect(seller.ids()).toEqual(['error-case-not-found']);
  });

  it('`/case` alone shows the case replied to, else the only case under way; with several, the list to pick from', async () => {
    const w = await world();
    const { seller, caseId } = await sellerOnCase(w);
    await seller.command('/case');
    expect(seller.last.at(-1)!.card).toMatchObject({ caseId, viewerRole: 'seller' });
    const joel = await openCase(w, 'CC-1006', 'non_delivery', 'acc-joel');
    await seller.command('/case');
    expect(seller.ids()[0]).toBe('engine-cases-title');
    expect(seller.last[0]!.choices!.map((c) => c.label.args?.caseId).sort()).toEqual([caseId, joel].sort());
    await w.threads.rememberMessage('telegram', 'dm-bisou', '701', joel);
    await seller.command('/case', { replyToMessageId: '701' });
    expect(seller.last.at(-1)!.card).toMatchObject({ caseId: joel });
  });

  it('a seller’s `/escalate` says only the buyer escalates, and asks what to tell support instead', async () => {
    const w = await world();
    const { seller, caseId } = await sellerOnCase(w);
    await seller.command(`/escalate ${caseId}`);
    expect(seller.ids()).toEqual(['engine-seller-escalate', 'engine-ask-support']);
    await seller.text('L’acheteur ne répond plus depuis une semaine.');
    expect(seller.ids()).toEqual(['engine-done-support-requested']);
    const c = (await w.store.load(caseId))!;
    expect(c.status).toBe('open');
    expect(c.timeline.at(-1)).toMatchObject({ type: 'support_requested', text: 'L’acheteur ne répond plus depuis une semaine.' });
  });
});

describe.each(['memory', 'redis'] as const)('a question for an amount or a tracking number does not swallow a message (%s)', (kind) => {
  const world = backendWorld(kind, { beforeAll, afterAll });

  it('asked the amount, the seller replies to the buyer’s message instead: the question is left, the message reaches the buyer', async () => {
    const w = await world();
    const { seller, caseId } = await sellerOnCase(w);
    await seller.command(`/case ${caseId}`);
    await seller.press('engine-action-refund-partial');
    await seller.text('le colis est parti hier, patientez svp', REPLY);
    expect(seller.ids()).toEqual(['engine-step-left', 'engine-done-comment']);
    expect(seller.read()).toContain('aucun remboursement n’a été fait');
    expect(await toBuyer(w, caseId)).toEqual(['le colis est parti hier, patientez svp']);
    // The next amount-looking words are not taken as the forgotten question's answer.
    await seller.text('5000', REPLY);
    expect(seller.ids()).toEqual(['engine-done-comment']);
    expect((await w.store.load(caseId))!.refunded.amount).toBe(0);
  });

  it('asked the amount, « la moitié » and « beaucoup » still answer it (an amount, or a refusal that keeps the question)', async () => {
    const w = await world();
    const { seller, caseId } = await sellerOnCase(w);
    await seller.command(`/case ${caseId}`);
    await seller.press('engine-action-refund-partial');
    await seller.text('beaucoup');
    expect(seller.ids()).toEqual(['error-invalid-amount']);
    await seller.text('la moitié du montant');
    expect(seller.ids()).toEqual(['engine-confirm-refund']);
  });

  it('asked the amount, « vingt mille francs » (three words, no digit) is the amount in words, not a sentence that leaves the question', async () => {
    const w = await world();
    const { seller, caseId } = await sellerOnCase(w);
    await seller.command(`/case ${caseId}`);
    await seller.press('engine-action-refund-partial');
    await seller.text('vingt mille francs');
    expect(seller.ids()).toEqual(['engine-confirm-refund']);
    expect(seller.read()).toContain(`Rembourser ${cdf(2_000_000)}`);
    await seller.press('engine-choice-confirm');
    expect((await w.store.load(caseId))!.refunded.amount).toBe(2_000_000);
  });

  it('asked the tracking number, a sentence without one leaves the question', async () => {
    const w = await world();
    const { seller, caseId } = await sellerOnCase(w);
    await seller.command(`/case ${caseId}`);
    await seller.press('engine-action-tracking');
    await seller.text('je n’ai pas encore le numéro, je reviens', REPLY);
    expect(seller.ids()).toEqual(['engine-step-left', 'engine-done-comment']);
    expect((await w.store.load(caseId))!.timeline.some((e) => e.type === 'tracking')).toBe(false);
  });
});

describe.each(['memory', 'redis'] as const)('words on a closed case (%s)', (kind) => {
  const world = backendWorld(kind, { beforeAll, afterAll });

  it('a seller replying on a case the buyer closed is told the message was not sent, and how the case closed', async () => {
    const w = await world();
    const { seller, caseId } = await sellerOnCase(w);
    await w.cases.act({ accountId: 'acc-amina', platform: 'telegram' }, caseId, { type: 'BuyerClose' });
    await seller.text('merci, bonne journée', REPLY);
    expect(seller.ids()).toEqual(['engine-closed-not-sent']);
    expect(seller.read()).toContain(`Le litige ${caseId} est clos (clos par l'acheteur, satisfait) : votre message n’a pas été transmis à l’acheteur.`);
    expect(await toBuyer(w, caseId)).toEqual([]);
  });
});
