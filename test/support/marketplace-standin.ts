import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isPalabreError } from '../../src/domain/errors.js';
import { demoMarketplaceData } from '../../src/infra/demo-marketplace.js';
import { createDataMarketplace } from '../../src/infra/file-marketplace.js';
import type { RefundRecord } from '../../src/ports/marketplace.js';

/** One request the stand-in received, in order. */
export interface MarketplaceRequest {
  method: string;
  /** Path below the API root, with its query. */
  path: string;
  headers: IncomingMessage['headers'];
  body: unknown;
}

/** What to do to the next requests of a path instead of (or after) answering it. */
type Trouble =
  | { kind: 'status'; status: number; body?: string; afterHandling?: boolean }
  | { kind: 'raw'; status: number; body: string }
  | { kind: 'hang'; afterHandling?: boolean };

/**
 * A stand-in of the marketplace API of docs/marketplace-api.md on 127.0.0.1, under `/api`, serving the
 * demo data. It refuses calls without the bearer token, keeps refunds by `Idempotency-Key`, and can be
 * told to fail, hang or answer garbage on a path.
 */
export async function startMarketplaceStandin(opts: { token?: string; now?: Date } = {}) {
  const token = opts.token ?? 'mkt-secret-token';
  const data = createDataMarketplace(demoMarketplaceData(opts.now ?? new Date('2026-11-02T10:00:00Z')));
  const requests: MarketplaceRequest[] = [];
  const troubles = new Map<string, Trouble[]>();
  const refundsByKey = new Map<string, RefundRecord>();
  let healthy = true;

  const send = (res: ServerResponse, status: number, body?: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(body === undefined ? '' : JSON.stringify(body));
  };
  const found = (res: ServerResponse, x: unknown) => (x === null ? send(res, 404, { error: { code: 'NOT_FOUND' } }) : send(res, 200, x));

  async function route(method: string, url: URL, body: unknown, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const parts = url.pathname.replace(/^\/api/, '').split('/').filter(Boolean).map(decodeURIComponent);
    const q = (name: string) => url.searchParams.get(name) ?? '';
    const [collection, id, sub, extra] = parts;
    if (method === 'GET' && collection === 'health') return healthy ? send(res, 200, { status: 'ok' }) : send(res, 503);
    if (method === 'GET' && collection === 'accounts' && id) return found(res, await data.account(id));
    if (method === 'GET' && collection === 'shops' && id) return found(res, await data.shop(id));
    if (method === 'GET' && collection === 'shops') return send(res, 200, q('q') ? await data.searchShops(q('q')) : await data.shopsOfOwner(q('ownerId')));
    if (method === 'GET' && collection === 'orders' && !id) return send(res, 200, await data.ordersOfBuyer(q('buyerId')));
    if (collection === 'orders' && id && sub === 'refunds') {
      if (!(await data.order(id))) return send(res, 404, { error: { code: 'ORDER_NOT_FOUND' } });
      if (method === 'GET') return send(res, 200, await data.refunds(id));
      return refund(id, body as RefundRecord, req, res);
    }
    if (method === 'GET' && collection === 'orders' && id) return found(res, await data.order(id));
    if (method === 'GET' && collection === 'tracking' && id && sub && !extra) return found(res, await data.tracking(id, sub));
    return send(res, 404, { error: { code: 'NOT_FOUND' } });
  }

  async function refund(orderId: string, record: RefundRecord, req: IncomingMessage, res: ServerResponse) {
    const key = req.headers['idempotency-key'];
    if (typeof key !== 'string' || key !== record.id) return send(res, 400, { error: { code: 'VALIDATION', message: 'Idempotency-Key must equal the body id' } });
    const known = refundsByKey.get(key);
    if (known) return send(res, 200, known);
    try {
      await data.refund({ ...record, orderId });
    } catch (err) {
      if (!isPalabreError(err)) throw err;
      const status = err.code === 'REFUND_TOO_LARGE' ? 409 : 422;
      return send(res, status, { error: { code: err.code, message: err.message, args: err.args } });
    }
    refundsByKey.set(key, record);
    return send(res, 201, record);
  }

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://standin');
      const text = Buffer.concat(chunks).toString('utf8');
      const body: unknown = text ? JSON.parse(text) : undefined;
      const path = `${url.pathname.replace(/^\/api/, '')}${url.search}`;
      requests.push({ method: req.method ?? 'GET', path, headers: req.headers, body });
      if (req.headers.authorization !== `Bearer ${token}`) return send(res, 401, { error: { code: 'UNAUTHORIZED' } });
      const trouble = troubles.get(url.pathname.replace(/^\/api/, ''))?.shift();
      if (trouble?.kind === 'hang' && !trouble.afterHandling) return;
      if (trouble?.kind === 'raw') return void res.writeHead(trouble.status, { 'content-type': 'application/json' }).end(trouble.body);
      if (trouble?.kind === 'status' && !trouble.afterHandling) return void res.writeHead(trouble.status).end(trouble.body ?? '');
      // A lost answer: the work is done, the caller sees a failure.
      const out = trouble?.kind === 'status' ? lost(res, trouble.status) : trouble?.kind === 'hang' ? unanswered : res;
      route(req.method ?? 'GET', url, body, req, out).catch((err: unknown) => send(res, 500, { error: { code: 'INTERNAL', message: String(err) } }));
    });
  });
  /** A response the handler writes to, while the caller waits for good. */
  const unanswered = { writeHead: () => undefined, end: () => undefined } as unknown as ServerResponse;
  /** A response the handler writes to, while the caller receives `status` instead. */
  const lost = (res: ServerResponse, status: number) =>
    ({ writeHead: () => res.writeHead(status), end: () => res.end() }) as unknown as ServerResponse;

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const add = (path: string, t: Trouble, times: number) => troubles.set(path, [...(troubles.get(path) ?? []), ...Array.from({ length: times }, () => t)]);

  return {
    /** The API root to give Palabre (`MARKETPLACE_API_URL`). */
    url: `http://127.0.0.1:${port}/api`,
    token,
    requests,
    /** Requests to `path` (below the root, query included). */
    requestsTo: (path: string) => requests.filter((r) => r.path === path),
    /** The next `times` requests to `path` answer `status`; with `afterHandling`, the work is done first (a lost answer). */
    fail(path: string, status: number, times = 1, afterHandling = false) {
      add(path, { kind: 'status', status, afterHandling }, times);
    },
    /** The next request to `path` answers this body as JSON. */
    answer(path: string, status: number, body: string) {
      add(path, { kind: 'raw', status, body }, 1);
    },
    /** The next request to `path` never gets an answer; with `afterHandling`, the work is done first. */
    hang(path: string, times = 1, afterHandling = false) {
      add(path, { kind: 'hang', afterHandling }, times);
    },
    /** Makes `GET /health` answer 503 (false) or 200 (true). */
    setHealthy(ok: boolean) {
      healthy = ok;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type MarketplaceStandin = Awaited<ReturnType<typeof startMarketplaceStandin>>;
