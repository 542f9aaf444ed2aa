import { isCaseReason } from '../../../domain/eligibility.js';
import { NotFoundError } from '../../../domain/errors.js';
import { recommendAcceptance } from '../../../domain/shop-policy.js';
import { cleanText } from '../../../domain/text.js';
import type { BlobRef, Order, ProblemKind, Shop } from '../../../domain/types.js';
import type { Msg } from '../../../ports/notification.js';
import { choice, m, requireWho, say, type EngineCtx, type Turn } from '../context.js';
import { classifyProblem, mentionsOffPlatform, saysSurely } from '../intent.js';
import { findOrderRef } from '../order-ref.js';
import { REPORT_LAPSE_MS, type IdentityPrefs, type ReportState } from '../state.js';
import { asksHowItWorks, asksWhatNext, asksWhy, greetsOnly, pings, saysThanks, saysWaiting, typedAnswer, wantsCase } from '../typed-answers.js';
import { isLongPart, JOIN_WINDOW_MS } from './long-parts.js';
import { messageOnOrder, sendOrderMessage } from './order-thread.js';

async function orderAndShop(e: EngineCtx, t: Turn, orderId: string): Promise<{ order: Order; shop: Shop }> {
  const order = await e.deps.marketplace.order(orderId);
  if (!order || order.buyerId !== requireWho(t).accountId) throw new NotFoundError('ORDER_NOT_FOUND', undefined, { orderId });
  const shop = await e.deps.marketplace.shop(order.shopId);
  if (!shop) throw new NotFoundError('SHOP_NOT_FOUND', undefined, { shopId: order.shopId });
  return { order, shop };
}

/** The shop's own policies, in one sentence the buyer (and the seller) can read. */
export function shopPolicyMsg(shop: Shop): Msg {
  const p = shop.policies;
  return m('engine-shop-policy', {
    shopName: shop.name,
    refunds: p.refunds ? 'yes' : 'no',
    returns: p.returns ? 'yes' : 'no',
    exchanges: p.exchanges ? 'yes' : 'no',
    returnDays: p.returnWindowDays ?? 0,
  });
}

/**
 * Asks what to tell the seller. For a problem a case does not cover, first says why, quotes the shop's
 * policies and, when they allow the request, that the bot will recommend the seller accept (SPEC section 1).
 */
export async function askMessageForSeller(e: EngineCtx, t: Turn, s: ReportState, notACase: boolean, preface: Msg[] = []): Promise<void> {
  const { order, shop } = await orderAndShop(e, t, s.orderId!);
  const body: Msg[] = [...preface];
  if (notACase && s.reason) {
    body.push(m('engine-report-not-a-case', { reason: s.reason }), shopPolicyMsg(shop));
    const advice = recommendAcceptance(shop.policies, s.reason, order, t.now);
    if (advice.recommend) body.push(m('engine-report-policy-allows', { reason: s.reason }));
    else if (advice.basis === 'window_closed' && advice.windowEndsAt) body.push(m('engine-report-policy-window-closed', { date: { date: advice.windowEndsAt } }));
  }
  body.push(m('engine-report-ask-message', { shopName: shop.name, orderId: order.id }));
  const cancel = await choice(e, t, m('engine-choice-cancel'), { k: 'flow', nonce: s.nonce, v: 'cancel' });
  say(t, body, { expects: 'text', choices: [cancel] });
}

/**
 * Sends the buyer's words to the seller through the outbox, with the bot's advice where the shop's
 * policy applies. The seller gets a Reply button: this is the start of the order's messages.
 */
