import type { Case, CaseCommand, CaseCommandType } from '../../../domain/case-model.js';
import { allowedCommands, decide, mayRequestSupport, PROOF_OF_SHIPPING } from '../../../domain/decider.js';
import { ConflictError, isPalabreError, NotFoundError, PalabreError, ValidationError } from '../../../domain/errors.js';
import { ESCALATION_GROUNDS, type EvidenceKind } from '../../../domain/types.js';
import { readAmount } from '../../format.js';
import type { Msg } from '../../../ports/notification.js';
import type { Choice } from '../../../ports/turn.js';
import { onceKey, SUPPORT_OWNER, type ActionPayload, type CaseOp } from '../actions.js';
import { groundOf } from '../support-words.js';
import { m, requireWho, say, type EngineCtx, type Turn } from '../context.js';
import { newNonce, type CaseInputState } from '../state.js';
import { asksForMoreTime, asksToClose, bareTrackingNumber, deliveryClaimedInWords, labelledTrackingNumber, refundInWords, refundOutsideInWords, trackingInWords } from '../seller-words.js';
import { asksForPerson } from '../typed-answers.js';
import { actOnCase, caseForTurn, cardOwner, commentOnCase, fileOnCase, sayCard } from './case-thread.js';
import { takeCase } from './desk.js';
import { askProofAddress, onProofText } from './proof.js';
import { casesUnderWay } from './open-cases.js';
import { MAX_TEXT_LENGTH } from '../../../domain/text.js';

type CasePayload = Extract<ActionPayload, { k: 'case' }>;
type Role = 'buyer' | 'seller' | 'support';

/** The command a card button leads to, to check it still applies before asking or doing anything. */
function commandOf(op: CaseOp, role: Role): CaseCommandType | 'RequestSupport' | null {
  switch (op) {
    case 'view':
      return null;
    case 'reply':
      return 'Comment';
    case 'photo':
    case 'proof':
      return 'AddEvidence';
    case 'close':
      return 'BuyerClose';
    case 'escalate':
      return 'Escalate';
    case 'refund_full':
    case 'refund_partial':
      return 'Refund';
    case 'tracking':
      return 'AddTracking';
    case 'decide':
      return 'DecideForSeller';
    case 'decide_buyer':
      return 'DecideForBuyer';
    case 'reopen':
      return 'Reopen';
    case 'ask_buyer':
    case 'ask_seller':
      return 'AskInfo';
    case 'note':
      return 'Note';
    case 'support':
      return 'RequestSupport';
    case 'verify':
      return role === 'buyer' ? 'RequestVerification' : null;
    case 'take':
      return role === 'support' ? 'Take' : null;
    default: {
      const never: never = op;
      return never;
    }
  }
}

/** Whether `op` still applies to the case as it is now, for this viewer. */
function stillApplies(e: EngineCtx, t: Turn, c: Case, role: Role, op: CaseOp): boolean {
  const type = commandOf(op, role);
  if (type === null) return op === 'view';
  if (type === 'RequestSupport') return mayRequestSupport(c, role, t.now);
  return allowedCommands(c, role, t.now, e.deps.policy).includes(type);
}

/** A button pressed after the case changed: say what changed, nothing done, and show the card as it is now. */
async function sayStale(e: EngineCtx, t: Turn, c: Case, role: Role): Promise<void> {
  t.retirePressed = true;
  const state = c.status === 'closed' ? 'closed' : c.status === 'escalated' ? 'escalated' : 'other';
  const at = c.status === 'closed' ? c.closedAt : c.escalatedAt;
  const msg = m('engine-stale-button', {
    caseId: c.id,
    state,
    status: c.status,
    resolution: c.resolution ?? 'none',
    at: at ? { date: at, style: 'datetime' } : '',
  });
  await sayCard(e, t, c, role, [msg]);
}

