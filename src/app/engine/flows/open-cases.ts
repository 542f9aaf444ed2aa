import type { Case } from '../../../domain/case-model.js';
import type { Order } from '../../../domain/types.js';
import { allowedCommands } from '../../../domain/decider.js';
import { isCaseReason } from '../../../domain/eligibility.js';
import { isPalabreError } from '../../../domain/errors.js';
import { millis, plus } from '../../../domain/time.js';
import { m, requireWho, say, type EngineCtx, type Turn } from '../context.js';
import { errorMsg } from '../index.js';
import { classifyProblem, classifySurely, saysRefunded, statesProblem } from '../intent.js';
import { findOrderRef } from '../order-ref.js';
import { clausesOf, CLAUSES } from '../clauses.js';
import { asksCaseStatus, asksHowLong, asksOnlyOfCase, asksWhatNext, buyerAsksOfCase, contestsClosing, pings, saysThanks, saysWaiting, typedAnswer } from '../typed-answers.js';
import { decidedBySupport, disputesClosing, sayCard } from './case-thread.js';
import { answerToBot } from './bot-answers.js';
import { propose, sendChoices, wordsOutsideCase } from './case-ops.js';
import { personAfterOrderMessage } from './seller-message.js';

/**
 * A buyer with a case under way who writes in the private chat, naming no order: « toujours rien reçu »,
 * « c'est quoi le statut de mon litige ? », « merci », « c bon j'ai reçu mon colis », "the seller doesn't
 * answer". That is about the case, not a new report asking which order: the case is shown, with its buttons
 * (reply to the seller, add a photo, escalate, close). A new case reason the open cases do not cover, or an
 * order named, is still a new report. Other words (« je vous l'envoie demain », « c'est pas assez ») are for the
 * seller: they have not gone yet, and a button per case sends them as written.
 */

/** The cases of `mine` this turn's account has in `role` that are not closed, newest first. */
function underWay(t: Turn, mine: Case[], role: 'buyer' | 'seller'): Case[] {
  const who = requireWho(t);
  const party = (c: Case) => (role === 'buyer' ? c.buyerId : c.sellerId) === who.accountId;
  return mine.filter((c) => c.status !== 'closed' && party(c)).sort((a, b) => b.openedAt.localeCompare(a.openedAt));
}

/** The cases this turn's account has in `role` that are not closed, newest first. */
export async function casesUnderWay(e: EngineCtx, t: Turn, role: 'buyer' | 'seller'): Promise<Case[]> {
  return underWay(t, await e.deps.cases.list(requireWho(t), 'mine'), role);
}

/** How long after a closing the buyer's next words are taken to be about it (« c'est faux, je n'ai rien reçu »). */
export const JUST_CLOSED_MS = 24 * 3600 * 1000;

/**
 * The buyer's case closed in the last day without them (tracking, a refund) that they may still contest, when
 * nothing has happened since on a case under way: what « c'est faux, rien reçu » answers. Null otherwise.
 */
function justClosed(e: EngineCtx, t: Turn, mine: Case[], open: Case[], text: string): Case | null {
  const who = requireWho(t);
  const now = t.now;
  const contestable = (c: Case) => allowedCommands(c, 'buyer', now, e.deps.policy).includes('RequestVerification');
  // In the day after: any words but a new request. Later, while the closing may still be contested (or for a decision of
  // support's, within the same time): words that dispute it or state the case's problem again (« mais j'ai toujours rien
  // reçu » ten days on, « je conteste la décision »).
  const fits = (c: Case) => {
    const since = millis(now) - millis(c.closedAt!);
    if (since < JUST_CLOSED_MS) return contestable(c) || (decidedBySupport(c) && disputesClosing(c, text));
    if (millis(now) >= millis(plus(c.closedAt!, e.deps.policy.contestWindow))) return false;
    return (contestable(c) || decidedBySupport(c)) && disputesClosing(c, text);
  };
  const closed = mine
    .filter((c) => c.buyerId === who.accountId && c.status === 'closed' && c.closedAt && millis(now) >= millis(c.closedAt))
    .filter(fits)
    .sort((a, b) => b.closedAt!.localeCompare(a.closedAt!))[0];
  if (!closed) return null;
  const lastActivity = (c: Case) => millis(c.timeline.at(-1)?.at ?? c.openedAt);
  return open.every((c) => lastActivity(c) < millis(closed.closedAt!)) ? closed : null;
}

