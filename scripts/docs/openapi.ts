// Builds the HTTP server with the admin API on stand-in dependencies and returns the OpenAPI document it
// serves at /docs: docs/openapi.json is this, written by `npm run docs`.
import type { FastifyInstance } from 'fastify';
import { createMetrics } from '../../src/app/metrics.js';
import { registerAdminRoutes } from '../../src/http/admin.js';
import { createHttpServer } from '../../src/http/server.js';
import { silentLogger } from '../../src/ports/logger.js';

/** A server with every documented route registered; nothing behind it answers. */
export function documentedServer(): FastifyInstance {
  const app = createHttpServer({ logger: silentLogger, metrics: createMetrics() });
  const never = () => Promise.reject(new Error('documentation server'));
  registerAdminRoutes(app, {
    adminToken: 'documentation-only-token',
    linking: { issue: never, redeem: never } as never,
    accounts: { account: never },
    store: { load: never, list: never },
  });
  return app;
}

/** The OpenAPI document, as /docs serves it. */
export async function openApiDocument(): Promise<unknown> {
  const app = documentedServer();
  try {
    const res = await app.inject({ method: 'GET', url: '/docs' });
    if (res.statusCode !== 200) throw new Error(`/docs answered ${res.statusCode}: ${res.body}`);
    return res.json();
  } finally {
    await app.close();
  }
}
