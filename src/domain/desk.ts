import { ALWAYS_OPEN, businessDueAt, businessElapsed, type BusinessCalendar } from './business-hours.js';
import type { Case, CaseCommand, CaseEvent } from './case-model.js';
import { ForbiddenError, IllegalStateError } from './errors.js';
import type { Policy } from './policy.js';
import { cleanText } from './text.js';
import { millis } from './time.js';
import type { Actor } from './types.js';

type Ownership = Extract<CaseCommand, { type: 'Take' | 'Release' }>;

/**
 * One owner per escalated case. Take: support, on an escalated case nobody owns (an owner releases
 * before another takes, so two agents never work the same case unknowingly). Release: its owner only.
 */
export function decideOwnership(state: Case, cmd: Ownership, base: { at: string; actor: Actor }): CaseEvent[] {
  if (base.actor.role !== 'support') throw new ForbiddenError('SUPPORT_ONLY', undefined, { role: base.actor.role });
  if (state.status === 'closed') throw new IllegalStateError('CASE_CLOSED', undefined, { caseId: state.id });
  if (state.status !== 'escalated') throw new IllegalStateError('NOT_ESCALATED', undefined, { caseId: state.id });
  const owner = state.owner ?? null;
  if (cmd.type === 'Take') {
    if (owner) throw new IllegalStateError('CASE_ALREADY_TAKEN', undefined, { caseId: state.id, owner: owner.name, mine: owner.accountId === base.actor.accountId ? 'yes' : 'no' });
    const name = [...cleanText(cmd.name)].slice(0, 100).join('');
    return [{ ...base, type: 'assigned', ownerId: base.actor.accountId, ownerName: name }];
  }
  if (!owner || owner.accountId !== base.actor.accountId) throw new IllegalStateError('NOT_CASE_OWNER', undefined, { caseId: state.id, owner: owner?.name ?? '', owned: owner ? 'yes' : 'no' });
  return [{ ...base, type: 'released', ownerId: owner.accountId }];
}

/** The desk's calendar in force: the policy's business hours, or the wall clock when none is set. */
export function deskCalendar(policy: Policy): BusinessCalendar {
  return policy.supportCalendar ?? ALWAYS_OPEN;
}

/** Support did something on the case (taking or releasing it is not working it). */
function supportWork(e: CaseEvent): boolean {
  return e.actor.role === 'support' && e.type !== 'assigned' && e.type !== 'released';
}

/**
 * Since when support owes the case an action, or null when it owes none. Unowned: from the escalation,
 * until support's first action, and again from the answer of a party support asked for information (the
 * case waits for support once more). Owned: from the owner's taking it or support's last action, whichever
 * is later: an owner's absence is counted from there.
 */
export function supportOwedSince(c: Case): string | null {
  if (c.status !== 'escalated' || !c.escalatedAt) return null;
  const lastEscalation = c.timeline.findLastIndex((e) => e.type === 'escalated');
  const after = c.timeline.slice(lastEscalation + 1);
  const lastWork = after.findLast(supportWork)?.at ?? null;
  if (c.owner) {
    const candidates = [c.owner.since, lastWork ?? c.escalatedAt].map(millis);
    return Math.max(...candidates) === millis(c.owner.since) ? c.owner.since : (lastWork ?? c.escalatedAt);
  }
  let owed: string | null = c.escalatedAt;
  let asked: 'buyer' | 'seller' | null = null;
  for (const e of after) {
    if (supportWork(e)) {
      owed = null;
      if (e.type === 'info_requested') asked = e.from;
    } else if (asked && (e.type === 'comment' || e.type === 'evidence') && e.actor.role === asked) {
      owed ??= e.at;
      asked = null;
    }
  }
  return owed;
}

/** When support's answer is due (POLICY_SUPPORT_SLA counted in business hours), or null when none is owed. */
export function supportDueAt(c: Case, policy: Policy): string | null {
  const since = supportOwedSince(c);
  return since ? businessDueAt(since, policy.supportSla, deskCalendar(policy)) : null;
}

/** When an absent owner is reminded: half the SLA, in business hours. Null when unowned or nothing is owed. */
export function ownerReminderAt(c: Case, policy: Policy): string | null {
  const since = supportOwedSince(c);
  if (!since || !c.owner) return null;
  return businessDueAt(since, Math.round(policy.supportSla.toMillis() / 2), deskCalendar(policy));
}

/** Past its support due time at `now`. */
export function overdueForSupport(c: Case, policy: Policy, now: string): boolean {
  const due = supportDueAt(c, policy);
  return due !== null && millis(due) <= millis(now);
}

/** Business time left before support's answer is due (negative once late), or null when none is owed. */
export function supportTimeLeft(c: Case, policy: Policy, now: string): number | null {
  const due = supportDueAt(c, policy);
  if (!due) return null;
  const cal = deskCalendar(policy);
  return millis(due) >= millis(now) ? businessElapsed(now, due, cal) : -businessElapsed(due, now, cal);
}

/**
 * Business time from each escalation of the case to support's first action after it (taking the case
 * counts: someone answered the queue), for the desk's response-time metrics. Escalations still unanswered are left out.
 */
export function firstSupportResponses(c: Case, policy: Policy): number[] {
  const cal = deskCalendar(policy);
  const out: number[] = [];
  let waitingSince: string | null = null;
  for (const e of c.timeline) {
    if (e.type === 'escalated') waitingSince = e.at;
    else if (waitingSince && e.actor.role === 'support') {
      out.push(businessElapsed(waitingSince, e.at, cal));
      waitingSince = null;
    }
  }
  return out;
}
