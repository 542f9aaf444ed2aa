import { IllegalStateError, NotFoundError, ValidationError } from '../../../domain/errors.js';
import { safeId } from '../../../domain/nudges.js';
import { cleanText } from '../../../domain/text.js';
import type { Shop } from '../../../domain/types.js';
import type { Msg } from '../../../ports/notification.js';
import { choice, m, requireWho, say, type EngineCtx, type Turn } from '../context.js';
import { newNonce, type ReinstateState } from '../state.js';

/**
 * SPEC section 1: a seller suspended by support is not reinstated by resolving cases; they ask
 * support, and the bot opens that request for them, once per suspension.
 */

type Suspension = { reason: string; at: string };

/** How often a suspended seller who keeps writing is reminded of the suspension. */
const REMIND_EVERY_MS = 24 * 3600 * 1000;
const YEAR_MS = 400 * 24 * 3600 * 1000;
const toldKey = (accountId: string, shopId: string) => `engine:suspension-told:${accountId}:${shopId}`;
const requestKey = (shopId: string) => `engine:reinstatement:${shopId}`;

interface RequestRecord {
  suspendedAt: string;
  requestedAt: string;
}

/** When the seller asked for reinstatement from this suspension, or null. */
async function requestedAt(e: EngineCtx, shopId: string, s: Suspension): Promise<string | null> {
  const rec = await e.deps.kv.get<RequestRecord>(requestKey(shopId));
  return rec && rec.suspendedAt === s.at ? rec.requestedAt : null;
}

/** The shops of this seller that support suspended. */
async function suspendedShops(e: EngineCtx, accountId: string): Promise<Array<{ shop: Shop; suspension: Suspension }>> {
  const shops = await e.deps.marketplace.shopsOfOwner(accountId);
  const found = await Promise.all(shops.map(async (shop) => ({ shop, suspension: await e.deps.cases.shopSuspension(shop.id) })));
  return found.filter((f): f is { shop: Shop; suspension: Suspension } => f.suspension !== null);
}

/** What a suspended seller is told: the suspension and its reason, then how to ask (or that they asked). */
async function sayNotice(e: EngineCtx, t: Turn, shop: Shop, suspension: Suspension): Promise<void> {
  const body: Msg[] = [m('engine-shop-suspended-notice', { shopName: shop.name, reason: suspension.reason, at: { date: suspension.at } })];
  const asked = await requestedAt(e, shop.id, suspension);
  if (asked) return void say(t, [...body, m('engine-reinstatement-pending', { at: { date: asked, style: 'datetime' } })]);
  const ask = await choice(e, t, m('engine-action-ask-reinstatement'), { k: 'shop', shopId: shop.id, op: 'reinstate' }, 'primary');
  say(t, [...body, m('engine-reinstatement-how')], { choices: [ask] });
}

/**
 * After a seller's turn in a private chat (never in a case thread the buyer reads): the suspension
 * of their shop, at most once a day, with the "Ask for reinstatement" button.
 */
export async function suspensionNotice(e: EngineCtx, t: Turn): Promise<void> {
  if (!t.account?.roles.includes('seller') || !t.input.isPrivate || t.suspensionTold) return;
  for (const { shop, suspension } of await suspendedShops(e, t.account.id)) {
    const key = toldKey(t.account.id, shop.id);
    const told = await e.deps.kv.get<{ suspendedAt: string; at: string }>(key);
    // The time told is kept in the value: the engine's clock, not the store's, says when a day has passed.
    if (told?.suspendedAt === suspension.at && Date.parse(t.now) - Date.parse(told.at) < REMIND_EVERY_MS) continue;
    await e.deps.kv.set(key, { suspendedAt: suspension.at, at: t.now }, YEAR_MS);
    await sayNotice(e, t, shop, suspension);
  }
}

/** The seller's own suspended shop; SHOP_NOT_FOUND for anyone else's, SHOP_NOT_SUSPENDED once reinstated. */
async function ownSuspendedShop(e: EngineCtx, t: Turn, shopId: string): Promise<{ shop: Shop; suspension: Suspension }> {
  const who = requireWho(t);
  const shop = await e.deps.marketplace.shop(shopId);
  if (!shop || shop.ownerId !== who.accountId) throw new NotFoundError('SHOP_NOT_FOUND', undefined, { shopId });
  const suspension = await e.deps.cases.shopSuspension(shop.id);
  if (!suspension) throw new IllegalStateError('SHOP_NOT_SUSPENDED', undefined, { shopId });
  return { shop, suspension };
}

/** The "Ask for reinstatement" button: asks for an optional word to support, unless already asked. */
export async function startReinstatement(e: EngineCtx, t: Turn, shopId: string): Promise<void> {
  t.suspensionTold = true;
  const { shop, suspension } = await ownSuspendedShop(e, t, shopId);
  const asked = await requestedAt(e, shop.id, suspension);
  if (asked) return void say(t, m('engine-reinstatement-already', { shopName: shop.name, at: { date: asked, style: 'datetime' } }));
  const s: ReinstateState = { flow: 'reinstate', nonce: newNonce(), shopId: shop.id };
  await e.conv.set(t.input.platform, t.input.userId, t.input.conversationId, s);
  const choices = [
    await choice(e, t, m('engine-choice-send-request'), { k: 'flow', nonce: s.nonce, v: 'send' }, 'primary'),
    await choice(e, t, m('engine-choice-cancel'), { k: 'flow', nonce: s.nonce, v: 'cancel' }),
  ];
  say(t, m('engine-reinstatement-ask-message', { shopName: shop.name }), { expects: 'text', choices });
}

