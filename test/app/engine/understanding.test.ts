import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classifyProblem, mentionsOffPlatform, rankProblems } from '../../../src/app/engine/intent.js';
import { decide, trainClassifier } from '../../../src/app/engine/understanding/classifier.js';
import { canonical } from '../../../src/app/engine/understanding/features.js';
import { BLIND_2_DIR, BLIND_3_DIR, BLIND_4_DIR, BLIND_5_DIR, BLIND_6_DIR, BLIND_7_DIR, BLIND_8_DIR, BLIND_9_DIR, BLIND_10_DIR, BLIND_11_DIR, BLIND_DIR, LABELS, loadBlindSet, loadBlindSet2, loadBlindSet3, loadBlindSet4, loadBlindSet5, loadBlindSet6, loadBlindSet7, loadBlindSet8, loadBlindSet9, loadBlindSet10, loadBlindSet11, loadCorpus, renderTrainingSet, splitCorpus, splitOf, TRAINING_SET_FILE, type CorpusEntry } from '../../support/understanding-corpus.js';

// Floors a little under what `npm run bench -- --only understanding` measures (README, "Understanding"):
// a change that makes buyers less understood fails here; the goal (97%) is printed by the bench.
const HELD_OUT_FLOOR = 97;
const CASE_REASON_FLOORS = { non_delivery: 95, not_as_described: 95 } as const;
// Per language, held out (issue 16: the goal is 90% in Lingala and in Swahili each). Measured 2026-12-06 (evening):
// fr 98.2% (160/163), en 95.7% (88/92), ln 100% (57/57), sw 98.3% (58/59).
const LANGUAGE_FLOORS = { fr: 95, en: 92, ln: 95, sw: 95 } as const;
// The blind set (test/fixtures/understanding-blind/): written without looking at the classifier or its
// corpus, never trained on. Measured 2026-12-06: 82.2% (148/180) before any change made for it, 99.4% (179/180)
// after (fr 99/99, en 62/63). The changes were made looking at its failures, so it is no longer blind: it
// guards against regressions; a new set of real buyers' messages is what tells how well buyers are understood.
const BLIND_FLOOR = 98;
const BLIND_LANGUAGE_FLOORS = { fr: 97, en: 95 } as const;
// The second blind set (test/fixtures/understanding-blind-2/), written the same way once the first had been
// tuned against. Measured 2026-12-06 before any change made for it: 87.8% (237/270; fr 89.5%, en 86.1%, ln 85.7%,
// sw 77.8%, mixed 100%), the figure for unseen messages; 99.3% (268/270) after the changes its failures led to
// (fr 104/105, ln 34/35, the rest all right), which is no longer blind: like the first, it now guards against regressions.
const BLIND_2_FLOOR = 97;
const BLIND_2_LANGUAGE_FLOORS = { fr: 97, en: 97, ln: 94, sw: 96, mixed: 95 } as const;
// The third blind set (test/fixtures/understanding-blind-3/), written once the first two had both been tuned against.
// Measured 2026-12-06 before any change made for it: 86.3% (233/270; fr 79.6%, en 90.5%, ln 88.9%, sw 88.9%,
// mixed 96.3%), the figure for unseen messages; 100% (270/270) after the changes its failures led to, which is no
// longer blind: like the first two, it now guards against regressions (floors a message or two under).
const BLIND_3_FLOOR = 98;
const BLIND_3_LANGUAGE_FLOORS = { fr: 98, en: 98, ln: 97, sw: 97, mixed: 96 } as const;
// The fourth blind set (test/fixtures/understanding-blind-4/), written once the first three had all been tuned against
// (long stories, formal letters, dictation homophones, Sheng, written for a relative, screenshots described).
// Measured 2026-12-06 before any change made for it: 90.4% (244/270; fr 88%, en 92.6%, ln 95.6%, sw 84.4%, mixed 100%),
// the figure for unseen messages; 100% (270/270) after the changes its failures led to, which is no longer blind: like
// the first three, it now guards against regressions (floors a message or two under).
const BLIND_4_FLOOR = 98;
const BLIND_4_LANGUAGE_FLOORS = { fr: 98, en: 98, ln: 97, sw: 97, mixed: 94 } as const;
// The fifth blind set (test/fixtures/understanding-blind-5/), written once the first four had all been tuned against, from the
// spec's dispute policy and the label list alone (a trap in every label: a word pointing to another one). Measured 2026-12-06
// before any change made for it: 86.7% (234/270) with its labels as first written; 87.4% (236/270; fr 90.7%, en 84.1%,
// ln 86.1%, sw 83.3%, mixed 88.9%) once six labels were brought to the corpus's written definitions (an address to change is
// other, whether the shop delivers to a town is no problem), the figure for unseen messages; 96.7% (261/270) after the changes
// its failures led to, which is no longer blind: like the first four, it now guards against regressions (floors a message or
// two under). Its labels are no longer 30 each (24 delivery questions, 32 other, 34 not a problem) for that reason.
const BLIND_5_FLOOR = 95;
const BLIND_5_LANGUAGE_FLOORS = { fr: 94, en: 95, ln: 91, sw: 97, mixed: 96 } as const;
const BLIND_5_OFF_PLATFORM = { precision: 0.95, recall: 0.95 } as const;
// The sixth blind set (test/fixtures/understanding-blind-6/), written once the first five had all been tuned against, from the
// label definitions alone (300 messages, 36% Lingala, Swahili or mixed, 24% English, two or more traps a label). Measured
// 2026-12-06 (night) before any change made for it: 91.0% (273/300; fr 88.1%, en 93.2%, ln 90.0%, sw 93.8%, mixed 95.2%;
// delivery questions 85.3%, traps 78.6%), the figure for unseen messages, no label aligned; 100% (300/300) after the changes
// its failures led to (understanding-phenomena.test.ts, "sixth blind set"), which is no longer blind: like the first five, it
// now guards against regressions (floors a message or two under).
const BLIND_6_FLOOR = 99;
const BLIND_6_LANGUAGE_FLOORS = { fr: 98, en: 98, ln: 97, sw: 97, mixed: 95 } as const;
// The seventh blind set (test/fixtures/understanding-blind-7/), written once the first six had all been tuned against, from the
// label definitions and a list of writers unlike the earlier sets' (terse, phonetic spelling, insults and threats, the item
// named, a seller's message forwarded, questions about the process, messages that are not disputes). Measured 2026-12-07
// before any change made for it: 89.3% (268/300; fr 88.1%, en 92.9%, ln 82.9%, sw 91.1%, mixed 2/2; not a problem 75.8%,
// delivery questions 79.4%, forwarded 62.5%, traps 73.4%; 3 dead ends), the figure for unseen messages, no label aligned.
// 100% (300/300) after the changes its failures led to (understanding-phenomena.test.ts, "seventh blind set"), which is no longer
// blind: like the first six, it now guards against regressions (floors a message or two under).
const BLIND_7_FLOOR = 99;
const BLIND_7_LANGUAGE_FLOORS = { fr: 98, en: 98, ln: 97, sw: 97 } as const;
// The eighth blind set (test/fixtures/understanding-blind-8/), written once the first seven had all been tuned against, from the
// label definitions and the format alone (300 messages, 34% Lingala, Swahili or mixed; weight on messages that are not a
// problem, delivery questions in a few words, a seller's message forwarded). Measured 2026-12-07 (night) before any change made
// for it: 87.3% (262/300; fr 87.7%, en 80.0%, ln 92.3%, sw 91.1%, mixed 4/5; not a problem 65.7%, delivery questions 79.4%,
// questions about the process 4/10, selling 1/4, account 5/9; 3 dead ends), the figure for unseen messages, no label aligned.
// 98.7% (296/300) after the changes its failures led to (understanding-phenomena.test.ts, "eighth blind set"; no training message
// added), which is no longer blind: like the first seven, it now guards against regressions, its floors at the figure reached.
// The 4 left are how to change a password or an e-mail, labelled not a problem here and `other` (an account matter) by the
// corpus and the fifth blind set (« Comment je change mon mot de passe ? »): the classifier keeps the earlier labels.
const BLIND_8_FLOOR = 98.6;
const BLIND_8_LANGUAGE_FLOORS = { fr: 98.5, en: 98.3, ln: 98, sw: 100 } as const;
// The ninth blind set (test/fixtures/understanding-blind-9/), written once the first eight had all been tuned against, from the
// label definitions and the format alone (300 messages, 37% Lingala, Swahili or mixed; weight on how people write when angry
// or hurried: long stories with an earlier order told first, dictation, SMS and phonetic spelling, caps, emoji, two problems,
// amounts and dates). Measured 2026-12-07 (morning) before any change made for it: 89.3% (268/300; fr 89.8%, en 88.7%, ln 90.9%,
// sw 84.8%, mixed 20/21; not a problem 74.3%, long stories 81.8%, an earlier order told first 10/13; 3 dead ends), the figure for
// unseen messages, no label aligned. 100% (300/300) after the changes its failures led to (understanding-phenomena.test.ts,
// "ninth blind set"; no training message added), which is no longer blind: like the first eight, it now guards against
// regressions, its floors a message under the figure reached.
const BLIND_9_FLOOR = 99.6;
const BLIND_9_LANGUAGE_FLOORS = { fr: 99.1, en: 98.5, ln: 97.7, sw: 97.8, mixed: 95 } as const;
// The tenth blind set (test/fixtures/understanding-blind-10/), written once the first nine had all been tuned against, from the
// label definitions and the format alone (300 messages, 43% Lingala, Swahili or mixed; weight on texts with no accents, Swahili
// with Sheng and coast Swahili, messages written for someone else, order confirmations and courier SMS pasted around one line,
// a number with a word or two, hard "not a problem" and delivery questions, and an earlier problem said to be settled).
// Measured 2026-12-07 (morning) before any change made for it: 91.0% (273/300; fr 93.6%, en 85.7%, ln 87.2%, sw 92.1%, mixed
// 18/18; not a problem 75%, long stories 63.6%, an earlier problem settled 7/14, pasted text 30/33; 3 dead ends), the figure
// for unseen messages, no label aligned. 100% (300/300) after the changes its failures led to (understanding-phenomena.test.ts,
// "tenth blind set"; no training message added), which is no longer blind: like the first nine, it now guards against
// regressions, its floors a message under the figure reached.
const BLIND_10_FLOOR = 99.6;
const BLIND_10_LANGUAGE_FLOORS = { fr: 99, en: 98.4, ln: 97.8, sw: 98.4, mixed: 94 } as const;
// The eleventh blind set (test/fixtures/understanding-blind-11/), written once the first ten had all been tuned against, from the
// label definitions and the format alone (300 messages, 48% Lingala, Swahili or mixed; weight on English as East and Central
// Africans write it, French from Abidjan, Douala and Dakar, voice-to-text, messages of one to four words, a bare question, an
// order number or a product title first, emoji, and a problem told only by what the buyer expected). Measured 2026-12-07
// (morning) before any change made for it: 91.7% (275/300; fr 92.6%, en 92.1%, ln 94.8%, sw 85.3%, mixed 17/17; told only by
// what was expected 6/16, traps 16/20, not as described 27/33; 1 dead end), the figure for unseen messages, no label aligned.
// 99.7% (299/300, no dead end) after the changes its failures led to (understanding-phenomena.test.ts, "eleventh blind set"; no
// training message added), which is no longer blind: like the first ten, it now guards against regressions, its floors a
// message under the figure reached. The one left is « Vous livrez le samedi ? J'attends ma commande de mardi », read as late.
const BLIND_11_FLOOR = 99.3;
const BLIND_11_LANGUAGE_FLOORS = { fr: 97.5, en: 98.6, ln: 98.2, sw: 98.5, mixed: 94 } as const;
const OFF_PLATFORM_PRECISION_FLOOR = 0.95;
const OFF_PLATFORM_RECALL_FLOOR = 0.9;

