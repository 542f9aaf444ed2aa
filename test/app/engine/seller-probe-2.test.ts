import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Case } from '../../../src/domain/case-model.js';
import type { Notification } from '../../../src/ports/notification.js';
import type { Choice } from '../../../src/ports/turn.js';
import { backendWorld, buttons, DAY, handNudges, openCase, photo, type Speaker, type World } from './harness.js';

/**
 * A blind probe of whole SELLER conversations after a buyer opened a case, the way Kinshasa shop owners write (French,
 * Lingala, Swahili, English and mixes; SMS spelling without accents, dictated run-ons, defensive or angry): the seller
 * answering in the case's thread (a reply to the case's message on Telegram, the case thread on Discord), in his DM
 * outside it, after the reminder, after the deadline, on a closed or decided case, with old buttons. Written from SPEC,
 * README, docs/, the locales and the harness's public API only, before reading src/. Each scenario asserts what the
 * seller (or the buyer) would notice: the seller's words reach the buyer, or are held with a reason said; what he means
 * is acted on where the bot acts (tracking or proof offered, refund confirmation, support, the deadline); nothing
 * reaches the buyer that he did not mean to send; no money moves on words; buttons on closed cases do nothing.
 *
 * As first written (commit before reading src/): memory 23 of 32, Redis 7 of 11 (30 of 43). Failed: s01, s02, s03,
 * s04, s06, s07, s13, s26, s30. s03 and s26 were the probe's own mistake (amounts are in minor units: 5 000 000 is
 * FC 50 000,00); fixed in the probe. After the fixes: 32 of 32 and 11 of 11 (43 of 43). 7 real defects, each tested in
 * other words in seller-probe-2-fixes.test.ts (16 tests, all failing without the fixes):
 * - s01 a tracking number named inside a sentence (« voici le numero de suivi 123456 ») was only relayed; now offered as tracking.
 * - s02 a photo captioned « preuve » was a plain photo with nothing said; now the proof-of-shipping button comes with why.
 * - s04 « c le client ki ment il a recu » was only relayed; a delivery claimed of the buyer brings the proof and tracking buttons.
 * - s06 Swahili « nitampa pesa yake » (and « je vais lui rendre son argent ») was no refund; now the confirmation is offered.
 * - s07 "give me 2 more days" was relayed with no word on the deadline; now the seller learns it does not move, and its date.
 * - s13 « je vais venir chez toi … tu vas voir » was no threat; a home visit with a warning now tells support.
 * - s30 « combien de temps il me reste ? » in the thread went to the buyer; now answered with the deadline, one tap from her.
 * Left alone: insults are relayed without a word (SPEC names harassment only as support's escalation ground); a phone
 * number written in the thread reaches the buyer, the seller then asked to keep to messages (as SPEC says).
 *
 * Demo clock: Tuesday 2026-11-10 09:00Z (10:00 Kinshasa). A case opened then may be escalated from 13 November.
 */

const HOUR = 3600 * 1000;
const load = async (w: World, id: string): Promise<Case> => (await w.store.load(id))!;

async function to(w: World, caseId: string, account: string): Promise<Notification[]> {
  return (await w.outbox(caseId)).filter((n) => !('support' in n.to) && n.to.accountId === account);
}
async function toSupport(w: World, caseId: string): Promise<Notification[]> {
  return (await w.outbox(caseId)).filter((n) => 'support' in n.to);
}
async function reached(w: World, caseId: string, account: string, words: string): Promise<boolean> {
  return (await to(w, caseId, account)).some((n) => JSON.stringify(n.body).includes(words));
}
const NOT_UNDERSTOOD = /pas (bien )?compris|not understand|didn.t understand|sijaelewa|nasimbi te/i;
function noDeadEnd(s: Speaker) {
  expect(s.last.length, 'an answer').toBeGreaterThan(0);
  expect(s.ids()).not.toContain('engine-fallback');
  expect(s.ids()).not.toContain('error-internal');
  expect(s.read()).not.toMatch(NOT_UNDERSTOOD);
}
const allButtons = (s: Speaker) => buttons(s.last);
function findButton(s: Speaker, re: RegExp): Choice | undefined {
  return s.last.flatMap((o) => [...(o.choices ?? []), ...(o.card?.actions ?? [])]).find((c) => re.test(c.label.id));
}

