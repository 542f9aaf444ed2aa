import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { FluentBundle, FluentResource, type FluentVariable } from '@fluent/bundle';
import type { MessageArg, MessageArgs, Msg } from '../ports/notification.js';
import { formatDate, formatDuration, formatMoney, intlLocale } from './format.js';
import { silentLogger, type Logger } from '../ports/logger.js';

/** Localizes engine messages: Fluent ids and arguments in, sentences out. */
export interface I18n {
  /** The sentence for `msg` in `locale` (a tag such as `fr` or `en-US`), dates in `timezone`. Never throws. */
  t(locale: string, msg: Msg, timezone: string): string;
  /** The languages found under the locales folder (`fr`, `en`, `ln`, `sw`). */
  locales: string[];
  /** True when some language defines the message id. */
  has(id: string): boolean;
  /** The supported language closest to a tag (`en-GB` → `en`), or the default. */
  resolve(locale: string | null | undefined): string;
}

export interface I18nOptions {
  /** Language used for unknown tags (`fr` unless said otherwise). */
  defaultLocale?: string;
  logger?: Logger;
}

/** Loads every `.ftl` file of `dir/<lang>/` into one Fluent bundle per language. */
export function createI18n(dir = 'locales', opts: I18nOptions = {}): I18n {
  const log = opts.logger ?? silentLogger;
  const bundles = new Map<string, FluentBundle>();
  for (const lang of readdirSync(dir).sort()) {
    const folder = join(dir, lang);
    if (!statSync(folder).isDirectory()) continue;
    // Chat text is shown as-is: bidi isolation marks would show up as stray characters in some clients.
    // Plural rules (and Fluent's own number formatting) follow the language's regional tag: `ln-CD`, `sw-CD`.
    const bundle = new FluentBundle(intlLocale(lang), { useIsolating: false });
    for (const file of readdirSync(folder).filter((f) => f.endsWith('.ftl')).sort()) {
      const errors = bundle.addResource(new FluentResource(readFileSync(join(folder, file), 'utf8')));
      for (const err of errors) log.warn({ err, file: join(folder, file) }, 'fluent resource error');
    }
    bundles.set(lang, bundle);
  }
  const locales = [...bundles.keys()];
  // French is the product's default language (SPEC); DEFAULT_LOCALE may say otherwise.
  const wanted = opts.defaultLocale ?? 'fr';
  const defaultLocale = bundles.has(wanted) ? wanted : (locales[0] ?? wanted);

  function resolve(locale: string | null | undefined): string {
    const base = (locale ?? '').toLowerCase().split(/[-_]/)[0] ?? '';
    return bundles.has(base) ? base : defaultLocale;
  }

  function t(locale: string, msg: Msg, timezone: string): string {
    const wanted = resolve(locale);
    const order = [wanted, ...locales.filter((l) => l !== wanted)];
    const lang = order.find((l) => bundles.get(l)?.hasMessage(msg.id));
    if (!lang) {
      log.error({ id: msg.id, locale }, 'missing message id in every locale');
      return msg.id;
    }
    if (lang !== wanted) log.warn({ id: msg.id, locale: wanted, used: lang }, 'missing message id, using another locale');
    const bundle = bundles.get(lang)!;
    const pattern = bundle.getMessage(msg.id)?.value;
    if (!pattern) {
      log.error({ id: msg.id, locale: lang }, 'message has no value');
      return msg.id;
    }
    const errors: Error[] = [];
    const text = bundle.formatPattern(pattern, formatArgs(msg.args, lang, timezone), errors);
    for (const err of errors) log.warn({ err, id: msg.id, locale: lang }, 'fluent formatting error');
    return text;
  }

  return { t, locales, has: (id) => locales.some((l) => bundles.get(l)!.hasMessage(id)), resolve };
}

/** Turns structured arguments into text in the reader's language and time zone before Fluent sees them. */
function formatArgs(args: MessageArgs | undefined, locale: string, timezone: string): Record<string, FluentVariable> {
  const out: Record<string, FluentVariable> = {};
  for (const [key, value] of Object.entries(args ?? {})) out[key] = formatArg(value, locale, timezone);
  return out;
}

function formatArg(value: MessageArg, locale: string, timezone: string): FluentVariable {
  if (typeof value === 'string' || typeof value === 'number') return value;
  if ('date' in value) return formatDate(value.date, locale, timezone, value.style ?? 'date');
  if ('money' in value) return formatMoney(value.money, locale);
  if ('duration' in value) return formatDuration(value.duration, locale);
  const never: never = value;
  return String(never);
}
