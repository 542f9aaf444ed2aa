import { NotFoundError, ValidationError } from '../../domain/errors.js';
import type { BlobRef } from '../../domain/types.js';
import { m, requireWho, say, type EngineCtx, type Turn } from './context.js';
import { OPEN_COMMANDS, runCommand, type CommandHooks } from './commands.js';
import { continuesDescription, joinDescription, offerResume, onReportChoice, personDuringReport, onReportFile, onReportText, rememberLeft, showReportStep, startReport, takeBackLeft } from './flows/buyer-report.js';
import { onEdit } from './flows/edits.js';
import { aboutCaseUnderWay, casesUnderWay, namedCaseOf, namesOnlyOrder, openCasesAsBuyer, towardsSupport } from './flows/open-cases.js';
import { offerWhatWordsSay, onCaseInput, runCaseOp, sellerWordsOutsideCase, voidOffered } from './flows/case-ops.js';
import { sellerOutsideCase } from './flows/seller-outside.js';
import { fileOnCase, subjectOfTurn, textInCaseThread } from './flows/case-thread.js';
import { afterSellerAnswer, messageOnOrder, onOrderChoice, onOrderReplyInput, sendOfferedWords, startOrderReply } from './flows/order-thread.js';
import { afterOrderMessage, fileAfterOrderMessage } from './flows/seller-message.js';
import { notNowToNudge } from './flows/bot-answers.js';
import { fileSentOnCase, onProofChoice } from './flows/proof.js';
import { askFileCase, lapsedPick, onFileChoice, typedFileCase } from './flows/file-pick.js';
import { onReinstateChoice, onReinstateText, reinstatementInWords, startReinstatement } from './flows/shop-suspension.js';
import { explainLinking, helpBody, keepEarlyWords, linkIdentity, pastedToken, startOrLink } from './flows/onboarding.js';
import { classifyProblem, mentionsOffPlatform, mentionsPayingOutside } from './intent.js';
import { listCases, requireStaff, shopAction } from './support-commands.js';
import { newNonce, offeredBack, REPORT_LAPSE_MS, type ConversationState, type FilePickState, type ReportState } from './state.js';
import { readAmount } from '../format.js';
import { asksReinstatement } from './seller-words.js';
import { asksForPerson, greetsOnly, languageAskedFor, pings, typedAnswer } from './typed-answers.js';

/** Sends one turn where it belongs: a command, a button, a file, or text (in a flow, a case thread, or free). */
export async function route(e: EngineCtx, t: Turn, given: CommandHooks): Promise<void> {
  const hooks: CommandHooks = { ...given, setLanguage: (lang) => switchLanguage(e, t, given, lang) };
  const c = t.input.content;
  switch (c.type) {
    case 'command':
      if (!t.account && !OPEN_COMMANDS.has(c.name)) return explainLinking(e, t);
      return runCommand(e, t, c.name, c.args, c.text, hooks);
    case 'action':
      return onAction(e, t, c.token, hooks);
    case 'attachment':
      return onFile(e, t, c.blob, c.caption, hooks);
    case 'text':
      return onText(e, t, c.text, hooks, given);
    case 'edit':
      return onEdit(e, t, c.text, c.command === true);
    default: {
      const never: never = c;
      return never;
    }
  }
}

/**
 * A language chosen in the middle of a report (« Yes, in English » under « Quelle commande ? », or /lang en): the
 * report's question is asked again in that language, its buttons with it; the one above stays in the old language.
 */
async function switchLanguage(e: EngineCtx, t: Turn, hooks: CommandHooks, lang: string): Promise<void> {
  const before = t.locale;
  await hooks.setLanguage(lang);
  if (t.locale === before || !t.account) return;
  const s = await e.conv.get(t.input.platform, t.input.userId, t.input.conversationId);
  if (s && s !== 'invalid' && s.flow === 'report' && s.pending === undefined && !lapsed(s.at, t.now)) await showReportStep(e, t, s);
}

