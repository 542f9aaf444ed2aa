import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLinking, deepLinks } from '../../src/app/linking.js';
import { createMemoryKv, createRedisKv } from '../../src/infra/kv.js';
import type { Clock } from '../../src/ports/clock.js';
import { testRedis, type TestRedis } from '../support/redis.js';

const SECRET = 'test-link-secret-0123456789';

function fakeClock(iso = '2026-10-21T08:00:00.000Z') {
  let t = Date.parse(iso);
  const clock: Clock = { now: () => new Date(t) };
  return { clock, advance: (ms: number) => void (t += ms) };
}

/** Flips one character of the token, keeping it in the base64url alphabet. */
function tamper(token: string, at: number): string {
  const c = token[at] === 'A' ? 'B' : 'A';
  return token.slice(0, at) + c + token.slice(at + 1);
}

describe('account-link tokens', () => {
  it('links once: the token gives its account, then is refused as used', async () => {
    const { clock } = fakeClock();
    const linking = createLinking({ secret: SECRET, kv: createMemoryKv(), clock });
    const { token, expiresAt } = await linking.issue('acc-amina');
    expect(token).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
    expect(expiresAt).toBe('2026-10-21T08:15:00.000Z');
    expect(await linking.consume(`  ${token}\n`)).toBe('acc-amina');
    await expect(linking.consume(token)).rejects.toMatchObject({ code: 'LINK_TOKEN_USED' });
  });

  it('refuses a token after its lifetime, and accepts it just before', async () => {
    const { clock, advance } = fakeClock();
    const kv = createMemoryKv();
    const linking = createLinking({ secret: SECRET, kv, clock, ttlMs: 60_000 });
    const late = await linking.issue('acc-amina');
    const inTime = await linking.issue('acc-bisou');
    advance(59_000);
    expect(await linking.consume(inTime.token)).toBe('acc-bisou');
    advance(1_000);
    await expect(linking.consume(late.token)).rejects.toMatchObject({ code: 'LINK_TOKEN_EXPIRED' });
  });

  it('refuses a token signed with another secret', async () => {
    const { clock } = fakeClock();
    const kv = createMemoryKv();
    const forger = createLinking({ secret: 'someone-elses-secret-xyz', kv, clock });
    const { token } = await forger.issue('acc-support-1');
    const linking = createLinking({ secret: SECRET, kv, clock });
    await expect(linking.consume(token)).rejects.toMatchObject({ code: 'LINK_TOKEN_INVALID' });
  });

  it('refuses a token with any character changed, and the real one still works afterwards', async () => {
    const { clock } = fakeClock();
    const linking = createLinking({ secret: SECRET, kv: createMemoryKv(), clock });
    const { token } = await linking.issue('acc-amina');
    for (const at of [0, 5, 12, 13, 20, token.length - 1]) {
      await expect(linking.consume(tamper(token, at))).rejects.toMatchObject({ code: 'LINK_TOKEN_INVALID' });
    }
    expect(await linking.consume(token)).toBe('acc-amina');
  });

  it('refuses malformed input as invalid', async () => {
    const { clock } = fakeClock();
    const linking = createLinking({ secret: SECRET, kv: createMemoryKv(), clock });
    const { token } = await linking.issue('acc-amina');
    for (const bad of ['', 'hello', `${token}A`, token.slice(1), `${token.slice(0, -1)}=`, `${token.slice(0, -1)}/`, 'x'.repeat(5000)]) {
      await expect(linking.consume(bad)).rejects.toMatchObject({ code: 'LINK_TOKEN_INVALID' });
    }
  });

  it('gives the deep links of SPEC section 5', () => {
    expect(deepLinks('tok_1-A', { telegramBotUsername: '@PalabreBot' })).toEqual({
      telegram: 'https://t.me/PalabreBot?start=tok_1-A',
      discord: '/link token:tok_1-A',
      teams: 'link tok_1-A',
    });
    expect(deepLinks('tok').telegram).toBe('/start tok');
  });
});

describe('account-link tokens across processes (Redis)', () => {
  let r: TestRedis;
  beforeAll(async () => {
    r = await testRedis();
  });
  afterAll(() => r.cleanup());

  it('a token issued by one process (the CLI) is accepted by another (the bot)', async () => {
    const { clock } = fakeClock();
    const cli = createLinking({ secret: SECRET, kv: createRedisKv(r.connect(), r.prefix), clock });
    const bot = createLinking({ secret: SECRET, kv: createRedisKv(r.connect(), r.prefix), clock });
    const { token } = await cli.issue('acc-bisou');
    expect(await bot.consume(token)).toBe('acc-bisou');
    await expect(cli.consume(token)).rejects.toMatchObject({ code: 'LINK_TOKEN_USED' });
  });

  it('two processes racing on the same token: exactly one links', async () => {
    const { clock } = fakeClock();
    const issuer = createLinking({ secret: SECRET, kv: createRedisKv(r.redis, r.prefix), clock });
    const procs = [r.connect(), r.connect()].map((c) => createLinking({ secret: SECRET, kv: createRedisKv(c, r.prefix), clock }));
    for (let round = 0; round < 10; round++) {
      const { token } = await issuer.issue(`acc-${round}`);
      const results = await Promise.allSettled(Array.from({ length: 6 }, (_, i) => procs[i % 2]!.consume(token)));
      const ok = results.filter((x) => x.status === 'fulfilled');
      expect(ok).toEqual([{ status: 'fulfilled', value: `acc-${round}` }]);
      for (const x of results) if (x.status === 'rejected') expect(x.reason).toMatchObject({ code: 'LINK_TOKEN_USED' });
    }
  });
});
