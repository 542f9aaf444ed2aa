import { ForbiddenError, NotFoundError } from '../../domain/errors.js';
import { foldText } from '../../domain/text.js';
import type { Shop } from '../../domain/types.js';
import type { CaseView } from '../case-service.js';
import { SUPPORT_OWNER } from './actions.js';
import { m, requireWho, say, type EngineCtx, type Turn } from './context.js';
import { askGround, propose } from './flows/case-ops.js';
import { actOnCase, caseForTurn } from './flows/case-thread.js';
import { notifyReinstated, notifySuspended } from './flows/shop-suspension.js';
import { caseArg } from './case-arg.js';
import { caseIdOf } from './order-ref.js';
import { restOf, sayUsage } from './command-args.js';
import { groundOf, queueOf, sideOf, type Queue } from './support-words.js';

/** Support's commands (SPEC section 2); `/escalate <id> <ground>` and `/cases <queue>` are routed here too. */
export const SUPPORT_COMMANDS = new Set(['decide', 'reopen', 'ask', 'note', 'suspend', 'reinstate']);

/** Support's queues, in the order the `/cases` menu shows them. */
const QUEUES = ['escalated', 'waiting', 'overdue', 'all'] as const;
/** Cases listed per reply; the admin API lists the rest. */
const LIST_MAX = 15;
/**
 * A queue's count on its button stops here (« Tous (100+) »): counting a queue loads its cases, and every case ever
 * opened is in « Tous » (1,000 cases held the process 0.25 s on Redis, growing with the store).
 */
export const QUEUE_COUNT_MAX = 100;

/** Support commands run for support accounts in the staff channel (or the web playground) only. */
export function requireStaff(t: Turn): void {
  requireWho(t);
  if (!t.account?.roles.includes('support') || !t.staff) throw new ForbiddenError('SUPPORT_ONLY');
}

/**
 * `/cases [list]`: the user's own cases, or one of support's queues (`escalated`, `en-retard`, `attente`…).
 * Support without a list name gets the queues with their counts as buttons.
 */
export async function casesCommand(e: EngineCtx, t: Turn, arg: string | undefined): Promise<void> {
  if (!arg) return t.staff ? queueMenu(e, t) : listCases(e, t, 'mine');
  const view = queueOf(arg);
  if (!view) {
    if (t.staff) return queueMenu(e, t, arg);
    return sayUsage(t, 'cases');
  }
  return listCases(e, t, view);
}

/** The queues with their counts, one button each. */
async function queueMenu(e: EngineCtx, t: Turn, typed?: string): Promise<void> {
  requireStaff(t);
  const who = requireWho(t);
  const counts = await Promise.all(
    QUEUES.map(async (view) => {
      const n = (await e.deps.cases.list(who, view, { limit: QUEUE_COUNT_MAX + 1 })).length;
      return { view, count: n > QUEUE_COUNT_MAX ? `${QUEUE_COUNT_MAX}+` : n };
    }),
  );
  const choices = await Promise.all(
    counts.map(async ({ view, count }) => ({ label: m('engine-queue-choice', { view, count }), token: await e.tokens.issue(SUPPORT_OWNER, { k: 'queue', view }) })),
  );
  const body = [...(typed ? [m('engine-queue-unknown', { typed })] : []), m('engine-queue-menu')];
  say(t, body, { choices });
}

