import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backendWorld } from './harness.js';
import { playAll } from './buyer-probe.js';
import { CONVERSATIONS } from '../../fixtures/buyer-conversations/probe-6.js';
import { VARIANTS } from '../../fixtures/buyer-conversations/probe-6-variants.js';

/**
 * The sixth blind probe of the buyer's whole conversation (test/fixtures/buyer-conversations/probe-6.ts), written by a
 * new writer before reading the engine or the other probes' scenarios: how many of its conversations end as the buyer
 * expects. The floor is what the engine reaches; a change that loses a buyer fails here.
 * Transcripts: test-artifacts/buyer-probe-6-*.txt. Redis plays every fourth conversation.
 *
 * As first written (before reading the engine): 49 of 60 in memory, 13 of 15 on Redis. Failing then (11):
 * p6-pick-price-04 (« celle de 50 000 » answering « which order? »), p6-pick-date-02 (« passée le lundi 26 octobre »),
 * p6-pick-last-01 (« ma dernière commande »), p6-notid-price-date (« payé 45 000 le 21/10 »), p6-number-two (« 1001 et
 * 1005 »), p6-cancel-02 (« non rien »), p6-cancel-03 (« c'est bon c'est arrivé entre-temps »), p6-cancel-05 (« je viens de
 * le recevoir »), p6-question-01 (the reason said first lost after « vous ne voyez pas mes commandes ? »),
 * p6-question-03 (« pourquoi je ne peux pas ouvrir un litige ? » mid-report), p6-later-old-button (the report's button
 * pressed hours later: only « expired »).
 * After the fixes they led to (test/app/engine/buyer-probe-6-fixes.test.ts, order-ref.test.ts): 60 of 60, 15 of 15. No
 * expectation of this probe was changed. The variants (probe-6-variants.ts), written after those fixes in other words:
 * 9 of 15 as written, 14 after generalising (« ah non rien, oubliez », « ça y est, il vient d'arriver », "it just arrived
 * lol", « nimelipa 50000 », « pourquoi je ne pourrais pas faire une réclamation ? »). Left: p6v-old-button, the report's
 * button pressed a whole day later, after the conversation's state expired (24 hours): « expired, /report ».
 */
const FLOOR = { memory: 60, redis: 15, variants: 14 };

describe.each(['memory', 'redis'] as const)('sixth buyer probe (%s)', (kind) => {
  const world = backendWorld(kind, { beforeAll, afterAll });

  it(`satisfies at least the floor of the ${CONVERSATIONS.length} conversations`, { timeout: 180_000 }, async () => {
    const { satisfied, why } = await playAll(kind === 'redis' ? CONVERSATIONS.filter((_, i) => i % 4 === 0) : CONVERSATIONS, world, `buyer-probe-6-${kind}`);
    expect(satisfied, why).toBeGreaterThanOrEqual(FLOOR[kind]);
  });
});

describe('sixth buyer probe, variants written after its fixes (memory)', () => {
  const world = backendWorld('memory', { beforeAll, afterAll });

  it(`satisfies at least the floor of the ${VARIANTS.length} variants`, { timeout: 120_000 }, async () => {
    const { satisfied, why } = await playAll(VARIANTS, world, 'buyer-probe-6-variants');
    expect(satisfied, why).toBeGreaterThanOrEqual(FLOOR.variants);
  });
});