/**
 * What the buyer asks right after a closing that is not about that closing: another case reason (« le pagne est
 * arrivé déchiré » once tracking showed it delivered), or a request the seller handles outside cases (a return, a
 * size, a cancellation). Those start a report like any first message; « c'est faux, rien reçu » does not.
 */
function newRequestAfter(closed: Case, kind: ReturnType<typeof classifyProblem>): boolean {
  if (kind === 'return_request' || kind === 'wrong_size' || kind === 'cancellation') return true;
  return kind !== null && isCaseReason(kind) && kind !== closed.reason;
}

/** The cases this turn's account has as the buyer that are not closed, newest first. */
export const openCasesAsBuyer = (e: EngineCtx, t: Turn): Promise<Case[]> => casesUnderWay(e, t, 'buyer');

/** The text names no order, or only this one. */
export async function namesOnlyOrder(e: EngineCtx, t: Turn, text: string, orderId: string): Promise<boolean> {
  const orders = await e.deps.marketplace.ordersOfBuyer(requireWho(t).accountId);
  const ref = findOrderRef(text, orders, t.timezone, t.now);
  return ref.kind === 'none' || (ref.kind === 'found' && ref.orderIds.length === 1 && ref.orderIds[0] === orderId);
}

/**
 * Which of the buyer's cases under way `text` (a photo's caption) is about: the case whose order it names (with no
 * new problem), undefined when it names no order nor a problem those cases do not cover (still to be asked), null when
 * it is about something else (another order, a new problem: a report).
 */
export async function namedCaseOf(e: EngineCtx, t: Turn, text: string, open: Case[]): Promise<Case | null | undefined> {
  const orders = await e.deps.marketplace.ordersOfBuyer(requireWho(t).accountId);
  const ref = findOrderRef(text, orders, t.timezone, t.now);
  const kind = classifyProblem(text);
  const fits = (c: Case) => kind === null || kind === 'other' || kind === c.reason || (kind === 'delivery_question' && c.reason === 'non_delivery');
  if (ref.kind === 'none') return open.some(fits) ? undefined : null;
  const named = ref.kind === 'found' && ref.orderIds.length === 1 ? open.find((c) => c.orderId === ref.orderIds[0]) : undefined;
  return named && fits(named) ? named : null;
}

/** Up to this many cases under way, « où en sont mes litiges ? » shows each one's card. */
const STATUS_CARDS = 5;

/**
 * The one case under way a clause asks to close or escalate, the order named in it or in the clause before (« c'est bon
 * pour le sac, je l'ai reçu »), where the clauses name several orders; null when they name one, or no clause asks, or
 * several do.
 */
function askedByClause(text: string, orders: readonly Order[], open: Case[], timezone: string): { c: Case; op: 'close' | 'escalate' } | null {
  let current: Case | null = null;
  const found: Array<{ c: Case; op: 'close' | 'escalate' }> = [];
  const named = new Set<string>();
  for (const clause of clausesOf(text, CLAUSES) ?? []) {
    const ref = findOrderRef(clause, orders, timezone);
    if (ref.kind === 'found') current = ref.orderIds.length === 1 ? (open.find((c) => c.orderId === ref.orderIds[0]) ?? null) : null;
    if (ref.kind === 'found') for (const id of ref.orderIds) named.add(id);
    else if (ref.kind === 'unknown') current = null;
    const op = buyerAsksOfCase(clause);
    if ((op === 'close' || op === 'escalate') && current && !found.some((f) => f.c.id === current!.id)) found.push({ c: current, op });
  }
  return found.length === 1 && named.size > 1 ? found[0]! : null;
}

