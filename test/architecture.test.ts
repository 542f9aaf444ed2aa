import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { describe, expect, it } from 'vitest';

// The layering the README draws: domain ← ports ← app ← infra/http ← compose/main; adapters beside.
const ROOT = join(import.meta.dirname, '..');
const IMPORT = /(?:^|\s)(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gm;

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return tsFiles(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

/** Repository-relative paths of the project files a file imports. */
function localImports(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  return [...source.matchAll(IMPORT)]
    .map((m) => m[1] ?? m[2] ?? '')
    .filter((s) => s.startsWith('.'))
    .map((s) => relative(ROOT, resolve(dirname(file), s)));
}

function offenders(folder: string, forbidden: RegExp): string[] {
  return tsFiles(join(ROOT, folder)).flatMap((file) =>
    localImports(file).filter((target) => forbidden.test(target)).map((target) => `${relative(ROOT, file)} → ${target}`));
}

describe('the import graph follows the layers', () => {
  it('the scanner resolves relative imports to repository paths', () => {
    expect(localImports(join(ROOT, 'src/main.ts'))).toContain('src/compose.js');
  });

  it('src/app imports nothing from src/infra, src/http or the composition root', () => {
    expect(offenders('src/app', /^(src\/(infra|http)\/|src\/compose\.js$|adapters\/)/)).toEqual([]);
  });

  it('src/infra imports nothing from src/app, src/http or the adapters', () => {
    expect(offenders('src/infra', /^(src\/(app|http)\/|adapters\/)/)).toEqual([]);
  });

  it('src/ports imports only the domain and other ports', () => {
    expect(offenders('src/ports', /^(src\/(app|infra|http)\/|adapters\/)/)).toEqual([]);
  });

  it('adapters never reach into src/infra', () => {
    expect(offenders('adapters', /^src\/infra\//)).toEqual([]);
  });
});
