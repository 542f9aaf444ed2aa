import { DateTime, Duration } from 'luxon';
import type { Money } from '../domain/types.js';
import { readNumberWords } from './number-words.js';

/** Currencies whose minor unit is not 1/100 (ISO 4217); CDF uses centimes. */
const MINOR_DIGITS: Record<string, number> = { JPY: 0, XAF: 0, XOF: 0, BIF: 0, RWF: 0, KWD: 3 };

/** The regional tag Palabre's languages take for Intl and luxon: Congolese usage for Lingala and Swahili. */
const REGIONAL: Record<string, string> = { ln: 'ln-CD', sw: 'sw-CD' };

/** `ln` → `ln-CD`, `sw` → `sw-CD` (amounts in Congolese francs written `FC 50.000,00`); other tags unchanged. */
export function intlLocale(locale: string): string {
  return REGIONAL[locale.toLowerCase()] ?? locale;
}

/** Number of minor-unit digits of a currency. */
export function minorDigits(currency: string): number {
  return MINOR_DIGITS[currency.toUpperCase()] ?? 2;
}

/** `{amount: 5000000, currency: 'CDF'}` → `50 000,00 CDF` (fr) or `CDF 50,000.00` (en). */
export function formatMoney(m: Money, locale: string): string {
  const digits = minorDigits(m.currency);
  return moneyFormat(intlLocale(locale), m.currency, digits).format(m.amount / 10 ** digits);
}

// Building an Intl.NumberFormat costs far more than formatting with one: one per language and currency, kept.
const moneyFormats = new Map<string, Intl.NumberFormat>();
const MONEY_FORMATS_MAX = 256;

function moneyFormat(locale: string, currency: string, digits: number): Intl.NumberFormat {
  const key = `${locale}|${currency}`;
  let format = moneyFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: digits });
    // Currencies come from marketplace data: a bound, should it ever name many.
    if (moneyFormats.size >= MONEY_FORMATS_MAX) moneyFormats.delete(moneyFormats.keys().next().value!);
    moneyFormats.set(key, format);
  }
  return format;
}

/** Currency words people write after (or before) an amount, folded, and the ISO code they mean. */
const CURRENCY_WORDS: Record<string, string> = {
  cdf: 'CDF', fc: 'CDF', f: 'CDF', fr: 'CDF', franc: 'CDF', francs: 'CDF', 'francs congolais': 'CDF', 'franc congolais': 'CDF', 'f c': 'CDF',
  usd: 'USD', $: 'USD', us$: 'USD', 'us $': 'USD', dollar: 'USD', dollars: 'USD', 'dollars us': 'USD', 'dollars americains': 'USD',
  eur: 'EUR', '€': 'EUR', euro: 'EUR', euros: 'EUR',
  // The CFA franc of the neighbours (Congo-Brazzaville, Cameroun…) is no Congolese franc.
  fcfa: 'XAF', 'f cfa': 'XAF', cfa: 'XAF', 'francs cfa': 'XAF', 'franc cfa': 'XAF', xaf: 'XAF',
};
/** Words for "thousand" after a number (`5k`, `5 mille`, `5 thousand`, `5 elfu`), and for "million" (`2 millions`). */
const THOUSAND = /^(?:k|mille|milles|thousand|elfu)\b\s*/;
const MILLION = /^(?:millions?|milioni)\b\s*/;
/** Half of the order, in words (« la moitié », "half", « nusu »). */
const HALF = /^(?:la |une |the |a )?(?:moitie|half|nusu|ndambo)(?: du montant| de la commande| of (?:it|the order|the amount))?$/;

/** What a typed amount says: an amount in minor units, a share of the order, or an amount in another currency. */
export type TypedAmount = { minor: number } | { percent: number } | { otherCurrency: string };

/**
 * Reads a user-typed amount: `25000`, `25 000,50`, `25,000.50`, `5 000 CDF`, `FC 5000`, `5k`, `2 millions`, `50%`,
 * « la moitié », and amounts in words (« cinq mille », « dix mille francs », "two hundred and fifty", « elfu tano »).
 * Null when it is not one (a word that is no currency, zero, a negative number); a currency other than the
 * order's is reported, never read as the order's.
 */
export function readAmount(text: string, currency: string): TypedAmount | null {
  const folded = text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase().replace(/[\u00a0\u202f]/g, ' ').trim();
  if (HALF.test(folded)) return { percent: 50 };
  const pct = /^(\d{1,3}(?:[.,]\d+)?)\s*(?:%|pour ?cent|percent|per cent)$/.exec(folded);
  if (pct) {
    const percent = Number(pct[1]!.replace(',', '.'));
    return percent > 0 && percent <= 100 ? { percent } : null;
  }
  if (!/\d/.test(folded)) return amountInWords(folded, currency);
  // `before` is trimmed below: a lazy `([^\d-]*?)\s*` tried each space of a long run against the rest of it (0.8 s).
  const m = /^([^\d-]*)(\d[\d\s.,]*)(.*)$/.exec(folded);
  if (!m) return null;
  let [, before, number, after] = m as unknown as [string, string, string, string];
  number = number.trim().replace(/[.,]$/, '');
  after = after.trim();
  let times = 1;
  const thousand = THOUSAND.exec(after) ?? MILLION.exec(after);
  if (thousand) {
    times = MILLION.test(after) ? 1_000_000 : 1000;
    after = after.slice(thousand[0].length).trim();
  }
  const word = [before.trim(), after.replace(/[.!]+$/, '').trim()].filter(Boolean);
  if (word.length > 1) return null;
  if (word.length === 1) {
    const code = CURRENCY_WORDS[word[0]!];
    if (!code) return null;
    if (code !== currency.toUpperCase()) return { otherCurrency: code };
  }
  const minor = parseAmount(number, currency, times);
  return minor === null ? null : { minor };
}

