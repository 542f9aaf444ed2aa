import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { composePalabre } from '../../src/compose.js';
import { ConfigError, loadConfig } from '../../src/config.js';
import { createHttpMarketplace, type HttpMarketplaceOptions } from '../../src/infra/http-marketplace.js';
import type { RefundRecord } from '../../src/ports/marketplace.js';
import { startMarketplaceStandin, type MarketplaceStandin } from '../support/marketplace-standin.js';

let standin: MarketplaceStandin;
let logs: string[];

beforeEach(async () => {
  standin = await startMarketplaceStandin();
  logs = [];
});
afterEach(async () => {
  await standin.close();
});

function client(over: Partial<HttpMarketplaceOptions> = {}) {
  const logger = pino({ level: 'debug' }, { write: (line: string) => void logs.push(line) });
  return createHttpMarketplace({ baseUrl: `${standin.url}/`, token: standin.token, logger, backoffMs: 5, ...over });
}

const refund = (over: Partial<RefundRecord> = {}): RefundRecord => ({
  id: 'C-000001-2',
  orderId: 'CC-1001',
  amount: { amount: 1_000_000, currency: 'CDF' },
  by: 'seller',
  recover: false,
  caseId: 'C-000001',
  at: '2026-11-02T10:00:00.000Z',
  ...over,
});

describe('HTTP marketplace: reads', () => {
  it('reads accounts, shops, orders and tracking with the bearer token', async () => {
    const m = client();
    expect(await m.account('acc-amina')).toMatchObject({ name: 'Amina K.', roles: ['buyer'], timezone: 'Africa/Kinshasa' });
    expect(await m.shop('shop-lumiere')).toMatchObject({ country: 'FR', policies: { refunds: false } });
    expect((await m.shopsOfOwner('acc-bisou')).map((s) => s.id)).toEqual(['shop-bisou']);
    expect(await m.order('CC-1001')).toMatchObject({ buyerId: 'acc-amina', total: { amount: 5_000_000, currency: 'CDF' } });
    expect((await m.ordersOfBuyer('acc-joel')).map((o) => o.id)).toEqual(['CC-1006', 'CC-1007']);
    expect((await m.tracking('DHL', 'jd 0142'))?.events.at(-1)).toMatchObject({ status: 'delivered', city: 'Kinshasa' });

    expect(standin.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /accounts/acc-amina',
      'GET /shops/shop-lumiere',
      'GET /shops?ownerId=acc-bisou',
      'GET /orders/CC-1001',
      'GET /orders?buyerId=acc-joel',
      'GET /tracking/dhl/JD0142',
    ]);
    for (const r of standin.requests) expect(r.headers.authorization).toBe(`Bearer ${standin.token}`);
  });

  it('reads a 404 as "no such thing"', async () => {
    const m = client();
    expect(await m.account('acc-nobody')).toBeNull();
    expect(await m.shop('shop-nowhere')).toBeNull();
    expect(await m.order('CC-404')).toBeNull();
    expect(await m.tracking('dhl', 'NOPE')).toBeNull();
    expect(await m.refunds('CC-404')).toEqual([]);
    expect(await m.ordersOfBuyer('acc-nobody')).toEqual([]);
    standin.answer('/orders/CC-1001', 404, '<html><body>Not Found</body></html>');
    expect(await m.order('CC-1001')).toBeNull();
  });

  it('lists no account: the playground picker stays off with a real marketplace', async () => {
    expect(await client().accounts()).toEqual([]);
    expect(standin.requests).toHaveLength(0);
  });

  it('encodes ids in paths', async () => {
    expect(await client().order('CC/1001?x')).toBeNull();
    expect(standin.requests[0]?.path).toBe('/orders/CC%2F1001%3Fx');
  });
});