/** A case-card button pressed (or a confirmation after one), from any platform the account linked. */
export async function runCaseOp(e: EngineCtx, t: Turn, p: CasePayload): Promise<void> {
  const { c, role } = await caseForTurn(e, t, p.caseId);
  // One confirmation's buttons are spent by their first press: a second press changes nothing.
  if (p.once) await spendOnce(e, p.once, 'confirmation');
  if (!stillApplies(e, t, c, role, p.op)) return sayStale(e, t, c, role);
  const owner = cardOwner(t, role);
  const button = async (label: string, next: Omit<CasePayload, 'k' | 'caseId'>, style?: Choice['style']): Promise<Choice> => {
    const token = await e.tokens.issue(owner, { k: 'case', caseId: c.id, ...next });
    return style ? { label: m(label), token, style } : { label: m(label), token };
  };
  const ask = async (step: CaseInputState['step'], prompt: string, expects: 'text' | 'photo' | 'amount' | 'tracking', extra: Partial<CaseInputState> = {}) => {
    await e.conv.set(t.input.platform, t.input.userId, t.input.conversationId, { flow: 'case', nonce: newNonce(), step, caseId: c.id, ...extra });
    say(t, m(prompt, { caseId: c.id, remaining: { money: { amount: c.orderTotal.amount - c.refunded.amount, currency: c.orderTotal.currency } } }), {
      caseId: c.id,
      expects,
    });
  };
  const known = { c, role };
  const text = p.text ? { text: p.text } : {};

  switch (p.op) {
    case 'view':
      return sayCard(e, t, c, role);
    case 'photo':
      return ask('photo', 'engine-ask-photo', 'photo', { kind: 'photo' });
    case 'proof': {
      if (p.arg && (PROOF_OF_SHIPPING as readonly string[]).includes(p.arg)) {
        return ask('photo', 'engine-ask-proof-file', 'photo', { kind: p.arg as EvidenceKind });
      }
      const once = await newOnce(e, t);
      const choices = await Promise.all(PROOF_OF_SHIPPING.map((k) => button(`engine-proof-${k.replace(/_/g, '-')}`, { op: 'proof', arg: k, once })));
      return void say(t, m('engine-ask-proof-kind', { caseId: c.id }), { caseId: c.id, choices });
    }
    case 'close':
      if (p.arg === 'yes') return actOnCase(e, t, c.id, { type: 'BuyerClose' }, known);
      return propose(e, t, c, role, { op: 'close' });
    case 'escalate':
      if (role === 'support') {
        const ground = groundOf(p.arg);
        if (ground) return actOnCase(e, t, c.id, { type: 'Escalate', ground }, known);
        return askGround(e, t, c);
      }
      if (p.arg === 'yes') return actOnCase(e, t, c.id, { type: 'Escalate' }, known);
      return propose(e, t, c, role, { op: 'escalate' });
    case 'refund_full':
    case 'refund_partial': {
      if (p.arg === 'yes') {
        const amount = p.amount ? { amount: p.amount, currency: c.orderTotal.currency } : undefined;
        return actOnCase(e, t, c.id, { type: 'Refund', ...(amount ? { amount } : {}), ...(role === 'support' ? { recover: p.recover ?? false } : {}) }, known);
      }
      if (p.op === 'refund_partial' && p.amount === undefined) return ask('amount', 'engine-ask-amount', 'amount');
      return propose(e, t, c, role, { op: 'refund', ...(p.amount !== undefined ? { amount: p.amount } : {}), ...(p.recover !== undefined ? { recover: p.recover } : {}) });
    }
    case 'tracking': {
      // « Ajouter le suivi DHL … » offered after the seller's words: the carrier and number are on the button.
      const [carrier, ...rest] = (p.text ?? '').split(/\s+/).filter(Boolean);
      if (carrier && rest.length) return addTracking(e, t, c.id, carrier, rest.join(''));
      // A number the seller wrote alone (« JD0150 »): only its carrier is asked.
      if (carrier) {
        await e.conv.set(t.input.platform, t.input.userId, t.input.conversationId, { flow: 'case', nonce: newNonce(), step: 'tracking', caseId: c.id, number: carrier });
        return void say(t, m('engine-ask-carrier', { caseId: c.id, number: carrier }), { caseId: c.id, expects: 'tracking' });
      }
      return ask('tracking', 'engine-ask-tracking', 'tracking');
    }
    case 'decide':
      if (p.arg === 'yes') return actOnCase(e, t, c.id, { type: 'DecideForSeller', ...text }, known);
      return propose(e, t, c, role, { op: 'decide', ...text });
    case 'decide_buyer':
      if (p.arg === 'yes') return actOnCase(e, t, c.id, { type: 'DecideForBuyer', recover: p.recover ?? false, ...text }, known);
      return propose(e, t, c, role, { op: 'decide_buyer', ...text, ...(p.recover !== undefined ? { recover: p.recover } : {}) });
    case 'reopen':
      if (p.arg === 'yes') return actOnCase(e, t, c.id, { type: 'Reopen', ...text }, known);
      return propose(e, t, c, role, { op: 'reopen', ...text });
    case 'verify':
      if (p.arg === 'yes') return actOnCase(e, t, c.id, { type: 'RequestVerification' }, known);
      return propose(e, t, c, role, { op: 'verify' });
    case 'ask_buyer':
    case 'ask_seller':
      return ask('ask', 'engine-ask-question', 'text', { from: p.op === 'ask_buyer' ? 'buyer' : 'seller' });
    case 'note':
      return ask('note', 'engine-ask-note', 'text');
    case 'support':
      return ask('support', 'engine-ask-support', 'text');
    case 'take':
      return takeCase(e, t, c.id);
    case 'reply':
      // « Envoyer à l’acheteur » under words the seller wrote outside any case: they go now, as written.
      if (p.text) {
        await actOnCase(e, t, c.id, { type: 'Comment', text: p.text }, known);
        return offerWhatWordsSay(e, t, c.id, p.text);
      }
      await e.conv.set(t.input.platform, t.input.userId, t.input.conversationId, { flow: 'case', nonce: newNonce(), step: 'comment', caseId: c.id });
      // Support asked this party a question: the answer reaches support too, and the prompt says so.
      const support = c.infoRequested?.from === role ? 'yes' : 'no';
      return void say(t, m('engine-ask-reply', { caseId: c.id, to: role === 'buyer' ? 'seller' : 'buyer', support }), { caseId: c.id, expects: 'text' });
    default: {
      const never: never = p.op;
      return never;
    }
  }
}

