import fc from 'fast-check';
import { DateTime, Duration } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  businessDueAt,
  businessElapsed,
  nextOpening,
  parseBusinessHours,
  type BusinessCalendar,
  type WeeklyHours,
} from '../../src/domain/business-hours.js';

function hours(spec: string): WeeklyHours {
  const h = parseBusinessHours(spec);
  if ('error' in h) throw new Error(h.error);
  return h;
}

function calendar(spec: string, zone: string, holidays: string[] = []): BusinessCalendar {
  const days = new Set(holidays);
  return { hours: hours(spec), zone, isHoliday: (d) => days.has(d) };
}

const KINSHASA = 'Africa/Kinshasa';
const PARIS = 'Europe/Paris';
// DRC public holidays of 2026 around the rows below (date-holidays `CD`, resolved outside the domain).
const CD_2026 = ['2026-06-30', '2026-08-01', '2026-12-25'];
const local = (iso: string, zone: string) => DateTime.fromISO(iso, { zone }).toUTC().toISO();

describe('POLICY_SUPPORT_SLA counts only business hours: (opened at, hours, zone, holidays, SLA) → due at', () => {
  const rows: Array<{ name: string; opened: string; hours: string; zone: string; holidays?: string[]; sla: string; due: string }> = [
    {
      name: 'inside the day: Monday 09:00 + PT4H is Monday 13:00',
      opened: local('2026-03-02T09:00', KINSHASA)!, hours: 'Mon-Fri 08:00-17:00', zone: KINSHASA, sla: 'PT4H', due: local('2026-03-02T13:00', KINSHASA)!,
    },
    {
      name: 'the default PT24H is nearly three working days (9 h a day)',
      opened: local('2026-03-02T09:00', KINSHASA)!, hours: 'Mon-Fri 08:00-17:00', zone: KINSHASA, sla: 'PT24H', due: local('2026-03-04T15:00', KINSHASA)!,
    },
    {
      name: 'a Friday-evening escalation (18:00) waits for Monday 08:00: PT8H is Monday 16:00',
      opened: local('2026-03-06T18:00', KINSHASA)!, hours: 'Mon-Fri 08:00-17:00', zone: KINSHASA, sla: 'PT8H', due: local('2026-03-09T16:00', KINSHASA)!,
    },
    {
      name: 'Friday 16:00 + PT8H: one hour on Friday, seven on Monday',
      opened: local('2026-03-06T16:00', KINSHASA)!, hours: 'Mon-Fri 08:00-17:00', zone: KINSHASA, sla: 'PT8H', due: local('2026-03-09T15:00', KINSHASA)!,
    },
    {
      name: 'Saturday morning hours count: Friday 16:00 + PT4H is Saturday 12:00',
      opened: local('2026-03-06T16:00', KINSHASA)!, hours: 'Mon-Fri 08:00-17:00, Sat 09:00-12:00', zone: KINSHASA, sla: 'PT4H', due: local('2026-03-07T12:00', KINSHASA)!,
    },
    {
      name: 'a DRC public holiday (Tuesday 30 June) is skipped: Monday 12:00 + PT8H is Wednesday 11:00',
      opened: local('2026-06-29T12:00', KINSHASA)!, hours: 'Mon-Fri 08:00-17:00', zone: KINSHASA, holidays: CD_2026, sla: 'PT8H', due: local('2026-07-01T11:00', KINSHASA)!,
    },
    {
      name: 'an extra date (24 December) is skipped like a public holiday',
      opened: local('2026-12-23T16:00', KINSHASA)!, hours: 'Mon-Fri 08:00-17:00', zone: KINSHASA, holidays: [...CD_2026, '2026-12-24'], sla: 'PT2H', due: local('2026-12-28T09:00', KINSHASA)!,
    },
    {
      name: 'a lunch break is not counted: 11:00 + PT2H with 08:00-12:00 13:00-17:00 is 14:00',
      opened: local('2026-03-02T11:00', KINSHASA)!, hours: 'Mon-Fri 08:00-12:00 13:00-17:00', zone: KINSHASA, sla: 'PT2H', due: local('2026-03-02T14:00', KINSHASA)!,
    },
    {
      name: 'Paris, last Sunday of March: a 24/7 desk counts the 23-hour day as 23 hours (PT24H from Saturday 12:00 is Sunday 13:00 CEST)',
      opened: '2026-03-28T11:00:00.000Z', hours: 'Mon-Sun 00:00-24:00', zone: PARIS, sla: 'PT24H', due: '2026-03-29T11:00:00.000Z',
    },
    {
      name: 'Paris, last Sunday of March: 01:00-05:00 holds only 3 hours that night; the 4th is the next Sunday',
      opened: '2026-03-28T11:00:00.000Z', hours: 'Sun 01:00-05:00', zone: PARIS, sla: 'PT4H', due: '2026-04-05T00:00:00.000Z',
    },
    {
      name: 'Paris across the March change: Friday 16:00 CET + PT2H is Monday 10:00 CEST (08:00 UTC, not 09:00)',
      opened: '2026-03-27T15:00:00.000Z', hours: 'Mon-Fri 09:00-17:00', zone: PARIS, sla: 'PT2H', due: '2026-03-30T08:00:00.000Z',
    },
    {
      name: 'Paris, last Sunday of October: 01:00-05:00 holds 5 hours that night',
      opened: '2026-10-24T10:00:00.000Z', hours: 'Sun 01:00-05:00', zone: PARIS, sla: 'PT5H', due: '2026-10-25T04:00:00.000Z',
    },
    {
      name: 'Paris, last Sunday of October: a 24/7 desk counts the 25-hour day as 25 hours (PT24H from Saturday 12:00 is Sunday 11:00 CET)',
      opened: '2026-10-24T10:00:00.000Z', hours: 'Mon-Sun 00:00-24:00', zone: PARIS, sla: 'PT24H', due: '2026-10-25T10:00:00.000Z',
    },
    {
      name: 'Paris across the October change: Friday 16:00 CEST + PT2H is Monday 10:00 CET (09:00 UTC)',
      opened: '2026-10-23T14:00:00.000Z', hours: 'Mon-Fri 09:00-17:00', zone: PARIS, sla: 'PT2H', due: '2026-10-26T09:00:00.000Z',
    },
  ];

  for (const r of rows) {
    it(r.name, () => {
      const cal = calendar(r.hours, r.zone, r.holidays);
      const sla = Duration.fromISO(r.sla);
      const due = businessDueAt(r.opened, sla, cal);
      expect(due).toBe(r.due);
      // The reverse: the business time between opening and due is the SLA itself.
      expect(businessElapsed(r.opened, due, cal)).toBe(sla.toMillis());
    });
  }

  it('a Lubumbashi agent reads a Kinshasa desk: the due instant is the desk’s, shown an hour later on the agent’s clock', () => {
    const kinshasa = calendar('Mon-Fri 08:00-17:00', KINSHASA);
    const due = businessDueAt(local('2026-03-06T18:00', KINSHASA)!, Duration.fromISO('PT8H'), kinshasa);
    expect(DateTime.fromISO(due).setZone(KINSHASA).toFormat('ccc HH:mm')).toBe('Mon 16:00');
    expect(DateTime.fromISO(due).setZone('Africa/Lubumbashi').toFormat('ccc HH:mm')).toBe('Mon 17:00');
    // A desk set in Lubumbashi's zone opens an hour earlier in real time, so the same escalation is due earlier.
    const lubumbashi = calendar('Mon-Fri 08:00-17:00', 'Africa/Lubumbashi');
    expect(businessDueAt(local('2026-03-06T18:00', KINSHASA)!, Duration.fromISO('PT8H'), lubumbashi)).toBe(local('2026-03-09T16:00', 'Africa/Lubumbashi'));
  });
});

