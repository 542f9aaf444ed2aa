import { Duration } from 'luxon';
import { z } from 'zod';
import type { BusinessCalendar } from './business-hours.js';

/** The dispute policy's durations (SPEC sections 1 and 4). */
export interface Policy {
  caseWindow: Duration;
  escalationAfter: Duration;
  maxCaseAge: Duration;
  sellerReminders: Duration[];
  windowReminder: Duration;
  replyNudgeAfter: Duration;
  supportSla: Duration;
  /** Support's business hours, zone and holidays: POLICY_SUPPORT_SLA counts only open time. Absent: the wall clock. */
  supportCalendar?: BusinessCalendar;
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
}).meta({ accepts: 'a positive ISO-8601 duration' });

const durationList = z.string().transform((s, ctx) => {
  const parts = s.split(',').map((p) => p.trim());
  const out: Duration[] = [];
  for (const p of parts) {
    // `PT24H,,PT48H` or `PT24H,` is a typo, not a shorter list.
    if (!p) {
      ctx.addIssue({ code: 'custom', message: `has an empty entry: write durations separated by single commas (e.g. PT24H,PT48H)` });
      return z.NEVER;
    }
    const d = Duration.fromISO(p);
    if (!d.isValid || d.toMillis() <= 0) {
      ctx.addIssue({ code: 'custom', message: `"${p}" is not a positive ISO-8601 duration` });
      return z.NEVER;
    }
    if (out.some((o) => o.toMillis() === d.toMillis())) {
      ctx.addIssue({ code: 'custom', message: `"${p}" is listed twice (each reminder once)` });
      return z.NEVER;
    }
    out.push(d);
  }
  return out.sort((a, b) => a.toMillis() - b.toMillis());
}).meta({ accepts: 'comma-separated positive ISO-8601 durations' });

/** The POLICY_* variables as the environment gives them (docs/configuration.md is generated from it). */
export const policyEnvSchema = z.object({
    POLICY_CASE_WINDOW: isoDuration.prefault(POLICY_DEFAULTS.POLICY_CASE_WINDOW).describe('Length of the window in which a buyer may open a case. It opens at midnight (buyer\'s time zone) after the estimated delivery date: the order\'s estimate, else the order date plus processing days (order, else shop, else 5) plus 4 business days of shipping (10 across borders).'),
    POLICY_ESCALATION_AFTER: isoDuration.prefault(POLICY_DEFAULTS.POLICY_ESCALATION_AFTER).describe('Time after a case is opened before the buyer may escalate it to support (calendar time).'),
    POLICY_MAX_CASE_AGE: isoDuration.prefault(POLICY_DEFAULTS.POLICY_MAX_CASE_AGE).describe('A case still unsettled this long after it was opened is flagged as a late delivery: support is told, and may then settle it only with a full refund; tracking no longer closes it.'),
    POLICY_SELLER_REMINDERS: durationList.prefault(POLICY_DEFAULTS.POLICY_SELLER_REMINDERS).describe('Comma-separated durations after opening at which a seller who has not acted on the case yet is reminded (those falling before the escalation deadline only).'),
    POLICY_WINDOW_REMINDER: isoDuration.prefault(POLICY_DEFAULTS.POLICY_WINDOW_REMINDER).describe('A buyer who reported a problem about an order without opening a case is reminded this long before the case window closes.'),
    POLICY_REPLY_NUDGE_AFTER: isoDuration.prefault(POLICY_DEFAULTS.POLICY_REPLY_NUDGE_AFTER).describe('A buyer\'s message (in a case, or about an order) the seller has not answered for this long makes Palabre nudge the seller.'),
    POLICY_SUPPORT_SLA: isoDuration.prefault(POLICY_DEFAULTS.POLICY_SUPPORT_SLA).describe('An escalated case on which support has done nothing for this long (in support\'s business hours), or since the answer of a party support asked for information, makes Palabre nudge support.'),
    POLICY_CONTEST_WINDOW: isoDuration.prefault(POLICY_DEFAULTS.POLICY_CONTEST_WINDOW).describe('How long after a case closes on tracking or on the seller\'s refund its buyer may ask support, once, to verify the closure.'),
});

/** Reads the POLICY_* variables (missing ones take the defaults). */
export const policySchema = policyEnvSchema.transform(
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
