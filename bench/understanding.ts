/**
 * Section `understanding` (issue 12): how well buyer messages are understood, on the labelled corpus
 * of test/fixtures/understanding/. Accuracy of the first answer on the held-out split (and on the
 * whole corpus, training part included), per language, label and style; the confusion matrix; dead
 * ends (a problem read as "not a problem"); off-platform precision and recall; µs per message; the
 * classifier's training time; and the alternatives it was chosen against, trained on the same split.
 * `measureUnderstanding` returns the numbers and `renderUnderstanding` prints them: other measures of
 * the buyer's journey (actions to an opened case) join the same result.
 */
import { classifyProblem, mentionsOffPlatform } from '../src/app/engine/intent.js';
import { decide, trainClassifier, type Meaning } from '../src/app/engine/understanding/classifier.js';
import { trainLogistic, trainNaiveBayes, type TextModel } from '../src/app/engine/understanding/model.js';
import { BLIND_2_STYLES, BLIND_3_STYLES, BLIND_4_STYLES, BLIND_5_STYLES, BLIND_7_STYLES, BLIND_8_STYLES, BLIND_9_STYLES, BLIND_10_STYLES, BLIND_11_STYLES, BLIND_STYLES, LABELS, loadBlindSet, loadBlindSet2, loadBlindSet3, loadBlindSet4, loadBlindSet5, loadBlindSet6, loadBlindSet7, loadBlindSet8, loadBlindSet9, loadBlindSet10, loadBlindSet11, loadCorpus, splitCorpus, STYLES, type CorpusEntry, type Label } from '../test/support/understanding-corpus.js';
import { median, round } from './stats.js';

/** Right answers out of a number of messages. */
export interface Score {
  n: number;
  correct: number;
  /** Percent, one decimal. */
  accuracy: number;
}

/** The classifier's first answers on one set of messages. */
export interface SetResult {
  overall: Score;
  byLang: Record<string, Score>;
  byLabel: Record<string, Score>;
  byStyle: Record<string, Score>;
  /** confusion[expected][answered] = count. */
  confusion: Record<string, Record<string, number>>;
  /** Messages labelled as a problem that got null ("I did not understand"). */
  deadEnds: number;
}

export interface UnderstandingResult {
  corpus: { total: number; train: number; heldOut: number; byLabel: Record<string, number>; byLang: Record<string, number> };
  heldOut: SetResult;
  all: SetResult;
  /**
   * The blind set (test/fixtures/understanding-blind/): messages written without looking at the
   * classifier or its corpus, never trained on; closer to what real buyers will do than the held-out split.
   */
  blind: SetResult;
  /** The second blind set (test/fixtures/understanding-blind-2/), written after the first had been tuned against. */
  blind2: SetResult;
  /** The third blind set (test/fixtures/understanding-blind-3/), written after the first two had been tuned against. */
  blind3: SetResult;
  /** The fourth blind set (test/fixtures/understanding-blind-4/), written after the first three had been tuned against. */
  blind4: SetResult;
  /** The fifth blind set (test/fixtures/understanding-blind-5/), written after the first four had been tuned against. */
  blind5: SetResult;
  /** The sixth blind set (test/fixtures/understanding-blind-6/), written after the first five had been tuned against. */
  blind6: SetResult;
  /** The seventh blind set (test/fixtures/understanding-blind-7/), written after the first six had been tuned against. */
  blind7: SetResult;
  /** The eighth blind set (test/fixtures/understanding-blind-8/), written after the first seven had been tuned against. */
  blind8: SetResult;
  /** The ninth blind set (test/fixtures/understanding-blind-9/), written after the first eight had been tuned against. */
  blind9: SetResult;
  blind10: SetResult;
  blind11: SetResult;
  /** Median over rounds of the mean time to classify one held-out message, in µs (model already trained). */
  microsPerMessage: number;
  /** Time to train the classifier from the training split, in ms. */
  trainingMs: number;
  offPlatform: { truePositives: number; falsePositives: number; falseNegatives: number; precision: number; recall: number; phoneOrSmsNegatives: number };
  /** Held-out accuracy of each classifier considered, trained on the same split. */
  alternatives: Array<{ name: string; heldOutAccuracy: number; microsPerMessage: number; trainingMs: number }>;
}