describe('HTTP marketplace: failures', () => {
  it('retries a 5xx and answers once the marketplace recovers', async () => {
    standin.fail('/orders/CC-1001', 503, 2);
    expect((await client().order('CC-1001'))?.id).toBe('CC-1001');
    expect(standin.requestsTo('/orders/CC-1001')).toHaveLength(3);
  });

  it('gives up after the retries with MARKETPLACE_UNAVAILABLE', async () => {
    standin.fail('/orders/CC-1001', 502, 5);
    await expect(client({ retries: 1 }).order('CC-1001')).rejects.toMatchObject({ code: 'MARKETPLACE_UNAVAILABLE', failure: 'status', status: 502 });
    expect(standin.requestsTo('/orders/CC-1001')).toHaveLength(2);
  });

  it('refuses malformed JSON with a clear error, logged with the URL and never the token', async () => {
    standin.answer('/orders/CC-1001', 200, '{"id": "CC-1001", "buyerId": ');
    const err = await client().order('CC-1001').catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'MARKETPLACE_BAD_RESPONSE', failure: 'malformed', url: `${standin.url}/orders/CC-1001` });
    expect(standin.requestsTo('/orders/CC-1001')).toHaveLength(1);
    const log = logs.join('\n');
    expect(log).toContain(`${standin.url}/orders/CC-1001`);
    expect(log).not.toContain(standin.token);
  });

  it('refuses an answer of the wrong shape, naming the field', async () => {
    standin.answer('/accounts/acc-amina', 200, JSON.stringify({ id: 'acc-amina', name: 'Amina K.', roles: ['queen'] }));
    const bad = await client().account('acc-amina').catch((e: Error) => e);
    expect(bad).toMatchObject({ code: 'MARKETPLACE_BAD_RESPONSE', failure: 'malformed' });
    expect((bad as Error).message).toMatch(/roles/);
    await expect(client().account('acc-amina')).resolves.toMatchObject({ name: 'Amina K.' });
    const { placedAt: _, ...undated } = (await client().order('CC-1001'))!;
    standin.answer('/orders/CC-1001', 200, JSON.stringify(undated));
    const err = await client().order('CC-1001').catch((e: Error) => e);
    expect(err).toMatchObject({ code: 'MARKETPLACE_BAD_RESPONSE' });
    expect((err as Error).message).toMatch(/placedAt/);
    expect(logs.join('\n')).not.toContain(standin.token);
  });

  it('does not retry a wrong token', async () => {
    await expect(client({ token: 'wrong' }).order('CC-1001')).rejects.toMatchObject({ code: 'MARKETPLACE_UNAVAILABLE', failure: 'unauthorized', status: 401 });
    expect(standin.requests).toHaveLength(1);
    expect(logs.join('\n')).not.toContain('wrong');
  });

  it('gives up on a marketplace that does not answer in time', async () => {
    standin.hang('/orders/CC-1001', 2);
    await expect(client({ timeoutMs: 100, retries: 1 }).order('CC-1001')).rejects.toMatchObject({ code: 'MARKETPLACE_UNAVAILABLE', failure: 'timeout' });
    expect(standin.requestsTo('/orders/CC-1001')).toHaveLength(2);
  });

  it('says so when nothing listens', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((r) => closed.close(() => r()));
    await expect(client({ baseUrl: `http://127.0.0.1:${port}`, retries: 1 }).shop('shop-bisou')).rejects.toMatchObject({
      code: 'MARKETPLACE_UNAVAILABLE',
      failure: 'network',
    });
  });
});

describe('HTTP marketplace: refunds', () => {
  it('sends the refund with its id as Idempotency-Key and lists it back', async () => {
    const m = client();
    await m.refund(refund());
    const post = standin.requestsTo('/orders/CC-1001/refunds').find((r) => r.method === 'POST');
    expect(post?.headers['idempotency-key']).toBe('C-000001-2');
    expect(post?.body).toMatchObject({ id: 'C-000001-2', amount: { amount: 1_000_000, currency: 'CDF' }, by: 'seller' });
    expect(await m.refunds('CC-1001')).toEqual([refund()]);
  });

  it('retries a refund whose answer got lost without refunding twice', async () => {
    standin.fail('/orders/CC-1001/refunds', 503, 1, true);
    const m = client();
    await m.refund(refund());
    await m.refund(refund());
    expect(standin.requestsTo('/orders/CC-1001/refunds').filter((r) => r.method === 'POST')).toHaveLength(3);
    expect(await m.refunds('CC-1001')).toEqual([refund()]);
  });

  it('keeps one key across the retries of a refund that came without an id', async () => {
    standin.fail('/orders/CC-1001/refunds', 500, 1, true);
    const m = client();
    await m.refund(refund({ id: undefined }));
    const keys = standin.requestsTo('/orders/CC-1001/refunds').map((r) => r.headers['idempotency-key']);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toBe(keys[1]);
    expect(await m.refunds('CC-1001')).toHaveLength(1);
  });

  it('passes on the marketplace refusals with their code', async () => {
    const m = client();
    await expect(m.refund(refund({ amount: { amount: 5_000_001, currency: 'CDF' } }))).rejects.toMatchObject({
      code: 'REFUND_TOO_LARGE',
      args: { max: 5_000_000, currency: 'CDF' },
    });
    await expect(m.refund(refund({ orderId: 'CC-404' }))).rejects.toMatchObject({ code: 'ORDER_NOT_FOUND' });
    expect(await m.refunds('CC-1001')).toEqual([]);
  });
});