/** Answers a free message with the buyer's case under way when that is what it is about; false when it is not. */
export async function aboutCaseUnderWay(e: EngineCtx, t: Turn, text: string): Promise<boolean> {
  let status = asksCaseStatus(text);
  const mine = await e.deps.cases.list(requireWho(t), 'mine');
  const open = underWay(t, mine, 'buyer');
  // Words right after a closing they did not make are about it: they went nowhere, and the way to contest it is shown.
  const closed = justClosed(e, t, mine, open, text);
  if (closed && (contestsClosing(text) || !newRequestAfter(closed, classifyProblem(text))) && (await namesOnlyOrder(e, t, text, closed.orderId))) {
    // Support's decision has no verification button: the buyer is told it is not contested here, and who to write to.
    const body = allowedCommands(closed, 'buyer', t.now, e.deps.policy).includes('RequestVerification')
      ? [
          m('buyer-flow-just-closed', {
            caseId: closed.id,
            orderId: closed.orderId,
            resolution: closed.resolution ?? 'none',
            // A week on, « vient d'être clos » is not what happened: the day it closed, and until when it may be contested.
            recent: millis(t.now) - millis(closed.closedAt!) < JUST_CLOSED_MS ? 'yes' : 'no',
            closedAt: { date: closed.closedAt!, style: 'date' },
            until: { date: plus(closed.closedAt!, e.deps.policy.contestWindow), style: 'datetime' },
          }),
        ]
      : [m('engine-closed-not-sent', { caseId: closed.id, resolution: closed.resolution ?? 'none', to: 'seller' }), m('error-not-contestable', { resolution: closed.resolution ?? 'none' })];
    await sayCard(e, t, closed, 'buyer', body);
    return true;
  }
  if (open.length === 0) {
    if (!status) return false;
    say(t, [m('engine-no-open-case'), m('buyer-flow-no-case-hint')]);
    return true;
  }
  const orders = await e.deps.marketplace.ordersOfBuyer(requireWho(t).accountId);
  const ref = findOrderRef(text, orders, t.timezone, t.now);
  // Two cases named, one to close or escalate (« c'est bon pour le sac, je l'ai reçu, mais la chemise toujours rien »,
  // "escalate the bag dispute, the shirt one can wait"): that one, read in its own clause; the other is left as it is.
  const one = ref.kind === 'found' && open.length > 1 ? askedByClause(text, orders, open, t.timezone) : null;
  if (one) {
    try {
      await propose(e, t, one.c, 'buyer', { op: one.op });
    } catch (err) {
      if (!isPalabreError(err) || err.code === 'INTERNAL') throw err;
      say(t, errorMsg(err));
    }
    return true;
  }
  // A weak guess (« bon je vais voir ») is no new problem beside a case under way: the words may be for the seller.
  const kind = classifySurely(text);
  let cases = open;
  if (ref.kind !== 'none') {
    // The order of a case under way, named with no new case reason nor request (« le sac : c'est réglé, vous pouvez
    // fermer le litige », « le pagne est toujours pas là, c'est quoi la suite ? »): that case, as when no order is
    // named, rather than a report that could only end on it. Another order, or a new problem: a report.
    const named = ref.kind === 'found' && ref.orderIds.length === 1 ? open.find((c) => c.orderId === ref.orderIds[0]) : undefined;
    const same = kind === named?.reason || (kind === 'delivery_question' && named?.reason === 'non_delivery');
    if (!named || (kind !== null && kind !== 'other' && !same)) return false;
    cases = [named];
  }
  // Said to the bot about what it brought on the one case (« oui transmettez » to the escalation nudge, « pas encore »,
  // « il dit quoi ? »): answered, not offered to the seller.
  if (cases.length === 1 && (await answerToBot(e, t, cases[0]!, 'buyer', text, false))) return true;
  // Asked of the case in words: with one case, escalating or closing is offered for confirmation (or refused now, with
  // the date escalation opens); its status is its card. With several, the list of them.
  // The words may be news for the seller too (« c bon j'ai reçu mon colis »): they stay one tap from being sent.
  const asked = buyerAsksOfCase(text);
  // « le vendeur m'a remboursé par mobile money » while the case records less than the order's total: a refund made outside
  // Congocrea does not close it (SPEC 1); the buyer is told so and offered to close it if it is settled for them. It was
  // « ce message n'est pas encore parti » and the card, the case left open without a word.
  const only = cases.length === 1 ? cases[0]! : null;
  if (!status && !asked && only && only.refunded.amount < only.orderTotal.amount && saysRefunded(text)) {
    say(t, m('buyer-flow-refund-outside', { caseId: only.id }), { choices: await sendChoices(e, t, text, 'buyer', cases) });
    await propose(e, t, only, 'buyer', { op: 'close' });
    return true;
  }
  if ((asked === 'escalate' || asked === 'close') && cases.length === 1) {
    // « je veux fermer le litige » is for the bot alone: the confirmation, not « this message has not gone yet ».
    if (!asksOnlyOfCase(text)) await wordsOutsideCase(e, t, text, 'buyer', cases);
    try {
      await propose(e, t, cases[0]!, 'buyer', { op: asked });
    } catch (err) {
      // What the rules refuse now (escalating before its date, a case closed meanwhile) is said, with the date.
      if (!isPalabreError(err) || err.code === 'INTERNAL') throw err;
      say(t, errorMsg(err));
    }
    return true;
  }
  if (asked) status = true;
  // A case reason no open case is about (« mon colis est arrivé cassé » while the case is about non-delivery) is a new report.
  if (!status && kind && isCaseReason(kind) && !cases.some((c) => c.reason === kind)) return false;
  // So is a request the seller handles outside cases (a return, a size, a cancellation): the report asks which order.
  if (!status && (kind === 'return_request' || kind === 'wrong_size' || kind === 'cancellation')) return false;
  // Thanks, « ok », « d'accord j'attends » are most likely said to the bot: a short answer about what comes, rather than
  // « this message has not gone anywhere »; they may be for the seller, and stay one tap from being sent.
  if (!status && cases.length === 1 && (saysThanks(text) || saysWaiting(text) || (typedAnswer(text) === 'yes' && text.trim().split(/\s+/).length <= 2))) {
    const c = cases[0]!;
    const wait = m('buyer-flow-case-wait', { caseId: c.id, escalated: c.status === 'escalated' ? 'yes' : 'no', thanks: saysThanks(text) ? 'yes' : 'no' });
    say(t, wait, { choices: await sendChoices(e, t, text, 'buyer', cases) });
    return true;
  }
  // « c quoi la suite ? », « il va répondre quand ? », « et s'il répond pas ? »: what comes next on that case, and its card;
  // news for the seller in the same words (« le pagne est toujours pas là, c'est quoi la suite ? ») one tap from being sent.
  // « allo ? », « vous êtes là ??? », « 😡 », « combien de temps ? » alone: the bot is called or asked when, nothing for the
  // seller in them: answered the same way (they were offered to the seller as words not sent yet).
  if (cases.length === 1 && (asksWhatNext(text) || (!status && ref.kind === 'none' && (pings(text) || asksHowLong(text))))) {
    const c = cases[0]!;
    const when = c.status === 'escalated' ? 'escalated' : Date.parse(t.now) < Date.parse(c.escalatableAt) ? 'later' : 'now';
    if (statesProblem(text) && !asksHowLong(text) && !pings(text)) say(t, m('engine-buyer-words-not-sent', { count: 1, caseId: c.id, orderId: c.orderId }), { choices: await sendChoices(e, t, text, 'buyer', cases) });
    await sayCard(e, t, c, 'buyer', [m('buyer-flow-case-next', { caseId: c.id, when, escalatableAt: { date: c.escalatableAt, style: 'datetime' } })]);
    return true;
  }
  // Words for the seller (« je vous l'envoie demain », « c'est pas assez ») have gone nowhere yet: one tap sends them.
  if (!status && (await wordsOutsideCase(e, t, text, 'buyer', cases))) return true;
  if (cases.length === 1) {
    const c = cases[0]!;
    await sayCard(e, t, c, 'buyer', [m('buyer-flow-case-under-way', { caseId: c.id, orderId: c.orderId })]);
    return true;
  }
  // « où en sont mes litiges ? » with a few cases: each one's status, its card (not « which one do you want to see? »).
  if (status && open.length <= STATUS_CARDS) {
    say(t, m('buyer-flow-cases-status', { count: open.length }));
    for (const c of open) await sayCard(e, t, c, 'buyer');
    return true;
  }
  const choices = await Promise.all(
    open.slice(0, 10).map(async (c) => ({
      label: m('engine-case-choice', { caseId: c.id, orderId: c.orderId, reason: c.reason }),
      token: await e.tokens.issue(t.owner, { k: 'case', caseId: c.id, op: 'view' }),
    })),
  );
  say(t, m('buyer-flow-cases-under-way', { count: open.length }), { choices });
  return true;
}

/**
 * « je veux parler à un humain », "I want to talk to an agent": an honest answer. Support takes a case once it
 * is escalated: the case under way is shown (its card has the escalate button when the rules allow it);
 * without one, how to open one.
 */
export async function towardsSupport(e: EngineCtx, t: Turn): Promise<void> {
  const open = await openCasesAsBuyer(e, t);
  if (open.length === 0) {
    if (await personAfterOrderMessage(e, t)) return;
    return void say(t, [m('buyer-flow-person-no-case'), m('buyer-flow-no-case-hint')]);
  }
  if (open.length === 1) {
    const c = open[0]!;
    return sayCard(e, t, c, 'buyer', [m('buyer-flow-person-case', { caseId: c.id, orderId: c.orderId, status: c.status })]);
  }
  const choices = await Promise.all(
    open.slice(0, 10).map(async (c) => ({
      label: m('engine-case-choice', { caseId: c.id, orderId: c.orderId, reason: c.reason }),
      token: await e.tokens.issue(t.owner, { k: 'case', caseId: c.id, op: 'view' }),
    })),
  );
  say(t, m('buyer-flow-person-cases', { count: open.length }), { choices });
}
