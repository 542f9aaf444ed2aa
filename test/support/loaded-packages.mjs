// Preloaded into a Palabre process by test/main.test.ts: on SIGUSR2 it prints which npm packages the process has
// loaded so far (their CommonJS modules, which is how its heavy dependencies load), as one line of JSON.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
process.on('SIGUSR2', () => {
  const packages = new Set();
  for (const file of Object.keys(require.cache)) {
    const m = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(file);
    if (m) packages.add(m[1]);
  }
  process.stdout.write(`LOADED_PACKAGES ${JSON.stringify([...packages].sort())}\n`);
});
