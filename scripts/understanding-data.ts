/**
 * `npm run understanding:data`: writes the training split of the labelled buyer messages
 * (test/fixtures/understanding/) to src/app/engine/understanding/training-set.ts, where the
 * runtime reads it. The held-out split never leaves test/.
 */
import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { loadCorpus, renderTrainingSet, splitCorpus, TRAINING_SET_FILE } from '../test/support/understanding-corpus.js';

const corpus = loadCorpus();
writeFileSync(TRAINING_SET_FILE, renderTrainingSet(corpus));
const { train, test } = splitCorpus(corpus);
process.stdout.write(`${relative(process.cwd(), TRAINING_SET_FILE)}: ${train.length} training messages (${test.length} held out)\n`);
