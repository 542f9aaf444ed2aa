import { mkdirSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Choice, OutMessage, TurnInput } from '../../../src/ports/turn.js';
import { backendWorld, photo, type Speaker, type World, type WorldOptions } from './harness.js';

/**
 * Blind probe 18: the buyer's guided conversation AFTER the first message, answered off-script (written from SPEC
 * sections 1-2, README, docs/rules.md, the harness, the demo marketplace's orders and the locale ids of the buttons,
 * before reading src/). Buyers type instead of pressing (« oui », « ouais c ça », « la 2ème », « celle du pagne », "yes
 * that one", « ndiyo », « ee », « te »), with typos; change their mind; answer a question with a question; go off topic
 * and come back; send a photo or emojis when asked for a description, or the description in three messages; /cancel
 * and start another problem; bring up another order half-way; give up (« laisse tomber », « merci c bon »); come back
 * hours later (« alors ? »); insult the bot; switch to Lingala; insist on a case that cannot be opened yet; press an old
 * button. Each conversation checks what the buyer would notice: which order and which problem the bot talks about,
 * the buttons offered, and the case opened (order, reason, description), or none. Transcripts:
 * test-artifacts/probe-18-*.txt. Conversations marked `redis` are played on Redis too.
 *
 * Amina (demo, Kinshasa; day 0 = Tue 10 Nov 2026 09:00Z): CC-1001 Pagne wax ×2 (eligible), CC-1002 Sac en raphia
 * (eligible), CC-1003 Boucles d'oreilles (estimated 16 Nov: not yet), CC-1004 Lampe en laiton (window closed),
 * CC-1005 Chemise en bogolan (eligible), CC-1008 Foulard en soie (eligible). Joël: CC-1006 Panier tressé, CC-1007
 * Sandales en cuir.
 *
 * As first written (commit 230712e, before reading src/): 31 of 40 in memory, 8 of 11 on Redis. Four failures were the
 * probe's own, corrected without counting them as passes: p17/p18/p19 expected the description to be asked after the
 * reason, where the first message is the description (« Modifier la description » asks for another); p27 expected the
 * « oui » that answered « reprendre ou laisser ? » to confirm the reason. The defects, fixed:
 * - p29 « je veux ouvrir quand même » where it is too early was « Il est encore trop tôt … sur cette commande », with no
 *   date, no order and no button: now the rule with the order's dates and the same choices (as « pourquoi ? »);
 * - p33 « ouvrire le litije svp » was « reprendre ou laisser ? »: now it opens;
 * - p26 « alors ? » hours after a report left half-way was « je n'ai pas reconnu de problème » and the list of every
 *   order: now the report is offered back, as « bonjour » does;
 * - p19 a description sent in three short messages kept only the first (the buyer was shown « la chemise » back each
 *   time, the seller read « la chemise »): each part saying more joins it;
 * - p15 « et je serai remboursée ? » under « commande non reçue, c'est bien ça ? » replaced the reason with « demande de
 *   remboursement » (no case possible, a message for the seller): now told the refund goes through the case, and asked
 *   the same question.
 * - p16 « bon ok. oui pour la commande c bien ça » (after an off-topic question was answered with the proposal again)
 *   was « reprendre ou laisser ? »: an acknowledgement leading into a plain yes now confirms.
 * After: 40 of 40 in memory, 11 of 11 on Redis.
 */
const floor = (kind: 'memory' | 'redis') => (kind === 'memory' ? CONVERSATIONS.length : CONVERSATIONS.filter((x) => x.redis).length);

const AMINA = 'acc-amina';
const HOUR = 3_600_000;

const choicesOf = (last: OutMessage[]): Choice[] => last.flatMap((o) => [...(o.choices ?? []), ...(o.card?.actions ?? [])]);
const idsOf = (last: OutMessage[]) => last.flatMap((o) => o.body.map((b) => b.id));
const argsOf = (last: OutMessage[], id: string) => last.flatMap((o) => o.body).find((b) => b.id === id)?.args;
const orderButtons = (last: OutMessage[]) =>
  choicesOf(last).filter((c) => c.label.id === 'engine-order-choice').map((c) => String(c.label.args?.orderId));
const BAD = ['engine-fallback', 'engine-flow-reset', 'errors-internal'];
const OPEN_LABELS = ['buyer-flow-choice-open-now', 'engine-choice-open-case'];
type Reason = 'non_delivery' | 'not_as_described';

class Miss extends Error {}

interface Ctx {
  w: World;
  s: Speaker;
  say(text: string, extra?: Partial<TurnInput>): Promise<OutMessage[]>;
  press(label: string, orderId?: string): Promise<OutMessage[]>;
  pressToken(token: string, what: string): Promise<OutMessage[]>;
  token(label: string, orderId?: string): string;
  attach(n: number, caption?: string): Promise<OutMessage[]>;
  wait(ms: number): void;
  /** The buyer reads these words (case-insensitive regexp) in the last replies. */
  sees(re: RegExp, what: string): void;
  notSees(re: RegExp, what: string): void;
  has(id: string, what: string): void;
  hasNot(id: string, what: string): void;
  buttons(): string[];
  offers(label: string, what: string): void;
  /** The bot proposes this reason for this order (« Si je comprends bien, pour la commande … »). */
  proposes(orderId: string, reason: Reason | undefined, what: string): void;
  /** Every order the last replies name (lists of buttons aside) is this one, and at least one is named. */
  about(orderId: string, what: string): void;
  notAbout(orderIds: string[], what: string): void;
  /** The case-opening choice is offered (after the reason is settled). */
  openOffered(what: string): void;
  /** Drives on to a case with buttons (pressing only what a buyer would), returns its id. */
  finish(orderId: string, reason?: Reason): Promise<string>;
  /** The case the last turn opened. */
  opened(orderId: string, reason: Reason | undefined, what: string): Promise<Record<string, unknown>>;
  cases(expected: Record<string, Reason>, account?: string): Promise<void>;
  caseOf(orderId: string): Promise<Record<string, unknown>>;
  fail(why: string): never;
}

