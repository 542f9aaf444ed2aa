import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backendWorld } from './harness.js';
import { playAll } from './buyer-probe.js';
import { CONVERSATIONS } from '../../fixtures/buyer-conversations/probe-8.js';
import { VARIANTS } from '../../fixtures/buyer-conversations/probe-8-variants.js';

/**
 * The eighth blind probe of the buyer's conversation (test/fixtures/buyer-conversations/probe-8.ts): the messages a
 * dispute bot gets that are not disputes (how to pay, where is my parcel, cancel, change the address, contact the
 * seller, the return policy, is this seller reliable, how long a refund takes, greetings, thanks, jokes, emoji), and
 * disputes hidden inside questions (charged twice, asked to pay outside Congocrea, « c'est normal que… ? »), written
 * before reading src/. The floor is what the engine reaches; a change that loses a buyer fails here.
 * Transcripts: test-artifacts/buyer-probe-8-*.txt. Redis plays every fourth conversation.
 *
 * As first written (before reading the engine): 37 of 50 in memory, 10 of 13 on Redis. Failing then (13):
 * p8-where-02 (« commandé dimanche dernier »: which order?), p8-contact-02 (« juste poser une question au vendeur, pas de
 * litige »: a problem proposed), p8-contact-03 (« Nalingi koloba na moteki »: not as described proposed), p8-policy-01 and
 * p8-policy-03 (the return policy asked: a return request proposed, no policy), p8-refundtime-02 (« remboursée en combien
 * de jours ? »: which order?), p8-outside-01 (asked to pay by Airtel money outside the site: no « keep it here »),
 * p8-thanks-01 and p8-thanks-02 (« merci infiniment », « asante sana » as first words: which order?), p8-day-01 to
 * p8-day-04 (« mercredi passé », « samedi dernier », « hier », « avant-hier »: which order?).
 * One was a probe mistake, corrected in the player (buyer-probe.ts): an « answers » outcome's order is the buyer's pick when
 * asked which order, not an order the answer must name (a shop's policy answered without asking names none). The others
 * were defects, fixed for their whole class (test/app/engine/buyer-probe-8-fixes.test.ts): orders named by a day said
 * relative to today, thanks with nothing under way, asking to talk to the seller in more words and languages, the shop's
 * policy asked, how long a refund takes, the seller asking to be paid outside Congocrea. After them: 50 of 50, 13 of 13; no
 * expectation of the probe was changed. The variants (probe-8-variants.ts), written after those fixes in other words: 12 of
 * 15 as written, 15 after generalising (« mon colis de dimanche », « vous remboursez si … ? », « quand est-ce que je serai
 * remboursé si le vendeur accepte ? »).
 */
const FLOOR = { memory: 50, redis: 13, variants: 15 };

describe.each(['memory', 'redis'] as const)('eighth buyer probe (%s)', (kind) => {
  const world = backendWorld(kind, { beforeAll, afterAll });

  it(`satisfies at least the floor of the ${CONVERSATIONS.length} conversations`, { timeout: 180_000 }, async () => {
    const { satisfied, why } = await playAll(kind === 'redis' ? CONVERSATIONS.filter((_, i) => i % 4 === 0) : CONVERSATIONS, world, `buyer-probe-8-${kind}`);
    expect(satisfied, why).toBeGreaterThanOrEqual(FLOOR[kind]);
  });
});

describe('eighth buyer probe, variants written after its fixes (memory)', () => {
  const world = backendWorld('memory', { beforeAll, afterAll });

  it(`satisfies at least the floor of the ${VARIANTS.length} variants`, { timeout: 120_000 }, async () => {
    const { satisfied, why } = await playAll(VARIANTS, world, 'buyer-probe-8-variants');
    expect(satisfied, why).toBeGreaterThanOrEqual(FLOOR.variants);
  });
});
