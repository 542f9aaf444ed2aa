import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePlace } from '../../../src/app/engine/flows/proof.js';
import { renderMessage } from '../../../src/app/render.js';
import { TELEGRAM_CAPABILITIES } from '../../../adapters/telegram/capabilities.js';
import { backendWorld, buttons, i18n, openCase, type World } from './harness.js';

const pdf = { id: 'blob-proof', contentType: 'application/pdf', size: 2048, name: 'recu.pdf' };

/** The seller opens the case card, picks a shipping receipt and sends the file. */
async function sendReceipt(w: World, caseId: string, lang: 'fr' | 'en' = 'fr') {
  const seller = await w.user({ account: 'acc-bisou', platform: 'discord' });
  if (lang === 'en') await seller.command('/lang en');
  await seller.command(`/case ${caseId}`);
  await seller.press('engine-action-proof');
  await seller.press('engine-proof-shipping-receipt');
  await seller.attach(pdf, 'Reçu DHL');
  return seller;
}

describe.each(['memory', 'redis'] as const)('proof of shipping shows the address the buyer gave at purchase (%s)', (kind) => {
  const world = backendWorld(kind, { beforeAll, afterAll });

  it('FR: the bot shows the order’s address and asks; « oui » records a proof that matches', async () => {
    const w = await world();
    const caseId = await openCase(w, 'CC-1001', 'non_delivery');
    const seller = await sendReceipt(w, caseId);
    expect(seller.ids()).toEqual(['engine-ask-proof-address']);
    expect(seller.read()).toBe('Ce document montre-t-il un envoi à l’adresse donnée par l’acheteur lors de l’achat : Amina K., 12 av. de la Paix, Kinshasa, CD ?');
    expect(buttons(seller.last)).toEqual(['engine-choice-proof-to-order-address', 'engine-choice-proof-elsewhere', 'engine-choice-proof-no-address', 'engine-choice-cancel']);
    // Nothing is added before the answer.
    expect((await w.store.load(caseId))!.version).toBe(1);

    await seller.press('engine-choice-proof-to-order-address');
    expect(seller.ids()).toEqual(['engine-done-evidence']);
    const c = (await w.store.load(caseId))!;
    expect(c.timeline.at(-1)).toMatchObject({ type: 'evidence', kind: 'shipping_receipt', blob: { id: 'blob-proof' }, caption: 'Reçu DHL', addressMatches: true });
    expect(c.proofAddressMismatch).toBe(false);
  });

  it('FR: « une autre adresse » asks where; the mismatch shows on the card, to the buyer and on support’s timeline', async () => {
    const w = await world();
    const caseId = await openCase(w, 'CC-1001', 'non_delivery');
    const seller = await sendReceipt(w, caseId);
    await seller.press('engine-choice-proof-elsewhere');
    expect(seller.ids()).toEqual(['engine-ask-proof-place']);
    await seller.text('quelque part');
    expect(seller.ids()).toEqual(['engine-ask-proof-place-again']);
    await seller.text('Goma, CD');
    expect(seller.ids()).toEqual(['engine-done-evidence', 'engine-done-proof-mismatch']);

    const c = (await w.store.load(caseId))!;
    expect(c.timeline.at(-1)).toMatchObject({ type: 'evidence', addressMatches: false, shippedTo: { city: 'Goma', country: 'CD' } });
    expect(c.status).toBe('open');

    await seller.command(`/case ${caseId}`);
    expect(seller.last[0]!.card!.proofAddressMismatch).toBe(true);
    expect(seller.read()).toContain('⚠ Un justificatif d’expédition ne montre pas un envoi à l’adresse de la commande.');

    const toBuyer = (await w.outbox(caseId)).filter((n) => 'accountId' in n.to && n.to.accountId === 'acc-amina').at(-1)!;
    expect(toBuyer.body.map((b) => i18n.t('fr', b, 'Africa/Kinshasa'))).toContain(
      'Attention : ce justificatif ne montre pas un envoi à l’adresse donnée lors de l’achat (il indique Goma, CD).',
    );
    const amina = await w.user({ account: 'acc-amina' });
    await amina.command(`/case ${caseId}`);
    expect(amina.read()).toContain('⚠ Un justificatif d’expédition ne montre pas un envoi à l’adresse de la commande.');

    const staff = await w.user({ account: 'acc-support-1', conversationId: 'staff-group', isPrivate: false, isStaffChannel: true });
    await staff.command(`/case ${caseId}`);
    expect(staff.read()).toContain("pièce : reçu d'expédition, adresse différente de celle de la commande (Goma, CD)");
  });

  it('EN: a proof that shows no address is recorded as not stated, and nothing is flagged', async () => {
    const w = await world();
    const caseId = await openCase(w, 'CC-1002', 'not_as_described');
    const seller = await sendReceipt(w, caseId, 'en');
    expect(seller.read()).toBe('Does this document show shipment to the address the buyer gave at purchase: Amina K., 12 av. de la Paix, Kinshasa, CD?');
    expect(renderMessage(seller.last[0]!, i18n, TELEGRAM_CAPABILITIES).choices.map((c) => c.label)).toEqual(['Yes, to this address', 'No, another address', 'It shows no address', 'Cancel']);
    await seller.text('it is a receipt');
    expect(seller.ids()).toEqual(['engine-ask-proof-address']);
    await seller.press('engine-choice-proof-no-address');
    expect(seller.read()).toBe('File added to the case and sent to the buyer.');
    const c = (await w.store.load(caseId))!;
    expect(c.timeline.at(-1)).toMatchObject({ type: 'evidence', addressMatches: null });
    expect(c).not.toHaveProperty('proofAddressMismatch');
  });

  it('EN: cancelling leaves the case as it was', async () => {
    const w = await world();
    const caseId = await openCase(w, 'CC-1001', 'non_delivery');
    const seller = await sendReceipt(w, caseId, 'en');
    const yes = seller.token('engine-choice-proof-to-order-address');
    await seller.press('engine-choice-cancel');
    expect(seller.read()).toBe('Cancelled. Write to me whenever you like.');
    await seller.pressToken(yes);
    expect(seller.ids()).toEqual(['error-action-expired']);
    expect((await w.store.load(caseId))!.version).toBe(1);
  });
});