/** The current flow's state; a state this version cannot read is dropped with a polite word. */
async function currentState(e: EngineCtx, t: Turn) {
  return (await readState(e, t)).state;
}

/** The current flow's state, and the report that lapsed on this turn (dropped from the store) when there is one. */
async function readState(e: EngineCtx, t: Turn): Promise<{ state: ConversationState | null | 'reset'; lapsed?: ReportState }> {
  const { platform, userId, conversationId } = t.input;
  const early = t.earlyState;
  t.earlyState = undefined;
  const s = early ? early.state : await e.conv.get(platform, userId, conversationId);
  // A report left unanswered lapses: the buyer's next message is read afresh, its old buttons expire.
  if (s && s !== 'invalid' && s.flow === 'report' && lapsed(s.at, t.now)) {
    await e.conv.clear(platform, userId, conversationId);
    return { state: null, lapsed: s };
  }
  if (s !== 'invalid') return { state: s };
  await e.conv.clear(platform, userId, conversationId);
  say(t, m('engine-flow-reset'));
  return { state: 'reset' };
}

/**
 * Words that cannot answer the amount or tracking number asked (a sentence of three words or more, without a digit
 * nor an amount in words: « le colis est parti hier »): the user moved on, and the question should not swallow them.
 */
function leavesStep(step: string, text: string): boolean {
  if (step !== 'amount' && step !== 'tracking') return false;
  if (/\d/.test(text) || text.trim().split(/\s+/).length < 3) return false;
  return step === 'tracking' || readAmount(text, 'CDF') === null;
}

const lapsed = (at: string | undefined, now: string): boolean => !at || Date.parse(now) - Date.parse(at) > REPORT_LAPSE_MS;

async function onAction(e: EngineCtx, t: Turn, token: string, hooks: CommandHooks): Promise<void> {
  const p = await e.tokens.resolve(token, t.owners);
  // A choice answers its question: flows, menus, pickers and confirmations. A case card's buttons stay
  // live (a newer card in the chat replaces them, and a press that no longer applies is answered).
  t.retirePressed = p.k === 'case' ? p.once !== undefined || p.arg !== undefined || p.op === 'view' : p.k === 'order' ? p.text !== undefined : p.k !== 'shop';
  switch (p.k) {
    case 'demo':
      if (!e.deps.embedded) throw new ValidationError('ACTION_INVALID', 'demo accounts exist in the embedded mode only');
      return linkIdentity(e, t, p.accountId, hooks.relocalize);
    case 'case':
      return runCaseOp(e, t, p);
    case 'order':
      return p.text !== undefined ? sendOfferedWords(e, t, p.orderId, p.text, p.once) : startOrderReply(e, t, p.orderId);
    case 'shop':
      return startReinstatement(e, t, p.shopId);
    case 'queue':
      requireStaff(t);
      return listCases(e, t, p.view);
    case 'staff_shop': {
      requireStaff(t);
      const shop = await e.deps.marketplace.shop(p.shopId);
      if (!shop) throw new NotFoundError('SHOP_NOT_FOUND', undefined, { shopId: p.shopId });
      return shopAction(e, t, p.op, shop, p.text ?? '');
    }
    case 'lang':
      return p.v === 'yes' ? hooks.setLanguage(p.lang) : hooks.declineLanguage(p.lang);
    case 'flow': {
      requireWho(t);
      const read = await readState(e, t);
      // The last question of a report left unanswered, answered later with its own button (nothing written since): the
      // press says what it said then, and the report goes on from it (its dates are read again). Any message since has
      // read the report afresh and replaced it: its buttons then expire.
      const revived = read.lapsed?.nonce === p.nonce ? { ...read.lapsed } : null;
      if (revived && p.v !== 'resume' && p.v !== 'leave') delete revived.pending;
      const s = revived ?? read.state;
      // A button of a report the buyer has since replaced by another (a correction, another order): it no longer applies,
      // and the report under way is where they are, so its question is asked again under the refusal (not a dead end).
      if (s && s !== 'reset' && s.flow === 'report' && s.nonce !== p.nonce && !revived && s.pending === undefined && t.input.isPrivate) {
        say(t, m('buyer-flow-earlier-report-button'));
        return showReportStep(e, t, s);
      }
      // A button of a flow that was left, finished or restarted since: already chosen or replaced, nothing to do.
      if (!s || s === 'reset' || s.nonce !== p.nonce) throw new ValidationError('ACTION_EXPIRED', 'button of an earlier flow');
      switch (s.flow) {
        case 'report':
          return onReportChoice(e, t, s, p.v);
        case 'case':
          return onProofChoice(e, t, s, p.v);
        case 'order':
          return onOrderChoice(e, t, s, p.v);
        case 'reinstate':
          return onReinstateChoice(e, t, s, p.v);
        case 'file':
          return onFileChoice(e, t, s, p.v);
        default: {
          const never: never = s;
          return never;
        }
      }
    }
    default: {
      const never: never = p;
      return never;
    }
  }
}

