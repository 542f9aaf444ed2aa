import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDate, formatMoney } from '../../../src/app/format.js';
import { backendWorld, buttons, DAY, i18n, openCase, photo } from './harness.js';

const cdf = (amount: number) => formatMoney({ amount, currency: 'CDF' }, 'fr');

describe.each(['memory', 'redis'] as const)('case threads and card actions (%s)', (kind) => {
  const world = backendWorld(kind, { beforeAll, afterAll });

  it('a seller’s reply in the case thread reaches the buyer; the buyer’s reply to a case message reaches the seller', async () => {
    const w = await world();
    const caseId = await openCase(w, 'CC-1001', 'non_delivery');
    // The seller is on Discord, in the case's thread of a guild channel.
    await w.threads.setCaseThread('discord', caseId, 'parties', 'thread-77');
    const seller = await w.user({ account: 'acc-bisou', platform: 'discord', conversationId: 'thread-77', isPrivate: false });
    await seller.text('Bonjour, le colis est parti le 3, je relance le transporteur.', { threadId: 'thread-77' });
    expect(seller.ids()).toEqual(['engine-done-comment']);
    expect(seller.last[0]!.body[0]!.args).toEqual({ to: 'buyer' });

    const toBuyer = (await w.outbox(caseId)).filter((n) => 'accountId' in n.to && n.to.accountId === 'acc-amina');
    expect(toBuyer.at(-1)).toMatchObject({ caseId, body: [{ id: 'notify-comment', args: { caseId, author: 'seller', text: 'Bonjour, le colis est parti le 3, je relance le transporteur.' } }] });

    // The buyer, on Telegram, replies to the message that carried it.
    await w.threads.rememberMessage('telegram', 'dm-amina', '501', caseId);
    const amina = await w.user({ account: 'acc-amina', userId: 'amina', conversationId: 'dm-amina' });
    await amina.text('Merci, j’attends.', { replyToMessageId: '501' });
    expect(amina.ids()).toEqual(['engine-done-comment']);
    const toSeller = (await w.outbox(caseId)).filter((n) => 'accountId' in n.to && n.to.accountId === 'acc-bisou');
    expect(toSeller.at(-1)!.body[0]).toMatchObject({ id: 'notify-comment', args: { author: 'buyer', text: 'Merci, j’attends.' } });
  });

  it('a buyer with a case under way writing « je vous envoie ça ce soir » outside it is offered to send it, not a report on the silk scarf (« soir » is no « soie »)', async () => {
    const w = await world();
    await openCase(w, 'CC-1001', 'not_as_described');
    const amina = await w.user({ account: 'acc-amina' });
    await amina.text('je vous envoie ça ce soir, mon tel n’a plus de batterie');
    expect(amina.ids()[0]).toBe('engine-buyer-words-not-sent');
    expect(amina.read()).toContain('pas encore parti');
    expect(amina.read()).not.toContain('CC-1008');
  });

  it.each(['bon je vais voir', 'attendez je demande à mon mari'])('« %s » from a buyer with a case under way is offered to the seller, not a new report from the classifier’s weak guess', async (typed) => {
    const w = await world();
    await openCase(w, 'CC-1001', 'non_delivery');
    const amina = await w.user({ account: 'acc-amina' });
    await amina.text(typed);
    expect(amina.ids()[0]).toBe('engine-buyer-words-not-sent');
    expect(amina.read()).not.toContain('Désolé pour ce problème');
  });

  it('a photo in the thread becomes evidence; a seller mentioning the phone is asked to keep it in messages', async () => {
    const w = await world();
    const caseId = await openCase(w, 'CC-1002', 'not_as_described');
    await w.threads.rememberMessage('telegram', 'dm-amina', '9', caseId);
    const amina = await w.user({ account: 'acc-amina', userId: 'amina', conversationId: 'dm-amina' });
    await amina.attach(photo(3), 'la couleur reçue', { replyToMessageId: '9' });
    expect(amina.ids()).toEqual(['engine-done-evidence']);
    const c = (await w.store.load(caseId))!;
    expect(c.timeline.at(-1)).toMatchObject({ type: 'evidence', kind: 'photo', blob: { id: 'blob-3' }, caption: 'la couleur reçue' });

    await w.threads.setCaseThread('discord', caseId, 'parties', 'th-1');
    const seller = await w.user({ account: 'acc-bisou', platform: 'discord', conversationId: 'th-1', isPrivate: false });
    await seller.text("L'acheteuse m'a appelé, on s'arrange.", { threadId: 'th-1' });
    expect(seller.ids()).toEqual(['engine-done-comment', 'engine-keep-in-messages']);
    expect(seller.read()).toContain('avec l’acheteur ici');
  });

  it('seller: a full refund from the card closes the case (after a confirmation)', async () => {
    const w = await world();
    const caseId = await openCase(w, 'CC-1001', 'non_delivery');
    const seller = await w.user({ account: 'acc-bisou', platform: 'discord' });
    await seller.command(`/case ${caseId}`);
    expect(seller.last[0]!.card!.viewerRole).toBe('seller');
    expect(buttons(seller.last)).toEqual(['engine-action-reply-to-buyer', 'engine-action-refund-full', 'engine-action-refund-partial', 'engine-action-tracking', 'engine-action-proof', 'engine-action-support']);
    await seller.press('engine-action-refund-full');
    expect(seller.ids()).toEqual(['engine-confirm-refund']);
    expect(seller.read()).toContain(`Rembourser ${cdf(5_000_000)} à l’acheteur dans le litige`);
    expect(seller.read()).toContain('Payé par : le vendeur');
    expect(seller.read()).toContain('Le litige sera clos.');
    await seller.press('engine-choice-confirm');
    expect(seller.ids()).toEqual(['engine-done-refund', 'engine-done-closed']);
    expect(seller.last[0]!.card).toMatchObject({ status: 'closed', resolution: 'refunded', actions: [] });
    expect(seller.read()).toContain('Le litige est clos : remboursé par le vendeur.');
    const toBuyer = (await w.outbox(caseId)).filter((n) => 'accountId' in n.to && n.to.accountId === 'acc-amina').map((n) => n.body[0]!.id);
    expect(toBuyer).toEqual(expect.arrayContaining(['notify-refund', 'notify-closed']));
    expect(await w.marketplace.refunds('CC-1001')).toHaveLength(1);
  });

  it('seller: a partial refund asks the amount and leaves the case open', async () => {
    const w = await world();
    const caseId = await openCase(w, 'CC-1001', 'non_delivery');
    const seller = await w.user({ account: 'acc-bisou', platform: 'discord' });
    await seller.command(`/case ${caseId}`);
    await seller.press('engine-action-refund-partial');
    expect(seller.ids()).toEqual(['engine-ask-amount']);
    expect(seller.last[0]!.expects).toBe('amount');
    await seller.text('beaucoup');
    expect(seller.ids()).toEqual(['error-invalid-amount']);
    await seller.text('10 000');
    expect(seller.ids()).toEqual(['engine-confirm-refund']);
    expect(seller.read()).toContain(`Remboursé ensuite : ${cdf(1_000_000)} sur ${cdf(5_000_000)}. Le litige restera ouvert (remboursement partiel).`);
    await seller.press('engine-choice-confirm');
    expect(seller.ids()).toEqual(['engine-done-refund']);
    expect(seller.last[0]!.card).toMatchObject({ status: 'open', refunded: { amount: 1_000_000, currency: 'CDF' } });
    expect(seller.read()).toContain(`Remboursé : ${cdf(1_000_000)} sur ${cdf(5_000_000)}`);
    // By command too, with the amount in the order's currency.
    await seller.command(`/refund ${caseId} 60000`);
    expect(seller.ids()).toEqual(['error-refund-too-large']);
    expect(seller.read()).toContain(cdf(4_000_000));
    // Without an amount, /refund proposes the rest and waits for the confirmation.
    await seller.command(`/refund ${caseId}`);
    expect(seller.ids()).toEqual(['engine-confirm-refund']);
    expect(seller.read()).toContain(`Rembourser ${cdf(4_000_000)}`);
    expect((await w.store.load(caseId))!).toMatchObject({ status: 'open', refunded: { amount: 1_000_000 } });
  });

  it('seller: tracking delivered to the order’s address closes a non-delivery case', async () => {
    const w = await world();
    const caseId = await openCase(w, 'CC-1005', 'non_delivery');
    const seller = await w.user({ account: 'acc-bisou', platform: 'discord' });
    await seller.command(`/case ${caseId}`);
    await seller.press('engine-action-tracking');
    expect(seller.last[0]!.expects).toBe('tracking');
    await seller.text('JD0142');
    expect(seller.ids()).toEqual(['engine-ask-tracking-again']);
    await seller.text('dhl JD0142');
    expect(seller.ids()).toEqual(['engine-done-tracking', 'engine-done-closed']);
    expect(seller.last[0]!.card).toMatchObject({ status: 'closed', resolution: 'delivered' });
  });

  it('seller: tracking does not close a not-as-described case, nor a delivery elsewhere', async () => {
    const w = await world();
    const nad = await openCase(w, 'CC-1002', 'not_as_described');
    const seller = await w.user({ account: 'acc-bisou', platform: 'discord' });
    await seller.command(`/tracking ${nad} dhl JD0142`);
    expect(seller.ids()).toEqual(['engine-done-tracking']);
    expect(seller.last[0]!.card!.status).toBe('open');

    const elsewhere = await openCase(w, 'CC-1006', 'non_delivery', 'acc-joel');
    await seller.command(`/tracking ${elsewhere} dhl JD0177`);
    expect(seller.ids()).toEqual(['engine-done-tracking']);
    expect(seller.last[0]!.body[0]!.args).toMatchObject({ status: 'mismatch' });
    expect(seller.last[0]!.card).toMatchObject({ status: 'open', trackingMismatch: true });
    expect(seller.read()).toContain('autre endroit que l’adresse de la commande');
    // Where the carrier delivered is named, to the seller and to the buyer (the order went to Lubumbashi).
    expect(seller.read()).toContain('le transporteur indique une livraison à un autre endroit que l’adresse de la commande (Kinshasa, CD) ; le litige reste ouvert.');
    const toBuyer = (await w.outbox(elsewhere)).filter((n) => 'accountId' in n.to && n.to.accountId === 'acc-joel').at(-1)!;
    expect(i18n.t('fr', toBuyer.body[0]!, 'Africa/Lubumbashi')).toContain('mais à un autre endroit que l’adresse de la commande (Kinshasa, CD). Cela ne clôt pas le litige.');
  });

  it('seller: a tracking number the carrier does not know is kept, and the seller is told to check it; the buyer reads the same', async () => {
    const w = await world();
    const caseId = await openCase(w, 'CC-1001', 'non_delivery');
    const seller = await w.user({ account: 'acc-bisou' });
    await seller.command(`/tracking ${caseId} dhl ZZ999`);
    expect(seller.last[0]!.body[0]).toMatchObject({ id: 'engine-done-tracking', args: { status: 'unknown' } });
    expect(seller.read()).toContain('Suivi dhl ZZ999 ajouté : dhl ne connaît pas (encore) ce numéro : vérifiez-le, et s’il y a une faute, ajoutez le bon numéro.');
    expect((await w.store.load(caseId))!.status).toBe('open');
    const toBuyer = (await w.outbox(caseId)).filter((n) => 'accountId' in n.to && n.to.accountId === 'acc-amina').at(-1)!;
    expect(i18n.t('fr', toBuyer.body[0]!, 'Africa/Kinshasa')).toContain('le transporteur ne connaît pas encore ce numéro.');
    // A number the carrier knows, not delivered yet, still reads « pas encore de livraison ».
    await seller.command(`/tracking ${caseId} dhl JD0150`);
    expect(seller.read()).toContain('le transporteur n’indique pas encore de livraison.');
  });

  it('buyer: escalation is refused before its time, with the date, and accepted after', async () => {
    const w = await world();
    const caseId = await openCase(w, 'CC-1001', 'non_delivery');
    const amina = await w.user({ account: 'acc-amina' });
    await amina.command('/escalate');
    expect(amina.ids()).toEqual(['error-escalation-not-yet']);
    const c = (await w.store.load(caseId))!;
    expect(amina.read()).toContain(formatDate(c.escalatableAt, 'fr', 'Africa/Kinshasa', 'datetime'));
    await amina.command(`/case ${caseId}`);
    expect(buttons(amina.last)).toEqual(['engine-action-reply-to-seller', 'engine-action-photo', 'engine-action-close']);

    w.clock.advance(3 * DAY + 60_000);
    await amina.command(`/case ${caseId}`);
    expect(buttons(amina.last)).toEqual(['engine-action-reply-to-seller', 'engine-action-escalate', 'engine-action-photo', 'engine-action-close']);
    await amina.press('engine-action-escalate');
    expect(amina.ids()).toEqual(['engine-confirm-escalate']);
    await amina.press('engine-choice-confirm');
    expect(amina.ids()).toEqual(['engine-done-escalated']);
    expect(amina.last[0]!.card!.status).toBe('escalated');
    const support = (await w.outbox(caseId)).filter((n) => 'support' in n.to);
    expect(support.map((n) => n.body[0]!.id)).toContain('notify-escalated-support');
  });

  it('buyer: closes as satisfied from the card; add photo asks for a file', async () => {
    const w = await world();
    const caseId = await openCase(w, 'CC-1002', 'not_as_described');
    const amina = await w.user({ account: 'acc-amina' });
    await amina.command(`/case ${caseId}`);
    await amina.press('engine-action-photo');
    expect(amina.ids()).toEqual(['engine-ask-photo']);
    expect(amina.last[0]!.expects).toBe('photo');
    await amina.text('voilà');
    expect(amina.ids()).toEqual(['engine-ask-photo-again']);
    await amina.attach(photo(4));
    expect(amina.ids()).toEqual(['engine-done-evidence']);
    await amina.command('/close');
    expect(amina.ids()).toEqual(['engine-confirm-close']);
    expect((await w.store.load(caseId))!.status).toBe('open');
    await amina.press('engine-choice-confirm');
    expect(amina.ids()).toEqual(['engine-done-closed']);
    expect((await w.store.load(caseId))!.resolution).toBe('buyer_closed');
  });

  it('buttons of a notified card work from another platform the account linked', async () => {
    const w = await world();
    const caseId = await openCase(w, 'CC-1001', 'non_delivery');
    const sellerLink = { platform: 'telegram' as const, userId: 'bisou-tg', accountId: 'acc-bisou', address: 'dm-bisou', linkedAt: '2026-11-01T00:00:00Z' };
    await w.links.put(sellerLink);
    const opened = (await w.outbox(caseId)).find((n) => n.body[0]!.id === 'notify-case-opened')!;
    const out = await w.renderer.render(opened, { link: sellerLink }, 'telegram');
    expect(out.card!.viewerRole).toBe('seller');
    const refund = out.card!.actions.find((a) => a.label.id === 'engine-action-refund-partial')!.token;
    // The seller presses it in the web playground, linked to the same account.
    const web = await w.user({ account: 'acc-bisou', platform: 'web' });
    await web.pressToken(refund);
    expect(web.ids()).toEqual(['engine-ask-amount']);
    await web.text('5000');
    expect(web.ids()).toEqual(['engine-confirm-refund']);
    await web.press('engine-choice-confirm');
    expect(web.ids()).toEqual(['engine-done-refund']);
  });

  it('/cases lists the user’s cases with buttons to open each', async () => {
    const w = await world();
    const a = await openCase(w, 'CC-1001', 'non_delivery');
    const b = await openCase(w, 'CC-1002', 'not_as_described');
    const amina = await w.user({ account: 'acc-amina' });
    await amina.command('/cases');
    expect(amina.ids()).toEqual(['engine-cases-title', 'engine-case-line', 'engine-case-line']);
    expect(amina.read()).toContain('Vos litiges (2)');
    await amina.press('engine-case-choice', (c) => c.label.args?.caseId === a);
    expect(amina.last[0]!.card!.caseId).toBe(a);
    // Two open cases: /close without a number asks which.
    await amina.command('/close');
    expect(amina.ids()).toEqual(['engine-which-case']);
    await amina.press('engine-case-choice', (c) => c.label.args?.caseId === b);
    expect(amina.ids()).toEqual(['engine-confirm-close']);
  });
});