/** Amina (buyer) and Bisou (seller) in private Telegram chats; a case on CC-1001 (or CC-1002); the seller's case message is '700'. */
async function cast(w: World, order = 'CC-1001', reason: 'non_delivery' | 'not_as_described' = 'non_delivery') {
  const amina = await w.user({ account: 'acc-amina', userId: 'amina', conversationId: 'dm-amina' });
  const bisou = await w.user({ account: 'acc-bisou', userId: 'bisou', conversationId: 'dm-bisou' });
  const id = await openCase(w, order, reason);
  await w.threads.rememberMessage('telegram', 'dm-bisou', '700', id);
  await w.threads.rememberMessage('telegram', 'dm-amina', '600', id);
  let n = 0;
  /** The seller writes in the case's thread (a reply to the case's message). */
  const inThread = (text: string) => bisou.text(text, { replyToMessageId: '700', messageId: `s${++n}` });
  return { amina, bisou, id, inThread };
}

/** The buyer closes the case as satisfied (/close, then its confirmation). */
async function buyerCloses(amina: Speaker, id: string) {
  await amina.command(`/close ${id}`);
  const b = findButton(amina, /confirm/);
  if (b) await amina.pressToken(b.token);
}

type Scenario = { name: string; redis?: boolean; run: (w: World) => Promise<void> };

