import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { addBusinessDays, isBusinessDay } from '../../src/domain/business-days.js';

const day = (iso: string) => DateTime.fromISO(iso, { zone: 'Africa/Kinshasa' });

describe('Business days are Monday to Friday', () => {
  it('Saturday and Sunday are not business days', () => {
    expect(['2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05'].map((d) => isBusinessDay(day(d)))).toEqual([true, false, false, true]);
  });

  it('Friday + 1 is Monday; Friday + 5 the next Friday; Saturday + 1 Monday', () => {
    expect(addBusinessDays(day('2026-10-02'), 1).toISODate()).toBe('2026-10-05');
    expect(addBusinessDays(day('2026-10-02'), 5).toISODate()).toBe('2026-10-09');
    expect(addBusinessDays(day('2026-10-03'), 1).toISODate()).toBe('2026-10-05');
  });

  it('0 days is the same day; keeps the zone; refuses negative or fractional counts', () => {
    const d = day('2026-10-03');
    expect(addBusinessDays(d, 0)).toBe(d);
    expect(addBusinessDays(d, 3).zoneName).toBe('Africa/Kinshasa');
    expect(() => addBusinessDays(d, -1)).toThrow(RangeError);
    expect(() => addBusinessDays(d, 1.5)).toThrow(RangeError);
  });
});