interface Conversation {
  id: string;
  account?: string;
  redis?: boolean;
  world?: WorldOptions;
  run(c: Ctx): Promise<void>;
}

/** Says the first message and checks the bot proposes `reason` for `orderId`. */
async function start(c: Ctx, text: string, orderId: string, reason: Reason) {
  await c.say(text);
  c.proposes(orderId, reason, `first message « ${text} »`);
}

const CONVERSATIONS: Conversation[] = [
  {
    id: 'p01-oui-oui',
    redis: true,
    async run(c) {
      await start(c, "ma commande CC-1001 n'est jamais arrivée", 'CC-1001', 'non_delivery');
      await c.say('oui');
      c.hasNot('engine-report-reason-proposed', '« oui » confirms the reason (not asked again)');
      c.about('CC-1001', 'after « oui »');
      c.openOffered('after « oui » the case can be opened');
      await c.say('oui');
      const cs = await c.opened('CC-1001', 'non_delivery', 'second « oui » opens the case');
      if (!/jamais arriv/i.test(String(cs.description))) c.fail(`description is « ${String(cs.description)} »`);
    },
  },
  {
    id: 'p02-ouais-c-ca-typo',
    async run(c) {
      await start(c, "Bonjour, la commande CC-1001 est jamais arrivé depuis 2 semaines", 'CC-1001', 'non_delivery');
      await c.say('ouai c sa');
      c.hasNot('engine-report-reason-proposed', '« ouai c sa » confirms');
      c.openOffered('after « ouai c sa »');
      await c.say('vas y ouvre le');
      await c.opened('CC-1001', 'non_delivery', '« vas y ouvre le » opens');
    },
  },
  {
    id: 'p03-non-c-pas-ca',
    redis: true,
    async run(c) {
      await start(c, "le sac CC-1002 je l'ai jamais reçu", 'CC-1002', 'non_delivery');
      await c.say("non c pas ça, il est arrivé mais c'est pas le même que sur la photo");
      c.about('CC-1002', 'still the bag');
      const p = argsOf(c.s.last, 'engine-report-reason-proposed');
      if (p && p.reason !== 'not_as_described') c.fail(`after the correction the bot proposes ${String(p.reason)}`);
      if (!p && !c.buttons().includes('buyer-flow-choice-open-now') && !c.buttons().includes('engine-choice-open-case') && !c.buttons().includes('engine-reason-choice'))
        c.fail('after the correction: neither the new reason, nor the reasons, nor opening');
      await c.finish('CC-1002', 'not_as_described');
      await c.cases({ 'CC-1002': 'not_as_described' });
    },
  },
  {
    id: 'p04-non-bare',
    async run(c) {
      await start(c, "CC-1001 toujours pas arrivée", 'CC-1001', 'non_delivery');
      await c.say('non');
      c.about('CC-1001', '« non » keeps the order');
      c.hasNot('engine-report-opened', '« non » opens nothing');
      c.offers('engine-reason-choice', '« non »: the reasons to pick from');
      await c.cases({});
    },
  },
  {
    id: 'p05-la-2eme',
    async run(c) {
      await c.say("ma commande n'est jamais arrivée");
      const listed = orderButtons(c.s.last);
      if (listed.length < 2) c.fail(`expected a list of orders, got ${listed.join(',') || 'none'}`);
      await c.say('la 2ème');
      c.about(listed[1]!, `« la 2ème » is the second order listed (${listed.join(',')})`);
    },
  },
  {
    id: 'p06-celle-du-pagne',
    redis: true,
    async run(c) {
      await c.say("j'ai un problème, ma commande est pas arrivée");
      if (orderButtons(c.s.last).length < 2) c.fail('expected a list of orders');
      await c.say('celle du pagne');
      c.about('CC-1001', '« celle du pagne » is CC-1001');
      await c.finish('CC-1001', 'non_delivery');
      await c.cases({ 'CC-1001': 'non_delivery' });
    },
  },
  {
    id: 'p07-yes-that-one',
    async run(c) {
      await start(c, "my order CC-1001 never arrived", 'CC-1001', 'non_delivery');
      c.sees(/order|CC-1001/i, 'in English');
      await c.say('yes that one');
      c.hasNot('engine-report-reason-proposed', '"yes that one" confirms');
      c.openOffered('after "yes that one"');
      await c.say('yes please open it');
      await c.opened('CC-1001', 'non_delivery', '"yes please open it" opens');
    },
  },
  {
    id: 'p08-ndiyo',
    async run(c) {
      await start(c, 'oda yangu CC-1001 haijafika hadi leo', 'CC-1001', 'non_delivery');
      await c.say('ndiyo');
      c.hasNot('engine-report-reason-proposed', '« ndiyo » confirms');
      c.openOffered('after « ndiyo »');
      await c.say('ndiyo');
      await c.opened('CC-1001', 'non_delivery', 'second « ndiyo » opens');
    },
  },
  {
    id: 'p09-ee',
    async run(c) {
      await start(c, 'commande na ngai CC-1001 eyaki te', 'CC-1001', 'non_delivery');
      await c.say('ee');
      c.hasNot('engine-report-reason-proposed', '« ee » confirms');
      c.openOffered('after « ee »');
      await c.say('ee');
      await c.opened('CC-1001', 'non_delivery', 'second « ee » opens');
    },
  },
  {
    id: 'p10-te',
    async run(c) {
      await start(c, 'commande na ngai CC-1001 eyaki te', 'CC-1001', 'non_delivery');
      await c.say('te');
      c.hasNot('engine-report-opened', '« te » opens nothing');
      c.about('CC-1001', '« te » keeps the order');
      c.offers('engine-reason-choice', '« te »: the reasons to pick from');
      await c.cases({});
    },
  },
  {
    id: 'p11-change-of-mind-abime',
    redis: true,
    async run(c) {
      await start(c, "la chemise CC-1005 n'est jamais arrivée", 'CC-1005', 'non_delivery');
      await c.say("ah non en fait c'est arrivé mais abîmé");
      c.about('CC-1005', 'still the shirt');
      const p = argsOf(c.s.last, 'engine-report-reason-proposed');
      if (p?.reason === 'non_delivery') c.fail('« arrivé mais abîmé » still proposed as never arrived');
      await c.finish('CC-1005', 'not_as_described');
      await c.cases({ 'CC-1005': 'not_as_described' });
    },
  },
  {
    id: 'p12-change-of-mind-after-yes',
    async run(c) {
      await start(c, "CC-1005 jamais reçue", 'CC-1005', 'non_delivery');
      await c.say('oui');
      c.openOffered('after « oui »');
      await c.say("attendez en fait je l'ai reçue hier mais c'est pas la bonne couleur, pas comme sur l'annonce");
      c.hasNot('engine-report-opened', 'the correction does not open a never-arrived case');
      await c.finish('CC-1005', 'not_as_described');
      await c.cases({ 'CC-1005': 'not_as_described' });
    },
  },
  {
    id: 'p13-c-quoi-un-litige',
    async run(c) {
      await start(c, "ma commande CC-1001 n'est jamais arrivée", 'CC-1001', 'non_delivery');
      await c.say('oui');
      c.openOffered('after « oui »');
      await c.say('c quoi un litige ?');
      c.hasNot('engine-report-opened', 'a question opens nothing');
      c.sees(/litige/i, 'the answer explains a case');
      c.sees(/vendeur/i, 'the answer says the seller is involved');
      c.openOffered('the choice is still there after the answer');
      if (c.w.relayed.length) c.fail('the question was sent to the seller');
      await c.press(c.buttons().find((b) => OPEN_LABELS.includes(b))!);
      await c.finish('CC-1001', 'non_delivery');
      const cs = await c.caseOf('CC-1001');
      if (/c quoi un litige/i.test(String(cs.description))) c.fail('the question joined the description');
    },
  },
  {
    id: 'p14-combien-de-temps',
    async run(c) {
      await start(c, "ma commande CC-1002 n'est pas conforme à l'annonce", 'CC-1002', 'not_as_described');
      await c.say('oui');
      c.openOffered('after « oui »');
      await c.say('ça prend combien de temps ?');
      c.hasNot('engine-report-opened', 'a question opens nothing');
      c.sees(/3 jours|trois jours|jours/i, 'the answer gives the seller\'s time');
      c.openOffered('the choice is still there after the answer');
      await c.say('ok vas-y');
      await c.opened('CC-1002', 'not_as_described', '« ok vas-y » opens');
    },
  },
  {
    id: 'p15-question-at-proposal',
    async run(c) {
      await start(c, "le pagne CC-1001 n'est jamais arrivé", 'CC-1001', 'non_delivery');
      await c.say('et je serai remboursée ?');
      c.hasNot('engine-report-opened', 'a question opens nothing');
      c.about('CC-1001', 'the answer stays on the pagne');
      await c.say("oui c'est ça");
      c.openOffered('then « oui c\'est ça » confirms the reason');
      c.about('CC-1001', 'still the pagne');
    },
  },
  {
    id: 'p16-off-topic-and-back',
    redis: true,
    async run(c) {
      await start(c, "ma commande CC-1001 n'est jamais arrivée", 'CC-1001', 'non_delivery');
      await c.say('au fait vous avez des pagnes en promo en ce moment ?');
      c.hasNot('engine-report-opened', 'off topic opens nothing');
      c.notAbout(['CC-1002', 'CC-1003', 'CC-1004', 'CC-1005', 'CC-1008'], 'off topic');
      await c.say('bon ok. oui pour la commande c bien ça');
      c.about('CC-1001', 'back to the report: CC-1001');
      c.openOffered('back to the report: the reason confirmed');
      await c.finish('CC-1001', 'non_delivery');
      const cs = await c.caseOf('CC-1001');
      if (/promo/i.test(String(cs.description))) c.fail('the off-topic question joined the description');
    },
  },
  {
    id: 'p17-photo-when-asked-description',
    async run(c) {
      await c.say("j'ai un problème avec CC-1002");
      c.about('CC-1002', 'CC-1002 named');
      if (c.buttons().includes('engine-reason-choice')) await c.press('engine-reason-choice', undefined);
      const p = argsOf(c.s.last, 'engine-report-reason-proposed');
      if (p) await c.press('engine-choice-yes-reason');
      // The first message is the description; « Modifier la description » asks for another.
      await c.press('buyer-flow-choice-edit-description');
      if (!c.s.last.some((o) => o.expects === 'description')) c.fail(`expected the description to be asked, got ${idsOf(c.s.last).join(',')}`);
      await c.attach(1);
      c.hasNot('engine-report-opened', 'a photo alone does not open the case without words');
      c.sees(/fichier|photo/i, 'the photo is acknowledged');
      await c.say("le sac reçu est en plastique, l'annonce disait raphia");
      await c.finish('CC-1002');
      const cs = await c.caseOf('CC-1002');
      if (!/plastique/.test(JSON.stringify(cs))) c.fail('the typed description is not in the case');
      if (!JSON.stringify(cs).includes('blob-1')) c.fail('the photo is not in the case');
    },
  },
  {
    id: 'p18-emoji-as-description',
    async run(c) {
      await c.say("j'ai un souci avec la commande CC-1002");
      if (c.buttons().includes('engine-reason-choice')) {
        const r = choicesOf(c.s.last).find((x) => x.label.id === 'engine-reason-choice' && x.label.args?.reason === 'not_as_described');
        if (!r) c.fail('not_as_described not offered');
        await c.pressToken(r!.token, 'reason not_as_described');
      }
      if (argsOf(c.s.last, 'engine-report-reason-proposed')) await c.press('engine-choice-yes-reason');
      // The first message is the description; « Modifier la description » asks for another.
      await c.press('buyer-flow-choice-edit-description');
      if (!c.s.last.some((o) => o.expects === 'description')) c.fail(`expected the description to be asked, got ${idsOf(c.s.last).join(',')}`);
      await c.say('😡😡😡');
      c.hasNot('engine-report-opened', 'three emojis are no description');
      await c.cases({});
    },
  },
  {
    id: 'p19-description-in-three',
    redis: true,
    async run(c) {
      await c.say("j'ai un souci avec la commande CC-1005");
      if (c.buttons().includes('engine-reason-choice')) {
        const r = choicesOf(c.s.last).find((x) => x.label.id === 'engine-reason-choice' && x.label.args?.reason === 'not_as_described');
        if (!r) c.fail('not_as_described not offered');
        await c.pressToken(r!.token, 'reason not_as_described');
      }
      if (argsOf(c.s.last, 'engine-report-reason-proposed')) await c.press('engine-choice-yes-reason');
      // The first message is the description; « Modifier la description » asks for another.
      await c.press('buyer-flow-choice-edit-description');
      if (!c.s.last.some((o) => o.expects === 'description')) c.fail(`expected the description to be asked, got ${idsOf(c.s.last).join(',')}`);
      await c.say('la chemise');
      c.wait(20_000);
      await c.say("c'est pas le bogolan de la photo");
      c.wait(20_000);
      await c.say('les manches sont courtes au lieu de longues');
      await c.finish('CC-1005', 'not_as_described');
      const all = JSON.stringify(await c.caseOf('CC-1005'));
      for (const part of ['la chemise', 'bogolan de la photo', 'manches sont courtes'])
        if (!all.includes(part)) c.fail(`« ${part} » is not in the case the seller reads`);
      const list = await c.w.store.list({ buyerId: AMINA });
      if (list.length !== 1) c.fail(`${list.length} cases opened for one description in three messages`);
    },
  },
  {
    id: 'p20-cancel-then-new-problem',
    redis: true,
    async run(c) {
      await start(c, "ma commande CC-1001 n'est jamais arrivée", 'CC-1001', 'non_delivery');
      await c.say('oui');
      await c.s.command('/cancel');
      c.notSees(/CC-1001.*ouvert/i, '/cancel opens nothing');
      await c.say("le sac en raphia n'est pas conforme à la photo");
      c.about('CC-1002', 'the new problem is about the bag');
      await c.finish('CC-1002', 'not_as_described');
      await c.cases({ 'CC-1002': 'not_as_described' });
      const cs = await c.caseOf('CC-1002');
      if (/jamais arriv/i.test(String(cs.description))) c.fail('the cancelled report\'s words joined the new case');
    },
  },
  {
    id: 'p21-second-order-mid-report',
    redis: true,
    async run(c) {
      await start(c, "ma commande CC-1001 n'est jamais arrivée", 'CC-1001', 'non_delivery');
      await c.say("ah et aussi la chemise CC-1005 est arrivée déchirée");
      c.hasNot('engine-report-opened', 'nothing opened yet');
      const f = focusOf(c.s.last);
      if (!f.includes('CC-1005')) c.fail(`the shirt is not taken up (about ${f.join(',') || 'nothing'})`);
      await c.finish('CC-1005', 'not_as_described');
      const shirt = await c.caseOf('CC-1005');
      if (/jamais arriv/i.test(String(shirt.description))) c.fail('the pagne\'s words joined the shirt\'s case');
      const list = await c.w.store.list({ buyerId: AMINA });
      if (list.some((k) => k.orderId === 'CC-1001' && /déchir/.test(JSON.stringify(k)))) c.fail('the shirt\'s words in the pagne\'s case');
    },
  },
  {
    id: 'p22-half-way-then-hours-later-other-order',
    redis: true,
    async run(c) {
      await start(c, "ma commande CC-1001 n'est jamais arrivée", 'CC-1001', 'non_delivery');
      c.wait(3 * HOUR);
      await c.say("bonsoir, la chemise en bogolan que j'ai reçue n'est pas comme sur l'annonce");
      c.about('CC-1005', 'hours later, a new problem about the shirt');
      c.notSees(/CC-1001/, 'the lapsed pagne report is not what this answer is about');
      await c.say('oui');
      c.about('CC-1005', '« oui » answers the shirt');
      await c.finish('CC-1005', 'not_as_described');
      await c.cases({ 'CC-1005': 'not_as_described' });
    },
  },
  {
    id: 'p23-laisse-tomber',
    async run(c) {
      await start(c, "ma commande CC-1001 n'est jamais arrivée", 'CC-1001', 'non_delivery');
      await c.say('laisse tomber');
      c.hasNot('engine-report-opened', '« laisse tomber » opens nothing');
      c.hasNot('engine-report-reason-proposed', '« laisse tomber » is not asked the reason again');
      if (c.buttons().includes('engine-choice-yes-reason')) c.fail('« laisse tomber » still shows the yes/no');
      await c.say('oui');
      c.hasNot('engine-report-opened', 'a later « oui » does not open the dropped report');
      await c.cases({});
      if (c.w.relayed.length) c.fail('something was sent to the seller');
    },
  },
  {
    id: 'p24-merci-c-bon',
    async run(c) {
      await start(c, "ma commande CC-1002 n'est pas conforme à l'annonce", 'CC-1002', 'not_as_described');
      await c.say('oui');
      c.openOffered('after « oui »');
      await c.say("merci c bon j'ai réglé avec le vendeur");
      c.hasNot('engine-report-opened', '« merci c bon » opens nothing');
      if (c.w.relayed.length) c.fail('« merci c bon » was sent to the seller');
      await c.cases({});
    },
  },
  {
    id: 'p25-alors-after-case',
    async run(c) {
      await start(c, "ma commande CC-1001 n'est jamais arrivée", 'CC-1001', 'non_delivery');
      await c.finish('CC-1001', 'non_delivery');
      c.wait(5 * HOUR);
      await c.say('alors ?');
      c.hasNot('engine-report-reason-proposed', '« alors ? » is no new problem');
      c.sees(/C-0*1|CC-1001/, '« alors ? » is answered about the case');
      const list = await c.w.store.list({ buyerId: AMINA });
      if (list.length !== 1) c.fail(`${list.length} cases`);
    },
  },
  {
    id: 'p26-alors-half-way',
    async run(c) {
      await start(c, "ma commande CC-1001 n'est jamais arrivée", 'CC-1001', 'non_delivery');
      c.wait(4 * HOUR);
      await c.say('alors ?');
      c.hasNot('engine-report-opened', '« alors ? » opens nothing');
      c.sees(/CC-1001/, '« alors ? » is answered about the report left half-way');
      await c.cases({});
    },
  },
  {
    id: 'p27-insult-mid-flow',
    async run(c) {
      await start(c, "ma commande CC-1001 n'est jamais arrivée", 'CC-1001', 'non_delivery');
      await c.say('vous êtes des voleurs bande de nuls !!!');
      c.hasNot('engine-report-opened', 'an insult opens nothing');
      if (c.w.relayed.length) c.fail('the insult was sent to the seller');
      await c.say('oui');
      c.about('CC-1001', 'back on the pagne');
      // The insult may have been met with « reprendre ou laisser ? », which this « oui » answers.
      if (argsOf(c.s.last, 'engine-report-reason-proposed')) await c.say('oui');
      c.openOffered('« oui » after the insult confirms');
    },
  },
  {
    id: 'p28-lingala-after-french',
    async run(c) {
      await start(c, "ma commande CC-1001 n'est jamais arrivée", 'CC-1001', 'non_delivery');
      await c.say('ee ezali bongo, nazwaki eloko te');
      c.hasNot('engine-report-reason-proposed', 'Lingala yes confirms');
      c.about('CC-1001', 'still the pagne');
      c.openOffered('after the Lingala yes');
      await c.say('ee fungola litige');
      await c.opened('CC-1001', 'non_delivery', 'Lingala « ee fungola litige » opens');
    },
  },
  {
    id: 'p29-not-yet-insists',
    redis: true,
    async run(c) {
      await c.say("mes boucles d'oreilles CC-1003 ne sont pas arrivées");
      c.about('CC-1003', 'the earrings');
      if (c.buttons().includes('engine-choice-yes-reason')) await c.say('oui');
      c.sees(/17 novembre/i, 'the date a case becomes possible');
      await c.say('je veux ouvrir quand même');
      c.hasNot('engine-report-opened', 'no case before eligibility');
      c.sees(/17 novembre/i, 'insisting gets the date again');
      c.about('CC-1003', 'still the earrings');
      await c.say("c pas juste j'ai payé !");
      c.hasNot('engine-report-opened', 'no case before eligibility');
      c.sees(/novembre/i, 'the rule with the dates');
      await c.cases({});
      if (c.w.relayed.some((n) => /pas juste/.test(JSON.stringify(n)))) c.fail('the complaint to the bot was sent to the seller');
    },
  },
  {
    id: 'p30-window-closed-insists',
    async run(c) {
      await c.say("la lampe CC-1004 ne marche pas du tout, c'est pas ce qui était annoncé");
      c.about('CC-1004', 'the lamp');
      if (c.buttons().includes('engine-choice-yes-reason')) await c.say('oui');
      await c.say('je veux ouvrir un litige quand même');
      c.hasNot('engine-report-opened', 'no case after the window');
      c.sees(/dépassé|dernier jour|délai/i, 'the window is said to be over');
      await c.cases({});
    },
  },
  {
    id: 'p31-old-yes-after-switch',
    redis: true,
    async run(c) {
      await start(c, "ma commande CC-1001 n'est jamais arrivée", 'CC-1001', 'non_delivery');
      const old = c.token('engine-choice-yes-reason');
      await c.say("non attendez, c'est le sac CC-1002 qui n'est pas conforme");
      c.about('CC-1002', 'the latest message wins');
      await c.pressToken(old, 'old « Oui » of CC-1001');
      c.hasNot('engine-report-opened', 'an old button opens nothing');
      await c.cases({});
      await c.finish('CC-1002', 'not_as_described');
      await c.cases({ 'CC-1002': 'not_as_described' });
    },
  },
  {
    id: 'p32-old-open-after-case',
    async run(c) {
      await start(c, "ma commande CC-1001 n'est jamais arrivée", 'CC-1001', 'non_delivery');
      await c.press('engine-choice-yes-reason');
      const open = c.buttons().find((b) => OPEN_LABELS.includes(b));
      if (!open) c.fail('no opening button');
      const old = c.token(open!);
      await c.pressToken(old, 'open');
      await c.finish('CC-1001', 'non_delivery');
      await c.pressToken(old, 'open again (old)');
      await c.cases({ 'CC-1001': 'non_delivery' });
      c.hasNot('engine-report-opened', 'the old button opens no second case');
    },
  },
  {
    id: 'p33-typos-all-the-way',
    async run(c) {
      await start(c, 'ma comande cc1001 est jamai arivé', 'CC-1001', 'non_delivery');
      await c.say('ouii');
      c.hasNot('engine-report-reason-proposed', '« ouii » confirms');
      c.openOffered('after « ouii »');
      await c.say('ouvrire le litije svp');
      await c.opened('CC-1001', 'non_delivery', '« ouvrire le litije » opens');
    },
  },
  {
    id: 'p34-prefer-seller-in-words',
    async run(c) {
      await start(c, "ma commande CC-1002 n'est pas conforme à l'annonce", 'CC-1002', 'not_as_described');
      await c.say('oui');
      c.openOffered('after « oui »');
      await c.say("non je préfère d'abord écrire au vendeur");
      c.hasNot('engine-report-opened', 'prefers the seller: no case');
      c.sees(/Bisou/i, 'asked what to tell the shop');
      await c.say("Bonjour, le sac reçu n'est pas en raphia, pouvez-vous me l'échanger ?");
      if (!c.w.relayed.some((n) => /pas en raphia/.test(JSON.stringify(n)))) c.fail('the message did not reach the seller');
      await c.cases({});
    },
  },
  {
    id: 'p35-joel-sandales',
    account: 'acc-joel',
    async run(c) {
      await c.say('mes sandales ne sont jamais arrivées');
      c.about('CC-1007', 'Joël\'s sandals');
      await c.say('oui');
      await c.finish('CC-1007', 'non_delivery');
      await c.cases({ 'CC-1007': 'non_delivery' }, 'acc-joel');
    },
  },
  {
    id: 'p36-bonjour-next-day-resume',
    async run(c) {
      await start(c, "ma commande CC-1001 n'est jamais arrivée", 'CC-1001', 'non_delivery');
      c.wait(2 * HOUR);
      await c.say('bonjour');
      c.sees(/CC-1001/, 'greeting offers the report back');
      await c.say('oui on reprend');
      c.about('CC-1001', 'resumed on the pagne');
      c.hasNot('engine-report-opened', 'resuming does not skip the questions');
    },
  },
  {
    id: 'p37-oui-mais-chemise',
    async run(c) {
      await start(c, "ma commande CC-1001 n'est jamais arrivée", 'CC-1001', 'non_delivery');
      await c.say("oui mais en fait c'est la chemise pas le pagne");
      c.about('CC-1005', 'the order corrected to the shirt');
      c.hasNot('engine-report-opened', 'nothing opened on the wrong order');
      await c.finish('CC-1005', 'non_delivery');
      await c.cases({ 'CC-1005': 'non_delivery' });
    },
  },
  {
    id: 'p38-la-premiere-en-list',
    async run(c) {
      await c.say('my order never came');
      const listed = orderButtons(c.s.last);
      if (listed.length < 2) c.fail(`expected a list of orders, got ${listed.join(',') || 'none'}`);
      await c.say('the first one');
      c.about(listed[0]!, `"the first one" is the first order listed (${listed.join(',')})`);
    },
  },
  {
    id: 'p39-aucune',
    async run(c) {
      await c.say("ma commande n'est jamais arrivée");
      if (orderButtons(c.s.last).length < 2) c.fail('expected a list of orders');
      await c.say("aucune de celles-là, c'était un collier");
      c.hasNot('engine-report-opened', 'no order picked');
      c.notAbout(['CC-1001', 'CC-1002', 'CC-1003', 'CC-1004', 'CC-1005', 'CC-1008'], '« aucune »: no order imposed');
      await c.cases({});
    },
  },
  {
    id: 'p40-human-mid-flow',
    async run(c) {
      await start(c, "ma commande CC-1001 n'est jamais arrivée", 'CC-1001', 'non_delivery');
      await c.say('je veux parler à une vraie personne');
      c.hasNot('engine-report-opened', 'asking for a human opens nothing');
      c.about('CC-1001', 'the report\'s question again');
      if (c.w.relayed.length) c.fail('sent to the seller');
    },
  },
];

