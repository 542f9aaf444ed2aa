import { DateTime } from 'luxon';
import { isCaseReason } from '../../../domain/eligibility.js';
import { MAX_OPEN_EVIDENCE } from '../../../domain/decider.js';
import { ValidationError } from '../../../domain/errors.js';
import { cleanText, MAX_TEXT_LENGTH } from '../../../domain/text.js';
import type { BlobRef, Order, ProblemKind, Shop } from '../../../domain/types.js';
import type { Msg } from '../../../ports/notification.js';
import type { Choice } from '../../../ports/turn.js';
import { choice, hook, m, requireWho, say, type EngineCtx, type Turn } from '../context.js';
import { classifyProblem, classifySurely, classifyWithOrder, normalize, saysOnlyTrouble, saysSellerSilent, saysSurely, statesProblem, statesTrouble } from '../intent.js';
import { clausesOf, CLAUSE_BREAK } from '../clauses.js';
import { correctedOrderRef, findOrderRef, type OrderRef } from '../order-ref.js';
import { createHash } from 'node:crypto';
import { newNonce, offeredBack, readReport, REPORT_LAPSE_MS, type ReportState } from '../state.js';
import { sayCard } from './case-thread.js';
import { isLongPart, JOIN_WINDOW_MS } from './long-parts.js';
import { askMessageForSeller, relayToSeller, shopPolicyMsg } from './seller-message.js';
import { addsAnother, asksToEditDescription, confirmsAfterAck, assents, pings, saysGo, putsFirst, asksHowItWorks, asksHowLong, asksWhatNext, asksWhy, asksWhenItComes, protests, triedSeller, asksShopPolicy, asksWhatIf, asksToWriteSeller, asksToWriteThem, greetsOnly, listPosition, rejectsOrder, saysItCame, saysNotListed, saysThanks, takesBack, typedAnswer, wantsCase, withoutLeadIn, yesAndMore } from '../typed-answers.js';

/**
 * The buyer's report: from a message to an opened case (or a message to the seller). The latest
 * message wins: one that names another order or another problem starts the report over on it; one
 * that answers no step offers the report back instead of imposing it.
 */

/** Orders offered as buttons when the text names none. */
const ORDER_CHOICES = 6;
/** Reasons offered as buttons, in the order people look for them. */
export const REASONS: readonly ProblemKind[] = [
  'non_delivery',
  'not_as_described',
  'delivery_question',
  'wrong_size',
  'cancellation',
  'return_request',
  'refund_request',
  'other',
];
/** Words long enough to stand as a case description even when no problem was recognised. */
const DESCRIPTION_WORDS = 5;
/** How much of the description the buyer is shown back before opening. */
const DESCRIPTION_EXCERPT = 280;

async function save(e: EngineCtx, t: Turn, s: ReportState): Promise<void> {
  s.at = t.now;
  noteDescriptionSource(t, s);
  await e.conv.set(t.input.platform, t.input.userId, t.input.conversationId, s);
}

/** This turn's own words: a message's text, a file's caption, an edited message's new text. */
function ownWords(t: Turn): string | null {
  const c = t.input.content;
  return c.type === 'text' || c.type === 'edit' ? c.text : c.type === 'attachment' ? (c.caption ?? null) : null;
}

/**
 * Which message the description is (for edits of it) and whether the buyer's next text may continue it (a long text
 * split in parts). A description that is not this turn's words keeps what it had, unless it changed.
 */
function noteDescriptionSource(t: Turn, s: ReportState): void {
  const words = ownWords(t)?.trim();
  if (t.joinedPart !== undefined) {
    // Parts joined: no one message is the description any more; a part as long as a split one may be followed by more.
    delete s.descriptionFrom;
    if (s.description?.endsWith(t.joinedPart) && isLongPart(t.joinedPart)) s.joinable = true;
    else delete s.joinable;
    return;
  }
  if (words && s.description === words) {
    // An edit that started the report over is its description's message too (a later edit of it is read again).
    if (t.input.messageId) s.descriptionFrom = { messageId: t.input.messageId, digest: wordsDigest(words) };
    if (t.input.content.type === 'text' && isLongPart(words)) s.joinable = true;
    else delete s.joinable;
    return;
  }
  delete s.joinable;
  if (s.description === null) delete s.descriptionFrom;
}

/** Short digest of a description: whether it is still the words a message gave it. */
const wordsDigest = (text: string): string => createHash('sha256').update(text.trim()).digest('base64url').slice(0, 16);

/** The buyer's text continues the report's description: it comes right after a part long enough to have been split. */
export function continuesDescription(s: ReportState, text: string, now: string): boolean {
  if (!s.joinable || !s.description || !s.at || s.step === 'message') return false;
  if (Date.parse(now) - Date.parse(s.at) > JOIN_WINDOW_MS) return false;
  // « oui », « annuler » typed after a long message answers its question; a part of a story is not that short.
  if (text.trim().length < 200 && typedAnswer(text) !== null) return false;
  return [...s.description].length + 1 + [...text.trim()].length <= MAX_TEXT_LENGTH;
}

/**
 * The next part of a long text the client split: the parts are read as the one message the buyer wrote. While the
 * report is still finding its order or problem, it starts again from the whole text (the problem may be in the
 * second part); once they are known, the description grows and the step is shown again.
 */
export async function joinDescription(e: EngineCtx, t: Turn, s: ReportState, text: string): Promise<void> {
  const part = text.trim();
  const joined = `${s.description}\n${part}`;
  t.joinedPart = part;
  say(t, m('engine-long-joined', { length: [...joined].length }));
  if (s.step === 'order' || s.step === 'reason' || s.step === 'reason_pick') return startReport(e, t, joined, s.orderId, { evidence: s.evidence });
  s.description = joined;
  delete s.pending;
  return showReportStep(e, t, s.step === 'description' ? { ...s, step: 'decide' } : s);
}

/**
 * The buyer edited the message that is the report's description: the report holds the new words. False when the edit
 * is not of the description (the caller answers it otherwise).
 */
export async function editDescription(e: EngineCtx, t: Turn, s: ReportState, text: string): Promise<boolean> {
  const from = s.descriptionFrom;
  if (!from || from.messageId !== t.input.messageId || !s.description || from.digest !== wordsDigest(s.description) || s.step === 'message') return false;
  const words = cleanText(text);
  // An edit that changes nothing (Telegram sends some): nothing to say.
  if (words === s.description) return true;
  // The order number corrected in the edit (« CC-1002 » made « CC-1001 »): the latest words win, as a new message naming
  // another order would; the report starts over on them, with its photos (not a case on the order corrected away from).
  const ref = findOrderRef(words, await ordersOf(e, t), t.timezone, t.now);
  if (ref.kind === 'unknown' || (ref.kind === 'found' && ref.orderIds.some((id) => id !== s.orderId))) {
    await startReport(e, t, words, null, { evidence: s.evidence });
    return true;
  }
  s.description = words;
  s.descriptionFrom = { messageId: from.messageId, digest: wordsDigest(words) };
  await save(e, t, s);
  say(t, m('engine-edit-description-updated', { description: excerpt(words) }));
  return true;
}
const clear = (e: EngineCtx, t: Turn) => e.conv.clear(t.input.platform, t.input.userId, t.input.conversationId);
const flowChoice = (e: EngineCtx, t: Turn, s: ReportState, v: string, label: Msg, style?: Choice['style']) =>
  choice(e, t, label, { k: 'flow', nonce: s.nonce, v }, style);
const cancelChoice = (e: EngineCtx, t: Turn, s: ReportState) => flowChoice(e, t, s, 'cancel', m('engine-choice-cancel'));

/** The message stands as the case's description when it says what went wrong. */
const describes = (text: string, kind: ProblemKind | null): boolean =>
  kind !== null || normalize(text).split(/\s+/).filter(Boolean).length >= DESCRIPTION_WORDS;

async function ordersOf(e: EngineCtx, t: Turn): Promise<Order[]> {
  return e.deps.marketplace.ordersOfBuyer(requireWho(t).accountId);
}

/** Words of shop names too common to name a shop by themselves. */
const SHOP_NAME_COMMON = new Set(['boutique', 'shop', 'store', 'maison', 'house', 'creations', 'design', 'designs', 'mode', 'fashion', 'market', 'marche', 'duka', 'plus', 'congo', 'kinshasa']);