/**
 * A seller's words asking for reinstatement (« svp réactivez ma boutique, j'ai tout réglé »): the request is opened
 * with those words as its message, as the button and a message would; a seller whose shop is not suspended is told so.
 */
export async function reinstatementInWords(e: EngineCtx, t: Turn, text: string): Promise<void> {
  t.suspensionTold = true;
  const who = requireWho(t);
  const suspended = await suspendedShops(e, who.accountId);
  if (suspended.length === 1) return requestReinstatement(e, t, suspended[0]!.shop.id, cleanText(text));
  // Several suspended shops: which one, with each one's button.
  if (suspended.length > 1) {
    for (const { shop, suspension } of suspended) await sayNotice(e, t, shop, suspension);
    return;
  }
  const shops = await e.deps.marketplace.shopsOfOwner(who.accountId);
  say(t, shops.length ? shops.map((shop) => m('engine-shop-not-suspended', { shopName: shop.name })) : [m('error-shop-not-suspended')]);
}

/** A button of the request: send it as it is, or cancel. */
export async function onReinstateChoice(e: EngineCtx, t: Turn, s: ReinstateState, v: string): Promise<void> {
  t.suspensionTold = true;
  if (v === 'send') return requestReinstatement(e, t, s.shopId, null);
  if (v !== 'cancel') throw new ValidationError('ACTION_EXPIRED', 'button of another step');
  await e.conv.clear(t.input.platform, t.input.userId, t.input.conversationId);
  say(t, m('engine-cancelled'));
}

/** The seller's message for support, typed after the button. */
export async function onReinstateText(e: EngineCtx, t: Turn, s: ReinstateState, text: string): Promise<void> {
  t.suspensionTold = true;
  return requestReinstatement(e, t, s.shopId, cleanText(text));
}

/**
 * Sends support the request. Its id is the suspension's, so however often it is pressed (or from
 * however many processes at once) support gets it once; a second request is told it is with support.
 */
async function requestReinstatement(e: EngineCtx, t: Turn, shopId: string, message: string | null): Promise<void> {
  await e.conv.clear(t.input.platform, t.input.userId, t.input.conversationId);
  const { shop, suspension } = await ownSuspendedShop(e, t, shopId);
  const asked = await requestedAt(e, shop.id, suspension);
  if (asked) return void say(t, m('engine-reinstatement-already', { shopName: shop.name, at: { date: asked, style: 'datetime' } }));
  const seller = t.account?.name ?? requireWho(t).accountId;
  await e.deps.relay({
    id: `reinstate-${safeId(shop.id)}-${Date.parse(suspension.at)}`,
    to: { support: true },
    body: [
      m('engine-relay-reinstatement-request', { shopName: shop.name, shopId: shop.id, sellerName: seller, reason: suspension.reason, at: { date: suspension.at } }),
      ...(message ? [m('engine-relay-quote', { text: message })] : []),
      m('engine-relay-reinstatement-how', { shopId: shop.id }),
    ],
    createdAt: t.now,
  });
  await e.deps.kv.set<RequestRecord>(requestKey(shop.id), { suspendedAt: suspension.at, requestedAt: t.now }, YEAR_MS);
  e.log.info({ shopId: shop.id, accountId: shop.ownerId }, 'reinstatement requested');
  say(t, m('engine-reinstatement-sent', { shopName: shop.name }));
}

/** Support suspended a shop: its owner is told why, with the button to ask for reinstatement. */
export async function notifySuspended(e: EngineCtx, t: Turn, shopId: string): Promise<void> {
  const [shop, suspension] = await Promise.all([e.deps.marketplace.shop(shopId), e.deps.cases.shopSuspension(shopId)]);
  if (!shop || !suspension) return;
  await e.deps.relay({
    id: `shop-suspended-${safeId(shop.id)}-${Date.parse(suspension.at)}`,
    to: { accountId: shop.ownerId },
    body: [m('engine-shop-suspended-notice', { shopName: shop.name, reason: suspension.reason, at: { date: suspension.at } }), m('engine-reinstatement-how')],
    offerReinstatement: shop.id,
    createdAt: t.now,
  });
}

/** Support reinstated a shop (`suspension` being the one lifted): its owner is told. */
export async function notifyReinstated(e: EngineCtx, t: Turn, shopId: string, suspension: Suspension | null): Promise<void> {
  const shop = await e.deps.marketplace.shop(shopId);
  if (!shop) return;
  await e.deps.relay({
    id: `shop-reinstated-${safeId(shop.id)}-${suspension ? Date.parse(suspension.at) : Date.parse(t.now)}`,
    to: { accountId: shop.ownerId },
    body: [m('engine-relay-shop-reinstated', { shopName: shop.name })],
    createdAt: t.now,
  });
  await e.deps.kv.delete(requestKey(shop.id));
}
