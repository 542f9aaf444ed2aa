import { Duration } from 'luxon';
import type { Case } from '../../src/domain/case-model.js';
import type { Policy } from '../../src/domain/policy.js';
import type { Marketplace } from '../../src/ports/marketplace.js';
import type { Clock } from '../../src/ports/clock.js';
import { formatDuration } from '../../src/app/format.js';
import type { WebI18n } from './present.js';

/** The one case-service method the side panel needs. */
export interface CaseLister {
  list(who: { accountId: string; platform: 'web' }, view: 'all', filter?: { limit?: number }): Promise<Case[]>;
}

/** One row of the side panel. Deadlines are the case's own fields; the page only counts down to them. */
export interface PanelCase {
  id: string;
  orderId: string;
  reason: string;
  status: string;
  /** Set while the case is open: when the buyer may escalate. */
  escalatableAt: string | null;
  /** Set until the case closes: when it counts as a late delivery. */
  lateAt: string | null;
  closedAt: string | null;
}

/** What GET /playground/cases answers. */
export interface Panel {
  now: string;
  scale: number;
  /** The demo clock's policy, localized. */
  clock: string[];
  cases: PanelCase[];
}

const SHOWN = 12;

/** Builds the side panel: the demo's cases (read as the demo's support account) and the demo clock. */
export function createPanel(deps: { cases: CaseLister; marketplace: Marketplace; clock: Clock; policy: Policy; timeScale: number; i18n: WebI18n; timezone: string }) {
  let supportId: Promise<string | null> | null = null;
  const support = () =>
    (supportId ??= deps.marketplace.accounts().then((all) => all.find((a) => a.roles.includes('support'))?.id ?? null));

  function clockLines(locale: string): string[] {
    const t = (id: string, args?: Record<string, string | number>) => deps.i18n.t(locale, { id, ...(args ? { args } : {}) }, deps.timezone);
    // A strongly sped-up demo has deadlines under a minute, which the shared formatter rounds to zero.
    const human = (d: Duration) =>
      d.toMillis() < 60_000
        ? Duration.fromObject({ seconds: Math.round(d.toMillis() / 1000) }, { locale }).toHuman({ unitDisplay: 'long' })
        : formatDuration(d.toISO() ?? 'PT0S', locale);
    const p = deps.policy;
    return [
      deps.timeScale === 1 ? t('web-clock-real') : t('web-clock-scaled', { scale: deps.timeScale }),
      t('web-clock-escalation', { duration: human(p.escalationAfter) }),
      t('web-clock-reminders', { durations: p.sellerReminders.map(human).join(', ') }),
      t('web-clock-late', { duration: human(p.maxCaseAge) }),
    ];
  }

  function row(c: Case): PanelCase {
    return {
      id: c.id,
      orderId: c.orderId,
      reason: c.reason,
      status: c.status,
      escalatableAt: c.status === 'open' ? c.escalatableAt : null,
      lateAt: c.status === 'closed' ? null : c.lateAt,
      closedAt: c.closedAt,
    };
  }

  return {
    /** The panel in a locale. */
    async get(locale: string): Promise<Panel> {
      const accountId = await support();
      const all = accountId ? await deps.cases.list({ accountId, platform: 'web' }, 'all', { limit: 50 }) : [];
      const live = all.filter((c) => c.status !== 'closed').sort((a, b) => a.openedAt.localeCompare(b.openedAt));
      const closed = all.filter((c) => c.status === 'closed').sort((a, b) => (b.closedAt ?? '').localeCompare(a.closedAt ?? ''));
      return {
        now: deps.clock.now().toISOString(),
        scale: deps.timeScale,
        clock: clockLines(locale),
        cases: [...live, ...closed].slice(0, SHOWN).map(row),
      };
    },
  };
}
