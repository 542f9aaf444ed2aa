import type { Case, CaseCommand, CaseEvent } from '../domain/case-model.js';
import { decide, evolve, fold } from '../domain/decider.js';
import type { Eligibility } from '../domain/eligibility.js';
import { ConflictError, isPalabreError } from '../domain/errors.js';
import {
  nextNudges,
  nudgeApplies,
  orderNudgeApplies,
  planNudges,
  planOrderReplyNudge,
  planUnshippedNudge,
  planWindowReminder,
  type NudgeRecipient,
  type PlannedNudge,
} from '../domain/nudges.js';
import type { Policy } from '../domain/policy.js';
import type { Actor, NudgeKind, Order, Shop } from '../domain/types.js';
import type { CaseStore } from '../ports/case-store.js';
import { systemClock, type Clock } from '../ports/clock.js';
import type { KeyValue } from '../ports/kv.js';
import type { Marketplace } from '../ports/marketplace.js';
import type { Notification } from '../ports/notification.js';
import type { ScheduledJob, Scheduler } from '../ports/scheduler.js';
import { silentLogger, type Logger } from '../ports/logger.js';
import type { Metrics } from './metrics.js';
import { notificationsFor, orderNudgeNotification } from './notifications.js';
import type { OutboxWorker } from './outbox-worker.js';

export interface NudgesDeps {
  store: CaseStore;
  scheduler: Scheduler;
  outbox: Pick<OutboxWorker, 'wake' | 'send'>;
  marketplace: Marketplace;
  /** Order-level bookkeeping: unanswered buyer messages, seller replies, nudges sent. */
  kv: KeyValue;
  policy: Policy;
  /** Zone in which an order's processing days are counted. */
  defaultTimezone: string;
  clock?: Clock;
  logger?: Logger;
  metrics?: Metrics;
}

/** The deadline nudges of SPEC section 1: planned from events, checked when due, sent once. */
export interface Nudges {
  /**
   * The case service's afterAppend: wakes the outbox (without waiting for the hand-off), schedules the case's
   * new earliest nudges, cancels those the change made stale or no longer earliest. Never throws.
   */
  afterAppend(c: Case, events: CaseEvent[], notifications?: Notification[], before?: Case): Promise<void>;
  /**
   * The scheduler's handler: sends a due nudge if it still applies, then schedules the case's next earliest
   * nudges (throws to have the job retried).
   */
  handle(job: ScheduledJob): Promise<void>;
  /** Schedules every open case's earliest nudges again (at start: a crash may have come between an append and its scheduling). */
  resync(): Promise<number>;
  /** An order was shown or discussed: nudge its seller if it is still unshipped when processing ends. */
  orderSeen(order: Order, shop: Shop): Promise<void>;
  /** The buyer reported a problem without opening a case: remind them before the case window closes. */
  problemReported(order: Order, shop: Shop, eligibility: Eligibility): Promise<void>;
  /** The buyer wrote to the seller about an order (no case): nudge the seller if it stays unanswered. */
  buyerMessaged(orderId: string, at: string): Promise<void>;
  /** The seller answered the buyer about an order. */
  sellerReplied(orderId: string, at: string): Promise<void>;
}

const SYSTEM: Actor = { accountId: 'system', role: 'system', platform: 'system' };
const YEAR_MS = 400 * 86_400_000;
/** Cases whose last plan a process keeps (see createNudges, `plans`): a few hundred bytes each. */
const PLANS_KEPT = 5000;
const KINDS: readonly NudgeKind[] = [
  'seller_case_opened',
  'seller_reminder',
  'buyer_escalation_open',
  'buyer_window_closing',
  'seller_unshipped',
  'seller_reply_due',
  'support_late_delivery',
  'support_sla',
  'support_owner_idle',
];

/** A nudge as a scheduler job: the nudge id is the job id, so planning it again is a no-op. */
export function nudgeJob(n: PlannedNudge): ScheduledJob {
  return { id: n.id, dueAt: n.dueAt, kind: n.kind, data: { caseId: n.caseId, orderId: n.orderId, to: n.to, basis: n.basis ?? null } };
}

function nudgeOf(job: ScheduledJob): PlannedNudge | null {
  const { caseId, orderId, to, basis } = job.data;
  if (!KINDS.includes(job.kind as NudgeKind) || typeof orderId !== 'string') return null;
  return {
    id: job.id,
    kind: job.kind as NudgeKind,
    to: to as NudgeRecipient,
    dueAt: job.dueAt,
    caseId: typeof caseId === 'string' ? caseId : null,
    orderId,
    ...(typeof basis === 'string' ? { basis } : {}),
  };
}

/**
 * Exactly once: a case nudge is recorded by an append that only succeeds if the case is still at
 * the version on which `nudgeApplies` said yes; a concurrent change (the seller answering, another
 * process recording the same nudge) makes it reload and look again. The recorded event and its
 * outbox notification are one atomic write, and the outbox delivers each notification once.
 */
