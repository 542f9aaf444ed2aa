import { afterEach, describe, it } from 'vitest';
import { outcomeOf, redisToolsMissing, type Run } from './harness.js';
import { crashScenario } from './scenario.js';

const missing = redisToolsMissing();
if (missing) console.warn(`crash test skipped: ${missing}`);

describe.runIf(!missing)('crash run on one Redis with its append-only file', () => {
  let run: Run | null = null;
  afterEach(async (ctx) => {
    await run?.close(outcomeOf(ctx));
    run = null;
  });

  it('loses nothing acknowledged when a process is SIGKILLed mid-burst and restarted, then Redis itself', { timeout: 170_000 }, async () => {
    await crashScenario({ faults: [{ at: 0.3, kill: 'process' }, { at: 0.65, kill: 'redis' }], track: (r) => (run = r) });
  });
});
