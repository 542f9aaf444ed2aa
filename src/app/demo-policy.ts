import { Duration } from 'luxon';
import type { Policy } from '../domain/policy.js';

/**
 * Divides a case's deadlines by `factor`, so that a demo shows days of deadlines in minutes. The case
 * window stays as configured: the demo orders' dates are real dates, and a shortened window would
 * put them all out of it.
 */
export function scalePolicy(policy: Policy, factor: number): Policy {
  const s = (d: Duration) => Duration.fromMillis(Math.max(1000, Math.round(d.toMillis() / factor)));
  return {
    caseWindow: policy.caseWindow,
    escalationAfter: s(policy.escalationAfter),
    maxCaseAge: s(policy.maxCaseAge),
    sellerReminders: policy.sellerReminders.map(s),
    windowReminder: policy.windowReminder,
    replyNudgeAfter: s(policy.replyNudgeAfter),
    supportSla: s(policy.supportSla),
    // Like the case window: a buyer trying the demo must have time to contest a closing.
    contestWindow: policy.contestWindow,
  };
}

/**
 * The embedded demo shortens deadlines only when DEMO_TIME_SCALE asks (1440: a day becomes a minute); by default every
 * mode keeps the policy's durations, as SPEC section 4 gives them. Real deployments never scale.
 */
export function demoTimeScale(config: { embedded: boolean; DEMO_TIME_SCALE?: number | undefined }): number {
  if (!config.embedded) return 1;
  return config.DEMO_TIME_SCALE ?? 1;
}
