import { distance } from 'fastest-levenshtein';
import { ForbiddenError } from '../../domain/errors.js';
import { foldText } from '../../domain/text.js';
import type { Account } from '../../domain/types.js';
import { SUPPORT_OWNER, type CaseOp } from './actions.js';
import { m, requireWho, say, type EngineCtx, type Turn } from './context.js';
import { offerReportUnderWay, startReport } from './flows/buyer-report.js';
import { addTracking, amountOf, propose, runCaseOp, voidOffered } from './flows/case-ops.js';
import { actOnCase, caseForTurn, caseOfTurn, sayCard, showCase } from './flows/case-thread.js';
import { caseIdOf } from './order-ref.js';
import { runDeskCommand } from './flows/desk.js';
import { helpBody, startOrLink } from './flows/onboarding.js';
import { caseArg, casesByOrderDigits } from './case-arg.js';
import { casesCommand, runSupportCommand, SUPPORT_COMMANDS } from './support-commands.js';
import { restOf, sayUsage } from './command-args.js';
import { isRecoverWord } from './support-words.js';
import { meansWholeRefund, trackingInWords } from './seller-words.js';


/** Commands an unlinked user may use. */
export const OPEN_COMMANDS = new Set(['start', 'link', 'help', 'lang', 'cancel']);

export interface CommandHooks {
  /** Re-reads the turn's account, language and time zone after linking. */
  relocalize(account: Account): Promise<void>;
  /** Records a language choice and answers in it. */
  setLanguage(lang: string): Promise<void>;
  /** Records that the user turned down answers in `lang`: it is not offered again. */
  declineLanguage(lang: string): Promise<void>;
}

/** One command, with the same grammar on every platform (SPEC section 2). */
export async function runCommand(e: EngineCtx, t: Turn, name: string, args: string[], text: string, hooks: CommandHooks): Promise<void> {
  // The support desk's commands (/take, /release, /cases mine in the staff channel) live in their own flow.
  if (await runDeskCommand(e, t, name, args)) return;
  switch (name) {
    case 'start':
    case 'link':
      await startOrLink(e, t, args[0], name, hooks.relocalize);
      // /start pressed again in the middle of a report (a buyer lost in the chat): greeted, and the report offered back.
      if (name === 'start' && !args[0]) await offerReportUnderWay(e, t);
      return;
    case 'help':
      return void say(t, helpBody(t));
    case 'lang':
      return hooks.setLanguage((args[0] ?? '').toLowerCase());
    case 'cancel': {
      // A flow under way, or buttons just offered and not answered (« Rembourser 50 000 CDF ? », the proof kinds): left.
      const [had, voided] = await Promise.all([e.conv.clear(t.input.platform, t.input.userId, t.input.conversationId), voidOffered(e, t)]);
      return void say(t, m(had || voided ? 'engine-cancelled' : 'engine-nothing-to-cancel'));
    }
    case 'report':
      requireWho(t);
      return startReport(e, t, restOf(text, 0) || null);
    case 'cases':
      return casesCommand(e, t, args.length ? args.join(' ') : undefined);
    case 'case':
      if (!args[0]) {
        // `/case` alone: the case of the thread it was written in, else the user's only case under way, else their
        // cases to pick from (support: the queues).
        const only = (await caseOfTurn(e, t)) ?? (await onlyCaseUnderWay(e, t, () => true));
        if (only) return showCase(e, t, only);
        if (t.staff || (t.who && (await e.deps.cases.list(t.who, 'mine')).length > 1)) return casesCommand(e, t, undefined);
        return sayUsage(t, 'case');
      }
      return showCaseNamed(e, t, args.join(' '));
    case 'escalate':
      // In the staff channel it is support's early escalation (a ground, asked with buttons when missing).
      if (t.staff && args[0]) return runSupportCommand(e, t, name, args, text);
      return onCase(e, t, args[0], 'escalate', async (id) => {
        const known = await caseForTurn(e, t, id);
        // A seller cannot escalate, but may ask support for help: that is what their /escalate means.
        if (known.role === 'seller') {
          say(t, m('engine-seller-escalate', { caseId: known.c.id }));
          return runCaseOp(e, t, { k: 'case', caseId: known.c.id, op: 'support' });
        }
        return actOnCase(e, t, id, { type: 'Escalate' }, known);
      });
    case 'close':
      return onCase(e, t, args[0], 'close', async (id) => {
        const { c, role } = await caseForTurn(e, t, id);
        // Only the buyer closes as satisfied: a seller is told how their own actions close it, with the card's buttons.
        if (role === 'seller' && c.status !== 'closed') return sayCard(e, t, c, role, [m('engine-seller-close', { caseId: c.id, reason: c.reason })]);
        await propose(e, t, c, role, { op: 'close' });
      });
    case 'refund':
      return refund(e, t, args);
    case 'tracking': {
      if (!args[0] || !args[1]) return sayUsage(t, 'tracking');
      // A carrier people name and a number, however written (`DHL: JD0142`, `dhl n° JD0142`, `JD0142 dhl`, a carrier's
      // tracking link `https://www.dhl.com/…?tracking-id=JD0142`), are read as from a seller's words; else the
      // first word is the carrier and the rest the number.
      const found = trackingInWords(args.slice(1).join(' '));
      if (found) return addTracking(e, t, await caseArg(e, t, args[0]), found.carrier, found.number);
      if (!args[2] || args.slice(1).some((a) => /^(?:https?:\/\/|www\.)/i.test(a))) return sayUsage(t, 'tracking');
      return addTracking(e, t, await caseArg(e, t, args[0]), args[1], args.slice(2).join(''));
    }
    default: {
      if (SUPPORT_COMMANDS.has(name)) return runSupportCommand(e, t, name, args, text);
      // `/refnd`, `/rembourser`, `/suivi`: the command meant is named (nothing runs on a guess).
      const meant = commandMeant(name);
      return void say(t, meant ? m('engine-unknown-command-meant', { command: name, meant }) : m('engine-unknown-command', { command: name }));
    }
  }
}

