import { supportTimeLeft } from '../../../domain/desk.js';
import { SUPPORT_OWNER } from '../actions.js';
import { caseArg } from '../case-arg.js';
import { m, requireWho, say, type EngineCtx, type Turn } from '../context.js';
import { requireStaff } from '../support-commands.js';
import { queueOf } from '../support-words.js';
import { actOnCase } from './case-thread.js';

/** Cases listed per reply; the admin API lists the rest. */
const LIST_MAX = 15;

/**
 * The support desk's commands: `/take <case>`, `/release <case>`, and `/cases mine` in the staff channel
 * (the cases the agent owns). True when the command was one of them and has been handled.
 */
export async function runDeskCommand(e: EngineCtx, t: Turn, name: string, args: string[]): Promise<boolean> {
  if (name === 'take' || name === 'release') {
    requireStaff(t);
    if (!args[0]) {
      say(t, m('desk-usage', { command: name }));
      return true;
    }
    // The case as every support command takes it: `C-000001`, `1`, or its order (`CC-1001`, `1001`).
    const caseId = await caseArg(e, t, args[0]);
    await (name === 'take' ? takeCase(e, t, caseId) : actOnCase(e, t, caseId, { type: 'Release' }));
    return true;
  }
  // `mine` in any of its words (`miens`, `mes`, `my`): for support, the cases it owns, not the ones it is a party to.
  if (name === 'cases' && queueOf(args[0]) === 'mine' && t.staff && t.account?.roles.includes('support')) {
    await listOwned(e, t);
    return true;
  }
  return false;
}

/** The agent of this turn takes the case (`/take`, or « Je prends » on the staff card). */
export async function takeCase(e: EngineCtx, t: Turn, caseId: string): Promise<void> {
  requireStaff(t);
  const account = t.account!;
  await actOnCase(e, t, caseId, { type: 'Take', name: account.name || account.id });
}

/** `/cases mine` for support: the escalated cases the agent owns, with the business time left on each. */
async function listOwned(e: EngineCtx, t: Turn): Promise<void> {
  const who = requireWho(t);
  const cases = (await e.deps.cases.list(who, 'owned')).slice(0, LIST_MAX);
  if (cases.length === 0) return void say(t, m('desk-mine-none'));
  const lines = cases.map((c) => {
    const left = supportTimeLeft(c, e.deps.policy, t.now);
    const minutes = left === null ? null : Math.trunc(left / 60_000);
    const abs = Math.abs(minutes ?? 0);
    return m('desk-mine-line', {
      caseId: c.id,
      orderId: c.orderId,
      due: minutes === null ? 'none' : minutes >= 0 ? 'due' : 'late',
      hours: Math.floor(abs / 60),
      minutes: String(abs % 60).padStart(2, '0'),
    });
  });
  const choices = await Promise.all(
    cases.map(async (c) => ({
      label: m('engine-case-choice', { caseId: c.id, orderId: c.orderId, reason: c.reason }),
      token: await e.tokens.issue(SUPPORT_OWNER, { k: 'case', caseId: c.id, op: 'view' }),
    })),
  );
  say(t, [m('desk-mine-title', { count: cases.length }), ...lines], { choices });
}