/** Where a conversation's last offered single-use button groups are kept, for /cancel to void them. */
const voidedKey = (once: string) => `engine:voided:${once}`;
const offeredKey = (t: Turn) => `engine:offered:${t.input.platform}:${t.input.userId}:${t.input.conversationId}`;

/**
 * A fresh group of single-use buttons (one confirmation, one set of grounds), remembered as what this conversation was
 * last offered: a « /cancel » or « annuler » after « Rembourser 50 000 CDF ? » voids it (`voidOffered`).
 */
export async function newOnce(e: EngineCtx, t: Turn): Promise<string> {
  const once = newNonce();
  const ttl = e.deps.actionTtlMs ?? 30 * 24 * 3600 * 1000;
  t.onces = [...(t.onces ?? []), once];
  await Promise.all([e.deps.kv.set(onceKey(once), 1, ttl), e.deps.kv.set(offeredKey(t), t.onces, ttl)]);
  return once;
}

/**
 * Voids the single-use buttons the conversation was last offered and not yet answered (a confirmation, the proof kinds,
 * « Envoyer au vendeur »): true when one was still open. Pressed later, they say the choice is no longer open.
 */
export async function voidOffered(e: EngineCtx, t: Turn): Promise<boolean> {
  const onces = await e.deps.kv.get<string[]>(offeredKey(t));
  if (!Array.isArray(onces) || onces.length === 0) return false;
  const ttl = e.deps.actionTtlMs ?? 30 * 24 * 3600 * 1000;
  const voided = await Promise.all([
    ...onces.map(async (o) => (await e.deps.kv.delete(onceKey(o))) && (await e.deps.kv.set(voidedKey(o), 1, ttl), true)),
    e.deps.kv.delete(offeredKey(t)).then(() => false),
  ]);
  return voided.some(Boolean);
}

/** Spends a single-use button group at its press: refused as already answered, or as left with /cancel. */
export async function spendOnce(e: EngineCtx, once: string, what: string): Promise<void> {
  if (await e.deps.kv.delete(onceKey(once))) return;
  if ((await e.deps.kv.get(voidedKey(once))) !== undefined) throw new ValidationError('ACTION_CANCELLED', `${what}: left with /cancel`);
  throw new ValidationError('ACTION_USED', `${what} already answered`);
}

