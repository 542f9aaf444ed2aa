/**
 * A third blind probe of sellers and support as they really write (a new writer, without reading the engine nor the
 * first two probes beyond the format): small shops of Kinshasa, Goma and Nairobi typing on phones, support agents
 * typing fast. Each scenario asserts what the seller or the agent would notice.
 *
 * First run, as written (memory backend, 50 scenarios): 35 passed, 15 failed: 8, 11, 16, 19, 21, 25, 28, 29, 31, 40,
 * 42, 43, 46, 47, 49. After the fixes: 50 passed.
 *
 * Fixed in the engine (general behaviour, each failing before): a negation counts in its own clause only (« je lui
 * rembourse tout, c'est pas grave » offers the full refund) (8); a refund told as made outside Congocrea (« déjà
 * remboursé par mobile money », "on M-Pesa", « en cash ») keeps the case open, says it is not recorded and offers no
 * second payment, only support; told as done without saying how, the confirmation comes with that warning (11); a
 * tracking number written alone is offered as tracking, only its carrier asked (16); « je l'ai livré moi-même » on a
 * non-delivery case brings the proof-of-shipping and tracking buttons (19); threats in a case thread reach support with
 * the card, whatever the status, and the writer is told (21); Lingala/Swahili pronouns between the verb and the money
 * (« nakozongisela ye mbongo ») (25); a seller's /close or « fermez le dossier » says only the buyer closes and how the
 * seller's own actions close it, with the card (31); a file captioned with a support command in the staff channel runs
 * the command instead of silence (47).
 *
 * Expectations revised (the bot's answer was good, or SPEC says otherwise), each marked where it is: « est clos »
 * (28, 29), « Le montant sera repris au vendeur » (40), /ask only after escalation per SPEC (42, 43), « n'est pas
 * clos » (46), « Je ne trouve pas cette boutique » (49), and 47 now expects the note without its photo (notes hold
 * words only).
 */
import { describe, expect, it } from 'vitest';
import { renderMessage } from '../../../src/app/render.js';
import type { Case, CaseEvent } from '../../../src/domain/case-model.js';
import type { Notification } from '../../../src/ports/notification.js';
import type { OutMessage } from '../../../src/ports/turn.js';
import { capabilitiesOf, createWorld, i18n, openCase, photo, START, type Speaker, type World } from './harness.js';

const world = (extra: Parameters<typeof createWorld>[1] = {}) => createWorld({ kind: 'memory' }, extra);

const SUPPORT = { accountId: 'acc-support-1', platform: 'telegram' as const };
const AMINA = { accountId: 'acc-amina', platform: 'telegram' as const };

/** The support desk: the staff group on Telegram. */
const desk = (w: World) => w.user({ account: 'acc-support-1', userId: 'sup', conversationId: 'staff-group', isPrivate: false, isStaffChannel: true });
/** Bisou Créations' owner (a Kinshasa shop) in a private chat. */
const bisou = (w: World) => w.user({ account: 'acc-bisou', userId: 'bisou' });
const lumiere = (w: World) => w.user({ account: 'acc-lumiere', userId: 'lumiere' });

let msgSeq = 0;
/** The bot posted the case card in this user's chat: a reply to it belongs to the case. */
async function inThread(w: World, s: Speaker, caseId: string) {
  const messageId = `p3m${++msgSeq}`;
  await w.threads.rememberMessage(s.platform, `dm-${s.userId}`, messageId, caseId);
  return { replyToMessageId: messageId };
}

const load = async (w: World, id: string): Promise<Case> => (await w.store.load(id))!;
const refunds = (c: Case) => c.timeline.filter((e): e is Extract<CaseEvent, { type: 'refund' }> => e.type === 'refund');
const ofType = (c: Case, type: CaseEvent['type']) => c.timeline.filter((e) => e.type === type);
/** FC in minor units. */
const fc = (n: number) => n * 100;

interface Button { id: string; label: string; token: string }
/** Every button of the last replies, with its label as the user reads it. */
function buttonsOf(s: Speaker, replies: OutMessage[] = s.last): Button[] {
  const out: Button[] = [];
  for (const o of replies) {
    const r = renderMessage(o, i18n, capabilitiesOf(s.platform));
    (o.choices ?? []).forEach((c, i) => out.push({ id: c.label.id, label: r.choices[i]!.label, token: c.token }));
    (o.card?.actions ?? []).forEach((c, i) => out.push({ id: c.label.id, label: r.card!.actions[i]!.label, token: c.token }));
  }
  return out;
}
const hasButton = (s: Speaker, re: RegExp) => buttonsOf(s).some((b) => re.test(b.label) || re.test(b.id));
async function pressLike(s: Speaker, re: RegExp, not?: RegExp) {
  const all = buttonsOf(s);
  const b = all.find((x) => (re.test(x.label) || re.test(x.id)) && !(not && (not.test(x.label) || not.test(x.id))));
  expect(b, `a button like ${re} among ${all.map((x) => `${x.id} «${x.label}»`).join(', ') || 'none'} — reply: ${s.read()}`).toBeDefined();
  return s.pressToken(b!.token);
}
const NO = /annul|cancel|non\b|^no\b|no-recover|pas de|modifier|change/i;
/** Presses the button that says yes to what was just offered. */
const confirm = (s: Speaker) => pressLike(s, /confirm|oui|yes|valider/i, NO);
/** What the user reads: the text of the replies and their buttons. */
const reads = (s: Speaker) => `${s.read()}\n${buttonsOf(s).map((b) => b.label).join(' | ')}`;

