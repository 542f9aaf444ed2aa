import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLanguageDetector, fluentText, languageDetectorFromLocales, lazyLanguageDetector, lettersOnly } from '../../src/app/language.js';
import { loadCorpus } from '../support/understanding-corpus.js';

const LOCALES = join(import.meta.dirname, '../../locales');
const samples = Object.fromEntries(
  readdirSync(LOCALES, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => [d.name, readdirSync(join(LOCALES, d.name)).filter((f) => f.endsWith('.ftl')).map((f) => fluentText(readFileSync(join(LOCALES, d.name, f), 'utf8'))).join('\n')]),
);
const detector = createLanguageDetector(samples);

describe('language detection trained on the message catalogues', () => {
  it('turns Fluent source into sentences without ids, placeables or variant keys', () => {
    const text = fluentText('# comment\nengine-x = Bonjour { $name } !\nsel = { $n ->\n    [one] un colis\n   *[other] des colis\n  }\n');
    expect(text).not.toMatch(/engine-x|\$name|\[one\]|comment|->/);
    expect(text).toMatch(/Bonjour/);
    expect(text).toMatch(/un colis/);
  });

  it('folds accents and drops digits and punctuation', () => {
    expect(lettersOnly("Ma commande CC-1001 n'est PAS arrivée !!")).toBe('ma commande cc n est pas arrivee');
  });

  it.each([
    ['fr', "ma commande n'est jamais arrivée"],
    ['fr', 'jai tjr rien recu du vendeur'],
    ['en', 'my parcel never arrived and the seller does not answer'],
    ['ln', 'commande na ngai eyaki te'],
    ['ln', 'nazwi colis na ngai te kino lelo'],
    ['sw', 'oda yangu haijafika, muuzaji hajibu'],
    ['sw', 'sijapata mzigo wangu mpaka leo'],
  ])('recognises %s in « %s »', (lang, text) => {
    expect(detector.detect(text)?.lang).toBe(lang);
  });

  it('does not guess on a text too short to tell', () => {
    expect(detector.detect('ok')).toBeNull();
    expect(detector.detect('CC-1001')).toBeNull();
  });
});

describe('language detection on the labelled Lingala and Swahili buyer messages', () => {
  const corpus = loadCorpus();

  // Measured: Lingala 163/168 (97.0%), Swahili 162/169 (95.9%); unsure (null) counts as a miss.
  it.each([
    ['ln', 0.95],
    ['sw', 0.95],
  ])('recognises %s in at least the floor of its messages, and never takes one for English', (lang, floor) => {
    const mine = corpus.filter((e) => e.lang === lang);
    expect(mine.length).toBeGreaterThanOrEqual(100);
    const guesses = mine.map((e) => detector.detect(e.text)?.lang ?? null);
    const right = guesses.filter((g) => g === lang).length;
    expect(right / mine.length).toBeGreaterThanOrEqual(floor);
    expect(guesses.filter((g) => g === 'en')).toEqual([]);
  });
});

describe('the detector a process uses is built at its first text, not at start', () => {
  it('is made without reading the catalogues: a folder that does not exist fails only when a text is looked at', () => {
    const lazy = lazyLanguageDetector(join(LOCALES, 'no-such-folder'));
    expect(() => lazy.detect('ma commande n est jamais arrivee')).toThrow(/ENOENT/);
  });

  it('guesses what the detector built at once guesses, warmed or not', () => {
    const texts = ["ma commande n'est jamais arrivée", 'my parcel never arrived', 'commande na ngai eyaki te', 'oda yangu haijafika', 'ok'];
    const eager = languageDetectorFromLocales(LOCALES);
    const cold = lazyLanguageDetector(LOCALES);
    const warmed = lazyLanguageDetector(LOCALES);
    warmed.warm();
    for (const text of texts) {
      expect(cold.detect(text)).toEqual(eager.detect(text));
      expect(warmed.detect(text)).toEqual(eager.detect(text));
    }
  });
});