/** Support names the ground of an early escalation with a button. */
export async function askGround(e: EngineCtx, t: Turn, c: Case, typed?: string): Promise<void> {
  const once = await newOnce(e, t);
  const choices = await Promise.all(
    ESCALATION_GROUNDS.map(async (g) => ({
      label: m(`engine-ground-${g}`),
      token: await e.tokens.issue(SUPPORT_OWNER, { k: 'case', caseId: c.id, op: 'escalate', arg: g, once }),
    })),
  );
  const body = typed ? [m('engine-ground-unknown', { typed }), m('engine-ask-ground', { caseId: c.id })] : [m('engine-ask-ground', { caseId: c.id })];
  say(t, body, { caseId: c.id, choices });
}

/** What a money or closing action will do, before it is done. */
export type Proposal =
  | { op: 'refund'; amount?: number; recover?: boolean }
  | { op: 'decide'; text?: string }
  | { op: 'decide_buyer'; text?: string; recover?: boolean }
  | { op: 'close' }
  | { op: 'reopen'; text?: string }
  | { op: 'escalate' }
  | { op: 'verify' };

/** The command a proposal stands for, as the confirmation will run it. */
function proposedCommand(p: Proposal, c: Case): CaseCommand {
  switch (p.op) {
    case 'refund':
      return { type: 'Refund', ...(p.amount !== undefined ? { amount: { amount: p.amount, currency: c.orderTotal.currency } } : {}) };
    case 'decide':
      return { type: 'DecideForSeller' };
    case 'decide_buyer':
      return { type: 'DecideForBuyer' };
    case 'close':
      return { type: 'BuyerClose' };
    case 'reopen':
      return { type: 'Reopen' };
    case 'escalate':
      return { type: 'Escalate' };
    case 'verify':
      return { type: 'RequestVerification' };
    default: {
      const never: never = p;
      return never;
    }
  }
}

/**
 * Shows what an action will do (amount, who pays, the status after) and asks to confirm it. Buttons and
 * commands both come here: nothing that moves money or closes a case happens without this step.
 */
