import { DateTime, type Duration } from 'luxon';
import { millis, toIso } from './time.js';

/** One opening of a day, in minutes after local midnight (`end` may be 1440: midnight ending the day). */
export interface OpenSpan {
  start: number;
  end: number;
}

/** Opening spans per ISO weekday: index 0 is Monday, 6 is Sunday. */
export type WeeklyHours = readonly (readonly OpenSpan[])[];

/**
 * When support works: weekly hours in an IANA zone, minus public holidays. `isHoliday` gets a local
 * date (`2026-06-30`); the calendar behind it is resolved outside the domain and passed in as data.
 */
export interface BusinessCalendar {
  hours: WeeklyHours;
  zone: string;
  isHoliday: (localDate: string) => boolean;
}

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const TIME = /^([01]\d|2[0-4]):([0-5]\d)$/;
/** Ten years of days: a calendar with no opening in sight is a configuration error, not a loop. */
const MAX_DAYS = 3660;

/**
 * Parses `Mon-Fri 08:00-17:00, Sat 09:00-12:00` (several spans per group allowed:
 * `Mon-Fri 08:00-12:00 13:00-17:00`). Returns the hours, or a sentence saying what is wrong.
 */
export function parseBusinessHours(spec: string): WeeklyHours | { error: string } {
  const week: OpenSpan[][] = DAYS.map(() => []);
  const groups = spec.split(',').map((g) => g.trim()).filter(Boolean);
  if (groups.length === 0) return { error: 'is empty (e.g. "Mon-Fri 08:00-17:00")' };
  for (const group of groups) {
    const [days, ...spans] = group.split(/\s+/);
    const range = dayRange(days ?? '');
    if (!range) return { error: `"${days}" is not a day or a day range such as Mon-Fri` };
    if (spans.length === 0) return { error: `"${group}" has no hours (e.g. 08:00-17:00)` };
    for (const s of spans) {
      const span = parseSpan(s);
      if (!span) return { error: `"${s}" is not an opening such as 08:00-17:00` };
      for (const d of range) week[d]!.push(span);
    }
  }
  for (const [i, spans] of week.entries()) {
    spans.sort((a, b) => a.start - b.start);
    for (let k = 1; k < spans.length; k++) {
      if (spans[k]!.start < spans[k - 1]!.end) return { error: `opening hours overlap on ${DAYS[i]}` };
    }
  }
  return week;
}

function dayRange(text: string): number[] | null {
  const [from, to, extra] = text.toLowerCase().split('-');
  if (extra !== undefined) return null;
  const a = DAYS.indexOf(from as (typeof DAYS)[number]);
  const b = to === undefined ? a : DAYS.indexOf(to as (typeof DAYS)[number]);
  if (a < 0 || b < 0 || b < a) return null;
  return Array.from({ length: b - a + 1 }, (_, i) => a + i);
}

function parseSpan(text: string): OpenSpan | null {
  const [from, to, extra] = text.split('-');
  if (extra !== undefined || !from || !to) return null;
  const start = minutes(from);
  const end = minutes(to);
  if (start === null || end === null || start >= end || start >= 1440) return null;
  return { start, end };
}

function minutes(hhmm: string): number | null {
  const m = TIME.exec(hhmm);
  if (!m) return null;
  const total = Number(m[1]) * 60 + Number(m[2]);
  return total <= 1440 ? total : null;
}

/** The day's openings as instants (epoch ms), none on a holiday. DST-safe: each bound is a local wall time of that day. */
function openingsOn(day: DateTime, cal: BusinessCalendar): [number, number][] {
  const spans = cal.hours[day.weekday - 1] ?? [];
  if (spans.length === 0 || cal.isHoliday(day.toISODate()!)) return [];
  return spans.map((s) => [at(day, s.start), at(day, s.end)]);
}

function at(day: DateTime, minute: number): number {
  if (minute >= 1440) return day.plus({ days: 1 }).startOf('day').toMillis();
  return DateTime.fromObject({ year: day.year, month: day.month, day: day.day, hour: Math.floor(minute / 60), minute: minute % 60 }, { zone: day.zone }).toMillis();
}

function localDay(ms: number, zone: string): DateTime {
  return DateTime.fromMillis(ms, { zone }).startOf('day');
}

/** The instant when `duration` of open business time has passed since `from` (ISO UTC). */
export function businessDueAt(from: string, duration: Duration | number, cal: BusinessCalendar): string {
  const start = millis(from);
  let remaining = typeof duration === 'number' ? duration : duration.toMillis();
  let day = localDay(start, cal.zone);
  for (let i = 0; i < MAX_DAYS; i++, day = day.plus({ days: 1 })) {
    for (const [open, close] of openingsOn(day, cal)) {
      const s = Math.max(open, start);
      if (close <= s) continue;
      if (close - s >= remaining) return toIso(DateTime.fromMillis(s + remaining, { zone: 'utc' }));
      remaining -= close - s;
    }
  }
  throw new RangeError('the support calendar has no opening hours');
}

/** Open business time between two instants, in milliseconds (0 when `to` is not after `from`). */
export function businessElapsed(from: string, to: string, cal: BusinessCalendar): number {
  const a = millis(from);
  const b = millis(to);
  if (b <= a) return 0;
  let total = 0;
  for (let day = localDay(a, cal.zone), i = 0; day.toMillis() < b && i < MAX_DAYS * 10; day = day.plus({ days: 1 }), i++) {
    for (const [open, close] of openingsOn(day, cal)) total += Math.max(0, Math.min(close, b) - Math.max(open, a));
  }
  return total;
}

/** The first opening that starts at or after `from` (ISO UTC): when the desk's day begins. */
export function nextOpening(from: string, cal: BusinessCalendar): string {
  const start = millis(from);
  let day = localDay(start, cal.zone);
  for (let i = 0; i < MAX_DAYS; i++, day = day.plus({ days: 1 })) {
    const first = openingsOn(day, cal)[0];
    if (first && first[0] >= start) return toIso(DateTime.fromMillis(first[0], { zone: 'utc' }));
  }
  throw new RangeError('the support calendar has no opening hours');
}

/** The desk's local date of an instant (`2026-06-30`). */
export function businessDate(at: string, cal: BusinessCalendar): string {
  return DateTime.fromMillis(millis(at), { zone: cal.zone }).toISODate()!;
}

/** The start of the desk's local day holding `at` (its local midnight), ISO UTC. */
export function startOfBusinessDate(at: string, cal: BusinessCalendar): string {
  return toIso(localDay(millis(at), cal.zone));
}

/** The end of the desk's local day holding `at` (its next local midnight), ISO UTC. */
export function endOfBusinessDate(at: string, cal: BusinessCalendar): string {
  return toIso(localDay(millis(at), cal.zone).plus({ days: 1 }));
}

/** Always open: what the SLA means without a calendar (wall-clock time). */
export const ALWAYS_OPEN: BusinessCalendar = {
  hours: DAYS.map(() => [{ start: 0, end: 1440 }]),
  zone: 'UTC',
  isHoliday: () => false,
};
