import { DateTime } from 'luxon';
import { isCaseReason } from '../../../domain/eligibility.js';
import { MAX_OPEN_EVIDENCE } from '../../../domain/decider.js';
import { ValidationError } from '../../../domain/errors.js';
import { cleanText } from '../../../domain/text.js';
import type { BlobRef, ProblemKind } from '../../../domain/types.js';
import type { Msg } from '../../../ports/notification.js';
import type { Choice } from '../../../ports/turn.js';
import { choice, hook, m, requireWho, say, type EngineCtx, type Turn } from '../context.js';
import { classifyProblem, findOrderIds } from '../intent.js';
import { newNonce, type ReportState } from '../state.js';
import { sayCard } from './case-thread.js';
import { askMessageForSeller, relayToSeller } from './seller-message.js';

/** Orders offered as buttons when the text names none. */
const ORDER_CHOICES = 6;
const REASONS: ProblemKind[] = ['non_delivery', 'not_as_described', 'wrong_size', 'cancellation', 'return_request', 'refund_request', 'other'];

// A delivery question takes the non-delivery path (eligibility answers with the order's dates) until the flow answers it itself.
const proposedKind = (k: ProblemKind | null): ProblemKind | null => (k === 'delivery_question' ? 'non_delivery' : k);

const save = (e: EngineCtx, t: Turn, s: ReportState) => e.conv.set(t.input.platform, t.input.userId, t.input.conversationId, s);
const clear = (e: EngineCtx, t: Turn) => e.conv.clear(t.input.platform, t.input.userId, t.input.conversationId);
const flowChoice = (e: EngineCtx, t: Turn, s: ReportState, v: string, label: Msg, style?: Choice['style']) =>
  choice(e, t, label, { k: 'flow', nonce: s.nonce, v }, style);
const cancelChoice = (e: EngineCtx, t: Turn, s: ReportState) => flowChoice(e, t, s, 'cancel', m('engine-choice-cancel'));

/** Starts a report from free text (or `/report`): the order, then the reason, then eligibility. */
export async function startReport(e: EngineCtx, t: Turn, text: string | null): Promise<void> {
  const who = requireWho(t);
  const s: ReportState = {
    flow: 'report',
    nonce: newNonce(),
    step: 'order',
    kind: text ? proposedKind(classifyProblem(text)) : null,
    orderId: null,
    reason: null,
    description: null,
    evidence: [],
  };
  const preface: Msg[] = [m('engine-report-intro')];
  const named = text ? findOrderIds(text) : [];
  for (const id of named) {
    const order = await e.deps.marketplace.order(id);
    // Someone else's order reads as unknown: order numbers are not secrets, but their buyers are.
    if (order && order.buyerId === who.accountId) {
      s.orderId = order.id;
      break;
    }
  }
  if (named.length > 0 && !s.orderId) preface.push(m('engine-report-order-unknown', { orderId: named[0]! }));
  if (s.orderId) {
    await orderSeen(e, s.orderId);
    return afterOrder(e, t, s, preface);
  }
  return askOrder(e, t, s, preface);
}

async function askOrder(e: EngineCtx, t: Turn, s: ReportState, preface: Msg[] = []): Promise<void> {
  const orders = (await e.deps.marketplace.ordersOfBuyer(requireWho(t).accountId)).slice(0, ORDER_CHOICES);
  if (orders.length === 0) {
    await clear(e, t);
    return void say(t, [...preface, m('engine-report-no-orders')]);
  }
  s.step = 'order';
  await save(e, t, s);
  const choices = await Promise.all(
    orders.map((o) =>
      flowChoice(e, t, s, `order:${o.id}`, m('engine-order-choice', { orderId: o.id, title: o.items[0]?.title ?? o.id, date: { date: o.placedAt } })),
    ),
  );
  choices.push(await cancelChoice(e, t, s));
  say(t, [...preface, m('engine-report-which-order')], { choices });
}

async function afterOrder(e: EngineCtx, t: Turn, s: ReportState, preface: Msg[] = []): Promise<void> {
  if (s.kind && s.kind !== 'other') {
    s.step = 'reason';
    await save(e, t, s);
    const choices = [
      await flowChoice(e, t, s, 'reason:yes', m('engine-choice-yes-reason'), 'primary'),
      await flowChoice(e, t, s, 'reason:other', m('engine-choice-no-reason')),
      await cancelChoice(e, t, s),
    ];
    return void say(t, [...preface, m('engine-report-reason-proposed', { reason: s.kind, orderId: s.orderId ?? '' })], { choices });
  }
  s.step = 'reason_pick';
  await save(e, t, s);
  const choices = await Promise.all(REASONS.map((r) => flowChoice(e, t, s, `reason:${r}`, m('engine-reason-choice', { reason: r }))));
  choices.push(await cancelChoice(e, t, s));
  say(t, [...preface, m('engine-report-reason-pick', { orderId: s.orderId ?? '' })], { choices });
}

