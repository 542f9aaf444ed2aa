import { mkdirSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Choice, OutMessage, TurnInput } from '../../../src/ports/turn.js';
import { messageSubject } from '../../../src/ports/threads.js';
import { BUSY_BUYER } from '../../fixtures/busy-buyer.js';
import { backendWorld, DAY, openCase, type Speaker, type World, type WorldOptions } from './harness.js';

/**
 * Blind probe of WHICH ORDER a buyer's problem concerns (written from the spec, README, locales, the demo marketplace
 * and the busy buyer's orders, before reading src/). Buyers with several orders name them every way but the number:
 * by item, shop, price, date, position, a mistyped number, someone else's number, two in one message, « l'autre »,
 * a report left half-way and a new one hours later, a case already open on another order, an old button, a reply to
 * an old message, Lingala / Swahili / English. Each conversation checks what the buyer would notice: the order the bot
 * talks about (every order it puts forward as *the* order), the order of any case opened, that it asks when it cannot
 * know, and that another buyer's order is never shown. Transcripts: test-artifacts/orders-probe-*.txt. Redis plays
 * every conversation marked `redis`.
 *
 * Amina (demo, Kinshasa; day 0 = Tue 10 Nov 2026): CC-1001 Pagne wax ×2 50 000 FC Bisou (Sun 25 Oct, eligible),
 * CC-1002 Sac en raphia 45 000 FC Bisou (Wed 21 Oct, eligible), CC-1003 Boucles d'oreilles 18 000 FC Bisou (Sun 8 Nov,
 * not yet), CC-1004 Lampe en laiton 89 USD Lumière (Sun 24 May, window closed), CC-1005 Chemise en bogolan 32 000 FC
 * Bisou (Mon 26 Oct, eligible), CC-1008 Foulard en soie ×2 45 USD Lumière (Sun 11 Oct). Joël owns CC-1006 (Panier
 * tressé) and CC-1007 (Sandales en cuir). Grâce: test/fixtures/busy-buyer.ts (11 orders, two pagnes wax from Bisou).
 * The marketplace has no cancelled orders (no order status in its data), so no conversation covers one.
 *
 * As first written (commit 8071d85, before reading src/): 34 of 40 in memory, 5 of 8 on Redis. Two failures were the
 * probe's own, corrected without counting them as first-run passes: o15-not-theirs counted « Je ne trouve pas de
 * commande CC-1006 » (the number echoed as typed, as for one that does not exist) as an answer about CC-1006, and
 * o18-two-in-one's driver took the first case's « ouvert » message, in the same turn as the second order's question,
 * for the second case. The defects, fixed (test/app/engine/orders-probe-fixes.test.ts):
 * - a reply to a case's message while another order was being reported was read as the report's words (« toujours rien
 *   reçu » under case C-1's card became « pour la commande CC-1002 : commande non reçue »): now a comment on that case,
 *   and the report's question again;
 * - an order button of the list pressed after the order was said in words was « reprenez avec /cases ou /report »: now
 *   nothing changes and the report's question is asked again;
 * - « cc-1OO1 » (letters O) was « Quelle commande ? » with every order: now CC-1001;
 * - « non pas celle-là, l'autre » after picking one of two pagnes listed six recent orders: now the other pagne (after a
 *   shop's orders, the shop's others).
 * Reading the transcripts found one more: a problem said after « j'ai un problème avec une commande » was left out of the
 * description (the seller read only that sentence); it now joins it.
 * After: 40 of 40 in memory, 8 of 8 on Redis.
 */
/** Every conversation, as first written: what a buyer should get. */
const floor = (kind: 'memory' | 'redis') => (kind === 'memory' ? CONVERSATIONS.length : CONVERSATIONS.filter((x) => x.redis).length);

const AMINA = 'acc-amina';
const HOUR = 3_600_000;

const choicesOf = (last: OutMessage[]): Choice[] => last.flatMap((o) => [...(o.choices ?? []), ...(o.card?.actions ?? [])]);
const idsOf = (last: OutMessage[]) => last.flatMap((o) => o.body.map((b) => b.id));
const argsOf = (last: OutMessage[], id: string) => last.flatMap((o) => o.body).find((b) => b.id === id)?.args;
const orderButtons = (last: OutMessage[]) =>
  choicesOf(last).filter((c) => c.label.id === 'engine-order-choice').map((c) => String(c.label.args?.orderId));