/**
 * The order a message names, as `findOrderRef` reads it, or else by its shop (« celle de Bisou », "the one from Lumière",
 * « ya Bisou »): that shop's orders, one to take or several to pick from. A shop's name counts after a word that makes it
 * the order's (« de », « chez », "from", « ya »), not alone (« la lumière ne s'allume pas »).
 */
async function orderRefOf(e: EngineCtx, t: Turn, text: string, orders: readonly Order[]): Promise<OrderRef> {
  const ref = findOrderRef(text, orders, t.timezone, t.now);
  if (ref.kind !== 'none' || orders.length < 2) return ref;
  const said = ` ${normalize(text).replace(/[^a-z0-9]+/g, ' ')} `;
  if (!/ (?:de|du|chez|from|at|of|by|ya|kwa|wa|na) /.test(said)) return ref;
  const shopIds = [...new Set(orders.map((o) => o.shopId))];
  if (shopIds.length < 2) return ref;
  const shops = await Promise.all(shopIds.map((id) => e.deps.marketplace.shop(id)));
  const named = shops.filter((shop): shop is Shop => {
    if (!shop) return false;
    const words = normalize(shop.name).split(/[^a-z0-9]+/).filter((w) => w.length >= 4 && !SHOP_NAME_COMMON.has(w));
    return words.some((w) => new RegExp(` (?:de|du|chez|from|at|of|by|ya|kwa|wa|na) (?:la |le |l |the )?(?:boutique |shop |store |duka )?${w} `).test(said));
  });
  if (named.length !== 1) return ref;
  const ids = orders.filter((o) => o.shopId === named[0]!.id).map((o) => o.id);
  return ids.length ? { kind: 'found', orderIds: ids, by: 'title' } : ref;
}

/** A problem of no known kind said in words of its own (« changer l'adresse de livraison », "an invoice"), not only « un problème ». */
const saysOther = (text: string, kind: ProblemKind | null, orders: readonly Order[]): boolean =>
  kind === 'other' && !saysOnlyTrouble(text, orders.flatMap((o) => o.items.map((i) => i.title)));

/** What a report started over carries from the one it replaces: a correction of the order keeps the problem. */
export interface Carried {
  /** The problem and description of the report a correction (« non, pas celle-là : la 1001 ») replaces. */
  from?: ReportState;
  /** Photos sent before the report started (a photo with nothing else, or with a caption). */
  evidence?: BlobRef[];
}

/** The order the buyer wrote to its seller about in the last REPORT_LAPSE_MS, if still one of theirs. */
async function recentOrder(e: EngineCtx, t: Turn, orders: readonly Order[]): Promise<{ orderId: string; kind: ProblemKind | null } | null> {
  // Read with the turn's first reads (no round trip of its own).
  const prefs = t.early ? (await t.early.begin).prefs : await e.conv.prefs(t.input.platform, t.input.userId);
  const recent = prefs.recentOrder;
  if (!recent || Date.parse(t.now) - Date.parse(recent.at) > REPORT_LAPSE_MS) return null;
  return orders.some((o) => o.id === recent.orderId) ? { orderId: recent.orderId, kind: (recent.kind as ProblemKind | undefined) ?? null } : null;
}

/** At most this many words naming an order are read as naming it only, unless a word of a problem is among them. */
const TERSE_WORDS = 3;

/**
 * Starts a report from a buyer's message (or `/report`): the order it names, the problem it states,
 * then eligibility. `sameOrder` keeps the order of the report it replaces when the message names none.
 */
export async function startReport(e: EngineCtx, t: Turn, text: string | null, sameOrder: string | null = null, carried: Carried = {}): Promise<void> {
  const orders = await ordersOf(e, t);
  // « le pagne n'est jamais arrivé et le sac reçu n'est pas comme sur la photo »: each order with its own problem.
  // Not when it corrects itself (« la 1001… non attends, c'est la 1005 qui est abîmée »): one order is meant, the last.
  const split = text && !carried.from && !correctedOrderRef(text, orders, t.timezone, t.now) ? problemsByOrder(text, orders, t.timezone, t.now) : null;
  if (split) return startSplitReport(e, t, split, carried);
  let ref: OrderRef = text ? await orderRefOf(e, t, text, orders) : { kind: 'none' };
  // « c'est la 1005 qui n'est pas arrivée, la 1001 je l'ai reçue », "it's 1001 not 1005": the order corrected away from is not meant.
  const away = carried.from?.orderId;
  if (away && ref.kind === 'found' && ref.orderIds.length > 1 && ref.orderIds.includes(away)) ref = { ...ref, orderIds: ref.orderIds.filter((id) => id !== away) };
  // A first message is read whole; one that corrects the order is read as naming it (intent.classifyWithOrder), and
  // so is a few words that name an order and nothing else (« le pagne », "the bag", « ma commande 1001 »): the
  // classifier's weak guess from an item's name is no problem stated.
  const onlyOrder = !!text && ref.kind === 'found' && text.trim().split(/\s+/).length <= TERSE_WORDS;
  let kind = text ? (carried.from || onlyOrder ? classifyWithOrder(text, ref.kind !== 'none') : classifyProblem(text)) : null;
  // « toujours rien, c'est normal ? elles arrivent quand ? »: a story that ends on when the order comes is answered with its
  // dates (a non-delivery once it is late, as « où en est ma commande ? » is), not a problem to confirm first.
  if (kind === 'non_delivery' && text && !carried.from && asksWhenItComes(text)) kind = 'delivery_question';
  // « merci pour votre aide », « asante sana » with nothing under way: welcomed, not met with « which order? ».
  if (text && !carried.from && !carried.evidence?.length && ref.kind === 'none' && saysThanks(text) && !statesProblem(text)) {
    return void say(t, m('buyer-flow-thanks', { orderId: 'none' }));
  }
  // « c bon c'est arrivé, merci » days after a report was left (nothing under way any more): glad, not « je n'ai pas reconnu
  // de problème précis » and the orders to pick from.
  if (text && !carried.from && !carried.evidence?.length && ref.kind === 'none' && saysItCame(text) && !statesProblem(text)) {
    return void say(t, m('buyer-flow-came'));
  }
  // « c'est quoi la politique de retour ? », "what's the refund policy at Bisou?": the shop's conditions, not a return to confirm.
  if (text && !carried.from && asksShopPolicy(text) && !statesTrouble(text)) return answerShopPolicy(e, t, orders, ref, text);
  // « comment ça marche ? », « c'est quoi un litige ? », « bonjour »: answered (how it works, a greeting back) before the
  // orders are offered, not read as a problem of no known kind nor met with « not recognised ».
  const welcome: Msg[] = [];
  if (text && !carried.from && ref.kind === 'none' && (!statesProblem(text) || kind === 'delivery_question' || !statesTrouble(text) || asksWhatIf(text))) {
    if (asksHowItWorks(text)) welcome.push(m('engine-welcome'), m('buyer-flow-how-it-works', { duration: { duration: e.deps.policy.escalationAfter.toISO() ?? 'P3D' } }));
    else if (greetsOnly(text) && !statesProblem(text)) welcome.push(m('engine-welcome'));
    if (welcome.length) kind = null;
  }
  // Without what only led into it (« ok laisse. autre chose : … »): the seller reads the problem, not the way to it.
  let description = text && describes(text, kind) && !welcome.length ? withoutLeadIn(text) : null;
  // A message that only corrects the order states no problem: the one already said stands, and so does
  // its description unless it names the order corrected away from.
  const from = carried.from;
  // What was said about each order before this message, the report it replaces included.
  const said = { ...from?.said };
  const fromKind = from ? (from.reason ?? from.kind) : null;
  if (from?.orderId && fromKind) said[from.orderId] = { kind: fromKind, description: from.description };
  const target = ref.kind === 'found' && ref.orderIds.length === 1 ? ref.orderIds[0]! : null;
  const before = target && target !== from?.orderId ? said[target] : undefined;
  const correction = !!from && kind === null && !!fromKind && !before;
  if (from && correction) {
    kind = fromKind;
    const named = from.description ? findOrderRef(from.description, orders, t.timezone, t.now) : { kind: 'none' as const };
    description = from.description && named.kind === 'none' ? from.description : null;
  }
  // « et l'autre aussi, la 1005 » right after a case opened on another order: the same problem, on that order (the classifier's
  // guess from words that state none was another problem, and the words, which describe nothing, the description).
  if (text && !from && target && addsAnother(text) && !statesProblem(text)) {
    const who = requireWho(t);
    const last = (await e.deps.cases.list(who, 'mine'))
      .filter((c) => c.buyerId === who.accountId && c.orderId !== target && Date.parse(t.now) - Date.parse(c.openedAt) <= REPORT_LAPSE_MS)
      .sort((a, b) => Date.parse(b.openedAt) - Date.parse(a.openedAt))[0];
    if (last) [kind, description] = [last.reason, null];
  }
  // « bon, ouvrez le litige pour le sac » after a question about another order: the problem said about the bag stands.
  const resumed = !!before && kind === null;
  if (before && resumed) [kind, description] = [before.kind, before.description];
  const s: ReportState = {
    flow: 'report',
    nonce: newNonce(),
    step: 'order',
    kind,
    orderId: null,
    reason: null,
    description,
    // Photos sent for the order corrected away from are of the item the buyer means.
    evidence: [...(correction ? from!.evidence : []), ...(carried.evidence ?? [])],
  };
  if (correction ? from!.otherSaid : resumed ? before!.kind === 'other' : text && saysOther(text, kind, orders)) s.otherSaid = true;
  if (Object.keys(said).length) s.said = said;
  // « et aussi la 1002, le sac… » while a report on the 1001 is under way: that report is kept, taken back once this one
  // has its case (not dropped as a correction would be). One that cannot become a case now (too early, too late, a case
  // already open) has had its answer: nothing to come back to.
  // So is the report under way when the buyer puts another order first (« attendez, d'abord la chemise »), or names one
  // already waiting its turn (« bon, on revient à la chemise »): the order changes, nothing said is dropped.
  const waiting = !!target && !!from?.also?.includes(target);
  const adds = !!text && (addsAnother(text) || putsFirst(text) || waiting);
  const kept = from?.orderId && fromKind && target && target !== from.orderId && adds && (await couldOpen(e, t, from.orderId)) ? from.orderId : null;
  if (kept) s.also = [kept, ...(from!.also ?? []).filter((id) => id !== kept && id !== target)];
  // « Sorry about this problem » fits a complaint, not a question about dates; it was said when the problem
  // was: a correction of the order does not say it again.
  const preface: Msg[] = kind && kind !== 'delivery_question' && !correction && !resumed ? [m('engine-report-intro')] : [...welcome];
  if (carried.evidence?.length) preface.push(m('engine-report-photo-added', { count: s.evidence.length }));
  if (kept) preface.unshift(m('buyer-flow-also-kept', { orderId: kept }));
  if (ref.kind === 'found' && ref.orderIds.length === 1) s.orderId = ref.orderIds[0]!;
  else if (ref.kind === 'none' && sameOrder) s.orderId = sameOrder;
  else if (ref.kind === 'none' && text && !from && (kind !== null || wantsCase(text)) && !rejectsOrder(text)) {
    // A problem said right after writing to a seller, no order named (« bado sijapokea, nataka kufungua kesi sasa », « la
    // couleur aussi est pas bonne »): that order, proposed by name (« pas celle-là », « une autre commande » turn it down).
    const recent = await recentOrder(e, t, orders);
    s.orderId = recent?.orderId ?? null;
    // « il répond pas, ouvrez le litige » after writing to him about the basket's size: the problem written about, not the
    // seller's silence (no problem of its own a case could be about).
    if (recent?.kind && (s.kind === null || (s.kind === 'other' && (!s.otherSaid || saysSellerSilent(text))))) {
      s.kind = recent.kind;
      delete s.otherSaid;
    }
  }
  if (s.orderId) {
    await orderSeen(e, s.orderId);
    // « je veux juste écrire au vendeur de la 1005 », no problem stated: the message to the seller is asked for at once,
    // as the « Écrire au vendeur » button does later (not a problem of no known kind to confirm).
    // The classifier's guess from the item's name or the rest (« nalingi koloba na moteki ya pagne ») is no problem said.
    if (text && !carried.from && asksToWriteSeller(text) && !statesProblem(text) && (kind === null || kind === 'other' || classifySurely(text) === null)) {
      // No problem said: the message's own words give its subject when it is sent (seller-message.relayToSeller).
      [s.reason, s.kind] = [null, null];
      s.step = 'message';
      await save(e, t, s);
      return askMessageForSeller(e, t, s, false);
    }
    return afterOrder(e, t, s, preface);
  }
  return askOrderFor(e, t, s, orders, ref, text, preface);
}

