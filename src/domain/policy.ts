import { Duration } from 'luxon';
import { z } from 'zod';

/** The dispute policy's durations (SPEC sections 1 and 4). */
export interface Policy {
  caseWindow: Duration;
  escalationAfter: Duration;
  maxCaseAge: Duration;
  sellerReminders: Duration[];
  windowReminder: Duration;
  replyNudgeAfter: Duration;
  supportSla: Duration;
  /** How long after a case closes its buyer may ask support to verify the closure (once). */
  contestWindow: Duration;
}

export const POLICY_DEFAULTS = {
  POLICY_CASE_WINDOW: 'P100D',
  POLICY_ESCALATION_AFTER: 'P3D',
  POLICY_MAX_CASE_AGE: 'P365D',
  POLICY_SELLER_REMINDERS: 'PT24H,PT48H',
  POLICY_WINDOW_REMINDER: 'P7D',
  POLICY_REPLY_NUDGE_AFTER: 'PT24H',
  POLICY_SUPPORT_SLA: 'PT24H',
  POLICY_CONTEST_WINDOW: 'P30D',
} as const;

/** A positive ISO-8601 duration, e.g. `P100D` or `PT24H`. */
export const isoDuration = z.string().trim().transform((s, ctx) => {
  const d = Duration.fromISO(s);
  if (!d.isValid || d.toMillis() <= 0) {
    ctx.addIssue({ code: 'custom', message: `"${s}" is not a positive ISO-8601 duration (e.g. P3D, PT24H)` });
    return z.NEVER;
  }
  return d;
});

const durationList = z.string().transform((s, ctx) => {
  const parts = s.split(',').map((p) => p.trim()).filter(Boolean);
  const out: Duration[] = [];
  for (const p of parts) {
    const d = Duration.fromISO(p);
    if (!d.isValid || d.toMillis() <= 0) {
      ctx.addIssue({ code: 'custom', message: `"${p}" is not a positive ISO-8601 duration` });
      return z.NEVER;
    }
    out.push(d);
  }
  return out.sort((a, b) => a.toMillis() - b.toMillis());
});

/** Reads the POLICY_* variables (missing ones take SPEC defaults). */
export const policySchema = z
  .object({
    POLICY_CASE_WINDOW: isoDuration.prefault(POLICY_DEFAULTS.POLICY_CASE_WINDOW),
    POLICY_ESCALATION_AFTER: isoDuration.prefault(POLICY_DEFAULTS.POLICY_ESCALATION_AFTER),
    POLICY_MAX_CASE_AGE: isoDuration.prefault(POLICY_DEFAULTS.POLICY_MAX_CASE_AGE),
    POLICY_SELLER_REMINDERS: durationList.prefault(POLICY_DEFAULTS.POLICY_SELLER_REMINDERS),
    POLICY_WINDOW_REMINDER: isoDuration.prefault(POLICY_DEFAULTS.POLICY_WINDOW_REMINDER),
    POLICY_REPLY_NUDGE_AFTER: isoDuration.prefault(POLICY_DEFAULTS.POLICY_REPLY_NUDGE_AFTER),
    POLICY_SUPPORT_SLA: isoDuration.prefault(POLICY_DEFAULTS.POLICY_SUPPORT_SLA),
    POLICY_CONTEST_WINDOW: isoDuration.prefault(POLICY_DEFAULTS.POLICY_CONTEST_WINDOW),
  })
  .transform(
    (v): Policy => ({
      caseWindow: v.POLICY_CASE_WINDOW,
      escalationAfter: v.POLICY_ESCALATION_AFTER,
      maxCaseAge: v.POLICY_MAX_CASE_AGE,
      sellerReminders: v.POLICY_SELLER_REMINDERS,
      windowReminder: v.POLICY_WINDOW_REMINDER,
      replyNudgeAfter: v.POLICY_REPLY_NUDGE_AFTER,
      supportSla: v.POLICY_SUPPORT_SLA,
      contestWindow: v.POLICY_CONTEST_WINDOW,
    }),
  );

/** The policy with SPEC defaults, overridden by whatever `env` sets. Throws a ZodError on a bad value. */
export function parsePolicy(env: Record<string, string | undefined> = {}): Policy {
  return policySchema.parse(env);
}

export const defaultPolicy: Policy = parsePolicy({});