const corpus = loadCorpus();
const { train, test } = splitCorpus(corpus);
const accuracy = (set: CorpusEntry[]) => (100 * set.filter((e) => (classifyProblem(e.text) ?? 'none') === e.label).length) / set.length;

describe('the understanding corpus', () => {
  it('holds at least 400 messages, every label well represented in both splits', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(400);
    for (const label of LABELS) {
      expect(corpus.filter((e) => e.label === label).length, label).toBeGreaterThanOrEqual(45);
      expect(test.filter((e) => e.label === label).length, label).toBeGreaterThanOrEqual(10);
    }
    expect(test.length / corpus.length).toBeGreaterThan(0.2);
    expect(test.length / corpus.length).toBeLessThan(0.4);
  });

  it('splits by the text alone, so a message never moves between training and held out', () => {
    for (const e of corpus.slice(0, 50)) expect(splitOf(e.text)).toBe(splitOf(`${e.text}`));
    expect(new Set(train.map((e) => e.text)).size + new Set(test.map((e) => e.text)).size).toBe(new Set(corpus.map((e) => e.text)).size);
  });

  it('is what the runtime learns from: training-set.ts is the training split, current, and nothing held out', () => {
    expect(readFileSync(TRAINING_SET_FILE, 'utf8')).toBe(renderTrainingSet(corpus));
    const source = readFileSync(TRAINING_SET_FILE, 'utf8');
    for (const e of test) expect(source.includes(JSON.stringify(e.text)), e.text).toBe(false);
  });
});

