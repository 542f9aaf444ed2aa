import { silentLogger, type Logger } from '../ports/logger.js';
import type { Clock } from '../ports/clock.js';
import type { RedisClient } from './redis.js';

/** A clock that can be stopped (its re-reads of Redis's time). */
export interface RedisClock extends Clock {
  /** How far this host's wall clock is from Redis's, in ms (positive: ahead), as last measured. */
  offsetMs(): number;
  /** Stops reading Redis's time. */
  close(): void;
}

export interface RedisClockOptions {
  logger?: Logger;
  /** How often Redis's time is read again (default 10 s). */
  resyncMs?: number;
  /** How long the first read may take before the process starts on its own clock (default 2 s). */
  firstReadMs?: number;
}

/** A host clock this far from Redis's is logged (CLOCK_SKEW): its reminders and deadlines would be off by as much. */
const WARN_OFFSET_MS = 1_000;
/** A sample whose round trip is this much slower than the one the clock stands on is not taken (a loaded moment). */
const SLOW_SAMPLE = 1.5;
/** Unless the clock's sample is this old: a clock stands on a slow sample rather than on a stale one. */
const STALE_ANCHOR_MS = 60_000;

/**
 * The time of every process of a deployment, read from Redis (`TIME`) instead of each host's wall clock: a case's
 * timeline, its deadlines and its reminders are then stamped and compared on one clock, whichever host runs the turn.
 * Between two reads the time moves with the monotonic clock (`performance.now()`), so a wall clock stepped by NTP
 * changes nothing; a read is placed at the middle of its round trip. Never goes back within the process by less than a
 * second (a new read a few ms behind the last answer); a larger correction (the first read after a Redis outage at
 * start) is taken as it is. Until the first read answers, the host's own clock.
 */
export async function createRedisClock(redis: RedisClient, opts: RedisClockOptions = {}): Promise<RedisClock> {
  const log = opts.logger ?? silentLogger;
  let anchor: { redisMs: number; perf: number; rttMs: number; at: number } | null = null;
  let last = 0;
  let warned = false;

  async function sample(): Promise<void> {
    const before = performance.now();
    const [sec, usec] = await redis.time();
    const after = performance.now();
    const rttMs = after - before;
    const redisMs = Number(sec) * 1000 + Number(usec) / 1000;
    if (anchor && rttMs > Math.max(20, anchor.rttMs * SLOW_SAMPLE) && after - anchor.at < STALE_ANCHOR_MS) return;
    anchor = { redisMs, perf: (before + after) / 2, rttMs, at: after };
    const off = offsetMs();
    if (Math.abs(off) >= WARN_OFFSET_MS && !warned) log.warn({ code: 'CLOCK_SKEW', offsetMs: Math.round(off) }, 'this host’s clock is off Redis’s: Palabre keeps Redis’s time');
    warned = Math.abs(off) >= WARN_OFFSET_MS;
  }

  function nowMs(): number {
    const ms = anchor ? anchor.redisMs + (performance.now() - anchor.perf) : Date.now();
    if (ms < last && last - ms < 1_000) return last;
    last = ms;
    return ms;
  }

  function offsetMs(): number {
    return anchor ? Date.now() - (anchor.redisMs + (performance.now() - anchor.perf)) : 0;
  }

  let timeout: NodeJS.Timeout | undefined;
  await Promise.race([
    sample().catch((err: unknown) => log.warn({ err, code: 'CLOCK_UNREAD' }, 'could not read Redis’s time: this host’s clock for now')),
    new Promise<void>((resolve) => (timeout = setTimeout(resolve, opts.firstReadMs ?? 2_000))),
  ]);
  clearTimeout(timeout);
  const timer = setInterval(() => void sample().catch(() => undefined), opts.resyncMs ?? 10_000);
  timer.unref();

  return {
    now: () => new Date(Math.floor(nowMs())),
    offsetMs,
    close: () => clearInterval(timer),
  };
}
