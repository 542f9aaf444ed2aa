import { mayRequestSupport, PROOF_OF_SHIPPING } from '../../../domain/decider.js';
import { IllegalStateError, NotFoundError, ValidationError } from '../../../domain/errors.js';
import { ESCALATION_GROUNDS, type EscalationGround, type EvidenceKind } from '../../../domain/types.js';
import { parseAmount } from '../../format.js';
import type { Choice } from '../../../ports/turn.js';
import type { ActionPayload } from '../actions.js';
import { m, say, type EngineCtx, type Turn } from '../context.js';
import { newNonce, type CaseInputState } from '../state.js';
import { actOnCase, caseForTurn, cardOwner, fileOnCase, sayCard } from './case-thread.js';
import { takeCase } from './desk.js';
import { askProofAddress, onProofText } from './proof.js';

type CasePayload = Extract<ActionPayload, { k: 'case' }>;

/** A case-card button pressed (or a confirmation after one), from any platform the account linked. */
export async function runCaseOp(e: EngineCtx, t: Turn, p: CasePayload): Promise<void> {
  const { c, role } = await caseForTurn(e, t, p.caseId);
  const owner = cardOwner(t, role);
  const button = async (label: string, next: Omit<CasePayload, 'k' | 'caseId'>, style?: Choice['style']): Promise<Choice> => {
    const token = await e.tokens.issue(owner, { k: 'case', caseId: c.id, ...next });
    return style ? { label: m(label), token, style } : { label: m(label), token };
  };
  const confirm = async (question: string, args: Record<string, string>, op: CasePayload['op'], style: Choice['style'] = 'primary') =>
    say(t, m(question, { caseId: c.id, ...args }), {
      caseId: c.id,
      choices: [await button('engine-choice-confirm', { op, arg: 'yes' }, style), await button('engine-choice-back', { op: 'view' })],
    });
  const ask = async (step: CaseInputState['step'], prompt: string, expects: 'text' | 'photo' | 'amount' | 'tracking', extra: Partial<CaseInputState> = {}) => {
    await e.conv.set(t.input.platform, t.input.userId, t.input.conversationId, { flow: 'case', nonce: newNonce(), step, caseId: c.id, ...extra });
    say(t, m(prompt, { caseId: c.id, remaining: { money: { amount: c.orderTotal.amount - c.refunded.amount, currency: c.orderTotal.currency } } }), {
      caseId: c.id,
      expects,
    });
  };

  switch (p.op) {
    case 'view':
      return sayCard(e, t, c, role);
    case 'photo':
      return ask('photo', 'engine-ask-photo', 'photo', { kind: 'photo' });
    case 'proof': {
      if (p.arg && (PROOF_OF_SHIPPING as readonly string[]).includes(p.arg)) {
        return ask('photo', 'engine-ask-proof-file', 'photo', { kind: p.arg as EvidenceKind });
      }
      const choices = await Promise.all(PROOF_OF_SHIPPING.map((k) => button(`engine-proof-${k.replace(/_/g, '-')}`, { op: 'proof', arg: k })));
      return void say(t, m('engine-ask-proof-kind', { caseId: c.id }), { caseId: c.id, choices });
    }
    case 'close':
      if (p.arg === 'yes') return actOnCase(e, t, c.id, { type: 'BuyerClose' });
      return void (await confirm('engine-confirm-close', {}, 'close'));
    case 'escalate':
      if (role === 'support') {
        if (p.arg && (ESCALATION_GROUNDS as readonly string[]).includes(p.arg)) {
          return actOnCase(e, t, c.id, { type: 'Escalate', ground: p.arg as EscalationGround });
        }
        const choices = await Promise.all(ESCALATION_GROUNDS.map((g) => button(`engine-ground-${g}`, { op: 'escalate', arg: g })));
        return void say(t, m('engine-ask-ground', { caseId: c.id }), { caseId: c.id, choices });
      }
      if (p.arg === 'yes') return actOnCase(e, t, c.id, { type: 'Escalate' });
      return void (await confirm('engine-confirm-escalate', {}, 'escalate'));
    case 'refund_full':
    case 'refund_partial': {
      if (p.arg === 'yes') {
        const amount = p.amount ? { amount: p.amount, currency: c.orderTotal.currency } : undefined;
        return actOnCase(e, t, c.id, { type: 'Refund', ...(amount ? { amount } : {}), ...(role === 'support' ? { recover: p.recover ?? false } : {}) });
      }
      if (p.op === 'refund_partial') return ask('amount', 'engine-ask-amount', 'amount');
      return refundConfirmation(e, t, c.id, role, undefined, c.orderTotal.amount - c.refunded.amount, c.orderTotal.currency);
    }
    case 'tracking':
      return ask('tracking', 'engine-ask-tracking', 'tracking');
    case 'decide':
      if (p.arg === 'yes') return actOnCase(e, t, c.id, { type: 'DecideForSeller' });
      return void (await confirm('engine-confirm-decide', {}, 'decide', 'danger'));
    case 'reopen':
      if (p.arg === 'yes') return actOnCase(e, t, c.id, { type: 'Reopen' });
      return void (await confirm('engine-confirm-reopen', {}, 'reopen'));
    case 'ask_buyer':
    case 'ask_seller':
      return ask('ask', 'engine-ask-question', 'text', { from: p.op === 'ask_buyer' ? 'buyer' : 'seller' });
    case 'note':
      return ask('note', 'engine-ask-note', 'text');
    case 'support':
      // A card shown before the case closed still has the button: refuse before asking for the text.
      if (!mayRequestSupport(c, role, t.now)) throw new IllegalStateError(c.status === 'closed' ? 'CASE_CLOSED' : 'NOT_YOUR_CASE', undefined, { caseId: c.id });
      return ask('support', 'engine-ask-support', 'text');
    case 'take':
      return takeCase(e, t, c.id);
    default: {
      const never: never = p.op;
      return never;
    }
  }
}