describe('classifyProblem on the corpus', () => {
  it(`gets the first answer right on at least ${HELD_OUT_FLOOR}% of the held-out messages`, () => {
    expect(accuracy(test)).toBeGreaterThanOrEqual(HELD_OUT_FLOOR);
  });

  it.each(Object.entries(LANGUAGE_FLOORS))('held-out messages in %s get the first answer right at least %i% of the time', (lang, floor) => {
    const mine = test.filter((e) => e.lang === lang);
    expect(mine.length).toBeGreaterThanOrEqual(lang === 'fr' || lang === 'en' ? 60 : 40);
    expect(accuracy(mine)).toBeGreaterThanOrEqual(floor);
  });

  it('understands Lingala, Swahili and French mixed with them, as people write', () => {
    expect(classifyProblem('commande na ngai eyaki te')).toBe('non_delivery');
    expect(classifyProblem('oda yangu haijafika, muuzaji hajibu')).toBe('non_delivery');
    expect(classifyProblem('Bonjour, colis na ngai ekomi te depuis deux semaines')).toBe('non_delivery');
  });

  it.each(Object.entries(CASE_REASON_FLOORS))('held-out %s (a reason that opens a case) is right at least %i% of the time', (label, floor) => {
    expect(accuracy(test.filter((e) => e.label === label))).toBeGreaterThanOrEqual(floor);
  });

  it('never leaves a problem as "not understood": null only for messages that state no problem', () => {
    const deadEnds = corpus.filter((e) => e.label !== 'none' && classifyProblem(e.text) === null).map((e) => e.text);
    expect(deadEnds).toEqual([]);
  });

  it('asks about a phone bought, a tracking SMS or a courier call without reading contact outside the marketplace', () => {
    const said = corpus.filter((e) => mentionsOffPlatform(e.text));
    const right = said.filter((e) => e.offPlatform).length;
    const wanted = corpus.filter((e) => e.offPlatform).length;
    expect(right / said.length).toBeGreaterThanOrEqual(OFF_PLATFORM_PRECISION_FLOOR);
    expect(right / wanted).toBeGreaterThanOrEqual(OFF_PLATFORM_RECALL_FLOOR);
    const phoneOrSms = corpus.filter((e) => !e.offPlatform && /t[eé]l[eé]phon|\bphone|\bsms\b/i.test(e.text));
    expect(phoneOrSms.length).toBeGreaterThanOrEqual(15);
    expect(phoneOrSms.filter((e) => mentionsOffPlatform(e.text)).map((e) => e.text)).toEqual([]);
  });
});

describe('classifyProblem on the blind set', () => {
  const blind = loadBlindSet();

  it('is 180 messages, 20 a label, kept out of the corpus and of training', () => {
    expect(blind.length).toBe(180);
    for (const label of LABELS) expect(blind.filter((e) => e.label === label).length, label).toBe(20);
    // A few words (« hi », "refund pls") were written the same way on both sides by chance; anything longer must not be.
    const known = new Set(corpus.map((e) => canonical(e.text)));
    for (const e of blind) if (canonical(e.text).split(' ').length > 6) expect(known.has(canonical(e.text)), e.text).toBe(false);
    expect(readFileSync(new URL('../../../scripts/understanding-data.ts', import.meta.url), 'utf8')).not.toContain('understanding-blind');
    expect(BLIND_DIR).toMatch(/understanding-blind$/);
  });

  it(`gets the first answer right on at least ${BLIND_FLOOR}% of the blind messages`, () => {
    expect(accuracy(blind)).toBeGreaterThanOrEqual(BLIND_FLOOR);
  });

  it.each(Object.entries(BLIND_LANGUAGE_FLOORS))('blind messages in %s get the first answer right at least %i% of the time', (lang, floor) => {
    expect(accuracy(blind.filter((e) => e.lang === lang))).toBeGreaterThanOrEqual(floor);
  });

  it('never leaves a blind message about a problem as "not understood"', () => {
    expect(blind.filter((e) => e.label !== 'none' && classifyProblem(e.text) === null).map((e) => e.text)).toEqual([]);
  });
});

