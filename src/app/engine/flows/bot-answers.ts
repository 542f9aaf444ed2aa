import type { Case } from '../../../domain/case-model.js';
import { isPalabreError } from '../../../domain/errors.js';
import type { NudgeKind } from '../../../domain/types.js';
import { m, requireWho, say, type EngineCtx, type Turn } from '../context.js';
import { errorMsg } from '../index.js';
import { answersEscalationNudge, asksBotAboutMessage, asksToEscalate, asksWhatTheySaid, sellerAsksBot } from '../typed-answers.js';
import { foldText } from '../../../domain/text.js';
import { sayCard } from './case-thread.js';
import { propose, sendChoices } from './case-ops.js';
import { deadlineOf } from './seller-outside.js';

/**
 * What a party writes back to what the bot brought them on a case, when it is said to the bot and not to the other
 * party (reaction probe): « oui transmettez svp » or « pas encore » to « you may now take it to support »; « qui êtes-vous ? »,
 * « c quel commande ça ?? » to a reminder; « il dit quoi ? » about the seller's last message. Read from the case's
 * last entry (the bot's nudge, nothing said since), so that the same words after a party's message still go to that
 * party. Everything else is left to the caller (relayed, or offered to be sent).
 */

/** The nudge the case's last entry sent to `role`, when nothing happened on the case since. */
export function lastNudgeTo(c: Case, role: 'buyer' | 'seller'): NudgeKind | null {
  const last = c.timeline.at(-1);
  return last?.type === 'reminder' && last.to === role ? last.nudge : null;
}

/**
 * Answers words said to the bot about case `c` (see above); false when they are not (the caller sends them on).
 * `replied`: the words came as a reply to one of the case's messages (or in its thread).
 */
export async function answerToBot(e: EngineCtx, t: Turn, c: Case, role: 'buyer' | 'seller', text: string, replied: boolean): Promise<boolean> {
  if (c.status === 'closed') return false;
  if (role === 'seller') {
    // « combien de temps il me reste ? » in the case's thread asks the bot, not the buyer: the deadline, and the words one
    // tap from the buyer in case they were for her.
    if (sellerAsksBot(text) === 'deadline' && asksOwnTime(text)) {
      say(t, [deadlineOf(c, t.now), m('seller-outside-send-offer', { count: 1 })], { caseId: c.id, choices: await sendChoices(e, t, text, 'seller', [c]) });
      return true;
    }
    // « qui êtes-vous ? » in answer to a reminder: who writes, and about which order; not a question for the buyer.
    if (!lastNudgeTo(c, 'seller') || !asksBotAboutMessage(text)) return false;
    const order = await e.deps.marketplace.order(c.orderId);
    await sayCard(e, t, c, 'seller', [m('engine-nudge-who', { caseId: c.id, orderId: c.orderId, title: order?.items[0]?.title ?? c.orderId })]);
    return true;
  }
  const nudge = lastNudgeTo(c, 'buyer');
  const answer = nudge === 'buyer_escalation_open' ? answersEscalationNudge(text) : replied && asksToEscalate(text) ? 'escalate' : null;
  if (answer === 'escalate') {
    try {
      await propose(e, t, c, 'buyer', { op: 'escalate' });
    } catch (err) {
      // Refused now (before its date, already escalated): said, with the date.
      if (!isPalabreError(err) || err.code === 'INTERNAL') throw err;
      say(t, errorMsg(err));
    }
    return true;
  }
  if (answer === 'later') {
    await sayCard(e, t, c, 'buyer', [m('buyer-flow-escalate-later', { caseId: c.id })]);
    return true;
  }
  if (asksWhatTheySaid(text)) {
    const said = c.timeline.filter((x) => x.type === 'comment' && x.actor.role === 'seller').at(-1);
    if (said && said.type === 'comment') {
      await sayCard(e, t, c, 'buyer', [m('buyer-flow-seller-said', { caseId: c.id, at: { date: said.at, style: 'datetime' }, text: said.text })]);
      return true;
    }
    // Nothing from the seller yet: said, with what comes next (his deadline, the day escalation opens, or that support has
    // the case), as « c quoi la suite ? » gets.
    const when = c.status === 'escalated' ? 'escalated' : Date.parse(t.now) < Date.parse(c.escalatableAt) ? 'later' : 'now';
    await sayCard(e, t, c, 'buyer', [
      m('buyer-flow-seller-silent', { caseId: c.id }),
      m('buyer-flow-case-next', { caseId: c.id, when, escalatableAt: { date: c.escalatableAt, style: 'datetime' } }),
    ]);
    return true;
  }
  return false;
}

/**
 * « non pas maintenant », "not now" typed alone read like leaving a flow: with none under way and a case whose last entry
 * is the escalation nudge, it answers that nudge. False otherwise (the caller says there is nothing to cancel).
 */
export async function notNowToNudge(e: EngineCtx, t: Turn, text: string): Promise<boolean> {
  if (!t.account?.roles.includes('buyer') || answersEscalationNudge(text) !== 'later') return false;
  const who = requireWho(t);
  const nudged = (await e.deps.cases.list(who, 'mine')).filter((c) => c.buyerId === who.accountId && c.status !== 'closed' && lastNudgeTo(c, 'buyer') === 'buyer_escalation_open');
  return nudged.length === 1 && answerToBot(e, t, nudged[0]!, 'buyer', text, false);
}

/**
 * The seller asks about his own time (« il me reste combien ? », "how long do I have?"): a question, not news for the
 * buyer (« il me reste 2 pagnes » goes to her).
 */
function asksOwnTime(text: string): boolean {
  const t = foldText(text).replace(/[’']/g, ' ');
  const asked = /\?\s*$/.test(text.trim()) || /\b(?:combien|quand|how long|how much time|muda gani|siku ngapi|boni|lini)\b/.test(t);
  return /\b(?:me|moi|j ai|je|i|nina|ngai|natikali|nitakuwa)\b/.test(t) && asked;
}
