import { Queue, Worker, type ConnectionOptions } from 'bullmq';
import { Cluster } from 'ioredis';
import { silentLogger, type Logger } from '../ports/logger.js';
import { systemClock, type Clock } from '../ports/clock.js';
import type { ScheduledJob, Scheduler } from '../ports/scheduler.js';
import type { RedisClient } from './redis.js';

export interface BullmqSchedulerOptions {
  /** The app's connection (createRedis); duplicated with the options BullMQ's blocking worker needs. */
  redis: RedisClient;
  /** The app's key prefix (`palabre:`); BullMQ keys go under `<prefix>{bull}:<queue>:…`, one hash slot. */
  prefix: string;
  /** Queue name (default `nudges`). */
  queueName?: string;
  clock?: Clock;
  logger?: Logger;
  /** Runs of a failing job before it is given up (default 5). */
  attempts?: number;
  /** First retry delay; doubles on each retry (default 1 s). */
  retryDelayMs?: number;
  /** How long a finished job's id is kept, so that scheduling it again stays a no-op (default 14 days). */
  keepDoneMs?: number;
  /** Jobs this process runs at once (default 4). */
  concurrency?: number;
}

/** The BullMQ prefix under an app prefix: the hash tag keeps every queue key in one Cluster slot. */
export function bullPrefix(prefix: string): string {
  return `${prefix}{bull}`;
}

/** A connection BullMQ accepts (no per-request retry limit: workers block on it). */
export function bullConnection(redis: RedisClient): RedisClient {
  return redis instanceof Cluster
    ? redis.duplicate(undefined, { ...redis.options, redisOptions: { ...redis.options.redisOptions, maxRetriesPerRequest: null } })
    : redis.duplicate({ maxRetriesPerRequest: null });
}

type JobData = Pick<ScheduledJob, 'dueAt' | 'kind' | 'data'>;

/**
 * Durable delayed jobs in Redis with BullMQ: the job id is the ScheduledJob id, so a second
 * schedule of a pending or recently run job is a no-op; BullMQ's locks run each job in one
 * process at a time, and its stalled-job check hands a job held by a crashed process to another.
 * That is at-least-once: the handler itself makes a nudge exactly-once (see src/app/nudges.ts).
 */
export function createBullmqScheduler(opts: BullmqSchedulerOptions): Scheduler {
  const clock = opts.clock ?? systemClock;
  const log = opts.logger ?? silentLogger;
  const name = opts.queueName ?? 'nudges';
  const prefix = bullPrefix(opts.prefix);
  const keepDone = { age: Math.ceil((opts.keepDoneMs ?? 14 * 86_400_000) / 1000) };
  const connections: RedisClient[] = [];
  const connect = (): ConnectionOptions => {
    const c = bullConnection(opts.redis);
    connections.push(c);
    return c as ConnectionOptions;
  };
  const queue = new Queue<JobData>(name, { connection: connect(), prefix });
  queue.on('error', (err) => log.warn({ err, queue: name }, 'scheduler queue error'));
  let worker: Worker<JobData> | null = null;

  return {
    async schedule(job) {
      if (job.id.includes(':')) throw new Error(`job id may not contain ':' (${job.id})`);
      const delay = Math.max(0, Date.parse(job.dueAt) - clock.now().getTime());
      await queue.add(
        job.kind,
        { dueAt: job.dueAt, kind: job.kind, data: job.data },
        {
          jobId: job.id,
          delay,
          attempts: opts.attempts ?? 5,
          backoff: { type: 'exponential', delay: opts.retryDelayMs ?? 1000 },
          removeOnComplete: keepDone,
          removeOnFail: keepDone,
        },
      );
    },

    async cancel(id) {
      const state = await queue.getJobState(id);
      // A job that ran (or runs) stays: its id keeps a later schedule of the same nudge a no-op.
      if (state === 'delayed' || state === 'waiting' || state === 'prioritized') await queue.remove(id);
    },

    async start(handler) {
      if (worker) return;
      worker = new Worker<JobData>(
        name,
        async (job) => {
          if (!job.id) return;
          await handler({ id: job.id, dueAt: job.data.dueAt, kind: job.data.kind, data: job.data.data });
        },
        {
          connection: connect(),
          prefix,
          concurrency: opts.concurrency ?? 4,
          maxStalledCount: 5,
          // A job held by a process that died is found by the stalled check once its lock lapses: lock 2.5 s
          // (renewed every 1.25 s while the job runs) and a check every second put it back within ~3.5 s.
          lockDuration: 2_500,
          stalledInterval: 1_000,
        },
      );
      worker.on('error', (err) => log.warn({ err, queue: name }, 'scheduler worker error'));
      worker.on('failed', (job, err) => log.warn({ err, jobId: job?.id, attempts: job?.attemptsMade }, 'scheduled job failed'));
      await worker.waitUntilReady();
    },

    async close() {
      await worker?.close();
      await queue.close();
      await Promise.all(connections.map((c) => c.quit().catch(() => c.disconnect())));
    },
  };
}