describe('HTTP marketplace: cache and readiness', () => {
  it('reuses accounts and shops for the TTL, never orders or a miss', async () => {
    let now = 1_000_000;
    const m = client({ cacheTtlMs: 30_000, now: () => now });
    await m.account('acc-amina');
    (await m.shop('shop-bisou'))!.name = 'changed by a caller';
    expect((await m.shop('shop-bisou'))?.name).toBe('Bisou Créations');
    await m.account('acc-amina');
    await m.account('acc-nobody');
    await m.account('acc-nobody');
    await m.order('CC-1001');
    await m.order('CC-1001');
    expect(standin.requestsTo('/accounts/acc-amina')).toHaveLength(1);
    expect(standin.requestsTo('/shops/shop-bisou')).toHaveLength(1);
    expect(standin.requestsTo('/accounts/acc-nobody')).toHaveLength(2);
    expect(standin.requestsTo('/orders/CC-1001')).toHaveLength(2);
    now += 30_000;
    await m.account('acc-amina');
    expect(standin.requestsTo('/accounts/acc-amina')).toHaveLength(2);
  });

  it('is ready when GET /health answers, without retrying', async () => {
    const m = client();
    await expect(m.ready()).resolves.toBeUndefined();
    standin.setHealthy(false);
    await expect(m.ready()).rejects.toMatchObject({ code: 'MARKETPLACE_UNAVAILABLE' });
    expect(standin.requestsTo('/health')).toHaveLength(2);
  });
});

describe('HTTP marketplace: configuration and wiring', () => {
  it('refuses MARKETPLACE_API_URL together with MARKETPLACE_DATA, in one line naming both', () => {
    const both = () => loadConfig({ MARKETPLACE_API_URL: standin.url, MARKETPLACE_DATA: 'shop.json' });
    expect(both).toThrow(ConfigError);
    expect(both).toThrow(/^MARKETPLACE_API_URL: .*MARKETPLACE_DATA[^\n]*$/);
  });

  it('is the marketplace when MARKETPLACE_API_URL is set, and /readyz checks it', async () => {
    const config = loadConfig({ MARKETPLACE_API_URL: standin.url, MARKETPLACE_API_TOKEN: standin.token, LOG_LEVEL: 'silent' });
    const palabre = await composePalabre({ config });
    try {
      expect((await palabre.marketplace.order('CC-1002'))?.id).toBe('CC-1002');
      expect(standin.requestsTo('/orders/CC-1002')).toHaveLength(1);

      const ready = await palabre.http.inject({ method: 'GET', url: '/readyz' });
      expect(ready.statusCode).toBe(200);
      expect(ready.json()).toMatchObject({ checks: { marketplace: 'ok' } });

      standin.setHealthy(false);
      const down = await palabre.http.inject({ method: 'GET', url: '/readyz' });
      expect(down.statusCode).toBe(503);
      expect(down.json()).toMatchObject({ status: 'unavailable', checks: { marketplace: 'down' } });
    } finally {
      await palabre.close();
    }
  });

  it('adds no marketplace check with the demo marketplace', async () => {
    const palabre = await composePalabre({ config: loadConfig({ LOG_LEVEL: 'silent' }) });
    try {
      const ready = await palabre.http.inject({ method: 'GET', url: '/readyz' });
      expect(Object.keys(ready.json().checks)).not.toContain('marketplace');
    } finally {
      await palabre.close();
    }
  });
});