/** The words of a shop's name that name it in a message (« chez Bisou », "at Lumière"): long enough not to be a little word. */
const shopWords = (name: string): string[] => normalize(name).split(/[^a-z0-9]+/).filter((w) => w.length >= 4);

/**
 * A question about a shop's conditions (returns, refunds, exchanges): the conditions of the shop of the order named, else of
 * the shop named, else of each shop the buyer bought from; then how to ask for one. Nothing is sent to a seller.
 */
async function answerShopPolicy(e: EngineCtx, t: Turn, orders: readonly Order[], ref: OrderRef, text: string): Promise<void> {
  const shopIds = [...new Set(orders.map((o) => o.shopId))];
  const shops = (await Promise.all(shopIds.map((id) => e.deps.marketplace.shop(id)))).filter((x): x is Shop => !!x);
  const words = new Set(normalize(text).split(/[^a-z0-9]+/));
  const ofOrders = ref.kind === 'found' ? new Set(orders.filter((o) => ref.orderIds.includes(o.id)).map((o) => o.shopId)) : null;
  const named = shops.filter((shop) => shopWords(shop.name).some((w) => words.has(w)));
  const shown = ofOrders ? shops.filter((shop) => ofOrders.has(shop.id)) : named.length ? named : shops;
  say(t, [...shown.map(shopPolicyMsg), m('buyer-flow-policy-next')]);
}

/**
 * One message that names several orders, each in its own clause with a case reason of its own (« le pagne n'est jamais
 * arrivé et le sac reçu n'est pas comme sur la photo »): each order with its problem, in the order said. Null when the
 * message does not part that way (one order, or a problem said of several orders together).
 */
function problemsByOrder(text: string, orders: readonly Order[], timezone: string, now: string): Array<{ orderId: string; kind: ProblemKind; clause: string }> | null {
  const parts: Array<{ orderId: string; kind: ProblemKind; clause: string }> = [];
  const clauses = clausesOf(text, CLAUSE_BREAK);
  if (!clauses) return null;
  for (const clause of clauses) {
    const ref = findOrderRef(clause, orders, timezone, now);
    const kind = classifyProblem(clause);
    const last = parts.at(-1);
    if (ref.kind === 'found' && ref.orderIds.length === 1 && kind && isCaseReason(kind) && statesProblem(clause)) {
      if (parts.some((p) => p.orderId === ref.orderIds[0])) return null;
      parts.push({ orderId: ref.orderIds[0]!, kind, clause });
    } else if (ref.kind !== 'none' && ref.kind !== 'found') return null;
    else if (last) last.clause = `${last.clause} ${clause}`;
  }
  return parts.length >= 2 && new Set(parts.map((p) => p.kind)).size > 1 ? parts : null;
}

/** Reports each order of `problemsByOrder` in turn: the first now, the others once it is done (as « et aussi … » does). */
async function startSplitReport(e: EngineCtx, t: Turn, parts: Array<{ orderId: string; kind: ProblemKind; clause: string }>, carried: Carried): Promise<void> {
  const [first, ...rest] = parts as [(typeof parts)[number], ...typeof parts];
  const s: ReportState = {
    flow: 'report', nonce: newNonce(), step: 'order', kind: first.kind, orderId: first.orderId, reason: null,
    description: first.clause, evidence: [...(carried.evidence ?? [])], also: rest.map((p) => p.orderId),
    said: Object.fromEntries(rest.map((p) => [p.orderId, { kind: p.kind, description: p.clause }])),
  };
  await orderSeen(e, first.orderId);
  // The buyer is told the other orders' problems are not dropped, as « et aussi … » is told.
  const preface = [m('engine-report-intro'), ...rest.map((p) => m('buyer-flow-also-kept', { orderId: p.orderId }))];
  if (carried.evidence?.length) preface.push(m('engine-report-photo-added', { count: s.evidence.length }));
  return afterOrder(e, t, s, preface);
}

