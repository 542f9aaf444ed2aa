/**
 * Blind SPEC probe, sections 4 and 6, the HTTP form of the marketplace (MARKETPLACE_API_URL + MARKETPLACE_API_TOKEN)
 * against a stand-in written here from docs/marketplace.md alone (the SPEC's example data), with a path under the root.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, removeScratches, SPEC_MARKETPLACE, startBot, type Bot } from './process.js';

const ADMIN = 'spec-probe-admin-token-43';
const MKT_TOKEN = 'mkt-probe-token-9';
const data = JSON.parse(readFileSync(SPEC_MARKETPLACE, 'utf8'));
const seen: { method: string; path: string; headers: IncomingMessage['headers'] }[] = [];
let healthy = true;
let server: Server;
let bot: Bot;
let root = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    seen.push({ method: req.method ?? '', path: url.pathname + url.search, headers: req.headers });
    const send = (status: number, body?: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(body === undefined ? '' : JSON.stringify(body));
    };
    if (req.headers.authorization !== `Bearer ${MKT_TOKEN}`) return send(401, { error: { code: 'UNAUTHORIZED' } });
    const m = /^\/palabre\/v1\/(.*)$/.exec(url.pathname);
    if (!m) return send(404);
    const [kind, id] = m[1]!.split('/').map(decodeURIComponent);
    if (kind === 'health') return healthy ? send(200, { ok: true }) : send(503);
    const one = (list: any[]) => {
      const x = list.find((y) => y.id === id);
      return x ? send(200, x) : send(404, { error: { code: 'NOT_FOUND' } });
    };
    if (kind === 'accounts' && id) return one(data.accounts);
    if (kind === 'shops' && id) return one(data.shops);
    if (kind === 'shops') {
      const owner = url.searchParams.get('ownerId');
      const q = url.searchParams.get('q');
      return send(200, data.shops.filter((s: any) => (owner ? s.ownerId === owner : q ? s.name.toLowerCase().includes(q.toLowerCase()) : false)));
    }
    if (kind === 'orders' && id) return one(data.orders);
    if (kind === 'orders') return send(200, data.orders.filter((o: any) => o.buyerId === url.searchParams.get('buyerId')));
    return send(404, { error: { code: 'NOT_FOUND' } });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  root = `http://127.0.0.1:${(server.address() as AddressInfo).port}/palabre/v1`;
  bot = await startBot({ MARKETPLACE_API_URL: root, MARKETPLACE_API_TOKEN: MKT_TOKEN, ADMIN_TOKEN: ADMIN });
}, 90_000);
afterAll(async () => {
  await bot?.stop();
  server?.closeAllConnections();
  await new Promise((r) => server?.close(r));
  removeScratches();
});

describe('SPEC §6: MARKETPLACE_API_URL (the HTTP form)', () => {
  it('/readyz checks the marketplace with GET <root>/health, bearer token and Accept: application/json', async () => {
    const res = await call(bot.base, '/readyz');
    expect(res.status, res.text).toBe(200);
    expect(res.json.checks?.marketplace).toBe('ok');
    const health = seen.filter((r) => r.path === '/palabre/v1/health');
    expect(health.length).toBeGreaterThan(0);
    expect(health.at(-1)!.headers.authorization).toBe(`Bearer ${MKT_TOKEN}`);
    expect(health.at(-1)!.headers.accept).toMatch(/application\/json/);
  });

  it('/readyz answers 503 with "marketplace": "down" when the marketplace is down, 200 again after', async () => {
    healthy = false;
    const down = await call(bot.base, '/readyz');
    healthy = true;
    expect(down.status).toBe(503);
    expect(down.json.checks?.marketplace).toBe('down');
    expect((await call(bot.base, '/readyz')).status).toBe(200);
  });

  it('a link token for an account the marketplace knows is issued (GET <root>/accounts/<id>)', async () => {
    const res = await call(bot.base, '/admin/link-tokens', { token: ADMIN, body: { accountId: 'acc-amina' } });
    expect(res.status, res.text).toBe(200);
    expect(typeof res.json.token).toBe('string');
    expect(seen.some((r) => r.method === 'GET' && r.path === '/palabre/v1/accounts/acc-amina')).toBe(true);
  });

  it('a link token for an account the marketplace answers 404 for is refused with 404 ACCOUNT_NOT_FOUND', async () => {
    const res = await call(bot.base, '/admin/link-tokens', { token: ADMIN, body: { accountId: 'acc-ghost' } });
    expect(res.status, res.text).toBe(404);
    expect(res.json?.error?.code).toBe('ACCOUNT_NOT_FOUND');
  });

  it('path segments are percent-encoded', async () => {
    await call(bot.base, '/admin/link-tokens', { token: ADMIN, body: { accountId: 'acc/../x y' } });
    expect(seen.some((r) => r.path === '/palabre/v1/accounts/acc%2F..%2Fx%20y')).toBe(true);
  });
});