/** The buyer is talking about this order: the deadlines code watches that its seller ships it. */
async function orderSeen(e: EngineCtx, orderId: string | null): Promise<void> {
  if (!orderId || !e.deps.onOrderSeen) return;
  const order = await e.deps.marketplace.order(orderId);
  const shop = order ? await e.deps.marketplace.shop(order.shopId) : null;
  if (order && shop) await hook(e, 'orderSeen', e.deps.onOrderSeen, order, shop);
}

async function chooseReason(e: EngineCtx, t: Turn, s: ReportState, reason: ProblemKind, preface: Msg[] = []): Promise<void> {
  s.reason = reason;
  if (!isCaseReason(reason)) {
    s.step = 'message';
    await save(e, t, s);
    return askMessageForSeller(e, t, s, true);
  }
  const who = requireWho(t);
  const r = await e.deps.cases.eligibility(who, s.orderId!);
  if (r.openCaseId) {
    await clear(e, t);
    const c = await e.deps.cases.get(who, r.openCaseId);
    return sayCard(e, t, c, 'buyer', [...preface, m('engine-report-case-exists', { caseId: r.openCaseId })]);
  }
  const el = r.eligibility;
  // `until` is exclusive (local midnight): people think in the last day they can still act.
  const lastDay = { date: new Date(Date.parse(el.until) - 1).toISOString() };
  const estimated = { date: DateTime.fromISO(el.estimatedDelivery, { zone: t.timezone }).toUTC().toISO() ?? el.from };
  const firstTime = s.step !== 'decide';
  s.step = 'decide';
  await save(e, t, s);
  // The deadlines code reminds the buyer before the window closes on an order they reported but did not open a case on.
  if (firstTime && el.code !== 'CASE_WINDOW_CLOSED') await e.deps.onOrderReported?.({ orderId: s.orderId!, buyerId: who.accountId, until: el.until });
  const message = await flowChoice(e, t, s, 'message', m('engine-choice-message-seller'), el.eligible ? 'primary' : undefined);
  if (!el.eligible) {
    const body =
      el.code === 'NOT_ELIGIBLE_YET'
        ? m('engine-report-not-yet', { from: { date: el.from }, estimated, basis: el.basis })
        : m('engine-report-window-closed', { lastDay, estimated });
    return void say(t, [...preface, body, m('engine-report-offer-message')], { choices: [message, await cancelChoice(e, t, s)] });
  }
  const open = await flowChoice(e, t, s, 'open', m('engine-choice-open-case'));
  say(t, [...preface, m('engine-report-eligible', { lastDay, reason }), m('engine-report-suggest-seller')], { choices: [message, open, await cancelChoice(e, t, s)] });
}

async function askPhotos(e: EngineCtx, t: Turn, s: ReportState, preface: Msg[] = []): Promise<void> {
  s.step = 'photos';
  await save(e, t, s);
  const done = await flowChoice(e, t, s, 'done', m(s.evidence.length ? 'engine-choice-photos-done' : 'engine-choice-no-photos'), 'primary');
  say(t, [...preface, m('engine-report-ask-photos', { max: MAX_OPEN_EVIDENCE })], { choices: [done, await cancelChoice(e, t, s)], expects: 'photo' });
}

async function askConfirm(e: EngineCtx, t: Turn, s: ReportState): Promise<void> {
  s.step = 'confirm';
  await save(e, t, s);
  const choices = [await flowChoice(e, t, s, 'confirm', m('engine-choice-open-case'), 'primary'), await cancelChoice(e, t, s)];
  say(t, m('engine-report-confirm', { orderId: s.orderId!, reason: s.reason!, description: s.description!, count: s.evidence.length }), { choices });
}