/** Paragraphs that name an order without making it *the* order of the answer. */
const ASIDE = new Set(['buyer-flow-also-kept', 'engine-order-choice', 'engine-report-order-unknown']);
/** The orders an answer is about: those its paragraphs and case cards name, lists of buttons aside. */
const focus = (last: OutMessage[]): string[] => [
  ...new Set([
    ...last.flatMap((o) => o.body.filter((b) => !ASIDE.has(b.id)).map((b) => b.args?.orderId)).filter((x): x is string => typeof x === 'string'),
    ...last.flatMap((o) => (o.card ? [o.card.orderId] : [])),
  ]),
];
const BAD = ['engine-fallback', 'engine-flow-reset', 'errors-internal'];
const OPEN_LABELS = ['engine-choice-yes-reason', 'buyer-flow-choice-open-now', 'engine-choice-open-case'];

class Miss extends Error {}

interface Ctx {
  w: World;
  s: Speaker;
  account: string;
  say(text: string, extra?: Partial<TurnInput>): Promise<OutMessage[]>;
  press(label: string, orderId?: string): Promise<OutMessage[]>;
  pressToken(token: string, what: string): Promise<OutMessage[]>;
  token(label: string, orderId?: string): string;
  wait(ms: number): void;
  /** The bot-message id (as an adapter would have remembered it) of the latest reply about this case or order. */
  botMessageAbout(subject: string): string;
  about(orderId: string, what: string): void;
  asks(candidates: string[], what: string, within?: string[]): void;
  aboutOrAsks(orderId: string, candidates: string[], what: string): void;
  notAbout(orderIds: string[], what: string): void;
  hidden(words: string[], what: string): void;
  open(orderId: string, reason?: 'non_delivery' | 'not_as_described'): Promise<string>;
  cases(expected: Record<string, number>): Promise<void>;
  fail(why: string): never;
}

interface Conversation {
  id: string;
  account?: string;
  redis?: boolean;
  world?: WorldOptions;
  /** Moves the clock before the first word (negative: back), dates of the marketplace staying where they were. */
  shift?: number;
  run(c: Ctx): Promise<void>;
}

const GRACE = { account: BUSY_BUYER, world: { busyBuyer: true } };