describe('classifyProblem on the second blind set', () => {
  const blind2 = loadBlindSet2();

  it('is 270 messages, 30 a label, a quarter or more in Lingala, Swahili or mixed, kept out of the corpus, of training and of the first blind set', () => {
    expect(blind2.length).toBe(270);
    for (const label of LABELS) expect(blind2.filter((e) => e.label === label).length, label).toBe(30);
    expect(blind2.filter((e) => e.lang === 'ln' || e.lang === 'sw' || e.lang === 'mixed').length / blind2.length).toBeGreaterThanOrEqual(0.25);
    const known = new Set([...corpus, ...loadBlindSet()].map((e) => canonical(e.text)));
    for (const e of blind2) if (canonical(e.text).split(' ').length > 6) expect(known.has(canonical(e.text)), e.text).toBe(false);
    expect(readFileSync(new URL('../../../scripts/understanding-data.ts', import.meta.url), 'utf8')).not.toContain('understanding-blind');
    expect(BLIND_2_DIR).toMatch(/understanding-blind-2$/);
  });

  it(`gets the first answer right on at least ${BLIND_2_FLOOR}% of the second blind set`, () => {
    expect(accuracy(blind2)).toBeGreaterThanOrEqual(BLIND_2_FLOOR);
  });

  it.each(Object.entries(BLIND_2_LANGUAGE_FLOORS))('second blind set messages in %s get the first answer right at least %i% of the time', (lang, floor) => {
    expect(accuracy(blind2.filter((e) => e.lang === lang))).toBeGreaterThanOrEqual(floor);
  });

  it('never leaves a message of the second blind set about a problem as "not understood"', () => {
    expect(blind2.filter((e) => e.label !== 'none' && classifyProblem(e.text) === null).map((e) => e.text)).toEqual([]);
  });
});

describe('classifyProblem on the third blind set', () => {
  const blind3 = loadBlindSet3();

  it('is 270 messages, 30 a label, a third or more in Lingala, Swahili or mixed, kept out of the corpus, of training and of the earlier blind sets', () => {
    expect(blind3.length).toBe(270);
    for (const label of LABELS) expect(blind3.filter((e) => e.label === label).length, label).toBe(30);
    expect(blind3.filter((e) => e.lang === 'ln' || e.lang === 'sw' || e.lang === 'mixed').length / blind3.length).toBeGreaterThanOrEqual(0.33);
    const known = new Set([...corpus, ...loadBlindSet(), ...loadBlindSet2()].map((e) => canonical(e.text)));
    for (const e of blind3) if (canonical(e.text).split(' ').length > 6) expect(known.has(canonical(e.text)), e.text).toBe(false);
    expect(readFileSync(new URL('../../../scripts/understanding-data.ts', import.meta.url), 'utf8')).not.toContain('understanding-blind');
    expect(BLIND_3_DIR).toMatch(/understanding-blind-3$/);
  });

  it(`gets the first answer right on at least ${BLIND_3_FLOOR}% of the third blind set`, () => {
    expect(accuracy(blind3)).toBeGreaterThanOrEqual(BLIND_3_FLOOR);
  });

  it.each(Object.entries(BLIND_3_LANGUAGE_FLOORS))('third blind set messages in %s get the first answer right at least %i% of the time', (lang, floor) => {
    expect(accuracy(blind3.filter((e) => e.lang === lang))).toBeGreaterThanOrEqual(floor);
  });

  it('never leaves a message of the third blind set about a problem as "not understood"', () => {
    expect(blind3.filter((e) => e.label !== 'none' && classifyProblem(e.text) === null).map((e) => e.text)).toEqual([]);
  });
});

describe('classifyProblem on the fourth blind set', () => {
  const blind4 = loadBlindSet4();

  it('is 270 messages, 30 a label, 40% or more in Lingala, Swahili or mixed, kept out of the corpus, of training and of the earlier blind sets', () => {
    expect(blind4.length).toBe(270);
    for (const label of LABELS) expect(blind4.filter((e) => e.label === label).length, label).toBe(30);
    expect(blind4.filter((e) => e.lang === 'ln' || e.lang === 'sw' || e.lang === 'mixed').length / blind4.length).toBeGreaterThanOrEqual(0.4);
    const known = new Set([...corpus, ...loadBlindSet(), ...loadBlindSet2(), ...loadBlindSet3()].map((e) => canonical(e.text)));
    for (const e of blind4) if (canonical(e.text).split(' ').length > 6) expect(known.has(canonical(e.text)), e.text).toBe(false);
    expect(readFileSync(new URL('../../../scripts/understanding-data.ts', import.meta.url), 'utf8')).not.toContain('understanding-blind');
    expect(BLIND_4_DIR).toMatch(/understanding-blind-4$/);
  });

  it(`gets the first answer right on at least ${BLIND_4_FLOOR}% of the fourth blind set`, () => {
    expect(accuracy(blind4)).toBeGreaterThanOrEqual(BLIND_4_FLOOR);
  });

  it.each(Object.entries(BLIND_4_LANGUAGE_FLOORS))('fourth blind set messages in %s get the first answer right at least %i% of the time', (lang, floor) => {
    expect(accuracy(blind4.filter((e) => e.lang === lang))).toBeGreaterThanOrEqual(floor);
  });

  it('never leaves a message of the fourth blind set about a problem as "not understood"', () => {
    expect(blind4.filter((e) => e.label !== 'none' && classifyProblem(e.text) === null).map((e) => e.text)).toEqual([]);
  });
});