/** Asks to confirm a refund; support also says whether the funds are recovered from the seller. */
async function refundConfirmation(e: EngineCtx, t: Turn, caseId: string, role: string, amount: number | undefined, shown: number, currency: string): Promise<void> {
  const owner = role === 'support' ? cardOwner(t, 'support') : t.owner;
  const op = amount === undefined ? 'refund_full' : 'refund_partial';
  const issue = (recover: boolean | undefined) =>
    e.tokens.issue(owner, { k: 'case', caseId, op, arg: 'yes', ...(amount !== undefined ? { amount } : {}), ...(recover !== undefined ? { recover } : {}) });
  const choices: Choice[] =
    role === 'support'
      ? [
          { label: m('engine-choice-refund-recover'), token: await issue(true), style: 'primary' },
          { label: m('engine-choice-refund-no-recover'), token: await issue(false) },
        ]
      : [{ label: m('engine-choice-confirm'), token: await issue(undefined), style: 'primary' }];
  choices.push({ label: m('engine-choice-back'), token: await e.tokens.issue(owner, { k: 'case', caseId, op: 'view' }) });
  say(t, m('engine-confirm-refund', { caseId, amount: { money: { amount: shown, currency } } }), { caseId, choices });
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
  if (s.step === 'photo') {
    if (!('blob' in input)) return void say(t, m('engine-ask-photo-again'), { caseId: s.caseId, expects: 'photo' });
    // A proof of shipping must say where it went before it is added.
    if (s.kind && PROOF_OF_SHIPPING.includes(s.kind)) return askProofAddress(e, t, s, input.blob, input.caption);
    await done();
    // A buyer's "photo" may be a PDF: only a seller's proof keeps the kind chosen with the button.
    return fileOnCase(e, t, s.caseId, input.blob, input.caption, s.kind === 'photo' ? undefined : s.kind);
  }
  if (!('text' in input)) return void say(t, m('engine-ask-text-not-file'), { caseId: s.caseId, expects: s.step === 'amount' ? 'amount' : 'text' });
  const text = input.text.trim();
  switch (s.step) {
    case 'proof_address':
    case 'proof_place':
      return onProofText(e, t, s, text);
    case 'support':
      await done();
      return actOnCase(e, t, s.caseId, { type: 'RequestSupport', text });
    case 'amount': {
      const { c, role } = await caseForTurn(e, t, s.caseId);
      const amount = parseAmount(text, c.orderTotal.currency);
      // The user stays on this step to type it again.
      if (amount === null) throw new ValidationError('INVALID_AMOUNT', undefined, { currency: c.orderTotal.currency });
      await done();
      if (role === 'support') return refundConfirmation(e, t, c.id, role, amount, amount, c.orderTotal.currency);
      return actOnCase(e, t, c.id, { type: 'Refund', amount: { amount, currency: c.orderTotal.currency } });
    }
    case 'tracking': {
      const [carrier, ...rest] = text.split(/[\s,;]+/).filter(Boolean);
      if (!carrier || rest.length === 0) return void say(t, m('engine-ask-tracking-again'), { caseId: s.caseId, expects: 'tracking' });
      await done();
      return addTracking(e, t, s.caseId, carrier, rest.join(''));
    }
    case 'ask':
      await done();
      return actOnCase(e, t, s.caseId, { type: 'AskInfo', from: s.from ?? 'buyer', text });
    case 'note':
      await done();
      return actOnCase(e, t, s.caseId, { type: 'Note', text });
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
