import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli.js';
import { createLinking } from '../src/app/linking.js';
import { createRedisKv } from '../src/infra/kv.js';
import { systemClock } from '../src/ports/clock.js';
import { TEST_REDIS_URL, testRedis, type TestRedis } from './support/redis.js';

const SECRET = 'cli-test-link-secret-0123';

async function run(argv: string[], env: Record<string, string | undefined>) {
  let out = '';
  let err = '';
  const code = await runCli(argv, { env, out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

describe('npm run cli', () => {
  let r: TestRedis;
  let env: Record<string, string>;
  beforeAll(async () => {
    r = await testRedis();
    env = { REDIS_URL: TEST_REDIS_URL, REDIS_PREFIX: r.prefix, LINK_SECRET: SECRET };
  });
  afterAll(() => r.cleanup());

  it('link-token prints a token that the bot process accepts once', async () => {
    const { code, out } = await run(['link-token', 'acc-amina'], env);
    expect(code).toBe(0);
    const printed = JSON.parse(out);
    expect(printed.links).toEqual({
      telegram: `/start ${printed.token}`,
      discord: `/link token:${printed.token}`,
      teams: `link ${printed.token}`,
    });
    const bot = createLinking({ secret: SECRET, kv: createRedisKv(r.connect(), r.prefix), clock: systemClock });
    expect(await bot.consume(printed.token)).toBe('acc-amina');
    await expect(bot.consume(printed.token)).rejects.toMatchObject({ code: 'LINK_TOKEN_USED' });
  });

  it('refuses an account the marketplace does not have, storing nothing', async () => {
    const before = await r.redis.keys(`${r.prefix}*`);
    const { code, err } = await run(['link-token', 'acc-ghost'], env);
    expect(code).toBe(1);
    expect(err).toContain('acc-ghost');
    expect(await r.redis.keys(`${r.prefix}*`)).toEqual(before);
  });

  it('explains that the embedded mode cannot hand out tokens from a shell', async () => {
    const { code, out, err } = await run(['link-token', 'acc-amina'], {});
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toContain('REDIS_URL');
    expect(err).toContain('/admin/link-tokens');
  });

  it('embedded mode with ADMIN_TOKEN: asks the running bot (its admin API) for the token, which that bot then accepts', async () => {
    const { createHttpServer } = await import('../src/http/server.js');
    const { registerAdminRoutes } = await import('../src/http/admin.js');
    const { createMemoryKv } = await import('../src/infra/kv.js');
    const { createMemoryCaseStore } = await import('../src/infra/memory-case-store.js');
    const { createMetrics } = await import('../src/app/metrics.js');
    const { silentLogger } = await import('../src/ports/logger.js');
    const { createDemoMarketplace } = await import('../src/infra/demo-marketplace.js');
    const linking = createLinking({ secret: 'embedded-bot-secret-0123', kv: createMemoryKv(), clock: systemClock });
    const bot = createHttpServer({ logger: silentLogger, metrics: createMetrics() });
    registerAdminRoutes(bot, { adminToken: 'admin-token-0123456789', linking, accounts: createDemoMarketplace(new Date()), store: createMemoryCaseStore() });
    await bot.listen({ port: 0, host: '127.0.0.1' });
    const port = String((bot.server.address() as { port: number }).port);
    try {
      const asked = await run(['link-token', 'acc-joel'], { ADMIN_TOKEN: 'admin-token-0123456789', PORT: port });
      expect(asked.code).toBe(0);
      const printed = JSON.parse(asked.out);
      expect(printed).toMatchObject({ accountId: 'acc-joel', links: { discord: `/link token:${printed.token}` } });
      expect(await linking.consume(printed.token)).toBe('acc-joel');
      expect(await run(['link-token', 'acc-ghost'], { ADMIN_TOKEN: 'admin-token-0123456789', PORT: port })).toMatchObject({ code: 1, err: 'link-token: no account "acc-ghost" in the marketplace\n' });
      expect(await run(['link-token', 'acc-joel'], { ADMIN_TOKEN: 'wrong-token', PORT: port })).toMatchObject({ code: 1, err: expect.stringContaining('refused: 401') });
    } finally {
      await bot.close();
    }
    // No bot there: the explanation, as without ADMIN_TOKEN.
    const alone = await run(['link-token', 'acc-joel'], { ADMIN_TOKEN: 'admin-token-0123456789', PORT: port });
    expect(alone.code).toBe(1);
    expect(alone.err).toContain('REDIS_URL is not set');
  });

  it('names the bad variable when the configuration is wrong', async () => {
    const { code, err } = await run(['link-token', 'acc-amina'], { REDIS_URL: TEST_REDIS_URL });
    expect(code).toBe(1);
    expect(err).toMatch(/^LINK_SECRET: /);
  });

  it('prints help, and usage for unknown commands or missing arguments', async () => {
    expect(await run(['help'], {})).toMatchObject({ code: 0, out: expect.stringContaining('link-token <accountId>') });
    expect(await run(['frobnicate'], {})).toMatchObject({ code: 2, err: expect.stringContaining('unknown command: frobnicate') });
    expect((await run(['link-token'], env)).code).toBe(2);
  });
});