describe.each(['memory', 'redis'] as const)('a file whose caption names a proof of shipping, sent straight into the case (%s)', (kind) => {
  const world = backendWorld(kind, { beforeAll, afterAll });
  const receipt = { id: 'blob-receipt', contentType: 'image/jpeg', size: 4096, name: 'recu.jpg' };

  /** The seller replies to the case message in their Telegram chat with a photo and a caption. */
  async function sendInThread(w: World, caseId: string, caption: string, account = 'acc-bisou') {
    const seller = await w.user({ account, userId: `${account}-tg` });
    await w.threads.rememberMessage('telegram', `dm-${account}-tg`, 'case-msg', caseId);
    await seller.attach(receipt, caption, { replyToMessageId: 'case-msg' });
    return seller;
  }

  it('« reçu d’envoi »: kept at once as a shipping receipt, the address it shows unstated', async () => {
    const w = await world();
    const caseId = await openCase(w, 'CC-1001', 'non_delivery');
    const seller = await sendInThread(w, caseId, 'reçu d’envoi');
    expect(seller.ids()).toEqual(['engine-done-evidence']);
    const c = (await w.store.load(caseId))!;
    expect(c.timeline.at(-1)).toMatchObject({ type: 'evidence', kind: 'shipping_receipt', caption: 'reçu d’envoi', addressMatches: null });
    expect(c.status).toBe('open');
  });

  it('« formulaire de douane » is a customs form; "delivery confirmation" a delivery confirmation', async () => {
    const w = await world();
    const caseId = await openCase(w, 'CC-1008', 'non_delivery');
    const seller = await sendInThread(w, caseId, 'formulaire de douane', 'acc-lumiere');
    expect((await w.store.load(caseId))!.timeline.at(-1)).toMatchObject({ type: 'evidence', kind: 'customs_form' });
    await seller.attach(receipt, 'delivery confirmation', { replyToMessageId: 'case-msg' });
    expect((await w.store.load(caseId))!.timeline.at(-1)).toMatchObject({ type: 'evidence', kind: 'delivery_confirmation' });
  });

  it('sent outside any thread with two cases under way, « bordereau DHL » is a shipping receipt on the case picked', async () => {
    const w = await world();
    await openCase(w, 'CC-1001', 'non_delivery');
    const other = await openCase(w, 'CC-1006', 'non_delivery', 'acc-joel');
    const seller = await w.user({ account: 'acc-bisou' });
    await seller.attach(receipt, 'bordereau DHL');
    expect(seller.ids()).toEqual(['engine-file-which-case']);
    await seller.press('engine-case-choice', (x) => x.label.args?.caseId === other);
    expect((await w.store.load(other))!.timeline.at(-1)).toMatchObject({ type: 'evidence', kind: 'shipping_receipt', caption: 'bordereau DHL' });
  });

  it('« le client a bien reçu » is no receipt, and a buyer’s « reçu » caption stays a photo', async () => {
    const w = await world();
    const caseId = await openCase(w, 'CC-1001', 'non_delivery');
    const seller = await sendInThread(w, caseId, 'le client a bien reçu');
    expect(seller.ids()).toEqual(['engine-done-evidence']);
    const buyer = await sendInThread(w, caseId, 'reçu du transporteur', 'acc-amina');
    expect(buyer.ids()).toEqual(['engine-done-evidence']);
    expect((await w.store.load(caseId))!.timeline.filter((e) => e.type === 'evidence').map((e) => (e as { kind: string }).kind)).toEqual(['photo', 'photo']);
  });
});

describe('parsePlace: what a seller types for the place a proof shows', () => {
  it.each([
    ['Goma, CD', { city: 'Goma', postalCode: '', country: 'CD' }],
    ['75011 Paris, fr', { city: 'Paris', postalCode: '75011', country: 'FR' }],
    ['Lubumbashi CD', { city: 'Lubumbashi', postalCode: '', country: 'CD' }],
    ['12 rue X, Mbuji-Mayi, RDC', { city: 'Mbuji-Mayi', postalCode: '', country: 'RDC' }],
  ])('%s', (text, place) => {
    expect(parsePlace(text)).toEqual(place);
  });

  it('needs a city and a country', () => {
    expect(parsePlace('Goma')).toBeNull();
    expect(parsePlace('quelque part')).toBeNull();
    expect(parsePlace('  ')).toBeNull();
  });
});
