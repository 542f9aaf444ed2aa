import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // Tests share one Redis; each uses its own key prefix, so files may run in parallel.
    pool: 'forks',
    // The JSON report lets .ci/run print one closing line of counts.
    reporters: ['default', ['json', { outputFile: 'test-artifacts/vitest.json' }]],
  },
});