/** A case could be opened on this order now: within its window and none open on it. */
async function couldOpen(e: EngineCtx, t: Turn, orderId: string): Promise<boolean> {
  const r = await e.deps.cases.eligibility(requireWho(t), orderId);
  return !r.openCaseId && r.eligibility.eligible;
}

/** Asks which order, after saying what the message named that is not one of the buyer's. */
async function askOrderFor(e: EngineCtx, t: Turn, s: ReportState, orders: Order[], ref: OrderRef, text: string | null, preface: Msg[]): Promise<void> {
  // Someone else's order reads as unknown: order numbers are not secrets, but their buyers are.
  if (ref.kind === 'unknown') return askOrder(e, t, s, orders, [...preface, unknownOrderMsg(t, ref)]);
  if (ref.kind === 'found') {
    const fits = orders.filter((o) => ref.orderIds.includes(o.id));
    // Several orders named (by their numbers, or their items with a problem said outright: « le pagne et la chemise
    // jamais reçus ») have that problem: the others come after the one picked.
    if (s.kind && (ref.by === 'id' || (text && statesProblem(text)))) s.also = fits.map((o) => o.id);
    // « 1001 et 1005 ne sont jamais arrivées »: both named by number with one problem said of them together (no item
    // naming one of them: « 1002 et 1003 : le sac est déchiré » still asks); nothing to ask, the first named now and the
    // others kept for after it.
    const together = !!text && findOrderRef(text.replace(/\d+/g, ' '), fits, t.timezone).kind === 'none';
    if (s.kind && s.kind !== 'other' && ref.by === 'id' && fits.length > 1 && together) {
      const [first, ...rest] = ref.orderIds.filter((id) => fits.some((o) => o.id === id)) as [string, ...string[]];
      s.orderId = first;
      s.also = rest;
      await orderSeen(e, first);
      return afterOrder(e, t, s, [...preface, ...rest.map((orderId) => m('buyer-flow-also-kept', { orderId }))]);
    }
    return askOrder(e, t, s, fits, [...preface, m('buyer-flow-several-orders', { count: fits.length })]);
  }
  if (text && !s.kind && !preface.some((p) => p.id === 'engine-welcome')) preface.push(m('buyer-flow-unclear'));
  return askOrder(e, t, s, orders, preface);
}

async function askOrder(e: EngineCtx, t: Turn, s: ReportState, orders: Order[], preface: Msg[] = []): Promise<void> {
  const shown = orders.slice(0, ORDER_CHOICES);
  if (shown.length === 0) {
    await clear(e, t);
    // A seller's or support's account without purchases is told /report is a buyer's, not that its orders are missing.
    const buyer = !t.account || t.account.roles.includes('buyer');
    return void say(t, [...preface, m(buyer ? 'engine-report-no-orders' : 'engine-report-buyers-only')]);
  }
  s.step = 'order';
  s.shown = shown.map((o) => o.id);
  await save(e, t, s);
  const choices = await Promise.all(
    shown.map((o) =>
      flowChoice(e, t, s, `order:${o.id}`, m('engine-order-choice', { orderId: o.id, title: o.items[0]?.title ?? o.id, date: { date: o.placedAt } })),
    ),
  );
  choices.push(await cancelChoice(e, t, s));
  say(t, [...preface, m('engine-report-which-order')], { choices });
}

async function afterOrder(e: EngineCtx, t: Turn, s: ReportState, preface: Msg[] = []): Promise<void> {
  if (s.also) s.also = s.also.filter((id) => id !== s.orderId);
  // "Where is my order?" is answered with its dates; once it is late, that is a non-delivery.
  if (s.kind === 'delivery_question') return chooseReason(e, t, s, 'non_delivery', preface);
  // A problem of no known kind is proposed when the buyer said what it is; « j'ai un problème » alone gets the list.
  if (s.kind && (s.kind !== 'other' || s.otherSaid)) {
    s.step = 'reason';
    await save(e, t, s);
    const choices = [
      await flowChoice(e, t, s, 'reason:yes', m('engine-choice-yes-reason'), 'primary'),
      await flowChoice(e, t, s, 'reason:other', m('engine-choice-no-reason')),
      await cancelChoice(e, t, s),
    ];
    return void say(t, [...preface, m('engine-report-reason-proposed', { reason: s.kind, orderId: s.orderId ?? '' })], { choices });
  }
  s.step = 'reason_pick';
  await save(e, t, s);
  const choices = await Promise.all(REASONS.map((r) => flowChoice(e, t, s, `reason:${r}`, m('engine-reason-choice', { reason: r }))));
  choices.push(await cancelChoice(e, t, s));
  say(t, [...preface, m('engine-report-reason-pick', { orderId: s.orderId ?? '' })], { choices });
}

/**
 * « Je ne trouve pas de commande CC-1099 à votre nom », or, for a date (« ma commande du 20 octobre »), « … de commande passée
 * le 20 octobre 2026 » (its latest past occurrence in the buyer's zone), not the date as folded (« de commande 20 octobre »).
 */
function unknownOrderMsg(t: Turn, ref: Extract<OrderRef, { kind: 'unknown' }>): Msg {
  if (!ref.date) return m('engine-report-order-unknown', { orderId: ref.ref, by: 'id' });
  const now = DateTime.fromISO(t.now, { zone: t.timezone });
  let day = DateTime.fromObject({ year: now.year, month: ref.date.month, day: ref.date.day }, { zone: t.timezone });
  if (day.isValid && day > now) day = day.minus({ years: 1 });
  if (!day.isValid) return m('engine-report-order-unknown', { orderId: ref.ref, by: 'id' });
  return m('engine-report-order-unknown', { orderId: ref.ref, by: 'date', date: { date: day.toUTC().toISO()! } });
}

/** The buyer is talking about this order: the deadlines code watches that its seller ships it. */
async function orderSeen(e: EngineCtx, orderId: string | null): Promise<void> {
  if (!orderId || !e.deps.onOrderSeen) return;
  const order = await e.deps.marketplace.order(orderId);
  const shop = order ? await e.deps.marketplace.shop(order.shopId) : null;
  if (order && shop) await hook(e, 'orderSeen', e.deps.onOrderSeen, order, shop);
}

/**
 * Where `why` is set, the buyer asked why (« pourquoi ? », « c pas juste ») after the dates and choices: the rule behind them
 * is said in their place (when a case can be opened and for how long; why the seller first), with the same choices.
 */
