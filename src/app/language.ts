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

/** Character 1- to 4-grams of each word padded with spaces, and the words themselves (weighted as two). */
function features(text: string): string[] {
  return featuresOfLetters(lettersOnly(text));
}

function featuresOfLetters(letters: string): string[] {
  const out: string[] = [];
  for (const word of letters.split(' ')) {
    if (!word) continue;
    const padded = ` ${word} `;
    for (let n = 2; n <= 4; n++) for (let i = 0; i + n <= padded.length; i++) out.push(padded.slice(i, i + n));
    out.push(`w:${word}`, `w:${word}`);
  }
  return out;
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
  const vocabulary = new Set<string>();
  const counts = new Map<string, Map<string, number>>();
  const totals = new Map<string, number>();
  for (const lang of langs) {
    const c = new Map<string, number>();
    let total = 0;
    for (const f of features(samples[lang]!)) {
      c.set(f, (c.get(f) ?? 0) + 1);
      vocabulary.add(f);
      total++;
    }
    counts.set(lang, c);
    totals.set(lang, total);
  }
  const v = vocabulary.size;
  // Computed once here rather than per message: each feature's log count plus one in every language (in `langs`
  // order; a language that never saw it counts log(0 + 1) = 0), and each language's denominator.
  const logCounts = new Map<string, Float64Array>();
  for (const f of vocabulary) logCounts.set(f, Float64Array.from(langs, (lang) => Math.log((counts.get(lang)!.get(f) ?? 0) + 1)));
  const denoms = Float64Array.from(langs, (lang) => Math.log(totals.get(lang)! + v));
  const unseen = new Float64Array(langs.length);

  function scoresOf(fs: string[]): { lang: string; score: number }[] {
    const sums = new Float64Array(langs.length);
    for (const f of fs) {
      const logs = logCounts.get(f) ?? unseen;
      for (let i = 0; i < langs.length; i++) sums[i]! += logs[i]! - denoms[i]!;
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
