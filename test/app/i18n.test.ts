import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { formatDate, formatDuration, formatMoney } from '../../src/app/format.js';
import { createI18n } from '../../src/app/i18n.js';

const i18n = createI18n('locales');

/** A logger whose records land in `lines`. */
function capture() {
  const lines: Array<{ level: number; msg: string; id?: string }> = [];
  const logger = pino({ level: 'debug' }, { write: (s: string) => void lines.push(JSON.parse(s)) });
  return { logger, lines };
}

describe('createI18n on the project locales', () => {
  it('loads every language folder', () => {
    expect(i18n.locales).toEqual(expect.arrayContaining(['fr', 'en', 'ln', 'sw']));
    expect(i18n.has('engine-welcome')).toBe(true);
    expect(i18n.has('no-such-message')).toBe(false);
  });

  it('writes dates in the reader’s language and time zone', () => {
    // 23:30 UTC is already the next day in Kinshasa (UTC+1), still the same day in New York.
    const msg = { id: 'engine-card-opened', args: { at: { date: '2026-10-20T23:30:00Z' } } };
    expect(i18n.t('fr', msg, 'Africa/Kinshasa')).toBe('Ouvert le 21 octobre 2026');
    expect(i18n.t('en', msg, 'America/New_York')).toBe('Opened October 20, 2026');
    const withTime = { id: 'engine-card-opened', args: { at: { date: '2026-10-20T23:30:00Z', style: 'datetime' as const } } };
    expect(i18n.t('fr', withTime, 'Africa/Kinshasa')).toBe(`Ouvert le ${formatDate('2026-10-20T23:30:00Z', 'fr', 'Africa/Kinshasa', 'datetime')}`);
    expect(i18n.t('fr', withTime, 'Africa/Kinshasa')).toContain('00:30');
  });

  it('writes money and durations in the reader’s language', () => {
    const money = { amount: 2_500_000, currency: 'CDF' };
    const refunded = { id: 'engine-card-refunded', args: { refunded: { money }, total: { money: { amount: 5_000_000, currency: 'CDF' } } } };
    expect(i18n.t('fr', refunded, 'UTC')).toBe(`Remboursé : ${formatMoney(money, 'fr')} sur ${formatMoney({ amount: 5_000_000, currency: 'CDF' }, 'fr')}`);
    expect(i18n.t('en', refunded, 'UTC')).toBe(`Refunded: ${formatMoney(money, 'en')} of ${formatMoney({ amount: 5_000_000, currency: 'CDF' }, 'en')}`);
    expect(formatMoney(money, 'en')).toContain('25,000.00');
    const next = { id: 'engine-report-next', args: { duration: { duration: 'P3D' }, escalatableAt: { date: '2026-10-23T10:00:00Z' } } };
    expect(i18n.t('fr', next, 'UTC')).toContain(`a ${formatDuration('P3D', 'fr')} pour`);
    expect(i18n.t('en', next, 'UTC')).toContain('has 3 days to');
  });

  it('writes Lingala and Swahili dates, amounts and plurals the Congolese way (ln-CD, sw-CD)', () => {
    const opened = { id: 'engine-card-opened', args: { at: { date: '2026-06-30T10:00:00Z' } } };
    expect(i18n.t('ln', opened, 'Africa/Kinshasa')).toContain('30 sánzá ya motóbá 2026');
    expect(i18n.t('sw', opened, 'Africa/Lubumbashi')).toContain('30 Juni 2026');
    const money = { amount: 5_000_000, currency: 'CDF' };
    expect(formatMoney(money, 'ln')).toMatch(/^50\.000,00\sFC$/);
    // Swahili as written in the DRC: the franc congolais as FC, dots for thousands (not Tanzania's CDF 50,000.00).
    expect(formatMoney(money, 'sw')).toMatch(/^FC\s50\.000,00$/);
    expect(formatDuration('P3D', 'sw')).toMatch(/^siku\s3$/);
    const refunded = { id: 'engine-card-refunded', args: { refunded: { money }, total: { money } } };
    expect(i18n.t('sw', refunded, 'UTC')).toContain('FC\u00a050.000,00');
    const added = (count: number) => ({ id: 'engine-report-photo-added', args: { count } });
    expect(i18n.t('sw', added(1), 'UTC')).toBe('Faili 1 imeongezwa.');
    expect(i18n.t('sw', added(3), 'UTC')).toBe('Faili 3 zimeongezwa.');
    expect(i18n.t('ln', added(3), 'UTC')).toContain('Ba fichier 3');
  });

  it('uses shared labels through message references, and no bidi isolation marks', () => {
    const text = i18n.t('en', { id: 'engine-card-reason', args: { reason: 'not_as_described' } }, 'UTC');
    expect(text).toBe('Reason: item not as described');
    expect(i18n.t('fr', { id: 'engine-card-reason', args: { reason: 'non_delivery' } }, 'UTC')).toBe('Motif : commande non reçue');
    expect(text).not.toMatch(/[\u2068\u2069]/);
  });

  it('maps regional tags to their language and unknown ones to the default', () => {
    const msg = { id: 'engine-choice-cancel' };
    expect(i18n.t('en-GB', msg, 'UTC')).toBe('Cancel');
    expect(i18n.t('fr_CD', msg, 'UTC')).toBe('Annuler');
    expect(i18n.t('de', msg, 'UTC')).toBe('Annuler');
    expect(i18n.resolve('EN-us')).toBe('en');
  });

  it('has a sentence for error codes in both languages', () => {
    expect(i18n.t('fr', { id: 'error-support-only' }, 'UTC')).toContain('support');
    expect(i18n.t('en', { id: 'error-action-expired' }, 'UTC')).toContain('Nothing was changed');
  });
});

describe('createI18n fallbacks', () => {
  const dir = mkdtempSync(join(tmpdir(), 'palabre-i18n-'));
  mkdirSync(join(dir, 'fr'));
  mkdirSync(join(dir, 'en'));
  writeFileSync(join(dir, 'fr', 'a.ftl'), 'only-fr = Seulement en français\nboth = Les deux { $n }\n');
  writeFileSync(join(dir, 'fr', 'b.ftl'), 'second-file = Deuxième fichier\n');
  writeFileSync(join(dir, 'en', 'a.ftl'), 'both = Both { $n }\nbroken = { $x ->\n  [y] y\n}\n');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads every .ftl of a language folder', () => {
    const { logger } = capture();
    expect(createI18n(dir, { logger }).t('fr', { id: 'second-file' }, 'UTC')).toBe('Deuxième fichier');
  });

  it('falls back to the other language when an id is missing, and logs it', () => {
    const { logger, lines } = capture();
    const t = createI18n(dir, { logger, defaultLocale: 'fr' });
    expect(t.t('en', { id: 'only-fr' }, 'UTC')).toBe('Seulement en français');
    expect(lines.some((l) => l.id === 'only-fr' && l.level === 40)).toBe(true);
  });

  it('answers with the id, never throws, when no language has it', () => {
    const { logger, lines } = capture();
    const t = createI18n(dir, { logger });
    expect(t.t('fr', { id: 'nowhere' }, 'UTC')).toBe('nowhere');
    expect(lines.some((l) => l.id === 'nowhere' && l.level === 50)).toBe(true);
  });

  it('keeps going when an argument is missing', () => {
    const { logger, lines } = capture();
    const t = createI18n(dir, { logger });
    expect(t.t('en', { id: 'both' }, 'UTC')).toBe('Both {$n}');
    expect(lines.some((l) => l.msg === 'fluent formatting error')).toBe(true);
  });
});