async function chooseReason(e: EngineCtx, t: Turn, s: ReportState, reason: ProblemKind, preface: Msg[] = [], why = false, instead?: Msg[]): Promise<void> {
  s.reason = reason;
  if (!isCaseReason(reason)) {
    s.step = 'message';
    await save(e, t, s);
    return askMessageForSeller(e, t, s, true);
  }
  const who = requireWho(t);
  const orderId = s.orderId!;
  const r = await e.deps.cases.eligibility(who, orderId);
  if (r.openCaseId) {
    await clear(e, t);
    const c = await e.deps.cases.get(who, r.openCaseId);
    return sayCard(e, t, c, 'buyer', [...preface, m('engine-report-case-exists', { caseId: r.openCaseId, orderId })]);
  }
  const el = r.eligibility;
  // `until` is exclusive (local midnight): people think in the last day they can still act.
  const lastDay = { date: new Date(Date.parse(el.until) - 1).toISOString() };
  const estimated = { date: DateTime.fromISO(el.estimatedDelivery, { zone: t.timezone }).toUTC().toISO() ?? el.from };
  // Shown again after a photo or a new description: the deadlines code was told the first time.
  const firstTime = s.step !== 'decide' && s.step !== 'description';
  const asked = s.kind === 'delivery_question';
  s.step = 'decide';
  await save(e, t, s);
  // The deadlines code reminds the buyer before the window closes on an order they reported but did not open a case on.
  if (firstTime && el.code !== 'CASE_WINDOW_CLOSED') await e.deps.onOrderReported?.({ orderId, buyerId: who.accountId, until: el.until });
  const message = await flowChoice(e, t, s, 'message', m('engine-choice-message-seller'), el.eligible ? 'primary' : undefined);
  if (!el.eligible) {
    const window = { duration: e.deps.policy.caseWindow.toISO() ?? 'P100D' };
    const body = why
      ? [m(el.code === 'NOT_ELIGIBLE_YET' ? 'buyer-flow-why-not-yet' : 'buyer-flow-why-window-closed', { orderId, from: { date: el.from }, lastDay, estimated, window })]
      : el.code === 'NOT_ELIGIBLE_YET'
        ? [m(asked ? 'buyer-flow-delivery-expected' : 'engine-report-not-yet', { orderId, from: { date: el.from }, estimated, basis: el.basis }), m('engine-report-offer-message')]
        : [m('engine-report-window-closed', { orderId, lastDay, estimated }), m('engine-report-offer-message')];
    return void say(t, [...preface, ...body], { choices: [message, await cancelChoice(e, t, s)] });
  }
  const lead = asked ? m('buyer-flow-delivery-late', { orderId, estimated, lastDay }) : m('engine-report-eligible', { orderId, lastDay, reason });
  // `instead`: what the buyer said makes the advice moot (the seller tried already, a refund wanted): said in its place.
  const body = [...preface, ...(instead ?? (why ? [m('buyer-flow-why-seller-first', { orderId, lastDay })] : [lead, m('engine-report-suggest-seller')]))];
  const choices = [message];
  if (s.description) {
    body.push(m('buyer-flow-description-kept', { description: excerpt(s.description) }));
    choices.push(await flowChoice(e, t, s, 'open', m('buyer-flow-choice-open-now')), await flowChoice(e, t, s, 'edit', m('buyer-flow-choice-edit-description')));
  } else {
    choices.push(await flowChoice(e, t, s, 'open', m('engine-choice-open-case')));
  }
  choices.push(await cancelChoice(e, t, s));
  say(t, body, { choices, expects: 'photo' });
}

const excerpt = (text: string): string => {
  const chars = [...text];
  return chars.length <= DESCRIPTION_EXCERPT ? text : `${chars.slice(0, DESCRIPTION_EXCERPT).join('').trimEnd()}…`;
};

async function askDescription(e: EngineCtx, t: Turn, s: ReportState, preface: Msg[] = []): Promise<void> {
  s.step = 'description';
  await save(e, t, s);
  say(t, [...preface, m('engine-report-ask-description', { orderId: s.orderId! })], { expects: 'description', choices: [await cancelChoice(e, t, s)] });
}

async function openCase(e: EngineCtx, t: Turn, s: ReportState): Promise<void> {
  if (!s.orderId || !s.reason || !isCaseReason(s.reason)) throw new ValidationError('ACTION_EXPIRED', 'report without order or case reason');
  if (!s.description) return askDescription(e, t, s);
  const who = requireWho(t);
  const { case: c } = await e.deps.cases.open(who, { orderId: s.orderId, reason: s.reason, description: s.description, evidence: s.evidence });
  await clear(e, t);
  await sayCard(e, t, c, 'buyer', [
    m('engine-report-opened', { caseId: c.id, orderId: c.orderId }),
    m('engine-report-next', { escalatableAt: { date: c.escalatableAt, style: 'datetime' }, duration: { duration: e.deps.policy.escalationAfter.toISO() ?? 'P3D' } }),
    m('buyer-flow-photos-after', { count: s.evidence.length }),
  ]);
  await nextOrder(e, t, s);
}

/**
 * « la 1001 et la 1005 ne sont jamais arrivées », or a report kept by « et aussi … »: once this report is done (its case
 * opened, or its message sent to the seller), the next order's problem is proposed.
 */
async function nextOrder(e: EngineCtx, t: Turn, s: ReportState): Promise<void> {
  const [next, ...rest] = s.also ?? [];
  if (next) {
    // What was said about that order earlier (« et aussi … » kept it) is its problem; else the same problem as this one.
    const earlier = s.said?.[next];
    const following: ReportState = {
      flow: 'report', nonce: newNonce(), step: 'reason', kind: earlier?.kind ?? s.reason, orderId: next, reason: null,
      description: earlier ? earlier.description : s.description, evidence: [], also: rest,
    };
    await orderSeen(e, next);
    await afterOrder(e, t, following);
  }
}

/** Shows the step the report is at again, as when it was first asked (also after a language switched mid-report). */
export async function showReportStep(e: EngineCtx, t: Turn, s: ReportState): Promise<void> {
  switch (s.step) {
    case 'order':
      return askOrder(e, t, s, await ordersOf(e, t));
    case 'reason':
    case 'reason_pick':
      return afterOrder(e, t, s);
    case 'decide':
      return chooseReason(e, t, s, s.reason!);
    case 'description':
      return askDescription(e, t, s);
    case 'message':
      return askMessageForSeller(e, t, s, !isCaseReason(s.reason ?? 'other'));
    default: {
      const never: never = s.step;
      return never;
    }
  }
}

/** « je veux parler à un humain » while a report is under way: who answers, then the report's question again. */
export async function personDuringReport(e: EngineCtx, t: Turn, s: ReportState): Promise<void> {
  say(t, m('buyer-flow-person-report'));
  return showReportStep(e, t, s);
}

/**
 * The user's report (under way, or lapsed within the day its buttons still answer it; not already offered back) is
 * offered back: resume or leave. A lapsed one's old buttons stay expired: /start was written since.
 */
export async function offerReportUnderWay(e: EngineCtx, t: Turn): Promise<void> {
  if (!t.account) return;
  const s = await e.conv.get(t.input.platform, t.input.userId, t.input.conversationId);
  if (!s || s === 'invalid' || s.flow !== 'report' || s.pending !== undefined || !offeredBack(s, t.now)) return;
  const lapsed = Date.parse(t.now) - Date.parse(s.at!) > REPORT_LAPSE_MS;
  return offerResume(e, t, lapsed ? { ...s, nonce: newNonce() } : s, ownWords(t) ?? '');
}

/** A message that answers no step: the report is offered back, never imposed. */
export async function offerResume(e: EngineCtx, t: Turn, s: ReportState, text: string): Promise<void> {
  s.pending = text;
  await save(e, t, s);
  const choices = [
    await flowChoice(e, t, s, 'resume', m('buyer-flow-choice-resume'), 'primary'),
    await flowChoice(e, t, s, 'leave', m('buyer-flow-choice-leave')),
  ];
  say(t, m('buyer-flow-resume-offer', { orderId: s.orderId ?? 'none' }), { choices });
}

/** How long a report the buyer left stays to be taken back (« laisse tomber » … « non en fait si »). */
const LEFT_KEEP_MS = 10 * 60 * 1000;
const leftKey = (t: Turn) => `engine:left:${t.input.platform}:${t.input.userId}:${t.input.conversationId}`;

/** The report the buyer just left, kept a few minutes for « non en fait si ». */
export async function rememberLeft(e: EngineCtx, t: Turn, s: ReportState): Promise<void> {
  await e.deps.kv.set(leftKey(t), { report: s, at: t.now }, LEFT_KEEP_MS);
}

/**
 * « non en fait si », « en fait si, ouvre le », "actually yes" with nothing under way, soon after leaving a report: the report
 * back where it was left (its question again, or what the words after the take-back say). False when nothing is taken back.
 */
export async function takeBackLeft(e: EngineCtx, t: Turn, text: string): Promise<boolean> {
  const rest = takesBack(text);
  if (rest === null) return false;
  const kept = await e.deps.kv.get<{ report?: unknown; at?: string }>(leftKey(t));
  // The store's expiry runs on its own clock: the engine's decides.
  const left = kept?.at && Date.parse(t.now) - Date.parse(kept.at) <= LEFT_KEEP_MS ? readReport(kept.report) : null;
  if (!left) return false;
  await e.deps.kv.delete(leftKey(t));
  const s: ReportState = { ...left, nonce: newNonce() };
  delete s.pending;
  delete s.acked;
  if (rest) await onReportText(e, t, s, rest);
  else await showReportStep(e, t, s);
  return true;
}

