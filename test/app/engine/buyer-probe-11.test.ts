import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backendWorld } from './harness.js';
import { playAll } from './buyer-probe.js';
import { CONVERSATIONS } from '../../fixtures/buyer-conversations/probe-11.js';

/**
 * The eleventh blind probe (test/fixtures/buyer-conversations/probe-11.ts): English-speaking buyers, whole
 * conversations (orders named by English item words, amount, date, « my last order »; « yep », « nah, it's the other
 * one », « kind of »; how long things take; a change of mind; a photo; a human asked for; the offer of English taken;
 * Sheng, pidgin, US/UK slang, a rant, terse texts), written before reading src/. The floor is what the engine reaches.
 * Transcripts: test-artifacts/buyer-probe-11-*.txt. Redis plays every fourth conversation.
 *
 * As first written (before reading the engine): 21 of 25 in memory, 5 of 7 on Redis. Failing then (4): e11-howlong-01
 * (« how many days till i get my money back? »: which order?), e11-mind-02 (« never mind, forget it »: the report offered
 * back, still under way), e11-uk-01 (« nothing's turned up »: not as described proposed), e11-seller-01 (« just want to
 * ask the seller …, no complaint »: a problem proposed). None was a probe mistake: all four were defects, fixed for their
 * class of English phrasing (test/app/engine/buyer-probe-11-fixes.test.ts): "how many days/weeks", "how soon" asked of a
 * case or a refund (and "how many weeks" no longer read as weeks gone); leaving said with a tail ("never mind, forget it.
 * its fine", "nah forget it, all good"); "nothing's turned up" (the contracted « has »); "no complaint(s)" saying there is
 * none, and "a question for the seller". After them: 25 of 25, 7 of 7; no expectation of the probe was changed.
 */
const FLOOR = { memory: 25, redis: 7 };

describe.each(['memory', 'redis'] as const)('eleventh buyer probe (%s)', (kind) => {
  const world = backendWorld(kind, { beforeAll, afterAll });

  it(`satisfies at least the floor of the ${CONVERSATIONS.length} conversations`, { timeout: 180_000 }, async () => {
    const { satisfied, why } = await playAll(kind === 'redis' ? CONVERSATIONS.filter((_, i) => i % 4 === 0) : CONVERSATIONS, world, `buyer-probe-11-${kind}`);
    expect(satisfied, why).toBeGreaterThanOrEqual(FLOOR[kind]);
  });
});
