import { allowedCommands, DECIDED_BY_SUPPORT } from '../../../domain/decider.js';
import type { Case, CaseCommand, CaseEvent } from '../../../domain/case-model.js';
import { ForbiddenError, NotFoundError } from '../../../domain/errors.js';
import type { BlobRef, EvidenceKind } from '../../../domain/types.js';
import type { Msg } from '../../../ports/notification.js';
import { buildCard, type ViewerRole } from '../cards.js';
import { closedCaseSlots, m, requireWho, say, type EarlyReads, type EngineCtx, type Turn } from '../context.js';
import type { TurnInput } from '../../../ports/turn.js';
import { classifyProblem, mentionsOffPlatform, threatensInWords } from '../intent.js';
import { contestsClosing } from '../typed-answers.js';
import { answerToBot } from './bot-answers.js';
import { expiredEvidence } from '../../../domain/retention.js';
import { orderOfSubject } from '../../../ports/threads.js';
import type { CaseRead } from '../../case-service.js';
import { placeArgs } from '../../notifications.js';
import { SUPPORT_OWNER } from '../actions.js';

/** What a message is about: a case, or an order's messages without a case (a reply to a relayed order message). */
export type Subject = { caseId: string } | { orderId: string };

/** The subject of a message: a reply to a case (or order) message, or a message in a case's thread. */
export async function subjectOfTurn(e: EngineCtx, t: Turn): Promise<Subject | null> {
  const early = t.early?.subject;
  if (early) {
    t.early!.subject = undefined;
    return early;
  }
  return lookUpSubject(e, t.input);
}

/**
 * Starts the subject's look-up with the turn's first reads, and, once it and the account are known, the read of the
 * case it names as that account sees it (what `caseForTurn` reads first), so that these reads share round trips with
 * the others. Failures are left for the look that takes them.
 */
export function prefetchSubject(e: EngineCtx, input: TurnInput, early: EarlyReads): void {
  // Where the store can, the replied-to message's entry and the case it names are read in one step.
  const reply = followReply(e, input);
  reply?.catch(() => undefined);
  const subject = lookUpSubject(e, input, reply?.then((r) => r.id));
  subject.catch(() => undefined);
  early.subject = subject;
  // With a guess at the account, the case is read as soon as its id is known (the link read alongside confirms the
  // guess or the read is dropped); else once the link names the account.
  const account = early.guess !== undefined ? Promise.resolve(early.guess) : early.link.then((l) => l?.accountId ?? null);
  void Promise.all([subject, account, reply]).then(
    ([s, accountId, r]) => {
      if (!s || !('caseId' in s) || !accountId || early.caseLoad) return;
      // The case read with the entry is checked by `get` for this account like any other.
      const read = r?.read?.caseId === s.caseId ? { read: r.read } : undefined;
      const got = e.deps.cases.get({ accountId, platform: input.platform }, s.caseId, read);
      got.catch(() => undefined);
      early.caseLoad = { caseId: s.caseId, accountId, got };
    },
    () => undefined,
  );
}

/**
 * The replied-to message's subject (what `caseOfMessage` answers) with the case it names read in the same step
 * (ThreadRegistry.messageEntry, CaseService.readAt), or undefined where that cannot be done or is not needed (no
 * reply, the registry knows the subject without a read).
 */
function followReply(e: EngineCtx, input: TurnInput): Promise<{ id: string | null; read: CaseRead | null }> | undefined {
  const { threads, cases } = e.deps;
  const { platform, conversationId, replyToMessageId } = input;
  if (!replyToMessageId || !threads.messageEntry || !cases.readAt) return undefined;
  const entry = threads.messageEntry(platform, conversationId, replyToMessageId);
  if ('known' in entry) return undefined;
  return cases.readAt(entry.at).then(async ({ subject, read }) => {
    const id = await entry.answer(subject);
    return { id, read: id === subject ? read : null };
  });
}

/** `ofReply`: the replied-to message's subject, looked up already (see followReply). */
async function lookUpSubject(e: EngineCtx, input: TurnInput, ofReply?: Promise<string | null>): Promise<Subject | null> {
  const { threads } = e.deps;
  const { platform, conversationId, threadId, replyToMessageId } = input;
  if (replyToMessageId) {
    const id = await (ofReply ?? threads.caseOfMessage(platform, conversationId, replyToMessageId));
    const orderId = id ? orderOfSubject(id) : null;
    if (orderId) return { orderId };
    if (id) return { caseId: id };
  }
  // Adapters name thread addresses their own way: the thread id, `<conversation>/<thread>`, or the
  // conversation itself where a thread is a conversation of its own (Discord threads, Teams reply chains).
  const addresses = threadId ? [threadId, `${conversationId}/${threadId}`, conversationId] : [conversationId];
  for (const address of addresses) {
    const id = await threads.caseOfThread(platform, address);
    if (id) return { caseId: id };
  }
  return null;
}

