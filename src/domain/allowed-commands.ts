import type { Case, CaseCommand, CaseCommandType } from './case-model.js';
import { decide } from './decider.js';
import { isPalabreError } from './errors.js';
import { defaultPolicy, type Policy } from './policy.js';
import type { Actor, Role } from './types.js';

const PLACE = { name: '-', line1: '-', city: '-', postalCode: '', country: '-' };

/** One well-formed command of each type, as `role` would send it; only the rules can refuse it. */
function probes(role: Role): CaseCommand[] {
  return [
    { type: 'Comment', text: 'x' },
    { type: 'AddEvidence', kind: role === 'seller' ? 'shipping_receipt' : 'photo', caption: 'x' },
    { type: 'AddTracking', carrier: 'x', number: 'x', info: null, shippingAddress: PLACE },
    { type: 'Refund' },
    { type: 'BuyerClose' },
    { type: 'Escalate', ground: 'inactivity' },
    { type: 'AskInfo', from: 'seller', text: 'x' },
    { type: 'DecideForSeller' },
    { type: 'DecideForBuyer' },
    { type: 'RequestVerification' },
    { type: 'Reopen' },
    { type: 'Note', text: 'x' },
    { type: 'FlagLateDelivery' },
    { type: 'RecordReminder', nudge: 'seller_reminder', to: 'seller', nudgeId: '\u0000probe' },
    { type: 'Take', name: 'x' },
  ];
}

/**
 * The commands `role` may issue on `state` at `now` — the buttons a case card shows. It asks the
 * decider itself, so a button is never offered for an action the rules would refuse.
 */
export function allowedCommands(state: Case, role: Role, now: string, policy: Policy = defaultPolicy): CaseCommandType[] {
  return probes(role)
    .filter((cmd) => permits(state, role, now, cmd, policy))
    .map((cmd) => cmd.type);
}

/**
 * Whether `role` may ask support for help on `state` at `now` (the seller's "Ask support"). Apart
 * from allowedCommands, whose list is the case's own work between the parties and support.
 */
export function mayRequestSupport(state: Case, role: Role, now: string): boolean {
  return permits(state, role, now, { type: 'RequestSupport', text: 'x' });
}

function permits(state: Case, role: Role, now: string, cmd: CaseCommand, policy: Policy = defaultPolicy): boolean {
  const accountId = role === 'buyer' ? state.buyerId : role === 'seller' ? state.sellerId : role;
  const actor: Actor = { accountId, role, platform: 'system' };
  try {
    decide(state, cmd, { now, policy, actor });
    return true;
  } catch (e) {
    if (isPalabreError(e) && e.code !== 'VALIDATION') return false;
    throw e;
  }
}
