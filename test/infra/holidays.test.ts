import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { DEFAULT_HOLIDAY_COUNTRY, holidayPredicate, parseHolidaySpec } from '../../src/infra/holidays.js';

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

describe('date-holidays is loaded only when a holiday is looked up (it costs a start about a third of a second)', () => {
  it('the default country, CD, is one date-holidays knows (SUPPORT_HOLIDAYS unset is not checked against it at start)', async () => {
    const { default: Holidays } = await import('date-holidays');
    expect(DEFAULT_HOLIDAY_COUNTRY).toBe('CD');
    expect(new Holidays().getCountries()).toHaveProperty('CD');
    expect(parseHolidaySpec(DEFAULT_HOLIDAY_COUNTRY)).toEqual({ country: 'CD', dates: [] });
  });

  it('parsing the default and making the predicate load nothing; the first lookup loads the calendars', () => {
    const script = [
      "import { createRequire } from 'node:module';",
      "const { holidayPredicate, parseHolidaySpec } = await import('./src/infra/holidays.ts');",
      "const loaded = () => Object.keys(createRequire(import.meta.url).cache).some((f) => f.includes('/node_modules/date-holidays/'));",
      "const spec = parseHolidaySpec('CD');",
      "const off = holidayPredicate(spec);",
      "const before = loaded();",
      "const independence = off('2026-06-30');",
      "console.log(JSON.stringify({ before, after: loaded(), independence }));",
    ].join('\n');
    const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(JSON.parse(out.trim().split('\n').pop()!)).toEqual({ before: false, after: true, independence: true });
  });

  it('a country other than the default is still checked at start: an unknown one is refused', () => {
    expect(parseHolidaySpec('ZZ')).toEqual({ error: expect.stringContaining('"ZZ" is not a country code date-holidays knows') });
    expect(parseHolidaySpec('FR')).toEqual({ country: 'FR', dates: [] });
  });
});
