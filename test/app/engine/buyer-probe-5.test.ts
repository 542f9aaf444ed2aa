import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backendWorld } from './harness.js';
import { playAll } from './buyer-probe.js';
import { CONVERSATIONS } from '../../fixtures/buyer-conversations/probe-5.js';

/**
 * The fifth blind probe of the buyer's whole conversation (test/fixtures/buyer-conversations/probe-5.ts), written
 * before reading the classifier or the engine's flows: how many of its conversations end as the buyer expects. Before
 * any fix: 79 of 100 in memory, 16 of 25 on Redis.
 * The floors are what the engine reaches; a change that loses a buyer fails here.
 * Transcripts: test-artifacts/buyer-probe-5-*.txt. Redis plays every fourth conversation.
 */
const FLOOR = { memory: 79, redis: 16 };

describe.each(['memory', 'redis'] as const)('fifth buyer probe (%s)', (kind) => {
  const world = backendWorld(kind, { beforeAll, afterAll });

  it(`satisfies at least the floor of the ${CONVERSATIONS.length} conversations`, { timeout: 180_000 }, async () => {
    const { satisfied, why } = await playAll(kind === 'redis' ? CONVERSATIONS.filter((_, i) => i % 4 === 0) : CONVERSATIONS, world, `buyer-probe-5-${kind}`);
    expect(satisfied, why).toBeGreaterThanOrEqual(FLOOR[kind]);
  });
});