/** Every command's name (SPEC section 2). */
const COMMAND_NAMES = ['start', 'link', 'help', 'lang', 'cancel', 'report', 'cases', 'case', 'escalate', 'close', 'refund', 'tracking', 'take', 'release', ...SUPPORT_COMMANDS];
/** The French words people type for a command instead of its English name. */
const COMMAND_WORDS: Record<string, string> = {
  rembourser: 'refund', remboursement: 'refund', rembourse: 'refund', suivi: 'tracking', suivre: 'tracking', litige: 'case', litiges: 'cases',
  aide: 'help', langue: 'lang', annuler: 'cancel', escalader: 'escalate', fermer: 'close', clore: 'close', cloturer: 'close', rouvrir: 'reopen',
  suspendre: 'suspend', reactiver: 'reinstate', reintegrer: 'reinstate', demander: 'ask', prendre: 'take', decider: 'decide', signaler: 'report',
};

/** The command an unknown name was meant to be: a French word for it, or one command a typo away; else null. */
function commandMeant(name: string): string | null {
  const typed = foldText(name);
  if (COMMAND_WORDS[typed]) return COMMAND_WORDS[typed]!;
  const near = COMMAND_NAMES.filter((c) => distance(c, typed) <= (c.length >= 6 ? 2 : 1));
  return near.length === 1 ? near[0]! : null;
}

/**
 * The case a command without a case number means: the thread it was written in, else the user's only
 * open case as buyer; with several, the user picks one with buttons.
 */
async function onCase(e: EngineCtx, t: Turn, arg: string | undefined, op: CaseOp, run: (caseId: string) => Promise<void>): Promise<void> {
  const who = requireWho(t);
  if (arg) return run(await caseArg(e, t, arg));
  const inThread = await caseOfTurn(e, t);
  if (inThread) return run(inThread);
  const open = (await e.deps.cases.list(who, 'mine')).filter((c) => c.status !== 'closed' && c.buyerId === who.accountId);
  if (open.length === 1) return run(open[0]!.id);
  if (open.length === 0) return void say(t, m('engine-no-open-case'));
  const choices = await Promise.all(
    open.slice(0, 10).map(async (c) => ({
      label: m('engine-case-choice', { caseId: c.id, orderId: c.orderId, reason: c.reason }),
      token: await e.tokens.issue(t.owner, { k: 'case', caseId: c.id, op }),
    })),
  );
  say(t, m('engine-which-case'), { choices });
}

/**
 * `/case <arg>`: the case the argument names; support typing an order's digits that several cases' orders end with
 * (`/case 1001`) picks one with buttons.
 */