/** The case under way on `orderId` of which the turn's user is a party, or null. */
async function caseUnderWayOnOrder(e: EngineCtx, t: Turn, orderId: string): Promise<string | null> {
  if (!t.who) return null;
  const found = (await e.deps.cases.list(t.who, 'mine')).find((c) => c.orderId === orderId && c.status !== 'closed');
  return found?.id ?? null;
}

/**
 * Words replying to a message about a case, or about an order other than the report's: sent where the reply points
 * (a comment on the case, a message on the order), true when they were. A reply to the report's own messages is the report's.
 */
async function replyOutsideReport(e: EngineCtx, t: Turn, s: ReportState, text: string): Promise<boolean> {
  const subject = await subjectOfTurn(e, t);
  if (!subject) return false;
  if ('orderId' in subject && subject.orderId === s.orderId) return false;
  const caseId = 'orderId' in subject ? await caseUnderWayOnOrder(e, t, subject.orderId) : subject.caseId;
  if (caseId) {
    if (!(await textInCaseThread(e, t, caseId, text))) await offerWhatWordsSay(e, t, caseId, text);
    return true;
  }
  if ('orderId' in subject) await messageOnOrder(e, t, subject.orderId, { text });
  return true;
}

async function onFile(e: EngineCtx, t: Turn, blob: BlobRef, caption: string | undefined, hooks: CommandHooks): Promise<void> {
  if (!t.account) return t.input.isPrivate ? explainLinking(e, t) : undefined;
  // Support's channel: a file captioned with a command (« /note C-12 reçu falsifié ») runs the command on its words;
  // support's commands take words only, so the file is not kept, and the agent is told so rather than left in silence.
  if (t.input.isStaffChannel && t.account.roles.includes('support')) {
    const line = caption?.trim() ?? '';
    if (line.startsWith('/')) {
      const [head = '', ...args] = line.split(/\s+/);
      await runCommand(e, t, head.slice(1).replace(/@.*$/, '').toLowerCase(), args, line, hooks);
    }
    return void say(t, m('engine-staff-file-not-kept'));
  }
  const s = await currentState(e, t);
  if (s === 'reset') return;
  // A photo captioned for a case already under way on another order (« photo du sac abîmé » while reporting the dress):
  // that case's evidence, and the report's question asked again; not evidence of the report's order.
  if (s?.flow === 'report' && caption?.trim() && t.account.roles.includes('buyer')) {
    const open = await openCasesAsBuyer(e, t);
    const named = open.length ? await namedCaseOf(e, t, caption, open) : null;
    if (named && named.orderId !== s.orderId) {
      await fileOnCase(e, t, named.id, blob, caption);
      return showReportStep(e, t, s);
    }
  }
  if (s?.flow === 'report' && (await onReportFile(e, t, s, blob, caption))) return;
  if (s?.flow === 'case') return onCaseInput(e, t, s, { blob, ...(caption ? { caption } : {}) });
  if (s?.flow === 'order') return onOrderReplyInput(e, t, s, { blob, ...(caption ? { caption } : {}) });
  const subject = await subjectOfTurn(e, t);
  const caseId = subject && 'orderId' in subject ? await caseUnderWayOnOrder(e, t, subject.orderId) : subject?.caseId;
  if (subject && 'orderId' in subject && !caseId) return messageOnOrder(e, t, subject.orderId, { blob, ...(caption ? { caption } : {}) });
  if (caseId) return fileSentOnCase(e, t, caseId, blob, caption);
  if (!t.input.isPrivate) return;
  // A photo right after a message to a seller (« voici l'étiquette ») goes to him with it.
  if (t.account.roles.includes('buyer') && !s && (await fileAfterOrderMessage(e, t, blob, caption))) return;
  if (t.account.roles.includes('buyer')) return photoFromBuyer(e, t, blob, caption, s?.flow === 'file' ? s : undefined);
  // A seller's receipt photo sent outside any case thread: their only case under way takes it, as a buyer's does;
  // with several, they pick the case.
  if (t.account.roles.includes('seller')) {
    const open = await casesUnderWay(e, t, 'seller');
    if (open.length === 1) return fileSentOnCase(e, t, open[0]!.id, blob, caption);
    if (open.length > 1) return askFileCase(e, t, open, blob, caption, s?.flow === 'file' ? s : undefined);
  }
  say(t, m('engine-file-no-case'));
}

