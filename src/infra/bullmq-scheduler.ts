import { DelayedError, Job, Queue, WaitingError, Worker, type ConnectionOptions } from 'bullmq';
import { silentLogger, type Logger } from '../ports/logger.js';
import { systemClock, type Clock } from '../ports/clock.js';
import type { ScheduledJob, Scheduler } from '../ports/scheduler.js';
import { blockingConnection, type RedisClient } from './redis.js';

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
  return blockingConnection(redis, { maxRetriesPerRequest: null });
}

/** A job taken this close to its due time runs: the clocks of Redis and of this host agree to a few ms. */
const EARLY_SLACK_MS = 250;
/** The longest a job taken early waits in its worker's slot (a host minutes ahead); further ahead, see dueYet. */
const MAX_EARLY_WAIT_MS = 5 * 60_000;
/** How far behind Redis this host's clock must be before its process promotes due jobs itself. */
const BEHIND_SLACK_MS = 250;
const PROMOTE_EVERY_MS = 1_000;
const PROMOTE_BATCH = 100;

/** Events kept in the queue's stream, for a look with redis-cli (BullMQ trims it roughly to this). */
const EVENTS_KEPT = 500;

/**
 * What a job's hash holds in its `data` field. Written: `[due, ...values]` (see encodeData). Read as well: the
 * `{ dueAt, kind, data }` object earlier versions wrote, which pending jobs of a deployed Redis still hold.
 */
type StoredData = unknown[] | { dueAt: string; kind: string; data: ScheduledJob['data'] };

/**
 * Nudge kinds by one-letter code in compact job ids. NEVER change or reuse a letter: pending jobs hold it (up to a year
 * for the late-delivery nudge); a new kind gets a new letter, and a kind without one keeps its full id.
 */
const KIND_CODES: Readonly<Record<string, string>> = {
  seller_case_opened: 'a',
  seller_reminder: 'b',
  buyer_escalation_open: 'c',
  buyer_window_closing: 'd',
  seller_unshipped: 'e',
  seller_reply_due: 'f',
  support_late_delivery: 'g',
  support_sla: 'h',
  support_owner_idle: 'i',
};
const KINDS_BY_CODE = new Map(Object.entries(KIND_CODES).map(([kind, code]) => [code, kind]));
const NUDGE_ID = new RegExp(`^nudge-(.+)-(${Object.keys(KIND_CODES).join('|')})(?:-(0|[1-9][0-9]{0,14}))?$`);

/**
 * The BullMQ job id of a ScheduledJob id. A nudge id `nudge-<subject>-<kind>[-<n>]` becomes `~<kind code><n in base
 * 36>.<subject>` (`nudge-C-000123-buyer_escalation_open-1796779910136` → `~cmwzw2l0g.C-000123`): the id is stored four
 * times (the job's key, its `opts`, the delayed set, the events stream), and a short one keeps every field of the job
 * hash under Redis' 64 bytes, so the hash is a listpack (~1/3 of a hashtable). Any other id is kept as it is, behind
 * one more `~` if it starts with one. `jobIdOf(idOfJob(x)) === x` for every id.
 */
export function jobIdOf(id: string): string {
  if (id.startsWith('~')) return `~${id}`;
  const m = NUDGE_ID.exec(id);
  if (!m || (m[3] !== undefined && Number(m[3]) > Number.MAX_SAFE_INTEGER)) return id;
  return `~${KIND_CODES[m[2]!]}${m[3] === undefined ? '' : Number(m[3]).toString(36)}.${m[1]}`;
}

/** The ScheduledJob id of a BullMQ job id (see jobIdOf); ids written by earlier versions are kept as they are. */
export function idOfJob(jobId: string): string {
  if (!jobId.startsWith('~')) return jobId;
  if (jobId.startsWith('~~')) return jobId.slice(1);
  const m = /^~([a-z])([0-9a-z]*)\.(.+)$/.exec(jobId);
  const kind = m ? KINDS_BY_CODE.get(m[1]!) : undefined;
  if (!m || !kind) return jobId;
  return `nudge-${m[3]}-${kind}${m[2] === '' ? '' : `-${parseInt(m[2]!, 36)}`}`;
}