/** The case a message belongs to: a reply to a case message, or a message in a case's thread. */
export async function caseOfTurn(e: EngineCtx, t: Turn): Promise<string | null> {
  const subject = await subjectOfTurn(e, t);
  return subject && 'caseId' in subject ? subject.caseId : null;
}

/** Loads a case the user may see, with their role on it. Support acts only from the staff channel or the web. */
export async function caseForTurn(e: EngineCtx, t: Turn, caseId: string): Promise<{ c: Case; role: ViewerRole }> {
  const who = requireWho(t);
  const early = t.early?.caseLoad;
  if (early) t.early!.caseLoad = undefined;
  const c = await (early && early.caseId === caseId && early.accountId === who.accountId ? early.got : e.deps.cases.get(who, caseId));
  const role = await e.deps.cases.roleOn(who, c);
  if (!role) throw new NotFoundError('NOT_YOUR_CASE', undefined, { caseId });
  if (role === 'support' && !t.staff) throw new ForbiddenError('SUPPORT_ONLY');
  return { c, role };
}

/** The owner case-card buttons are bound to for a viewer: support cards serve the whole team. */
export const cardOwner = (t: Turn, role: ViewerRole): string => (role === 'support' ? SUPPORT_OWNER : t.owner);

/** Adds a reply with the case card for the viewer, after `body`. */
export async function sayCard(e: EngineCtx, t: Turn, c: Case, role: ViewerRole, body: Msg[] = []): Promise<void> {
  const card = await buildCard({ marketplace: e.deps.marketplace, tokens: e.tokens, policy: e.deps.policy, languageDetector: e.deps.languageDetector }, c, role, cardOwner(t, role), t.now);
  // After a button, the card shown earlier is out of date: platforms that can edit replace it in place.
  const out = say(t, body, { card, caseId: c.id, ...(t.input.content.type === 'action' ? { replaceKey: `case-card:${c.id}` } : {}) });
  // A closed case's card comes without buttons: the ones this user still has on the case elsewhere in the chat go too.
  if (c.status === 'closed') out.clearSlots = closedCaseSlots(c.id, cardOwner(t, role), out.slot);
}

function trackingStatus(ev: { delivered: boolean; mismatch: boolean; unknownToCarrier?: true }): 'mismatch' | 'delivered' | 'in_transit' | 'unknown' {
  return ev.mismatch ? 'mismatch' : ev.delivered ? 'delivered' : ev.unknownToCarrier ? 'unknown' : 'in_transit';
}

/** What the actor is told about events they just caused. */
function outcome(events: CaseEvent[], role: ViewerRole, c: Case): Msg[] {
  // Once escalated, support follows the case and reads what the parties send (src/app/notifications.ts).
  const followed = c.timeline.some((e) => e.type === 'escalated');
  const other = role === 'buyer' ? 'seller' : 'buyer';
  const to = role === 'support' ? 'parties' : followed ? `${other}_support` : other;
  return events.flatMap((ev): Msg[] => {
    switch (ev.type) {
      case 'comment':
        return [m(ev.correctionOf ? 'engine-done-correction' : 'engine-done-comment', { to })];
      case 'evidence':
        return [
          m('engine-done-evidence', { to }),
          ...(ev.addressMatches === false ? [m('engine-done-proof-mismatch')] : []),
        ];
      case 'tracking':
        return [m('engine-done-tracking', { carrier: ev.carrier, number: ev.number, status: trackingStatus(ev), ...placeArgs(ev.deliveredTo ?? undefined) })];
      case 'refund':
        return [m('engine-done-refund', { amount: { money: ev.amount }, full: ev.full ? 'yes' : 'no', recover: ev.recover ? 'yes' : 'no' })];
      case 'escalated':
        return [m('engine-done-escalated', { role })];
      case 'info_requested':
        return [m('engine-done-ask', { from: ev.from })];
      case 'note':
        return [m('engine-done-note')];
      case 'support_requested':
        return [m('engine-done-support-requested')];
      case 'closed':
        return [m('engine-done-closed', { resolution: ev.resolution })];
      case 'reopened':
        return [m('engine-done-reopened')];
      case 'assigned':
        return [m('desk-done-assigned')];
      case 'released':
        return [m('desk-done-released')];
      case 'verification_requested':
        return [m('engine-done-verification-requested', { caseId: c.id })];
      case 'opened':
      case 'info_provided':
      case 'reminder':
      case 'late_delivery':
      case 'evidence_expired':
        return [];
      default: {
        const never: never = ev;
        return never;
      }
    }
  });
}