async function showCaseNamed(e: EngineCtx, t: Turn, arg: string): Promise<void> {
  const byDigits = await casesByOrderDigits(e, t, arg);
  if (byDigits.length === 1) return showCase(e, t, byDigits[0]!.id);
  if (byDigits.length === 0) return showCase(e, t, await caseArg(e, t, arg));
  const choices = await Promise.all(
    byDigits.slice(0, 10).map(async (c) => ({
      label: m('engine-case-choice', { caseId: c.id, orderId: c.orderId, reason: c.reason }),
      token: await e.tokens.issue(SUPPORT_OWNER, { k: 'case', caseId: c.id, op: 'view' }),
    })),
  );
  say(t, m('engine-which-case'), { choices });
}

/**
 * `/refund <id> [amount] [recover]`: full without an amount; `recover` is support's. In a case's thread (or a reply
 * to one of its messages) the case may go unnamed: `/refund 5000` there is 5 000 on that case, not case 5000.
 */
async function refund(e: EngineCtx, t: Turn, args: string[]): Promise<void> {
  const here = (await caseOfTurn(e, t)) ?? (await onlySellerCaseFor(e, t, args));
  const named = args[0] !== undefined && (!here || (await namesCase(e, t, args)));
  if (!named && !here) return sayUsage(t, 'refund');
  const caseId = named ? await caseArg(e, t, args[0]!) : here!;
  const rest = named ? args.slice(1) : args;
  const { c, role } = await caseForTurn(e, t, caseId);
  const recover = rest.some(isRecoverWord);
  if (recover && role !== 'support') throw new ForbiddenError('SUPPORT_ONLY');
  const amountText = rest
    .filter((a) => !isRecoverWord(a))
    .join(' ');
  // « tout », « la totalité », "full": the whole of what is left, as with no amount.
  const minor = amountText && !meansWholeRefund(amountText) ? amountOf(amountText, c) : null;
  // The same confirmation as the card's buttons: what is refunded, who pays, what becomes of the case.
  await propose(e, t, c, role, { op: 'refund', ...(minor !== null ? { amount: minor } : {}), ...(role === 'support' && recover ? { recover } : {}) });
}

/**
 * Whether a command's first argument names a case, where the turn is about one already: `C-000002`, `c2`, `#2` and
 * order numbers do; a bare number (`/refund 5000`, `/refund 5 000`) is an amount unless more follows it and one of
 * the user's cases has that number (`/refund 2 5000`).
 */
async function namesCase(e: EngineCtx, t: Turn, args: string[]): Promise<boolean> {
  const first = args[0]!;
  if (!/^\d+$/.test(first)) return caseIdOf(first) !== null || /^[a-z]{2,5}[-_]?\d{2,12}$/i.test(first);
  if (args.length < 2 || readsAsAmount(args.slice(1))) return false;
  const id = caseIdOf(first);
  return id !== null && (await e.deps.cases.list(requireWho(t), 'mine')).some((c) => c.id === id);
}

/** `5 000`, `000 FC`, `k`: words that continue an amount begun by the first argument. */
const readsAsAmount = (rest: string[]): boolean => /^(?:\d{3}|k|mille|%|cdf|fc|francs?|usd|\$)$/i.test(rest[0] ?? '');

/** The user's only case under way that `keep` accepts, or null (none, or several). */
async function onlyCaseUnderWay(e: EngineCtx, t: Turn, keep: (c: { sellerId: string; buyerId: string }) => boolean): Promise<string | null> {
  if (!t.who) return null;
  const open = (await e.deps.cases.list(t.who, 'mine')).filter((c) => c.status !== 'closed' && keep(c));
  return open.length === 1 ? open[0]!.id : null;
}

/**
 * `/refund 5000` written outside any case by a seller with one case under way: that case, when 5000 is no case of
 * theirs and nothing else follows but the amount's own words; `/refund` alone is that case in full. A confirmation
 * always follows, naming the case.
 */
async function onlySellerCaseFor(e: EngineCtx, t: Turn, args: string[]): Promise<string | null> {
  const first = args[0];
  if (!t.who || !t.account?.roles.includes('seller') || t.staff) return null;
  if (first && caseIdOf(first) !== null && !/^\d+$/.test(first)) return null;
  if (args.length > 1 && !readsAsAmount(args.slice(1))) return null;
  const asCase = first ? caseIdOf(first) : null;
  const mine = await e.deps.cases.list(t.who, 'mine');
  if (asCase && mine.some((c) => c.id === asCase)) return null;
  const who = t.who.accountId;
  const open = mine.filter((c) => c.status !== 'closed' && c.sellerId === who);
  return open.length === 1 ? open[0]!.id : null;
}