describe('classifyProblem on the fifth blind set', () => {
  const blind5 = loadBlindSet5();

  it('is 270 messages, every label 24 or more, 35% or more in Lingala, Swahili or mixed, kept out of the corpus, of training and of the earlier blind sets', () => {
    expect(blind5.length).toBe(270);
    for (const label of LABELS) expect(blind5.filter((e) => e.label === label).length, label).toBeGreaterThanOrEqual(24);
    expect(blind5.filter((e) => e.lang === 'ln' || e.lang === 'sw' || e.lang === 'mixed').length / blind5.length).toBeGreaterThanOrEqual(0.35);
    const known = new Set([...corpus, ...loadBlindSet(), ...loadBlindSet2(), ...loadBlindSet3(), ...loadBlindSet4()].map((e) => canonical(e.text)));
    for (const e of blind5) expect(known.has(canonical(e.text)), e.text).toBe(false);
    expect(readFileSync(new URL('../../../scripts/understanding-data.ts', import.meta.url), 'utf8')).not.toContain('understanding-blind');
    expect(BLIND_5_DIR).toMatch(/understanding-blind-5$/);
  });

  it(`gets the first answer right on at least ${BLIND_5_FLOOR}% of the fifth blind set`, () => {
    expect(accuracy(blind5)).toBeGreaterThanOrEqual(BLIND_5_FLOOR);
  });

  it.each(Object.entries(BLIND_5_LANGUAGE_FLOORS))('fifth blind set messages in %s get the first answer right at least %i% of the time', (lang, floor) => {
    expect(accuracy(blind5.filter((e) => e.lang === lang))).toBeGreaterThanOrEqual(floor);
  });

  it('tells contact outside the marketplace in the fifth blind set (a phone bought, a courier asked to call are none)', () => {
    const said = blind5.filter((e) => mentionsOffPlatform(e.text));
    const right = said.filter((e) => e.offPlatform).length;
    expect(right / said.length).toBeGreaterThanOrEqual(BLIND_5_OFF_PLATFORM.precision);
    expect(right / blind5.filter((e) => e.offPlatform).length).toBeGreaterThanOrEqual(BLIND_5_OFF_PLATFORM.recall);
  });
});

describe('classifyProblem on the sixth blind set', () => {
  const blind6 = loadBlindSet6();

  it('is 300 messages, every label 33 or more, 35% or more in Lingala, Swahili or mixed, never trained on, 28 short ones word for word as the corpus or an earlier set has them', () => {
    expect(blind6.length).toBe(300);
    for (const label of LABELS) expect(blind6.filter((e) => e.label === label).length, label).toBeGreaterThanOrEqual(33);
    expect(blind6.filter((e) => e.lang === 'ln' || e.lang === 'sw' || e.lang === 'mixed').length / blind6.length).toBeGreaterThanOrEqual(0.35);
    const known = new Set([...corpus, ...loadBlindSet(), ...loadBlindSet2(), ...loadBlindSet3(), ...loadBlindSet4(), ...loadBlindSet5()].map((e) => canonical(e.text)));
    // Written blind, 28 short messages came out word for word as the corpus or an earlier set has them (« je veux annuler ma
    // commande svp », "refund please", « mbote »): kept as written; the README gives the unseen figure without them too.
    expect(blind6.filter((e) => known.has(canonical(e.text))).length).toBe(28);
    expect(readFileSync(new URL('../../../scripts/understanding-data.ts', import.meta.url), 'utf8')).not.toContain('understanding-blind');
    expect(BLIND_6_DIR).toMatch(/understanding-blind-6$/);
  });

  it(`gets the first answer right on at least ${BLIND_6_FLOOR}% of the sixth blind set`, () => {
    expect(accuracy(blind6)).toBeGreaterThanOrEqual(BLIND_6_FLOOR);
  });

  it.each(Object.entries(BLIND_6_LANGUAGE_FLOORS))('sixth blind set messages in %s get the first answer right at least %i% of the time', (lang, floor) => {
    expect(accuracy(blind6.filter((e) => e.lang === lang))).toBeGreaterThanOrEqual(floor);
  });

  it('never leaves a message of the sixth blind set about a problem as "not understood"', () => {
    expect(blind6.filter((e) => e.label !== 'none' && classifyProblem(e.text) === null).map((e) => e.text)).toEqual([]);
  });
});

