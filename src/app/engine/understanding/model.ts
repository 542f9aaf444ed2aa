/**
 * Two small text classifiers trained in-process from labelled examples: multinomial naive Bayes over
 * binary features, and a softmax (multinomial logistic) regression trained by plain gradient descent.
 * Both are deterministic: the same examples give the same model, and no clock or randomness is read.
 */
import { DEFAULT_FEATURES, features, type FeatureOptions } from './features.js';

/** A labelled example. */
export interface Example<L extends string = string> {
  text: string;
  label: L;
}

/** One label and its score; higher is more likely. Scores of one ranking sum to 1. */
export interface Ranked<L extends string = string> {
  label: L;
  score: number;
}

/** A trained classifier: every label, most likely first. */
export interface TextModel<L extends string = string> {
  rank(text: string): Ranked<L>[];
}


function softmax<L extends string>(labels: readonly L[], logits: number[]): Ranked<L>[] {
  const max = Math.max(...logits);
  const exps = logits.map((x) => Math.exp(x - max));
  const sum = exps.reduce((a, b) => a + b, 0);
  return labels.map((label, i) => ({ label, score: exps[i]! / sum })).sort((a, b) => b.score - a.score);
}

/** Naive Bayes with add-`alpha` smoothing over each message's set of features. */
export function trainNaiveBayes<L extends string>(examples: Example<L>[], opts: { alpha?: number; features?: FeatureOptions } = {}): TextModel<L> {
  const alpha = opts.alpha ?? 0.3;
  const keys = (text: string) => [...features(text, opts.features ?? DEFAULT_FEATURES).keys()];
  const labels = [...new Set(examples.map((e) => e.label))].sort() as L[];
  const index = new Map(labels.map((l, i) => [l, i]));
  const counts = new Map<string, number[]>();
  const totals = labels.map(() => 0);
  const docs = labels.map(() => 0);
  for (const e of examples) {
    const k = index.get(e.label)!;
    docs[k]!++;
    for (const f of keys(e.text)) {
      let row = counts.get(f);
      if (!row) counts.set(f, (row = labels.map(() => 0)));
      row[k]!++;
      totals[k]!++;
    }
  }
  const vocab = counts.size;
  const prior = docs.map((d) => Math.log(d / examples.length));
  const denom = totals.map((t) => Math.log(t + alpha * vocab));
  return {
    rank(text) {
      const logits = [...prior];
      for (const f of keys(text)) {
        const row = counts.get(f);
        if (!row) continue; // a feature never seen says nothing about any label
        for (let k = 0; k < labels.length; k++) logits[k]! += Math.log(row[k]! + alpha) - denom[k]!;
      }
      return softmax(labels, logits);
    },
  };
}

/** A message as (feature index, value) pairs of unit length, over the features seen in training. */
interface Sparse {
  ids: number[];
  vals: number[];
}

function sparse(v: Map<string, number>, ids: Map<string, number>, grow: boolean): Sparse {
  const out: Sparse = { ids: [], vals: [] };
  let norm = 0;
  for (const [f, x] of v) {
    let id = ids.get(f);
    if (id === undefined && grow) ids.set(f, (id = ids.size));
    if (id === undefined) continue; // a feature never seen in training has no weight
    out.ids.push(id);
    out.vals.push(x);
    norm += x * x;
  }
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  for (let i = 0; i < out.vals.length; i++) out.vals[i]! *= scale;
  return out;
}

/**
 * Softmax regression over each message's weighted features (scaled to unit length), trained by
 * stochastic gradient descent in a fixed order with a decaying step, L2-regularized.
 */
export function trainLogistic<L extends string>(examples: Example<L>[], opts: LogisticOptions = {}): TextModel<L> {
  return runToEnd(logisticSteps(examples, opts));
}

/** Runs what is left of `steps` at once, and returns its result. */
export function runToEnd<T>(steps: Generator<void, T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

export interface LogisticOptions {
  epochs?: number;
  rate?: number;
  l2?: number;
  features?: FeatureOptions;
}

/** Examples read, or SGD updates made, between two pauses of `logisticSteps`. */
const STEP = 16;

/**
 * `trainLogistic` cut in steps: it pauses (yields) every STEP examples read and every STEP updates, and returns the
 * model. Run to the end at once it is `trainLogistic`; run a step at a time between other work, the same model comes
 * out of it, and no step holds the thread long (see `trainInSlices`).
 */
export function* logisticSteps<L extends string>(examples: Example<L>[], opts: LogisticOptions = {}): Generator<void, TextModel<L>> {
  const epochs = opts.epochs ?? 30;
  const rate = opts.rate ?? 0.5;
  const l2 = opts.l2 ?? 1e-5;
  const fopts = opts.features ?? DEFAULT_FEATURES;
  const labels = [...new Set(examples.map((e) => e.label))].sort() as L[];
  const K = labels.length;
  const index = new Map(labels.map((l, i) => [l, i]));
  const ids = new Map<string, number>();
  const docs: Array<{ x: Sparse; y: number }> = [];
  for (const e of examples) {
    docs.push({ x: sparse(features(e.text, fopts), ids, true), y: index.get(e.label)! });
    if (docs.length % STEP === 0) yield;
  }
  const W = new Float64Array(ids.size * K);
  const b = new Float64Array(K);
  const p = new Float64Array(K);
  const predict = (x: Sparse) => {
    let max = -Infinity;
    for (let k = 0; k < K; k++) {
      let s = b[k]!;
      for (let i = 0; i < x.ids.length; i++) s += W[x.ids[i]! * K + k]! * x.vals[i]!;
      p[k] = s;
      if (s > max) max = s;
    }
    let sum = 0;
    for (let k = 0; k < K; k++) sum += p[k] = Math.exp(p[k]! - max);
    for (let k = 0; k < K; k++) p[k]! /= sum;
  };
  // A fixed interleaving instead of a random shuffle: the same corpus always gives the same model.
  const order = docs.map((_, i) => (i * 7919) % docs.length);
  const seen = new Set(order);
  for (let i = 0; i < docs.length; i++) if (!seen.has(i)) order.push(i);
  let step = 0;
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (const j of order.slice(0, docs.length)) {
      if (step % STEP === 0) yield;
      const d = docs[j]!;
      const eta = rate / (1 + step++ / docs.length);
      predict(d.x);
      for (let k = 0; k < K; k++) {
        const g = p[k]! - (k === d.y ? 1 : 0);
        b[k]! -= eta * g;
        for (let i = 0; i < d.x.ids.length; i++) {
          const at = d.x.ids[i]! * K + k;
          W[at]! -= eta * (g * d.x.vals[i]! + l2 * W[at]!);
        }
      }
    }
  }
  return {
    rank(text) {
      predict(sparse(features(text, fopts), ids, false));
      return labels.map((label, k) => ({ label, score: p[k]! })).sort((a, b) => b.score - a.score);
    },
  };
}

/**
 * Runs `steps` to the end between other work: slices of at most `sliceMs` of CPU, each followed by a turn of the event
 * loop (`pause`, a macrotask by default), so that timers, sockets and heartbeats run meanwhile. Resolves to the result.
 */
export async function trainInSlices<T>(steps: Generator<void, T>, sliceMs = 8, pause: () => Promise<void> = () => new Promise((r) => setImmediate(r))): Promise<T> {
  for (;;) {
    const until = performance.now() + sliceMs;
    for (;;) {
      const r = steps.next();
      if (r.done) return r.value;
      if (performance.now() >= until) break;
    }
    await pause();
  }
}