const scenarios: Scenario[] = [
  {
    name: 's01 « colis deja envoyé depuis lundi voici le numero de suivi 123456 » reaches the buyer; adding the number as tracking is offered, not done',
    redis: true,
    async run(w) {
      const { id, bisou, inThread } = await cast(w);
      await inThread('colis deja envoyé depuis lundi voici le numero de suivi 123456');
      noDeadEnd(bisou);
      expect(await reached(w, id, 'acc-amina', 'colis deja envoyé depuis lundi')).toBe(true);
      expect(bisou.read()).toContain('123456');
      expect(allButtons(bisou).some((b) => /tracking/.test(b))).toBe(true);
      expect((await load(w, id)).timeline.some((e) => e.type === 'tracking')).toBe(false);
    },
  },
  {
    name: 's02 a photo of a receipt captioned « preuve » in the thread is added to the case and reaches the buyer; proof of shipping is offered',
    redis: true,
    async run(w) {
      const { id, bisou } = await cast(w);
      await bisou.attach(photo(5), 'preuve', { replyToMessageId: '700' });
      noDeadEnd(bisou);
      const c = await load(w, id);
      expect(c.timeline.some((e) => e.type === 'evidence')).toBe(true);
      expect((await to(w, id, 'acc-amina')).some((n) => n.body.some((m) => m.id === 'notify-evidence'))).toBe(true);
      // « preuve »: the seller means a proof of shipping; the bot asks which kind or offers the proof button.
      const ids = [...bisou.ids(), ...allButtons(bisou)];
      expect(ids.some((x) => /proof/.test(x)), ids.join(', ')).toBe(true);
    },
  },
  {
    name: 's03 « je rembourse le client » reaches the buyer, moves no money, and the confirmation refunds in full and closes',
    redis: true,
    async run(w) {
      const { id, bisou, inThread } = await cast(w);
      await inThread('je rembourse le client');
      noDeadEnd(bisou);
      expect(await reached(w, id, 'acc-amina', 'je rembourse le client')).toBe(true);
      expect((await load(w, id)).refunded.amount).toBe(0);
      const confirm = findButton(bisou, /confirm|refund/);
      expect(confirm, allButtons(bisou).join(', ')).toBeDefined();
      await bisou.pressToken(confirm!.token);
      const c = await load(w, id);
      expect(c.status).toBe('closed');
      expect(c.refunded.amount).toBe(5_000_000); // minor units: FC 50 000,00
    },
  },
  {
    name: 's04 « c le client ki ment il a recu » is relayed, and the seller is shown how to prove it (proof or tracking)',
    async run(w) {
      const { id, bisou, inThread } = await cast(w);
      await inThread('c le client ki ment il a recu');
      noDeadEnd(bisou);
      expect(await reached(w, id, 'acc-amina', 'c le client ki ment il a recu')).toBe(true);
      expect(allButtons(bisou).some((b) => /proof|tracking/.test(b)), allButtons(bisou).join(', ')).toBe(true);
      expect((await load(w, id)).status).toBe('open');
    },
  },
  {
    name: 's05 Lingala « nazali na colis na ngai, nakotinda lobi » reaches the buyer; nothing else changes',
    async run(w) {
      const { id, bisou, inThread } = await cast(w);
      await inThread('nazali na colis na ngai, nakotinda lobi');
      noDeadEnd(bisou);
      expect(await reached(w, id, 'acc-amina', 'nakotinda lobi')).toBe(true);
      expect(bisou.ids()).toContain('engine-done-comment');
      const c = await load(w, id);
      expect(c.status).toBe('open');
      expect(c.refunded.amount).toBe(0);
    },
  },
  {
    name: 's06 Swahili « nitampa pesa yake » (I will give him his money) is relayed and the refund confirmation is offered',
    async run(w) {
      const { id, bisou, inThread } = await cast(w);
      await inThread('nitampa pesa yake');
      noDeadEnd(bisou);
      expect(await reached(w, id, 'acc-amina', 'nitampa pesa yake')).toBe(true);
      expect(bisou.ids().some((x) => /engine-words-refund/.test(x)), bisou.ids().join(', ')).toBe(true);
      expect((await load(w, id)).refunded.amount).toBe(0);
    },
  },
  {
    name: 's07 "give me 2 more days please" reaches the buyer and the seller is told the date the buyer may escalate',
    redis: true,
    async run(w) {
      const { id, bisou, inThread } = await cast(w);
      await inThread('give me 2 more days please');
      noDeadEnd(bisou);
      expect(await reached(w, id, 'acc-amina', 'give me 2 more days please')).toBe(true);
      expect(bisou.read()).toMatch(/13 nov|nov\w* 13/i);
      expect((await load(w, id)).escalatableAt).toBe('2026-11-13T09:00:00.000Z');
    },
  },
  {
    name: 's08 the 24-hour reminder says 2 days and 13 November; the seller answers after it and the 48-hour one is not sent',
    redis: true,
    async run(w) {
      const { id, bisou, inThread } = await cast(w);
      const nudges = handNudges(w);
      await nudges.plan(id);
      await nudges.advance(24 * HOUR + 60_000);
      const rem = (await to(w, id, 'acc-bisou')).filter((n) => n.body.some((m) => m.id === 'notify-seller-reminder'));
      expect(rem).toHaveLength(1);
      expect(JSON.stringify(rem[0]!.body)).toMatch(/13/);
      await inThread('dsl j etais au marche. le colis est parti avec le bus de matadi, il arrive demain');
      noDeadEnd(bisou);
      expect(await reached(w, id, 'acc-amina', 'le colis est parti avec le bus')).toBe(true);
      await nudges.advance(30 * HOUR);
      const after = (await to(w, id, 'acc-bisou')).filter((n) => n.body.some((m) => m.id === 'notify-seller-reminder'));
      expect(after).toHaveLength(1);
    },
  },
  {
    name: 's09 the seller answering after the deadline (day 4) still reaches the buyer; his /case shows the buyer may escalate now',
    async run(w) {
      const { id, bisou, inThread } = await cast(w);
      w.clock.advance(4 * DAY);
      await inThread('bonjour desole pour le retard jetais malade. je vous envoie le colis cette semaine');
      noDeadEnd(bisou);
      expect(await reached(w, id, 'acc-amina', 'jetais malade')).toBe(true);
      await bisou.command(`/case ${id}`);
      noDeadEnd(bisou);
      expect(bisou.read()).toMatch(/13 nov/i);
    },
  },
  {
    name: 's10 words in the DM outside the thread are not sent until « Envoyer à l’acheteur », then sent once',
    redis: true,
    async run(w) {
      const { id, bisou } = await cast(w);
      await bisou.text('oui jai vu le litige, je vais envoyer le colis demain matin');
      noDeadEnd(bisou);
      expect(await reached(w, id, 'acc-amina', 'je vais envoyer le colis demain')).toBe(false);
      await bisou.press('engine-choice-send-to-buyer');
      const got = (await to(w, id, 'acc-amina')).filter((n) => JSON.stringify(n.body).includes('je vais envoyer le colis demain'));
      expect(got).toHaveLength(1);
    },
  },
  {
    name: 's11 a reply to an old, closed case’s message is held and said so, not sent to the buyer',
    async run(w) {
      const { id, bisou, amina } = await cast(w);
      await bisou.command(`/refund ${id}`);
      await bisou.pressToken(findButton(bisou, /confirm/)!.token);
      expect((await load(w, id)).status).toBe('closed');
      void amina;
      // A second case a day later on another order.
      w.clock.advance(DAY);
      const id2 = await openCase(w, 'CC-1002', 'not_as_described');
      await bisou.text('madame je vous ai deja rembourse hier', { replyToMessageId: '700' });
      noDeadEnd(bisou);
      expect(await reached(w, id, 'acc-amina', 'je vous ai deja rembourse hier')).toBe(false);
      expect(await reached(w, id2, 'acc-amina', 'je vous ai deja rembourse hier')).toBe(false);
      expect(bisou.read()).toMatch(/clos/i);
    },
  },
  {
    name: 's12 an insult is either relayed or held with a reason said, never silently dropped',
    async run(w) {
      const { id, bisou, inThread } = await cast(w);
      await inThread('espece de menteuse tu es une voleuse, imbecile');
      noDeadEnd(bisou);
      const got = await reached(w, id, 'acc-amina', 'espece de menteuse');
      if (!got) expect(bisou.read()).toMatch(/pas (été )?transmis|not (been )?sent|pas parti/i);
      else expect(bisou.ids()).toContain('engine-done-comment');
    },
  },
  {
    name: 's13 a threat still reaches the buyer and support is told with the case',
    async run(w) {
      const { id, bisou, inThread } = await cast(w);
      await inThread('si tu continues a mentir je vais venir chez toi avenue de la paix tu vas voir');
      noDeadEnd(bisou);
      expect(await reached(w, id, 'acc-amina', 'je vais venir chez toi')).toBe(true);
      expect(bisou.ids()).toContain('engine-threat-told-support');
      expect((await toSupport(w, id)).length).toBeGreaterThan(0);
    },
  },
  {
    name: 's14 a seller sharing his phone number is asked to keep it in messages',
    async run(w) {
      const { bisou, inThread } = await cast(w);
      await inThread('appelle moi au 0812345678 on va regler ca entre nous');
      noDeadEnd(bisou);
      expect(bisou.ids()).toContain('engine-keep-in-messages');
    },
  },
  {
    name: 's15 « je veux parler au support svp le client exagere » in the thread: support can be asked in one tap, and then is',
    redis: true,
    async run(w) {
      const { id, bisou, inThread } = await cast(w);
      await inThread('je veux parler au support svp le client exagere');
      noDeadEnd(bisou);
      const b = findButton(bisou, /support/);
      expect(b, allButtons(bisou).join(', ')).toBeDefined();
      await bisou.pressToken(b!.token);
      noDeadEnd(bisou);
      if (bisou.ids().includes('engine-ask-support')) await bisou.text('le client a recu le colis et il ment');
      noDeadEnd(bisou);
      expect((await load(w, id)).timeline.some((e) => e.type === 'support_requested')).toBe(true);
    },
  },
  {
    name: 's16 accepting a return on a not-as-described case reaches the buyer; no money moves on the words',
    async run(w) {
      const { id, bisou, inThread } = await cast(w, 'CC-1002', 'not_as_described');
      await inThread('ok pas de probleme vous pouvez retourner l article, je rembourse quand je le recois');
      noDeadEnd(bisou);
      expect(await reached(w, id, 'acc-amina', 'vous pouvez retourner l article')).toBe(true);
      const c = await load(w, id);
      expect(c.refunded.amount).toBe(0);
      expect(c.status).toBe('open');
    },
  },
  {
    name: 's17 asking the buyer for her address reaches her (an address is no off-platform contact)',
    async run(w) {
      const { id, bisou, inThread } = await cast(w);
      await inThread('envoyez moi votre adresse exacte svp avec un point de repere');
      noDeadEnd(bisou);
      expect(await reached(w, id, 'acc-amina', 'votre adresse exacte')).toBe(true);
      expect(bisou.ids()).not.toContain('engine-keep-in-messages');
    },
  },
  {
    name: 's18 several short messages in a row: each that says something reaches the buyer, in order',
    async run(w) {
      const { id, bisou, inThread } = await cast(w);
      for (const t of ['bjr', 'le colis est en route', 'svp patientez', 'merci']) {
        await inThread(t);
        noDeadEnd(bisou);
      }
      const texts = (await to(w, id, 'acc-amina')).map((n) => JSON.stringify(n.body));
      const i1 = texts.findIndex((t) => t.includes('le colis est en route'));
      const i2 = texts.findIndex((t) => t.includes('svp patientez'));
      expect(i1).toBeGreaterThanOrEqual(0);
      expect(i2).toBeGreaterThan(i1);
    },
  },
  {
    name: 's19 an edited thread message is relayed again as a correction',
    redis: true,
    async run(w) {
      const { id, bisou } = await cast(w);
      await bisou.text('le colis part demain', { replyToMessageId: '700', messageId: 'e1' });
      await bisou.edit('e1', 'le colis part lundi', { replyToMessageId: '700' });
      noDeadEnd(bisou);
      expect(await reached(w, id, 'acc-amina', 'le colis part lundi')).toBe(true);
      expect((await to(w, id, 'acc-amina')).some((n) => n.body.some((m) => m.id === 'notify-comment-correction'))).toBe(true);
    },
  },
  {
    name: 's20 after the seller refunded in full with the button, « voila c fait » in the thread is told the case is closed and not sent',
    async run(w) {
      const { id, bisou, inThread } = await cast(w);
      await bisou.command(`/case ${id}`);
      await bisou.press('engine-action-refund-full');
      const confirm = findButton(bisou, /confirm/);
      expect(confirm, allButtons(bisou).join(', ')).toBeDefined();
      await bisou.pressToken(confirm!.token);
      expect((await load(w, id)).status).toBe('closed');
      await inThread('voila c fait');
      noDeadEnd(bisou);
      expect(await reached(w, id, 'acc-amina', 'voila c fait')).toBe(false);
      expect(bisou.read()).toMatch(/clos/i);
    },
  },
  {
    name: 's21 an old refund button pressed after the buyer closed the case moves no money',
    redis: true,
    async run(w) {
      const { id, bisou, amina } = await cast(w);
      await bisou.command(`/case ${id}`);
      const token = bisou.token('engine-action-refund-full');
      await buyerCloses(amina, id);
      await bisou.pressToken(token);
      const confirm = findButton(bisou, /confirm/);
      if (confirm) await bisou.pressToken(confirm.token);
      const c = await load(w, id);
      expect(c.refunded.amount).toBe(0);
      expect(c.resolution).toBe('buyer_closed');
      expect(bisou.read()).toMatch(/clos|plus valable|expir/i);
    },
  },
  {
    name: 's22 on a case support decided for the seller, his « merci le support » is not relayed to the buyer and he is told why',
    async run(w) {
      const { id, bisou, inThread } = await cast(w);
      w.clock.advance(3 * DAY + HOUR);
      const { amina } = { amina: await w.user({ account: 'acc-amina', userId: 'amina', conversationId: 'dm-amina' }) };
      await amina.command(`/escalate ${id}`);
      const esc = findButton(amina, /confirm/);
      if (esc) await amina.pressToken(esc.token);
      expect((await load(w, id)).status).toBe('escalated');
      const staff = await w.user({ account: 'acc-support-1', userId: 'agent', conversationId: 'staff', isPrivate: false, isStaffChannel: true });
      await staff.command(`/decide ${id} seller`);
      const dec = findButton(staff, /confirm/);
      if (dec) await staff.pressToken(dec.token);
      expect((await load(w, id)).resolution).toBe('seller_favour');
      await inThread('merci le support, jai toujours dit la verite');
      noDeadEnd(bisou);
      expect(await reached(w, id, 'acc-amina', 'jai toujours dit la verite')).toBe(false);
      expect(bisou.read()).toMatch(/clos/i);
    },
  },
  {
    name: 's23 a dictated run-on without punctuation reaches the buyer whole; shipping is met with the proof/tracking way',
    async run(w) {
      const { id, bisou, inThread } = await cast(w);
      const t = 'bonjour madame je vous ai envoye le colis par la societe de transport ocean mardi passe il doit arriver bientot soyez patiente svp ne faites pas le litige';
      await inThread(t);
      noDeadEnd(bisou);
      expect(await reached(w, id, 'acc-amina', t)).toBe(true);
      expect((await load(w, id)).status).toBe('open');
    },
  },
  {
    name: 's24 "I already shipped it, DHL tracking JD0142" on CC-1005: the add-tracking button records it and the case closes as delivered',
    redis: true,
    async run(w) {
      const { id, bisou, inThread } = await cast(w, 'CC-1005');
      await inThread('I already shipped it, here is the DHL tracking JD0142');
      noDeadEnd(bisou);
      expect(await reached(w, id, 'acc-amina', 'JD0142')).toBe(true);
      const b = findButton(bisou, /tracking/);
      expect(b, allButtons(bisou).join(', ')).toBeDefined();
      await bisou.pressToken(b!.token);
      if (bisou.ids().includes('engine-ask-carrier')) await bisou.text('dhl');
      noDeadEnd(bisou);
      const c = await load(w, id);
      expect(c.status).toBe('closed');
      expect(c.resolution).toBe('delivered');
    },
  },
  {
    name: 's25 Swahili « nimeshatuma mzigo jana, tafadhali subiri » reaches the buyer',
    async run(w) {
      const { id, bisou, inThread } = await cast(w);
      await inThread('nimeshatuma mzigo jana, tafadhali subiri');
      noDeadEnd(bisou);
      expect(await reached(w, id, 'acc-amina', 'nimeshatuma mzigo jana')).toBe(true);
    },
  },
  {
    name: 's26 /refund with « la moitié » refunds 25 000 after confirmation; the case stays open',
    async run(w) {
      const { id, bisou } = await cast(w);
      await bisou.command(`/refund ${id} la moitié`);
      noDeadEnd(bisou);
      const confirm = findButton(bisou, /confirm/);
      expect(confirm, allButtons(bisou).join(', ')).toBeDefined();
      await bisou.pressToken(confirm!.token);
      const c = await load(w, id);
      expect(c.refunded.amount).toBe(2_500_000);
      expect(c.status).toBe('open');
    },
  },
  {
    name: 's27 « deja rembourse par mobile money hier » is relayed, nothing recorded, no second payment pushed',
    async run(w) {
      const { id, bisou, inThread } = await cast(w);
      await inThread('deja rembourse par mobile money hier soir');
      noDeadEnd(bisou);
      expect(await reached(w, id, 'acc-amina', 'mobile money')).toBe(true);
      expect(bisou.ids()).toContain('engine-words-refund-outside');
      const c = await load(w, id);
      expect(c.refunded.amount).toBe(0);
      expect(c.status).toBe('open');
    },
  },
  {
    name: 's28 a seller typing /escalate is told only the buyer can, and offered support',
    async run(w) {
      const { id, bisou } = await cast(w);
      await bisou.command(`/escalate ${id}`);
      noDeadEnd(bisou);
      expect(bisou.ids()).toContain('engine-seller-escalate');
      expect((await load(w, id)).status).toBe('open');
    },
  },
  {
    name: 's29 the card’s « Répondre à l’acheteur » then a message in Lingala reaches the buyer',
    redis: true,
    async run(w) {
      const { id, bisou } = await cast(w);
      await bisou.command(`/case ${id}`);
      await bisou.press('engine-action-reply-to-buyer');
      noDeadEnd(bisou);
      await bisou.text('mama, colis ekomi na Kinshasa, okozwa yango lobi');
      noDeadEnd(bisou);
      expect(await reached(w, id, 'acc-amina', 'okozwa yango lobi')).toBe(true);
    },
  },
  {
    name: 's30 « combien de temps il me reste ? » in the thread is answered with the deadline (13 November)',
    async run(w) {
      const { bisou, inThread } = await cast(w);
      await inThread('combien de temps il me reste ?');
      noDeadEnd(bisou);
      expect(bisou.read()).toMatch(/13 nov/i);
    },
  },
  {
    name: 's31 a Discord seller in the case thread reaches a Telegram buyer',
    async run(w) {
      const id = await openCase(w, 'CC-1001', 'non_delivery');
      await w.threads.setCaseThread('discord', id, 'parties', 'thread-9');
      const seller = await w.user({ account: 'acc-bisou', platform: 'discord', conversationId: 'thread-9', isPrivate: false });
      await seller.text('le livreur est passe ce matin, personne a la maison', { threadId: 'thread-9' });
      noDeadEnd(seller);
      expect(await reached(w, id, 'acc-amina', 'personne a la maison')).toBe(true);
    },
  },
  {
    name: 's32 the proof-of-shipping kind buttons pressed after the case closed record nothing',
    async run(w) {
      const { id, bisou, amina } = await cast(w);
      await bisou.command(`/case ${id}`);
      await bisou.press('engine-action-proof');
      const kind = findButton(bisou, /proof-shipping-receipt|proof/);
      expect(kind, allButtons(bisou).join(', ')).toBeDefined();
      await buyerCloses(amina, id);
      await bisou.pressToken(kind!.token);
      if (bisou.ids().includes('engine-ask-proof-file')) await bisou.attach(photo(7));
      const c = await load(w, id);
      expect(c.timeline.filter((e) => e.type === 'evidence')).toHaveLength(0);
      expect(bisou.read()).toMatch(/clos|plus valable|expir|annul/i);
    },
  },
];

describe.each(['memory', 'redis'] as const)('seller probe 2 (%s)', (kind) => {
  const world = backendWorld(kind, { beforeAll, afterAll });
  const list = kind === 'memory' ? scenarios : scenarios.filter((s) => s.redis);
  it.each(list.map((s) => [s.name, s] as const))('%s', async (_name, s) => {
    const w = await world();
    await s.run(w);
  });
});
