import { describe, expect, it } from 'vitest';
import { CLASSIFIER_FEATURES, CLASSIFIER_TRAINING, defaultClassifier, trainDefaultClassifier } from '../../../src/app/engine/understanding/classifier.js';
import { logisticSteps, trainInSlices, trainLogistic } from '../../../src/app/engine/understanding/model.js';
import { TRAINING_SET } from '../../../src/app/engine/understanding/training-set.js';

/**
 * The classifier is trained while the process runs (its heartbeats, health checks and updates going on), a slice of a
 * few ms at a time: trained in one go it stopped a process 0.5 s on a quiet machine and up to 4.5 s on a loaded one,
 * long enough for the other processes to take it for dead.
 */
const examples = TRAINING_SET.slice(0, 300).map(([text, label]) => ({ text, label }));
const opts = { ...CLASSIFIER_TRAINING, features: CLASSIFIER_FEATURES };
const probes = ['ma commande n’est jamais arrivée', 'the bag is not like the photo', 'bonjour', 'nataka kurudishiwa pesa yangu', 'taille trop petite'];

describe('the message classifier trained in slices', () => {
  it('gives back the thread between slices, many times over a training', async () => {
    let pauses = 0;
    await trainInSlices(logisticSteps(examples, opts), 1, async () => {
      pauses += 1;
    });
    // 300 examples, 20 epochs: thousands of steps, paused at least every millisecond of CPU.
    expect(pauses).toBeGreaterThan(20);
  });

  it('learns exactly the model trained in one go', async () => {
    const inSlices = await trainInSlices(logisticSteps(examples, opts), 1, () => Promise.resolve());
    const atOnce = trainLogistic(examples, opts);
    for (const text of probes) expect(inSlices.rank(text)).toEqual(atOnce.rank(text));
  });

  it('the default classifier: a first use while it trains in the background finishes the training at once, and both end on one model', async () => {
    let pauses = 0;
    const background = trainDefaultClassifier(async () => {
      pauses += 1;
      await new Promise((r) => setImmediate(r));
    });
    await new Promise((r) => setImmediate(r));
    const used = defaultClassifier();
    expect(await background).toBe(used);
    expect(defaultClassifier()).toBe(used);
    expect(await trainDefaultClassifier()).toBe(used);
    expect(used.rank('ma commande n’est jamais arrivée')[0]!.label).toBe('non_delivery');
  });
});
