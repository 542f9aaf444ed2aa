import { ForbiddenError, ValidationError } from '../../domain/errors.js';
import { ESCALATION_GROUNDS, type EscalationGround } from '../../domain/types.js';
import type { CaseView } from '../case-service.js';
import { SUPPORT_OWNER } from './actions.js';
import { m, requireWho, say, type EngineCtx, type Turn } from './context.js';
import { actOnCase } from './flows/case-thread.js';
import { notifyReinstated, notifySuspended } from './flows/shop-suspension.js';
import { caseIdOf } from './order-ref.js';
import { normalizeCaseId } from './intent.js';
import { restOf, sayUsage } from './command-args.js';

/** Support's commands (SPEC section 2); `/escalate <id> <ground>` and `/cases <queue>` are routed here too. */
export const SUPPORT_COMMANDS = new Set(['decide', 'reopen', 'ask', 'note', 'suspend', 'reinstate']);

const QUEUES = new Set(['escalated', 'overdue', 'waiting', 'all']);
/** Cases listed per reply; the admin API lists the rest. */
const LIST_MAX = 15;

/** Support commands run for support accounts in the staff channel (or the web playground) only. */
export function requireStaff(t: Turn): void {
  requireWho(t);
  if (!t.account?.roles.includes('support') || !t.staff) throw new ForbiddenError('SUPPORT_ONLY');
}

/** `/cases` (the user's own) or `/cases escalated|overdue|waiting` (support's queues), with buttons to open each. */
export async function listCases(e: EngineCtx, t: Turn, view: string): Promise<void> {
  const who = requireWho(t);
  if (view !== 'mine') {
    if (!QUEUES.has(view)) return sayUsage(t, 'cases');
    requireStaff(t);
  }
  const cases = (await e.deps.cases.list(who, view as CaseView)).slice(0, LIST_MAX);
  if (cases.length === 0) return void say(t, m('engine-cases-none', { view }));
  const owner = view === 'mine' ? t.owner : SUPPORT_OWNER;
  const lines = cases.map((c) =>
    m('engine-case-line', { caseId: c.id, orderId: c.orderId, reason: c.reason, status: c.status, openedAt: { date: c.openedAt } }),
  );
  const choices = await Promise.all(
    cases.map(async (c) => ({ label: m('engine-case-choice', { caseId: c.id, orderId: c.orderId, reason: c.reason }), token: await e.tokens.issue(owner, { k: 'case', caseId: c.id, op: 'view' }) })),
  );
  say(t, [m('engine-cases-title', { view, count: cases.length }), ...lines], { choices });
}

/** One support command; every one of them refuses with SUPPORT_ONLY outside the staff channel. */
export async function runSupportCommand(e: EngineCtx, t: Turn, name: string, args: string[], text: string): Promise<void> {
  requireStaff(t);
  const who = requireWho(t);
  const id = args[0] ? (caseIdOf(args[0]) ?? normalizeCaseId(args[0])) : null;
  switch (name) {
    case 'escalate': {
      const ground = (args[1] ?? '').toLowerCase();
      if (!id) return sayUsage(t, 'escalate');
      if (!(ESCALATION_GROUNDS as readonly string[]).includes(ground)) {
        throw new ValidationError('INVALID_GROUND', undefined, { grounds: ESCALATION_GROUNDS.join(', ') });
      }
      return actOnCase(e, t, id, { type: 'Escalate', ground: ground as EscalationGround });
    }
    case 'decide': {
      if (!id || (args[1] ?? '').toLowerCase() !== 'seller') return sayUsage(t, 'decide');
      const reason = restOf(text, 2);
      return actOnCase(e, t, id, { type: 'DecideForSeller', ...(reason ? { text: reason } : {}) });
    }
    case 'reopen': {
      if (!id) return sayUsage(t, 'reopen');
      const reason = restOf(text, 1);
      return actOnCase(e, t, id, { type: 'Reopen', ...(reason ? { text: reason } : {}) });
    }
    case 'ask': {
      const from = (args[1] ?? '').toLowerCase();
      const question = restOf(text, 2);
      if (!id || (from !== 'buyer' && from !== 'seller') || !question) return sayUsage(t, 'ask');
      return actOnCase(e, t, id, { type: 'AskInfo', from, text: question });
    }
    case 'note': {
      const note = restOf(text, 1);
      if (!id || !note) return sayUsage(t, 'note');
      return actOnCase(e, t, id, { type: 'Note', text: note });
    }
    case 'suspend': {
      const shopId = args[0];
      const reason = restOf(text, 1);
      if (!shopId || !reason) return sayUsage(t, 'suspend');
      await e.deps.cases.suspendShop(who, shopId, reason);
      await notifySuspended(e, t, shopId);
      return void say(t, m('engine-shop-suspended', { shopId }));
    }
    case 'reinstate': {
      const shopId = args[0];
      if (!shopId) return sayUsage(t, 'reinstate');
      const lifted = await e.deps.cases.shopSuspension(shopId);
      await e.deps.cases.reinstateShop(who, shopId);
      await notifyReinstated(e, t, shopId, lifted);
      return void say(t, m('engine-shop-reinstated', { shopId }));
    }
    default:
      return void say(t, m('engine-unknown-command', { command: name }));
  }
}
