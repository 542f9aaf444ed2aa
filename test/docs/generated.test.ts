import { readFileSync } from 'node:fs';
import SwaggerParser from '@apidevtools/swagger-parser';
import { describe, expect, it } from 'vitest';
import { generatedFiles } from '../../scripts/gen-docs.js';
import { variables } from '../../scripts/docs/config-page.js';
import { documentedServer } from '../../scripts/docs/openapi.js';
import { envSchema } from '../../src/config.js';
import { policyEnvSchema } from '../../src/domain/policy.js';
import { parseMarketplaceData } from '../../src/infra/file-marketplace.js';

const repo = new URL('../../', import.meta.url);
const read = (file: string) => readFileSync(new URL(file, repo), 'utf8');

describe('generated reference pages', () => {
  it('are what the schemas and routes generate today (run `npm run docs` after changing them)', async () => {
    for (const [file, text] of Object.entries(await generatedFiles())) {
      expect(read(file), `${file} is stale: run npm run docs`).toBe(text);
    }
  });

  it('document every environment variable with a description', () => {
    const page = read('docs/configuration.md');
    const names = [...Object.keys(envSchema.shape), ...Object.keys(policyEnvSchema.shape)];
    expect(names.length).toBeGreaterThan(30);
    for (const name of names) expect(page, name).toContain(`| \`${name}\` |`);
    const undocumented = variables().filter((v) => !v.description?.trim()).map((v) => v.name);
    expect(undocumented, 'add .describe() to these variables in the schema').toEqual([]);
  });

  it('show defaults and validations as the schema applies them', () => {
    const page = read('docs/configuration.md');
    expect(page).toContain('| `PORT` | `3978` | a whole number, from 0 to 65535 |');
    expect(page).toContain('| `POLICY_CASE_WINDOW` | `P100D` | a positive ISO-8601 duration |');
    expect(page).toMatch(/\| `DEFAULT_LOCALE` \| `fr` \| one of `fr`, `en`, `ln`, `sw` \|/);
    // SPEC names it; Palabre checks it and says it needs none (interactions arrive on the gateway).
    expect(page).toMatch(/\| `DISCORD_PUBLIC_KEY` \| \(unset\) \| 64 hexadecimal characters.* otherwise unused/);
  });
});

describe('the OpenAPI document (docs/openapi.json, served at /docs)', () => {
  it('is valid OpenAPI 3', async () => {
    const doc = JSON.parse(read('docs/openapi.json'));
    await expect(SwaggerParser.validate(doc)).resolves.toBeTruthy();
    expect(doc.openapi).toMatch(/^3\./);
  });

  it('is what the server serves at /docs, and lists every admin and probe route it has', async () => {
    const app = documentedServer();
    try {
      const res = await app.inject({ method: 'GET', url: '/docs' });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual(JSON.parse(read('docs/openapi.json')));
      const routes: string[] = [];
      const expected = [['POST', '/admin/link-tokens'], ['GET', '/admin/cases'], ['GET', '/admin/cases/:id'], ['GET', '/healthz'], ['GET', '/readyz'], ['GET', '/metrics']] as const;
      for (const [method, url] of expected) {
        expect(app.hasRoute({ method, url }), `${method} ${url}`).toBe(true);
        routes.push(url.replace(/:(\w+)/g, '{$1}'));
      }
      expect(Object.keys(res.json().paths).sort()).toEqual(routes.sort());
      expect(res.json().paths['/admin/cases'].get.security).toEqual([{ adminToken: [] }]);
    } finally {
      await app.close();
    }
  });
});

describe('the marketplace file format (docs/marketplace.md, docs/marketplace.schema.json)', () => {
  it('has an example in the page that Palabre accepts', () => {
    const page = read('docs/marketplace.md');
    const example = /<!-- file example -->\s*```json\n([\s\S]*?)```/.exec(page)?.[1];
    expect(example, 'the page must hold a ```json block after <!-- file example -->').toBeTruthy();
    const data = parseMarketplaceData(JSON.parse(example!));
    expect(data.orders.length).toBeGreaterThan(0);
  });

  it('lists in the JSON Schema every field the file schema requires of an order', () => {
    const schema = JSON.parse(read('docs/marketplace.schema.json'));
    const order = schema.properties.orders.items;
    expect(order.required).toEqual(expect.arrayContaining(['id', 'buyerId', 'shopId', 'items', 'total', 'payment', 'placedAt', 'shippingAddress']));
    expect(schema.required).toEqual(expect.arrayContaining(['accounts', 'shops', 'orders']));
  });
});