describe('classifyProblem on the seventh blind set', () => {
  const blind7 = loadBlindSet7();

  it('is 300 messages, every label 33 or more, 25% or more in Lingala, Swahili or mixed, never trained on, 21 short ones word for word as the corpus or an earlier set has them', () => {
    expect(blind7.length).toBe(300);
    for (const label of LABELS) expect(blind7.filter((e) => e.label === label).length, label).toBeGreaterThanOrEqual(33);
    expect(blind7.filter((e) => e.lang === 'ln' || e.lang === 'sw' || e.lang === 'mixed').length / blind7.length).toBeGreaterThanOrEqual(0.25);
    const known = new Set([...corpus, ...loadBlindSet(), ...loadBlindSet2(), ...loadBlindSet3(), ...loadBlindSet4(), ...loadBlindSet5(), ...loadBlindSet6()].map((e) => canonical(e.text)));
    // Written blind, 20 short messages came out word for word as the corpus or an earlier set has them (« rien recu », « slt »,
    // « rembourse moi », « nazali na likambo »): kept as written; the README gives the unseen figure without them too. Since
    // phonetic spellings are read as the words they sound like, « g pri la mauvez taille » reads as one more of them.
    expect(blind7.filter((e) => known.has(canonical(e.text))).length).toBe(21);
    expect(readFileSync(new URL('../../../scripts/understanding-data.ts', import.meta.url), 'utf8')).not.toContain('understanding-blind');
    expect(BLIND_7_DIR).toMatch(/understanding-blind-7$/);
  });

  it(`gets the first answer right on at least ${BLIND_7_FLOOR}% of the seventh blind set`, () => {
    expect(accuracy(blind7)).toBeGreaterThanOrEqual(BLIND_7_FLOOR);
  });

  it.each(Object.entries(BLIND_7_LANGUAGE_FLOORS))('seventh blind set messages in %s get the first answer right at least %i% of the time', (lang, floor) => {
    expect(accuracy(blind7.filter((e) => e.lang === lang))).toBeGreaterThanOrEqual(floor);
  });

  it('never leaves a message of the seventh blind set about a problem as "not understood"', () => {
    expect(blind7.filter((e) => e.label !== 'none' && classifyProblem(e.text) === null).map((e) => e.text)).toEqual([]);
  });
});

describe('classifyProblem on the eighth blind set', () => {
  const blind8 = loadBlindSet8();

  it('is 300 messages, every label 33 or more, 25% or more in Lingala, Swahili or mixed, never trained on, none word for word as the corpus or an earlier set has it', () => {
    expect(blind8.length).toBe(300);
    for (const label of LABELS) expect(blind8.filter((e) => e.label === label).length, label).toBeGreaterThanOrEqual(33);
    expect(blind8.filter((e) => e.lang === 'ln' || e.lang === 'sw' || e.lang === 'mixed').length / blind8.length).toBeGreaterThanOrEqual(0.25);
    const known = new Set([...corpus, ...loadBlindSet(), ...loadBlindSet2(), ...loadBlindSet3(), ...loadBlindSet4(), ...loadBlindSet5(), ...loadBlindSet6(), ...loadBlindSet7()].map((e) => canonical(e.text)));
    expect(blind8.filter((e) => known.has(canonical(e.text))).map((e) => e.text)).toEqual([]);
    expect(readFileSync(new URL('../../../scripts/understanding-data.ts', import.meta.url), 'utf8')).not.toContain('understanding-blind');
    expect(BLIND_8_DIR).toMatch(/understanding-blind-8$/);
  });

  it(`gets the first answer right on at least ${BLIND_8_FLOOR}% of the eighth blind set`, () => {
    expect(accuracy(blind8)).toBeGreaterThanOrEqual(BLIND_8_FLOOR);
  });

  it.each(Object.entries(BLIND_8_LANGUAGE_FLOORS))('eighth blind set messages in %s get the first answer right at least %s% of the time', (lang, floor) => {
    expect(accuracy(blind8.filter((e) => e.lang === lang))).toBeGreaterThanOrEqual(floor);
  });

  it('never leaves a message of the eighth blind set about a problem as "not understood"', () => {
    expect(blind8.filter((e) => e.label !== 'none' && classifyProblem(e.text) === null).map((e) => e.text)).toEqual([]);
  });
});

describe('classifyProblem on the ninth blind set', () => {
  const blind9 = loadBlindSet9();

  it('is 300 messages, every label 33 or more, 25% or more in Lingala, Swahili or mixed, never trained on, none word for word as the corpus or an earlier set has it', () => {
    expect(blind9.length).toBe(300);
    for (const label of LABELS) expect(blind9.filter((e) => e.label === label).length, label).toBeGreaterThanOrEqual(33);
    expect(blind9.filter((e) => e.lang === 'ln' || e.lang === 'sw' || e.lang === 'mixed').length / blind9.length).toBeGreaterThanOrEqual(0.25);
    const known = new Set([...corpus, ...loadBlindSet(), ...loadBlindSet2(), ...loadBlindSet3(), ...loadBlindSet4(), ...loadBlindSet5(), ...loadBlindSet6(), ...loadBlindSet7(), ...loadBlindSet8()].map((e) => canonical(e.text)));
    expect(blind9.filter((e) => known.has(canonical(e.text))).map((e) => e.text)).toEqual([]);
    expect(readFileSync(new URL('../../../scripts/understanding-data.ts', import.meta.url), 'utf8')).not.toContain('understanding-blind');
    expect(BLIND_9_DIR).toMatch(/understanding-blind-9$/);
  });

  it(`gets the first answer right on at least ${BLIND_9_FLOOR}% of the ninth blind set`, () => {
    expect(accuracy(blind9)).toBeGreaterThanOrEqual(BLIND_9_FLOOR);
  });

  it.each(Object.entries(BLIND_9_LANGUAGE_FLOORS))('ninth blind set messages in %s get the first answer right at least %s% of the time', (lang, floor) => {
    expect(accuracy(blind9.filter((e) => e.lang === lang))).toBeGreaterThanOrEqual(floor);
  });

  it('never leaves a message of the ninth blind set about a problem as "not understood"', () => {
    expect(blind9.filter((e) => e.label !== 'none' && classifyProblem(e.text) === null).map((e) => e.text)).toEqual([]);
  });
});

