import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FluentResource } from '@fluent/bundle';
import { describe, expect, it } from 'vitest';
import { CASE_OPS } from '../src/app/engine/actions.js';
import { actionLabelId } from '../src/app/engine/cards.js';
import { PROOF_OF_SHIPPING } from '../src/domain/decider.js';
import { ERROR_CODES } from '../src/domain/errors.js';
import { ESCALATION_GROUNDS } from '../src/domain/types.js';

const DIR = 'locales';
const langs = readdirSync(DIR).filter((d) => !d.includes('.')).sort();

/** Ids of messages and terms per file, and the entries Fluent could not parse (they would be dropped silently). */
function read(lang: string): Map<string, { ids: string[]; declared: string[] }> {
  const files = new Map<string, { ids: string[]; declared: string[] }>();
  for (const file of readdirSync(join(DIR, lang)).filter((f) => f.endsWith('.ftl')).sort()) {
    const source = readFileSync(join(DIR, lang, file), 'utf8');
    const resource = new FluentResource(source);
    const ids = resource.body.map((entry) => entry.id);
    const declared = [...source.matchAll(/^(-?[a-zA-Z][\w-]*)\s*=/gm)].map((m) => m[1]!);
    files.set(file, { ids, declared });
  }
  return files;
}

const byLang = new Map(langs.map((l) => [l, read(l)]));
const allIds = (lang: string) => new Set([...byLang.get(lang)!.values()].flatMap((f) => f.ids));

describe('locales', () => {
  it('has French and English', () => {
    expect(langs).toEqual(expect.arrayContaining(['en', 'fr']));
  });

  it.each(langs)('every entry of %s parses (none dropped as junk)', (lang) => {
    for (const [file, { ids, declared }] of byLang.get(lang)!) {
      expect({ file, ids: [...ids].sort() }).toEqual({ file, ids: [...declared].sort() });
    }
  });

  it('has the same files and ids in every language', () => {
    const [first, ...rest] = langs;
    for (const lang of rest) {
      expect([...byLang.get(lang)!.keys()]).toEqual([...byLang.get(first!)!.keys()]);
      for (const [file, { ids }] of byLang.get(first!)!) {
        expect({ lang, file, ids: [...byLang.get(lang)!.get(file)!.ids].sort() }).toEqual({ lang, file, ids: [...ids].sort() });
      }
    }
  });

  it('uses the same variables in every message of every language', () => {
    const vars = (lang: string) => {
      const out = new Map<string, string>();
      for (const file of readdirSync(join(DIR, lang)).filter((f) => f.endsWith('.ftl'))) {
        const source = readFileSync(join(DIR, lang, file), 'utf8');
        // An entry runs from its id to the next line that starts a new entry or a comment.
        for (const m of source.matchAll(/^(-?[a-zA-Z][\w-]*)\s*=([\s\S]*?)(?=^(?:-?[a-zA-Z][\w-]*\s*=|#)|(?![\s\S]))/gm)) {
          out.set(m[1]!, [...new Set([...m[2]!.matchAll(/\$([a-zA-Z][\w-]*)/g)].map((v) => v[1]!))].sort().join(' '));
        }
      }
      return out;
    };
    const reference = vars('fr');
    expect(reference.size).toBeGreaterThan(100);
    for (const lang of langs.filter((l) => l !== 'fr')) {
      const mine = vars(lang);
      const differ = [...reference].filter(([id, v]) => mine.has(id) && mine.get(id) !== v).map(([id, v]) => ({ id, fr: v, [lang]: mine.get(id) }));
      expect({ lang, differ }).toEqual({ lang, differ: [] });
    }
  });

  it('has French, English, Lingala and Swahili', () => {
    expect(langs).toEqual(['en', 'fr', 'ln', 'sw']);
  });

  it('defines each id once per language', () => {
    for (const lang of langs) {
      const ids = [...byLang.get(lang)!.values()].flatMap((f) => f.ids);
      const dupes = ids.filter((id, i) => ids.indexOf(id) !== i);
      expect({ lang, dupes }).toEqual({ lang, dupes: [] });
    }
  });

  it('has a sentence for every error code in every language', () => {
    for (const lang of langs) {
      const ids = allIds(lang);
      const missing = ERROR_CODES.map((c) => `error-${c.toLowerCase().replace(/_/g, '-')}`).filter((id) => !ids.has(id));
      expect({ lang, missing }).toEqual({ lang, missing: [] });
    }
  });

  it('uses kebab-case ids', () => {
    for (const lang of langs) for (const id of allIds(lang)) expect(id).toMatch(/^-?[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
  });

  it('has every message id the engine can send', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? files(join(dir, d.name)) : d.name.endsWith('.ts') ? [join(dir, d.name)] : []));
    const literal = [...files('src/app/engine'), 'src/app/render.ts'].flatMap((f) =>
      [...readFileSync(f, 'utf8').matchAll(/'((?:engine|error|common)-[a-z0-9-]+)'/g)].map((m) => m[1]!),
    );
    const dynamic = [
      ...CASE_OPS.flatMap((op) => [actionLabelId(op, 'buyer'), actionLabelId(op, 'support')]),
      ...ESCALATION_GROUNDS.map((g) => `engine-ground-${g}`),
      ...PROOF_OF_SHIPPING.map((k) => `engine-proof-${k.replace(/_/g, '-')}`),
      ...['comment', 'note', 'info-provided'].map((t) => `engine-timeline-${t}`),
    ];
    expect(literal.length).toBeGreaterThan(100);
    for (const lang of langs) {
      const ids = allIds(lang);
      const missing = [...new Set([...literal, ...dynamic])].filter((id) => !ids.has(id));
      expect({ lang, missing }).toEqual({ lang, missing: [] });
    }
  });
});
