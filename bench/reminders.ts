import { createLogger } from '../src/infra/logger.js';
import { createBullmqScheduler } from '../src/infra/bullmq-scheduler.js';
import { createRedis } from '../src/infra/redis.js';
import type { ScheduledJob } from '../src/ports/scheduler.js';
import { pool, quantile, round, sleep, within } from './stats.js';

export interface ReminderResult {
  /** Reminders pending in Redis while the measured ones came due. */
  reminders: number;
  /** Of them, the ones due during the measurement (the rest are due days later). */
  measured: number;
  windowS: number;
  /** Jobs the worker runs at once (32, as composePalabre builds the scheduler). */
  concurrency: number;
  scheduleSeconds: number;
  schedulePerSec: number;
  /** Measured reminders whose scheduling finished after their due time (their lag then includes scheduling). */
  scheduledLate: number;
  fired: number;
  /** Measured reminders fired more than once, and never fired. */
  duplicates: number;
  missing: number;
  /** Due time → handler called, in ms. */
  lagP50Ms: number;
  lagP99Ms: number;
  lagMaxMs: number;
  /** Reminders handled per second once they came due (first due → last fired). */
  firePerSec: number;
  /** Redis memory all the pending reminders took (used_memory once scheduled, minus before), and per reminder. */
  memoryMB: number;
  bytesPerReminder: number;
}

async function usedMemory(redis: ReturnType<typeof createRedis>): Promise<number> {
  const info = await redis.info('memory');
  return Number(/used_memory:(\d+)/.exec(info)?.[1] ?? 0);
}

const IN_FLIGHT = 64;

/**
 * Section 3: `count` reminders pending in Palabre's BullMQ scheduler, as a large marketplace would have them (every
 * open case waits for a few): `measured` of them come due evenly over `windowS` seconds once all are scheduled, the
 * others days later. The measured ones fire into a handler standing for the notifier (it records when it was called):
 * what is measured is how late reminders fire while a million others wait. The real handler (src/app/nudges.ts)
 * then appends to the case and hands the nudge to delivery: section 1 measures that path.
 */
export async function measureReminders(ctx: { redisUrl: string; prefix: string; count: number; windowS: number; measured?: number; concurrency?: number; log: (s: string) => void }): Promise<ReminderResult> {
  const redis = createRedis(ctx.redisUrl);
  const logger = createLogger('silent');
  const { count } = ctx;
  const measured = Math.min(count, ctx.measured ?? 50_000);
  try {
    const scheduler = createBullmqScheduler({ redis, prefix: ctx.prefix, queueName: 'reminders', logger, ...(ctx.concurrency ? { concurrency: ctx.concurrency } : {}) });
    const seen = new Map<string, number>();
    const lags: number[] = [];
    let firstDue = Infinity;
    let lastFired = 0;
    let allFired: () => void = () => undefined;
    const done = new Promise<void>((resolve) => (allFired = resolve));
    const memoryBefore = await usedMemory(redis);
    const t = performance.now();

    // The ones due later: two days from now and after, one every 100 ms.
    const later = Date.now() + 2 * 86_400_000;
    const reminder = (id: string, dueAt: number, i: number): ScheduledJob => ({ id, dueAt: new Date(dueAt).toISOString(), kind: 'seller_reminder', data: { caseId: `C-${i}`, orderId: `CC-${i}`, to: 'seller' } });
    await pool(count - measured, IN_FLIGHT, (i) => scheduler.schedule(reminder(`later-${i}`, later + i * 100, i)));
    const backgroundSeconds = (performance.now() - t) / 1000;
    const rate = (count - measured) / Math.max(0.001, backgroundSeconds);
    if (count > measured) ctx.log(`  ${count - measured} reminders due in two days scheduled in ${round(backgroundSeconds, 1)} s`);

    await scheduler.start(async (job: ScheduledJob) => {
      const now = Date.now();
      const n = (seen.get(job.id) ?? 0) + 1;
      seen.set(job.id, n);
      if (n > 1) return;
      lags.push(now - Date.parse(job.dueAt));
      lastFired = now;
      if (seen.size === measured) allFired();
    });
    // Every measured reminder is in Redis before the first is due (three times the rate just seen, or 5 s).
    const leadMs = count > measured ? Math.ceil((measured / rate) * 1000 * 3) + 1000 : 5000;
    const base = Date.now() + leadMs;
    const windowMs = ctx.windowS * 1000;
    const dueOf = (i: number) => base + Math.floor((i / measured) * windowMs);
    firstDue = base;
    let late = 0;
    const t2 = performance.now();
    await pool(measured, IN_FLIGHT, async (i) => {
      const dueAt = dueOf(i);
      await scheduler.schedule(reminder(`reminder-${i}`, dueAt, i));
      if (Date.now() > dueAt) late++;
    });
    const scheduleSeconds = backgroundSeconds + (performance.now() - t2) / 1000;
    const memoryPending = (await usedMemory(redis)) - memoryBefore;
    ctx.log(`  ${count} reminders pending (${measured} due over ${ctx.windowS} s); firing`);
    const budgetMs = Math.max(0, base + windowMs - Date.now()) + 180_000;
    await within(done, budgetMs);
    // Anything fired twice would show up shortly after.
    await sleep(1000);
    await scheduler.close();
    const duplicates = [...seen.values()].filter((n) => n > 1).length;
    return {
      reminders: count,
      measured,
      windowS: ctx.windowS,
      concurrency: ctx.concurrency ?? 4,
      scheduleSeconds: round(scheduleSeconds, 1),
      schedulePerSec: Math.round(count / scheduleSeconds),
      scheduledLate: late,
      fired: seen.size,
      duplicates,
      missing: measured - seen.size,
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