/**
 * A buyer's photo outside any flow or thread. With one case under way and nothing naming another
 * order, it is that case's evidence; else it starts a report (its caption read as the message), the
 * photo kept for the case it may become. Several cases and no caption: the photo is kept and the buyer picks
 * the case with buttons (`pick`: the pick already under way in this chat, which the photo joins).
 */
async function photoFromBuyer(e: EngineCtx, t: Turn, blob: BlobRef, caption: string | undefined, pick?: FilePickState): Promise<void> {
  const text = caption?.trim() || null;
  const open = await openCasesAsBuyer(e, t);
  if (open.length === 1 && (!text || (await namesOnlyOrder(e, t, text, open[0]!.orderId)))) return fileOnCase(e, t, open[0]!.id, blob, caption);
  if (open.length > 1 && !text) return askFileCase(e, t, open, blob, caption, pick);
  if (open.length > 1 && text) {
    // A caption naming the order of one case under way (« le sac reçu, commande 1002 ») files it there; one naming
    // no order and no problem the cases under way do not cover (« le colis abîmé ») asks which case, as none does.
    const named = await namedCaseOf(e, t, text, open);
    if (named) return fileOnCase(e, t, named.id, blob, caption);
    if (named === undefined) return askFileCase(e, t, open, blob, caption, pick);
  }
  return startReport(e, t, text, null, { evidence: [blob] });
}