/** A button of the report flow. Buttons of another step read as expired. */
export async function onReportChoice(e: EngineCtx, t: Turn, s: ReportState, v: string): Promise<void> {
  if (v === 'cancel') {
    await clear(e, t);
    await rememberLeft(e, t, s);
    return void say(t, m('engine-cancelled'));
  }
  if (v === 'resume' && s.pending !== undefined) {
    delete s.pending;
    return showReportStep(e, t, s);
  }
  if (v === 'leave' && s.pending !== undefined) {
    await clear(e, t);
    await rememberLeft(e, t, s);
    return void say(t, m('buyer-flow-left', { orderId: s.orderId ?? 'none' }));
  }
  if (s.step === 'order' && v.startsWith('order:')) {
    const order = await e.deps.marketplace.order(v.slice('order:'.length));
    if (!order || order.buyerId !== requireWho(t).accountId) throw new ValidationError('ACTION_INVALID');
    s.orderId = order.id;
    await orderSeen(e, order.id);
    return afterOrder(e, t, s);
  }
  if (s.step === 'reason' && v === 'reason:yes' && s.kind) return chooseReason(e, t, s, s.kind);
  if (s.step === 'reason' && v === 'reason:other') return afterOrder(e, t, { ...s, kind: null });
  if (s.step === 'reason_pick' && v.startsWith('reason:')) {
    const r = v.slice('reason:'.length) as ProblemKind;
    if (REASONS.includes(r)) return r === 'delivery_question' ? afterOrder(e, t, { ...s, kind: r }) : chooseReason(e, t, s, r);
  }
  if (s.step === 'decide' && v === 'message') {
    s.step = 'message';
    await save(e, t, s);
    return askMessageForSeller(e, t, s, false);
  }
  if (s.step === 'decide' && v === 'open') return openCase(e, t, s);
  if (s.step === 'decide' && v === 'edit') return askDescription(e, t, s);
  // An order or problem button of a question this report has moved on from (the order said in words since): nothing
  // changes, and the report's question is asked again, naming its order (it was « reprenez avec /report », a dead end).
  // The same choice tapped again (a double tap, each tap on another process) is not such a button: it was answered, and
  // the second tap is told so (ACTION_EXPIRED below), not given the question a second time.
  const repeated = v === `order:${s.orderId}` || (v.startsWith('reason:') && s.reason !== null && s.reason !== undefined && (v === 'reason:yes' || v === `reason:${s.reason}`));
  if (s.pending === undefined && t.input.isPrivate && !repeated && (v.startsWith('order:') || v.startsWith('reason:'))) {
    say(t, m('buyer-flow-earlier-step-button'));
    return showReportStep(e, t, s);
  }
  throw new ValidationError('ACTION_EXPIRED', 'button of another step');
}

