import { randomBytes } from 'node:crypto';
import { NotFoundError, ValidationError } from '../../../domain/errors.js';
import { safeId } from '../../../domain/nudges.js';
import { cleanOptionalText, cleanText } from '../../../domain/text.js';
import type { BlobRef, Order, Shop } from '../../../domain/types.js';
import type { Msg, Notification } from '../../../ports/notification.js';
import { choice, hook, m, requireWho, say, type EngineCtx, type Turn } from '../context.js';
import { mentionsOffPlatform } from '../intent.js';
import { findOrderRef } from '../order-ref.js';
import { newNonce, type OrderReplyState } from '../state.js';
import { asksWhatTheySaid, typedAnswer, yesAndMore } from '../typed-answers.js';
import { newOnce, spendOnce } from './case-ops.js';

/**
 * Messages between an order's buyer and its seller without a case (SPEC section 1: a buyer can
 * always report a problem through messages). Each relayed message carries a Reply button and the
 * order's id, so the answer (by the button, or a reply to the message) reaches the other side.
 */

export type OrderSide = 'buyer' | 'seller';

const other = (side: OrderSide): OrderSide => (side === 'buyer' ? 'seller' : 'buyer');

/** The order, its shop and the speaker's side of it. Someone else's order reads as unknown. */
export async function orderForTurn(e: EngineCtx, t: Turn, orderId: string): Promise<{ order: Order; shop: Shop; side: OrderSide }> {
  const who = requireWho(t);
  const order = await e.deps.marketplace.order(orderId);
  if (!order) throw new NotFoundError('ORDER_NOT_FOUND', undefined, { orderId });
  const shop = await e.deps.marketplace.shop(order.shopId);
  if (!shop) throw new NotFoundError('SHOP_NOT_FOUND', undefined, { shopId: order.shopId });
  const side = order.buyerId === who.accountId ? 'buyer' : shop.ownerId === who.accountId ? 'seller' : null;
  if (!side) throw new NotFoundError('ORDER_NOT_FOUND', undefined, { orderId });
  return { order, shop, side };
}

/**
 * Queues a message about an order for the other side, with what the deadlines need: a buyer's
 * message starts the seller's reply clock, the seller's answer stops it.
 */
export async function sendOrderMessage(e: EngineCtx, t: Turn, order: Order, shop: Shop, from: OrderSide, body: Msg[], blobId?: string): Promise<void> {
  const n: Notification = {
    // No `:` in ids: the outbox may use them as BullMQ job ids.
    id: `msg-${safeId(order.id)}-${randomBytes(6).toString('hex')}`,
    to: { accountId: from === 'buyer' ? shop.ownerId : order.buyerId },
    orderId: order.id,
    body,
    ...(t.who ? { from: { accountId: t.who.accountId } } : {}),
    ...(blobId ? { blobId } : {}),
    createdAt: t.now,
  };
  await e.deps.relay(n);
  if (from === 'buyer') await hook(e, 'buyerMessaged', e.deps.onBuyerMessaged, order.id, t.now);
  else await hook(e, 'sellerReplied', e.deps.onSellerReplied, order.id, t.now);
}

/** The Reply button of a relayed order message: asks for the answer. */
export async function startOrderReply(e: EngineCtx, t: Turn, orderId: string): Promise<void> {
  const { order, shop, side } = await orderForTurn(e, t, orderId);
  const s: OrderReplyState = { flow: 'order', nonce: newNonce(), orderId: order.id };
  await e.conv.set(t.input.platform, t.input.userId, t.input.conversationId, s);
  const cancel = await choice(e, t, m('engine-choice-cancel'), { k: 'flow', nonce: s.nonce, v: 'cancel' });
  say(t, m('engine-order-ask-reply', { to: other(side), shopName: shop.name, orderId: order.id }), { expects: 'text', choices: [cancel] });
}

/** A button of the reply flow: only Cancel. */
export async function onOrderChoice(e: EngineCtx, t: Turn, _s: OrderReplyState, v: string): Promise<void> {
  if (v !== 'cancel') throw new ValidationError('ACTION_EXPIRED', 'button of another step');
  await e.conv.clear(t.input.platform, t.input.userId, t.input.conversationId);
  say(t, m('engine-cancelled'));
}

/** The answer typed (or the file sent) after the Reply button. */
export async function onOrderReplyInput(e: EngineCtx, t: Turn, s: OrderReplyState, input: { text: string } | { blob: BlobRef; caption?: string }): Promise<void> {
  await messageOnOrder(e, t, s.orderId, input);
  // Cleared once sent: an empty or oversized answer leaves the user on this step to try again.
  await e.conv.clear(t.input.platform, t.input.userId, t.input.conversationId);
}

