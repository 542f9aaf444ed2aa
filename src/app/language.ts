import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Which language a chat message is written in, among the languages Palabre speaks.
 *
 * A multinomial naive Bayes over character n-grams and words, trained at start-up from the project's
 * own message catalogues (`locales/<lang>/*.ftl`): every language Palabre answers in is, by
 * construction, one it can recognise, and no test data is used for training. It proposes; the engine
 * only offers to switch (one tap), never switches by itself.
 */

/** A guess and how sure it is: `margin` is the log-probability gap to the runner-up, per feature. */
export interface LanguageGuess {
  lang: string;
  margin: number;
}

/** Recognises the languages it was trained on. */
export interface LanguageDetector {
  /** The languages it knows. */
  langs: string[];
  /** The most likely language, or null when the text is too short or the guess too close to call. */
  detect(text: string): LanguageGuess | null;
  /** Log-probabilities per language, best first (for measuring; detect() is what callers use). */
  scores(text: string): { lang: string; score: number }[];
}

export interface LanguageDetectorOptions {
  /** Below this margin per feature, detect() answers null (default 0.08). */
  minMargin?: number;
  /** Texts with fewer letters than this are not guessed (default 8). */
  minLetters?: number;
}

/** Lower case, accents folded, anything but letters turned into single spaces. */
export function lettersOnly(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]+/g, ' ')
    .trim();
}

/** Character 2- to 4-grams of each word padded with spaces, and the words themselves (weighted as two), in order. */
function eachFeature(letters: string, visit: (feature: string) => void): void {
  for (const word of letters.split(' ')) {
    if (!word) continue;
    const padded = ` ${word} `;
    for (let n = 2; n <= 4; n++) for (let i = 0; i + n <= padded.length; i++) visit(padded.slice(i, i + n));
    const w = `w:${word}`;
    visit(w);
    visit(w);
  }
}

function featuresOfLetters(letters: string): string[] {
  const out: string[] = [];
  eachFeature(letters, (f) => out.push(f));
  return out;
}

function features(text: string): string[] {
  return featuresOfLetters(lettersOnly(text));
}

/** Turns Fluent source into plain sentences: comments, ids, placeables and variant keys removed. */
export function fluentText(source: string): string {
  return source
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('#'))
    .map((line) => line.replace(/^-?[a-zA-Z][\w-]*\s*=/, ' ').replace(/\*?\[[^\]]*\]/g, ' ').replace(/\{[^{}]*\}/g, ' ').replace(/[{}]|->/g, ' '))
    .join('\n');
}

/** Trains a detector from one sample text per language. */
export function createLanguageDetector(samples: Record<string, string>, opts: LanguageDetectorOptions = {}): LanguageDetector {
  const minMargin = opts.minMargin ?? 0.08;
  const minLetters = opts.minLetters ?? 8;
  const langs = Object.keys(samples).sort();
  const width = langs.length;
  // Each feature's row in one flat table of counts (a row per feature, a column per language): at start-up the
  // catalogues give some 10^5 features, and a map of small arrays cost a third of a second to build.
  const rows = new Map<string, number>();
  let table = new Float64Array(4096 * width);
  const totals = new Float64Array(width);
  langs.forEach((lang, li) => {
    eachFeature(lettersOnly(samples[lang]!), (f) => {
      let row = rows.get(f);
      if (row === undefined) {
        row = rows.size;
        rows.set(f, row);
        if ((row + 1) * width > table.length) {
          const grown = new Float64Array(table.length * 2);
          grown.set(table);
          table = grown;
        }
      }
      table[row * width + li]! += 1;
      totals[li]! += 1;
    });
  });
  const v = rows.size;
  // Computed once here rather than per message: each feature's log count plus one minus its language's denominator
  // (a language that never saw it counts log(0 + 1) = 0), and for a feature no language saw, minus the denominator.
  const denoms = Float64Array.from(totals, (total) => Math.log(total + v));
  const logs = table.subarray(0, v * width);
  for (let i = 0; i < logs.length; i++) logs[i] = Math.log(logs[i]! + 1) - denoms[i % width]!;
  const unseen = Float64Array.from(denoms, (d) => 0 - d);

  function scoresOf(fs: string[]): { lang: string; score: number }[] {
    const sums = new Float64Array(width);
    for (const f of fs) {
      const row = rows.get(f);
      if (row === undefined) for (let i = 0; i < width; i++) sums[i]! += unseen[i]!;
      else for (let i = 0, at = row * width; i < width; i++) sums[i]! += logs[at + i]!;
    }
    return langs.map((lang, i) => ({ lang, score: fs.length ? sums[i]! / fs.length : 0 })).sort((a, b) => b.score - a.score);
  }

  function scores(text: string): { lang: string; score: number }[] {
    return scoresOf(features(text));
  }

  function detect(text: string): LanguageGuess | null {
    const letters = lettersOnly(text);
    if (letters.replace(/ /g, '').length < minLetters) return null;
    const [best, second] = scoresOf(featuresOfLetters(letters));
    if (!best) return null;
    const margin = second ? best.score - second.score : Infinity;
    return margin >= minMargin ? { lang: best.lang, margin } : null;
  }

  return { langs, detect, scores };
}

/** A detector trained on every language folder of a locales directory (`locales/<lang>/*.ftl`). */
export function languageDetectorFromLocales(dir: string, opts: LanguageDetectorOptions = {}): LanguageDetector {
  const samples: Record<string, string> = {};
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const folder = join(dir, entry.name);
    samples[entry.name] = readdirSync(folder)
      .filter((f) => f.endsWith('.ftl'))
      .sort()
      .map((f) => fluentText(readFileSync(join(folder, f), 'utf8')))
      .join('\n');
  }
  return createLanguageDetector(samples, opts);
}

/**
 * The same detector, built the first time a text is looked at, or by `warm()`: building it reads every catalogue
 * (0.1 to 0.3 s of CPU), which need not hold a process's start (main.ts warms it once listening).
 */
export function lazyLanguageDetector(dir: string, opts: LanguageDetectorOptions = {}): Pick<LanguageDetector, 'detect'> & { warm(): void } {
  let built: LanguageDetector | undefined;
  const detector = () => (built ??= languageDetectorFromLocales(dir, opts));
  return {
    detect: (text) => detector().detect(text),
    warm: () => void detector(),
  };
}
