import type { Case } from '../domain/case-model.js';
import { businessDate, endOfBusinessDate, nextOpening, startOfBusinessDate, type BusinessCalendar } from '../domain/business-hours.js';
import { deskCalendar, overdueForSupport, supportDueAt } from '../domain/desk.js';
import type { Policy } from '../domain/policy.js';
import { millis } from '../domain/time.js';
import type { CaseStore } from '../ports/case-store.js';
import { systemClock, type Clock } from '../ports/clock.js';
import { silentLogger, type Logger } from '../ports/logger.js';
import type { Msg, Notification } from '../ports/notification.js';
import type { ScheduledJob, Scheduler } from '../ports/scheduler.js';

/** The scheduler job kind of the morning digest. */
export const DIGEST_KIND = 'desk_digest';
/** Cases listed per section; the rest is counted. */
const SECTION_MAX = 10;

export interface DeskDigestDeps {
  store: Pick<CaseStore, 'list'>;
  scheduler: Scheduler;
  /** Writes the digest to the outbox: its id (one per business day) makes a second send a no-op. */
  send: (ns: Notification[]) => Promise<void>;
  policy: Policy;
  /** The desk's days: when it opens. Defaults to the policy's calendar (the embedded demo's policy has none). */
  calendar?: BusinessCalendar;
  clock?: Clock;
  logger?: Logger;
}

/** The morning digest of the support desk, posted in the staff channels at the start of each business day. */
export interface DeskDigest {
  /** Schedules today's digest (when the day has begun and it has not run) and the next business day's. Idempotent. */
  schedule(): Promise<void>;
  /** Whether a scheduled job is the digest's. */
  handles(job: ScheduledJob): boolean;
  /** Posts the digest of a job that came due, then schedules the next business day's. */
  handle(job: ScheduledJob): Promise<void>;
}

/** `desk-digest-2026-06-30`: one job and one notification per business day (no `:` in BullMQ job ids). */
export function digestId(date: string): string {
  return `desk-digest-${date}`;
}

/**
 * What the desk sees each morning: new escalations (since the previous digest), cases due today,
 * overdue ones, unowned ones. Pure: the cases and the time come in.
 */
export function digestBody(cases: readonly Case[], policy: Policy, now: string, since: string, cal: BusinessCalendar = deskCalendar(policy)): Msg[] {
  const endOfDay = millis(endOfBusinessDate(now, cal));
  const escalated = cases.filter((c) => c.status === 'escalated');
  const fresh = escalated.filter((c) => c.escalatedAt && millis(c.escalatedAt) >= millis(since));
  const overdue = escalated.filter((c) => overdueForSupport(c, policy, now));
  const dueToday = escalated.filter((c) => {
    const due = supportDueAt(c, policy);
    return due !== null && millis(due) > millis(now) && millis(due) < endOfDay;
  });
  const unowned = escalated.filter((c) => !c.owner);
  const section = (kind: string, list: Case[]): Msg[] => {
    if (list.length === 0) return [];
    const lines = list.slice(0, SECTION_MAX).map((c): Msg => {
      const due = supportDueAt(c, policy);
      return {
        id: 'desk-digest-line',
        args: { caseId: c.id, orderId: c.orderId, owner: c.owner?.name ?? '', owned: c.owner ? 'yes' : 'no', ...(due ? { due: { date: due, style: 'datetime' } } : { due: '-' }) },
      };
    });
    const more = list.length - SECTION_MAX;
    return [{ id: 'desk-digest-section', args: { kind, count: list.length } }, ...lines, ...(more > 0 ? [{ id: 'desk-digest-more', args: { count: more } }] : [])];
  };
  const body: Msg[] = [
    { id: 'desk-digest-title', args: { date: { date: now, style: 'date' }, open: escalated.length } },
    ...section('new', fresh),
    ...section('due_today', dueToday),
    ...section('overdue', overdue),
    ...section('unowned', unowned),
  ];
  if (body.length === 1) body.push({ id: 'desk-digest-empty' });
  return body;
}

/**
 * The digest is one delayed job per business day, keyed by the desk's local date: with BullMQ every
 * process schedules the same id and one of them runs it; its notification id is the job id, so even a
 * retried job posts once. In the embedded mode the in-memory scheduler does the same in one process.
 */
export function createDeskDigest(deps: DeskDigestDeps): DeskDigest {
  const { store, scheduler, policy } = deps;
  const clock = deps.clock ?? systemClock;
  const log = deps.logger ?? silentLogger;
  const cal = deps.calendar ?? deskCalendar(policy);
  const now = () => clock.now().toISOString();

  function job(at: string, since: string): ScheduledJob {
    return { id: digestId(businessDate(at, cal)), dueAt: at, kind: DIGEST_KIND, data: { since } };
  }

  /** Today's first opening when the day has one and it has begun, else null. */
  function todaysOpening(at: string): string | null {
    const first = nextOpening(startOfBusinessDate(at, cal), cal);
    return businessDate(first, cal) === businessDate(at, cal) && millis(first) <= millis(at) ? first : null;
  }

  async function scheduleNext(after: string, since: string): Promise<void> {
    const next = nextOpening(after, cal);
    await scheduler.schedule(job(next, since));
  }

  return {
    async schedule() {
      const at = now();
      const today = todaysOpening(at);
      const since = new Date(millis(at) - 86_400_000).toISOString();
      if (today) await scheduler.schedule(job(today, since));
      await scheduleNext(today ? endOfBusinessDate(at, cal) : at, today ?? since);
    },

    handles: (j) => j.kind === DIGEST_KIND,

    async handle(j) {
      const at = now();
      const since = typeof j.data.since === 'string' ? j.data.since : new Date(millis(j.dueAt) - 86_400_000).toISOString();
      const cases = await store.list({ status: 'escalated' });
      const body = digestBody(cases, policy, at, since, cal);
      await deps.send([{ id: j.id, to: { support: true }, body, createdAt: at }]);
      log.info({ jobId: j.id, escalated: cases.length }, 'desk digest posted');
      await scheduleNext(endOfBusinessDate(j.dueAt, cal), j.dueAt);
    },
  };
}
