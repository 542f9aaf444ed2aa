/** A job to run at a time: nudges, SLA checks, the late-delivery flag. */
export interface ScheduledJob {
  /** Stable id: scheduling the same id twice is a no-op. No `:` (BullMQ). */
  id: string;
  /** When it is due, ISO-8601 UTC. */
  dueAt: string;
  /** What to do (a nudge kind or another job kind). */
  kind: string;
  data: Record<string, string | number | boolean | null>;
}

/** Durable delayed jobs. BullMQ in Redis, an in-process timer map in the embedded mode. */
export interface Scheduler {
  /** Schedules a job; a job with the same id already scheduled (or already run) is left alone. */
  schedule(job: ScheduledJob): Promise<void>;
  /** Cancels a job that has not run yet; unknown ids are ignored. */
  cancel(id: string): Promise<void>;
  /** Starts running due jobs with `handler`; each job runs once across all processes. */
  start(handler: (job: ScheduledJob) => Promise<void>): Promise<void>;
  /** Stops taking jobs and releases connections. */
  close(): Promise<void>;
}