/** Notifications of a case for an account (or support), as the recipient reads them. */
async function told(w: World, caseId: string, to: string, ns?: Notification[]): Promise<string[]> {
  const all = ns ?? (await w.outbox(caseId));
  const mine = all.filter((n) => ('support' in n.to ? to === 'support' : n.to.accountId === to));
  const out: string[] = [];
  for (const n of mine) {
    const link = to === 'support' ? null : (await w.links.forAccount(to))[0] ?? { platform: 'telegram' as const, userId: `x-${to}`, accountId: to, address: `dm-x-${to}`, linkedAt: START };
    const m = await w.renderer.render(n, link ? { link } : { support: true }, 'telegram');
    const r = renderMessage(m, i18n, capabilitiesOf('telegram'));
    out.push([r.text, ...(r.card ? [r.card.title, ...r.card.lines] : [])].join('\n'));
  }
  return out;
}
/** The seller's case card as delivered at opening, with its buttons pressable by the seller `s`. */
async function sellerCard(w: World, s: Speaker, caseId: string): Promise<OutMessage> {
  const n = (await w.outbox(caseId)).find((x) => !('support' in x.to) && x.to.accountId === 'acc-bisou' && x.card);
  expect(n, 'a card for the seller').toBeDefined();
  const link = (await w.links.get(s.platform, s.userId))!;
  return w.renderer.render(n!, { link }, s.platform);
}
const FRENCH = /\b(vous|votre|le litige|la commande|pour|acheteu)/i;

