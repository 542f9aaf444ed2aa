import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { pino } from 'pino';
import { createRedisClock, type RedisClock } from '../../src/infra/redis-clock.js';
import { testRedis, type TestRedis } from '../support/redis.js';

/** Palabre's time on a host whose wall clock is off: Redis's, whatever `Date.now()` says. */
describe('the Redis clock', () => {
  let r: TestRedis;
  let clock: RedisClock | null = null;
  beforeAll(async () => {
    r = await testRedis();
  });
  afterEach(() => {
    vi.restoreAllMocks();
    clock?.close();
    clock = null;
  });
  afterAll(() => r.cleanup());

  const redisNow = async () => {
    const [sec, usec] = await r.redis.time();
    return Number(sec) * 1000 + Number(usec) / 1000;
  };

  it('reads Redis’s time on a host 90 s ahead, keeps it when the host clock is stepped back 30 s, and says so in the log', async () => {
    const realDateNow = Date.now.bind(Date);
    let hostOffset = 90_000;
    vi.spyOn(Date, 'now').mockImplementation(() => realDateNow() + hostOffset);
    const lines: Array<{ code?: string; offsetMs?: number }> = [];
    const logger = pino({ level: 'info' }, { write: (s: string) => void lines.push(JSON.parse(s) as { code?: string }) });
    clock = await createRedisClock(r.redis, { logger });
    expect(Math.abs(clock.now().getTime() - (await redisNow()))).toBeLessThan(100);
    expect(lines).toEqual([expect.objectContaining({ code: 'CLOCK_SKEW', offsetMs: expect.closeTo(90_000, -3) })]);
    const before = clock.now().getTime();
    hostOffset = 60_000;
    const after = clock.now().getTime();
    expect(after).toBeGreaterThanOrEqual(before);
    expect(Math.abs(after - (await redisNow()))).toBeLessThan(100);
  });
});