export async function propose(e: EngineCtx, t: Turn, c: Case, role: Role, p: Proposal): Promise<void> {
  // Never ask to confirm what the rules would refuse: the refusal (a closed case, too large an amount) comes now.
  decide(c, proposedCommand(p, c), { now: t.now, policy: e.deps.policy, actor: { accountId: requireWho(t).accountId, role, platform: t.input.platform } });
  const owner = cardOwner(t, role);
  const once = await newOnce(e, t);
  const money = (amount: number) => ({ money: { amount, currency: c.orderTotal.currency } });
  const remaining = c.orderTotal.amount - c.refunded.amount;
  const issue = (payload: Omit<CasePayload, 'k' | 'caseId' | 'once'>) => e.tokens.issue(owner, { k: 'case', caseId: c.id, once, ...payload });
  const text = 'text' in p && p.text ? { text: p.text } : {};
  const choices: Choice[] = [];
  let body: Msg;
  // Support chooses who pays when it refunds: Congocrea, or the seller (recovered).
  const payerChoices = async (op: 'refund_full' | 'refund_partial' | 'decide_buyer', extra: Partial<CasePayload>, recover: boolean | undefined) => {
    if (role !== 'support') return void choices.push({ label: m('engine-choice-confirm'), token: await issue({ op, arg: 'yes', ...extra }), style: 'primary' });
    for (const r of recover === undefined ? [true, false] : [recover]) {
      choices.push({ label: m(r ? 'engine-choice-refund-recover' : 'engine-choice-refund-no-recover'), token: await issue({ op, arg: 'yes', recover: r, ...extra }), ...(r ? { style: 'primary' as const } : {}) });
    }
  };
  switch (p.op) {
    case 'refund': {
      const amount = p.amount ?? remaining;
      const full = c.refunded.amount + amount >= c.orderTotal.amount;
      const payer = role === 'seller' ? 'seller' : p.recover === undefined ? 'choose' : p.recover ? 'seller' : 'marketplace';
      const result = role === 'support' || full ? 'closed' : 'open';
      body = m('engine-confirm-refund', { caseId: c.id, amount: money(amount), payer, result, after: money(c.refunded.amount + amount), total: money(c.orderTotal.amount) });
      await payerChoices(p.amount === undefined ? 'refund_full' : 'refund_partial', p.amount !== undefined ? { amount: p.amount } : {}, p.recover);
      break;
    }
    case 'decide_buyer': {
      const payer = remaining === 0 ? 'none' : p.recover === undefined ? 'choose' : p.recover ? 'seller' : 'marketplace';
      body = m('engine-confirm-decide-buyer', { caseId: c.id, amount: money(remaining), payer, refunded: money(c.refunded.amount), total: money(c.orderTotal.amount) });
      if (remaining === 0) choices.push({ label: m('engine-choice-confirm'), token: await issue({ op: 'decide_buyer', arg: 'yes', ...text }), style: 'primary' });
      else await payerChoices('decide_buyer', text, p.recover);
      break;
    }
    case 'decide':
      body = m('engine-confirm-decide', { caseId: c.id, refunded: money(c.refunded.amount), total: money(c.orderTotal.amount), partial: c.refunded.amount > 0 ? 'yes' : 'no' });
      choices.push({ label: m('engine-choice-confirm'), token: await issue({ op: 'decide', arg: 'yes', ...text }), style: 'danger' });
      break;
    case 'close':
      body = m('engine-confirm-close', { caseId: c.id, refunded: money(c.refunded.amount), total: money(c.orderTotal.amount) });
      choices.push({ label: m('engine-choice-confirm'), token: await issue({ op: 'close', arg: 'yes' }), style: 'primary' });
      break;
    case 'reopen':
      body = m('engine-confirm-reopen', { caseId: c.id, status: c.escalatedAt ? 'escalated' : 'open', refunded: money(c.refunded.amount), total: money(c.orderTotal.amount) });
      choices.push({ label: m('engine-choice-confirm'), token: await issue({ op: 'reopen', arg: 'yes', ...text }), style: 'primary' });
      break;
    case 'escalate':
      body = m('engine-confirm-escalate', { caseId: c.id });
      choices.push({ label: m('engine-choice-confirm'), token: await issue({ op: 'escalate', arg: 'yes' }), style: 'primary' });
      break;
    case 'verify':
      body = m('engine-confirm-verify', { caseId: c.id, resolution: c.resolution ?? 'none' });
      choices.push({ label: m('engine-choice-send-request'), token: await issue({ op: 'verify', arg: 'yes' }), style: 'primary' });
      break;
    default: {
      const never: never = p;
      return never;
    }
  }
  choices.push({ label: m('engine-choice-back'), token: await issue({ op: 'view' }) });
  say(t, body, { caseId: c.id, choices });
}

/**
 * The amount, in the order's minor units, that a typed amount means on this case (`5000`, `5 000 FC`, `5k`, `50%` of
 * the order's total); INVALID_AMOUNT when it is none, CURRENCY_MISMATCH when it is in another currency.
 */
export function amountOf(text: string, c: Case): number {
  const currency = c.orderTotal.currency;
  const read = readAmount(text, currency);
  if (!read) throw new ValidationError('INVALID_AMOUNT', undefined, { currency });
  if ('otherCurrency' in read) throw new ValidationError('CURRENCY_MISMATCH', undefined, { currency, given: read.otherCurrency });
  if ('percent' in read) return Math.max(1, Math.round((c.orderTotal.amount * read.percent) / 100));
  return read.minor;
}