describe('staff probe 3: sellers of small shops, as they type on their phones', () => {
  // ---- amounts as typed ----
  it('1. « je rembourse 10 mille » in the thread: the buyer reads it, the seller confirms, 10 000 FC refunded once', async () => {
    const w = await world();
    const id = await openCase(w, 'CC-1001', 'non_delivery');
    const s = await bisou(w);
    await s.text('ok maman je rembourse 10 mille aujourd hui', await inThread(w, s, id));
    expect((await load(w, id)).refunded.amount).toBe(0);
    expect((await told(w, id, 'acc-amina')).join('\n')).toContain('10 mille');
    await confirm(s);
    const c = await load(w, id);
    expect(refunds(c)).toHaveLength(1);
    expect(c.refunded.amount).toBe(fc(10_000));
    expect(c.status).toBe('open');
  });

  it('2. /refund c1 10k: 10 000 FC', async () => {
    const w = await world();
    const id = await openCase(w, 'CC-1001', 'non_delivery');
    const s = await bisou(w);
    await s.command('/refund c1 10k');
    if (hasButton(s, /confirm|oui/i)) await confirm(s);
    expect((await load(w, id)).refunded.amount).toBe(fc(10_000));
  });

  it('3. /refund C-000001 10 000fc: 10 000 FC', async () => {
    const w = await world();
    const id = await openCase(w, 'CC-1001', 'non_delivery');
    const s = await bisou(w);
    await s.command('/refund C-000001 10 000fc');
    if (hasButton(s, /confirm|oui/i)) await confirm(s);
    expect((await load(w, id)).refunded.amount).toBe(fc(10_000));
  });

  it('4. /refund C1 $20 on an order paid in francs: refused, the currency said, nothing refunded', async () => {
    const w = await world();
    const id = await openCase(w, 'CC-1001', 'non_delivery');
    const s = await bisou(w);
    await s.command('/refund C1 $20');
    expect(hasButton(s, /confirm|oui/i)).toBe(false);
    expect(reads(s)).toMatch(/FC|CDF|franc/i);
    expect((await load(w, id)).refunded.amount).toBe(0);
  });

  it('5. /refund 1 nusu (Swahili « half »): 25 000 FC of 50 000', async () => {
    const w = await world();
    const id = await openCase(w, 'CC-1001', 'non_delivery');
    const s = await bisou(w);
    await s.command('/refund 1 nusu');
    if (hasButton(s, /confirm|oui/i)) await confirm(s);
    expect((await load(w, id)).refunded.amount).toBe(fc(25_000));
  });

  it('6. /refund C-000001 vingt-cinq mille: 25 000 FC', async () => {
    const w = await world();
    const id = await openCase(w, 'CC-1001', 'non_delivery');
    const s = await bisou(w);
    await s.command('/refund C-000001 vingt-cinq mille');
    if (hasButton(s, /confirm|oui/i)) await confirm(s);
    expect((await load(w, id)).refunded.amount).toBe(fc(25_000));
  });

  it('7. /refund c1 60 000 on a 50 000 FC order: refused with the most that can be refunded', async () => {
    const w = await world();
    const id = await openCase(w, 'CC-1001', 'non_delivery');
    const s = await bisou(w);
    await s.command('/refund c1 60 000');
    expect(hasButton(s, /confirm|oui/i)).toBe(false);
    expect(s.read()).toMatch(/50[\s\u00a0\u202f.,]?000/);
    expect((await load(w, id)).refunded.amount).toBe(0);
  });

  it('8. « je lui rembourse tout » in the thread, confirmed: the case closes refunded and the buyer is told', async () => {
    const w = await world();
    const id = await openCase(w, 'CC-1001', 'non_delivery');
    const s = await bisou(w);
    await s.text('bon je lui rembourse tout, c est pas grave', await inThread(w, s, id));
    await confirm(s);
    const c = await load(w, id);
    expect(c.status).toBe('closed');
    expect(c.resolution).toBe('refunded');
    expect(c.refunded.amount).toBe(fc(50_000));
    expect((await told(w, id, 'acc-amina')).join('\n')).toMatch(/rembours/i);
  });

  it('9. the card\'s refund button, then the amount typed « 7.500fc »: 7 500 FC', async () => {
    const w = await world();
    const id = await openCase(w, 'CC-1001', 'non_delivery');
    const s = await bisou(w);
    const card = await sellerCard(w, s, id);
    const partial = buttonsOf(s, [card]).find((b) => /partiel|partial/i.test(b.label) || /partial/i.test(b.id));
    expect(partial, 'a partial refund button on the card').toBeDefined();
    await s.pressToken(partial!.token);
    await s.text('7.500fc');
    if (hasButton(s, /confirm|oui/i)) await confirm(s);
    expect((await load(w, id)).refunded.amount).toBe(fc(7_500));
  });

  it('10. a Paris shop on a dollar order: /refund C-000001 $20 refunds 20 USD', async () => {
    const w = await world();
    const id = await openCase(w, 'CC-1008', 'non_delivery');
    const s = await lumiere(w);
    await s.command(`/refund ${id} $20`);
    if (hasButton(s, /confirm|oui/i)) await confirm(s);
    const c = await load(w, id);
    expect(c.refunded).toEqual({ amount: 2000, currency: 'USD' });
  });

  // ---- refunds made outside the marketplace ----
  it('11. « j\'ai déjà remboursé par mobile money »: the case stays open, the seller is told it is not a refund through Congocrea', async () => {
    const w = await world();
    const id = await openCase(w, 'CC-1001', 'non_delivery');
    const s = await bisou(w);
    await s.text("j'ai déjà remboursé la cliente par mobile money hier soir", await inThread(w, s, id));
    const c = await load(w, id);
    expect(c.status).toBe('open');
    expect(c.refunded.amount).toBe(0);
    expect(reads(s)).toMatch(/Congocrea|marketplace|plateforme|bouton|rembourser/i);
    expect(s.read()).toMatch(/ouvert|ne (se )?ferme|pas (un|de) rembours|hors/i);
  });

  it('12. "I already refunded her on M-Pesa" from a seller whose account names no language: same, in English', async () => {
    const w = await world({ withoutLocale: ['acc-bisou'] });
    const id = await openCase(w, 'CC-1001', 'non_delivery');
    const s = await bisou(w);
    await s.text('I already refunded her on M-Pesa yesterday, please close this case', await inThread(w, s, id));
    const c = await load(w, id);
    expect(c.status).toBe('open');
    expect(c.refunded.amount).toBe(0);
    expect(s.read()).toMatch(/refund/i);
    expect(s.read()).not.toMatch(FRENCH);
  });

  // ---- tracking pasted as the carrier wrote it ----
  it('13. the whole DHL SMS pasted in the thread: nothing recorded until confirmed, then the case closes as delivered', async () => {
    const w = await world();
    const id = await openCase(w, 'CC-1005', 'non_delivery');
    const s = await bisou(w);
    await s.text('DHL: votre colis JD0142 a été livré à Gombe, Kinshasa le 04/11. Merci d avoir choisi DHL', await inThread(w, s, id));
    expect(ofType(await load(w, id), 'tracking')).toHaveLength(0);
    await confirm(s).catch(() => pressLike(s, /suivi|tracking/i, NO));
    if (hasButton(s, /confirm|oui/i)) await confirm(s);
    const c = await load(w, id);
    expect(c.status).toBe('closed');
    expect(c.resolution).toBe('delivered');
  });

  it('14. /tracking with the SMS after the id: the number is read out of it', async () => {
    const w = await world();
    const id = await openCase(w, 'CC-1005', 'non_delivery');
    const s = await bisou(w);
    await s.command(`/tracking ${id} DHL: Votre envoi JD0142 est livré`);
    if (hasButton(s, /confirm|oui/i)) await confirm(s);
    const t = ofType(await load(w, id), 'tracking') as Array<Extract<CaseEvent, { type: 'tracking' }>>;
    expect(t).toHaveLength(1);
    expect(t[0]!.number).toBe('JD0142');
    expect(t[0]!.carrier.toLowerCase()).toBe('dhl');
  });

  it('15. tracking delivered in Kinshasa for an order to Lubumbashi: still open, the seller told where it went', async () => {
    const w = await world();
    const id = await openCase(w, 'CC-1006', 'non_delivery', 'acc-joel');
    const s = await bisou(w);
    await s.command(`/tracking ${id} dhl JD0177`);
    if (hasButton(s, /confirm|oui/i)) await confirm(s);
    const c = await load(w, id);
    expect(c.status).toBe('open');
    expect(c.trackingMismatch).toBe(true);
    expect(s.read()).toMatch(/Kinshasa/);
  });

  it('16. only a number « JD0150 » in the thread: offered to add it as tracking, nothing recorded yet', async () => {
    const w = await world();
    const id = await openCase(w, 'CC-1001', 'non_delivery');
    const s = await bisou(w);
    await s.text('JD0150', await inThread(w, s, id));
    expect(ofType(await load(w, id), 'tracking')).toHaveLength(0);
    expect(hasButton(s, /suivi|tracking|confirm|oui/i)).toBe(true);
  });

  // ---- several cases in one message ----
  it('17. two cases answered in one private message: nothing sent to either buyer, the seller picks', async () => {
    const w = await world();
    const a = await openCase(w, 'CC-1001', 'non_delivery');
    const b = await openCase(w, 'CC-1002', 'not_as_described');
    const s = await bisou(w);
    await s.text('C-000001 je rembourse demain. C-000002 le sac est parti hier par DHL');
    expect(ofType(await load(w, a), 'comment')).toHaveLength(0);
    expect(ofType(await load(w, b), 'comment')).toHaveLength(0);
    const r = reads(s);
    expect(r).toMatch(/C-000001|CC-1001/);
    expect(r).toMatch(/C-000002|CC-1002/);
  });

  it('18. « pour la commande CC-1002 : le sac est parti hier » in private: sent only once the seller says so, to that buyer', async () => {
    const w = await world();
    const a = await openCase(w, 'CC-1001', 'non_delivery');
    const b = await openCase(w, 'CC-1002', 'not_as_described');
    const s = await bisou(w);
    await s.text('pour la commande CC-1002 : le sac est parti hier');
    expect(ofType(await load(w, b), 'comment')).toHaveLength(0);
    await pressLike(s, /envoyer|send|C-000002|CC-1002/i, NO);
    expect(ofType(await load(w, b), 'comment')).toHaveLength(1);
    expect(ofType(await load(w, a), 'comment')).toHaveLength(0);
    expect((await told(w, b, 'acc-amina')).join('\n')).toContain('le sac est parti hier');
  });

  // ---- the seller disputes, insults, threatens, asks for a phone ----
  it('19. « elle ment, je l\'ai livré moi-même »: the buyer reads it, the seller is pointed to a proof of shipping', async () => {
    const w = await world();
    const id = await openCase(w, 'CC-1001', 'non_delivery');
    const s = await bisou(w);
    await s.text("elle ment, je l'ai livré moi-même à Matonge samedi", await inThread(w, s, id));
    expect((await told(w, id, 'acc-amina')).join('\n')).toContain('elle ment');
    expect((await load(w, id)).status).toBe('open');
    expect(reads(s)).toMatch(/preuve|proof/i);
  });

  it('20. an insult: kept in the timeline for support, the seller is not left in silence', async () => {
    const w = await world();
    const id = await openCase(w, 'CC-1002', 'not_as_described');
    const s = await bisou(w);
    await s.text('cette cliente est une menteuse et une voleuse, idiote', await inThread(w, s, id));
    const c = await load(w, id);
    expect(c.timeline.some((e) => e.type === 'comment' && e.text.includes('voleuse'))).toBe(true);
    expect(s.last.length).toBeGreaterThan(0);
  });

  it('21. a threat against the buyer: support hears of it', async () => {
    const w = await world();
    const id = await openCase(w, 'CC-1001', 'non_delivery');
    const s = await bisou(w);
    await s.text('si tu ne retires pas ce litige je viens chez toi avec mes gars, tu vas voir', await inThread(w, s, id));
    expect((await told(w, id, 'support')).length).toBeGreaterThan(0);
  });

  it('22. the seller asks the buyer for her WhatsApp number: told to keep it in the case messages', async () => {
    const w = await world();
    const id = await openCase(w, 'CC-1001', 'non_delivery');
    const s = await bisou(w);
    await s.text('donne moi ton numéro whatsapp on va régler ça entre nous', await inThread(w, s, id));
    expect(s.read()).toMatch(/ici|messages|Congocrea|litige/i);
    expect(s.read()).toMatch(/garde|rest|continu|hors|en dehors|pas de num/i);
  });

  it('23. the seller asks the bot for the buyer\'s phone number: none given, told to write in the case', async () => {
    const w = await world();
    await openCase(w, 'CC-1001', 'non_delivery');
    const s = await bisou(w);
    await s.text('svp donnez moi le numéro de téléphone de la cliente Amina pour la livraison');
    expect(s.read()).not.toMatch(/\+?243\s?\d/);
    expect(s.read()).toMatch(/litige|C-000001|message|ici/i);
  });

  // ---- languages ----
  it('24. a Lingala answer in the thread reaches the buyer as written', async () => {
    const w = await world();
    const id = await openCase(w, 'CC-1001', 'non_delivery');
    const s = await bisou(w);
    await s.text('Mama, natindaki yango lobi na moto ya moto, ekokoma lelo na mpokwa', await inThread(w, s, id));
    expect((await told(w, id, 'acc-amina')).join('\n')).toContain('natindaki yango lobi');
  });

  it('25. a Lingala seller « nakozongisela ye mbongo na ye mobimba »: the full refund offered, answered in Lingala', async () => {
    const w = await world({ withoutLocale: ['acc-bisou'] });
    const id = await openCase(w, 'CC-1001', 'non_delivery');
    const s = await bisou(w);
    await s.text('nakozongisela ye mbongo na ye mobimba', await inThread(w, s, id));
    expect(s.read()).toMatch(/50[\s\u00a0\u202f.,]?000/);
    expect(s.read()).not.toMatch(FRENCH);
    await confirm(s);
    expect((await load(w, id)).refunded.amount).toBe(fc(50_000));
  });

  it('26. a Nairobi-style Swahili seller sends the DHL number in words: tracking offered, answered in Swahili', async () => {
    const w = await world({ withoutLocale: ['acc-bisou'] });
    const id = await openCase(w, 'CC-1005', 'non_delivery');
    const s = await bisou(w);
    await s.text('Habari, nimetuma mzigo jana kwa DHL, namba ni JD0142', await inThread(w, s, id));
    expect(s.read()).not.toMatch(FRENCH);
    expect(s.read()).toMatch(/JD0142/);
    expect(hasButton(s, /confirm|ndiyo|ongeza|tracking|ufuatiliaji/i)).toBe(true);
  });

  it('27. "I will refund 15000 today" in English: a 15 000 FC confirmation, in English', async () => {
    const w = await world({ withoutLocale: ['acc-bisou'] });
    const id = await openCase(w, 'CC-1001', 'non_delivery');
    const s = await bisou(w);
    await s.text('Hello, I will refund 15000 today to the customer', await inThread(w, s, id));
    expect(s.read()).toMatch(/15[\s\u00a0\u202f.,]?000/);
    expect(s.read()).not.toMatch(FRENCH);
    await confirm(s);
    expect((await load(w, id)).refunded.amount).toBe(fc(15_000));
  });

  // ---- old buttons, closing oneself ----
  it('28. the card\'s refund button pressed after the buyer closed the case: refused as closed, nothing refunded', async () => {
    const w = await world();
    const id = await openCase(w, 'CC-1001', 'non_delivery');
    const s = await bisou(w);
    const card = await sellerCard(w, s, id);
    await w.cases.act(AMINA, id, { type: 'BuyerClose' });
    const full = buttonsOf(s, [card]).find((b) => /rembours|refund/i.test(b.label) && !/partiel|partial/i.test(b.label));
    expect(full).toBeDefined();
    await s.pressToken(full!.token);
    if (hasButton(s, /confirm|oui/i)) await confirm(s);
    expect(refunds(await load(w, id))).toHaveLength(0);
    // Revised: « le litige … est clos depuis le … » is as plain as « clôturé »; the probe's word list missed « clos ».
    expect(s.read()).toMatch(/clôtur|ferm|closed|\bclos\b/i);
  });

  it('29. a refund confirmation pressed after the buyer closed the case: no money moves', async () => {
    const w = await world();
    const id = await openCase(w, 'CC-1001', 'non_delivery');
    const s = await bisou(w);
    await s.command(`/refund ${id} 20000`);
    const yes = buttonsOf(s).find((b) => /confirm|oui/i.test(b.label) && !NO.test(b.label));
    expect(yes).toBeDefined();
    await w.cases.act(AMINA, id, { type: 'BuyerClose' });
    await s.pressToken(yes!.token);
    expect(refunds(await load(w, id))).toHaveLength(0);
    // Revised as in 28: « est clos » says it.
    expect(s.read()).toMatch(/clôtur|ferm|\bclos\b/i);
  });

  it('30. the confirmation pressed twice on a slow network: one refund', async () => {
    const w = await world();
    const id = await openCase(w, 'CC-1001', 'non_delivery');
    const s = await bisou(w);
    await s.command(`/refund ${id} 20000`);
    const yes = buttonsOf(s).find((b) => /confirm|oui/i.test(b.label) && !NO.test(b.label))!;
    await s.pressToken(yes.token);
    await s.pressToken(yes.token);
    const c = await load(w, id);
    expect(refunds(c)).toHaveLength(1);
    expect(c.refunded.amount).toBe(fc(20_000));
  });

  it('31. the seller types /close c1: refused, told only the buyer closes and what he can do', async () => {
    const w = await world();
    const id = await openCase(w, 'CC-1001', 'non_delivery');
    const s = await bisou(w);
    await s.command('/close c1');
    expect((await load(w, id)).status).toBe('open');
    expect(s.read()).toMatch(/acheteu/i);
    expect(reads(s)).toMatch(/rembours|suivi|preuve/i);
  });

  it('32. « fermez le dossier svp c\'est réglé » in the thread: the case stays open, the seller learns how it closes', async () => {
    const w = await world();
    const id = await openCase(w, 'CC-1001', 'non_delivery');
    const s = await bisou(w);
    await s.text("fermez le dossier svp c'est réglé avec elle", await inThread(w, s, id));
    expect((await load(w, id)).status).toBe('open');
    expect(s.read()).toMatch(/acheteu/i);
  });

  // ---- suspended shop ----
  it('33. a suspended shop can still refund its buyer; the suspension stays', async () => {
    const w = await world();
    const id = await openCase(w, 'CC-1001', 'non_delivery');
    await w.cases.suspendShop(SUPPORT, 'shop-bisou', 'clients ignorés');
    const s = await bisou(w);
    await s.command(`/refund ${id}`);
    if (hasButton(s, /confirm|oui/i)) await confirm(s);
    expect((await load(w, id)).refunded.amount).toBe(fc(50_000));
    expect(await w.cases.shopSuspension('shop-bisou')).not.toBeNull();
  });

  it('34. « pourquoi ma boutique est bloquée ?? »: told it is suspended, with the way to ask for reinstatement', async () => {
    const w = await world();
    await w.cases.suspendShop(SUPPORT, 'shop-bisou', 'clients ignorés');
    const s = await bisou(w);
    await s.text('pourquoi ma boutique est bloquée ?? je ne peux plus vendre');
    expect(s.read()).toMatch(/suspend/i);
    expect(hasButton(s, /réactiv|reinstat|rétabl/i)).toBe(true);
  });
});

