import { describe, expect, it } from 'vitest';
import { formatDate, formatDuration, formatMoney } from '../../src/app/format.js';
import { createI18n } from '../../src/app/i18n.js';
import { notificationsFor } from '../../src/app/notifications.js';
import { fold } from '../../src/domain/decider.js';
import { durationBetween, planNudges } from '../../src/domain/nudges.js';
import { defaultPolicy } from '../../src/domain/policy.js';
import { makeOrder, opened, play } from '../domain/support.js';

/** The demo case, opened on Saturday 28 March 2026 at noon in Paris, the day before clocks spring forward. */
const springOpening = () =>
  opened({ now: '2026-03-28T11:00:00.000Z', order: makeOrder({ placedAt: '2026-03-01T09:00:00Z', shippedAt: '2026-03-03T09:00:00Z', estimatedDeliveryAt: '2026-03-20T00:00:00Z' }) });

// Deadlines are computed in UTC and only shown in the reader's zone.
const KINSHASA = 'Africa/Kinshasa'; // UTC+1 all year
const LUBUMBASHI = 'Africa/Lubumbashi'; // UTC+2 all year, same country
const PARIS = 'Europe/Paris'; // UTC+1, UTC+2 from 29 March 2026 01:00Z to 25 October 2026 01:00Z

describe('dates in the reader\'s time zone', () => {
  it('shows one instant on different days in Kinshasa and Lubumbashi', () => {
    const at = '2026-10-20T22:30:00.000Z';
    expect(formatDate(at, 'fr', KINSHASA)).toBe('20 octobre 2026');
    expect(formatDate(at, 'fr', LUBUMBASHI)).toBe('21 octobre 2026');
    expect(formatDate(at, 'fr', KINSHASA, 'datetime')).toBe('20 octobre 2026 à 23:30 UTC+1');
    expect(formatDate(at, 'fr', LUBUMBASHI, 'datetime')).toBe('21 octobre 2026 à 00:30 UTC+2');
    expect(formatDate(at, 'en', LUBUMBASHI, 'datetime')).toMatch(/^October 21, 2026 at 12:30\sAM GMT\+2$/);
  });

  it('keeps a 24-hour reminder 24 real hours later across the spring change in Paris, shown an hour later on the clock', () => {
    const openedAt = '2026-03-28T11:00:00.000Z'; // Saturday noon in Paris (UTC+1)
    const c = fold(springOpening());
    const [first] = planNudges(c, defaultPolicy);
    expect(first!.dueAt).toBe('2026-03-29T11:00:00.000Z');
    expect(formatDate(openedAt, 'fr', PARIS, 'datetime')).toBe('28 mars 2026 à 12:00 UTC+1');
    expect(formatDate(first!.dueAt, 'fr', PARIS, 'datetime')).toBe('29 mars 2026 à 13:00 UTC+2');
    // From the reminder to escalation (opening + 3 days) is 48 real hours, whatever the clocks did.
    expect(durationBetween(first!.dueAt, c.escalatableAt)).toBe('PT48H');
  });

  it('shows the same deadline an hour earlier on the clock across the autumn change', () => {
    expect(formatDate('2026-10-24T10:00:00.000Z', 'fr', PARIS, 'datetime')).toBe('24 octobre 2026 à 12:00 UTC+2');
    expect(formatDate('2026-10-25T10:00:00.000Z', 'fr', PARIS, 'datetime')).toBe('25 octobre 2026 à 11:00 UTC+1');
  });

  it('writes a reminder for a seller in Paris and one in Lubumbashi from the same notification', () => {
    const log = play(springOpening(), [
      [{ type: 'RecordReminder', nudge: 'seller_reminder', to: 'seller', nudgeId: 'nudge-C-000123-seller_reminder-1' }, { as: 'system', now: '2026-03-29T11:00:00.000Z' }],
    ]);
    const [n] = notificationsFor(fold(log), log.slice(-1));
    const i18n = createI18n('locales');
    const paris = n!.body.map((m) => i18n.t('fr', m, PARIS)).join(' ');
    const lubumbashi = n!.body.map((m) => i18n.t('en', m, LUBUMBASHI)).join(' ');
    expect(paris).toMatch(/Il reste 2\sjours .*\(le 31 mars 2026 à 13:00 UTC\+2\)/);
    expect(lubumbashi).toMatch(/2\sdays left .*\(March 31, 2026 at 1:00\sPM GMT\+2\)/);
  });

  it('keeps unparseable input visible rather than inventing a date', () => {
    expect(formatDate('not a date', 'fr', KINSHASA)).toBe('not a date');
  });
});

describe('durations and money', () => {
  it('writes durations in words in each language', () => {
    expect(formatDuration('PT48H', 'fr')).toMatch(/^2\sjours$/);
    expect(formatDuration('PT36H', 'fr')).toMatch(/^1\sjour et 12\sheures$/);
    expect(formatDuration('PT90M', 'en')).toMatch(/^1\shour and 30\sminutes$/);
    expect(formatDuration('PT0S', 'en')).toMatch(/^0\sminutes$/);
    // Lingala, which the platform's Intl data writes « 3 d » and « 1 d and 12 h »: in words, noun first.
    expect(formatDuration('P3D', 'ln')).toBe('mikolo 3');
    expect(formatDuration('PT24H', 'ln')).toBe('mokolo 1');
    expect(formatDuration('PT36H', 'ln')).toBe('mokolo 1 na ngonga 12');
    expect(formatDuration('PT90M', 'ln')).toBe('ngonga 1 na miniti 30');
    expect(formatDuration('P3D', 'sw')).toMatch(/^siku\s3$/);
  });

  it('writes money from minor units', () => {
    expect(formatMoney({ amount: 5_000_000, currency: 'CDF' }, 'fr')).toMatch(/^50\s000,00\sCDF$/);
    expect(formatMoney({ amount: 8_900, currency: 'USD' }, 'en')).toBe('$89.00');
  });

  it('writes each language\'s and currency\'s own way however they follow one another', () => {
    const cases: Array<[number, string, string]> = [
      [5_000_000, 'CDF', 'fr'],
      [8_900, 'USD', 'en'],
      [5_000_000, 'CDF', 'ln'],
      [1_500, 'JPY', 'en'],
      [8_900, 'USD', 'fr'],
      [12_345, 'KWD', 'sw'],
    ];
    const fresh = cases.map(([amount, currency, locale]) => formatMoney({ amount, currency }, locale));
    expect(fresh[0]).toMatch(/^50\s000,00\sCDF$/);
    expect(fresh[1]).toBe('$89.00');
    expect(fresh[3]).toBe('¥1,500');
    expect(new Set(fresh).size).toBe(cases.length);
    // Again, in the reverse order: the same text for each.
    expect([...cases].reverse().map(([amount, currency, locale]) => formatMoney({ amount, currency }, locale))).toEqual([...fresh].reverse());
  });
});
