// `npm run build` (and `npm install`'s prepare step, with --if-possible): compiles src/ and adapters/ to dist/ with
// tsconfig.build.json, then writes dist/.built, whose time `npm start` compares with the sources' (scripts/start.mjs).
// With --if-possible a failed or impossible build (no sources yet, as in the image's install layer) is one line on
// stderr and exit 0: `npm start` then runs the TypeScript sources through tsx.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const ifPossible = process.argv.includes('--if-possible');
const stamp = join(root, 'dist', '.built');

function giveUp(why) {
  if (!ifPossible) {
    process.stderr.write(`palabre: build failed: ${why}\n`);
    process.exit(1);
  }
  process.stderr.write(`palabre: no compiled build (${why}); npm start will run the TypeScript sources\n`);
  process.exit(0);
}

if (!existsSync(join(root, 'src', 'main.ts'))) giveUp('no sources here');
let tsc;
try {
  tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
} catch {
  giveUp('typescript is not installed');
}
rmSync(stamp, { force: true });
const run = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
if (run.status !== 0) {
  const first = `${run.stdout}\n${run.stderr}`.split('\n').find((l) => l.trim()) ?? `tsc exited with ${run.status}`;
  if (!ifPossible) process.stdout.write(run.stdout), process.stderr.write(run.stderr);
  giveUp(first.trim());
}
mkdirSync(dirname(stamp), { recursive: true });
writeFileSync(stamp, `${new Date().toISOString()}\n`);
