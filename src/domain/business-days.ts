import type { DateTime } from 'luxon';

/** Monday–Friday count as business days (luxon weekday: 1 = Monday … 7 = Sunday). */
export function isBusinessDay(day: DateTime): boolean {
  return day.weekday <= 5;
}

/**
 * The calendar day `n` business days after `start` (start itself not counted), in `start`'s zone.
 * A Friday plus one business day is the next Monday; `n = 0` returns `start` unchanged.
 */
export function addBusinessDays(start: DateTime, n: number): DateTime {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`business days must be a whole number >= 0, got ${n}`);
  let day = start;
  let left = n;
  while (left > 0) {
    day = day.plus({ days: 1 });
    if (isBusinessDay(day)) left -= 1;
  }
  return day;
}