describe('classifyProblem on the tenth blind set', () => {
  const blind10 = loadBlindSet10();

  it('is 300 messages, every label 33 or more, 40% or more in Lingala, Swahili or mixed, never trained on, none word for word as the corpus or an earlier set has it', () => {
    expect(blind10.length).toBe(300);
    for (const label of LABELS) expect(blind10.filter((e) => e.label === label).length, label).toBeGreaterThanOrEqual(33);
    expect(blind10.filter((e) => e.lang === 'ln' || e.lang === 'sw' || e.lang === 'mixed').length / blind10.length).toBeGreaterThanOrEqual(0.4);
    const known = new Set([...corpus, ...loadBlindSet(), ...loadBlindSet2(), ...loadBlindSet3(), ...loadBlindSet4(), ...loadBlindSet5(), ...loadBlindSet6(), ...loadBlindSet7(), ...loadBlindSet8(), ...loadBlindSet9()].map((e) => canonical(e.text)));
    expect(blind10.filter((e) => known.has(canonical(e.text))).map((e) => e.text)).toEqual([]);
    expect(new Set(blind10.map((e) => canonical(e.text))).size).toBe(blind10.length);
    expect(readFileSync(new URL('../../../scripts/understanding-data.ts', import.meta.url), 'utf8')).not.toContain('understanding-blind');
    expect(BLIND_10_DIR).toMatch(/understanding-blind-10$/);
  });

  it(`gets the first answer right on at least ${BLIND_10_FLOOR}% of the tenth blind set`, () => {
    expect(accuracy(blind10)).toBeGreaterThanOrEqual(BLIND_10_FLOOR);
  });

  it.each(Object.entries(BLIND_10_LANGUAGE_FLOORS))('tenth blind set messages in %s get the first answer right at least %s% of the time', (lang, floor) => {
    expect(accuracy(blind10.filter((e) => e.lang === lang))).toBeGreaterThanOrEqual(floor);
  });

  it('never leaves a message of the tenth blind set about a problem as "not understood"', () => {
    expect(blind10.filter((e) => e.label !== 'none' && classifyProblem(e.text) === null).map((e) => e.text)).toEqual([]);
  });
});

describe('classifyProblem on the eleventh blind set', () => {
  const blind11 = loadBlindSet11();

  it('is 300 messages, every label 33 or more, 35% or more in Lingala, Swahili or mixed, never trained on, none word for word as the corpus or an earlier set has it', () => {
    expect(blind11.length).toBe(300);
    for (const label of LABELS) expect(blind11.filter((e) => e.label === label).length, label).toBeGreaterThanOrEqual(33);
    expect(blind11.filter((e) => e.lang === 'ln' || e.lang === 'sw' || e.lang === 'mixed').length / blind11.length).toBeGreaterThanOrEqual(0.35);
    const known = new Set([...corpus, ...loadBlindSet(), ...loadBlindSet2(), ...loadBlindSet3(), ...loadBlindSet4(), ...loadBlindSet5(), ...loadBlindSet6(), ...loadBlindSet7(), ...loadBlindSet8(), ...loadBlindSet9(), ...loadBlindSet10()].map((e) => canonical(e.text)));
    expect(blind11.filter((e) => known.has(canonical(e.text))).map((e) => e.text)).toEqual([]);
    expect(new Set(blind11.map((e) => canonical(e.text))).size).toBe(blind11.length);
    expect(readFileSync(new URL('../../../scripts/understanding-data.ts', import.meta.url), 'utf8')).not.toContain('understanding-blind');
    expect(BLIND_11_DIR).toMatch(/understanding-blind-11$/);
  });

  it(`gets the first answer right on at least ${BLIND_11_FLOOR}% of the eleventh blind set`, () => {
    expect(accuracy(blind11)).toBeGreaterThanOrEqual(BLIND_11_FLOOR);
  });

  it.each(Object.entries(BLIND_11_LANGUAGE_FLOORS))('eleventh blind set messages in %s get the first answer right at least %s% of the time', (lang, floor) => {
    expect(accuracy(blind11.filter((e) => e.lang === lang))).toBeGreaterThanOrEqual(floor);
  });

  it('never leaves a message of the eleventh blind set about a problem as "not understood"', () => {
    expect(blind11.filter((e) => e.label !== 'none' && classifyProblem(e.text) === null).map((e) => e.text)).toEqual([]);
  });
});