/** Typed input or a file for a case action that asked for one. */
export async function onCaseInput(
  e: EngineCtx,
  t: Turn,
  s: CaseInputState,
  input: { text: string } | { blob: import('../../../domain/types.js').BlobRef; caption?: string },
): Promise<void> {
  const { platform, userId, conversationId } = t.input;
  const done = () => e.conv.clear(platform, userId, conversationId);
  // The step is left once what it leads to is done, not before: a turn that stops on the way (its process killed, Redis
  // refusing the change) leaves it in place, so the same event run again (taken over by another process, delivered
  // again by the platform) still knows which case the words answer. A refusal (the user is told why) leaves it all the same.
  const then = async (act: () => Promise<void>): Promise<void> => {
    try {
      await act();
    } catch (err) {
      if (isPalabreError(err) && err.code !== 'INTERNAL') {
        await done().catch((cleared: unknown) => e.log.warn({ err: cleared, code: 'STATE_NOT_CLEARED', caseId: s.caseId }, 'case step not left after a refusal'));
      }
      throw err;
    }
    await done();
  };
  if (s.step === 'photo') {
    if (!('blob' in input)) return void say(t, m('engine-ask-photo-again'), { caseId: s.caseId, expects: 'photo' });
    // A proof of shipping must say where it went before it is added.
    if (s.kind && PROOF_OF_SHIPPING.includes(s.kind)) return askProofAddress(e, t, s, input.blob, input.caption);
    // A buyer's "photo" may be a PDF: only a seller's proof keeps the kind chosen with the button.
    return then(() => fileOnCase(e, t, s.caseId, input.blob, input.caption, s.kind === 'photo' ? undefined : s.kind));
  }
  if (!('text' in input)) return void say(t, m('engine-ask-text-not-file'), { caseId: s.caseId, expects: s.step === 'amount' ? 'amount' : 'text' });
  const text = input.text.trim();
  switch (s.step) {
    case 'proof_address':
    case 'proof_place':
      return onProofText(e, t, s, text);
    case 'support':
      return then(() => actOnCase(e, t, s.caseId, { type: 'RequestSupport', text }));
    case 'amount': {
      const { c, role } = await caseForTurn(e, t, s.caseId);
      // The user stays on this step to type it again.
      const amount = amountOf(text, c);
      return then(() => propose(e, t, c, role, { op: 'refund', amount }));
    }
    case 'tracking': {
      // The number came first (written alone): this is its carrier, unless a carrier and number were written anew.
      if (s.number && !trackingInWords(text) && text.split(/\s+/).length <= 3 && !/\d/.test(text)) {
        return then(() => addTracking(e, t, s.caseId, text.trim(), s.number!));
      }
      const [carrier, ...rest] = text.split(/[\s,;]+/).filter(Boolean);
      if (!carrier || rest.length === 0) return void say(t, m('engine-ask-tracking-again'), { caseId: s.caseId, expects: 'tracking' });
      return then(() => addTracking(e, t, s.caseId, carrier, rest.join('')));
    }
    case 'ask':
      return then(() => actOnCase(e, t, s.caseId, { type: 'AskInfo', from: s.from ?? 'buyer', text }));
    case 'comment':
      await then(() => commentOnCase(e, t, s.caseId, text));
      return offerWhatWordsSay(e, t, s.caseId, text);
    case 'note':
      return then(() => actOnCase(e, t, s.caseId, { type: 'Note', text }));
    default: {
      const never: never = s.step;
      return never;
    }
  }
}

/** Adds tracking; the case service asks the carrier and the marketplace for the rest (its delivery place, the order's address). */
export async function addTracking(e: EngineCtx, t: Turn, caseId: string, carrier: string, number: string): Promise<void> {
  const { c } = await caseForTurn(e, t, caseId);
  const shippingAddress = c.shippingAddress ?? (await e.deps.marketplace.order(c.orderId))?.shippingAddress;
  if (!shippingAddress) throw new NotFoundError('ORDER_NOT_FOUND', undefined, { orderId: c.orderId });
  await actOnCase(e, t, caseId, { type: 'AddTracking', carrier, number, info: null, shippingAddress });
}

/**
 * After a seller's message to the buyer: words that announce a refund (« je vais rembourser », « je rembourse
 * 5000 », "refund 50%") or give a tracking number (« voici le suivi DHL 1234567890 ») do nothing by themselves,
 * so the bot says so and offers the confirmation (or the button) that does it. Nothing is offered when the rules
 * would refuse it (a closed case, too large an amount) or the words are unclear (another currency).
 */
