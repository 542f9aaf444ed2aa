import type { Duration } from 'luxon';
import { plus, millis } from '../domain/time.js';
import type { BlobStore } from '../ports/blob-store.js';
import type { CaseStore } from '../ports/case-store.js';
import type { Clock } from '../ports/clock.js';
import type { Logger } from '../ports/logger.js';
import type { Metrics } from './metrics.js';

export interface OrphanSweepDeps {
  store: CaseStore;
  blobs: BlobStore;
  clock: Clock;
  /** EVIDENCE_ORPHAN_TTL: how long a file no case holds is kept after it was stored. */
  ttl: Duration;
  logger: Logger;
  metrics?: Metrics;
}

/**
 * Deletes the files nobody attached to a case (a report abandoned after its photos were sent) once they are older
 * than EVIDENCE_ORPHAN_TTL. Run by the daily evidence job, so once across processes.
 */
export function createOrphanSweep(deps: OrphanSweepDeps) {
  const log = deps.logger.child({ component: 'evidence-orphans' });

  /** One pass over the store; returns how many files it deleted. */
  async function sweep(): Promise<{ deleted: number }> {
    const now = deps.clock.now().toISOString();
    // Files first, cases second: a case opened with an old file while this runs is among the cases read.
    const old = (await deps.blobs.list()).filter((b) => millis(plus(b.storedAt, deps.ttl)) <= millis(now));
    if (old.length === 0) return { deleted: 0 };
    const held = new Set<string>();
    for (const c of await deps.store.list({})) for (const e of c.timeline) if (e.type === 'evidence' && e.blob) held.add(e.blob.id);
    let deleted = 0;
    for (const { id } of old) {
      if (held.has(id)) continue;
      try {
        if (!(await deps.blobs.delete(id))) continue;
        deleted += 1;
        deps.metrics?.evidenceOrphansDeleted.inc();
      } catch (err) {
        log.error({ err, blobId: id }, 'a file no case holds could not be deleted; next run tries again');
      }
    }
    log.info({ deleted, candidates: old.length }, 'orphan evidence sweep');
    return { deleted };
  }

  return { sweep };
}

export type OrphanSweep = ReturnType<typeof createOrphanSweep>;