/** Typed text while a report is under way. */
export async function onReportText(e: EngineCtx, t: Turn, s: ReportState, text: string): Promise<void> {
  const orders = await ordersOf(e, t);
  const ref = await orderRefOf(e, t, text, orders);
  const kind = classifyWithOrder(text, ref.kind !== 'none');
  const answer = typedAnswer(text);
  // A bare « ok » to the case's dates and choices counts only for the very next message (see `acked`).
  const acked = s.acked === true;
  delete s.acked;
  // « ah c'est bon, c'est arrivé entre-temps » while reporting it did not arrive: nothing left to report, the report is left
  // (a message being written to the seller may say so: it is theirs to send).
  if (s.step !== 'message' && [s.reason, s.kind].every((k) => !k || k === 'non_delivery' || k === 'delivery_question') && saysItCame(text)) {
    await clear(e, t);
    return void say(t, m('engine-cancelled'));
  }
  // « Reprendre ? » answered by typing: yes resumes, no leaves.
  if (s.pending !== undefined && ref.kind === 'none' && (answer === 'yes' || answer === 'no')) {
    delete s.pending;
    if (answer === 'yes') return showReportStep(e, t, s);
    await clear(e, t);
    return void say(t, m('buyer-flow-left', { orderId: s.orderId ?? 'none' }));
  }
  // « hello? », « bonjour » again while a report waits for an answer: greeted back, and the question asked again (not
  // « je ne vois pas de quelle commande il s'agit » nor « reprendre ou laisser ? »).
  if (ref.kind === 'none' && s.step !== 'message' && s.step !== 'description' && greetsOnly(text)) {
    say(t, m('engine-welcome'));
    return showReportStep(e, t, s);
  }
  // « le vendeur a combien de jours pour répondre ? » in the middle of a report: answered, and the report's question asked
  // again where it was (not read as a new problem, which would lose the problem already said).
  if (ref.kind === 'none' && s.step !== 'message' && s.step !== 'description' && asksHowItWorks(text) && (!statesProblem(text) || kind === 'delivery_question')) {
    say(t, m('buyer-flow-how-it-works', { duration: { duration: e.deps.policy.escalationAfter.toISO() ?? 'P3D' } }));
    return showReportStep(e, t, s);
  }
  // « allo ? », « vous êtes là », « ??? », « ... », « 😡😡😡 » while the report waits for an answer: the question asked again,
  // where it was (not « reprendre ou laisser ? », not the description, never words for the seller).
  if (ref.kind === 'none' && pings(text)) {
    delete s.pending;
    return showReportStep(e, t, s);
  }
  if (s.step === 'order') return onOrderText(e, t, s, orders, ref, kind, text);
  const otherOrder = ref.kind === 'unknown' || (ref.kind === 'found' && ref.orderIds.some((id) => id !== s.orderId));
  if (otherOrder) return startReport(e, t, text, null, { from: s });
  // « non, pas celle-là, l'autre »: the problem stands, the order is asked again (the one turned down left out).
  if (ref.kind === 'none' && s.step !== 'description' && s.step !== 'message' && rejectsOrder(text)) {
    // Turned down from a list of the orders that fit (two pagnes, a shop's orders): « l'autre » is among those others.
    const fits = s.shown && s.orderId && s.shown.includes(s.orderId) && s.shown.length < Math.min(orders.length, ORDER_CHOICES) ? s.shown : null;
    const others = orders.filter((o) => o.id !== s.orderId && (!fits || fits.includes(o.id)));
    const next: ReportState = { ...s, nonce: newNonce(), step: 'order', orderId: null, reason: null, kind: s.reason ?? s.kind };
    delete next.pending;
    if (next.description && findOrderRef(next.description, orders, t.timezone, t.now).kind !== 'none') next.description = null;
    // One order left besides the one turned down: « l'autre » is that one, not a list of one to press.
    if (others.length === 1) {
      next.orderId = others[0]!.id;
      await orderSeen(e, next.orderId);
      return afterOrder(e, t, next);
    }
    return askOrder(e, t, next, others);
  }
  // A problem of no known kind counts when said in words of its own and surely (« non attends, je veux juste la facture »).
  const otherSaid = kind === 'other' && saysOther(text, kind, orders) && saysSurely(text);
  // Another problem replaces the one under way only when said (a word only a problem would use) or surely guessed: « bon
  // je vais voir », « je suis au travail là » get a weak guess of some kind from the classifier, and are no new problem.
  const surely = saysSurely(text);
  const newProblem =
    kind !== null && surely && (kind !== 'other' || otherSaid) && kind !== s.kind && kind !== s.reason && !(kind === 'delivery_question' && s.reason === 'non_delivery');
  // « pourquoi ? », « c pas juste ! », "why not?" right after the bot said a case cannot be opened (not yet, no longer, not for
  // this problem) or advised the seller first: the rule behind it, and the same choices; not « reprendre ou laisser ? », and
  // never sent to the seller as the message it was asked for.
  const sameOrder = ref.kind === 'none' || (ref.kind === 'found' && ref.orderIds.every((id) => id === s.orderId));
  // Where a message for the seller is asked, only a protest that says nothing else (« c pas normal ») is taken as said to the bot.
  const why = sameOrder && !newProblem && asksWhy(text);
  if (sameOrder && s.step === 'message' && s.reason && !isCaseReason(s.reason) && (why || (protests(text) && text.trim().split(/\s+/).length <= 5))) {
    return askMessageForSeller(e, t, s, false, [m('buyer-flow-why-not-a-case', { reason: s.reason })]);
  }
  // A refund demanded with the protest (« c pas normal, je veux mon argent ») is what a case leads to, not another problem.
  if (why || (sameOrder && protests(text) && (!newProblem || kind === 'other' || kind === 'refund_request'))) {
    if (s.step === 'decide' && s.reason && isCaseReason(s.reason)) {
      const el = (await e.deps.cases.eligibility(requireWho(t), s.orderId!)).eligibility;
      if (!el.eligible || asksWhy(text)) return chooseReason(e, t, s, s.reason, [], true);
    }
  }
  // At the dates and choices of a case that can be opened: « il répond jamais, j'ai déjà essayé » (the seller was tried:
  // opening is the next step), « je veux juste mon argent » (the refund is what the case leads to, not another problem),
  // « ça prend combien de temps ? ». They were « reprendre ou laisser ? » or a new report proposing « demande de remboursement ».
  if (s.step === 'decide' && sameOrder && s.reason && isCaseReason(s.reason) && !asksToWriteThem(text)) {
    const duration = { duration: e.deps.policy.escalationAfter.toISO() ?? 'P3D' };
    const tried = triedSeller(text) || (saysSellerSilent(text) && (kind === s.reason || kind === 'other' || !newProblem));
    const refund = kind === 'refund_request' && !statesTrouble(text.replace(/\b(?:argent|money|rembours\w*|refund\w*|pesa|mbongo)\b/gi, ''));
    const open = (lead: Msg) => chooseReason(e, t, s, s.reason!, [], false, [lead]);
    const el = tried || refund ? (await e.deps.cases.eligibility(requireWho(t), s.orderId!)).eligibility : null;
    if (el?.eligible && tried) {
      // What the buyer says of the seller is for the case too: it joins the description, as a yes with more to say does.
      s.description = withDetail(s.description, text);
      return open(m('buyer-flow-seller-tried', { orderId: s.orderId!, duration }));
    }
    if (el?.eligible && refund) return open(m('buyer-flow-refund-by-case', { orderId: s.orderId!, reason: s.reason, duration }));
    // « et maintenant ? », « c'est tout ? », « je fais quoi ? » there: how it goes from here, and the same choices.
    if (asksHowLong(text) || (asksWhatNext(text) && !statesProblem(text))) {
      say(t, m('buyer-flow-how-it-works', { duration }));
      return showReportStep(e, t, s);
    }
  }
  switch (s.step) {
    case 'description': {
      const editing = s.description !== null;
      s.description = cleanText(text);
      // A description long enough to be the first part of a split text is shown before the case opens: the rest joins it.
      return editing || isLongPart(s.description) ? chooseReason(e, t, s, s.reason!) : openCase(e, t, s);
    }
    case 'message':
      await relayToSeller(e, t, s, text);
      return nextOrder(e, t, s);
    case 'reason':
    case 'reason_pick':
    case 'decide':
      // « ouvrir », "open the case now", « ouvrir quand même » where the case can be opened: the button, typed. Where it is
      // too early, « je veux ouvrir quand même » gets the rule behind it with the order's dates and the same choices, as
      // « pourquoi ? » does; too late, the closed window again with its last day and the offer to write to the seller (both
      // were a bare « trop tôt » / « le délai … est dépassé pour cette commande »: no date, no order, no button).
      if (s.step === 'decide' && answer === 'open' && s.reason && isCaseReason(s.reason)) {
        const el = (await e.deps.cases.eligibility(requireWho(t), s.orderId!)).eligibility;
        return el.code !== null ? chooseReason(e, t, s, s.reason, [], el.code === 'NOT_ELIGIBLE_YET') : openCase(e, t, s);
      }
      // « modifier », « changer la description »: « Modifier la description », typed (where that button is offered).
      if (s.step === 'decide' && s.description && s.reason && isCaseReason(s.reason) && asksToEditDescription(text)) return askDescription(e, t, s);
      // « je vais d'abord écrire au vendeur », "I'll message the seller first": the « Écrire au vendeur » button, typed.
      if ((s.step === 'decide' || (s.step === 'reason' && s.kind)) && (!newProblem || !statesProblem(text)) && asksToWriteThem(text)) {
        s.reason ??= s.kind;
        s.step = 'message';
        await save(e, t, s);
        return askMessageForSeller(e, t, s, false);
      }
      // « ok », « oui » alone where opening the case and writing to the seller are both offered: which one is not said,
      // the choices again (not « reprendre ou laisser ? », the report was not left; « ok bonne journée » still is).
      // « ok merci » once the dates and choices are given: the buyer has what they came for; the report is left, politely
      // (not the same dates again).
      if (s.step === 'decide' && ref.kind === 'none' && saysThanks(text)) {
        await clear(e, t);
        return void say(t, m('buyer-flow-thanks', { orderId: s.orderId ?? 'none' }));
      }
      // « oui », « ouais », « ndiyo », « vas-y » where the case can be opened: the go-ahead (the bot said it can be opened, and
      // writing to the seller would need the message first). « ok », « d'accord » may only acknowledge: the choices again,
      // and another yes right after is the go-ahead.
      const short = normalize(text).split(/\s+/).length <= 2;
      if (s.step === 'decide' && s.reason && isCaseReason(s.reason) && ref.kind === 'none' && (saysGo(text) || (answer === 'yes' && short && (assents(text) || acked)))) {
        if ((await e.deps.cases.eligibility(requireWho(t), s.orderId!)).eligibility.eligible) return openCase(e, t, s);
      }
      if (s.step === 'decide' && answer === 'yes' && short && s.reason) {
        s.acked = true;
        return chooseReason(e, t, s, s.reason);
      }
      // "yes please", « oui svp »: a yes that states nothing else confirms, whatever the classifier guesses of it.
      if (s.step === 'reason' && s.kind && answer === 'yes' && !statesProblem(text)) return chooseReason(e, t, s, s.kind);
      // « bon ok. oui pour la commande c bien ça » after an aside was answered: the acknowledgement leads into a plain yes
      // (it was « reprendre ou laisser ? », the report never left).
      if (s.step === 'reason' && s.kind && ref.kind === 'none' && answer === null && confirmsAfterAck(text)) return chooseReason(e, t, s, s.kind);
      // « vas-y », "go ahead" to a proposed problem: yes.
      if (s.step === 'reason' && s.kind && saysGo(text)) return chooseReason(e, t, s, s.kind);
      // « d'accord, ouvrez le litige » to a proposed case reason: that reason, confirmed, and the case's next step.
      if (s.step === 'reason' && s.kind && isCaseReason(s.kind) && answer === 'open') return chooseReason(e, t, s, s.kind);
      // The same problem said again (« never came » where the late order's dates were given), or a case asked for in words
      // (« mais je veux ouvrir un litige maintenant ! », « je veux un litige quand même »): the dates and choices again,
      // which say whether it can be opened (not « reprendre ou laisser ? », nor a problem of no known kind).
      // The order named again with it (« 1001 pas arrivé » sent a third time) is the same report, not « reprendre ou laisser ? ».
      if (s.step === 'decide' && s.reason && isCaseReason(s.reason) && sameOrder && (wantsCase(text) || (kind === s.reason && !newProblem))) {
        if (kind === s.reason) s.kind = kind;
        // The description sent in several short messages (« la chemise », « c'est pas le bogolan de la photo », « les manches
        // sont courtes ») after it was asked for: each part says more of the problem, and joins the description (the seller
        // read only the first, and the buyer was shown it back as if nothing else had been said). A repeat adds nothing.
        if (kind === s.reason && !wantsCase(text) && addsWords(s.description, text)) s.description = withDetail(s.description, cleanText(text));
        return chooseReason(e, t, s, s.reason);
      }
      // « pourquoi je ne peux pas ouvrir un litige ? », « je veux un litige » to a proposed case reason: that reason, and
      // whether a case can be opened on the order (its dates), not « reprendre ou laisser ? ».
      if (s.step === 'reason' && s.kind && isCaseReason(s.kind) && ref.kind === 'none' && (kind === null || kind === 'other' || kind === s.kind) && wantsCase(text)) {
        return chooseReason(e, t, s, s.kind);
      }
      // « oui mais il m'avait dit que c'était envoyé par DHL le 25 » to a proposed reason: a yes with more to say and no
      // other problem in it (the classifier's guess from the rest is a guess): the reason confirmed, the words kept.
      if (s.step === 'reason' && s.kind && ref.kind === 'none') {
        const more = yesAndMore(text);
        const moreAnswer = more === null ? null : typedAnswer(more);
        // « oui, mais ça prend combien de temps ? »: a question for the bot after the yes (about when, or how it works),
        // not another problem: answered where it asks how it works, the description left as it was.
        const moreKind = more === null ? null : classifyProblem(more);
        const asks = more !== null && /\?\s*$/.test(more) && (moreKind === null || moreKind === 'other' || moreKind === 'delivery_question' || moreKind === s.kind);
        // « oui, et je veux être remboursée » to a case reason: the refund is what the case leads to (SPEC 1), not another problem.
        const remedy = moreKind === 'refund_request' && isCaseReason(s.kind);
        if (more !== null && (asks || remedy || !statesProblem(more)) && moreAnswer !== 'no' && moreAnswer !== 'cancel') {
          if (!asks) s.description = withDetail(s.description, more);
          const how = asks && (asksHowItWorks(more) || moreKind === 'delivery_question');
          return chooseReason(e, t, s, s.kind, how ? [m('buyer-flow-how-it-works', { duration: { duration: e.deps.policy.escalationAfter.toISO() ?? 'P3D' } })] : []);
        }
      }
      // « et je serai remboursée ? », « je veux juste mon argent » to a proposed case reason the order can have a case for: the
      // refund is what the case leads to (SPEC 1), not another problem; said so, and the proposal asked again (it became
      // « demande de remboursement », no case, and a message for the seller).
      if (s.step === 'reason' && s.kind && isCaseReason(s.kind) && sameOrder && kind === 'refund_request' && !statesTrouble(text.replace(/\b(?:argent|money|rembours\w*|refund\w*|pesa|mbongo)\b/gi, ''))) {
        if ((await e.deps.cases.eligibility(requireWho(t), s.orderId!)).eligibility.eligible) {
          say(t, m('buyer-flow-refund-by-case', { orderId: s.orderId!, reason: s.kind, duration: { duration: e.deps.policy.escalationAfter.toISO() ?? 'P3D' } }));
          return showReportStep(e, t, s);
        }
      }
      if (newProblem) return startReport(e, t, text, s.orderId);
      if (s.step === 'reason' && s.kind && ((kind === s.kind && answer !== 'no') || answer === 'yes')) return chooseReason(e, t, s, s.kind);
      // « non » to the proposed reason: the reasons to pick from, as « Non, autre chose » does.
      if (s.step === 'reason' && answer === 'no') return afterOrder(e, t, { ...s, kind: null });
      // « maintenant la 1005 » while a problem is proposed on the 1005: the proposal again, not « reprendre ou laisser ? ».
      if (s.step === 'reason' && s.kind && kind === null && ref.kind === 'found') return afterOrder(e, t, s);
      return offerResume(e, t, s, text);
    default: {
      const never: never = s.step;
      return never;
    }
  }
}