export async function relayToSeller(e: EngineCtx, t: Turn, s: ReportState, raw: string): Promise<void> {
  const text = cleanText(raw);
  const who = requireWho(t);
  const { order, shop } = await orderAndShop(e, t, s.orderId!);
  // The subject: the problem the report settled on, else what the message itself says (« viatu viko wapi ? » is a
  // delivery question), else none rather than « autre problème » for a buyer who only wanted to write.
  const said = classifyProblem(text);
  const reason = s.reason ?? (s.kind && s.kind !== 'other' ? s.kind : null) ?? (said !== 'other' ? said : null) ?? (s.kind === 'other' ? 'other' : null);
  const body: Msg[] = [
    m('engine-relay-order-message', { buyerName: t.account?.name ?? who.accountId, orderId: order.id, title: order.items[0]?.title ?? order.id }),
    ...(reason ? [m('engine-relay-reason', { reason })] : []),
    m('engine-relay-quote', { text }),
  ];
  if (reason && !isCaseReason(reason) && recommendAcceptance(shop.policies, reason, order, t.now).recommend) {
    body.push(shopPolicyMsg(shop), m('engine-relay-recommend-accept', { reason }));
  }
  body.push(m('engine-relay-how-to-answer'));
  await sendOrderMessage(e, t, order, shop, 'buyer', body);
  await e.conv.clear(t.input.platform, t.input.userId, t.input.conversationId);
  const prefs = await e.conv.prefs(t.input.platform, t.input.userId);
  const recentOrder = { orderId: order.id, at: t.now, ...(reason && reason !== 'other' ? { kind: reason } : {}), ...(isLongPart(text) ? { long: true } : {}) };
  await e.conv.setPrefs(t.input.platform, t.input.userId, { ...prefs, recentOrder });
  say(t, m('engine-report-message-sent', { shopName: shop.name, caseable: reason && isCaseReason(reason) ? 'yes' : 'no' }));
  if (mentionsOffPlatform(text)) say(t, m('engine-keep-in-messages', { role: 'buyer' }));
}

/** Words sent right after a message to a seller, within this, may be more of that message. */
export const FOLLOW_UP_MS = 2 * 60_000;
/** Fewer words than this right after a message to a seller are said to the bot (« ok », « d'accord merci »), not to him. */
const FOLLOW_UP_WORDS = 3;
/** A photo sent within this of a message to a seller (the time to take it) goes with that message. */
export const PHOTO_FOLLOW_UP_MS = 10 * 60_000;

type RecentOrder = NonNullable<IdentityPrefs['recentOrder']>;

/** The order the buyer wrote to its seller about at most `withinMs` ago, with the prefs it was read from and how long ago. */
async function recentOrderMessage(e: EngineCtx, t: Turn, withinMs: number): Promise<{ prefs: IdentityPrefs; recent: RecentOrder; since: number } | null> {
  const prefs = t.early ? (await t.early.begin).prefs : await e.conv.prefs(t.input.platform, t.input.userId);
  const recent = prefs.recentOrder;
  if (!recent) return null;
  const since = Date.parse(t.now) - Date.parse(recent.at);
  return since >= 0 && since <= withinMs ? { prefs, recent, since } : null;
}

/** The words name an order other than `orderId` (« et pour la 1003 … », « celle d'hier »): they are not more of that message. */
async function namesOtherOrder(e: EngineCtx, t: Turn, words: string, orderId: string): Promise<boolean> {
  const ref = findOrderRef(words, await e.deps.marketplace.ordersOfBuyer(requireWho(t).accountId), t.timezone, t.now);
  return ref.kind !== 'none' && !(ref.kind === 'found' && ref.orderIds.length === 1 && ref.orderIds[0] === orderId);
}

/** Sends the buyer's words or file after the message to the seller, and counts the time from them. */
async function followOn(e: EngineCtx, t: Turn, recent: RecentOrder, input: Parameters<typeof messageOnOrder>[3]): Promise<void> {
  await messageOnOrder(e, t, recent.orderId, input);
  const long = 'text' in input && isLongPart(input.text);
  const followed: RecentOrder = { orderId: recent.orderId, at: t.now, ...(recent.kind ? { kind: recent.kind } : {}), ...(long ? { long: true } : {}) };
  // Read again, not the turn's first read: the turn may have changed the preferences since (a language offer's hold ended).
  const prefs = await e.conv.prefs(t.input.platform, t.input.userId);
  await e.conv.setPrefs(t.input.platform, t.input.userId, { ...prefs, recentOrder: followed });
}