export async function offerWhatWordsSay(e: EngineCtx, t: Turn, caseId: string, text: string): Promise<void> {
  const refund = refundInWords(text);
  const tracking = refund ? null : trackingInWords(text);
  const number = refund || tracking ? null : (bareTrackingNumber(text) ?? labelledTrackingNumber(text));
  const delivered = !refund && !tracking && deliveryClaimedInWords(text);
  const close = !refund && !tracking && asksToClose(text);
  // « je veux parler au support » written to the buyer: the words went to the buyer, support is one button away.
  const support = !refund && !tracking && !close && asksForPerson(text);
  const moreTime = !refund && asksForMoreTime(text);
  if (!refund && !tracking && !number && !support && !delivered && !close && !moreTime && !mayTellRefundDone(text)) return;
  const c = await e.deps.cases.get(requireWho(t), caseId);
  const role = await e.deps.cases.roleOn(requireWho(t), c);
  if (role !== 'seller') return;
  const said = t.replies.length;
  try {
    // Money sent back outside Congocrea is no refund of the case: the bot says so, and never offers to pay it again.
    const outside = refundOutsideInWords(text, c.refunded.amount);
    if (outside === 'past') return;
    if (outside === 'done' && c.status !== 'closed') {
      const choices = mayRequestSupport(c, role, t.now)
        ? [{ label: m('engine-action-support'), token: await e.tokens.issue(cardOwner(t, role), { k: 'case', caseId: c.id, op: 'support' }) }]
        : [];
      return void say(t, m('engine-words-refund-outside', { caseId: c.id, when: 'done' }), { caseId: c.id, choices });
    }
    // Money given back in other words (« je lui ai rendu son argent ») is a refund told as done all the same.
    if (refund || outside === 'unrecorded') {
      const amount = refund?.amount ? amountOf(refund.amount, c) : undefined;
      // « j'ai remboursé » with no refund in the case: maybe done outside, maybe meant; the confirmation comes with the warning.
      const words = outside === 'planned' || outside === 'unrecorded' ? m('engine-words-refund-outside', { caseId: c.id, when: outside }) : m('engine-words-refund', { caseId: c.id });
      say(t, words, { caseId: c.id });
      return await propose(e, t, c, role, { op: 'refund', ...(amount !== undefined ? { amount } : {}) });
    }
    // « fermez le dossier »: only the buyer closes; how the seller's own actions close it, with the card's buttons.
    if (close && c.status !== 'closed') return await sayCard(e, t, c, role, [m('engine-seller-close', { caseId: c.id, reason: c.reason })]);
    if (support && mayRequestSupport(c, role, t.now)) {
      const token = await e.tokens.issue(cardOwner(t, role), { k: 'case', caseId: c.id, op: 'support' });
      say(t, m('engine-words-support', { caseId: c.id }), { caseId: c.id, choices: [{ label: m('engine-action-support'), token, style: 'primary' }] });
    }
    if (tracking && allowedCommands(c, role, t.now, e.deps.policy).includes('AddTracking')) {
      const once = await newOnce(e, t);
      const token = await e.tokens.issue(cardOwner(t, role), { k: 'case', caseId: c.id, op: 'tracking', text: `${tracking.carrier} ${tracking.number}`, once });
      say(t, m('engine-words-tracking', { caseId: c.id, carrier: tracking.carrier, number: tracking.number }), {
        caseId: c.id,
        choices: [{ label: m('engine-choice-add-tracking', { carrier: tracking.carrier, number: tracking.number }), token, style: 'primary' }],
      });
    }
    // « JD0150 » alone: maybe a tracking number; one button adds it, asking only the carrier.
    if (number && allowedCommands(c, role, t.now, e.deps.policy).includes('AddTracking')) {
      const token = await e.tokens.issue(cardOwner(t, role), { k: 'case', caseId: c.id, op: 'tracking', text: number, once: await newOnce(e, t) });
      say(t, m('engine-words-tracking-number', { caseId: c.id, number }), { caseId: c.id, choices: [{ label: m('engine-choice-add-tracking-number', { number }), token, style: 'primary' }] });
    }
    // « donnez-moi encore 2 jours »: the words went to the buyer; the deadline does not move, and the seller learns until when.
    if (moreTime && c.status !== 'closed') say(t, sellerDeadlineKept(c, t.now), { caseId: c.id });
    // « je l'ai livré moi-même » on a parcel the buyer says never came: a proof of shipping or tracking shows it.
    if (delivered && !outside && c.reason === 'non_delivery' && !c.timeline.some((ev) => ev.type === 'tracking' || (ev.type === 'evidence' && ev.actor.role === 'seller'))) {
      await offerProofOfDelivery(e, t, c, role);
    }
  } catch (err) {
    // The words named what cannot be done (more than is left, another currency): the message went, nothing is offered.
    if (!(err instanceof PalabreError) || err instanceof ConflictError) throw err;
    t.replies.length = said;
  }
}