describe('staff probe 3: support agents typing fast', () => {
  it('35. /escalate C-1 harcèlement: escalated for harassment', async () => {
    const w = await world();
    const id = await openCase(w, 'CC-1001', 'non_delivery');
    const d = await desk(w);
    await d.command('/escalate C-1 harcèlement');
    if (hasButton(d, /confirm|oui/i)) await confirm(d);
    const c = await load(w, id);
    expect(c.status).toBe('escalated');
    expect(c.escalationGround).toBe('harassment');
  });

  it('36. /escalate #1 inactivite (no accent): escalated for inactivity', async () => {
    const w = await world();
    const id = await openCase(w, 'CC-1001', 'non_delivery');
    const d = await desk(w);
    await d.command('/escalate #1 inactivite');
    if (hasButton(d, /confirm|oui/i)) await confirm(d);
    expect((await load(w, id)).escalationGround).toBe('inactivity');
  });

  it('37. /escalate c1 with no ground: the grounds offered, one tap escalates', async () => {
    const w = await world();
    const id = await openCase(w, 'CC-1001', 'non_delivery');
    const d = await desk(w);
    await d.command('/escalate c1');
    expect((await load(w, id)).status).toBe('open');
    await pressLike(d, /harc|harass/i);
    if (hasButton(d, /confirm|oui/i)) await confirm(d);
    expect((await load(w, id)).escalationGround).toBe('harassment');
  });

  it('38. /escalte C-000001 inactivity (typo): nothing done, /escalate suggested', async () => {
    const w = await world();
    const id = await openCase(w, 'CC-1001', 'non_delivery');
    const d = await desk(w);
    await d.command('/escalte C-000001 inactivity');
    expect((await load(w, id)).status).toBe('open');
    expect(reads(d)).toMatch(/\/escalate/);
  });

  it('39. /case c1, /case C1, /case #1: the same case C-000001', async () => {
    const w = await world();
    await openCase(w, 'CC-1001', 'non_delivery');
    const d = await desk(w);
    for (const form of ['c1', 'C1', '#1']) {
      const out = await d.command(`/case ${form}`);
      expect(out.find((o) => o.card)?.card?.caseId, form).toBe('C-000001');
    }
  });

  it('40. /refund c1 20000 recover on an escalated case: 20 000 FC refunded once, recovered from the seller, who is told', async () => {
    const w = await world();
    const id = await openCase(w, 'CC-1001', 'non_delivery');
    await w.cases.act(SUPPORT, id, { type: 'Escalate', ground: 'inactivity' });
    const d = await desk(w);
    await d.command('/refund c1 20000 recover');
    if (hasButton(d, /confirm|oui|recover|récup/i)) await pressLike(d, /confirm|oui|recover|récup/i, NO);
    const c = await load(w, id);
    expect(refunds(c)).toHaveLength(1);
    expect(refunds(c)[0]!.amount.amount).toBe(fc(20_000));
    expect(refunds(c)[0]!.recover).toBe(true);
    // Revised: the seller reads « Le montant sera repris au vendeur », which says it; the probe's list missed « repris ».
    expect((await told(w, id, 'acc-bisou')).join('\n')).toMatch(/récup|recouvr|prélev|retenu|débit|à votre charge|repris/i);
  });

  it('41. /refund C-000001 recover (full) on an escalated case: closed by support\'s refund, 50 000 FC', async () => {
    const w = await world();
    const id = await openCase(w, 'CC-1001', 'non_delivery');
    await w.cases.act(SUPPORT, id, { type: 'Escalate', ground: 'inactivity' });
    const d = await desk(w);
    await d.command('/refund C-000001 recover');
    if (hasButton(d, /confirm|oui|recover|récup/i)) await pressLike(d, /confirm|oui|recover|récup/i, NO);
    const c = await load(w, id);
    expect(c.status).toBe('closed');
    expect(c.resolution).toBe('support_refund');
    expect(c.refunded.amount).toBe(fc(50_000));
    expect(refunds(c)[0]!.recover).toBe(true);
  });

  it('42. /ask with a long question to the seller: the seller receives it whole', async () => {
    const w = await world();
    const id = await openCase(w, 'CC-1001', 'non_delivery');
    // Revised: SPEC lets support ask a party « after escalation »; on an open case the bot says so (« possible once
    // escalated »), which is right. The question is asked on an escalated case.
    await w.cases.act(SUPPORT, id, { type: 'Escalate', ground: 'inactivity' });
    const d = await desk(w);
    const long =
      "Bonjour, l'acheteuse affirme n'avoir rien reçu alors que vous dites avoir livré vous-même. Merci de nous envoyer " +
      'une photo du bon de livraison signé, le nom du livreur, la date et l\'heure de la remise, et le quartier exact ' +
      '(elle habite avenue de la Paix à Gombe). Sans ces éléments sous 48 heures nous devrons décider en faveur de ' +
      "l'acheteuse et rembourser la commande en récupérant le montant sur vos ventes. Fin du message, merci.";
    await d.command(`/ask ${id} seller ${long}`);
    if (hasButton(d, /confirm|oui/i)) await confirm(d);
    expect(ofType(await load(w, id), 'info_requested')).toHaveLength(1);
    expect((await told(w, id, 'acc-bisou')).join('\n')).toContain('Fin du message, merci.');
    expect((await told(w, id, 'acc-bisou')).join('\n')).toContain('avenue de la Paix à Gombe');
  });

  it('43. /ask c1 vendeur …: the party named in French is the seller', async () => {
    const w = await world();
    const id = await openCase(w, 'CC-1001', 'non_delivery');
    // Revised as in 42: asked after escalation.
    await w.cases.act(SUPPORT, id, { type: 'Escalate', ground: 'inactivity' });
    const d = await desk(w);
    await d.command('/ask c1 vendeur envoyez la preuve d expédition svp');
    if (hasButton(d, /confirm|oui/i)) await confirm(d);
    const c = await load(w, id);
    expect(c.infoRequested?.from).toBe('seller');
  });

  it('44. /ask C-000001 alone: how to write it, nothing recorded', async () => {
    const w = await world();
    const id = await openCase(w, 'CC-1001', 'non_delivery');
    const d = await desk(w);
    await d.command('/ask C-000001');
    expect(ofType(await load(w, id), 'info_requested')).toHaveLength(0);
    expect(reads(d)).toMatch(/\/ask|buyer|seller|acheteur|vendeur/i);
  });

  it('45. /decide c1 seller on a case not escalated: refused, told to escalate first, still open', async () => {
    const w = await world();
    const id = await openCase(w, 'CC-1001', 'non_delivery');
    const d = await desk(w);
    await d.command('/decide c1 seller');
    if (hasButton(d, /confirm|oui/i)) await confirm(d);
    expect((await load(w, id)).status).toBe('open');
    expect(reads(d)).toMatch(/escalad|transmis|\/escalate/i);
  });

  it('46. /reopen c1 on an open case: told it is already open, nothing recorded', async () => {
    const w = await world();
    const id = await openCase(w, 'CC-1001', 'non_delivery');
    const d = await desk(w);
    await d.command('/reopen c1');
    if (hasButton(d, /confirm|oui/i)) await confirm(d);
    expect(ofType(await load(w, id), 'reopened')).toHaveLength(0);
    // Revised: « Ce litige n’est pas clos. » is the plain answer; the probe's list wanted « ouvert ».
    expect(d.read()).toMatch(/ouvert|open|en cours|pas clos/i);
  });

  // Revised: notes are words only (the timeline, the admin API, retention and the orphan sweep know files as evidence of
  // the parties); the agent now gets the note and is told the file is not kept, instead of silence.
  it('47. /note C-000001 as a photo\'s caption: the internal note recorded, the agent told the photo is not kept, the parties told nothing', async () => {
    const w = await world();
    const id = await openCase(w, 'CC-1001', 'non_delivery');
    const before = (await w.outbox(id)).length;
    const d = await desk(w);
    await d.attach(photo(7), '/note C-000001 reçu de dépôt falsifié, la date est retouchée');
    const c = await load(w, id);
    expect(c.timeline.some((e) => e.type === 'note' && e.text.includes('falsifié'))).toBe(true);
    expect(d.read()).toMatch(/fichier n’est pas gardé/i);
    const after = (await w.outbox(id)).slice(before).filter((n) => !('support' in n.to));
    expect(after).toHaveLength(0);
  });

  it('48. /suspend bisou creations retards répétés: the shop named loosely is suspended with the reason', async () => {
    const w = await world();
    const d = await desk(w);
    await d.command('/suspend bisou creations retards répétés');
    if (hasButton(d, /confirm|oui/i)) await confirm(d);
    const s = await w.cases.shopSuspension('shop-bisou');
    expect(s).not.toBeNull();
    expect(s!.reason).toMatch(/retards répétés/);
    expect(s!.reason).not.toMatch(/creations/i);
    expect(d.read()).toMatch(/Bisou Créations/);
  });

  it('49. /suspend Mama Ngozi fraude (no such shop): refused, nothing suspended', async () => {
    const w = await world();
    const d = await desk(w);
    await d.command('/suspend Mama Ngozi fraude');
    if (hasButton(d, /confirm|oui/i)) await confirm(d);
    expect(await w.cases.shopSuspension('shop-bisou')).toBeNull();
    expect(await w.cases.shopSuspension('shop-lumiere')).toBeNull();
    // Revised: « Je ne trouve pas cette boutique. » is a clear refusal; the probe's list missed « ne trouve pas ».
    expect(d.read()).toMatch(/Mama Ngozi|introuvable|aucune boutique|pas de boutique|not found|ne trouve pas/i);
  });

  it('50. an agent types /decide in a private chat: refused, pointed to the staff channel', async () => {
    const w = await world();
    const id = await openCase(w, 'CC-1001', 'non_delivery');
    await w.cases.act(SUPPORT, id, { type: 'Escalate', ground: 'inactivity' });
    const d = await w.user({ account: 'acc-support-1', userId: 'sup-dm' });
    await d.command('/decide C-000001 seller');
    if (hasButton(d, /confirm|oui/i)) await confirm(d);
    expect((await load(w, id)).status).toBe('escalated');
    expect(d.read()).toMatch(/canal|groupe|staff|support/i);
  });
});