describe('the classifier', () => {
  it('proposes the case reason when a buyer states one and asks for a remedy in the same breath', () => {
    expect(classifyProblem('jamais reçu, je veux être remboursé')).toBe('non_delivery');
    expect(classifyProblem('arrived broken, I want to return it')).toBe('not_as_described');
    expect(classifyProblem("toujours pas reçu le remboursement promis")).toBe('refund_request');
    // A long story where the parcel never came and the buyer wants the money back: the money is wanted, not missing.
    const story = "Je suis vraiment déçue. J'ai commandé une robe pour le mariage de ma soeur le 3 novembre, on m'avait dit "
      + 'livraison en une semaine. Le mariage est passé, toujours rien, le vendeur ne répond pas, je veux mon argent';
    expect(classifyProblem(story)).toBe('non_delivery');
    expect(classifyProblem("still nothing and the seller won't answer, I want my money")).toBe('non_delivery');
  });

  it('reads a refund already received, the shop hours and a bare order number as no problem', () => {
    expect(classifyProblem('remboursement bien reçu ce matin, merci')).toBeNull();
    expect(classifyProblem('le remboursement n est toujours pas arrivé')).toBe('refund_request');
    expect(classifyProblem('vous fermez a quelle heure le vendredi ?')).toBeNull();
    expect(classifyProblem('order 40917')).toBeNull();
  });

  it('reads the buyer\'s own pick of the wrong colour or model as a return, the seller\'s as not as described', () => {
    expect(classifyProblem('I picked the wrong colour myself, can I swap it for the black one?')).toBe('return_request');
    expect(classifyProblem('j ai choisi la mauvaise couleur, je peux echanger ?')).toBe('return_request');
    expect(classifyProblem('i ordered the wrong size, can i exchange for a 42')).toBe('wrong_size');
    expect(classifyProblem('they sent me the wrong colour')).toBe('not_as_described');
    // Chosen by the buyer, but broken or not working: the item is at fault.
    expect(classifyProblem('i picked blue but it arrived broken')).toBe('not_as_described');
    expect(classifyProblem("by mistake I chose the wrong model and it doesn't even work")).toBe('not_as_described');
  });

  it('reads a seller insulting the buyer in Lingala or Swahili as a problem of its own', () => {
    expect(classifyProblem('moteki azali kotuka ngai')).toBe('other');
    expect(classifyProblem('muuzaji ananitukana')).toBe('other');
  });

  it('leaves a buyer who says all is fine alone, unless a problem follows', () => {
    for (const text of ['ok received, all fine', 'colis recu tout est ok', 'ok recu', 'recu, nickel', 'recu tout est bon', 'all fine']) {
      expect(classifyProblem(text), text).toBeNull();
    }
    expect(classifyProblem('all fine except the screen is cracked')).toBe('not_as_described');
    expect(classifyProblem('tout est ok sauf que il manque le chargeur')).toBe('not_as_described');
    expect(classifyProblem('ok recu mais la couleur est differente')).toBe('not_as_described');
  });

  it('reads a question about who answers as no problem, « n’expédiez pas » as a cancellation, a login or page problem as other', () => {
    expect(classifyProblem('who am I talking to?')).toBeNull();
    expect(classifyProblem("svp n'expédiez pas, je me suis trompé d'adresse et de produit")).toBe('cancellation');
    expect(classifyProblem('dont ship it please i ordered twice')).toBe('cancellation');
    expect(classifyProblem('je n arrive pas a ouvrir la page de ma commande')).toBe('other');
    expect(classifyProblem('i cant log in to my account')).toBe('other');
    // A page that says "delivered" about a parcel never received is still a non-delivery.
    expect(classifyProblem('sur le site c est marque livre mais j ai rien recu')).toBe('non_delivery');
  });

  it('reads a blocked account or card as other, and a parcel blocked at customs as a non-delivery', () => {
    expect(classifyProblem('mon compte est bloque, je peux plus commander')).toBe('other');
    expect(classifyProblem('my card is blocked on the payment page')).toBe('other');
    expect(classifyProblem('mon colis est bloqué à la douane depuis 2 semaines')).toBe('non_delivery');
  });

  it('reads an invoice or a receipt not received as a request for a document (other), a parcel not received as a non-delivery', () => {
    expect(classifyProblem("j'ai toujours pas reçu la facture")).toBe('other');
    expect(classifyProblem('the seller never sent me a receipt, I did not get any invoice')).toBe('other');
    expect(classifyProblem("c bon j'ai le colis mais jamais recu de facture")).toBe('other');
    expect(classifyProblem("je n'ai toujours pas reçu ma commande")).toBe('non_delivery');
    expect(classifyProblem("I didn't get my parcel and no invoice either")).toBe('non_delivery');
  });

  it('cancels an order not arrived yet, but treats one that is late as a non-delivery', () => {
    expect(classifyProblem("elle n'est pas encore arrivée et je n'en ai plus besoin, annulez")).toBe('cancellation');
    expect(classifyProblem("toujours pas arrivée après un mois, annulez")).toBe('non_delivery');
  });

  it('reads a courier asking for more cash as a problem of its own, not a refund', () => {
    expect(classifyProblem('le livreur exige 3000 FC en plus pour le carburant')).toBe('other');
  });

  it('tells the seller sending the wrong size (not as described) from the buyer choosing it (wrong size)', () => {
    expect(classifyProblem('the seller sent the wrong size, I ordered a 38 and got a 42')).toBe('not_as_described');
    expect(classifyProblem("j'ai pris la mauvaise taille, c'est trop petit pour moi")).toBe('wrong_size');
  });

  it('ranks every problem kind, most likely first, "not a problem" excluded', () => {
    const ranked = rankProblems('mon colis a pa arriver');
    expect(ranked[0]!.kind).toBe('non_delivery');
    expect(ranked.map((r) => r.kind).sort()).toEqual(LABELS.filter((l) => l !== 'none').sort());
    for (let i = 1; i < ranked.length; i++) expect(ranked[i - 1]!.score).toBeGreaterThanOrEqual(ranked[i]!.score);
  });

  it('is deterministic: trained twice on the same messages, it answers the same', () => {
    const examples = train.map((e) => ({ text: e.text, label: e.label }));
    const a = trainClassifier(examples);
    const b = trainClassifier(examples);
    for (const e of test) expect(a.rank(e.text)).toEqual(b.rank(e.text));
    expect(test.map((e) => decide(a, e.text))).toEqual(test.map((e) => classifyProblem(e.text)));
  });

  it('answers null for an empty or meaningless message, and copes with a very long one', () => {
    expect(classifyProblem('')).toBeNull();
    expect(classifyProblem('   ?!  ')).toBeNull();
    expect(classifyProblem(`${'bla '.repeat(1000)} mon colis n'est jamais arrivé`)).toBe('non_delivery');
  });
});
