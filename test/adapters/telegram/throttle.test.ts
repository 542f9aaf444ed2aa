import Bottleneck from 'bottleneck';
import { Bot } from 'grammy';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { telegramThrottler, type TelegramThrottleOptions } from '../../../adapters/telegram/throttle.js';
import { testRedis, type TestRedis } from '../../support/redis.js';
import { startTelegramStandin } from '../../support/telegram-standin.js';

type Standin = Awaited<ReturnType<typeof startTelegramStandin>>;
const CHAT = 5151;
/**
 * Small limits keep it short: one message per 250 ms to a chat, the stand-in refusing anything closer than 100 ms (what
 * is spaced when it leaves arrives with some jitter: on a loaded two-core machine 50 ms of it was seen, so the margin
 * is 150 ms; at Telegram's real 1 s, a few tens of ms).
 */
const LIMITS = { chatMinMs: 250, globalPerSecond: 1000, groupPerMinute: 1000 };
const ENFORCED_MS = 100;

let r: TestRedis;
let standin: Standin;
const connections: Bottleneck.IORedisConnection[] = [];
beforeAll(async () => {
  r = await testRedis();
  standin = await startTelegramStandin();
});
afterAll(async () => {
  for (const c of connections) await c.disconnect(false);
  await standin.close();
  // Bottleneck names its keys b_<id>…: the id starts with the test prefix.
  const keys = await r.redis.keys(`b_${r.prefix}*`);
  if (keys.length) await r.redis.unlink(...keys);
  await r.cleanup();
});

/** A bot as one Palabre process has it, throttled or not (no auto-retry: a 429 is an error here). */
function bot(throttle?: TelegramThrottleOptions): Bot {
  const b = new Bot(standin.token, { client: { apiRoot: standin.root } });
  if (throttle) b.api.config.use(telegramThrottler(throttle));
  return b;
}

const burst = (b: Bot, n: number, tag: string) => Promise.allSettled(Array.from({ length: n }, (_, i) => b.api.sendMessage(CHAT, `${tag} ${i}`)));

function gaps(from: number): number[] {
  const at = standin.callsOf('sendMessage').slice(from).map((c) => c.at).sort((a, b) => a - b);
  return at.slice(1).map((t, i) => t - at[i]!);
}

describe('Telegram sends spaced ahead of the limits', () => {
  it('without the throttler, a burst to one chat collects 429s (the stand-in enforces the limit)', async () => {
    standin.limitPerChat(ENFORCED_MS);
    const before = standin.limited;
    const results = await burst(bot(), 10, 'raw');
    expect(standin.limited - before).toBeGreaterThan(0);
    expect(results.filter((x) => x.status === 'rejected').length).toBeGreaterThan(0);
  });

  it('spaces a burst of 24 messages to one chat: all delivered, no 429', async () => {
    standin.limitPerChat(ENFORCED_MS);
    const before = standin.limited;
    const from = standin.callsOf('sendMessage').length;
    const results = await burst(bot({ limits: LIMITS }), 24, 'one');
    expect(results.filter((x) => x.status === 'fulfilled')).toHaveLength(24);
    expect(standin.limited - before).toBe(0);
    expect(Math.min(...gaps(from))).toBeGreaterThanOrEqual(ENFORCED_MS);
  });

  it('shares the limits of two processes through Redis: 2 × 10 messages to one chat, no 429', async () => {
    standin.limitPerChat(ENFORCED_MS);
    const before = standin.limited;
    const from = standin.callsOf('sendMessage').length;
    const shared = () => {
      const connection = new Bottleneck.IORedisConnection({ client: r.connect() });
      connections.push(connection);
      // Across processes the slot is handed over through Redis, which adds its own jitter: a wider spacing here.
      return bot({ limits: { ...LIMITS, chatMinMs: 300 }, shared: { connection, id: `${r.prefix}tg-throttle` } });
    };
    const [a, b] = [shared(), shared()];
    const results = [...(await Promise.all([burst(a, 10, 'A'), burst(b, 10, 'B')]))].flat();
    expect(results.filter((x) => x.status === 'fulfilled')).toHaveLength(20);
    expect(standin.limited - before).toBe(0);
    expect(Math.min(...gaps(from))).toBeGreaterThanOrEqual(ENFORCED_MS);
  });

  it('divides the limits by the number of processes when they are not shared', async () => {
    standin.limitPerChat(2 * ENFORCED_MS);
    const before = standin.limited;
    const results = await burst(bot({ limits: LIMITS, processes: 2 }), 10, 'half');
    expect(results.filter((x) => x.status === 'fulfilled')).toHaveLength(10);
    expect(standin.limited - before).toBe(0);
  });
});