/** One list with buttons to open each case; an empty list says which list it was. */
export async function listCases(e: EngineCtx, t: Turn, view: Queue): Promise<void> {
  const who = requireWho(t);
  if (view !== 'mine') requireStaff(t);
  // Only the cases shown are loaded: the others of a long queue were read and dropped at every /cases.
  const cases = (await e.deps.cases.list(who, view as CaseView, { limit: LIST_MAX })).slice(0, LIST_MAX);
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
export async function runSupportCommand(e: EngineCtx, t: Turn, name: string, typedArgs: string[], typedText: string): Promise<void> {
  requireStaff(t);
  const { args, text } = caseFirst(name, typedArgs, typedText);
  const id = args[0] ? await caseArg(e, t, args[0]) : null;
  switch (name) {
    case 'escalate': {
      if (!id) return sayUsage(t, 'escalate');
      const { c } = await caseForTurn(e, t, id);
      // The ground may be several words (`refus de service`): the whole rest is read first, then its first word.
      const typed = restOf(text, 1);
      const ground = groundOf(typed) ?? groundOf(args[1]);
      if (!ground) return askGround(e, t, c, typed || undefined);
      return actOnCase(e, t, id, { type: 'Escalate', ground });
    }
    case 'decide': {
      if (!id) return sayUsage(t, 'decide');
      const known = await caseForTurn(e, t, id);
      const side = sideOf(args[1]);
      if (!side) return askSide(e, t, known.c.id, restOf(text, args[1] ? 2 : 1), args[1]);
      const reason = restOf(text, 2);
      return propose(e, t, known.c, 'support', side === 'seller' ? { op: 'decide', ...(reason ? { text: reason } : {}) } : { op: 'decide_buyer', ...(reason ? { text: reason } : {}) });
    }
    case 'reopen': {
      if (!id) return sayUsage(t, 'reopen');
      const { c } = await caseForTurn(e, t, id);
      const reason = restOf(text, 1);
      return propose(e, t, c, 'support', { op: 'reopen', ...(reason ? { text: reason } : {}) });
    }
    case 'ask': {
      // « /ask 1 au vendeur : avez-vous le reçu ? », "/ask 1 to the seller: …": the party after its little words.
      let at = 1;
      while (at < 3 && args[at] && /^(?:au|aux|a|à|le|la|l['’]|to|the)$/i.test(args[at]!)) at += 1;
      const from = sideOf(args[at]?.replace(/[:,.;]+$/, ''));
      const question = restOf(text, at + 1).replace(/^[:\-–—]\s*/, '');
      if (!id || !from || !question) return sayUsage(t, 'ask');
      return actOnCase(e, t, id, { type: 'AskInfo', from, text: question });
    }
    case 'note': {
      const note = restOf(text, 1);
      if (!id || !note) return sayUsage(t, 'note');
      return actOnCase(e, t, id, { type: 'Note', text: note });
    }
    case 'suspend':
    case 'reinstate':
      return shopCommand(e, t, name, args);
    default:
      return void say(t, m('engine-unknown-command', { command: name }));
  }
}

/** A command argument that names a case or an order (`C-000001`, `c1`, `#C-1`, `1`, `CC-1001`). */
const namesCaseOrOrder = (arg: string): boolean => caseIdOf(arg) !== null || /^[a-z]{2,5}[-_]?\d{2,12}$/i.test(arg);

/**
 * The case put first where support typed it after the word that goes with it: `/ask seller C-1 …`, `/decide vendeur
 * C-1`, `/escalate harcèlement C-1` (or `/escalate refus de service C-1`) read as `/ask C-1 seller …`, and so on. Only
 * when those words are a side (or a ground) and a case written as one (`C-1`, `c1`, `#1`, or an order) follows them
 * at once; anything else is left as typed.
 */
function caseFirst(name: string, args: string[], text: string): { args: string[]; text: string } {
  if (!args[0] || namesCaseOrOrder(args[0])) return { args, text };
  const before = (k: number) => args.slice(0, k).join(' ');
  // A bare number there may be words of the reason (`inactivité 3 jours`): only a marked case or an order moves.
  const marked = (a: string | undefined): a is string => a !== undefined && !/^\d+$/.test(a) && namesCaseOrOrder(a);
  const k =
    name === 'ask' || name === 'decide'
      ? sideOf(args[0]) && marked(args[1]) ? 1 : -1
      : name === 'escalate'
        ? args.findIndex((a, i) => i > 0 && marked(a) && groundOf(before(i)) !== null)
        : -1;
  if (k < 1) return { args, text };
  const moved = [args[k]!, ...args.slice(0, k), ...args.slice(k + 1)];
  const rest = restOf(text, k + 1);
  return { args: moved, text: `/${name} ${args[k]} ${before(k)}${rest ? ` ${rest}` : ''}` };
}

/** `/decide <id>` without a side (or with one not understood): a button for each side. */
async function askSide(e: EngineCtx, t: Turn, caseId: string, reason: string, typed: string | undefined): Promise<void> {
  const extra = reason ? { text: reason } : {};
  const choices = [
    { label: m('engine-side-seller'), token: await e.tokens.issue(SUPPORT_OWNER, { k: 'case', caseId, op: 'decide', ...extra }) },
    { label: m('engine-side-buyer'), token: await e.tokens.issue(SUPPORT_OWNER, { k: 'case', caseId, op: 'decide_buyer', ...extra }) },
  ];
  say(t, [...(typed ? [m('engine-side-unknown', { typed })] : []), m('engine-ask-side', { caseId })], { caseId, choices });
}

/**
 * `/suspend <shop> <reason>` and `/reinstate <shop>`: the shop by id, name or part of its name
 * (`Bisou Créations`, `bisou`). The longest leading words that name a shop are the shop; the rest is
 * the reason. Several shops match: support picks one with a button.
 */
async function shopCommand(e: EngineCtx, t: Turn, name: 'suspend' | 'reinstate', args: string[]): Promise<void> {
  const minRest = name === 'suspend' ? 1 : 0;
  // A quoted name (`/suspend "Atelier Lumière" ne répond pas`) is the shop as written, the rest the reason.
  const quoted = /^(["“«'])\s*(.+?)\s*(["”»'])(?:\s+([\s\S]*))?$/.exec(args.join(' '));
  if (quoted) {
    const reason = (quoted[4] ?? '').trim();
    if (name === 'suspend' && !reason) return sayUsage(t, name);
    const found = await findShops(e, quoted[2]!);
    if (found.length > 0) return pickShop(e, t, name, quoted[2]!, found, reason);
    throw new NotFoundError('SHOP_NOT_FOUND', undefined, { shopId: quoted[2]! });
  }
  if (args.length < 1 + minRest) return sayUsage(t, name);
  // `/suspend Bisou Créations` is the shop's whole name and no reason: its last word is no reason (it was « Créations »).
  if (name === 'suspend' && args.length <= MAX_SHOP_NAME_WORDS && (await namesOneShopWhole(e, args.join(' ')))) return sayUsage(t, name);
  // Each try is a marketplace search: a 2,000-word reason made 2,000 of them (4 s of folding text, in memory alone).
  for (let n = Math.min(args.length - minRest, MAX_SHOP_NAME_WORDS); n >= 1; n--) {
    const query = args.slice(0, n).join(' ');
    const found = await findShops(e, query);
    if (found.length === 0) continue;
    return pickShop(e, t, name, query, found, args.slice(n).join(' '));
  }
  throw new NotFoundError('SHOP_NOT_FOUND', undefined, { shopId: args.slice(0, Math.max(1, args.length - minRest)).join(' ') });
}

/** The most leading words of `/suspend` tried as a shop's name (a name is a few words; the rest is the reason). */
export const MAX_SHOP_NAME_WORDS = 12;

/** The one shop found is acted on; several: support picks one with a button. */
async function pickShop(e: EngineCtx, t: Turn, name: 'suspend' | 'reinstate', query: string, found: Shop[], reason: string): Promise<void> {
  if (found.length === 1) return shopAction(e, t, name, found[0]!, reason);
  const choices = await Promise.all(
    found.slice(0, 10).map(async (shop) => ({
      label: m('engine-shop-choice', { shopName: shop.name, shopId: shop.id }),
      token: await e.tokens.issue(SUPPORT_OWNER, { k: 'staff_shop', shopId: shop.id, op: name, ...(reason ? { text: reason } : {}) }),
    })),
  );
  say(t, m('engine-shop-which', { query, count: found.length }), { choices });
}

/** Whether the words are one shop's id or whole name (`Bisou Créations`, `bisou creations`, `shop-bisou`). */
async function namesOneShopWhole(e: EngineCtx, words: string): Promise<boolean> {
  const found = await findShops(e, words);
  return found.length === 1 && (found[0]!.id === words || foldText(found[0]!.name) === foldText(words));
}

/** Shops a query names: the one whose id or whole name it is, else every shop whose name contains it. */
async function findShops(e: EngineCtx, query: string): Promise<Shop[]> {
  const found = await e.deps.marketplace.searchShops(query);
  const q = foldText(query);
  const exact = found.filter((s) => s.id === query || foldText(s.name) === q);
  return exact.length === 1 ? exact : found;
}

/** Suspends or reinstates one shop and says so by its name. */
export async function shopAction(e: EngineCtx, t: Turn, name: 'suspend' | 'reinstate', shop: Shop, reason: string): Promise<void> {
  requireStaff(t);
  const who = requireWho(t);
  if (name === 'suspend') {
    if (!reason.trim()) return sayUsage(t, 'suspend');
    await e.deps.cases.suspendShop(who, shop.id, reason);
    await notifySuspended(e, t, shop.id);
    return void say(t, m('engine-shop-suspended', { shopName: shop.name }));
  }
  const lifted = await e.deps.cases.shopSuspension(shop.id);
  await e.deps.cases.reinstateShop(who, shop.id);
  await notifyReinstated(e, t, shop.id, lifted);
  say(t, m('engine-shop-reinstated', { shopName: shop.name }));
}