/**
 * Written after the fixes, in new words, to see whether they hold beyond the probe's own sentences. As first written:
 * 11 of 12 passed; V2 (« je lui ai remis son argent en cash », money given back without « rembourser ») passed once
 * « remis / rendu / renvoyé … argent » was read as a refund told as done.
 */
describe('staff probe 3 variants: the same phenomena in other words', () => {
  it('V1. « nimeshamrudishia pesa yake kwa M-Pesa jana » (Swahili, done outside): still open, no confirmation offered', async () => {
    const w = await world();
    const id = await openCase(w, 'CC-1001', 'non_delivery');
    const s = await bisou(w);
    await s.text('nimeshamrudishia pesa yake kwa M-Pesa jana', await inThread(w, s, id));
    expect(hasButton(s, /confirm|oui/i)).toBe(false);
    expect((await load(w, id)).refunded.amount).toBe(0);
    expect(s.read()).toMatch(/Congocrea/);
  });

  it('V2. « je lui ai remis son argent en cash ce matin »: not a refund of the case, no confirmation', async () => {
    const w = await world();
    const id = await openCase(w, 'CC-1001', 'non_delivery');
    const s = await bisou(w);
    await s.text('je lui ai remis son argent en cash ce matin', await inThread(w, s, id));
    expect(hasButton(s, /confirm|oui/i)).toBe(false);
    expect((await load(w, id)).status).toBe('open');
    expect(s.read()).toMatch(/Congocrea|ouvert/i);
  });

  it('V3. « ok je rembourse la moitié, mais pas plus » : half offered (the « pas » is about « plus »)', async () => {
    const w = await world();
    const id = await openCase(w, 'CC-1001', 'non_delivery');
    const s = await bisou(w);
    await s.text('ok je rembourse la moitié, mais pas plus', await inThread(w, s, id));
    await confirm(s);
    expect((await load(w, id)).refunded.amount).toBe(fc(25_000));
  });

  it('V4. « c\'est livré depuis mardi, la dame a signé » : the proof and tracking buttons come', async () => {
    const w = await world();
    const id = await openCase(w, 'CC-1001', 'non_delivery');
    const s = await bisou(w);
    await s.text("c'est livré depuis mardi, la dame a signé le bon", await inThread(w, s, id));
    expect(hasButton(s, /preuve/i)).toBe(true);
  });

  it('V5. "I delivered it myself to her shop in Gombe" : the proof button comes, in English', async () => {
    const w = await world({ withoutLocale: ['acc-bisou'] });
    const id = await openCase(w, 'CC-1001', 'non_delivery');
    const s = await bisou(w);
    await s.text('I delivered it myself to her shop in Gombe, she is lying', await inThread(w, s, id));
    expect(hasButton(s, /proof/i)).toBe(true);
    expect(s.read()).not.toMatch(FRENCH);
  });

  it('V6. « suivi: RR123456789CD » then « la poste » when asked the carrier: the tracking is recorded', async () => {
    const w = await world();
    const id = await openCase(w, 'CC-1001', 'non_delivery');
    const s = await bisou(w);
    await s.text('suivi: RR123456789CD', await inThread(w, s, id));
    await pressLike(s, /RR123456789CD/);
    await s.text('la poste');
    const t = ofType(await load(w, id), 'tracking') as Array<Extract<CaseEvent, { type: 'tracking' }>>;
    expect(t).toHaveLength(1);
    expect(t[0]!.number).toBe('RR123456789CD');
  });

  it('V7. « bazali koluka yo, okomona » (Lingala threat): support is told', async () => {
    const w = await world();
    const id = await openCase(w, 'CC-1001', 'non_delivery');
    const s = await bisou(w);
    await s.text('bazali koluka yo, okomona soki olongoli litige te', await inThread(w, s, id));
    expect((await told(w, id, 'support')).length).toBeGreaterThan(0);
  });

  it('V8. "I know where you live, withdraw this" : support is told, the buyer still reads it', async () => {
    const w = await world();
    const id = await openCase(w, 'CC-1001', 'non_delivery');
    const s = await bisou(w);
    await s.text('I know where you live, withdraw this now', await inThread(w, s, id));
    expect((await told(w, id, 'support')).join('\n')).toMatch(/menace/i);
    expect((await told(w, id, 'acc-amina')).join('\n')).toContain('I know where you live');
  });

  it('V9. « clôturez ce litige svp, elle a reçu » : open still, told how it closes', async () => {
    const w = await world();
    const id = await openCase(w, 'CC-1001', 'non_delivery');
    const s = await bisou(w);
    await s.text('clôturez ce litige svp, elle a reçu', await inThread(w, s, id));
    expect((await load(w, id)).status).toBe('open');
    expect(s.read()).toMatch(/Seul l’acheteur/);
  });

  it('V10. /close C-000002 on a not-as-described case: only the buyer, the refund named, no tracking promised', async () => {
    const w = await world();
    await openCase(w, 'CC-1001', 'non_delivery');
    const id = await openCase(w, 'CC-1002', 'not_as_described');
    const s = await bisou(w);
    await s.command('/close C-000002');
    expect((await load(w, id)).status).toBe('open');
    expect(s.read()).toMatch(/remboursement complet/);
    expect(s.read()).not.toMatch(/suivi qui montre/);
  });

  it('V11. a photo captioned « /note 1 bordereau douteux » in the staff group: noted, the agent told about the file', async () => {
    const w = await world();
    const id = await openCase(w, 'CC-1001', 'non_delivery');
    const d = await desk(w);
    await d.attach(photo(3), '/note 1 bordereau douteux');
    expect((await load(w, id)).timeline.some((e) => e.type === 'note' && e.text.includes('douteux'))).toBe(true);
    expect(d.read()).toMatch(/fichier/i);
  });

  it('V12. a photo without caption in the staff group: not silent', async () => {
    const w = await world();
    await openCase(w, 'CC-1001', 'non_delivery');
    const d = await desk(w);
    await d.attach(photo(4));
    expect(d.last.length).toBeGreaterThan(0);
  });
});

