import { afterEach, describe, it } from 'vitest';
import { outcomeOf, redisToolsMissing, type Run } from './harness.js';
import { crashScenario } from './scenario.js';

const missing = redisToolsMissing();
if (missing) console.warn(`crash test on a Redis Cluster skipped: ${missing}`);

describe.runIf(!missing)('crash run on a three-master Redis Cluster', () => {
  let run: Run | null = null;
  afterEach(async (ctx) => {
    await run?.close(outcomeOf(ctx));
    run = null;
  });

  it('loses nothing acknowledged when a process is SIGKILLed mid-burst and restarted', { timeout: 170_000 }, async () => {
    await crashScenario({ cluster: true, faults: [{ at: 0.4, kill: 'process' }], track: (r) => (run = r) });
  });
});