async function openCase(e: EngineCtx, t: Turn, s: ReportState): Promise<void> {
  if (!s.orderId || !s.reason || !isCaseReason(s.reason) || !s.description) return askConfirm(e, t, s);
  const who = requireWho(t);
  const { case: c } = await e.deps.cases.open(who, { orderId: s.orderId, reason: s.reason, description: s.description, evidence: s.evidence });
  await clear(e, t);
  await sayCard(e, t, c, 'buyer', [
    m('engine-report-opened', { caseId: c.id }),
    m('engine-report-next', { escalatableAt: { date: c.escalatableAt, style: 'datetime' }, duration: { duration: e.deps.policy.escalationAfter.toISO() ?? 'P3D' } }),
  ]);
}

/** A button of the report flow. Buttons of another step read as expired. */
export async function onReportChoice(e: EngineCtx, t: Turn, s: ReportState, v: string): Promise<void> {
  if (v === 'cancel') {
    await clear(e, t);
    return void say(t, m('engine-cancelled'));
  }
  if (s.step === 'order' && v.startsWith('order:')) {
    const order = await e.deps.marketplace.order(v.slice('order:'.length));
    if (!order || order.buyerId !== requireWho(t).accountId) throw new ValidationError('ACTION_INVALID');
    s.orderId = order.id;
    await orderSeen(e, order.id);
    return afterOrder(e, t, s);
  }
  if (s.step === 'reason' && v === 'reason:yes' && s.kind) return chooseReason(e, t, s, s.kind);
  if (s.step === 'reason' && v === 'reason:other') return afterOrder(e, t, { ...s, kind: null });
  if (s.step === 'reason_pick' && v.startsWith('reason:')) {
    const r = v.slice('reason:'.length) as ProblemKind;
    if (REASONS.includes(r)) return chooseReason(e, t, s, r);
  }
  if (s.step === 'decide' && v === 'message') {
    s.step = 'message';
    await save(e, t, s);
    return askMessageForSeller(e, t, s, false);
  }
  if (s.step === 'decide' && v === 'open') {
    s.step = 'description';
    await save(e, t, s);
    return void say(t, m('engine-report-ask-description'), { expects: 'description', choices: [await cancelChoice(e, t, s)] });
  }
  if (s.step === 'photos' && v === 'done') return askConfirm(e, t, s);
  if (s.step === 'confirm' && v === 'confirm') return openCase(e, t, s);
  throw new ValidationError('ACTION_EXPIRED', 'button of another step');
}

/** Typed text while a report is under way. */
export async function onReportText(e: EngineCtx, t: Turn, s: ReportState, text: string): Promise<void> {
  switch (s.step) {
    case 'description':
      s.description = cleanText(text);
      return askPhotos(e, t, s);
    case 'message':
      return relayToSeller(e, t, s, text);
    case 'photos':
      return askPhotos(e, t, s, [m('engine-report-photos-or-done')]);
    case 'order': {
      const [id] = findOrderIds(text);
      if (id) return startReport(e, t, text);
      return askOrder(e, t, s, [m('engine-report-use-buttons')]);
    }
    case 'reason':
    case 'reason_pick': {
      // A new description of the problem is a better guess than the first one: propose it.
      const kind = proposedKind(classifyProblem(text));
      if (kind && kind !== 'other') return afterOrder(e, t, { ...s, kind });
      return afterOrder(e, t, s, [m('engine-report-use-buttons')]);
    }
    case 'decide':
      return chooseReason(e, t, s, s.reason!, [m('engine-report-use-buttons')]);
    case 'confirm':
      return askConfirm(e, t, s);
    default: {
      const never: never = s.step;
      return never;
    }
  }
}

/** A photo or file while a report is under way: evidence for the case about to be opened. */
export async function onReportFile(e: EngineCtx, t: Turn, s: ReportState, blob: BlobRef, caption: string | undefined): Promise<boolean> {
  if (s.step !== 'photos' && s.step !== 'description') return false;
  if (s.evidence.length >= MAX_OPEN_EVIDENCE) throw new ValidationError('INPUT_TOO_LARGE', undefined, { max: MAX_OPEN_EVIDENCE });
  s.evidence.push(blob);
  if (s.step === 'description') {
    if (caption?.trim()) {
      s.description = cleanText(caption);
      await askPhotos(e, t, s, [m('engine-report-photo-added', { count: s.evidence.length })]);
    } else {
      await save(e, t, s);
      say(t, [m('engine-report-photo-added', { count: s.evidence.length }), m('engine-report-ask-description')], { expects: 'description' });
    }
    return true;
  }
  await askPhotos(e, t, s, [m('engine-report-photo-added', { count: s.evidence.length })]);
  return true;
}
