import { Gauge, type Registry } from 'prom-client';
import type { Case } from '../domain/case-model.js';
import { firstSupportResponses, overdueForSupport } from '../domain/desk.js';
import type { Policy } from '../domain/policy.js';
import type { CaseStore } from '../ports/case-store.js';
import type { Clock } from '../ports/clock.js';

/** What the desk gauges show. */
export interface DeskFigures {
  escalatedOpen: number;
  overdue: number;
  /** Business seconds from escalation to support's first action, over escalations of the window; null without any. */
  firstResponseP50: number | null;
  firstResponseP90: number | null;
}

/** Escalations looked at for the response-time quantiles. */
const WINDOW_MS = 30 * 86_400_000;

/** The desk's figures from the cases: escalated open, overdue at `now`, response-time quantiles over the last 30 days. */
export function deskFigures(cases: readonly Case[], policy: Policy, now: string): DeskFigures {
  const escalated = cases.filter((c) => c.status === 'escalated');
  const from = Date.parse(now) - WINDOW_MS;
  const samples = cases
    .filter((c) => c.escalatedAt && Date.parse(c.escalatedAt) >= from)
    .flatMap((c) => firstSupportResponses(c, policy))
    .map((ms) => ms / 1000)
    .sort((a, b) => a - b);
  return {
    escalatedOpen: escalated.length,
    overdue: escalated.filter((c) => overdueForSupport(c, policy, now)).length,
    firstResponseP50: quantile(samples, 0.5),
    firstResponseP90: quantile(samples, 0.9),
  };
}

/** Nearest-rank quantile of sorted values. */
export function quantile(sorted: readonly number[], q: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

/**
 * Registers the desk gauges on `registry`, computed when /metrics is scraped (at most once per `cacheMs`:
 * it reads every escalated and closed case).
 */
export function registerDeskMetrics(registry: Registry, deps: { store: Pick<CaseStore, 'list'>; policy: Policy; clock: Clock; cacheMs?: number }): void {
  const cacheMs = deps.cacheMs ?? 30_000;
  let last: { at: number; figures: Promise<DeskFigures> } | null = null;
  const figures = () => {
    const at = deps.clock.now().getTime();
    if (!last || at - last.at >= cacheMs) {
      const now = new Date(at).toISOString();
      const p = deps.store.list({ status: ['escalated', 'closed'] }).then((cases) => deskFigures(cases, deps.policy, now));
      // A failed read is not kept: the next scrape tries again.
      p.catch(() => (last = null));
      last = { at, figures: p };
    }
    return last.figures;
  };
  new Gauge({
    name: 'palabre_desk_escalated_open',
    help: 'Escalated cases not closed',
    registers: [registry],
    async collect() {
      const f = await figures().catch(() => null);
      if (f) this.set(f.escalatedOpen);
    },
  });
  new Gauge({
    name: 'palabre_desk_overdue',
    help: 'Escalated cases past their support due time (POLICY_SUPPORT_SLA in business hours)',
    registers: [registry],
    async collect() {
      const f = await figures().catch(() => null);
      if (f) this.set(f.overdue);
    },
  });
  new Gauge({
    name: 'palabre_desk_first_response_business_seconds',
    help: 'Business time from escalation to the first support action, over the last 30 days (median and p90)',
    labelNames: ['quantile'],
    registers: [registry],
    async collect() {
      const f = await figures().catch(() => null);
      if (!f) return;
      this.reset();
      if (f.firstResponseP50 !== null) this.set({ quantile: '0.5' }, f.firstResponseP50);
      if (f.firstResponseP90 !== null) this.set({ quantile: '0.9' }, f.firstResponseP90);
    },
  });
}