/** Where the seller's time on case `c` stands: support has the case, the buyer may escalate now, or later. */
export function deadlineStage(c: Case, now: string): 'escalated' | 'now' | 'later' {
  return c.status === 'escalated' ? 'escalated' : Date.parse(now) < Date.parse(c.escalatableAt) ? 'later' : 'now';
}

/** The seller's deadline on case `c` stays as it was: until when the buyer waits, or that he may escalate now, or that support has it. */
function sellerDeadlineKept(c: Case, now: string): Msg {
  return m('seller-thread-more-time', { caseId: c.id, when: deadlineStage(c, now), escalatableAt: { date: c.escalatableAt, style: 'datetime' } });
}

/** Words that may tell of a refund already made (`refundOutsideInWords` reads them with the case). */
const mayTellRefundDone = (text: string): boolean => refundOutsideInWords(text, 1) !== null;

/** The buttons that add a proof of shipping or tracking, under a word on why (where the rules allow them). */
async function offerProofOfDelivery(e: EngineCtx, t: Turn, c: Case, role: Role): Promise<void> {
  const allowed = allowedCommands(c, role, t.now, e.deps.policy);
  const owner = cardOwner(t, role);
  const choices: Choice[] = [];
  if (allowed.includes('AddEvidence')) choices.push({ label: m('engine-action-proof'), token: await e.tokens.issue(owner, { k: 'case', caseId: c.id, op: 'proof' }), style: 'primary' });
  if (allowed.includes('AddTracking')) choices.push({ label: m('engine-action-tracking'), token: await e.tokens.issue(owner, { k: 'case', caseId: c.id, op: 'tracking' }) });
  if (choices.length) say(t, m('engine-words-delivered', { caseId: c.id }), { caseId: c.id, choices });
}

/**
 * A party's words written outside any case (not a reply, not in a case thread): they have not gone anywhere.
 * With cases under way in that role, the bot says so and offers to send them, as written, to the other party of
 * one (one button per case); with one case, its card comes too (« c’est quoi ce litige ? »). False when the party
 * has no case under way, or the words are too long to send.
 */
export async function wordsOutsideCase(e: EngineCtx, t: Turn, text: string, role: 'buyer' | 'seller', open?: Case[]): Promise<boolean> {
  const cases = open ?? (await casesUnderWay(e, t, role));
  if (cases.length === 0 || [...text.trim()].length > MAX_TEXT_LENGTH) return false;
  const choices = await sendChoices(e, t, text, role, cases);
  const first = cases[0]!;
  say(t, m(role === 'seller' ? 'engine-seller-words-not-sent' : 'engine-buyer-words-not-sent', { count: cases.length, caseId: first.id, orderId: first.orderId }), { choices });
  // Support asked this party a question: these words may be the answer, and the button that sends them answers it.
  const asked = cases.find((c) => c.infoRequested?.from === role);
  if (asked) say(t, m('engine-words-answer-support', { caseId: asked.id }));
  if (cases.length === 1) await sayCard(e, t, first, role);
  return true;
}

/** A seller's words outside any case: see `wordsOutsideCase`. */
export const sellerWordsOutsideCase = (e: EngineCtx, t: Turn, text: string): Promise<boolean> => wordsOutsideCase(e, t, text, 'seller');

/** One button per case (up to ten) that sends these words, as written, to the other party of that case, once. */
export async function sendChoices(e: EngineCtx, t: Turn, text: string, role: 'buyer' | 'seller', cases: readonly Case[]): Promise<Choice[]> {
  if ([...text.trim()].length > MAX_TEXT_LENGTH) return [];
  const once = await newOnce(e, t);
  return Promise.all(
    cases.slice(0, 10).map(async (c) => ({
      label: m(role === 'seller' ? 'engine-choice-send-to-buyer' : 'engine-choice-send-to-seller', { caseId: c.id, orderId: c.orderId }),
      token: await e.tokens.issue(t.owner, { k: 'case', caseId: c.id, op: 'reply', text: text.trim(), once }),
    })),
  );
}
