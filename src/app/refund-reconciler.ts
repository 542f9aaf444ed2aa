import type { CaseStore } from '../ports/case-store.js';
import type { Clock } from '../ports/clock.js';
import { silentLogger, type Logger } from '../ports/logger.js';
import type { Marketplace } from '../ports/marketplace.js';
import type { ScheduledJob, Scheduler } from '../ports/scheduler.js';
import { reconcileRefunds, refundRecords } from './case-refunds.js';
import type { Metrics } from './metrics.js';

/** The scheduler job kind of one reconciliation round. */
export const RECONCILE_REFUNDS = 'reconcile-refunds';

export interface RefundReconcilerDeps {
  store: CaseStore;
  marketplace: Marketplace;
  scheduler: Scheduler;
  clock: Clock;
  logger?: Logger;
  metrics?: Metrics;
  /** How often a round runs, across all processes together (default 10 minutes). */
  everyMs?: number;
  /** Refunds older than this are no longer looked at (default 30 days). */
  lookbackMs?: number;
}

export interface RoundResult {
  /** Cases with a refund in the look-back window. */
  cases: number;
  /** Refunds the marketplace did not know and was asked for again. */
  replayed: number;
  /** Refund ids the marketplace still does not confirm. */
  unconfirmed: string[];
}

/**
 * Replays the refunds a case records but the marketplace never confirmed (its call failed, or the process died
 * between the append and the call). One round per period across every process: each process schedules the job
 * `reconcile-refunds-<period number>`, and the scheduler runs one job id once. What stays unconfirmed is the
 * `palabre_refunds_unconfirmed` gauge and a warning with the ids (docs/operations.md).
 */
export function createRefundReconciler(deps: RefundReconcilerDeps) {
  const log = deps.logger ?? silentLogger;
  const everyMs = deps.everyMs ?? 600_000;
  const lookbackMs = deps.lookbackMs ?? 30 * 86_400_000;
  let timer: NodeJS.Timeout | undefined;

  async function round(): Promise<RoundResult> {
    const since = deps.clock.now().getTime() - lookbackMs;
    const cases = (await deps.store.list({})).filter((c) => refundRecords(c).some((r) => Date.parse(r.at) >= since));
    let replayed = 0;
    const unconfirmed: string[] = [];
    for (const c of cases) {
      const known = new Set((await deps.marketplace.refunds(c.orderId)).map((r) => r.id));
      replayed += refundRecords(c).filter((r) => !known.has(r.id)).length;
      unconfirmed.push(...(await reconcileRefunds(deps.marketplace, c, log).catch(() => refundRecords(c).map((r) => r.id ?? ''))));
    }
    deps.metrics?.refundsUnconfirmed.set(unconfirmed.length);
    if (unconfirmed.length > 0) log.warn({ code: 'REFUNDS_UNCONFIRMED', refundIds: unconfirmed }, 'refunds recorded on cases are still not confirmed by the marketplace');
    else log.debug({ cases: cases.length, replayed }, 'refunds reconciled');
    return { cases: cases.length, replayed: replayed - unconfirmed.length, unconfirmed };
  }

  async function plan(): Promise<void> {
    const period = Math.floor(deps.clock.now().getTime() / everyMs);
    await deps.scheduler.schedule({ id: `${RECONCILE_REFUNDS}-${period}`, dueAt: deps.clock.now().toISOString(), kind: RECONCILE_REFUNDS, data: {} });
  }

  return {
    round,
    /** True when the job is a reconciliation round, which it then runs. */
    async handle(job: ScheduledJob): Promise<boolean> {
      if (job.kind !== RECONCILE_REFUNDS) return false;
      await round();
      return true;
    },
    /** Plans this period's round now and every period after. */
    async start(): Promise<void> {
      const tick = () => plan().catch((err: unknown) => log.warn({ err }, 'could not plan a refund reconciliation'));
      await tick();
      timer = setInterval(() => void tick(), everyMs);
      timer.unref();
    },
    stop(): void {
      clearInterval(timer);
    },
  };
}

export type RefundReconciler = ReturnType<typeof createRefundReconciler>;
