/**
 * Clock skew for crash runs: per-process wall clocks set through the test-only preload `skew-clock.mjs`, and the
 * checks of what a skewed clock could break that the crash checker does not look at (the timestamps of a case's
 * timeline, which processes were taken for dead).
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Delivered, History, Run } from './harness.js';

const PRELOAD = fileURLToPath(new URL('./skew-clock.mjs', import.meta.url));

/** The wall clocks of a run's processes: an offset in ms per process index (absent: the true time). */
export interface Clocks {
  /** The variables that give process `index` its clock (for `startRun`'s `envFor`). */
  envFor(index: number): Record<string, string>;
  /** Steps process `index`'s clock to `offsetMs` from the true time (applied within 20 ms). */
  set(index: number, offsetMs: number): void;
  /** Whether process `index`'s log shows the preload took `offsetMs`. */
  applied(run: Run, index: number, offsetMs: number): boolean;
  close(): void;
}

export function skewedClocks(offsets: Record<number, number>): Clocks {
  const dir = mkdtempSync(join(tmpdir(), 'palabre-skew-'));
  const file = (i: number) => join(dir, `clock-${i}`);
  for (const [i, ms] of Object.entries(offsets)) writeFileSync(file(Number(i)), String(ms));
  return {
    envFor(index): Record<string, string> {
      if (!(index in offsets)) return {};
      return { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import ${PRELOAD}`.trim(), SKEW_FILE: file(index) };
    },
    set(index, offsetMs) {
      writeFileSync(file(index), String(offsetMs));
    },
    applied(run, index, offsetMs) {
      const log = run.procs[index]?.child?.logFile;
      if (!log) return false;
      const text = readFileSync(log, 'utf8');
      return text.includes(`skew-clock: offset ${offsetMs} ms`);
    },
    close() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const TAG = /K(\d+)Q/;
const ms = (at: unknown) => new Date(at as string).getTime();

/** What a reader of the timelines would find odd about their timestamps. */
export interface TimelineSense {
  /** Entries stamped earlier than the entry before them in their case's timeline. */
  backwards: string[];
  /** Entries stamped later than Redis's clock when the check ran. */
  future: string[];
  /** Comments stamped more than `toleranceMs` away from when the driver saw them acknowledged. */
  commentsOff: string[];
  /** The largest gap, in ms, between a comment's stamp and its acknowledgement. */
  worstCommentOffMs: number;
}

// The skews played are 30 s and more; the first turns of a burst on a loaded machine take up to ~9 s to be acknowledged.
export function timelineSense(history: History, delivered: Delivered[], redisNowMs: number, toleranceMs = 15_000): TimelineSense {
  const ackedAt = new Map(delivered.filter((d) => d.acknowledged).map((d) => [d.planned.updateId, d.ackedAt!]));
  const backwards: string[] = [];
  const future: string[] = [];
  const commentsOff: string[] = [];
  let worstCommentOffMs = 0;
  for (const c of history.cases) {
    let prev: { type: string; at: number } | null = null;
    for (const e of c.timeline) {
      const at = ms(e.at);
      if (prev && at < prev.at) backwards.push(`${c.id}: ${e.type} ${at - prev.at} ms before the ${prev.type} above it`);
      if (at > redisNowMs + 1_000) future.push(`${c.id}: ${e.type} ${at - redisNowMs} ms ahead of Redis`);
      prev = { type: e.type, at };
      if (e.type !== 'comment') continue;
      const m = TAG.exec(e.text);
      const acked = m ? ackedAt.get(Number(m[1])) : undefined;
      if (acked === undefined) continue;
      // Stamped while handled: before the acknowledgement, and after the comment was first posted (a few seconds before).
      const off = at > acked ? at - acked : acked - at;
      worstCommentOffMs = Math.max(worstCommentOffMs, off);
      if (at > acked + 1_000 || at < acked - toleranceMs) commentsOff.push(`${c.id}: K${m![1]}Q stamped ${at - acked} ms from its acknowledgement`);
    }
  }
  return { backwards, future, commentsOff, worstCommentOffMs };
}

/**
 * The members the processes' logs say were taken for dead (`DELIVERY_MEMBER_DEAD`), as the pids in their names, and
 * whether that process's own log shows it had stalled (a beat late by more than a member's lifetime: on a loaded
 * machine a live process can stall for seconds and is then rightly taken for dead, whatever the clocks say).
 */
export function membersTakenForDead(run: Run): Array<{ pid: number; stalled: boolean }> {
  const byPid = new Map(run.procs.flatMap((p) => (p.child?.proc.pid ? [[p.child.proc.pid, p.child.logFile] as const] : [])));
  const stalled = (pid: number) => {
    const log = byPid.get(pid);
    return !!log && readFileSync(log, 'utf8').split('\n').some((l) => l.includes('DELIVERY_BEAT_LATE') && Number(/"sinceLastBeatMs":([\d.]+)/.exec(l)?.[1] ?? 0) > 2_200);
  };
  const out: Array<{ pid: number; stalled: boolean }> = [];
  for (const f of readdirSync(run.root)) {
    if (!f.endsWith('.log')) continue;
    for (const line of readFileSync(join(run.root, f), 'utf8').split('\n')) {
      if (!line.includes('DELIVERY_MEMBER_DEAD')) continue;
      const pid = Number(/"member":"[^"]*?-(\d+)-/.exec(line)?.[1] ?? -1);
      out.push({ pid, stalled: stalled(pid) });
    }
  }
  return out;
}