const CONVERSATIONS: Conversation[] = [
  {
    id: 'o01-item-sac',
    redis: true,
    async run(c) {
      await c.say("Bonjour, le sac en raphia que j'ai reçu n'est pas du tout comme sur la photo de l'annonce");
      c.about('CC-1002', 'the raffia bag is CC-1002');
      await c.open('CC-1002', 'not_as_described');
      await c.cases({ 'CC-1002': 1 });
    },
  },
  {
    id: 'o02-item-boucles',
    async run(c) {
      await c.say("mes boucles d'oreilles ne sont toujours pas arrivées");
      c.about('CC-1003', 'the earrings are CC-1003 (not due yet)');
      await c.cases({});
    },
  },
  {
    id: 'o03-en-the-bag',
    async run(c) {
      await c.say("the bag I received doesn't look like the listing at all");
      c.about('CC-1002', '"the bag" is CC-1002');
      await c.open('CC-1002', 'not_as_described');
      await c.cases({ 'CC-1002': 1 });
    },
  },
  {
    id: 'o04-shop-lumiere',
    async run(c) {
      await c.say("Ma commande chez Atelier Lumière n'est jamais arrivée");
      c.asks(['CC-1004', 'CC-1008'], 'two orders at Atelier Lumière: ask which', ['CC-1004', 'CC-1008']);
      await c.press('engine-order-choice', 'CC-1008');
      c.about('CC-1008', 'the order pressed');
    },
  },
  {
    id: 'o05-shop-bisou',
    redis: true,
    async run(c) {
      await c.say('je n’ai jamais reçu ma commande de chez Bisou');
      c.asks([], 'four orders at Bisou: ask which', ['CC-1001', 'CC-1002', 'CC-1003', 'CC-1005']);
      if (orderButtons(c.s.last).length < 2) c.fail(`expected several Bisou orders offered, got ${orderButtons(c.s.last).join(',')}`);
      await c.press('engine-order-choice', 'CC-1001');
      c.about('CC-1001', 'the order pressed');
      await c.open('CC-1001', 'non_delivery');
      await c.cases({ 'CC-1001': 1 });
    },
  },
  {
    id: 'o06-price-45000',
    async run(c) {
      await c.say("celle à 45 000 FC n'est pas conforme à l'annonce");
      c.about('CC-1002', '45 000 FC is CC-1002');
    },
  },
  {
    id: 'o07-price-18mille',
    async run(c) {
      await c.say('la commande de 18 000 francs est pas encore arrivée');
      c.about('CC-1003', '18 000 FC is CC-1003');
    },
  },
  {
    id: 'o08-date-21-octobre',
    async run(c) {
      await c.say("ma commande du 21 octobre n'est jamais arrivée");
      c.about('CC-1002', 'placed on 21 October: CC-1002');
      await c.open('CC-1002', 'non_delivery');
      await c.cases({ 'CC-1002': 1 });
    },
  },
  {
    id: 'o09-date-lundi-26',
    async run(c) {
      await c.say("celle du lundi 26 octobre, la chemise reçue n'est pas celle de la photo");
      c.about('CC-1005', 'placed on Monday 26 October: CC-1005');
      await c.open('CC-1005', 'not_as_described');
      await c.cases({ 'CC-1005': 1 });
    },
  },
  {
    id: 'o10-la-derniere',
    async run(c) {
      await c.say("ma dernière commande n'est jamais arrivée");
      c.about('CC-1003', 'the last one placed is CC-1003');
    },
  },
  {
    id: 'o11-la-premiere',
    async run(c) {
      await c.say("ma toute première commande n'est jamais arrivée");
      c.aboutOrAsks('CC-1004', ['CC-1004'], 'the first one is CC-1004 (or ask)');
    },
  },
  {
    id: 'o12-typo-cc1001',
    async run(c) {
      await c.say('CC1001 jamais arrivée');
      c.about('CC-1001', 'CC1001');
      await c.open('CC-1001', 'non_delivery');
    },
  },
  {
    id: 'o13-typo-letter-o',
    async run(c) {
      await c.say('ma commande cc-1OO1 est jamais arrivée');
      c.about('CC-1001', 'cc-1OO1 (letters O)');
    },
  },
  {
    id: 'o14-commande-1005',
    async run(c) {
      await c.say('commande 1005 pas reçue');
      c.about('CC-1005', 'commande 1005');
    },
  },
  {
    id: 'o15-not-theirs',
    redis: true,
    async run(c) {
      const other = await c.w.user({ account: AMINA });
      await other.text("ma commande CC-1099 n'est jamais arrivée");
      const unknownIds = idsOf(other.last);
      await c.say("ma commande CC-1006 n'est jamais arrivée");
      c.hidden(['Panier', 'Joël', 'Lubumbashi'], "Joël's order must not be shown");
      c.notAbout(['CC-1006'], 'not a case or report on Joël’s order');
      const mine = idsOf(c.s.last);
      if (mine.join() !== unknownIds.join()) c.fail(`answer differs from a number that does not exist: ${mine.join()} vs ${unknownIds.join()}`);
      await c.cases({});
    },
  },
  {
    id: 'o16-not-theirs-digits',
    async run(c) {
      await c.say('1007 toujours pas livrée');
      c.hidden(['Sandales', 'Joël', 'Lubumbashi'], "Joël's order must not be shown");
      c.notAbout(['CC-1007'], 'not a report on Joël’s order');
    },
  },
  {
    id: 'o17-does-not-exist',
    async run(c) {
      await c.say("ma commande 1099 n'est jamais arrivée");
      c.notAbout(['CC-1001', 'CC-1002', 'CC-1003', 'CC-1004', 'CC-1005', 'CC-1008'], 'no order of hers silently taken for 1099');
      if (!c.s.read().includes('1099')) c.fail('the answer does not say which number it could not find');
    },
  },
  {
    id: 'o18-two-in-one',
    redis: true,
    async run(c) {
      await c.say("le pagne n'est jamais arrivé, et la chemise reçue n'est pas celle de la photo");
      c.about('CC-1001', 'the first problem is the pagne, CC-1001');
      if (argsOf(c.s.last, 'buyer-flow-also-kept')?.orderId !== 'CC-1005') c.fail('the second order (CC-1005) is not said to be kept');
      await c.open('CC-1001', 'non_delivery');
      if (!c.s.read().includes('CC-1005')) c.fail('after the first case, the second order is not brought back');
      await c.open('CC-1005', 'not_as_described');
      await c.cases({ 'CC-1001': 1, 'CC-1005': 1 });
    },
  },
  {
    id: 'o19-switch-lautre-named',
    async run(c) {
      await c.say("le pagne wax n'est jamais arrivé");
      c.about('CC-1001', 'pagne is CC-1001');
      await c.say("non pas celle-là, l'autre, le sac en raphia");
      c.about('CC-1002', 'switched to the bag');
      await c.open('CC-1002');
      await c.cases({ 'CC-1002': 1 });
    },
  },
  {
    id: 'o20-switch-lautre-bare',
    async run(c) {
      await c.say("ma commande CC-1001 n'est jamais arrivée");
      c.about('CC-1001', 'named');
      await c.say("non pas celle-là, l'autre");
      c.notAbout(['CC-1001'], '« pas celle-là » is not CC-1001');
      c.asks([], 'five other orders: ask which', ['CC-1002', 'CC-1003', 'CC-1004', 'CC-1005', 'CC-1008']);
    },
  },
  {
    id: 'o21-left-then-other-hours-later',
    redis: true,
    async run(c) {
      await c.say("ma commande CC-1001 n'est jamais arrivée");
      c.about('CC-1001', 'named');
      c.wait(5 * HOUR);
      await c.say("le sac en raphia que j'ai reçu n'est pas comme sur la photo");
      c.about('CC-1002', 'hours later, the bag: CC-1002, not the report left on CC-1001');
      await c.open('CC-1002', 'not_as_described');
      await c.cases({ 'CC-1002': 1 });
    },
  },
  {
    id: 'o22-left-then-unnamed-then-corrected',
    async run(c) {
      await c.say("ma commande CC-1001 n'est jamais arrivée");
      c.wait(3 * HOUR);
      await c.say("bonsoir, un article reçu n'est pas conforme à l'annonce");
      const f = focus(c.s.last);
      if (f.some((o) => o !== 'CC-1001')) c.fail(`an order silently taken: ${f.join(',')}`);
      await c.say("c'est le sac en raphia");
      c.about('CC-1002', 'the buyer names the bag');
      await c.open('CC-1002', 'not_as_described');
      await c.cases({ 'CC-1002': 1 });
    },
  },
  {
    id: 'o23-case-open-then-other-item',
    redis: true,
    async run(c) {
      await openCase(c.w, 'CC-1001', 'non_delivery');
      await c.say("la chemise en bogolan reçue n'est pas comme sur l'annonce, elle est d'une autre couleur");
      c.about('CC-1005', 'a new problem about the shirt, not the open case on CC-1001');
      await c.open('CC-1005', 'not_as_described');
      await c.cases({ 'CC-1001': 1, 'CC-1005': 1 });
    },
  },
  {
    id: 'o24-case-open-then-autre-probleme',
    async run(c) {
      await openCase(c.w, 'CC-1001', 'non_delivery');
      await c.say("j'ai un autre problème, avec le sac cette fois : il n'est jamais arrivé");
      c.about('CC-1002', 'the bag, not the case on CC-1001');
    },
  },
  {
    id: 'o25-old-order-button',
    async run(c) {
      await c.say("j'ai un problème avec une commande");
      if (orderButtons(c.s.last).length === 0) c.fail('no order buttons to pick from');
      const old = c.token('engine-order-choice', 'CC-1001');
      await c.say("en fait c'est le sac en raphia, il n'est pas conforme à la photo");
      c.about('CC-1002', 'the bag');
      await c.pressToken(old, 'the CC-1001 button of the earlier list');
      const f = focus(c.s.last);
      if (f.length !== 1) c.fail(`after the old button the answer is about ${f.join(',') || 'no order'}`);
      const now = f[0]!;
      await c.open(now);
      await c.cases({ [now]: 1 });
    },
  },
  {
    id: 'o26-reply-to-old-case-message',
    redis: true,
    async run(c) {
      await c.say("ma commande CC-1001 n'est jamais arrivée");
      const caseId = await c.open('CC-1001', 'non_delivery');
      const msg = c.botMessageAbout(caseId);
      c.wait(2 * HOUR);
      await c.say("le sac en raphia n'est pas conforme à l'annonce");
      c.about('CC-1002', 'the new report on the bag');
      await c.say('toujours rien reçu, vous pouvez relancer le vendeur ?', { replyToMessageId: msg });
      const cs = await c.w.store.load(caseId);
      const commented = cs?.timeline.some((e) => e.type === 'comment' && JSON.stringify(e).includes('toujours rien reçu'));
      if (!commented) c.fail(`the reply to the case's message is not a comment on ${caseId}: ${idsOf(c.s.last).join(',')}`);
      await c.cases({ 'CC-1001': 1 });
    },
  },
  {
    id: 'o27-ln-lelo',
    shift: -2 * DAY + 2 * HOUR,
    async run(c) {
      await c.say('commande na ngai ya lelo, nakoki koyeba ntango ekoya ?');
      c.about('CC-1003', 'today (Sunday 8 Nov) is CC-1003');
    },
  },
  {
    id: 'o28-sw-jana',
    shift: -1 * DAY,
    async run(c) {
      await c.say('oda yangu ya jana bado haijafika');
      c.about('CC-1003', 'yesterday (8 Nov) is CC-1003');
    },
  },
  {
    id: 'o29-en-my-last-order',
    async run(c) {
      await c.say('my last order never arrived');
      c.about('CC-1003', 'the last order is CC-1003');
    },
  },
  {
    id: 'o30-ln-sac',
    async run(c) {
      await c.say('sac ya raphia oyo nazwaki ezali ndenge bamonisaki na foto te');
      c.about('CC-1002', 'the raffia bag in Lingala');
    },
  },
  {
    id: 'o31-grace-two-pagnes',
    redis: true,
    ...GRACE,
    async run(c) {
      await c.say("le pagne wax n'est jamais arrivé");
      c.asks(['CC-1011', 'CC-1015'], 'two pagnes wax: ask which', ['CC-1011', 'CC-1015']);
      await c.press('engine-order-choice', 'CC-1015');
      c.about('CC-1015', 'the pagne pressed');
      await c.open('CC-1015', 'non_delivery');
      await c.cases({ 'CC-1015': 1 });
    },
  },
  {
    id: 'o32-grace-pagne-lautre',
    ...GRACE,
    async run(c) {
      await c.say("le pagne wax n'est jamais arrivé");
      await c.press('engine-order-choice', 'CC-1011');
      c.about('CC-1011', 'pressed');
      await c.say("non pas celle-là, l'autre");
      c.about('CC-1015', 'the other pagne');
    },
  },
  {
    id: 'o33-grace-robe',
    ...GRACE,
    async run(c) {
      await c.say("la robe wax n'est pas comme sur la photo");
      c.about('CC-1016', 'the wax dress, not a pagne');
    },
  },
  {
    id: 'o34-grace-kitoko',
    ...GRACE,
    async run(c) {
      await c.say('chez Kitoko, jamais reçu');
      c.asks([], 'four Kitoko orders: ask which', ['CC-1012', 'CC-1016', 'CC-1017', 'CC-1020']);
      if (orderButtons(c.s.last).length < 2) c.fail('expected several Kitoko orders offered');
    },
  },
  {
    id: 'o35-grace-date',
    ...GRACE,
    async run(c) {
      await c.say('celle du 1er novembre est jamais arrivée');
      c.about('CC-1016', '1 November: CC-1016');
    },
  },
  {
    id: 'o36-grace-last-week',
    ...GRACE,
    async run(c) {
      await c.say("last week's order never arrived");
      c.aboutOrAsks('CC-1017', ['CC-1017', 'CC-1021'], 'last week: CC-1017 or CC-1021');
      if (focus(c.s.last).length === 1 && orderButtons(c.s.last).length === 0) c.fail('two orders last week, one picked silently');
    },
  },
  {
    id: 'o37-grace-bracelet',
    ...GRACE,
    async run(c) {
      await c.say("le bracelet en perles n'est jamais arrivé");
      c.about('CC-1019', 'the bracelet (window closed)');
      await c.cases({});
    },
  },
  {
    id: 'o38-grace-price-25000',
    ...GRACE,
    async run(c) {
      await c.say("celle à 25 000 n'est jamais arrivée");
      c.aboutOrAsks('CC-1011', ['CC-1011', 'CC-1015'], '25 000: CC-1011 (total) or ask with CC-1015 (unit)');
    },
  },
  {
    id: 'o39-amina-mardi',
    async run(c) {
      await c.say("ma commande de mardi n'est jamais arrivée");
      c.notAbout(['CC-1001', 'CC-1002', 'CC-1003', 'CC-1004', 'CC-1005', 'CC-1008'], 'no order on a Tuesday: none picked');
    },
  },
  {
    id: 'o40-dimanche-dernier',
    async run(c) {
      await c.say("la commande de dimanche dernier n'est pas arrivée");
      c.aboutOrAsks('CC-1003', ['CC-1003'], 'last Sunday (8 Nov): CC-1003');
    },
  },
];

