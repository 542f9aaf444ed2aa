import type { Case } from '../../../domain/case-model.js';
import { durationBetween } from '../../../domain/nudges.js';
import { millis, plus } from '../../../domain/time.js';
import type { Msg } from '../../../ports/notification.js';
import { m, requireWho, say, type EngineCtx, type Turn } from '../context.js';
import { asksHowItWorks, greetsOnly, saysThanks, saysWaiting, sellerAsksBot } from '../typed-answers.js';
import { sayCard } from './case-thread.js';
import { deadlineStage, sendChoices } from './case-ops.js';

/**
 * A seller who writes to the bot in the private chat outside any case thread, not as a reply (seller outside probe):
 * what is said to the bot is answered — a greeting, « comment ça marche ? », thanks, « combien de temps j'ai ? », « c quoi
 * ce litige ?? », « je rembourse comment ? » — with each case under way shown, and nothing sent to a buyer: greetings and
 * thanks stay one tap from being sent. Words after the seller's last case closed are told they went nowhere. False for
 * anything else (the caller offers to send it, `sellerWordsOutsideCase`).
 */

/** Up to this many cases under way are shown as cards; more are left to /cases. */
const CARDS = 5;

export async function sellerOutsideCase(e: EngineCtx, t: Turn, text: string): Promise<boolean> {
  const who = requireWho(t);
  const mine = (await e.deps.cases.list(who, 'mine')).filter((c) => c.sellerId === who.accountId);
  const open = mine.filter((c) => c.status !== 'closed').sort((a, b) => b.openedAt.localeCompare(a.openedAt));
  const asked = sellerAsksBot(text);
  const greets = greetsOnly(text);
  const how = !asked && asksHowItWorks(text);
  const thanks = !asked && (saysThanks(text) || saysWaiting(text));
  const duration = { duration: e.deps.policy.escalationAfter.toISO() ?? 'P3D' };
  if (open.length === 0) {
    // The last case closed not long ago: words for its buyer went nowhere, and the seller is told so, with the card.
    const closed = mine
      .filter((c) => c.status === 'closed' && c.closedAt && millis(t.now) < millis(plus(c.closedAt, e.deps.policy.contestWindow)))
      .sort((a, b) => b.closedAt!.localeCompare(a.closedAt!))[0];
    if (closed && !greets && !how && !thanks && !asked) {
      await sayCard(e, t, closed, 'seller', [m('engine-closed-not-sent', { caseId: closed.id, resolution: closed.resolution ?? 'none', to: 'buyer' })]);
      return true;
    }
    if (!greets && !how && !thanks && !asked) return false;
    const body: Msg[] = [];
    if (greets) body.push(m('engine-welcome-back', { name: t.account!.name }));
    if (thanks) body.push(m('seller-outside-thanks', { count: 0, caseId: '', orderId: '' }));
    if (how) body.push(m('seller-outside-how', { duration }));
    if (!thanks) body.push(m('seller-outside-none'));
    if (closed) body.push(m('seller-outside-last-closed', { caseId: closed.id, orderId: closed.orderId, resolution: closed.resolution ?? 'none' }));
    say(t, body);
    return true;
  }
  if (!greets && !how && !thanks && !asked) return false;
  const first = open[0]!;
  const body: Msg[] = [];
  if (greets) body.push(m('engine-welcome-back', { name: t.account!.name }));
  if (thanks) body.push(m('seller-outside-thanks', { count: open.length, caseId: first.id, orderId: first.orderId }));
  if (how) body.push(m('seller-outside-how', { duration }));
  if (asked === 'deadline') for (const c of open.slice(0, CARDS)) body.push(deadlineOf(c, t.now));
  if (asked === 'refund') body.push(m('seller-outside-how-refund'));
  if (asked === 'what' || greets || how) body.push(m('seller-outside-cases', { count: open.length, caseId: first.id, orderId: first.orderId }));
  say(t, body);
  // Greetings, thanks and « c quoi ce litige ? » may have been meant for a buyer: not sent, one tap away (the deadline and
  // how to refund are asked of the bot, and not offered).
  if (greets || thanks || asked === 'what') say(t, m('seller-outside-send-offer', { count: open.length }), { choices: await sendChoices(e, t, text, 'seller', open) });
  if (open.length <= CARDS) for (const c of open) await sayCard(e, t, c, 'seller');
  else say(t, m('seller-outside-many', { count: open.length }));
  return true;
}

/** How long the seller has on case `c`: until the buyer may escalate, already past, or with support. */
export function deadlineOf(c: Case, now: string): Msg {
  const when = deadlineStage(c, now);
  return m('seller-outside-deadline', {
    when,
    caseId: c.id,
    orderId: c.orderId,
    escalatableAt: { date: c.escalatableAt, style: 'datetime' },
    left: { duration: when === 'later' ? durationBetween(now, c.escalatableAt) : 'PT0S' },
  });
}
