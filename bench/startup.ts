import { join } from 'node:path';
// @ts-expect-error: a plain .mjs of scripts/, without types
import { startEntry } from '../scripts/start-entry.mjs';
import { childEnv, freePort, startChild, waitHealthy } from './processes.js';
import { median, round } from './stats.js';

export interface StartupResult {
  /** What was started: `npm start`'s command without npm (`node scripts/start.mjs`), in the embedded mode. */
  command: string;
  /** What `npm start` ran: the compiled build (current after `npm install` or `npm run build`) or the sources through tsx. */
  from: 'build' | 'sources';
  runs: number[];
  medianMs: number;
}

/** Section 4: process start → first `GET /healthz` 200, in the embedded mode (no REDIS_URL), `runs` times. */
export async function measureStartup(ctx: { runs: number; dir: string }): Promise<StartupResult> {
  const runs: number[] = [];
  for (let i = 0; i < ctx.runs; i++) {
    const port = await freePort();
    const env = childEnv({ PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' });
    const since = performance.now();
    const child = startChild([process.execPath, 'scripts/start.mjs'], env, join(ctx.dir, `startup-${i}.log`));
    try {
      runs.push(round(await waitHealthy(`http://127.0.0.1:${port}/healthz`, child, since, 30_000, 5), 0));
    } finally {
      await child.stop();
    }
  }
  const from = (startEntry(process.cwd()) as { from: 'build' | 'sources' }).from;
  return { command: 'node scripts/start.mjs (npm start without npm; embedded: no REDIS_URL)', from, runs, medianMs: round(median(runs), 0) };
}
