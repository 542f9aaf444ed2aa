import type { Case } from '../../domain/case-model.js';
import type { EngineCtx, Turn } from './context.js';
import { normalizeCaseId } from './intent.js';
import { caseIdOf, caseRefOf } from './order-ref.js';

/** An order number as typed in a command (`CC-1001`, `cc1001`, `cc 1001`), in its stored form; null otherwise. */
function orderIdOf(raw: string): string | null {
  const m = /^\s*([a-z]{2,5})[-_ ]?(\d{2,12})\s*$/i.exec(raw);
  return m && !/^c$/i.test(m[1]!) ? `${m[1]!.toUpperCase()}-${m[2]}` : null;
}

/** The case to act on among an order's cases: the one under way, else the latest. */
const latestOf = (cases: Case[]): Case | undefined =>
  cases.find((c) => c.status !== 'closed') ?? [...cases].sort((a, b) => b.openedAt.localeCompare(a.openedAt))[0];

/**
 * The case a command's argument names, as people type it: `C-000002`, `c2`, `2`, or the order it is
 * on (`CC-1001`). The user's own cases settle what is ambiguous; support in the staff channel finds a
 * case by its order among all cases. Anything else is looked up as typed.
 */
export async function caseArg(e: EngineCtx, t: Turn, arg: string): Promise<string> {
  const direct = caseIdOf(arg);
  if (direct && !/^\s*\d{3,}\s*$/.test(arg)) return direct;
  if (t.who && t.staff && t.account?.roles.includes('support')) {
    const orderId = orderIdOf(arg);
    const found = orderId ? latestOf(await e.deps.cases.list(t.who, 'all', { orderId })) : undefined;
    if (found) return found.id;
    return direct ?? normalizeCaseId(arg);
  }
  const mine = t.who ? await e.deps.cases.list(t.who, 'mine') : [];
  return caseRefOf(arg, mine) ?? normalizeCaseId(arg);
}

