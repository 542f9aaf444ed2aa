import { randomBytes } from 'node:crypto';
import { NotFoundError, ValidationError } from '../../../domain/errors.js';
import { safeId } from '../../../domain/nudges.js';
import { cleanOptionalText, cleanText } from '../../../domain/text.js';
import type { BlobRef, Order, Shop } from '../../../domain/types.js';
import type { Msg, Notification } from '../../../ports/notification.js';
import { choice, hook, m, requireWho, say, type EngineCtx, type Turn } from '../context.js';
import { mentionsOffPlatform } from '../intent.js';
import { newNonce, type OrderReplyState } from '../state.js';

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
  say(t, m('blob' in input ? 'engine-done-file-sent' : 'engine-done-comment', { to: other(side) }));
  if (text && mentionsOffPlatform(text)) say(t, m('engine-keep-in-messages', { role: side }));
}
