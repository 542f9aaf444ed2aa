import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { FluentResource } from '@fluent/bundle';
import type { WebI18n } from './present.js';

type Node = string | { type: string; name?: string; selector?: Node; variants?: { value: unknown }[] } | Node[] | null;

/** Variable names a Fluent pattern uses, so the page can fill `{name}` placeholders itself. */
function variables(node: unknown, into: Set<string>): Set<string> {
  if (Array.isArray(node)) for (const n of node) variables(n, into);
  else if (node && typeof node === 'object') {
    const n = node as Exclude<Node, string | Node[] | null>;
    if (n.type === 'var' && n.name) into.add(n.name);
    if (n.selector) variables(n.selector, into);
    for (const v of n.variants ?? []) variables(v.value, into);
  }
  return into;
}

/**
 * The page's own strings (the `web-*` messages of locales/<locale>/*.ftl) as JSON, formatted by the shared i18n module.
 * Arguments stay as `{name}` placeholders that the script fills in.
 */
export function createPageStrings(deps: { i18n: WebI18n; localesDir: string; timezone: string }) {
  const cache = new Map<string, Promise<Record<string, string>>>();

  async function load(locale: string): Promise<Record<string, string>> {
    // Ids come from the French files: every locale has the same ids, and French is the default.
    const folder = join(deps.localesDir, 'fr');
    const sources = await Promise.all((await readdir(folder)).filter((f) => f.endsWith('.ftl')).sort().map((f) => readFile(join(folder, f), 'utf8')));
    const out: Record<string, string> = {};
    for (const entry of sources.flatMap((source) => new FluentResource(source).body)) {
      if (!entry.id.startsWith('web-')) continue;
      const args = Object.fromEntries([...variables(entry.value, new Set())].map((name) => [name, `{${name}}`]));
      // Fluent wraps arguments in isolation marks; the page's placeholders must stay plain.
      out[entry.id] = deps.i18n.t(locale, { id: entry.id, args }, deps.timezone).replace(/[\u2068\u2069]/g, '');
    }
    return out;
  }

  return {
    /** Every web-* string in a locale the server speaks. */
    get(lang: string): Promise<Record<string, string>> {
      let entry = cache.get(lang);
      if (!entry) {
        entry = load(lang);
        entry.catch(() => cache.delete(lang));
        cache.set(lang, entry);
      }
      return entry;
    },
  };
}
