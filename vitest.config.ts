import { availableParallelism } from 'node:os';
import { configDefaults, defineConfig } from 'vitest/config';

// Files that time what real processes, Redis and the event loop do ("within 5 s of the kill", a process kept busy
// 3.5 s at a time): they run one at a time, with nothing else running, after the rest.
const ALONE = [
  'test/crash/**/*.test.ts',
  'test/infra/delivery-streams.test.ts',
  'test/infra/scheduler-processes.test.ts',
  'test/process/shutdown.test.ts',
  'test/bench/quick.test.ts',
];

export default defineConfig({
  test: {
    testTimeout: 20_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // The JSON report lets .ci/run print one closing line of counts.
    reporters: ['default', ['json', { outputFile: 'test-artifacts/vitest.json' }]],
    projects: [
      {
        extends: true,
        test: {
          name: 'together',
          include: ['test/**/*.test.ts'],
          exclude: [...configDefaults.exclude, ...ALONE],
          // Tests share one Redis; each uses its own key prefix, so files run in parallel: two at a time at least (vitest's
          // default, one core less than the machine has, is a single file at a time on a two-core CI machine, where most
          // files wait on sockets, timers and child processes rather than on the CPU).
          maxWorkers: Math.max(2, availableParallelism() - 1),
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: { name: 'alone', include: ALONE, maxWorkers: 1, sequence: { groupOrder: 1 } },
      },
    ],
  },
});