describe('staff probe 3 fixes: what they must leave alone', () => {
  it.each(['je passe chez vous demain pour livrer', 'tu vas voir le colis arriver demain', 'mes gars vont livrer demain matin', 'utaona mzigo kesho'])(
    '« %s » is no threat: support is not told, the writer is not warned',
    async (typed) => {
      const w = await world();
      const id = await openCase(w, 'CC-1001', 'non_delivery');
      const s = await bisou(w);
      await s.text(typed, await inThread(w, s, id));
      expect(await told(w, id, 'support')).toHaveLength(0);
      expect(s.read()).not.toMatch(/menace/i);
    },
  );

  it('« je lui ai rendu son argent » (no channel named): the warning and the confirmation, no proof-of-shipping buttons', async () => {
    const w = await world();
    const id = await openCase(w, 'CC-1001', 'non_delivery');
    const s = await bisou(w);
    await s.text('je lui ai rendu son argent hier', await inThread(w, s, id));
    expect(s.read()).toMatch(/ne confirmez pas/);
    expect(hasButton(s, /preuve/i)).toBe(false);
    expect((await load(w, id)).refunded.amount).toBe(0);
  });

  it('« je n\'ai pas encore livré, demain » claims nothing: no proof buttons', async () => {
    const w = await world();
    const id = await openCase(w, 'CC-1001', 'non_delivery');
    const s = await bisou(w);
    await s.text("je n'ai pas encore livré, demain", await inThread(w, s, id));
    expect(hasButton(s, /preuve/i)).toBe(false);
  });
});
