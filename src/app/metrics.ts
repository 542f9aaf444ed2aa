import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Prometheus metrics served at /metrics. One registry per process (tests may create their own). */
export function createMetrics() {
  const registry = new Registry();
  /** Where the evidence gauges read storage use on scrape (set by the composition root; cache it there). */
  const evidence: { usage: (() => Promise<{ objects: number; bytes: number }>) | null } = { usage: null };
  const usageOf = async (key: 'objects' | 'bytes') => (evidence.usage ? (await evidence.usage())[key] : null);
  collectDefaultMetrics({ register: registry, prefix: 'palabre_' });
  return {
    registry,
    /** Inbound turns handled, by platform and outcome (`ok`, `refused`, `error`); duplicates are in `duplicates`. */
    turns: new Counter({ name: 'palabre_turns_total', help: 'Inbound turns handled', labelNames: ['platform', 'outcome'], registers: [registry] }),
    /**
     * Inbound events not run because another handler has them, by platform and outcome: `ignored` (already handled:
     * acknowledged without running again) or `refused` (claimed, not yet confirmed: answered so that the platform
     * retries, or, where it does not retry, waited for).
     */
    duplicates: new Counter({ name: 'palabre_inbound_duplicates_total', help: 'Inbound events already handled (ignored) or being handled elsewhere (refused)', labelNames: ['platform', 'outcome'], registers: [registry] }),
    /** Cases by status, refreshed on scrape by whoever sets `casesCollector`. */
    cases: new Gauge({ name: 'palabre_cases', help: 'Cases by status', labelNames: ['status'], registers: [registry] }),
    /** Notification deliveries by platform and outcome (`sent`, `failed`, `dead`, `skipped`). */
    notifications: new Counter({
      name: 'palabre_notifications_total',
      help: 'Notification deliveries',
      labelNames: ['platform', 'outcome'],
      registers: [registry],
    }),
    /** Deliveries sent again after a process stopped or died holding them: at most one duplicate each. */
    redelivered: new Counter({
      name: 'palabre_notifications_redelivered_total',
      help: 'Deliveries taken over from a stopped or dead process and sent (the dead process may have sent them too)',
      labelNames: ['platform'],
      registers: [registry],
    }),
    /** Dead letters waiting for a replay. */
    deadLetters: new Gauge({ name: 'palabre_notifications_dead', help: 'Undeliverable notifications kept as dead letters', registers: [registry] }),
    /** Deliveries retrying right now (a stuck one stays here). */
    retrying: new Gauge({ name: 'palabre_notifications_retrying', help: 'Notifications waiting for a retry', registers: [registry] }),
    /** Due time → notifier called, for reminders. */
    reminderLag: new Histogram({
      name: 'palabre_reminder_lag_seconds',
      help: 'Delay between a reminder coming due and its delivery starting',
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 15, 60],
      registers: [registry],
    }),
    /** Evidence files kept (blobs), read on scrape from `evidence.usage`. */
    evidence,
    evidenceObjects: new Gauge({
      name: 'palabre_evidence_objects',
      help: 'Evidence files in storage',
      registers: [registry],
      async collect() {
        const v = await usageOf('objects').catch(() => null);
        if (v !== null) this.set(v);
      },
    }),
    /** Bytes of evidence storage used (files and previews). */
    evidenceBytes: new Gauge({
      name: 'palabre_evidence_bytes',
      help: 'Evidence storage used, in bytes',
      registers: [registry],
      async collect() {
        const v = await usageOf('bytes').catch(() => null);
        if (v !== null) this.set(v);
      },
    }),
    /** Files deleted by the retention job. */
    evidenceDeleted: new Counter({ name: 'palabre_evidence_deleted_total', help: 'Evidence files deleted after the retention period', registers: [registry] }),
    /** Files no case held, deleted after EVIDENCE_ORPHAN_TTL. */
    evidenceOrphansDeleted: new Counter({ name: 'palabre_evidence_orphans_deleted_total', help: 'Uploaded files never attached to a case, deleted after EVIDENCE_ORPHAN_TTL', registers: [registry] }),
    /** Refunds a case records that the marketplace has still not confirmed after the last reconciliation round. */
    refundsUnconfirmed: new Gauge({ name: 'palabre_refunds_unconfirmed', help: 'Refunds recorded on cases but not confirmed by the marketplace', registers: [registry] }),
    reminders: new Counter({ name: 'palabre_reminders_total', help: 'Reminders by kind and outcome (`sent`, `dropped`)', labelNames: ['kind', 'outcome'], registers: [registry] }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