/** A place as one line (`Goma, CD`), empty when unknown. */
export function placeText(place: { city?: string; postalCode?: string; country?: string } | undefined): string {
  return place ? [place.postalCode, place.city, place.country].filter((p) => p && p.trim()).join(', ') : '';
}

/**
 * Runs a command on a case as this turn's user and answers with what happened (and the card when it matters).
 * `known`: what `caseForTurn` gave this turn already, so the case is not loaded and checked again here; the
 * case service still checks access on the case it decides on.
 */
export async function actOnCase(e: EngineCtx, t: Turn, caseId: string, cmd: CaseCommand, known?: { c: Case; role: ViewerRole }): Promise<void> {
  const { c, role } = known ?? (await caseForTurn(e, t, caseId));
  // A comment or a file needs no card: the conversation goes on where it is, and the change is the whole outcome of
  // the turn (no button issued after it), so the store may record the inbound event as handled in the same write.
  const plain = cmd.type === 'Comment' || cmd.type === 'AddEvidence' || cmd.type === 'Note' || cmd.type === 'RequestSupport';
  const result = await e.deps.cases.act(requireWho(t), caseId, cmd, { loaded: c, ...(plain ? { markInbound: true } : {}) });
  const body = outcome(result.events, role, result.case);
  if (plain) say(t, body, { caseId });
  else await sayCard(e, t, result.case, role, body);
}

/** The chat message a turn's words came in, as a comment keeps it (`<conversation>:<message id>`); null where the platform gives no id. */
export const messageRefOf = (input: TurnInput): string | null => (input.messageId ? `${input.conversationId}:${input.messageId}` : null);

/** A party's words relayed as a comment, naming the message they came in: an edit of it is relayed as a correction. */
export async function commentOnCase(e: EngineCtx, t: Turn, caseId: string, text: string, known?: { c: Case; role: ViewerRole }): Promise<void> {
  const ref = messageRefOf(t.input);
  const threat = threatensInWords(text);
  await actOnCase(e, t, caseId, { type: 'Comment', text, ...(ref ? { messageRef: ref } : {}), ...(threat ? { alarm: 'threat' as const } : {}) }, known);
  // Nothing behind the writer's back: they learn that support was told of their words.
  if (threat) say(t, m('engine-threat-told-support', { caseId }));
}

/**
 * Text written in a case's thread: a comment to the other party, or an internal note from support's
 * staff thread. A party who says they used e-mail or the phone is asked to keep it in messages.
 * True when the words were said to the bot and answered (nothing more to read in them).
 */
export async function textInCaseThread(e: EngineCtx, t: Turn, caseId: string, text: string): Promise<boolean> {
  const known = await caseForTurn(e, t, caseId);
  const { role, c } = known;
  // Words to the other party on a closed case go nowhere: say so, with how it closed (the card shows the rest).
  if (role !== 'support' && c.status === 'closed') {
    const notSent = m('engine-closed-not-sent', { caseId: c.id, resolution: c.resolution ?? 'none', to: role === 'buyer' ? 'seller' : 'buyer' });
    // A buyer who may still contest the closing (« c'est faux, rien reçu ») gets the card with its button.
    if (role === 'buyer' && allowedCommands(c, 'buyer', t.now, e.deps.policy).includes('RequestVerification')) await sayCard(e, t, c, role, [notSent]);
    // One who disputes support's decision (« c pas juste ») is told it is not contested here, and who to write to.
    else if (role === 'buyer' && decidedBySupport(c) && disputesClosing(c, text)) await sayCard(e, t, c, role, [notSent, m('error-not-contestable', { resolution: c.resolution ?? 'none' })]);
    else say(t, notSent, { caseId: c.id });
    return false;
  }
  // Words said to the bot about what it brought (« oui transmettez » to the escalation nudge, « qui êtes-vous ? » to a
  // reminder) are answered, not relayed.
  if (role !== 'support' && t.input.isPrivate && (await answerToBot(e, t, c, role, text, true))) return true;
  if (role === 'support') await actOnCase(e, t, caseId, { type: 'Note', text }, known);
  else await commentOnCase(e, t, caseId, text, known);
  if (role !== 'support' && mentionsOffPlatform(text)) say(t, m('engine-keep-in-messages', { role }));
  return false;
}

/** Closed by support's decision (for the seller, or a refund support made): not contested with a button. */
export const decidedBySupport = (c: Case): boolean => c.resolution !== null && DECIDED_BY_SUPPORT.includes(c.resolution);

/** The words dispute the closing (« je conteste », « c pas juste »), or state again the problem the case was about. */
export function disputesClosing(c: Case, text: string): boolean {
  const kind = classifyProblem(text);
  return contestsClosing(text) || kind === c.reason || (kind === 'delivery_question' && c.reason === 'non_delivery');
}