const score = (n: number, correct: number): Score => ({ n, correct, accuracy: n ? round((100 * correct) / n, 1) : 0 });

function evaluate(set: CorpusEntry[], answer: (text: string) => Label): SetResult {
  const tally = (key: (e: CorpusEntry) => string[]) => {
    const m = new Map<string, [number, number]>();
    for (const e of set) {
      const ok = answer(e.text) === e.label ? 1 : 0;
      for (const k of key(e)) {
        const [n, c] = m.get(k) ?? [0, 0];
        m.set(k, [n + 1, c + ok]);
      }
    }
    return Object.fromEntries([...m].sort(([a], [b]) => a.localeCompare(b)).map(([k, [n, c]]) => [k, score(n, c)]));
  };
  const confusion: Record<string, Record<string, number>> = {};
  let correct = 0;
  let deadEnds = 0;
  for (const e of set) {
    const got = answer(e.text);
    if (got === e.label) correct++;
    if (got === 'none' && e.label !== 'none') deadEnds++;
    (confusion[e.label] ??= {})[got] = (confusion[e.label]?.[got] ?? 0) + 1;
  }
  return {
    overall: score(set.length, correct),
    byLang: tally((e) => [e.lang]),
    byLabel: tally((e) => [e.label]),
    byStyle: tally((e) => (e.style.length ? e.style : ['plain'])),
    confusion,
    deadEnds,
  };
}

function timePerMessage(set: CorpusEntry[], fn: (text: string) => unknown, rounds: number): number {
  const runs: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    for (const e of set) fn(e.text);
    runs.push(((performance.now() - t0) * 1000) / set.length);
  }
  return round(median(runs), 0);
}

function alternative(name: string, train: CorpusEntry[], test: CorpusEntry[], make: (ex: Array<{ text: string; label: Meaning }>) => TextModel<Meaning>, answer?: (m: TextModel<Meaning>, text: string) => Label) {
  const t0 = performance.now();
  const model = make(train.map((e) => ({ text: e.text, label: e.label })));
  const trainingMs = round(performance.now() - t0, 0);
  const pick = answer ?? ((m: TextModel<Meaning>, text: string) => m.rank(text)[0]!.label);
  const r = evaluate(test, (text) => pick(model, text));
  return { name, heldOutAccuracy: r.overall.accuracy, microsPerMessage: timePerMessage(test, (t) => pick(model, t), 3), trainingMs };
}

