import { DateTime, type Duration } from 'luxon';
import { ValidationError } from './errors.js';

/** Parses an ISO-8601 instant (the domain's only notion of time); VALIDATION when it is not one. */
export function instant(iso: string, what = 'time'): DateTime {
  const t = DateTime.fromISO(iso, { zone: 'utc' });
  if (!t.isValid) throw new ValidationError('VALIDATION', `${what} is not an ISO-8601 instant: ${iso}`, { field: what });
  return t;
}

/** Milliseconds since the epoch of an ISO instant. */
export function millis(iso: string): number {
  return instant(iso).toMillis();
}

/** `iso + d` as an ISO UTC instant (calendar arithmetic in UTC, where a day is always 24 hours). */
export function plus(iso: string, d: Duration): string {
  return toIso(instant(iso).plus(d));
}

/** An ISO UTC instant with milliseconds, the one format the domain writes. */
export function toIso(t: DateTime): string {
  return t.toUTC().toISO({ suppressMilliseconds: false }) as string;
}
