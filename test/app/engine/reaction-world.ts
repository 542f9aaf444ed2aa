import { expect } from 'vitest';
import { renderMessage } from '../../../src/app/render.js';
import type { Case } from '../../../src/domain/case-model.js';
import type { Platform } from '../../../src/domain/types.js';
import type { Notification } from '../../../src/ports/notification.js';
import type { OutMessage } from '../../../src/ports/turn.js';
import { DEMO_ORDERS } from '../../../src/infra/demo-marketplace.js';
import { buttons, capabilitiesOf, DAY, handNudges, i18n, openCase, type Speaker, type World } from './harness.js';

/**
 * The cast, the clock and the moves of the reaction probe (reaction-probe.test.ts) and of its fixes' tests
 * (reaction-fixes.test.ts): a case opened, the seller's words relayed, support's moves, the nudges fired, a decision.
 */
export const { eligibleNonDelivery: WAX, deliveredMatching: SHIRT } = DEMO_ORDERS;
export const HOUR = 3600 * 1000;
let msgSeq = 0;

export const load = async (w: World, id: string): Promise<Case> => (await w.store.load(id))!;
export const said = (s: Speaker) => s.ids().filter((id) => id !== 'engine-lang-offer');

/** The adapter posted a message of this case (or order subject) in the speaker's chat: a reply to it. */
export async function replyTo(w: World, s: Speaker, subject: string) {
  const messageId = `m${++msgSeq}`;
  await w.threads.rememberMessage(s.platform, `dm-${s.userId}`, messageId, subject);
  return { replyToMessageId: messageId };
}

export const linkOf = (accountId: string, userId: string, platform: Platform = 'telegram') => ({
  platform,
  userId,
  accountId,
  address: `dm-${userId}`,
  linkedAt: '2026-11-01T00:00:00Z',
});

/** The notifications of a case to an account (or support), oldest first. */
export async function to(w: World, caseId: string, account: string): Promise<Notification[]> {
  return (await w.outbox(caseId)).filter((n) => ('support' in n.to ? account === 'support' : n.to.accountId === account));
}
/** Whether these words reached that account on that case (in any notification). */
export async function reached(w: World, caseId: string, account: string, words: string): Promise<boolean> {
  return (await to(w, caseId, account)).some((n) => JSON.stringify(n.body).includes(words));
}
/** A notification as the recipient's Telegram would show it (with its buttons' tokens). */
export async function delivered(w: World, n: Notification, account: string, userId: string): Promise<OutMessage> {
  return w.renderer.render(n, { link: linkOf(account, userId) }, 'telegram');
}
export const text = (out: OutMessage) => renderMessage(out, i18n, capabilitiesOf('telegram')).text;

/** If the last replies offer to send the words (one tap), take it. */
export async function sendIfOffered(s: Speaker) {
  const b = buttons(s.last).find((l) => l === 'engine-choice-send-to-seller' || l === 'engine-choice-send-to-buyer');
  if (b) await s.press(b);
}
export async function confirmIfAsked(s: Speaker) {
  if (buttons(s.last).includes('engine-choice-confirm')) await s.press('engine-choice-confirm');
}

/** Amina (buyer) and Bisou (seller), each in a private Telegram chat, a non-delivery case open on the pagne wax. */
export async function cast(w: World, order: string = WAX, reason: 'non_delivery' | 'not_as_described' = 'non_delivery') {
  const amina = await w.user({ account: 'acc-amina', userId: 'amina', conversationId: 'dm-amina' });
  const bisou = await w.user({ account: 'acc-bisou', userId: 'bisou', conversationId: 'dm-bisou' });
  const id = await openCase(w, order, reason);
  return { amina, bisou, id };
}
/** The seller answers in the case (a reply to the case's message). */
export async function sellerSays(w: World, bisou: Speaker, id: string, words: string) {
  await bisou.text(words, await replyTo(w, bisou, id));
  expect(said(bisou)[0]).toBe('engine-done-comment');
}
export async function support(w: World) {
  return w.user({ account: 'acc-support-1', userId: 'agent', isStaffChannel: true, isPrivate: false, conversationId: 'staff' });
}
export async function escalateBySupport(w: World, id: string) {
  const agent = await support(w);
  await agent.command(`/escalate ${id} inactivity`);
  await confirmIfAsked(agent);
  return agent;
}

/** Deadline nudges on the world's store, with a scheduler run by hand as the clock moves. */
export const nudgesOf = handNudges;

/** The case with its « you may now escalate » nudge delivered to the buyer (3 days and an hour later). */
export async function escalationOpen(w: World) {
  const c = await cast(w);
  const n = nudgesOf(w);
  await n.plan(c.id);
  await n.advance(3 * DAY + HOUR);
  const nudge = (await to(w, c.id, 'acc-amina')).find((x) => x.body.some((m) => m.id === 'notify-escalation-open'));
  expect(nudge, 'the buyer is told she may escalate').toBeDefined();
  return { ...c, nudge: nudge! };
}
/** The case with the seller's first 24-hour reminder delivered. */
export async function reminded(w: World) {
  const c = await cast(w);
  const n = nudgesOf(w);
  await n.plan(c.id);
  await n.advance(24 * HOUR + 60_000);
  const r = (await to(w, c.id, 'acc-bisou')).find((x) => x.body.some((m) => m.id === 'notify-seller-reminder'));
  expect(r, 'the seller is reminded').toBeDefined();
  return c;
}
/** A partial refund of 10 000 FC by the seller on the pagne wax case. */
export async function partialRefund(w: World) {
  const c = await cast(w);
  await c.bisou.command(`/refund ${c.id} 10000`);
  await confirmIfAsked(c.bisou);
  expect((await load(w, c.id)).refunded.amount).toBe(1_000_000);
  return c;
}
/** Support decides for the seller after escalating. */
export async function decidedForSeller(w: World) {
  const c = await cast(w);
  const agent = await escalateBySupport(w, c.id);
  await agent.command(`/decide ${c.id} seller`);
  await confirmIfAsked(agent);
  expect(await load(w, c.id)).toMatchObject({ status: 'closed', resolution: 'seller_favour' });
  return c;
}
/** The seller adds tracking delivered at the buyer's address on the chemise case: closed as delivered. */
export async function closedDelivered(w: World) {
  const c = await cast(w, SHIRT);
  await c.bisou.command(`/tracking ${c.id} dhl JD0142`);
  await confirmIfAsked(c.bisou);
  expect(await load(w, c.id)).toMatchObject({ status: 'closed', resolution: 'delivered' });
  return c;
}
/** Amina wrote to Bisou about a wrong size on CC-1002 (no case), and Bisou answered with the Reply button. */
export async function orderConversation(w: World, answer: string) {
  const amina = await w.user({ account: 'acc-amina', userId: 'amina', conversationId: 'dm-amina' });
  const bisou = await w.user({ account: 'acc-bisou', userId: 'bisou', conversationId: 'dm-bisou' });
  await amina.text("J'ai commandé la mauvaise taille pour CC-1002");
  await amina.press('engine-choice-yes-reason');
  await amina.text('Pouvez-vous me l’échanger contre un M ?');
  const toSeller = await w.renderer.render(w.relayed[0]!, { link: linkOf('acc-bisou', 'bisou') }, 'telegram');
  const reply = toSeller.choices!.find((c) => c.label.id === 'engine-order-reply-to-buyer')!;
  await bisou.pressToken(reply.token);
  await bisou.text(answer);
  expect(said(bisou)).toEqual(['engine-done-comment']);
  return { amina, bisou };
}