/** Every number of the section; `rounds` repeats the timing. */
export function measureUnderstanding(opts: { rounds?: number; alternatives?: boolean } = {}): UnderstandingResult {
  const corpus = loadCorpus();
  const { train, test } = splitCorpus(corpus);
  const count = (key: (e: CorpusEntry) => string) => {
    const m: Record<string, number> = {};
    for (const e of corpus) m[key(e)] = (m[key(e)] ?? 0) + 1;
    return m;
  };
  const t0 = performance.now();
  trainClassifier(train.map((e) => ({ text: e.text, label: e.label })));
  const trainingMs = round(performance.now() - t0, 0);
  const answer = (text: string): Label => classifyProblem(text) ?? 'none';
  answer('warm-up'); // the runtime classifier trains on first use: not part of the per-message time
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const e of corpus) {
    const said = mentionsOffPlatform(e.text);
    if (said && e.offPlatform) tp++;
    else if (said) fp++;
    else if (e.offPlatform) fn++;
  }
  const phoneOrSms = /t[eé]l[eé]phon|\btel\b|\bphone|\bsms\b|\btext/i;
  const alternatives = opts.alternatives === false ? [] : [
    alternative('naive Bayes, words + character n-grams', train, test, (ex) => trainNaiveBayes(ex, { features: { chars: true, cues: false, cueWeight: 0 } })),
    alternative('softmax regression, words + character n-grams, no cues', train, test, (ex) => trainLogistic(ex, { epochs: 20, features: { chars: true, cues: false, cueWeight: 0 } })),
    alternative('softmax regression, words + cues, no character n-grams, same rules', train, test, (ex) => trainLogistic(ex, { epochs: 20, features: { chars: false, cues: true, cueWeight: 4 } }), (m, text) => decide(m, text) ?? 'none'),
    alternative('softmax regression, words + character n-grams + cues, model alone (no rules)', train, test, trainClassifier),
    alternative('chosen: the same, with the case-reason and no-dead-end rules', train, test, trainClassifier, (m, text) => decide(m, text) ?? 'none'),
  ];
  return {
    corpus: { total: corpus.length, train: train.length, heldOut: test.length, byLabel: count((e) => e.label), byLang: count((e) => e.lang) },
    heldOut: evaluate(test, answer),
    all: evaluate(corpus, answer),
    blind: evaluate(loadBlindSet(), answer),
    blind2: evaluate(loadBlindSet2(), answer),
    blind3: evaluate(loadBlindSet3(), answer),
    blind4: evaluate(loadBlindSet4(), answer),
    blind5: evaluate(loadBlindSet5(), answer),
    blind6: evaluate(loadBlindSet6(), answer),
    blind7: evaluate(loadBlindSet7(), answer),
    blind8: evaluate(loadBlindSet8(), answer),
    blind9: evaluate(loadBlindSet9(), answer),
    blind10: evaluate(loadBlindSet10(), answer),
    blind11: evaluate(loadBlindSet11(), answer),
    microsPerMessage: timePerMessage(test, classifyProblem, opts.rounds ?? 5),
    trainingMs,
    offPlatform: {
      truePositives: tp,
      falsePositives: fp,
      falseNegatives: fn,
      precision: round(tp / Math.max(1, tp + fp), 3),
      recall: round(tp / Math.max(1, tp + fn), 3),
      phoneOrSmsNegatives: corpus.filter((e) => !e.offPlatform && phoneOrSms.test(e.text)).length,
    },
    alternatives,
  };
}

const row = (cells: Array<string | number>) => `| ${cells.join(' | ')} |`;
const pct = (s: Score | undefined) => (s ? `${s.accuracy}% (${s.correct}/${s.n})` : '–');

