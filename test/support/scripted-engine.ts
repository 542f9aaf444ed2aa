import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OutMessage, TurnInput } from '../../src/ports/turn.js';

/** What a scripted engine answers to one turn. */
export type Script = (input: TurnInput) => OutMessage[] | Promise<OutMessage[]>;

/** An engine that records every TurnInput and answers what the test scripts (by default `initial`). */
export function createScriptedEngine(initial: Script = () => []) {
  const inputs: TurnInput[] = [];
  let script = initial;
  return {
    inputs,
    /** Sets the answer to every following turn. */
    answer(fn: Script) {
      script = fn;
    },
    async handle(input: TurnInput) {
      inputs.push(input);
      return { replies: await script(input) };
    },
  };
}

/** The engine createScriptedEngine returns: `inputs` it received, `answer` to script it. */
export type ScriptedEngine = ReturnType<typeof createScriptedEngine>;

/**
 * A locales folder for an adapter test: the real .ftl files named in `only` (all of them when omitted) and, last,
 * the sentences of the scripted engine for each language (Lingala and Swahili get the French ones unless given).
 */
export function testLocales(sentences: { fr: string; en: string; ln?: string; sw?: string }, only?: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'palabre-locales-'));
  for (const lang of ['fr', 'en', 'ln', 'sw'] as const) {
    mkdirSync(join(dir, lang));
    const files = only ?? readdirSync(join('locales', lang)).filter((f) => f.endsWith('.ftl'));
    for (const file of files) copyFileSync(join('locales', lang, file), join(dir, lang, file));
    writeFileSync(join(dir, lang, 'zz-test.ftl'), sentences[lang] ?? sentences.fr);
  }
  return dir;
}