export function createNudges(deps: NudgesDeps): Nudges {
  const { store, scheduler, policy, kv } = deps;
  const clock = deps.clock ?? systemClock;
  const log = deps.logger ?? silentLogger;
  const now = () => clock.now().toISOString();
  const waitKey = (orderId: string) => `nudge:order-waiting:${orderId}`;
  const replyKey = (orderId: string) => `nudge:order-replied:${orderId}`;
  const sentKey = (id: string) => `nudge:sent:${id}`;

  /**
   * The plan of each case as this process's last replan of it computed it (planNudges is a function of the case, and
   * a case id at a version is one state: appends are checked against the version): the next change of the case
   * starts from it instead of planning the case before the change again. Checked by version, opening time and last
   * entry, so that a case id reused after its keys were deleted is planned afresh; the oldest dropped past PLANS_KEPT.
   */
  const plans = new Map<string, { stamp: string; plan: PlannedNudge[] }>();
  const planStamp = (c: Case) => `${c.version}|${c.openedAt}|${c.timeline[c.version - 1]?.at ?? ''}`;
  function planOf(c: Case): PlannedNudge[] {
    const kept = plans.get(c.id);
    return kept && kept.stamp === planStamp(c) ? kept.plan : planNudges(c, policy);
  }
  function keepPlan(c: Case, plan: PlannedNudge[]): void {
    plans.delete(c.id);
    plans.set(c.id, { stamp: planStamp(c), plan });
    if (plans.size > PLANS_KEPT) plans.delete(plans.keys().next().value!);
  }

  /**
   * Only a case's earliest planned nudges are scheduled (a pending BullMQ job is about 1 KB of Redis);
   * each one, when it fires, schedules the next (`chain`). A change moves that front: what it brings
   * forward is scheduled, what it made stale or pushed back is cancelled and comes back through the chain.
   */
  async function replan(c: Case, events: CaseEvent[], was?: Case): Promise<void> {
    try {
      const at = now();
      const previous = c.version - events.length;
      // The case before the change: as the caller had it, or folded again from the timeline.
      const prior = was?.version === previous ? was : previous > 0 ? fold(c.timeline.slice(0, previous)) : null;
      const before = prior ? nextNudges(planOf(prior), at) : [];
      const plan = planNudges(c, policy);
      keepPlan(c, plan);
      const front = nextNudges(plan, at);
      const keep = new Set(front.map((n) => n.id));
      // The front before this change was scheduled by the change or the nudge that made it the front:
      // scheduling it again is a no-op that costs a Redis round trip and a Lua script each. If that
      // earlier scheduling failed (a crash between append and schedule), the start-up `resync` repairs it.
      const frontBefore = new Set(before.map((n) => n.id));
      await Promise.all(front.filter((n) => !frontBefore.has(n.id)).map((n) => scheduler.schedule(nudgeJob(n))));
      // A cancelled one still planned is scheduled again by the chain once its turn comes; one that fires
      // all the same (cancelled while running) is dropped by nudgeApplies if stale, and scheduling it later is a no-op.
      await Promise.all(before.filter((n) => !keep.has(n.id)).map((n) => scheduler.cancel(n.id)));
    } catch (err) {
      log.error({ err, caseId: c.id }, 'could not schedule the case nudges; the start-up resync does');
    }
  }

  async function afterAppend(c: Case, events: CaseEvent[], notifications?: Notification[], before?: Case): Promise<void> {
    // Not awaited: the hand-off must not hold up the turn that caused it. Hand-offs of one case keep their order
    // (each moves only the outbox's first entries, see OutboxWorker.wake). What a crash leaves in the case
    // outbox, the worker's sweep hands off.
    void deps.outbox.wake(c.id, notifications).catch((err: unknown) => log.warn({ err, caseId: c.id }, 'outbox hand-off failed'));
    await replan(c, events, before);
  }

  /** Sends a due case nudge if it applies; returns the case as it was last seen, for the chain. */
  async function caseNudge(nudge: PlannedNudge & { caseId: string }): Promise<{ outcome: 'sent' | 'dropped'; c: Case | null }> {
    for (let attempt = 0; attempt < 10; attempt += 1) {
      const c = await store.load(nudge.caseId);
      const at = now();
      if (!c || !nudgeApplies(c, nudge, at)) return { outcome: 'dropped', c };
      const cmd: CaseCommand =
        nudge.kind === 'support_late_delivery' ? { type: 'FlagLateDelivery' } : { type: 'RecordReminder', nudge: nudge.kind, to: nudge.to, nudgeId: nudge.id };
      let events: CaseEvent[];
      try {
        events = decide(c, cmd, { now: at, policy, actor: SYSTEM });
      } catch (err) {
        if (!isPalabreError(err)) throw err;
        log.warn({ err, caseId: c.id, nudgeId: nudge.id }, 'nudge refused by the case rules: dropped');
        return { outcome: 'dropped', c };
      }
      const next = events.reduce<Case>((s, e) => evolve(s, e), c);
      const notes = notificationsFor(next, events);
      try {
        await store.append(c.id, c.version, events, next, notes);
      } catch (err) {
        if (err instanceof ConflictError && err.code === 'VERSION_CONFLICT') continue;
        throw err;
      }
      // Recording the nudge only takes it out of the plan: what comes next is the chain's (see handle), so
      // this append needs no replanning, only the hand-off of its notification.
      void deps.outbox.wake(c.id, notes).catch((err: unknown) => log.warn({ err, caseId: c.id }, 'outbox hand-off failed'));
      return { outcome: 'sent', c: next };
    }
    throw new ConflictError('VERSION_CONFLICT', `case ${nudge.caseId} kept changing`, { caseId: nudge.caseId });
  }

  async function orderNudge(nudge: PlannedNudge): Promise<'sent' | 'dropped'> {
    if (await kv.get(sentKey(nudge.id))) return 'dropped';
    const order = await deps.marketplace.order(nudge.orderId);
    if (!order) return 'dropped';
    const [openCase, cases, repliedAt] = await Promise.all([
      store.openCaseForOrder(order.id),
      store.list({ orderId: order.id, limit: 1 }),
      kv.get<string>(replyKey(order.id)),
    ]);
    const at = now();
    const facts = { now: at, order, caseOpened: openCase !== null || cases.length > 0, sellerRepliedAt: repliedAt ?? null };
    if (!orderNudgeApplies(nudge, facts)) return 'dropped';
    const recipientId = nudge.to === 'buyer' ? order.buyerId : (await deps.marketplace.shop(order.shopId))?.ownerId;
    const n = recipientId ? orderNudgeNotification(nudge, order, recipientId, at) : null;
    if (!n) return 'dropped';
    // Sent before being marked: a crash in between resends, and the outbox knows this id already.
    await deps.outbox.send([n]);
    await kv.set(sentKey(nudge.id), at, YEAR_MS);
    return 'sent';
  }

  async function schedule(n: PlannedNudge | null): Promise<void> {
    if (n && !(await kv.get(sentKey(n.id)))) await scheduler.schedule(nudgeJob(n));
  }

  return {
    afterAppend,

    async handle(job) {
      const nudge = nudgeOf(job);
      if (!nudge) {
        log.warn({ jobId: job.id, kind: job.kind }, 'unknown scheduled job: ignored');
        return;
      }
      let outcome: 'sent' | 'dropped';
      if (nudge.caseId) {
        const done = await caseNudge({ ...nudge, caseId: nudge.caseId });
        outcome = done.outcome;
        // Sent or dropped, the case's next nudges come after this one. Thrown if it fails: the retry finds the
        // nudge recorded (dropped) and schedules them then; else nothing would until the next restart.
        if (done.c) await Promise.all(nextNudges(planNudges(done.c, policy), now(), nudge.dueAt).map((n) => scheduler.schedule(nudgeJob(n))));
      } else {
        outcome = await orderNudge(nudge);
      }
      deps.metrics?.reminders.inc({ kind: nudge.kind, outcome });
      if (outcome === 'sent') deps.metrics?.reminderLag.observe(Math.max(0, clock.now().getTime() - Date.parse(nudge.dueAt)) / 1000);
      log.info({ nudgeId: nudge.id, caseId: nudge.caseId, orderId: nudge.orderId, outcome }, 'nudge due');
    },

    async resync() {
      const cases = await store.list({ status: ['open', 'escalated'] });
      for (const c of cases) await Promise.all(nextNudges(planNudges(c, policy), now()).map((n) => scheduler.schedule(nudgeJob(n))));
      return cases.length;
    },

    async orderSeen(order, shop) {
      await schedule(planUnshippedNudge(order, shop, deps.defaultTimezone));
    },

    async problemReported(order, shop, eligibility) {
      if (clock.now().getTime() < Date.parse(eligibility.until)) await schedule(planWindowReminder(order, eligibility.until, policy, eligibility.timezone));
      await schedule(planUnshippedNudge(order, shop, deps.defaultTimezone));
    },

    async buyerMessaged(orderId, at) {
      // The nudge counts from the first unanswered message: later ones do not push it back.
      if (await kv.get(waitKey(orderId))) return;
      await kv.set(waitKey(orderId), at, YEAR_MS);
      await scheduler.schedule(nudgeJob(planOrderReplyNudge(orderId, at, policy)));
    },

    async sellerReplied(orderId, at) {
      await kv.set(replyKey(orderId), at, YEAR_MS);
      const since = await kv.get<string>(waitKey(orderId));
      await kv.delete(waitKey(orderId));
      if (since) await scheduler.cancel(planOrderReplyNudge(orderId, since, policy).id);
    },
  };
}
