import { describe, expect, it } from 'vitest';
import { holidayPredicate, parseHolidaySpec } from '../../src/infra/holidays.js';

describe('SUPPORT_HOLIDAYS resolved with date-holidays into a predicate for the domain', () => {
  it('CD: 30 June (independence) and 25 December are days off, an ordinary Tuesday is not', () => {
    const off = holidayPredicate({ country: 'CD', dates: [] });
    expect(off('2026-06-30')).toBe(true);
    expect(off('2027-06-30')).toBe(true);
    expect(off('2026-12-25')).toBe(true);
    expect(off('2026-06-23')).toBe(false);
  });

  it('extra dates count too, with or without a country', () => {
    expect(holidayPredicate({ country: 'CD', dates: ['2026-12-24'] })('2026-12-24')).toBe(true);
    const none = holidayPredicate({ country: null, dates: ['2026-12-24'] });
    expect(none('2026-12-24')).toBe(true);
    expect(none('2026-06-30')).toBe(false);
  });

  it('France: 14 July, and a region code (DE-BY) is accepted', () => {
    expect(holidayPredicate({ country: 'FR', dates: [] })('2026-07-14')).toBe(true);
    expect(parseHolidaySpec('de-by')).toEqual({ country: 'DE-BY', dates: [] });
    expect(parseHolidaySpec('none')).toEqual({ country: null, dates: [] });
  });
});
