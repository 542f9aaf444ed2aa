import { createLogger } from '../src/infra/logger.js';
import { createBullmqScheduler } from '../src/infra/bullmq-scheduler.js';
import { createRedis } from '../src/infra/redis.js';
import type { ScheduledJob } from '../src/ports/scheduler.js';
import { pool, quantile, round, sleep, within } from './stats.js';

export interface ReminderResult {
  reminders: number;
  windowS: number;
  /** Jobs the worker runs at once (4: the scheduler's default, as composePalabre builds it). */
  concurrency: number;
  scheduleSeconds: number;
  schedulePerSec: number;
  /** Reminders whose scheduling finished after their due time (their lag then includes scheduling). */
  scheduledLate: number;
  fired: number;
  /** Fired more than once, and never fired, out of `reminders`. */
  duplicates: number;
  missing: number;
  /** Due time → handler called, in ms. */
  lagP50Ms: number;
  lagP99Ms: number;
  lagMaxMs: number;
  /** Reminders handled per second once they came due (first due → last fired). */
  firePerSec: number;
  /** Redis memory the pending reminders took (used_memory once all were scheduled, minus before), and per reminder. */
  memoryMB: number;
  bytesPerReminder: number;
}

async function usedMemory(redis: ReturnType<typeof createRedis>): Promise<number> {
  const info = await redis.info('memory');
  return Number(/used_memory:(\d+)/.exec(info)?.[1] ?? 0);
}

const IN_FLIGHT = 64;

/**
 * Section 3: `count` reminders scheduled through Palabre's BullMQ scheduler, due evenly over `windowS` seconds
 * once all are scheduled, and fired into a handler standing for the notifier (it records when it was called).
 * The real handler (src/app/nudges.ts) then appends to the case and hands the nudge to the outbox: section 1
 * measures that path.
 */
export async function measureReminders(ctx: { redisUrl: string; prefix: string; count: number; windowS: number; concurrency?: number; log: (s: string) => void }): Promise<ReminderResult> {
  const redis = createRedis(ctx.redisUrl);
  const logger = createLogger('silent');
  const { count } = ctx;
  try {
    // Calibrate: how fast this machine schedules, so that every reminder is in Redis before the first is due.
    const calibration = createBullmqScheduler({ redis, prefix: ctx.prefix, queueName: 'calibration', logger });
    const probe = Math.min(2000, Math.max(100, Math.floor(count / 20)));
    let t = performance.now();
    const far = new Date(Date.now() + 3600_000).toISOString();
    await pool(probe, IN_FLIGHT, (i) => calibration.schedule({ id: `probe-${i}`, dueAt: far, kind: 'seller_reminder', data: { caseId: `C-${i}` } }));
    const probeRate = probe / ((performance.now() - t) / 1000);
    await calibration.close();
    const leadMs = Math.ceil((count / probeRate) * 1000 * 3) + 1000;

    const scheduler = createBullmqScheduler({ redis, prefix: ctx.prefix, queueName: 'reminders', logger, ...(ctx.concurrency ? { concurrency: ctx.concurrency } : {}) });
    const seen = new Map<string, number>();
    const lags: number[] = [];
    let firstDue = Infinity;
    let lastFired = 0;
    let allFired: () => void = () => undefined;
    const done = new Promise<void>((resolve) => (allFired = resolve));
    await scheduler.start(async (job: ScheduledJob) => {
      const now = Date.now();
      const n = (seen.get(job.id) ?? 0) + 1;
      seen.set(job.id, n);
      if (n > 1) return;
      lags.push(now - Date.parse(job.dueAt));
      lastFired = now;
      if (seen.size === count) allFired();
    });

    const base = Date.now() + leadMs;
    const windowMs = ctx.windowS * 1000;
    const dueOf = (i: number) => base + Math.floor((i / count) * windowMs);
    firstDue = base;
    let late = 0;
    const memoryBefore = await usedMemory(redis);
    let memoryPending = 0;
    t = performance.now();
    await pool(count, IN_FLIGHT, async (i) => {
      const dueAt = dueOf(i);
      await scheduler.schedule({ id: `reminder-${i}`, dueAt: new Date(dueAt).toISOString(), kind: 'seller_reminder', data: { caseId: `C-${i}`, orderId: `CC-${i}`, to: 'seller' } });
      if (Date.now() > dueAt) late++;
    });
    const scheduleSeconds = (performance.now() - t) / 1000;
    memoryPending = (await usedMemory(redis)) - memoryBefore;
    ctx.log(`  ${count} reminders scheduled in ${round(scheduleSeconds, 1)} s; firing`);
    const budgetMs = Math.max(0, base + windowMs - Date.now()) + 180_000;
    await within(done, budgetMs);
    // Anything fired twice would show up shortly after.
    await sleep(1000);
    await scheduler.close();
    const duplicates = [...seen.values()].filter((n) => n > 1).length;
    return {
      reminders: count,
      windowS: ctx.windowS,
      concurrency: ctx.concurrency ?? 4,
      scheduleSeconds: round(scheduleSeconds, 1),
      schedulePerSec: Math.round(count / scheduleSeconds),
      scheduledLate: late,
      fired: seen.size,
      duplicates,
      missing: count - seen.size,
      lagP50Ms: Math.round(quantile(lags, 0.5)),
      lagP99Ms: Math.round(quantile(lags, 0.99)),
      lagMaxMs: Math.round(quantile(lags, 1)),
      firePerSec: Math.round(seen.size / Math.max(0.001, (lastFired - firstDue) / 1000)),
      memoryMB: round(memoryPending / 1024 / 1024, 1),
      bytesPerReminder: Math.round(memoryPending / count),
    };
  } finally {
    await redis.quit().catch(() => redis.disconnect());
  }
}
