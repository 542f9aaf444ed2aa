// Which entry `npm start` runs: the compiled build (dist/src/main.js) when it is newer than every source it was made
// from, else the TypeScript sources through tsx. The build starts about a second sooner (no TypeScript to transform);
// the sources are always current (an edited file, a pulled commit, a checkout make the build stale).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const SOURCES = ['src', 'adapters'];
const CONFIGS = ['tsconfig.json', 'tsconfig.build.json', 'package-lock.json'];

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (path.endsWith(join('adapters', 'web', 'static'))) continue;
      newest = Math.max(newest, newestSource(path), statSync(path).mtimeMs);
    } else if (/\.(?:ts|mts|cts|js|mjs|json)$/.test(entry.name)) {
      newest = Math.max(newest, statSync(path).mtimeMs);
    }
  }
  return newest;
}

/** `{ from: 'build', entry }` or `{ from: 'sources', entry, why }` for the checkout at `root`. */
export function startEntry(root) {
  const built = join(root, 'dist', '.built');
  const compiled = join(root, 'dist', 'src', 'main.js');
  const sources = { from: 'sources', entry: join(root, 'src', 'main.ts') };
  if (!existsSync(built) || !existsSync(compiled)) return { ...sources, why: 'no build' };
  const builtAt = statSync(built).mtimeMs;
  let newest = 0;
  for (const d of SOURCES) if (existsSync(join(root, d))) newest = Math.max(newest, newestSource(join(root, d)));
  for (const f of CONFIGS) if (existsSync(join(root, f))) newest = Math.max(newest, statSync(join(root, f)).mtimeMs);
  if (newest > builtAt) return { ...sources, why: 'build older than the sources' };
  return { from: 'build', entry: compiled };
}
