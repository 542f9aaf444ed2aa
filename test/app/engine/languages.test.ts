import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutMessage } from '../../../src/ports/turn.js';
import { backendWorld, buttons, i18n, type Speaker, type World } from './harness.js';

/** Every reply of the last turn is in `lang`, and reads as it (no message id left unrendered). */
function allIn(s: Speaker, lang: string): void {
  expect(s.last.length).toBeGreaterThan(0);
  expect(s.last.map((o) => o.locale)).toEqual(s.last.map(() => lang));
  expect(s.read()).not.toMatch(/\b(engine|error|common)-[a-z-]+\b/);
}

/** From « which order » to the opened case (buttons, then the description typed), every answer checked to be in `lang`. */
async function openByButtons(s: Speaker, orderId: string, reason: 'non_delivery' | 'not_as_described', description: string, lang: string): Promise<OutMessage> {
  await s.command('/report');
  allIn(s, lang);
  await s.press('engine-order-choice', (c) => c.label.args?.orderId === orderId);
  allIn(s, lang);
  await s.press('engine-reason-choice', (c) => c.label.args?.reason === reason);
  allIn(s, lang);
  await s.press('engine-choice-open-case');
  allIn(s, lang);
  await s.text(description);
  expect(s.ids()[0]).toBe('engine-report-opened');
  allIn(s, lang);
  return s.last.find((o) => o.card)!;
}

/** The seller's notification of the opened case, rendered as the outbox worker would. */
async function sellerSees(w: World, caseId: string, platform: 'telegram' | 'discord') {
  const opened = (await w.outbox(caseId)).find((n) => 'accountId' in n.to && n.to.accountId === 'acc-bisou' && n.body[0]!.id === 'notify-case-opened')!;
  expect(opened).toBeDefined();
  const link = { platform, userId: 'bisou', accountId: 'acc-bisou', address: 'dm-bisou', linkedAt: '2026-11-10T09:00:00Z' };
  return w.renderer.render(opened, { link }, platform);
}

