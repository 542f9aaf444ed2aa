import { DateTime, type Duration } from 'luxon';
import { ValidationError } from './errors.js';

// The shape the domain writes (`toIso`): UTC, hours 00–23, at most milliseconds.
const CANONICAL = /^\d{4}-\d{2}-\d{2}T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d{1,3})?Z$/;

/**
 * Milliseconds of a canonical `…Z` instant without luxon (it was 4% of a turn's CPU), or NaN for any
 * other shape. `Date.parse` rolls `02-30` over to March where luxon refuses it: the day is checked first.
 */
function fastMillis(iso: string): number {
  if (!CANONICAL.test(iso)) return NaN;
  const year = Number(iso.slice(0, 4));
  const month = Number(iso.slice(5, 7));
  const day = Number(iso.slice(8, 10));
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return NaN;
  return Date.parse(iso);
}

function daysIn(year: number, month: number): number {
  if (month !== 2) return [31, 0, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
}

function parse(iso: string, what: string): DateTime {
  const t = DateTime.fromISO(iso, { zone: 'utc' });
  if (!t.isValid) throw new ValidationError('VALIDATION', `${what} is not an ISO-8601 instant: ${iso}`, { field: what });
  return t;
}

/** Parses an ISO-8601 instant (the domain's only notion of time); VALIDATION when it is not one. */
export function instant(iso: string, what = 'time'): DateTime {
  const ms = fastMillis(iso);
  return Number.isNaN(ms) ? parse(iso, what) : DateTime.fromMillis(ms, { zone: 'utc' });
}

/** Milliseconds since the epoch of an ISO instant. */
export function millis(iso: string): number {
  const ms = fastMillis(iso);
  return Number.isNaN(ms) ? parse(iso, 'time').toMillis() : ms;
}

/** `iso + d` as an ISO UTC instant (calendar arithmetic in UTC, where a day is always 24 hours). */
export function plus(iso: string, d: Duration): string {
  const from = fastMillis(iso);
  const length = Number.isNaN(from) ? null : fixedLength(d);
  if (length !== null) {
    const to = from + length;
    if (to >= FAST_MIN && to <= FAST_MAX) return isoOfMillis(to);
  }
  return toIso(instant(iso).plus(d));
}

// Four-digit years, where `isoOfMillis` writes what luxon writes.
const FAST_MIN = Date.UTC(1000, 0, 1);
const FAST_MAX = Date.UTC(9999, 11, 31, 23, 59, 59, 999);
const DAY_MS = 86_400_000;

/** `toIso` of an integral instant in ms, by arithmetic: the civil date of a day count (H. Hinnant, "chrono-compatible low-level date algorithms"). */
function isoOfMillis(ms: number): string {
  const days = Math.floor(ms / DAY_MS);
  const inDay = ms - days * DAY_MS;
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  const time = `${pad(Math.floor(inDay / 3_600_000))}:${pad(Math.floor(inDay / 60_000) % 60)}:${pad(Math.floor(inDay / 1000) % 60)}.${pad(inDay % 1000, 3)}`;
  return `${year}-${pad(month)}-${pad(day)}T${time}Z`;
}
const CALENDAR_UNITS = ['years', 'quarters', 'months'] as const;
const lengths = new WeakMap<Duration, number | null>();

/**
 * A duration's length in ms when adding it in UTC is plain addition (weeks, days, hours and less: a UTC day is 24 h),
 * else null (months and years depend on the date). Kept per Duration, which luxon never mutates: the policy's
 * durations are added on every turn (nudge planning), and luxon's `plus` was most of that planning's CPU.
 */
function fixedLength(d: Duration): number | null {
  let length = lengths.get(d);
  if (length === undefined) {
    const ms = d.isValid && CALENDAR_UNITS.every((u) => d.get(u) === 0) ? d.as('milliseconds') : NaN;
    length = Number.isSafeInteger(ms) ? ms : null;
    lengths.set(d, length);
  }
  return length;
}

/** An ISO UTC instant with milliseconds, the one format the domain writes. */
export function toIso(t: DateTime): string {
  return t.toUTC().toISO({ suppressMilliseconds: false }) as string;
}
