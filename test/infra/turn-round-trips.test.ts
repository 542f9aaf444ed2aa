import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { measureTurnCost } from '../../bench/redis-cost.js';
import { seedWebhookRun, type SeededRun } from '../../bench/seed.js';
import { BENCH_BOT, startLeanStandin, type LeanStandin } from '../../bench/standin.js';
import { createRedisDedup } from '../../src/infra/dedup.js';
import { testRedis, TEST_REDIS_URL, type TestRedis } from '../support/redis.js';

/**
 * Issue #15, "read once, write once": a buyer's comment on their open case, posted as a Telegram reply to the case
 * card, costs the turn (update → engine → append → reply to the buyer) this many Redis round trips at most, counted on
 * every ioredis connection of the process (a pipeline, an auto-pipelined batch, a MULTI block or one script being
 * one), the relay to the seller (delivery, in its own async context) counted apart, as
 * `npm run bench -- --only redis` counts them. Before: 22 (10 of the turn itself, 12 of the hand-off it awaited the
 * start of).
 *
 * - a buyer who wrote to this process before: 3 (the update's claim with every read: link, flow state and prefs,
 *   reply → case, the account's language, the case; the append with its indexes and the update's mark; the reply's
 *   message id remembered);
 * - a buyer's first message to this process: 3 as well (before: 4, the language and the case being read once the link
 *   and the reply → case entry were; now a script follows the link to the account's language, another the entry to
 *   the case, on a single Redis).
 *
 * The relay to the seller: 3 (median of the turns; before: 14.4, then 5.3 on 2026-12-06).
 */
const WARM_TURN_ROUND_TRIPS = 3;
const COLD_TURN_ROUND_TRIPS = 3;
const RELAY_ROUND_TRIPS = 3;

describe('Redis round trips of a case turn (Palabre in process, Telegram adapter, real Redis)', () => {
  let r: TestRedis;
  let dir: string;
  let standin: LeanStandin;
  let run: SeededRun;

  beforeAll(async () => {
    r = await testRedis();
    dir = await mkdtemp(join(tmpdir(), 'palabre-turn-rt-'));
    standin = await startLeanStandin('4242:BENCH-token');
    run = await seedWebhookRun({ redisUrl: TEST_REDIS_URL, prefix: r.prefix, users: 4, dir, linkSecret: 'turn-round-trips-secret-0123456789' });
  }, 60_000);

  afterAll(async () => {
    await standin?.close();
    await r?.cleanup();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it(`a comment in a case thread: ≤ ${WARM_TURN_ROUND_TRIPS} round trips (≤ ${COLD_TURN_ROUND_TRIPS} for a buyer's first), relayed to the seller, its update marked handled`, async () => {
    const firstUpdateId = 500_000;
    const turns = 8;
    // 4 buyers: the warm-up turn is buyer 0's, then buyers 1-3 write for the first time, then everyone again.
    const cost = await measureTurnCost({ run, redisUrl: TEST_REDIS_URL, redis: r.redis, standin, turns, firstUpdateId });
    // measureTurnCost fails unless every comment reached its seller: each was recorded on its case.
    const detail = JSON.stringify(cost.turn.byCommand);
    const warm = cost.eachTurn.filter((t) => t.seen).map((t) => t.roundTrips);
    const cold = cost.eachTurn.filter((t) => !t.seen).map((t) => t.roundTrips);
    expect(warm.length).toBeGreaterThanOrEqual(4);
    expect(cold.length).toBe(3);
    for (const n of warm) expect(n, detail).toBeLessThanOrEqual(WARM_TURN_ROUND_TRIPS);
    for (const n of cold) expect(n, detail).toBeLessThanOrEqual(COLD_TURN_ROUND_TRIPS);

    // The relay (its hand-off went with the append): the blocked read waking on the new entry, the stream read with the
    // delivery's reads (link, language, case) started as it woke, and the delivery recorded with the notifier's writes.
    // Each relay's window also catches whatever periodic traffic fell in it (heartbeats, the outbox sweep), hence the median.
    expect(cost.relayMedianRoundTrips, JSON.stringify(cost.eachTurn.map((t) => t.relayRoundTrips))).toBeLessThanOrEqual(RELAY_ROUND_TRIPS);

    // The update's once-only mark was written with the comment (no confirmation of its own): a redelivery of any of
    // these updates is known as handled.
    const dedup = createRedisDedup(r.redis, r.prefix);
    for (let k = 0; k <= turns; k++) {
      expect(await dedup.claim(`telegram:update:${BENCH_BOT.id}:${firstUpdateId + k}`, 'redelivery-check', 5_000)).toBe('done');
    }
  }, 120_000);
});
