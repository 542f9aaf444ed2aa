import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const DOMAIN = join(import.meta.dirname, '../../src/domain');
const FORBIDDEN = [
  /^ioredis$/,
  /^bullmq$/,
  /^grammy$/,
  /^@grammyjs\//,
  /^discord\.js$/,
  /^botbuilder/,
  /^keyv$/,
  /^@keyv\//,
  /^fastify$/,
  /^(node:)?(fs|http|https|net|child_process)(\/|$)/,
  /(^|\/)infra\//,
  /(^|\/)adapters\//,
  /(^|\/)app\//,
];
const IMPORT = /(?:^|\s)(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s*['"]([^'"]+)['"]/gm;

function specifiers(source: string): string[] {
  return [...source.matchAll(IMPORT)].map((m) => m[1] ?? m[2] ?? m[3] ?? '');
}

const files = readdirSync(DOMAIN).filter((f) => f.endsWith('.ts'));

describe('src/domain is pure: no I/O library, no infra, no adapters, no clock', () => {
  it('finds the domain files and their imports', () => {
    expect(files).toContain('decider.ts');
    expect(specifiers(readFileSync(join(DOMAIN, 'decider.ts'), 'utf8'))).toContain('./case-model.js');
  });

  it('the import scanner sees what it must refuse', () => {
    const sample = "import Redis from 'ioredis';\nexport { x } from '../infra/redis.js';\nconst m = await import('node:fs');\nimport 'grammy';";
    const found = specifiers(sample);
    expect(found).toEqual(['ioredis', '../infra/redis.js', 'node:fs', 'grammy']);
    expect(found.every((s) => FORBIDDEN.some((re) => re.test(s)))).toBe(true);
  });

  it.each(files)('%s imports nothing forbidden', (file) => {
    const bad = specifiers(readFileSync(join(DOMAIN, file), 'utf8')).filter((s) => FORBIDDEN.some((re) => re.test(s)));
    expect(bad).toEqual([]);
  });

  it.each(files)('%s never reads the clock (Date.now(), new Date())', (file) => {
    const code = readFileSync(join(DOMAIN, file), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
    expect(code).not.toMatch(/Date\.now\s*\(|new\s+Date\s*\(|DateTime\.(now|local)\s*\(|Settings\.now/);
  });
});