/** Orders the last replies name (lists of buttons aside). */
function focusOf(last: OutMessage[]): string[] {
  const ASIDE = new Set(['buyer-flow-also-kept', 'engine-order-choice', 'engine-report-order-unknown']);
  return [
    ...new Set([
      ...last.flatMap((o) => o.body.filter((b) => !ASIDE.has(b.id)).map((b) => b.args?.orderId)).filter((x): x is string => typeof x === 'string'),
      ...last.flatMap((o) => (o.card ? [o.card.orderId] : [])),
    ]),
  ];
}

function context(w: World, s: Speaker, account: string, transcript: string[]): Ctx {
  const log = (who: string, text: string) => transcript.push(`${who}: ${text}`);
  const record = (replies: OutMessage[]) => {
    log('bot', `${s.read().replace(/\n/g, '\n     ')}\n     [${idsOf(replies).join(',')}] buttons=${choicesOf(replies).map((x) => `${x.label.id}${x.label.args?.orderId ? `:${String(x.label.args.orderId)}` : ''}`).join(' ')}`);
    const bad = idsOf(replies).filter((id) => BAD.includes(id));
    if (bad.length) throw new Miss(`a dead end: ${bad.join(',')}`);
    return replies;
  };
  const fail = (why: string): never => {
    throw new Miss(why);
  };
  const findCase = async (orderId: string) => {
    const list = await w.store.list({ buyerId: account });
    const k = list.find((x) => x.orderId === orderId);
    if (!k) fail(`no case on ${orderId}`);
    const cs = await w.store.load(k!.id);
    return cs as unknown as Record<string, unknown>;
  };
  const c: Ctx = {
    w,
    s,
    async say(text, extra) {
      log('buyer', text);
      return record(await s.text(text, extra));
    },
    async press(label, orderId) {
      log('buyer', `[press ${label}${orderId ? ` ${orderId}` : ''}]`);
      const found = choicesOf(s.last).find((x) => x.label.id === label && (!orderId || x.label.args?.orderId === orderId));
      if (!found) fail(`no button ${label} ${orderId ?? ''} among ${c.buttons().join(' ') || 'none'}`);
      return record(await s.pressToken(found!.token));
    },
    async pressToken(token, what) {
      log('buyer', `[press ${what}]`);
      return record(await s.pressToken(token));
    },
    token(label, orderId) {
      const found = choicesOf(s.last).find((x) => x.label.id === label && (!orderId || x.label.args?.orderId === orderId));
      if (!found) fail(`no button ${label} ${orderId ?? ''}`);
      return found!.token;
    },
    async attach(n, caption) {
      log('buyer', `[photo ${n}${caption ? ` « ${caption} »` : ''}]`);
      return record(await s.attach(photo(n), caption));
    },
    wait(ms) {
      log('clock', `+${ms / HOUR} h`);
      w.clock.advance(ms);
    },
    sees(re, what) {
      const text = s.read();
      if (!re.test(text)) fail(`${what}: ${re} not in « ${text.slice(0, 300)} »`);
    },
    notSees(re, what) {
      const text = s.read();
      if (re.test(text)) fail(`${what}: ${re} in « ${text.slice(0, 300)} »`);
    },
    has(id, what) {
      if (!idsOf(s.last).includes(id)) fail(`${what}: no ${id} in ${idsOf(s.last).join(',')}`);
    },
    hasNot(id, what) {
      if (idsOf(s.last).includes(id)) fail(`${what}: ${id} in the answer`);
    },
    buttons: () => choicesOf(s.last).map((x) => x.label.id),
    offers(label, what) {
      if (!c.buttons().includes(label)) fail(`${what}: no ${label} among ${c.buttons().join(' ') || 'no buttons'}`);
    },
    proposes(orderId, reason, what) {
      const p = argsOf(s.last, 'engine-report-reason-proposed');
      if (!p) fail(`${what}: no reason proposed (${idsOf(s.last).join(',')})`);
      if (p!.orderId !== orderId) fail(`${what}: proposed for ${String(p!.orderId)}, expected ${orderId}`);
      if (reason && p!.reason !== reason) fail(`${what}: proposed ${String(p!.reason)}, expected ${reason}`);
    },
    about(orderId, what) {
      const f = focusOf(s.last);
      if (f.length === 0) fail(`${what}: the answer names no order (${idsOf(s.last).join(',')})`);
      if (f.length !== 1 || f[0] !== orderId) fail(`${what}: the answer is about ${f.join(',')}, expected ${orderId}`);
    },
    notAbout(orderIds, what) {
      const f = focusOf(s.last).filter((o) => orderIds.includes(o));
      if (f.length) fail(`${what}: the answer is about ${f.join(',')}`);
    },
    openOffered(what) {
      if (!c.buttons().some((b) => OPEN_LABELS.includes(b))) fail(`${what}: no opening button among ${c.buttons().join(' ') || 'none'} (${idsOf(s.last).join(',')})`);
    },
    async finish(orderId, reason) {
      for (let step = 0; step < 8; step++) {
        const opened = argsOf(s.last, 'engine-report-opened');
        if (opened && opened.orderId === orderId) {
          const cs = await findCase(orderId);
          if (reason && cs.reason !== reason) fail(`case on ${orderId} opened as ${String(cs.reason)}, expected ${reason}`);
          return String(opened.caseId);
        }
        const proposed = argsOf(s.last, 'engine-report-reason-proposed');
        if (proposed && proposed.orderId !== orderId) fail(`on the way to ${orderId} the bot proposes for ${String(proposed.orderId)}`);
        if (proposed && reason && proposed.reason !== reason) {
          await c.press('engine-choice-no-reason');
          continue;
        }
        const labels = c.buttons();
        if (!proposed && reason && labels.includes('engine-reason-choice')) {
          const r = choicesOf(s.last).find((x) => x.label.id === 'engine-reason-choice' && x.label.args?.reason === reason);
          if (!r) fail(`reason ${reason} not offered`);
          await c.pressToken(r!.token, `reason ${reason}`);
          continue;
        }
        if (orderButtons(s.last).includes(orderId) && focusOf(s.last).length === 0) {
          await c.press('engine-order-choice', orderId);
          continue;
        }
        const next = ['engine-choice-yes-reason', ...OPEN_LABELS].find((l) => labels.includes(l));
        if (next) {
          await c.press(next);
          continue;
        }
        if (s.last.some((o) => o.expects === 'description')) {
          await c.say('Voilà ce qui ne va pas, merci de régler cela.');
          continue;
        }
        fail(`no way on to a case on ${orderId}: ${idsOf(s.last).join(',')} buttons=${labels.join(',')}`);
      }
      return fail(`no case opened on ${orderId} within 8 steps`);
    },
    async opened(orderId, reason, what) {
      const o = argsOf(s.last, 'engine-report-opened');
      if (!o) fail(`${what}: no case opened (${idsOf(s.last).join(',')})`);
      if (o!.orderId !== orderId) fail(`${what}: case opened on ${String(o!.orderId)}, expected ${orderId}`);
      const cs = await findCase(orderId);
      if (reason && cs.reason !== reason) fail(`${what}: opened as ${String(cs.reason)}, expected ${reason}`);
      return cs;
    },
    async cases(expected, who = account) {
      const list = await w.store.list({ buyerId: who });
      const got: Record<string, string> = {};
      for (const k of list) {
        const cs = (await w.store.load(k.id)) as unknown as Record<string, unknown>;
        got[k.orderId] = got[k.orderId] ? `${got[k.orderId]}+${String(cs.reason)}` : String(cs.reason);
      }
      const a = JSON.stringify(Object.entries(got).sort());
      const b = JSON.stringify(Object.entries(expected).sort());
      if (a !== b) fail(`cases ${a}, expected ${b}`);
    },
    caseOf: findCase,
    fail,
  };
  return c;
}