/** Stems of a text's longer words (accents and case aside): what it talks about. */
const stems = (text: string): Set<string> => new Set(normalize(text).split(/[^a-z0-9]+/).filter((w) => w.length >= 4).map((w) => w.slice(0, 5)));

/** The text says at least two things the description does not (not « toujours pas arrivé » after « jamais arrivée »). */
function addsWords(description: string | null, text: string): boolean {
  if (!description) return false;
  const known = stems(description);
  return [...stems(text)].filter((w) => !known.has(w)).length >= 2;
}

/**
 * The description with what the buyer added while confirming (« oui mais il m'avait dit… »): a few words of their
 * own, on a line of their own, where a description stands and the whole still fits; else the description as it was.
 */
function withDetail(description: string | null, more: string): string | null {
  // A question (« oui mais ça prend combien de temps ? ») is for the bot, not the seller.
  if (!description || more.split(/\s+/).length < 3 || more.trim().endsWith('?')) return description;
  const joined = `${description}\n${more}`;
  return [...joined].length <= MAX_TEXT_LENGTH ? joined : description;
}

/** Text while asked which order: the order it names, or the question again with a hint. */
async function onOrderText(e: EngineCtx, t: Turn, s: ReportState, orders: Order[], ref: OrderRef, kind: ProblemKind | null, text: string): Promise<void> {
  // « la deuxième », "the second one", « ya pili »: the place in the list just shown (never an order number).
  const position = ref.kind === 'none' ? listPosition(text) : null;
  const picked = position && s.shown ? s.shown.at(position > 0 ? position - 1 : position) : undefined;
  if (picked && orders.some((o) => o.id === picked)) {
    s.orderId = picked;
    await orderSeen(e, picked);
    return afterOrder(e, t, s);
  }
  // « c'est pas dans la liste », "none of these": whose orders these are, and where another one is found.
  if (ref.kind === 'none' && saysNotListed(text) && !statesProblem(text)) {
    const more = orders.length > ORDER_CHOICES ? 'yes' : 'no';
    return askOrder(e, t, s, orders, [m('buyer-flow-order-not-listed', { account: t.account?.name ?? '', more })]);
  }
  // A weak guess (« attendez je cherche ») does not replace the problem already said.
  const heard = s.kind;
  if (kind && kind !== 'other' && (!s.kind || classifySurely(text) === kind)) s.kind = kind;
  // « autre chose : je veux changer mon adresse de livraison pour la 1003 »: that problem, not the one said before.
  // A question or a remark that states no problem (« vous ne voyez pas mes commandes ? ») does not replace the one said.
  const surely = !s.kind || saysSurely(text);
  if (saysOther(text, kind, orders) && surely) [s.kind, s.otherSaid] = ['other', true];
  if (!s.description && describes(text, kind)) s.description = withoutLeadIn(text);
  // « ma commande », then « elle est pas arrivée » in a row: the words that state the problem join the ones that only led
  // into it, or the seller would read « ma commande » alone. So do a problem said at last after « j'ai un problème avec une
  // commande » (a problem of no kind): the seller read only that.
  else if (s.description && statesProblem(text) && (!statesProblem(s.description) || ((heard === null || heard === 'other') && !s.otherSaid && s.kind !== heard))) {
    const joined = `${s.description}\n${withoutLeadIn(text)}`;
    if ([...joined].length <= MAX_TEXT_LENGTH) s.description = joined;
  }
  if (ref.kind === 'found' && ref.orderIds.length === 1) {
    s.orderId = ref.orderIds[0]!;
    await orderSeen(e, s.orderId);
    return afterOrder(e, t, s);
  }
  // « elle est pas arrivée » after « ma commande », both while asked which order: the problem is heard (« Désolé pour ce
  // problème »), not the same « je ne vois pas de quelle commande il s'agit » said twice in a row.
  const stated = statesProblem(text) && s.kind !== heard;
  if (ref.kind === 'none') return askOrder(e, t, s, orders, [m(stated ? 'engine-report-intro' : 'buyer-flow-order-not-in-text')]);
  return askOrderFor(e, t, s, orders, ref, text, []);
}

/** A photo or file while a report is under way: evidence for the case about to be opened. */
export async function onReportFile(e: EngineCtx, t: Turn, s: ReportState, blob: BlobRef, caption: string | undefined): Promise<boolean> {
  if (s.step === 'message') return false;
  if (s.evidence.length >= MAX_OPEN_EVIDENCE) throw new ValidationError('INPUT_TOO_LARGE', undefined, { max: MAX_OPEN_EVIDENCE });
  s.evidence.push(blob);
  const added = m('engine-report-photo-added', { count: s.evidence.length });
  // A caption while asked which order or which problem (an album's caption comes on whichever photo the buyer typed it
  // under, often not the first): the file is kept and the words answer the question, as if typed.
  if (caption?.trim() && (s.step === 'order' || s.step === 'reason_pick')) {
    delete s.pending;
    say(t, added);
    await onReportText(e, t, s, caption);
    return true;
  }
  // Sent before the report asked for it (while asked which order, or which problem): kept for the case,
  // and the question asked again.
  if (s.step === 'order') {
    delete s.pending;
    return askOrder(e, t, s, await ordersOf(e, t), [added]).then(() => true);
  }
  if (s.step === 'reason' || s.step === 'reason_pick') {
    delete s.pending;
    return afterOrder(e, t, s, [added]).then(() => true);
  }
  if (s.step === 'decide') return chooseReason(e, t, s, s.reason!, [added]).then(() => true);
  if (caption?.trim()) {
    const editing = s.description !== null;
    s.description = cleanText(caption);
    await (editing ? chooseReason(e, t, s, s.reason!, [added]) : openCase(e, t, s));
  } else {
    await askDescription(e, t, s, [added]);
  }
  return true;
}