/**
 * An amount in words, with or without its currency: « cinq mille », « dix mille francs », "two hundred and fifty",
 * « FC mille cinq cents », « elfu tano ». Null unless every word is the number's or its currency's.
 */
function amountInWords(folded: string, currency: string): TypedAmount | null {
  const words = folded.replace(/[.!]+$/, '').trim().split(/\s+/);
  let code: string | undefined;
  for (const k of [2, 1]) {
    if (words.length <= k) continue;
    const end = CURRENCY_WORDS[words.slice(-k).join(' ')];
    const start = CURRENCY_WORDS[words.slice(0, k).join(' ')];
    if (end) {
      code = end;
      words.splice(-k, k);
      break;
    }
    if (start) {
      code = start;
      words.splice(0, k);
      break;
    }
  }
  const n = readNumberWords(words.join(' '));
  if (n === null) return null;
  if (code && code !== currency.toUpperCase()) return { otherCurrency: code };
  const minor = n * 10 ** minorDigits(currency);
  return Number.isSafeInteger(minor) ? { minor } : null;
}

/** Parses a user-typed number (`25000`, `25 000,50`, `25,000.50`) into minor units; null if it is not one. */
export function parseAmount(text: string, currency: string, times = 1): number | null {
  const t = text.replace(/[\s\u00a0\u202f]/g, '');
  if (!/^\d+([.,]\d+)*$/.test(t)) return null;
  const lastSep = Math.max(t.lastIndexOf(','), t.lastIndexOf('.'));
  const digits = minorDigits(currency);
  let units: string;
  let fraction = '';
  if (lastSep >= 0 && t.length - lastSep - 1 <= digits && t.length - lastSep - 1 > 0 && t.length - lastSep - 1 !== 3) {
    units = t.slice(0, lastSep).replace(/[.,]/g, '');
    fraction = t.slice(lastSep + 1);
  } else {
    units = t.replace(/[.,]/g, '');
  }
  const value = Math.round((Number(units) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0')) * times);
  return Number.isSafeInteger(value) && value > 0 ? value : null;
}

/** An instant as a date (or date and time) in the reader's time zone and language. */
export function formatDate(iso: string, locale: string, timezone: string, style: 'date' | 'datetime' = 'date'): string {
  const dt = DateTime.fromISO(iso, { zone: 'utc' }).setZone(timezone).setLocale(intlLocale(locale));
  if (!dt.isValid) return iso;
  return style === 'date'
    ? dt.toLocaleString(DateTime.DATE_FULL)
    : dt.toLocaleString({ ...DateTime.DATETIME_FULL, timeZoneName: 'short' });
}

/** An ISO-8601 duration in words: `P3D` → `3 jours` / `3 days`; `PT36H` → `1 day, 12 hours`. */
export function formatDuration(iso: string, locale: string): string {
  const d = Duration.fromISO(iso);
  if (!d.isValid) return iso;
  const ms = Math.max(0, d.toMillis());
  const shifted = Duration.fromMillis(ms).shiftTo('days', 'hours', 'minutes');
  const parts: Partial<Record<'days' | 'hours' | 'minutes', number>> = {};
  if (shifted.days) parts.days = shifted.days;
  if (shifted.hours) parts.hours = shifted.hours;
  if (shifted.minutes && !shifted.days) parts.minutes = Math.round(shifted.minutes);
  if (Object.keys(parts).length === 0) parts.minutes = 0;
  const words = UNIT_WORDS[locale.toLowerCase().split('-')[0]!];
  if (words) {
    const said = (Object.entries(parts) as Array<['days' | 'hours' | 'minutes', number]>).map(([unit, n]) => words[unit](n));
    return said.length > 1 ? `${said.slice(0, -1).join(', ')} ${words.and} ${said.at(-1)}` : said[0]!;
  }
  return Duration.fromObject(parts, { locale: intlLocale(locale) }).toHuman({ unitDisplay: 'long', listStyle: 'long' } as never);
}

/**
 * Units in words where the platform's Intl data has none: ICU writes Lingala durations « 3 d », « 1 h » and lists
 * them with "and". The noun comes first in Lingala, as the bot's sentences write amounts (« mikolo 3 »).
 */
const UNIT_WORDS: Record<string, { days: (n: number) => string; hours: (n: number) => string; minutes: (n: number) => string; and: string }> = {
  ln: {
    days: (n) => `${n === 1 ? 'mokolo' : 'mikolo'} ${n}`,
    hours: (n) => `ngonga ${n}`,
    minutes: (n) => `miniti ${n}`,
    and: 'na',
  },
};
