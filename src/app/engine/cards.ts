import type { Case, CaseCommandType } from '../../domain/case-model.js';
import { allowedCommands, isLate, mayRequestSupport } from '../../domain/decider.js';
import { supportTimeLeft } from '../../domain/desk.js';
import { defaultPolicy, type Policy } from '../../domain/policy.js';
import type { Marketplace } from '../../ports/marketplace.js';
import type { LanguageDetector } from '../language.js';
import type { CaseCard, Choice } from '../../ports/turn.js';
import type { ActionTokens, CaseOp, TokenOwner } from './actions.js';

export type ViewerRole = CaseCard['viewerRole'];

interface CardButton {
  op: CaseOp;
  style?: Choice['style'];
}

/** The buttons each allowed command becomes, per role. Comment needs none: people just write. */
function buttonsFor(role: ViewerRole, type: CaseCommandType): CardButton[] {
  switch (role) {
    case 'buyer':
      // A button path to write to the other party, on every platform (no reply gesture to know).
      if (type === 'Comment') return [{ op: 'reply', style: 'primary' }];
      if (type === 'AddEvidence') return [{ op: 'photo' }];
      if (type === 'Escalate') return [{ op: 'escalate', style: 'primary' }];
      if (type === 'BuyerClose') return [{ op: 'close' }];
      if (type === 'RequestVerification') return [{ op: 'verify', style: 'primary' }];
      return [];
    case 'seller':
      if (type === 'Comment') return [{ op: 'reply' }];
      if (type === 'Refund') return [{ op: 'refund_full', style: 'primary' }, { op: 'refund_partial' }];
      if (type === 'AddTracking') return [{ op: 'tracking' }];
      if (type === 'AddEvidence') return [{ op: 'proof' }];
      return [];
    case 'support':
      if (type === 'Escalate') return [{ op: 'escalate' }];
      if (type === 'Refund') return [{ op: 'refund_full', style: 'primary' }, { op: 'refund_partial' }];
      if (type === 'AskInfo') return [{ op: 'ask_buyer' }, { op: 'ask_seller' }];
      if (type === 'DecideForSeller') return [{ op: 'decide', style: 'danger' }];
      if (type === 'DecideForBuyer') return [{ op: 'decide_buyer' }];
      if (type === 'Reopen') return [{ op: 'reopen' }];
      if (type === 'Note') return [{ op: 'note' }];
      if (type === 'Take') return [{ op: 'take', style: 'primary' }];
      return [];
    default: {
      const never: never = role;
      return never;
    }
  }
}

/** Buttons in the order people look for them: money and proof first, housekeeping last. */
const OP_ORDER: CaseOp[] = ['take', 'reply', 'verify', 'refund_full', 'refund_partial', 'tracking', 'proof', 'escalate', 'photo', 'close', 'ask_buyer', 'ask_seller', 'decide_buyer', 'decide', 'reopen', 'note', 'support', 'view'];

/** The label id of a card button: `engine-action-refund-full`. */
export const actionLabelId = (op: CaseOp, role: ViewerRole): string =>
  op === 'take'
    ? 'desk-action-take'
    : op === 'escalate' && role === 'support'
      ? 'engine-action-escalate-support'
      : op === 'reply'
        ? `engine-action-reply-to-${role === 'buyer' ? 'seller' : 'buyer'}`
        : `engine-action-${op.replace(/_/g, '-')}`;

/** The case as `role` sees it, with buttons (from the domain's `allowedCommands`) bound to `owner`. */
export async function buildCard(
  deps: { marketplace: Marketplace; tokens: ActionTokens; policy?: Policy; languageDetector?: Pick<LanguageDetector, 'detect'> | undefined },
  c: Case,
  role: ViewerRole,
  owner: TokenOwner,
  now: string,
): Promise<CaseCard> {
  const [order, shop] = await Promise.all([deps.marketplace.order(c.orderId), deps.marketplace.shop(c.shopId)]);
  const first = order?.items[0]?.title ?? c.orderId;
  const more = (order?.items.length ?? 1) - 1;
  const allowed = allowedCommands(c, role, now, deps.policy);
  const buttons = allowed
    // Deciding for the buyer is « Rembourser en totalité » while something is left to refund.
    .filter((type) => !(type === 'DecideForBuyer' && allowed.includes('Refund')))
    .flatMap((type) => buttonsFor(role, type))
    // A late case (POLICY_MAX_CASE_AGE) takes a full refund only: no « partial refund » button to be refused.
    .filter((b) => !(b.op === 'refund_partial' && isLate(c, Date.parse(now))))
    // SPEC section 2: "ask support" is among the seller's actions; the buyer has Escalate.
    .concat(role === 'seller' && mayRequestSupport(c, role, now) ? [{ op: 'support' }] : [])
    .sort((a, b) => OP_ORDER.indexOf(a.op) - OP_ORDER.indexOf(b.op));
  const actions = await Promise.all(
    buttons.map(async (b): Promise<Choice> => {
      const token = await deps.tokens.issue(owner, { k: 'case', caseId: c.id, op: b.op });
      const label = { id: actionLabelId(b.op, role) };
      return b.style ? { label, token, style: b.style } : { label, token };
    }),
  );
  return {
    caseId: c.id,
    orderId: c.orderId,
    orderTitle: more > 0 ? `${first} +${more}` : first,
    shopName: shop?.name ?? c.shopId,
    reason: c.reason,
    status: c.status,
    resolution: c.resolution,
    description: c.description,
    total: c.orderTotal,
    refunded: c.refunded,
    openedAt: c.openedAt,
    escalatableAt: c.escalatableAt,
    escalatedAt: c.escalatedAt,
    closedAt: c.closedAt,
    lateDelivery: c.lateDelivery,
    trackingMismatch: c.trackingMismatch,
    ...(c.proofAddressMismatch ? { proofAddressMismatch: true } : {}),
    ...(role === 'support' ? deskFields(c, deps.policy ?? defaultPolicy, now) : {}),
    ...(role === 'support' ? languageField(c, deps.languageDetector) : {}),
    viewerRole: role,
    actions,
  };
}

/** Support's card names the language the buyer wrote the case in, when it can tell. */
function languageField(c: Case, detector: Pick<LanguageDetector, 'detect'> | undefined): Pick<CaseCard, 'descriptionLanguage'> {
  const lang = detector?.detect(c.description)?.lang;
  return lang ? { descriptionLanguage: lang } : {};
}

/** What support's card adds on an escalated case: its owner and the business time left before it is due. */
function deskFields(c: Case, policy: Policy, now: string): Pick<CaseCard, 'owner' | 'supportDueInMinutes'> {
  if (c.status !== 'escalated') return {};
  const left = supportTimeLeft(c, policy, now);
  return { owner: c.owner?.name ?? null, ...(left !== null ? { supportDueInMinutes: Math.trunc(left / 60_000) } : {}) };
}
