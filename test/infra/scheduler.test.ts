import { randomBytes } from 'node:crypto';
import { Queue } from 'bullmq';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { bullPrefix, createBullmqScheduler, idOfJob, jobIdOf } from '../../src/infra/bullmq-scheduler.js';
import { createMemoryScheduler } from '../../src/infra/memory-scheduler.js';
import type { ScheduledJob, Scheduler } from '../../src/ports/scheduler.js';
import { describeScheduler, until } from '../ports/scheduler.contract.js';
import { testRedis, type TestRedis } from '../support/redis.js';

describeScheduler('memory', async () => ({
  make: async () => createMemoryScheduler({ retryDelayMs: 50 }),
}));

describeScheduler('bullmq', async () => {
  const r = await testRedis();
  return {
    // A queue of its own per test: no job of one test can reach another's handler.
    make: async () => createBullmqScheduler({ redis: r.redis, prefix: r.prefix, queueName: `nudges-${randomBytes(4).toString('hex')}`, retryDelayMs: 100 }),
    cleanup: () => r.cleanup(),
  };
});

describe('BullMQ scheduler: what it stores', () => {
  let r: TestRedis;
  const open: Scheduler[] = [];
  beforeAll(async () => {
    r = await testRedis();
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((s) => s.close()));
  });
  afterAll(() => r.cleanup());

  const sleep = (ms: number) => new Promise((res) => setTimeout(res, ms));
  const inMs = (ms: number) => new Date(Date.now() + ms).toISOString();
  const make = (queueName: string, attempts?: number) => {
    const s = createBullmqScheduler({ redis: r.redis, prefix: r.prefix, queueName, retryDelayMs: 50, ...(attempts ? { attempts } : {}) });
    open.push(s);
    return s;
  };
  const queueName = () => `nudges-${randomBytes(4).toString('hex')}`;

  it('gives every id back as it was scheduled, nudge ids and others alike', () => {
    const ids = [
      'nudge-C-000123-buyer_escalation_open-1796779910136', 'nudge-C-000123-seller_reminder-1', 'nudge-C-000123-support_late_delivery',
      'nudge-O-CC-1001-seller_reply_due-1796779910136', 'nudge-O-a.b-c_d-seller_unshipped', 'nudge-C-1-seller_reminder-0',
      'nudge-C-1-seller_reminder-01', 'nudge-C-1-seller_reminder-99999999999999999999', 'nudge-C-1-unknown_kind-3', 'nudge--seller_reminder-1',
      'nudge-x-seller_reminder-seller_reminder', '~c1.C-1', '~~x', '~', 'desk-digest-2026-12-07', 'evidence-retention-2026-12-06', 'job-1-abc',
    ];
    for (const id of ids) expect(idOfJob(jobIdOf(id))).toBe(id);
    expect(jobIdOf('nudge-C-000123-buyer_escalation_open-1796779910136').length).toBeLessThan(24);
  });

  it('runs nudge jobs with exactly what was scheduled, and cancels them by their id', async () => {
    const s = make(queueName());
    const runs: ScheduledJob[] = [];
    await s.start(async (j) => {
      runs.push(j);
    });
    const nudge: ScheduledJob = { id: 'nudge-C-000123-buyer_escalation_open-1796779910136', dueAt: inMs(200), kind: 'buyer_escalation_open', data: { caseId: 'C-000123', orderId: 'CC-1001', to: 'buyer', basis: null } };
    // Another kind than the id says, a due time written another way, data of another shape.
    const odd: ScheduledJob = { id: 'nudge-O-CC-1001-seller_reply_due-5', dueAt: new Date(Date.now() + 200).toISOString().replace('Z', '+00:00'), kind: 'seller_unshipped', data: { orderId: 'CC-1001', n: 3, ok: true } };
    const order: ScheduledJob = { id: 'nudge-O-CC-1001-seller_reply_due-1796779910136', dueAt: inMs(200), kind: 'seller_reply_due', data: { caseId: null, orderId: 'CC-1001', to: 'seller', basis: '2026-12-06T10:00:00.000Z' } };
    const cancelled: ScheduledJob = { ...nudge, id: 'nudge-C-000124-seller_reminder-2', kind: 'seller_reminder', data: { ...nudge.data, caseId: 'C-000124' } };
    for (const j of [nudge, odd, order, cancelled]) await s.schedule(j);
    await s.cancel(cancelled.id);
    await until(() => runs.length === 3);
    await sleep(300);
    expect(runs).toHaveLength(3);
    expect(runs).toEqual(expect.arrayContaining([nudge, odd, order]));
  });

  it('runs and cancels the jobs an earlier version stored (full id, data object, retries in each job)', async () => {
    const name = queueName();
    // What the previous version's schedule() wrote.
    const legacy = new Queue(name, { connection: r.connect({ maxRetriesPerRequest: null }), prefix: bullPrefix(r.prefix) });
    const keep = { age: 14 * 86_400 };
    const old = (j: ScheduledJob) =>
      legacy.add(j.kind, { dueAt: j.dueAt, kind: j.kind, data: j.data }, { jobId: j.id, delay: Math.max(0, Date.parse(j.dueAt) - Date.now()), attempts: 5, backoff: { type: 'exponential', delay: 50 }, removeOnComplete: keep, removeOnFail: keep });
    const due: ScheduledJob = { id: 'nudge-C-000200-seller_reminder-1', dueAt: inMs(200), kind: 'seller_reminder', data: { caseId: 'C-000200', orderId: 'CC-2', to: 'seller', basis: null } };
    const stale: ScheduledJob = { ...due, id: 'nudge-C-000200-seller_reminder-2' };
    await old(due);
    await old(stale);
    await legacy.close();

    const s = make(name);
    await s.cancel(stale.id);
    let failures = 0;
    const runs: ScheduledJob[] = [];
    await s.start(async (j) => {
      if (failures++ === 0) throw new Error('Redis hiccup');
      runs.push(j);
    });
    await until(() => runs.length === 1);
    await sleep(300);
    expect(runs).toEqual([due]);
  });

  it('gives a job up after its attempts, and keeps its id so that scheduling it again is a no-op', async () => {
    const s = make(queueName(), 3);
    let calls = 0;
    await s.start(async () => {
      calls += 1;
      throw new Error('always');
    });
    const j: ScheduledJob = { id: 'nudge-C-000300-seller_reminder-1', dueAt: inMs(0), kind: 'seller_reminder', data: { caseId: 'C-000300', orderId: 'CC-3', to: 'seller', basis: null } };
    await s.schedule(j);
    await until(() => calls === 3);
    await sleep(500);
    await s.schedule(j);
    await sleep(300);
    expect(calls).toBe(3);
  });
});

