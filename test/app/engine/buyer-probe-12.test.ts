import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backendWorld } from './harness.js';
import { playAll } from './buyer-probe.js';
import { CONVERSATIONS } from '../../fixtures/buyer-conversations/probe-12.js';

/**
 * The twelfth blind probe (test/fixtures/buyer-conversations/probe-12.ts): buyers who write in Lingala or Swahili, or mix
 * them with French and English, from the first message to the end they expect — answered in their language once it is
 * known or accepted, yes/no/ordinals/items answered in their words, a switch of language asked for, dates as they read
 * them, the right case, a message to the seller, leaving. Written before reading src/. The floor is what the engine
 * reaches; a change that loses a buyer fails here. Transcripts: test-artifacts/buyer-probe-12-*.txt. Redis plays every
 * fourth conversation.
 *
 * As first written (before reading the engine): 19 of 25 in memory, 7 of 7 on Redis. Failing then (6): p12-ln-04 (« te, eyaki
 * kutu te » after not as described was proposed: the report put aside, no case), p12-ln-offer-01, p12-ln-offer-02 and
 * p12-sw-offer-01 (« ee, na lingala » / « ndiyo, kwa Kiswahili » to the offer while a reason was proposed: the report went on
 * in French), p12-switch-01 (« nijibu kwa Kiswahili tafadhali » in a Lingala report: still Lingala, the report put aside),
 * p12-switch-02 (« lobela ngai na lingala svp » in a French report: the report went on in French).
 * Two probe mistakes, corrected in the player (buyer-probe.ts) without changing that count: a turn's replies were checked
 * against the language before the `{ speaks }` that follows it, and the buyer's own French words quoted back on the case
 * card (« ma commande 1005 n'est jamais arrivée ») counted as French in a Lingala answer. The six were defects, fixed for
 * their class (test/app/engine/buyer-probe-12-fixes.test.ts): a language asked for in words (« lobela ngai na lingala »,
 * « nijibu kwa Kiswahili », "in English please", « ee, na lingala » under the bot's question) is /lang's, the report's
 * question asked again in it or the yes answered in it; a Lingala « did not come » with a word before « te » (« eyaki kutu
 * te », « ekomaki naino te », « eyaki ata moke te ») states the problem. After them: 25 of 25, 7 of 7; no expectation of
 * the probe was changed.
 */
const FLOOR = { memory: 25, redis: 7 };

describe.each(['memory', 'redis'] as const)('twelfth buyer probe (%s)', (kind) => {
  const world = backendWorld(kind, { beforeAll, afterAll });

  it(`satisfies at least the floor of the ${CONVERSATIONS.length} conversations`, { timeout: 180_000 }, async () => {
    const { satisfied, why } = await playAll(kind === 'redis' ? CONVERSATIONS.filter((_, i) => i % 4 === 0) : CONVERSATIONS, world, `buyer-probe-12-${kind}`);
    expect(satisfied, why).toBeGreaterThanOrEqual(FLOOR[kind]);
  });
});
