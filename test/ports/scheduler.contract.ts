import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { ScheduledJob, Scheduler } from '../../src/ports/scheduler.js';

/** What each test of the contract needs: a scheduler on fresh storage (retry delays shortened). */
export interface SchedulerHarness {
  make(): Promise<Scheduler>;
  cleanup?(): Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits until `probe` holds; the contract never asserts how long something took. */
export async function until(probe: () => boolean, maxMs = 10_000): Promise<void> {
  for (let waited = 0; waited < maxMs && !probe(); waited += 20) await sleep(20);
  expect(probe()).toBe(true);
}

const inMs = (ms: number) => new Date(Date.now() + ms).toISOString();
let n = 0;
const job = (dueInMs: number, over: Partial<ScheduledJob> = {}): ScheduledJob => ({
  id: `job-${++n}-${Math.random().toString(36).slice(2, 8)}`,
  dueAt: inMs(dueInMs),
  kind: 'seller_reminder',
  data: { caseId: 'C-000001', n },
  ...over,
});

/** The Scheduler contract: every implementation must pass it unchanged. */
export function describeScheduler(name: string, harness: () => Promise<SchedulerHarness>): void {
  describe(`Scheduler contract: ${name}`, () => {
    let h: SchedulerHarness;
    let open: Scheduler[] = [];
    const runs: ScheduledJob[] = [];
    const ran = (id: string) => runs.filter((j) => j.id === id).length;
    const record = async (j: ScheduledJob) => {
      runs.push(j);
    };
    const started = async (handler = record) => {
      h ??= await harness();
      const s = await h.make();
      open.push(s);
      await s.start(handler);
      return s;
    };

    afterEach(async () => {
      await Promise.all(open.map((s) => s.close()));
      open = [];
      runs.length = 0;
    });
    afterAll(async () => h?.cleanup?.());

    it('runs a due job once, with what was scheduled', async () => {
      const s = await started();
      const j = job(300);
      await s.schedule(j);
      await until(() => ran(j.id) === 1);
      expect(runs.find((r) => r.id === j.id)).toEqual(j);
      await sleep(300);
      expect(ran(j.id)).toBe(1);
    });

    it('does not run a job before it is due', async () => {
      const s = await started();
      const later = job(60_000);
      const soon = job(200);
      await s.schedule(later);
      await s.schedule(soon);
      await until(() => ran(soon.id) === 1);
      expect(ran(later.id)).toBe(0);
    });

    it('runs a job whose time has passed at once, and jobs scheduled before start once started', async () => {
      h ??= await harness();
      const s = await h.make();
      open.push(s);
      const past = job(-60_000);
      await s.schedule(past);
      await sleep(200);
      expect(ran(past.id)).toBe(0);
      await s.start(record);
      await until(() => ran(past.id) === 1);
    });

    it('does not run a cancelled job, and ignores unknown ids', async () => {
      const s = await started();
      const cancelled = job(400);
      const sentinel = job(800);
      await s.schedule(cancelled);
      await s.schedule(sentinel);
      await s.cancel(cancelled.id);
      await s.cancel('never-scheduled');
      await until(() => ran(sentinel.id) === 1);
      expect(ran(cancelled.id)).toBe(0);
    });

    it('collapses duplicates: one id scheduled many times runs once, even when scheduled again after it ran', async () => {
      const s = await started();
      const j = job(300);
      await Promise.all([s.schedule(j), s.schedule(j), s.schedule({ ...j, dueAt: inMs(100) })]);
      await until(() => ran(j.id) === 1);
      const sentinel = job(300);
      await s.schedule({ ...j, dueAt: inMs(0) });
      await s.schedule(sentinel);
      await until(() => ran(sentinel.id) === 1);
      expect(ran(j.id)).toBe(1);
    });

    it('retries a job whose handler failed, until it succeeds', async () => {
      let failures = 0;
      const s = await started(async (j) => {
        if (failures < 2) {
          failures += 1;
          throw new Error('Redis hiccup');
        }
        runs.push(j);
      });
      const j = job(100);
      await s.schedule(j);
      await until(() => ran(j.id) === 1);
      expect(failures).toBe(2);
    });

    it('refuses a job id with ":" (BullMQ cannot hold it)', async () => {
      const s = await started();
      await expect(s.schedule(job(100, { id: 'nudge:C-000001' }))).rejects.toThrow();
    });
  });
}
