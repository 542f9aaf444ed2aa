import { Queue, type ConnectionOptions } from 'bullmq';
import { afterEach, describe, expect, it } from 'vitest';
import { bullPrefix } from '../../src/infra/bullmq-scheduler.js';
import { check, logs, readHistory, outcomeOf, redisToolsMissing, sleep, startRun, type Run } from './harness.js';

const missing = redisToolsMissing();
if (missing) console.warn(`crash test skipped: ${missing}`);

/** One seller reminder per case, due in 10 minutes: the test makes the twelve due now, together, once the processes run. */
const POLICY = { POLICY_SELLER_REMINDERS: 'PT10M', TELEGRAM_THROTTLE: '0' };

/**
 * Processes killed (SIGKILL) while they fire due reminders: the moment BullMQ's active list holds reminder jobs, every
 * process is killed, so each of those jobs dies mid-run in its process; then one starts again. BullMQ's stalled
 * check gives it the jobs once their locks lapse, and the nudge handler records each reminder once:
 * every case's timeline holds its reminder once, and every seller gets it (twice at most, for a message on its way
 * at the kill).
 */
describe.runIf(!missing)('processes killed while they fire due reminders', () => {
  let run: Run | null = null;
  afterEach(async (ctx) => {
    await run?.close(outcomeOf(ctx));
    run = null;
  });

  it('fires each reminder once after the restart: once in the timeline, at its seller', { timeout: 150_000 }, async () => {
    const r = (run = await startRun({ users: 12, env: POLICY }));
    const redis = r.redis.connect();
    const active = `${r.seeded.prefix}{bull}:nudges:active`;
    let firing: string[] = [];
    const closers: Array<() => unknown> = [];
    try {
      // Due now: each job's due time (the first item of its data) is set to now, and BullMQ moves every delayed job to
      // its waiting list; the processes' workers take them at once. (Moved to run alone, a job due in 10 minutes is not
      // run early: a worker files it again for its due time, as on a host whose clock is ahead.)
      const conn = r.redis.connect();
      const queue = new Queue('nudges', { connection: conn as ConnectionOptions, prefix: bullPrefix(r.seeded.prefix) });
      for (const job of await queue.getDelayed()) {
        const data = job.data as unknown[];
        await job.updateData([Date.now(), ...data.slice(1)]);
      }
      await queue.promoteJobs();
      await queue.close();
      conn.disconnect();
      const end = Date.now() + 20_000;
      while (firing.length === 0 && Date.now() < end) firing = await redis.lrange(active, 0, -1);
      await Promise.all(r.procs.map((p) => p.kill()));
      const killedAt = Date.now();
      // Still active after the kill: they died mid-run, in the processes that held them.
      const orphaned = await redis.lrange(active, 0, -1);
      await r.procs[0]!.start();
      const restartedAt = Date.now();
      const checkerConn = r.redis.connect();
      closers.push(() => checkerConn.disconnect());
      const checker = new Queue('nudges', { connection: checkerConn as ConnectionOptions, prefix: bullPrefix(r.seeded.prefix) });
      closers.push(() => checker.close());
      // Cases whose seller got the reminder naming it (a seller has several cases: counting sellers never reached the
      // number of cases, and the loop waited out its whole minute on every run).
      const reminded = () => r.seeded.buyers.filter((b) => r.sent.some((s) => s.chatId === b.sellerTelegramId && /^Rappel/.test(s.text) && s.text.includes(b.caseId))).length;
      for (let i = 0; i < 300 && reminded() < r.seeded.buyers.length; i++) await sleep(200);
      // Nothing left that could fire again (no job waiting or running), then a moment for a repeat already on its way.
      const left = async () => {
        const counts = await checker.getJobCounts('waiting', 'active', 'prioritized');
        return counts.waiting! + counts.active! + counts.prioritized!;
      };
      for (let i = 0; i < 300 && (await left()) > 0; i++) await sleep(200);
      await sleep(2_000);
      const f = check(r, [], await readHistory(r));
      const why = `firing ${JSON.stringify(firing)}, orphaned ${JSON.stringify(orphaned)}, ${JSON.stringify({ remindersPerCase: f.remindersPerCase, reminderMessages: f.reminderMessages })}\n${logs(r, 30)}`;
      const lastReminder = Math.max(...r.sent.filter((s) => /^Rappel/.test(s.text)).map((s) => s.at));
      console.log(`[reminder] ${firing.length} reminder jobs running at the kill, ${orphaned.length} left active by it; every seller reminded ${lastReminder - killedAt} ms after the kill (${lastReminder - restartedAt} ms after the restart); ${f.reminderMessages.reduce((n, k) => n + Math.max(0, k - 1), 0)} reminders repeated`);

      expect(orphaned.length, why).toBeGreaterThan(0);
      expect(f.remindersPerCase, why).toEqual(r.seeded.buyers.map(() => [1]));
      expect(f.reminderMessages.filter((n) => n < 1 || n > 2), why).toEqual([]);
      expect(await redis.llen(active), why).toBe(0);
      expect(await left(), why).toBe(0);
    } finally {
      for (const close of closers.reverse()) await close();
      redis.disconnect();
    }
  });
});
