import { afterEach, describe, expect, it } from 'vitest';
import { startPlayground } from './harness.js';

const TOKEN = 'playground-token-0123456789';
type Playground = Awaited<ReturnType<typeof startPlayground>>;
let pg: Playground | null = null;
afterEach(async () => {
  await pg?.close();
  pg = null;
});

describe('web playground behind PLAYGROUND_TOKEN', () => {
  it('refuses the page and every route without the token, and changes nothing', async () => {
    pg = await startPlayground({ accessToken: TOKEN });
    const { base, engine } = pg;
    for (const path of ['/', '/playground/app.js', '/playground/accounts', '/playground/cases', '/playground/events?pane=x']) {
      const res = await fetch(base + path);
      expect(res.status, path).toBe(401);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('UNAUTHORIZED');
    }
    const pick = await fetch(`${base}/playground/panes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ role: 'buyer', accountId: 'acc-amina', lang: 'fr' }),
    });
    expect(pick.status).toBe(401);
    const wrong = await fetch(`${base}/playground/accounts`, { headers: { authorization: 'Bearer not-the-token-at-all' } });
    expect(wrong.status).toBe(401);
    expect(engine.inputs).toEqual([]);
    // The probes stay open: a load balancer does not know the token.
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });

  it('lets in a visitor who opens /?token= once (a cookie carries it afterwards), or a bearer token', async () => {
    pg = await startPlayground({ accessToken: TOKEN });
    const { base } = pg;
    const first = await fetch(`${base}/?token=${TOKEN}`);
    expect(first.status).toBe(200);
    const cookie = first.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^palabre_playground=.*HttpOnly; SameSite=Strict/);
    const next = await fetch(`${base}/playground/accounts`, { headers: { cookie: cookie.split(';')[0]! } });
    expect(next.status).toBe(200);
    expect(JSON.stringify(await next.json())).toContain('Amina K.');
    const bearer = await fetch(`${base}/playground/accounts`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(bearer.status).toBe(200);
  });

  it('is open without a token only when none is configured (the embedded mode on the loopback)', async () => {
    pg = await startPlayground();
    expect((await fetch(`${pg.base}/playground/accounts`)).status).toBe(200);
  });
});