/** A file sent in a case's thread (or after an Add photo / Add proof button): evidence on the case. */
export async function fileOnCase(e: EngineCtx, t: Turn, caseId: string, blob: BlobRef, caption: string | undefined, kind?: EvidenceKind): Promise<void> {
  const evidenceKind: EvidenceKind = kind ?? (blob.contentType.startsWith('image/') ? 'photo' : 'file');
  await actOnCase(e, t, caseId, { type: 'AddEvidence', kind: evidenceKind, blob, ...(caption?.trim() ? { caption } : {}) });
}

/** `/case <id>`: the whole timeline (notes included) for support, the card for the parties. */
export async function showCase(e: EngineCtx, t: Turn, caseId: string): Promise<void> {
  const { c, role } = await caseForTurn(e, t, caseId);
  if (role === 'support') say(t, [m('engine-timeline-title', { caseId: c.id, count: c.timeline.length }), ...timeline(c)], { caseId: c.id });
  await sayCard(e, t, c, role);
}

/** Most recent entries shown by `/case` to support; the admin API has the rest. */
const TIMELINE_MAX = 40;
const TIMELINE_TEXT_MAX = 300;

function timeline(c: Case): Msg[] {
  const clip = (s: string) => ([...s].length > TIMELINE_TEXT_MAX ? `${[...s].slice(0, TIMELINE_TEXT_MAX - 1).join('')}…` : s);
  const expired = expiredEvidence(c);
  return c.timeline.slice(-TIMELINE_MAX).map((ev) => {
    const base = { at: { date: ev.at, style: 'datetime' as const }, role: ev.actor.role, platform: ev.actor.platform };
    switch (ev.type) {
      case 'opened':
        return m('engine-timeline-opened', { ...base, reason: ev.reason, text: clip(ev.description) });
      case 'comment':
        if (ev.correctionOf) return m('engine-timeline-correction', { ...base, sentAt: { date: ev.correctionOf, style: 'datetime' }, text: clip(ev.text) });
        return m('engine-timeline-comment', { ...base, text: clip(ev.text) });
      case 'note':
      case 'info_provided':
        return m(`engine-timeline-${ev.type.replace('_', '-')}`, { ...base, text: clip(ev.text) });
      case 'evidence':
        if (ev.blob && expired.has(ev.blob.id)) return m('evidence-timeline-file-expired', { ...base, kind: ev.kind, expiredAt: { date: expired.get(ev.blob.id)!, style: 'date' } });
        return m('engine-timeline-evidence', {
          ...base,
          kind: ev.kind,
          matches: ev.addressMatches == null ? 'unknown' : ev.addressMatches ? 'yes' : 'no',
          place: placeText(ev.shippedTo),
          placeKnown: placeText(ev.shippedTo) ? 'yes' : 'no',
        });
      case 'support_requested':
        return m('engine-timeline-support-requested', { ...base, text: clip(ev.text) });
      case 'tracking':
        return m('engine-timeline-tracking', { ...base, carrier: ev.carrier, number: ev.number, status: trackingStatus(ev) });
      case 'refund':
        return m('engine-timeline-refund', { ...base, amount: { money: ev.amount }, recover: ev.recover ? 'yes' : 'no' });
      case 'escalated':
        return m('engine-timeline-escalated', { ...base, ground: ev.ground ?? 'none' });
      case 'info_requested':
        return m('engine-timeline-info-requested', { ...base, from: ev.from, text: clip(ev.text) });
      case 'reminder':
        return m('engine-timeline-reminder', { ...base, to: ev.to, nudge: ev.nudge });
      // Support's explanation of a decision or a reopening is part of the history it reads.
      case 'closed':
        return m('engine-timeline-closed', { ...base, resolution: ev.resolution, text: clip(ev.text ?? ''), withText: ev.text ? 'yes' : 'no' });
      case 'reopened':
        return m('engine-timeline-reopened', { ...base, text: clip(ev.text ?? ''), withText: ev.text ? 'yes' : 'no' });
      case 'late_delivery':
        return m('engine-timeline-late-delivery', base);
      case 'assigned':
        return m('desk-timeline-assigned', { ...base, owner: ev.ownerName });
      case 'released':
        return m('desk-timeline-released', base);
      case 'verification_requested':
        return m('engine-timeline-verification-requested', { ...base, resolution: ev.resolution, text: clip(ev.text ?? '') });
      case 'evidence_expired':
        return m('evidence-timeline-expired', { ...base, count: ev.blobIds.length });
      default: {
        const never: never = ev;
        return never;
      }
    }
  });
}