interface Result {
  id: string;
  ok: boolean;
  why?: string;
  transcript: string[];
}

async function play(conv: Conversation, makeWorld: (o: WorldOptions) => Promise<World>): Promise<Result> {
  const account = conv.account ?? AMINA;
  const w = await makeWorld(conv.world ?? {});
  const s = await w.user({ account });
  const transcript: string[] = [`# ${conv.id} (${account}, ${w.clock.now().toISOString()})`];
  const c = context(w, s, account, transcript);
  try {
    await conv.run(c);
    return { id: conv.id, ok: true, transcript };
  } catch (e) {
    const why = e instanceof Miss ? e.message : `crash: ${(e as Error).stack ?? String(e)}`;
    transcript.push(`FAIL: ${why}`);
    return { id: conv.id, ok: false, why, transcript };
  }
}

describe.each(['memory', 'redis'] as const)('probe 18: the buyer answers off-script (%s)', (kind) => {
  const makeWorld = backendWorld(kind, { beforeAll, afterAll });
  const convs = kind === 'memory' ? CONVERSATIONS : CONVERSATIONS.filter((x) => x.redis);

  it(`whole conversations after the first message go where the buyer meant (${kind})`, async () => {
    const results: Result[] = [];
    for (const conv of convs) results.push(await play(conv, makeWorld));
    mkdirSync('test-artifacts', { recursive: true });
    writeFileSync(`test-artifacts/probe-18-${kind}.txt`, results.map((r) => r.transcript.join('\n')).join('\n\n'));
    const passed = results.filter((r) => r.ok).length;
    const failed = results.filter((r) => !r.ok).map((r) => `${r.id}: ${r.why}`);
    console.log(`probe 18 ${kind}: ${passed} of ${results.length}\n${failed.join('\n')}`);
    expect(passed, failed.join('\n')).toBeGreaterThanOrEqual(floor(kind));
  }, 120_000);
});