describe('business time elapsed between two instants', () => {
  const cal = calendar('Mon-Fri 08:00-17:00', KINSHASA, CD_2026);
  const h = (n: number) => n * 3_600_000;

  it('Friday 16:00 to Monday 10:00 is three business hours', () => {
    expect(businessElapsed(local('2026-03-06T16:00', KINSHASA)!, local('2026-03-09T10:00', KINSHASA)!, cal)).toBe(h(3));
  });

  it('a whole weekend, a night or a holiday counts nothing', () => {
    expect(businessElapsed(local('2026-03-07T08:00', KINSHASA)!, local('2026-03-08T20:00', KINSHASA)!, cal)).toBe(0);
    expect(businessElapsed(local('2026-03-02T17:00', KINSHASA)!, local('2026-03-03T08:00', KINSHASA)!, cal)).toBe(0);
    expect(businessElapsed(local('2026-06-30T00:00', KINSHASA)!, local('2026-07-01T00:00', KINSHASA)!, cal)).toBe(0);
  });

  it('is 0 when the end is not after the start', () => {
    expect(businessElapsed(local('2026-03-02T12:00', KINSHASA)!, local('2026-03-02T10:00', KINSHASA)!, cal)).toBe(0);
  });

  it('the next opening after a Friday evening is Monday 08:00, after the 29 June close it is 1 July', () => {
    expect(nextOpening(local('2026-03-06T18:00', KINSHASA)!, cal)).toBe(local('2026-03-09T08:00', KINSHASA));
    expect(nextOpening(local('2026-06-29T17:30', KINSHASA)!, cal)).toBe(local('2026-07-01T08:00', KINSHASA));
  });

  it('property: the business time from an instant to its due time is the duration asked (Kinshasa, Paris, Lubumbashi)', () => {
    const calendars = [
      calendar('Mon-Fri 08:00-17:00', KINSHASA, CD_2026),
      calendar('Mon-Fri 09:00-12:30 14:00-18:00, Sat 10:00-13:00', PARIS, ['2026-05-01', '2026-07-14', '2026-12-25']),
      calendar('Mon-Sun 00:00-24:00', PARIS),
      calendar('Sun 01:00-05:00, Wed 02:00-03:30', PARIS),
      calendar('Mon-Sat 07:30-16:00', 'Africa/Lubumbashi'),
    ];
    const from = Date.parse('2026-01-01T00:00:00Z');
    const to = Date.parse('2027-12-31T00:00:00Z');
    fc.assert(
      fc.property(fc.integer({ min: from, max: to }), fc.integer({ min: 1, max: 200 * 60 }), fc.constantFrom(...calendars), (at, minutes, cal) => {
        const start = new Date(at).toISOString();
        const ms = minutes * 60_000;
        const due = businessDueAt(start, ms, cal);
        expect(Date.parse(due)).toBeGreaterThan(at);
        expect(businessElapsed(start, due, cal)).toBe(ms);
        // And the other way: asking for the time elapsed until an instant lands at or before it.
        const later = new Date(at + ms * 3).toISOString();
        const elapsed = businessElapsed(start, later, cal);
        if (elapsed > 0) expect(Date.parse(businessDueAt(start, elapsed, cal))).toBeLessThanOrEqual(Date.parse(later));
      }),
      { numRuns: 150 },
    );
  });
});

describe('SUPPORT_HOURS is parsed or refused with a reason', () => {
  it('reads day ranges, single days and several spans a day', () => {
    const h = hours('Mon-Fri 08:00-12:00 13:00-17:00, Sat 09:00-12:00');
    expect(h[0]).toEqual([{ start: 480, end: 720 }, { start: 780, end: 1020 }]);
    expect(h[5]).toEqual([{ start: 540, end: 720 }]);
    expect(h[6]).toEqual([]);
  });

  it.each([
    ['', /empty/],
    ['Mon-Fri', /no hours/],
    ['Lun-Ven 08:00-17:00', /not a day/],
    ['Fri-Mon 08:00-17:00', /not a day/],
    ['Mon-Fri 17:00-08:00', /not an opening/],
    ['Mon-Fri 8h-17h', /not an opening/],
    ['Mon-Fri 08:00-25:00', /not an opening/],
    ['Mon-Fri 08:00-12:00 11:00-17:00', /overlap/],
  ])('refuses %j', (spec, reason) => {
    const h = parseBusinessHours(spec);
    expect('error' in h && h.error).toMatch(reason);
  });
});
