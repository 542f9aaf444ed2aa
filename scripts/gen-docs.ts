// Writes the generated reference pages: `npm run docs` (or `npm run docs -- --check` to fail when one is stale).
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { configurationPage } from './docs/config-page.js';
import { marketplaceJsonSchema } from './docs/marketplace-schema.js';
import { openApiDocument } from './docs/openapi.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const json = (v: unknown) => `${JSON.stringify(v, null, 2)}\n`;

/** Each generated file, relative to the repository, with the text it must hold. */
export async function generatedFiles(): Promise<Record<string, string>> {
  return {
    'docs/configuration.md': configurationPage(),
    'docs/openapi.json': json(await openApiDocument()),
    'docs/marketplace.schema.json': json(marketplaceJsonSchema()),
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const check = process.argv.includes('--check');
  let stale = 0;
  for (const [file, text] of Object.entries(await generatedFiles())) {
    const path = `${root}${file}`;
    let current: string | null = null;
    try {
      current = readFileSync(path, 'utf8');
    } catch {
      current = null;
    }
    if (current === text) continue;
    if (check) {
      stale += 1;
      process.stderr.write(`${file} is stale: run npm run docs\n`);
    } else {
      writeFileSync(path, text);
      process.stdout.write(`wrote ${file}\n`);
    }
  }
  process.exit(stale ? 1 : 0);
}
