import { Queue, Worker, type ConnectionOptions, type Job } from 'bullmq';
import { silentLogger, type Logger } from '../ports/logger.js';
import type { DrainResult, DrainRunner } from '../ports/outbox.js';
import { bullConnection, bullPrefix } from './bullmq-scheduler.js';
import type { RedisClient } from './redis.js';

export interface BullmqDrainRunnerOptions {
  redis: RedisClient;
  /** The app's key prefix (`palabre:`). */
  prefix: string;
  /** Queue name (default `delivery`). */
  queueName?: string;
  logger?: Logger;
  /** Targets this process drains at once (default 8). */
  concurrency?: number;
}

/** Thrown by a drain whose head must wait: BullMQ retries the job after `delayMs` (the platform's retry_after or our back-off). */
class RetryLater extends Error {
  constructor(readonly delayMs: number) {
    super(`retry in ${delayMs} ms`);
    this.name = 'RetryLater';
  }
}

/** Job ids may not hold `:`, and targets do (Teams ids): encode them. */
export function drainJobId(target: string): string {
  return `drain-${Buffer.from(target).toString('base64url')}`;
}

/**
 * Drains delivery queues with BullMQ. Head-of-line per recipient is kept by one job per target,
 * with a fixed job id: while it waits, runs or waits to retry, waking the target again is a no-op,
 * so no second drain can overtake a retrying head. A retry is the job failing with RetryLater; the
 * custom backoff strategy returns the delay the drain asked for. The job is removed when it ends;
 * if items arrived just as it ended, `pending` catches them and the target is woken again.
 */
export function createBullmqDrainRunner(opts: BullmqDrainRunnerOptions): DrainRunner {
  const log = opts.logger ?? silentLogger;
  const name = opts.queueName ?? 'delivery';
  const prefix = bullPrefix(opts.prefix);
  const connections: RedisClient[] = [];
  const connect = (): ConnectionOptions => {
    const c = bullConnection(opts.redis);
    connections.push(c);
    return c as ConnectionOptions;
  };
  const queue = new Queue<{ target: string }>(name, { connection: connect(), prefix });
  queue.on('error', (err) => log.warn({ err, queue: name }, 'delivery queue error'));
  let worker: Worker<{ target: string }> | null = null;

  async function wake(target: string): Promise<void> {
    await queue.add(
      'drain',
      { target },
      // Retries are the drain's own business (it counts tries per item): the job just never runs out.
      { jobId: drainJobId(target), attempts: Number.MAX_SAFE_INTEGER, backoff: { type: 'drain' }, removeOnComplete: true, removeOnFail: true },
    );
  }

  return {
    wake,

    async start(drain, pending) {
      if (worker) return;
      const again = (job: Job<{ target: string }> | undefined) => {
        const target = job?.data.target;
        if (!target) return;
        pending(target)
          .then((more) => (more ? wake(target) : undefined))
          .catch((err: unknown) => log.warn({ err, target }, 'could not re-check a delivery queue'));
      };
      worker = new Worker<{ target: string }>(
        name,
        async (job) => {
          const result: DrainResult = await drain(job.data.target);
          if (result) throw new RetryLater(result.retryInMs);
        },
        {
          connection: connect(),
          prefix,
          concurrency: opts.concurrency ?? 8,
          // A drain held by a crashed process blocks its recipient until the stalled check frees it:
          // keep that short (a live drain renews its lock every lockDuration / 2).
          lockDuration: 15_000,
          stalledInterval: 15_000,
          maxStalledCount: 10,
          settings: {
            backoffStrategy: (attempts, _type, err) => (err instanceof RetryLater ? err.delayMs : Math.min(60_000, 1000 * 2 ** Math.min(attempts, 6))),
          },
        },
      );
      worker.on('error', (err) => log.warn({ err, queue: name }, 'delivery worker error'));
      worker.on('completed', again);
      worker.on('failed', (job, err) => {
        if (!(err instanceof RetryLater)) log.error({ err, target: job?.data.target }, 'delivery drain failed');
        if (job?.finishedOn) again(job);
      });
      await worker.waitUntilReady();
    },

    async close() {
      await worker?.close();
      await queue.close();
      await Promise.all(connections.map((c) => c.quit().catch(() => c.disconnect())));
    },
  };
}