/**
 * What the buyer writes soon after a message to a seller, read in its light: thanks, « d'accord j'attends sa réponse »
 * and « c quoi la suite ? », « et s'il répond pas ? » are answered about that message (they were read as a new problem,
 * « j'attends » as an order not received); the next part of a long text the client split, or more words right after
 * (« et svp répondez vite, je pars lundi ») that state no problem, name no other order and ask the bot nothing, are sent
 * after it. False when the text is none of these; the caller reads it as any other.
 */
export async function afterOrderMessage(e: EngineCtx, t: Turn, text: string): Promise<boolean> {
  const found = await recentOrderMessage(e, t, REPORT_LAPSE_MS);
  if (!found) return false;
  const { prefs, recent, since } = found;
  const part = recent.long === true && since <= JOIN_WINDOW_MS;
  // « pourquoi ? », « pourquoi je peux pas ouvrir un litige ? » right after: what comes next, and why no case where none can be.
  const why = !part && asksWhy(text) && !(await namesOtherOrder(e, t, text, recent.orderId));
  // « ok », « d'accord » alone take the message's news as « j'attends » does; « allo ? », « vous êtes là ? », « ??? », « 😡 »
  // call the bot, and get where that message stands (they started a report asking which order, or went to the seller).
  const ok = !part && typedAnswer(text) === 'yes' && text.trim().split(/\s+/).length <= 2;
  const called = !part && pings(text);
  if (!part && (saysThanks(text) || saysWaiting(text) || ok || called || asksWhatNext(text) || why)) {
    const { order, shop } = await orderAndShop(e, t, recent.orderId).catch(() => ({ order: null, shop: null }));
    if (!order || !shop) return false;
    if (saysThanks(text)) say(t, m('buyer-flow-thanks', { orderId: order.id }));
    else if (saysWaiting(text) || ok) say(t, m('buyer-flow-wait-seller', { shopName: shop.name, orderId: order.id }));
    else say(t, m('buyer-flow-after-message', { shopName: shop.name, orderId: order.id, caseable: recent.kind && isCaseReason(recent.kind as ProblemKind) ? 'yes' : 'no' }));
    return true;
  }
  if (!part) {
    if (since > FOLLOW_UP_MS || text.trim().split(/\s+/).length < FOLLOW_UP_WORDS) return false;
    if (typedAnswer(text) !== null || greetsOnly(text) || asksHowItWorks(text) || wantsCase(text) || saysSurely(text)) return false;
    if (await namesOtherOrder(e, t, text, recent.orderId)) return false;
  }
  await followOn(e, t, recent, { text });
  return true;
}

/**
 * « je veux parler à un humain » soon after a message to a seller, with no case under way: the honest answer, and where
 * that message stands (not « dites-moi ce qui ne va pas », which the buyer just did). False when no message is recent.
 */
export async function personAfterOrderMessage(e: EngineCtx, t: Turn): Promise<boolean> {
  const found = await recentOrderMessage(e, t, REPORT_LAPSE_MS);
  if (!found) return false;
  const { order, shop } = await orderAndShop(e, t, found.recent.orderId).catch(() => ({ order: null, shop: null }));
  if (!order || !shop) return false;
  const caseable = found.recent.kind && isCaseReason(found.recent.kind as ProblemKind) ? 'yes' : 'no';
  say(t, [m('buyer-flow-person-no-case'), m('buyer-flow-after-message', { shopName: shop.name, orderId: order.id, caseable })]);
  return true;
}

/**
 * A photo (or file) sent soon after a message to a seller, its caption stating no problem of its own and naming no
 * other order (« voici l'étiquette »): sent to him after the message, as a file on the order's messages. It was read as
 * the start of a report whose problem the classifier guessed. False when it does not follow such a message.
 */
export async function fileAfterOrderMessage(e: EngineCtx, t: Turn, blob: BlobRef, caption: string | undefined): Promise<boolean> {
  const found = await recentOrderMessage(e, t, PHOTO_FOLLOW_UP_MS);
  if (!found) return false;
  const words = caption?.trim();
  if (words && (saysSurely(words) || wantsCase(words) || (await namesOtherOrder(e, t, words, found.recent.orderId)))) return false;
  await followOn(e, t, found.recent, { blob, ...(words ? { caption: words } : {}) });
  return true;
}
