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
});