/**
 * A job scheduled by one host and run by another whose wall clock is off: BullMQ's worker moves delayed jobs to run by
 * its own `Date.now()`. The scheduler's clock (Redis's, in production) is the true time here; the worker's host clock is
 * stubbed seconds ahead or behind once the job is scheduled.
 */
describe('BullMQ scheduler: a worker whose host clock is off', () => {
  let r: TestRedis;
  const open: Scheduler[] = [];
  const trueNow = () => performance.timeOrigin + performance.now();
  const sleep = (ms: number) => new Promise((res) => setTimeout(res, ms));
  const clock = { now: () => new Date(trueNow()) };
  beforeAll(async () => {
    r = await testRedis();
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    await Promise.all(open.splice(0).map((s) => s.close()));
  });
  afterAll(() => r.cleanup());

  async function ranAfterDue(hostOffsetMs: number): Promise<number> {
    const queueName = `nudges-${randomBytes(4).toString('hex')}`;
    const planner = createBullmqScheduler({ redis: r.redis, prefix: r.prefix, queueName, clock });
    open.push(planner);
    const due = trueNow() + 1_500;
    await planner.schedule({ id: `skew-${randomBytes(3).toString('hex')}`, dueAt: new Date(due).toISOString(), kind: 'test', data: {} });
    const realDateNow = Date.now.bind(Date);
    vi.spyOn(Date, 'now').mockImplementation(() => realDateNow() + hostOffsetMs);
    const worker = createBullmqScheduler({ redis: r.redis, prefix: r.prefix, queueName, clock });
    open.push(worker);
    let ranAt = 0;
    await worker.start(async () => void (ranAt = trueNow()));
    await until(() => ranAt > 0, 12_000);
    return ranAt - due;
  }

  it('does not run a job early on a host ahead', async () => {
    const late = await ranAfterDue(5_000);
    expect(late).toBeGreaterThanOrEqual(-300);
    expect(late).toBeLessThan(1_500);
  });

  it('hands a job it waits for to another process when it stops, which runs it when due', async () => {
    const queueName = `nudges-${randomBytes(4).toString('hex')}`;
    const planner = createBullmqScheduler({ redis: r.redis, prefix: r.prefix, queueName, clock });
    open.push(planner);
    const due = trueNow() + 2_000;
    await planner.schedule({ id: `skew-${randomBytes(3).toString('hex')}`, dueAt: new Date(due).toISOString(), kind: 'test', data: {} });
    const realDateNow = Date.now.bind(Date);
    const spy = vi.spyOn(Date, 'now').mockImplementation(() => realDateNow() + 5_000);
    const ahead = createBullmqScheduler({ redis: r.redis, prefix: r.prefix, queueName, clock });
    const runs: string[] = [];
    await ahead.start(async () => void runs.push('ahead'));
    const q = new Queue(queueName, { connection: r.redis, prefix: bullPrefix(r.prefix) });
    const active = async () => (await q.getJobCounts('active')).active ?? 0;
    for (let i = 0; i < 100 && (await active()) === 0; i++) await sleep(20);
    await q.close();
    expect(runs).toEqual([]);
    await ahead.close();
    spy.mockRestore();
    const other = createBullmqScheduler({ redis: r.redis, prefix: r.prefix, queueName, clock });
    open.push(other);
    let ranAt = 0;
    await other.start(async () => void (runs.push('other'), (ranAt = trueNow())));
    await until(() => ranAt > 0, 8_000);
    expect(runs).toEqual(['other']);
    expect(ranAt - due).toBeGreaterThanOrEqual(-300);
    expect(ranAt - due).toBeLessThan(1_500);
  });

  it('does not run a job late on a host behind', async () => {
    const late = await ranAfterDue(-5_000);
    expect(late).toBeGreaterThanOrEqual(-300);
    expect(late).toBeLessThan(1_500);
  });
});