/** The section as Markdown, as docs/performance.md shows it. */
export function renderUnderstanding(r: UnderstandingResult): string {
  const h = r.heldOut;
  const a = r.all;
  const out: string[] = [];
  const confusion = (of: string, m: Record<string, Record<string, number>>) => {
    out.push(`Confusion on ${of} (rows: label, columns: first answer):`, '', row(['', ...LABELS]), row(['---', ...LABELS.map(() => '---:')]));
    for (const e of LABELS) out.push(row([e, ...LABELS.map((g) => m[e]?.[g] ?? '·')]));
  };
  out.push(`Corpus: ${r.corpus.total} messages (${Object.entries(r.corpus.byLang).map(([k, v]) => `${k} ${v}`).join(', ')}); training split ${r.corpus.train}, held out ${r.corpus.heldOut}.`);
  out.push(`First-answer accuracy: held out ${pct(h.overall)}; whole corpus ${pct(a.overall)}. Dead ends (a problem read as "not a problem"): ${a.deadEnds} of ${a.overall.n - (r.corpus.byLabel.none ?? 0)}.`);
  out.push(`${r.microsPerMessage} µs per message; classifier trained in ${r.trainingMs} ms (on first use).`);
  const o = r.offPlatform;
  out.push(`Off-platform contact: precision ${o.precision}, recall ${o.recall} (${o.truePositives} true, ${o.falsePositives} false positives, ${o.falseNegatives} missed; ${o.phoneOrSmsNegatives} negatives mention a phone or an SMS).`);
  out.push('');
  out.push(row(['language', 'held out', 'whole corpus']));
  out.push(row(['---', '---:', '---:']));
  for (const k of Object.keys(a.byLang)) out.push(row([k, pct(h.byLang[k]), pct(a.byLang[k])]));
  out.push('');
  out.push(row(['label', 'messages', 'held out', 'whole corpus']));
  out.push(row(['---', '---:', '---:', '---:']));
  for (const k of LABELS) out.push(row([k, r.corpus.byLabel[k] ?? 0, pct(h.byLabel[k]), pct(a.byLabel[k])]));
  out.push('');
  out.push(row(['style', 'held out', 'whole corpus']));
  out.push(row(['---', '---:', '---:']));
  for (const k of [...STYLES, 'plain']) if (a.byStyle[k]) out.push(row([k, pct(h.byStyle[k]), pct(a.byStyle[k])]));
  out.push('');
  confusion('the held-out split', h.confusion);
  const blindSet = (name: string, dir: string, about: string, b: SetResult, styles: readonly string[]) => {
    out.push('');
    out.push(`${name} (test/fixtures/${dir}/, ${about}, never trained on): first answer right ${pct(b.overall)}; dead ends ${b.deadEnds} of ${b.overall.n - (b.byLabel.none?.n ?? 0)}.`);
    out.push('');
    out.push(row([name.toLowerCase(), 'first answer right']));
    out.push(row(['---', '---:']));
    for (const k of Object.keys(b.byLang)) out.push(row([`language ${k}`, pct(b.byLang[k])]));
    for (const k of LABELS) out.push(row([`label ${k}`, pct(b.byLabel[k])]));
    for (const k of [...styles, 'plain']) if (b.byStyle[k]) out.push(row([`style ${k}`, pct(b.byStyle[k])]));
    out.push('');
    confusion(`the ${name.toLowerCase()}`, b.confusion);
  };
  blindSet('Blind set', 'understanding-blind', 'written without looking at the classifier or its corpus', r.blind, BLIND_STYLES);
  blindSet('Second blind set', 'understanding-blind-2', 'written the same way after the first was tuned against', r.blind2, BLIND_2_STYLES);
  blindSet('Third blind set', 'understanding-blind-3', 'written the same way after the first two were tuned against', r.blind3, BLIND_3_STYLES);
  blindSet('Fourth blind set', 'understanding-blind-4', 'written the same way after the first three were tuned against', r.blind4, BLIND_4_STYLES);
  blindSet('Fifth blind set', 'understanding-blind-5', 'written the same way after the first four were tuned against', r.blind5, BLIND_5_STYLES);
  blindSet('Sixth blind set', 'understanding-blind-6', 'written the same way after the first five were tuned against', r.blind6, BLIND_5_STYLES);
  blindSet('Seventh blind set', 'understanding-blind-7', 'written the same way after the first six were tuned against', r.blind7, BLIND_7_STYLES);
  blindSet('Eighth blind set', 'understanding-blind-8', 'written the same way after the first seven were tuned against', r.blind8, BLIND_8_STYLES);
  blindSet('Ninth blind set', 'understanding-blind-9', 'written the same way after the first eight were tuned against', r.blind9, BLIND_9_STYLES);
  blindSet('Tenth blind set', 'understanding-blind-10', 'written the same way after the first nine were tuned against', r.blind10, BLIND_10_STYLES);
  blindSet('Eleventh blind set', 'understanding-blind-11', 'written the same way after the first ten were tuned against', r.blind11, BLIND_11_STYLES);
  if (r.alternatives.length) {
    out.push('');
    out.push(row(['classifier (same split)', 'held out', 'µs/message', 'training ms']));
    out.push(row(['---', '---:', '---:', '---:']));
    for (const x of r.alternatives) out.push(row([x.name, `${x.heldOutAccuracy}%`, x.microsPerMessage, x.trainingMs]));
  }
  return out.join('\n');
}