function context(w: World, s: Speaker, account: string, transcript: string[]): Ctx {
  const botMessages: Array<{ id: string; subject: string }> = [];
  let n = 0;
  const log = (who: string, text: string) => transcript.push(`${who}: ${text}`);
  const record = async (replies: OutMessage[]) => {
    for (const o of replies) {
      n += 1;
      const subject = messageSubject(o);
      if (subject) {
        const id = `bot-${n}`;
        await w.threads.rememberMessage(s.platform, `dm-${s.userId}`, id, subject);
        botMessages.push({ id, subject });
      }
    }
    log('bot', `${s.read().replace(/\n/g, '\n     ')}\n     [${idsOf(replies).join(',')}] buttons=${choicesOf(replies).map((c) => `${c.label.id}${c.label.args?.orderId ? `:${String(c.label.args.orderId)}` : ''}`).join(' ')}`);
    const bad = idsOf(replies).filter((id) => BAD.includes(id));
    if (bad.length) throw new Miss(`a dead end: ${bad.join(',')}`);
    return replies;
  };
  const fail = (why: string): never => {
    throw new Miss(why);
  };
  const c: Ctx = {
    w,
    s,
    account,
    async say(text, extra) {
      log('buyer', text);
      return record(await s.text(text, extra));
    },
    async press(label, orderId) {
      log('buyer', `[press ${label}${orderId ? ` ${orderId}` : ''}]`);
      const all = choicesOf(s.last);
      const found = all.find((x) => x.label.id === label && (!orderId || x.label.args?.orderId === orderId));
      if (!found) fail(`no button ${label} ${orderId ?? ''} among ${all.map((x) => `${x.label.id}:${String(x.label.args?.orderId ?? '')}`).join(' ') || 'none'}`);
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
    wait(ms) {
      log('clock', `+${ms / HOUR} h`);
      w.clock.advance(ms);
    },
    botMessageAbout(subject) {
      const m = [...botMessages].reverse().find((b) => b.subject === subject || b.subject === `order:${subject}`);
      if (!m) fail(`no bot message about ${subject} to reply to`);
      return m!.id;
    },
    about(orderId, what) {
      const f = focus(s.last);
      if (f.length === 0) fail(`${what}: the answer names no order (buttons: ${orderButtons(s.last).join(',') || 'none'})`);
      if (f.length !== 1 || f[0] !== orderId) fail(`${what}: the answer is about ${f.join(',')}, expected ${orderId}`);
    },
    asks(candidates, what, within) {
      const f = focus(s.last);
      if (f.length > 0) fail(`${what}: the answer is about ${f.join(',')} instead of asking`);
      const offered = orderButtons(s.last);
      if (offered.length === 0) fail(`${what}: no order offered to pick`);
      const missing = candidates.filter((o) => !offered.includes(o));
      if (missing.length) fail(`${what}: ${missing.join(',')} not offered (offered ${offered.join(',')})`);
      const stray = within ? offered.filter((o) => !within.includes(o)) : [];
      if (stray.length) fail(`${what}: ${stray.join(',')} offered although it does not fit (offered ${offered.join(',')})`);
    },
    aboutOrAsks(orderId, candidates, what) {
      const f = focus(s.last);
      if (f.length === 1 && f[0] === orderId) return;
      c.asks(candidates, what);
    },
    notAbout(orderIds, what) {
      const f = focus(s.last).filter((o) => orderIds.includes(o));
      if (f.length) fail(`${what}: the answer is about ${f.join(',')}`);
    },
    hidden(words, what) {
      const text = s.read();
      const seen = words.filter((x) => text.toLowerCase().includes(x.toLowerCase()));
      if (seen.length) fail(`${what}: the answer shows ${seen.join(', ')}`);
    },
    async open(orderId, reason) {
      // A case opened by the turn before (two problems in one message) is not this one.
      const before = argsOf(s.last, 'engine-report-opened')?.caseId;
      for (let step = 0; step < 8; step++) {
        const opened = step === 0 && before ? undefined : argsOf(s.last, 'engine-report-opened');
        if (opened) {
          if (opened.orderId !== orderId) fail(`a case was opened on ${String(opened.orderId)}, expected ${orderId}`);
          const cs = await w.store.load(String(opened.caseId));
          if (reason && cs?.reason !== reason) fail(`case on ${orderId} opened as ${cs?.reason}, expected ${reason}`);
          return String(opened.caseId);
        }
        const f = focus(step === 0 && before ? s.last.filter((o) => !o.card && !o.body.some((b) => b.id === 'engine-report-opened')) : s.last);
        if (f.some((o) => o !== orderId)) fail(`on the way to a case on ${orderId} the bot talks about ${f.join(',')}`);
        const proposed = argsOf(s.last, 'engine-report-reason-proposed');
        if (proposed && reason && proposed.reason !== reason) {
          await c.press('engine-choice-no-reason');
          continue;
        }
        const labels = choicesOf(s.last).map((x) => x.label.id);
        if (!proposed && reason && labels.includes('engine-reason-choice')) {
          const r = choicesOf(s.last).find((x) => x.label.id === 'engine-reason-choice' && x.label.args?.reason === reason);
          if (!r) fail(`reason ${reason} not offered`);
          log('buyer', `[press reason ${reason}]`);
          await record(await s.pressToken(r!.token));
          continue;
        }
        if (labels.includes('engine-order-choice') && orderButtons(s.last).includes(orderId) && f.length === 0) {
          await c.press('engine-order-choice', orderId);
          continue;
        }
        const next = OPEN_LABELS.find((l) => labels.includes(l));
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
    async cases(expected) {
      const list = await w.store.list({ buyerId: account });
      const got: Record<string, number> = {};
      for (const k of list) got[k.orderId] = (got[k.orderId] ?? 0) + 1;
      const a = JSON.stringify(Object.entries(got).sort());
      const b = JSON.stringify(Object.entries(expected).sort());
      if (a !== b) fail(`cases by order ${a}, expected ${b}`);
    },
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
  if (conv.shift) w.clock.advance(conv.shift);
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

describe.each(['memory', 'redis'] as const)('orders probe (%s)', (kind) => {
  const makeWorld = backendWorld(kind, { beforeAll, afterAll });
  const convs = kind === 'memory' ? CONVERSATIONS : CONVERSATIONS.filter((x) => x.redis);

  it(`the buyer's problem lands on the order they meant (${kind})`, async () => {
    const results: Result[] = [];
    for (const conv of convs) results.push(await play(conv, makeWorld));
    mkdirSync('test-artifacts', { recursive: true });
    writeFileSync(`test-artifacts/orders-probe-${kind}.txt`, results.map((r) => r.transcript.join('\n')).join('\n\n'));
    const passed = results.filter((r) => r.ok).length;
    const failed = results.filter((r) => !r.ok).map((r) => `${r.id}: ${r.why}`);
    console.log(`orders probe ${kind}: ${passed} of ${results.length}\n${failed.join('\n')}`);
    expect(passed, failed.join('\n')).toBeGreaterThanOrEqual(floor(kind));
  }, 120_000);
});