async function onText(e: EngineCtx, t: Turn, typed: string, hooks: CommandHooks, given: CommandHooks): Promise<void> {
  let text = typed;
  // A token pasted as words (alone, or the whole deep link) is what /start <token> would have brought.
  const pasted = t.input.isPrivate ? pastedToken(text) : null;
  if (pasted) return startOrLink(e, t, pasted, 'link', hooks.relocalize);
  if (!t.account) {
    if (!t.input.isPrivate) return;
    // Teams and plain-text clients: `link <token>` works like `/link <token>`.
    const link = /^\s*link\s+(\S+)\s*$/i.exec(text);
    if (link) return startOrLink(e, t, link[1], 'link', hooks.relocalize);
    await keepEarlyWords(e, t, text);
    return explainLinking(e, t);
  }
  // « lobela ngai na lingala », « nijibu kwa Kiswahili » : the language asked for in words is /lang's (the report's question
  // asked again in it); « ee, na lingala » under a question is that language, then the yes to the question, in it.
  const asked = t.input.isPrivate ? languageAskedFor(text) : null;
  if (asked && !asked.yes) return hooks.setLanguage(asked.lang);
  if (asked?.yes) {
    await given.setLanguage(asked.lang);
    text = asked.yes;
  }
  const { state: s, lapsed: lapsedReport } = await readState(e, t);
  if (s === 'reset') return;
  // « oui » after a report lapsed answers its last question: the report is offered back (« reprendre ou laisser ? »), its old buttons still expired.
  if (lapsedReport && t.input.isPrivate && typedAnswer(text) === 'yes') return offerResume(e, t, { ...lapsedReport, nonce: newNonce() }, text);
  // « bonjour » hours after a report was left (within the day its buttons still answer it, and not offered back already):
  // greeted, and the report offered back, as within its first half hour; it was greeted with « quelle commande ? » as if
  // nothing had been said.
  // « alors ? », « allo ? », « vous êtes là ? » the same: the buyer chases the report they left (it was « je n'ai pas reconnu
  // de problème », and the list of all their orders, as if nothing had been said).
  const chases = !greetsOnly(text) && pings(text);
  if (lapsedReport && t.input.isPrivate && lapsedReport.pending === undefined && (greetsOnly(text) || chases) && offeredBack(lapsedReport, t.now)) {
    if (!chases) say(t, m('engine-welcome'));
    return offerResume(e, t, { ...lapsedReport, nonce: newNonce() }, text);
  }
  // « annuler », "stop", « tika », « acha » typed alone is the flow's Cancel button, never words to pass on.
  // « non en fait si » right after « laisse tomber »: the report just left, back where it was.
  if (!s && t.input.isPrivate && (await takeBackLeft(e, t, text))) return;
  const answer = typedAnswer(text);
  if (s && answer === 'cancel') {
    await e.conv.clear(t.input.platform, t.input.userId, t.input.conversationId);
    if (s.flow === 'report') await rememberLeft(e, t, s);
    return void say(t, m('engine-cancelled'));
  }
  // « annuler » right under « Rembourser 50 000 CDF ? » or the proof kinds (buttons, no flow): that offer is left, its buttons void.
  if (!s && answer === 'cancel' && (await voidOffered(e, t))) return void say(t, m('engine-cancelled'));
  // "stop", « laisse tomber » with nothing under way: nothing to leave (« annuler » alone may still mean the order).
  if (!s && answer === 'cancel' && t.input.isPrivate && classifyProblem(text) !== 'cancellation' && !(await subjectOfTurn(e, t))) {
    // « pas maintenant » right after « you may now take it to support » answers that.
    if (await notNowToNudge(e, t, text)) return;
    return void say(t, m('engine-nothing-to-cancel'));
  }
  // « aide », "menu": what the bot does, in a private chat; a flow under way stays where it is.
  if (answer === 'help' && t.input.isPrivate && !(await subjectOfTurn(e, t))) return void say(t, helpBody(t));
  // « je veux parler à un humain »: how support is reached, not « which order? » (a message being written to the seller stays one).
  // In the middle of a report (even where it asked what to tell the seller: « parler à un humain » is said to the bot, not
  // to the shop), the honest answer, then the report's question again where it was (not « dites-moi ce qui ne va pas »).
  if (asksForPerson(text) && t.input.isPrivate && t.account.roles.includes('buyer') && (!s || s.flow === 'report') && !(await subjectOfTurn(e, t))) {
    return s ? personDuringReport(e, t, s) : towardsSupport(e, t);
  }
  // Asked which case a photo goes to, « le sac » or « 1001 » typed names it as its button does.
  if (s?.flow === 'file') {
    const picked = await typedFileCase(e, t, s, text);
    if (picked) return onFileChoice(e, t, s, picked);
  }
  // A reply to a case's message (or to an order's messages) while a report is under way on another order: the reply is
  // what the words are about (« toujours rien reçu » under case C-1's card became a non-delivery on the report's order).
  // The words go to that case (or order), and the report's question is asked again where it was.
  if (s?.flow === 'report' && t.input.replyToMessageId && t.input.isPrivate && (await replyOutsideReport(e, t, s, text))) return showReportStep(e, t, s);
  if (s?.flow === 'report' && continuesDescription(s, text, t.now)) return joinDescription(e, t, s, text);
  if (s?.flow === 'report') return onReportText(e, t, s, text);
  if (s?.flow === 'case' && !leavesStep(s.step, text)) return onCaseInput(e, t, s, { text });
  if (s?.flow === 'case') {
    // Asked an amount or a tracking number, the user wrote a sentence instead: the question is left, the words are read.
    await e.conv.clear(t.input.platform, t.input.userId, t.input.conversationId);
    say(t, m('engine-step-left', { step: s.step, caseId: s.caseId }));
  }
  if (s?.flow === 'order') return onOrderReplyInput(e, t, s, { text });
  if (s?.flow === 'reinstate') return onReinstateText(e, t, s, text);
  const subject = await subjectOfTurn(e, t);
  // A reply to an order message of an order that has a case under way since: the words belong to that case.
  const caseId = subject && 'orderId' in subject ? await caseUnderWayOnOrder(e, t, subject.orderId) : subject?.caseId;
  if (subject && 'orderId' in subject && !caseId) return messageOnOrder(e, t, subject.orderId, { text });
  if (caseId) {
    if (await textInCaseThread(e, t, caseId, text)) return;
    return offerWhatWordsSay(e, t, caseId, text);
  }
  // Support's channel is for commands: a short hint instead of silence.
  if (t.input.isStaffChannel && t.account.roles.includes('support')) return void say(t, m('engine-staff-hint'));
  // In groups and channels the bot only answers what is addressed to it: commands, buttons, case threads.
  if (!t.input.isPrivate) return;
  // Paying outside Congocrea (« payez-moi directement par Airtel money ») is raised outside it too: kept here, and warned.
  const paysOutside = mentionsPayingOutside(text);
  const offPlatform = mentionsOffPlatform(text) || paysOutside;
  if (offPlatform) say(t, m('engine-keep-in-messages', { role: t.account.roles.includes('buyer') ? 'buyer' : 'seller' }));
  if (paysOutside) say(t, m('engine-pay-outside', { role: t.account.roles.includes('buyer') ? 'buyer' : 'seller' }));
  const roles = t.account.roles;
  // « svp réactivez ma boutique »: the reinstatement request SPEC has the bot open for a suspended seller.
  if (roles.includes('seller') && asksReinstatement(text)) return reinstatementInWords(e, t, text);
  // A buyer is never left at « not understood »: what they wrote starts a report, which asks what it lacks.
  if (roles.includes('buyer') && (!roles.includes('seller') || classifyProblem(text))) {
    // Soon after a message to a seller: thanks, « j'attends sa réponse », « c quoi la suite ? » answered about it; more
    // words right after (or the next part of a long one the client split) sent after it.
    if (!s && (await afterOrderMessage(e, t, text))) return;
    // After the seller's answer about an order: « il dit quoi ? » shows it; « d'accord, je le renvoie demain » is offered to him.
    if (!s && (await afterSellerAnswer(e, t, text))) return;
    // « toujours rien », « statut de mon litige ? », « merci » with a case under way: that case, not « which order? ».
    if (await aboutCaseUnderWay(e, t, text)) return;
    // Photos waiting for their case (a pick under way) go with the report this message starts: they are of it.
    return startReport(e, t, text, null, s?.flow === 'file' && !lapsedPick(s, t.now) ? { evidence: s.blobs.map((f) => f.blob) } : {});
  }
  // A seller's words outside any case have gone nowhere: which case to send them on, rather than a rule to learn.
  // What a seller asks the bot there (« combien de temps j'ai ? », « c quoi ce litige ?? », « bonjour »): answered, with the cases.
  if (roles.includes('seller') && !offPlatform && (await sellerOutsideCase(e, t, text))) return;
  if (roles.includes('seller') && (await sellerWordsOutsideCase(e, t, text))) return;
  if (!offPlatform) say(t, m('engine-fallback', { role: roles[0] ?? 'buyer' }));
}
