import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runFuzz, startFuzzTarget } from '../support/http-fuzz.js';
import { testRedis, TEST_REDIS_URL, type TestRedis } from '../support/redis.js';
import { startTelegramStandin } from '../support/telegram-standin.js';

let r: TestRedis;
let standin: Awaited<ReturnType<typeof startTelegramStandin>>;
let target: Awaited<ReturnType<typeof startFuzzTarget>>;
beforeAll(async () => {
  r = await testRedis();
  standin = await startTelegramStandin();
  target = await startFuzzTarget({ redisUrl: TEST_REDIS_URL, prefix: r.prefix, telegramRoot: standin.root, telegramToken: standin.token });
}, 60_000);
afterAll(async () => {
  await target?.stop();
  await standin?.close();
  await r?.cleanup();
});

describe('bad input on the webhooks, the playground API and the admin API (a real process)', () => {
  it('never crashes, never answers 5xx, and a refused request changes nothing stored', async () => {
    // A fixed number of runs keeps this under a minute on a quiet machine (a shared one may take twice that);
    // `npm run fuzz` runs longer and prints counts.
    const { stats, failed } = await runFuzz({ base: target.base, redis: r.redis, prefix: r.prefix, numRuns: Number(process.env.FUZZ_RUNS ?? 300) });
    expect(failed, JSON.stringify({ failures: stats.failures.slice(0, 3), stateChanges: stats.stateChanges.slice(0, 3) })).toBeNull();
    expect(stats.failures).toEqual([]);
    expect(stats.stateChanges).toEqual([]);
    // Most of it is refused, and refusals are 4xx.
    const refused = Object.entries(stats.byStatus).filter(([s]) => Number(s) >= 400).reduce((n, [, c]) => n + c, 0);
    expect(refused).toBeGreaterThan(stats.requests / 2);
    expect(target.child.exitCode).toBeNull();
    expect((await fetch(`${target.base}/healthz`)).status).toBe(200);
  }, 150_000);
});
