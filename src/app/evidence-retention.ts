import type { Duration } from 'luxon';
import { evidenceDue, liveEvidence } from '../domain/retention.js';
import type { BlobStore } from '../ports/blob-store.js';
import type { CaseStore } from '../ports/case-store.js';
import type { Clock } from '../ports/clock.js';
import type { Logger } from '../ports/logger.js';
import type { ScheduledJob, Scheduler } from '../ports/scheduler.js';
import type { CaseService } from './case-service.js';
import type { Metrics } from './metrics.js';

/** The scheduler job kind of the daily evidence clean-up. */
export const RETENTION_JOB = 'evidence-retention';
/** The hour (UTC) the clean-up runs: a quiet one for Kinshasa. */
const RUN_AT_UTC = 'T02:30:00.000Z';

/** The day's clean-up: one id per day (no `:`), so every process scheduling it schedules one job. */
export function retentionJob(day: string): ScheduledJob {
  return { id: `${RETENTION_JOB}-${day}`, dueAt: `${day}${RUN_AT_UTC}`, kind: RETENTION_JOB, data: { day } };
}

/** The next clean-up at or after `now`: today's if its hour is still to come, else tomorrow's. */
export function nextRetentionJob(now: Date): ScheduledJob {
  const today = now.toISOString().slice(0, 10);
  if (Date.parse(`${today}${RUN_AT_UTC}`) > now.getTime()) return retentionJob(today);
  return retentionJob(new Date(now.getTime() + 86_400_000).toISOString().slice(0, 10));
}

export interface EvidenceRetentionDeps {
  store: CaseStore;
  cases: CaseService;
  blobs: BlobStore;
  scheduler: Scheduler;
  clock: Clock;
  /** EVIDENCE_RETENTION: how long after closing a case's files are kept. */
  retention: Duration;
  logger: Logger;
  metrics?: Metrics;
  /** The sweep of files no case holds, run by the same daily job (so once across processes too). */
  orphans?: { sweep(): Promise<unknown> };
}

/**
 * Deletes the evidence files of cases closed for longer than EVIDENCE_RETENTION, once a day across processes (a
 * scheduler job per day), and records it on each case's timeline, which keeps the references.
 */
export function createEvidenceRetention(deps: EvidenceRetentionDeps) {
  const log = deps.logger.child({ component: 'evidence-retention' });
  const system = { accountId: 'system', platform: 'system' as const };

  /** One pass over every case; returns what it did. Safe to run twice: deleted files are recorded, then skipped. */
  async function sweep(): Promise<{ cases: number; deleted: number }> {
    const now = deps.clock.now().toISOString();
    const all = await deps.store.list({});
    const due = all.map((c) => ({ c, ids: evidenceDue(c, deps.retention, now) }));
    // The same photo sent on two cases is one blob: it stays while a case still within its retention holds it.
    const held = new Set(due.filter((d) => d.ids.length === 0).flatMap((d) => liveEvidence(d.c)));
    let cases = 0;
    let deleted = 0;
    for (const { c, ids: dueIds } of due) {
      const ids = dueIds.filter((id) => !held.has(id));
      if (ids.length === 0) continue;
      try {
        for (const id of ids) {
          if (!(await deps.blobs.delete(id))) continue;
          deleted += 1;
          deps.metrics?.evidenceDeleted.inc();
        }
        // Recorded once the files are gone: a run that dies in between deletes (nothing) again and records.
        await deps.cases.act(system, c.id, { type: 'ExpireEvidence', blobIds: ids });
        cases += 1;
      } catch (err) {
        log.error({ err, caseId: c.id }, 'evidence of a closed case could not be deleted; next run tries again');
      }
    }
    log.info({ cases, deleted }, 'evidence retention run');
    return { cases, deleted };
  }

  return {
    sweep,
    /** Schedules the next daily run (a no-op when another process did). */
    async plan(): Promise<void> {
      await deps.scheduler.schedule(nextRetentionJob(deps.clock.now()));
    },
    /** Runs a due daily job (retention, then the orphan sweep), then schedules the next day's. */
    async handle(job: ScheduledJob): Promise<void> {
      await sweep();
      await deps.orphans?.sweep().catch((err: unknown) => log.error({ err }, 'orphan evidence sweep failed; next run tries again'));
      const day = String(job.data.day ?? job.dueAt.slice(0, 10));
      await deps.scheduler.schedule(retentionJob(new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)));
    },
  };
}

export type EvidenceRetention = ReturnType<typeof createEvidenceRetention>;