/** The data keys of a nudge job, in order (src/app/nudges.ts nudgeJob): stored as bare values. NEVER edit. */
const NUDGE_DATA_KEYS = ['caseId', 'orderId', 'to', 'basis'];

/**
 * A job's `data` field: `[due, ...values]` for nudge data (NUDGE_DATA_KEYS), `[due, data]` for any other. `due` is
 * the due time in ms (a string if the ISO form is not the canonical one, so that it reads back unchanged). The kind
 * is the job's name, or `''` when the job id carries it.
 */
function encodeData(job: ScheduledJob): unknown[] {
  const ms = Date.parse(job.dueAt);
  const due = Number.isFinite(ms) && new Date(ms).toISOString() === job.dueAt ? ms : job.dueAt;
  const keys = Object.keys(job.data);
  const nudgeShaped = keys.length === NUDGE_DATA_KEYS.length && keys.every((k, i) => k === NUDGE_DATA_KEYS[i]);
  return nudgeShaped ? [due, ...keys.map((k) => job.data[k])] : [due, job.data];
}

function decodeJob(jobId: string, name: string, stored: StoredData): ScheduledJob {
  const id = idOfJob(jobId);
  if (!Array.isArray(stored)) return { id, dueAt: stored.dueAt, kind: stored.kind, data: stored.data };
  const [due, ...rest] = stored;
  const dueAt = typeof due === 'number' ? new Date(due).toISOString() : String(due);
  const kind = name !== '' ? name : (NUDGE_ID.exec(id)?.[2] ?? '');
  const data = rest.length === 1 && rest[0] !== null && typeof rest[0] === 'object'
    ? (rest[0] as ScheduledJob['data'])
    : (Object.fromEntries(NUDGE_DATA_KEYS.map((k, i) => [k, rest[i] ?? null])) as ScheduledJob['data']);
  return { id, dueAt, kind, data };
}

