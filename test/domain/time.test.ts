import { DateTime, Duration } from 'luxon';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/domain/errors.js';
import { instant, millis, plus, toIso } from '../../src/domain/time.js';

const luxonMillis = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' }).toMillis();

describe('instants', () => {
  it.each([
    '2026-10-21T10:00:00.000Z',
    '2026-10-21T10:00:00Z',
    '2026-10-21T10:00:00.5Z',
    '2026-10-21T10:00:00.05Z',
    '2024-02-29T23:59:59.999Z',
    '2000-02-29T00:00:00.000Z',
    '1970-01-01T00:00:00.000Z',
    '2026-10-21T12:00:00.000+02:00',
    '2026-10-21T10:00',
    '2026-10-21',
    '2026-02-28T24:00:00Z',
  ])('reads %s as luxon does', (iso) => {
    expect(millis(iso)).toBe(luxonMillis(iso));
    expect(toIso(instant(iso))).toBe(toIso(DateTime.fromISO(iso, { zone: 'utc' })));
    expect(instant(iso).zoneName).toBe('UTC');
  });

  it.each(['2026-02-29T10:00:00.000Z', '2026-02-30T00:00:00Z', '2026-04-31T00:00:00Z', '1900-02-29T00:00:00Z', '2026-13-01T00:00:00Z', 'soon', ''])(
    'refuses %s with VALIDATION',
    (iso) => {
      expect(() => instant(iso, 'deadline')).toThrow(ValidationError);
      expect(() => millis(iso)).toThrow(ValidationError);
    },
  );

  it('adds durations in UTC and writes milliseconds', () => {
    expect(plus('2026-10-21T10:00:00Z', Duration.fromObject({ days: 1 }))).toBe('2026-10-22T10:00:00.000Z');
  });

  const durations = [
    { days: 1 },
    { hours: 48 },
    { days: 3, hours: 5, minutes: 7, seconds: 9, milliseconds: 11 },
    { weeks: 2 },
    { days: 1.5 },
    { weeks: 0.5, minutes: -30 },
    { days: -400 },
    { hours: 36 },
    { months: 1 },
    { months: 1, days: 2 },
    { years: 1 },
    { quarters: 1 },
    { milliseconds: 0.5 },
  ];
  const starts = ['2026-10-21T10:00:00.000Z', '2024-02-28T23:30:00Z', '2026-01-31T12:00:00.5Z', '2026-10-21T12:00:00.000+02:00', '9999-12-31T00:00:00.000Z', '1000-01-01T00:00:00.000Z'];
  it.each(durations.flatMap((d) => starts.map((iso): [string, typeof d] => [iso, d])))('%s plus %o is what luxon says', (iso, d) => {
    const duration = Duration.fromObject(d);
    const expected = toIso(DateTime.fromISO(iso, { zone: 'utc' }).plus(duration));
    expect(plus(iso, duration)).toBe(expected);
    // Twice: the second time the duration's length is known.
    expect(plus(iso, duration)).toBe(expected);
  });

  it('writes any instant of years 1000–9999 as luxon does (month ends, leap days, centuries)', () => {
    const zero = '1970-01-01T00:00:00.000Z';
    let seed = 15;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    const from = Date.UTC(1000, 0, 1);
    const to = Date.UTC(9999, 11, 31, 23, 59, 59, 999);
    const edges = [from, to, Date.UTC(2000, 1, 29, 23, 59, 59, 999), Date.UTC(2100, 2, 1), Date.UTC(1600, 1, 29), Date.UTC(1900, 2, 1), 0, -1, Date.UTC(2026, 11, 31, 23, 59, 59, 999)];
    for (const ms of [...edges, ...Array.from({ length: 5000 }, () => Math.floor(from + random() * (to - from)))]) {
      const d = Duration.fromMillis(ms);
      expect(plus(zero, d)).toBe(toIso(DateTime.fromMillis(ms, { zone: 'utc' })));
    }
  });
});