/** Text or a file for the other side of an order: a reply to a relayed message, or after the Reply button. */
export async function messageOnOrder(e: EngineCtx, t: Turn, orderId: string, input: { text: string } | { blob: BlobRef; caption?: string }): Promise<void> {
  const { order, shop, side } = await orderForTurn(e, t, orderId);
  const text = 'text' in input ? cleanText(input.text) : cleanOptionalText(input.caption);
  const title = order.items[0]?.title ?? order.id;
  const head =
    side === 'buyer'
      ? m('engine-relay-buyer-answer', { buyerName: t.account?.name ?? requireWho(t).accountId, orderId: order.id, title })
      : m('engine-relay-seller-answer', { shopName: shop.name, orderId: order.id, title });
  const body = [head, ...(text ? [m('engine-relay-quote', { text })] : [])];
  await sendOrderMessage(e, t, order, shop, side, body, 'blob' in input ? input.blob.id : undefined);
  // The seller's answer is kept for its buyer a while: « il dit quoi ? » shows it, and an answer to it typed outside the
  // reply is offered to him (afterSellerAnswer).
  if (side === 'seller' && text) await e.deps.kv.set(answerKey(order.buyerId), { orderId: order.id, text, at: t.now } satisfies SellerAnswer, ANSWER_KEPT_MS);
  say(t, m('blob' in input ? 'engine-done-file-sent' : 'engine-done-comment', { to: other(side) }));
  if (text && mentionsOffPlatform(text)) say(t, m('engine-keep-in-messages', { role: side }));
}

/** The seller's last answer about an order, kept for its buyer (see messageOnOrder). */
interface SellerAnswer {
  orderId: string;
  text: string;
  at: string;
}
const answerKey = (buyerId: string) => `order-answer:${buyerId}`;
/** How long « il dit quoi ? » finds the seller's answer. */
const ANSWER_KEPT_MS = 7 * 24 * 3600 * 1000;
/** How long after the seller's answer words that open with a yes (« d'accord, je le renvoie demain ») are taken to answer it. */
const ANSWER_REACTION_MS = 24 * 3600 * 1000;

/**
 * The buyer's words after the seller answered about an order (no case), typed outside the reply: « ok il dit quoi là » shows
 * the answer again, with its Reply button; words that open with a yes (« d'accord merci, je renvoie demain ») answer it, and
 * are offered to be sent as written with one tap, not read as a new problem. False for anything else, or when another order
 * is named: the caller reads the words as any other.
 */
export async function afterSellerAnswer(e: EngineCtx, t: Turn, text: string): Promise<boolean> {
  const asks = asksWhatTheySaid(text);
  const accepts = !asks && (typedAnswer(text) === 'yes' || yesAndMore(text) !== null);
  if (!asks && !accepts) return false;
  const who = requireWho(t);
  const answer = await e.deps.kv.get<SellerAnswer>(answerKey(who.accountId));
  if (!answer) return false;
  const since = Date.parse(t.now) - Date.parse(answer.at);
  if (!(since >= 0 && since <= (asks ? ANSWER_KEPT_MS : ANSWER_REACTION_MS))) return false;
  const { order, shop } = await orderForTurn(e, t, answer.orderId).catch(() => ({ order: null, shop: null }));
  if (!order || !shop) return false;
  const ref = findOrderRef(text, await e.deps.marketplace.ordersOfBuyer(who.accountId), t.timezone, t.now);
  if (ref.kind !== 'none' && !(ref.kind === 'found' && ref.orderIds.length === 1 && ref.orderIds[0] === order.id)) return false;
  const title = order.items[0]?.title ?? order.id;
  if (asks) {
    const reply = await e.tokens.issue(t.owner, { k: 'order', orderId: order.id, op: 'reply' });
    say(t, [m('engine-relay-seller-answer', { shopName: shop.name, orderId: order.id, title }), m('engine-relay-quote', { text: answer.text })], {
      choices: [{ label: m('engine-order-reply-to-seller'), token: reply }],
    });
    return true;
  }
  const once = await newOnce(e, t);
  const send = await e.tokens.issue(t.owner, { k: 'order', orderId: order.id, op: 'reply', text: text.trim().slice(0, 4000), once });
  say(t, m('buyer-flow-order-answer-offer', { shopName: shop.name, orderId: order.id }), { choices: [{ label: m('engine-choice-send-order-words', { shopName: shop.name }), token: send }] });
  return true;
}

/** The button of afterSellerAnswer: the words sent as written, once. */
export async function sendOfferedWords(e: EngineCtx, t: Turn, orderId: string, text: string, once: string | undefined): Promise<void> {
  if (once) await spendOnce(e, once, 'words');
  await messageOnOrder(e, t, orderId, { text });
}