/**
 * Durable delayed jobs in Redis with BullMQ: the job id is the ScheduledJob id (shortened by jobIdOf), so a second
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
  const attempts = opts.attempts ?? 5;
  const backoff = { type: 'exponential', delay: opts.retryDelayMs ?? 1000 };
  const connections: RedisClient[] = [];
  const connect = (): ConnectionOptions => {
    const c = bullConnection(opts.redis);
    connections.push(c);
    return c as ConnectionOptions;
  };
  // Nothing reads the queue's events stream (no QueueEvents): BullMQ's default keeps its last 10,000 events (~1 MB).
  const queue = new Queue<StoredData>(name, { connection: connect(), prefix, streams: { events: { maxLen: EVENTS_KEPT } } });
  queue.on('error', (err) => log.warn({ err, queue: name }, 'scheduler queue error'));
  let worker: Worker<StoredData> | null = null;
  let promoter: NodeJS.Timeout | undefined;
  let closing = false;
  const waiting = new Set<() => void>();

  /**
   * Whether a job taken by the worker is due on the clock (Redis's). BullMQ moves a delayed job to run by the worker's
   * own wall clock: a host ahead of Redis takes jobs early. Such a job waits here, held and locked, until it is due (a
   * process that closes meanwhile puts it back among the waiting jobs, for another process to wait for it).
   */
  async function dueYet(job: ScheduledJob, bull: Job<StoredData>, token: string | undefined): Promise<boolean> {
    const early = Date.parse(job.dueAt) - clock.now().getTime();
    if (!(early > EARLY_SLACK_MS)) return true;
    if (early > MAX_EARLY_WAIT_MS) {
      // A host this far ahead would hold a slot per job for as long: the job is filed again on this host's own clock,
      // which its worker reads, so that it comes due here on time (on hosts whose clock is right, that much later).
      await bull.moveToDelayed(Date.now() + early, token);
      throw new DelayedError();
    }
    if (!closing) {
      log.info({ code: 'SCHEDULER_EARLY', jobId: bull.id, earlyMs: Math.round(early) }, 'job taken before it is due (this host’s clock is ahead): it waits');
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          waiting.delete(done);
          resolve();
        };
        const timer = setTimeout(done, early);
        waiting.add(done);
      });
    }
    if (!closing) return true;
    // Back to the waiting jobs, not the delayed ones: BullMQ would file it on this host's clock. The process that takes
    // it waits here in turn until it is due.
    await bull.moveToWait(token);
    throw new WaitingError();
  }

  /**
   * The reverse: a worker whose wall clock is behind Redis's takes its jobs late, by as much. While this host's clock is
   * behind, each second the delayed jobs due on the clock are moved to run (BullMQ's promote), so that a reminder is
   * not late when no other process is there to take it on time.
   */
  async function promoteDue(): Promise<void> {
    const now = clock.now().getTime();
    if (Date.now() - now > -BEHIND_SLACK_MS) return;
    // BullMQ's delayed scores are the due time × 0x1000 plus a counter (getDelayedScore.lua).
    const ids = await opts.redis.zrangebyscore(queue.keys.delayed!, 0, (now + 1) * 0x1000 - 1, 'LIMIT', 0, PROMOTE_BATCH);
    for (const id of ids) await (await Job.fromId(queue, id))?.promote().catch(() => undefined);
  }

  return {
    async schedule(job) {
      if (job.id.includes(':')) throw new Error(`job id may not contain ':' (${job.id})`);
      const now = clock.now().getTime();
      const delay = Math.max(0, Date.parse(job.dueAt) - now);
      const jobId = jobIdOf(job.id);
      const kindInId = jobId !== job.id && NUDGE_ID.exec(job.id)?.[2] === job.kind;
      // Only what differs from job to job is stored with it: the retries and how long a finished job stays are the
      // worker's (see start), which keeps the job's `opts` field to its id and delay. BullMQ files a delayed job at
      // its timestamp plus its delay: given the clock's time, that is the due time, not this host's view of it.
      await queue.add(kindInId ? '' : job.kind, encodeData(job), { jobId, delay, timestamp: now });
    },

    async cancel(id) {
      // A job scheduled by an earlier version is under the id itself. Such a job scheduled again now is stored a second
      // time under the short id and may run twice: the handler drops the second run (see above).
      const ids = [...new Set([jobIdOf(id), id])];
      await Promise.all(
        ids.map(async (jobId) => {
          const state = await queue.getJobState(jobId);
          // A job that ran (or runs) stays: its id keeps a later schedule of the same nudge a no-op.
          if (state === 'delayed' || state === 'waiting' || state === 'prioritized') await queue.remove(jobId);
        }),
      );
    },

    async start(handler) {
      if (worker) return;
      worker = new Worker<StoredData>(
        name,
        async (job, token) => {
          if (!job.id) return;
          const decoded = decodeJob(job.id, job.name, job.data);
          if (!(await dueYet(decoded, job, token))) return;
          try {
            await handler(decoded);
          } catch (err) {
            // The retries are not stored with each job: BullMQ reads them from this job's options when the run fails
            // (jobs of earlier versions carry their own).
            if (!job.opts.attempts) Object.assign(job.opts, { attempts, backoff });
            throw err;
          }
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
          // For the jobs that do not say (all but those of earlier versions): a finished job's id stays keepDoneMs.
          removeOnComplete: keepDone,
          removeOnFail: keepDone,
        },
      );
      worker.on('error', (err) => log.warn({ err, queue: name }, 'scheduler worker error'));
      promoter = setInterval(() => void promoteDue().catch((err: unknown) => log.warn({ err, queue: name }, 'could not promote due jobs')), PROMOTE_EVERY_MS);
      promoter.unref();
      worker.on('failed', (job, err) => log.warn({ err, jobId: job?.id, attempts: job?.attemptsMade }, 'scheduled job failed'));
      await worker.waitUntilReady();
    },

    async close() {
      closing = true;
      clearInterval(promoter);
      for (const wake of [...waiting]) wake();
      await worker?.close();
      await queue.close();
      await Promise.all(connections.map((c) => c.quit().catch(() => c.disconnect())));
    },
  };
}
