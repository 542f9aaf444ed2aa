import type { Case } from '../../domain/case-model.js';
import { NotFoundError } from '../../domain/errors.js';
import type { EngineCtx, Turn } from './context.js';
import { normalizeCaseId } from './intent.js';
import { caseIdOf, caseRefOf, ORDER_PREFIX } from './order-ref.js';

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
    const byDigits = await casesByOrderDigits(e, t, arg);
    if (byDigits.length === 1) return byDigits[0]!.id;
    return direct ?? normalizeCaseId(arg);
  }
  const mine = t.who ? await e.deps.cases.list(t.who, 'mine') : [];
  return caseRefOf(arg, mine) ?? normalizeCaseId(arg);
}


/**
 * Support in the staff channel typing an order's digits without its prefix (`/case 1001`): the case on each order
 * whose number ends with them (the latest of that order's cases), among the cases under way and, for Congocrea's
 * prefix and the order prefixes they show, any case on `<prefix>-<digits>` (a closed one too); with the case of that number when there is one (`/case 001`
 * may be case C-000001 too). Empty for anyone else, or an argument that is not 3 to 12 digits.
 */
export async function casesByOrderDigits(e: EngineCtx, t: Turn, arg: string): Promise<Case[]> {
  const digits = /^\s*(\d{3,12})\s*$/.exec(arg)?.[1];
  if (!digits || !t.who || !t.staff || !t.account?.roles.includes('support')) return [];
  const who = t.who;
  const underWay = await e.deps.cases.list(who, 'all', { status: ['open', 'escalated'] });
  const prefixes = new Set([ORDER_PREFIX, ...underWay.flatMap((c) => /^([A-Za-z]{2,5})-\d+$/.exec(c.orderId)?.[1] ?? [])]);
  const exact = await Promise.all([...prefixes].map((p) => e.deps.cases.list(who, 'all', { orderId: `${p}-${digits}` })));
  const byOrder = new Map<string, Case[]>();
  for (const c of [...underWay.filter((c) => /\d+$/.exec(c.orderId)?.[0].endsWith(digits)), ...exact.flat()]) {
    const seen = byOrder.get(c.orderId) ?? [];
    if (!seen.some((s) => s.id === c.id)) seen.push(c);
    byOrder.set(c.orderId, seen);
  }
  const found = [...byOrder.values()].flatMap((cases) => latestOf(cases) ?? []);
  if (found.length === 0) return [];
  // The case of that number, when it is another one, is offered too: the digits may mean it.
  const id = caseIdOf(digits);
  if (id && !found.some((c) => c.id === id)) {
    const numbered = await e.deps.cases.get(who, id).catch((err: unknown) => {
      if (err instanceof NotFoundError) return null;
      throw err;
    });
    if (numbered) found.push(numbered);
  }
  return found;
}