describe.each(['memory', 'redis'] as const)('Lingala and Swahili (%s)', (kind) => {
  const world = backendWorld(kind, { beforeAll, afterAll });

  it('a Lingala buyer on Telegram gets every answer in Lingala; the French seller gets the case in French; support sees the words as written, language named', async () => {
    const w = await world({ withoutLocale: ['acc-amina'] });
    const amina = await w.user({ account: 'acc-amina', platform: 'telegram' });
    // Mixed Lingala and French, as people write in Kinshasa: Lingala it is.
    await amina.text('Mbote, commande na ngai eyaki te, vendeur azali koyanola te');
    allIn(amina, 'ln');
    const description = 'Nasombaki pagne mikolo zomi eleki, commande na ngai eyaki te kino lelo.';
    const out = await openByButtons(amina, 'CC-1001', 'non_delivery', description, 'ln');
    expect(amina.read()).toContain('efungwami');
    const caseId = out.card!.caseId;
    expect((await w.store.load(caseId))!.description).toBe(description);

    const seller = await sellerSees(w, caseId, 'telegram');
    expect(seller.locale).toBe('fr');
    expect(i18n.t(seller.locale, seller.body[0]!, seller.timezone)).toMatch(/litige/i);

    const support = await w.user({ account: 'acc-support-1', conversationId: 'staff-group', isPrivate: false, isStaffChannel: true });
    await support.command(`/case ${caseId}`);
    expect(support.last.map((o) => o.locale)).toEqual(support.last.map(() => 'fr'));
    expect(support.last.find((o) => o.card)!.card).toMatchObject({ viewerRole: 'support', description, descriptionLanguage: 'ln' });
    expect(support.read()).toContain(description);
    expect(support.read()).toContain('Langue de l’acheteur : lingala');
    // The buyer's own card does not label their language.
    await amina.command(`/case ${caseId}`);
    expect(amina.last[0]!.card!.descriptionLanguage).toBeUndefined();
    allIn(amina, 'ln');
  });

  it('a Swahili buyer on Discord gets every answer in Swahili; the seller gets it in French', async () => {
    const w = await world({ withoutLocale: ['acc-amina'] });
    const amina = await w.user({ account: 'acc-amina', platform: 'discord' });
    await amina.text('oda yangu haijafika, muuzaji hajibu');
    allIn(amina, 'sw');
    const description = 'Nilipokea mkoba wa rangi ya kijani, si kama kwenye picha. Nataka kurudishiwa pesa.';
    const out = await openByButtons(amina, 'CC-1002', 'not_as_described', description, 'sw');
    expect(amina.read()).toContain('Kesi');
    const seller = await sellerSees(w, out.card!.caseId, 'discord');
    expect(seller.locale).toBe('fr');
    const support = await w.user({ account: 'acc-support-1', conversationId: 'staff-group', isPrivate: false, isStaffChannel: true });
    await support.command(`/case ${out.card!.caseId}`);
    expect(support.read()).toContain('Langue de l’acheteur : swahili');
  });

  it('an established French account writing Lingala is answered in French with a one-tap offer in Lingala; yes switches', async () => {
    const w = await world();
    const amina = await w.user({ account: 'acc-amina' });
    await amina.text('Mbote, commande na ngai eyaki te');
    // The answer stays French; the offer comes after it, in Lingala.
    const [answer, offer] = [amina.last.slice(0, -1), amina.last.at(-1)!];
    expect(answer.length).toBeGreaterThan(0);
    expect(answer.map((o) => o.locale)).toEqual(answer.map(() => 'fr'));
    expect(offer.locale).toBe('ln');
    // Written in Lingala whatever the reader's language: the playground's language menu keeps it so.
    expect(offer.ownLanguage).toBe(true);
    expect(offer.body).toEqual([{ id: 'engine-lang-offer' }]);
    // The question just asked keeps its buttons: the offer never takes its slot (adapters retire a slot's older buttons).
    const asked = answer.filter((o) => o.choices?.length);
    expect(asked.length).toBeGreaterThan(0);
    for (const o of asked) expect(o.slot).not.toBe(offer.slot);
    expect(amina.read()).toContain('Nakoki kolobela yo na Lingala ?');
    expect(buttons([offer])).toEqual(['engine-lang-offer-yes', 'engine-lang-offer-no']);

    const question = asked.at(-1)!;
    await amina.press('engine-lang-offer-yes');
    // The question of the report is asked again in Lingala, with its buttons: the French one above is not the one to answer.
    expect(amina.ids()[0]).toBe('engine-lang-set');
    const again = amina.last.at(-1)!;
    expect(again.body.map((b) => b.id)).toEqual(question.body.map((b) => b.id).filter((id) => id !== 'engine-report-intro'));
    expect(buttons([again])).toEqual(buttons([question]));
    allIn(amina, 'ln');
    // Recorded like /lang: French messages now get Lingala answers, and no offer to go back unasked.
    await amina.command('/help');
    allIn(amina, 'ln');
    expect(await w.links.getLocale('acc-amina')).toBe('ln');
  });

  it('offered English, the buyer ignores the offer and writes English again: from that answer on, English, said once, with one tap back', async () => {
    const w = await world();
    const amina = await w.user({ account: 'acc-amina' });
    await amina.text('my order 1001 never arrived');
    expect(amina.last.at(-1)!.body).toEqual([{ id: 'engine-lang-offer' }]);
    expect(amina.last[0]!.locale).toBe('fr');
    await amina.text('i want to open a case please');
    // The answer itself is in English, then the switch is said, in English, with a button back to French.
    allIn(amina, 'en');
    expect(amina.ids().at(-1)).toBe('engine-lang-switched');
    // The playground's language menu follows it, as after /lang.
    expect(amina.last.at(-1)!.language).toBe('en');
    expect(amina.read()).toContain('I’ll answer in English from now on');
    expect(buttons(amina.last)).toContain('engine-lang-switch-back');
    expect(await w.links.getLocale('acc-amina')).toBe('en');
    // Said once: the next English message is simply answered in English.
    await amina.text('thank you so much for the help');
    allIn(amina, 'en');
    expect(amina.ids()).not.toContain('engine-lang-switched');
    // One tap back: French again, and chosen, so English words no longer switch it.
    await amina.text('my order 1001 never arrived, what is happening');
    await amina.command('/lang fr');
    await amina.text('the seller still does not answer me');
    await amina.text('i am still waiting for the seller to answer');
    expect(amina.last.filter((o) => o.body[0]?.id !== 'engine-lang-offer').every((o) => o.locale === 'fr')).toBe(true);
    expect(await w.links.getLocale('acc-amina')).toBe('fr');
  });

  it('the switch button goes back to the language the account had, as a choice', async () => {
    const w = await world();
    const amina = await w.user({ account: 'acc-amina' });
    await amina.text('Habari, oda yangu haijafika mpaka leo');
    await amina.text('muuzaji hajibu simu zangu kabisa');
    expect(amina.ids()).toContain('engine-lang-switched');
    expect(amina.last.at(-1)!.locale).toBe('sw');
    await amina.press('engine-lang-switch-back');
    expect(amina.ids()[0]).toBe('engine-lang-set');
    allIn(amina, 'fr');
    expect(await w.links.getLocale('acc-amina')).toBe('fr');
  });

  it('a buyer who mixes languages (English, then French, then English again) keeps her French: only the very next clear message switches', async () => {
    const w = await world();
    const amina = await w.user({ account: 'acc-amina' });
    await amina.text('my order 1001 never arrived');
    expect(amina.last.at(-1)!.body).toEqual([{ id: 'engine-lang-offer' }]);
    await amina.text("c'est le pagne wax que j'attends toujours");
    await amina.text('the seller does not answer my calls');
    expect(amina.ids()).not.toContain('engine-lang-switched');
    expect(amina.last.every((o) => o.locale === 'fr')).toBe(true);
    expect(await w.links.getLocale('acc-amina')).toBeNull();
  });

  it('French slang the detector half-reads as English (« bof laisse tomber », « wsh frere c koi ca ») never switches the language', async () => {
    const w = await world();
    const amina = await w.user({ account: 'acc-amina' });
    await amina.text('bof laisse tomber');
    await amina.text('wsh frere c koi ca');
    expect(amina.ids()).not.toContain('engine-lang-switched');
    expect(await w.links.getLocale('acc-amina')).toBeNull();
  });

  it('words following a message to the seller keep the mixing buyer French: English, then French, then English again does not switch', async () => {
    const w = await world();
    const amina = await w.user({ account: 'acc-amina' });
    await amina.text("J'ai commandé la mauvaise taille pour CC-1002");
    await amina.press('engine-choice-yes-reason');
    await amina.text('Pouvez-vous me l’échanger contre un M ?');
    await amina.text('please answer me quickly because i travel on monday');
    expect(amina.ids()).toContain('engine-lang-offer');
    await amina.text('et envoyez la taille M dans la même couleur svp');
    await amina.text('the seller still does not answer my message');
    expect(amina.ids()).not.toContain('engine-lang-switched');
    expect(await w.links.getLocale('acc-amina')).toBeNull();
  });

  it('a word or two in the language offered does not switch (« ok thanks », « sawa »)', async () => {
    const w = await world();
    const amina = await w.user({ account: 'acc-amina' });
    await amina.text('my order 1001 never arrived');
    await amina.text('ok thanks');
    expect(amina.ids()).not.toContain('engine-lang-switched');
    expect(amina.last.every((o) => o.locale === 'fr')).toBe(true);
    expect(await w.links.getLocale('acc-amina')).toBeNull();
  });

  it('no is remembered: the offer is not made again, and the language stays', async () => {
    const w = await world();
    const amina = await w.user({ account: 'acc-amina', platform: 'discord' });
    await amina.text('Habari, oda yangu haijafika mpaka leo');
    expect(amina.last.at(-1)!.locale).toBe('sw');
    expect(amina.read()).toContain('Naweza kukujibu kwa Kiswahili?');
    await amina.press('engine-lang-offer-no');
    expect(amina.ids()).toEqual(['engine-lang-offer-declined']);
    allIn(amina, 'fr');
    await amina.command('/cancel');
    await amina.text('Habari, oda yangu haijafika mpaka leo, muuzaji hajibu');
    allIn(amina, 'fr');
    expect(buttons(amina.last)).not.toContain('engine-lang-offer-yes');
  });

  it.each([
    ['anglais', 'en'],
    ['English', 'en'],
    ['en-US', 'en'],
    ['Français', 'fr'],
    ['kiswahili', 'sw'],
    ['Lingala', 'ln'],
  ])('/lang %s (a language by its name or tag) switches to %s', async (typed, lang) => {
    const w = await world();
    const amina = await w.user({ account: 'acc-amina' });
    await amina.command(`/lang ${lang === 'fr' ? 'en' : 'fr'}`);
    await amina.command(`/lang ${typed}`);
    expect(amina.ids()).toEqual(['engine-lang-set']);
    expect(await w.links.getLocale('acc-amina')).toBe(lang);
  });

  it('/lang wins over the account and the text; a short or unclear message offers nothing; the offer is private-chat only', async () => {
    const w = await world();
    const amina = await w.user({ account: 'acc-amina' });
    await amina.command('/lang sw');
    expect(amina.ids()).toEqual(['engine-lang-set']);
    allIn(amina, 'sw');
    expect(amina.read()).toContain('Kiswahili');
    await amina.text("ma commande n'est jamais arrivée");
    // Swahili was chosen: a French message is answered in Swahili, with an offer of French (written in French).
    expect(amina.last.slice(0, -1).map((o) => o.locale).every((l) => l === 'sw')).toBe(true);
    expect(amina.last.at(-1)!.locale).toBe('fr');
    await amina.command('/cancel');
    await amina.text('ok merci');
    expect(buttons(amina.last)).not.toContain('engine-lang-offer-yes');
    await amina.command('/lang xx');
    expect(amina.ids()).toEqual(['engine-lang-usage']);
    expect(amina.read()).toMatch(/fr.*en.*ln.*sw|en.*fr.*ln.*sw/);
    expect(await w.links.getLocale('acc-amina')).toBe('sw');
  });

  it('a forged or foreign offer button refuses and changes nothing', async () => {
    const w = await world();
    const amina = await w.user({ account: 'acc-amina' });
    await amina.text('Mbote, commande na ngai eyaki te');
    const token = amina.token('engine-lang-offer-yes');
    const joel = await w.user({ account: 'acc-joel' });
    await joel.pressToken(token);
    expect(joel.ids()).toEqual(['error-action-invalid']);
    expect(await w.links.getLocale('acc-joel')).toBeNull();
    await amina.pressToken(`${token.slice(0, -3)}zzz`);
    expect(amina.ids()).toEqual(['error-action-invalid']);
    expect(await w.links.getLocale('acc-amina')).toBeNull();
  });

  it('an unlinked newcomer writing Swahili is told how to link in Swahili, French when unsure', async () => {
    const w = await world();
    const guest = await w.user({ platform: 'telegram' });
    await guest.text('Habari, nataka kufungua kesi kuhusu oda yangu');
    allIn(guest, 'sw');
    const other = await w.user({ platform: 'telegram' });
    await other.text('ok');
    allIn(other, 'fr');
  });
});
