import { silentLogger, type Logger } from '../ports/logger.js';
import { systemClock, type Clock } from '../ports/clock.js';
import type { ScheduledJob, Scheduler } from '../ports/scheduler.js';

export interface MemorySchedulerOptions {
  clock?: Clock;
  logger?: Logger;
  /** Runs of a failing job before it is given up (default 5). */
  attempts?: number;
  /** First retry delay; doubles on each retry (default 1 s). */
  retryDelayMs?: number;
}

interface Entry {
  job: ScheduledJob;
  state: 'pending' | 'running' | 'done';
  failures: number;
  timer?: NodeJS.Timeout;
}

// setTimeout takes at most 2^31-1 ms (about 24.8 days); longer waits are taken in steps.
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * The embedded mode's scheduler: one timer per job, in this process only, lost on restart (the
 * embedded mode warns about that). Same semantics as the BullMQ one: a known id, pending or
 * already run, is left alone; a failing job is retried with back-off.
 */
export function createMemoryScheduler(opts: MemorySchedulerOptions = {}): Scheduler {
  const clock = opts.clock ?? systemClock;
  const log = opts.logger ?? silentLogger;
  const attempts = opts.attempts ?? 5;
  const retryDelayMs = opts.retryDelayMs ?? 1000;
  const jobs = new Map<string, Entry>();
  const running = new Set<Promise<void>>();
  let handler: ((job: ScheduledJob) => Promise<void>) | null = null;

  function arm(entry: Entry, at: number): void {
    clearTimeout(entry.timer);
    const wait = Math.min(Math.max(0, at - clock.now().getTime()), MAX_TIMER_MS);
    entry.timer = setTimeout(() => fire(entry, at), wait);
    entry.timer.unref();
  }

  function fire(entry: Entry, at: number): void {
    if (!handler || entry.state !== 'pending') return;
    // Timers may wake a little early, and long waits come in steps: never run before the due time.
    if (clock.now().getTime() < at) return arm(entry, at);
    entry.state = 'running';
    const run = handler(structuredClone(entry.job)).then(
      () => {
        entry.state = 'done';
      },
      (err: unknown) => {
        entry.failures += 1;
        if (entry.failures >= attempts) {
          entry.state = 'done';
          log.error({ err, jobId: entry.job.id, kind: entry.job.kind }, 'scheduled job failed, giving up');
          return;
        }
        log.warn({ err, jobId: entry.job.id, attempt: entry.failures }, 'scheduled job failed, retrying');
        entry.state = 'pending';
        if (handler) arm(entry, clock.now().getTime() + retryDelayMs * 2 ** (entry.failures - 1));
      },
    );
    running.add(run);
    void run.finally(() => running.delete(run));
  }

  return {
    async schedule(job) {
      if (job.id.includes(':')) throw new Error(`job id may not contain ':' (${job.id})`);
      if (jobs.has(job.id)) return;
      const entry: Entry = { job: structuredClone(job), state: 'pending', failures: 0 };
      jobs.set(job.id, entry);
      if (handler) arm(entry, Date.parse(job.dueAt));
    },

    async cancel(id) {
      const entry = jobs.get(id);
      if (entry?.state !== 'pending') return;
      clearTimeout(entry.timer);
      jobs.delete(id);
    },

    async start(h) {
      handler = h;
      for (const entry of jobs.values()) if (entry.state === 'pending') arm(entry, Date.parse(entry.job.dueAt));
    },

    async close() {
      handler = null;
      for (const entry of jobs.values()) clearTimeout(entry.timer);
      await Promise.allSettled([...running]);
    },
  };
}
