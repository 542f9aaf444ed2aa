import { createRequire } from 'node:module';
import type Holidays from 'date-holidays';

// date-holidays carries every country's calendar in its code: loading it takes about a third of a second of CPU, so it
// is loaded the first time a holiday is looked up (or a country other than the default is checked), not at start.
const require = createRequire(import.meta.url);
let holidaysLib: typeof Holidays | undefined;
function calendars(): typeof Holidays {
  return (holidaysLib ??= require('date-holidays') as typeof Holidays);
}

/** SUPPORT_HOLIDAYS' default country, the Democratic Republic of the Congo: known to date-holidays (tested), not checked at each start. */
export const DEFAULT_HOLIDAY_COUNTRY = 'CD';

/** SUPPORT_HOLIDAYS parsed: a country (or region, `CD`, `FR`, `US-CA`) for date-holidays, and extra local dates. */
export interface HolidaySpec {
  country: string | null;
  dates: string[];
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Parses `CD`, `CD,2026-12-24`, `none,2026-12-24`; a sentence saying what is wrong otherwise. */
export function parseHolidaySpec(text: string): HolidaySpec | { error: string } {
  const parts = text.split(',').map((p) => p.trim()).filter(Boolean);
  let country: string | null = null;
  const dates: string[] = [];
  for (const part of parts) {
    if (DATE.test(part)) {
      if (Number.isNaN(Date.parse(`${part}T00:00:00Z`)) || new Date(`${part}T00:00:00Z`).toISOString().slice(0, 10) !== part) return { error: `"${part}" is not a date` };
      dates.push(part);
    } else if (part.toLowerCase() === 'none') {
      continue;
    } else if (/^[A-Za-z]{2}(-[A-Za-z0-9]{1,3})?$/.test(part)) {
      if (country) return { error: `names two countries ("${country}", "${part}"); give one, then extra dates` };
      const code = part.toUpperCase();
      if (!knownCountry(code)) return { error: `"${part}" is not a country code date-holidays knows (e.g. CD, FR)` };
      country = code;
    } else {
      return { error: `"${part}" is neither a country code (CD) nor a date (2026-12-24)` };
    }
  }
  return { country, dates };
}

function knownCountry(code: string): boolean {
  if (code === DEFAULT_HOLIDAY_COUNTRY) return true;
  const Calendar = calendars();
  const [country, region] = code.split('-');
  const countries = new Calendar().getCountries();
  if (!country || !(country in countries)) return false;
  return region === undefined || region in (new Calendar().getStates(country) ?? {});
}

/**
 * Whether a local date (`2026-06-30`) is a day off: a public holiday of the country, or one of the extra
 * dates. The date-holidays calendar is resolved here, outside the domain, a year at a time, and cached.
 */
export function holidayPredicate(spec: HolidaySpec): (localDate: string) => boolean {
  const extra = new Set(spec.dates);
  const byYear = new Map<number, Set<string>>();
  const [country, region] = spec.country ? spec.country.split('-') : [];
  let calendar: Holidays | null | undefined;
  const year = (y: number): Set<string> => {
    let days = byYear.get(y);
    if (!days) {
      if (calendar === undefined) calendar = country ? (region ? new (calendars())(country, region) : new (calendars())(country)) : null;
      const list = calendar ? calendar.getHolidays(y) : [];
      days = new Set(list.filter((h) => h.type === 'public').map((h) => h.date.slice(0, 10)));
      byYear.set(y, days);
    }
    return days;
  };
  return (date) => extra.has(date) || year(Number(date.slice(0, 4))).has(date);
}
