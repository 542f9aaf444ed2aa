import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Logger } from '../ports/logger.js';
import {
  ERROR_CODES,
  IllegalStateError,
  NotFoundError,
  PalabreError,
  ValidationError,
  type ErrorCode,
} from '../domain/errors.js';
import type { Marketplace, RefundRecord } from '../ports/marketplace.js';
import { marketplaceSchemas as s } from './file-marketplace.js';

/** How to reach the marketplace's HTTP API (docs/marketplace-api.md). */
export interface HttpMarketplaceOptions {
  /** The API root (`MARKETPLACE_API_URL`), e.g. `https://api.congocrea.cd/palabre/v1`. */
  baseUrl: string;
  /** Sent as `Authorization: Bearer <token>` (`MARKETPLACE_API_TOKEN`); never logged. */
  token?: string | undefined;
  /** Limit of each attempt. Default 5 s. */
  timeoutMs?: number;
  logger: Logger;
  /** How long an account or shop answer is reused. Default 30 s; 0 turns the cache off. */
  cacheTtlMs?: number;
  /** Further attempts after a 5xx, a 429, a timeout or a network failure. Default 2. */
  retries?: number;
  /** First back-off delay, doubled at each attempt. Default 200 ms. */
  backoffMs?: number;
  /** Time source of the cache, in ms (tests). */
  now?: () => number;
}

/** The HTTP form of the marketplace, plus its readiness probe. */
export interface HttpMarketplace extends Marketplace {
  /** `GET /health` answers 2xx (one attempt): for `/readyz`. */
  ready(): Promise<void>;
}

/** Why a call to the marketplace API failed. */
export type MarketplaceFailure = 'timeout' | 'network' | 'status' | 'unauthorized' | 'malformed';

/** The marketplace API did not answer, or answered something outside docs/marketplace-api.md. */
export class MarketplaceApiError extends PalabreError {
  constructor(
    code: 'MARKETPLACE_UNAVAILABLE' | 'MARKETPLACE_BAD_RESPONSE',
    readonly failure: MarketplaceFailure,
    /** The URL called (it never holds the token). */
    readonly url: string,
    message: string,
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    super(code, message, {}, options);
  }
}

const refundSchema = z.object({
  id: s.text.optional(),
  orderId: s.text,
  amount: s.money,
  by: z.enum(['seller', 'support']),
  recover: z.boolean(),
  caseId: s.text.optional(),
  at: s.iso,
});
const refusalSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string().optional(),
    args: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  }),
});

interface Answer {
  status: number;
  url: string;
  body: unknown;
}
/** An attempt that got no usable answer, and whether another attempt may help. */
interface Failed {
  retryable: boolean;
  failure: MarketplaceFailure;
  status?: number;
  /** The marketplace's `Retry-After`, capped. */
  waitMs?: number;
  cause?: unknown;
}
interface CallOptions {
  body?: unknown;
  idempotencyKey?: string;
  retry?: boolean;
}

const RETRY_AFTER_CAP_MS = 5000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const enc = encodeURIComponent;

/** The marketplace over its HTTP API (SPEC section 4 `MARKETPLACE_API_URL`); routes in docs/marketplace-api.md. */
export function createHttpMarketplace(opts: HttpMarketplaceOptions): HttpMarketplace {
  const { logger, token } = opts;
  const base = opts.baseUrl.replace(/\/+$/, '');
  const timeoutMs = opts.timeoutMs ?? 5000;
  const retries = opts.retries ?? 2;
  const backoffMs = opts.backoffMs ?? 200;
  const cache = createTtlCache(opts.cacheTtlMs ?? 30_000, opts.now ?? Date.now);
  if (!token) logger.warn({ url: base }, 'MARKETPLACE_API_TOKEN is unset: marketplace API calls carry no bearer token');

  const fail = (code: 'MARKETPLACE_UNAVAILABLE' | 'MARKETPLACE_BAD_RESPONSE', failure: MarketplaceFailure, method: string, url: string, status?: number, cause?: unknown) => {
    const err = new MarketplaceApiError(code, failure, url, `marketplace API ${method} ${url}: ${failure}${status ? ` (HTTP ${status})` : ''}`, status, { cause });
    logger.error({ err, code, failure, method, url, status }, 'marketplace API call failed');
    return err;
  };

  /** One attempt: the status and JSON body, or why there is none. */
  async function attempt(method: string, url: string, o: CallOptions): Promise<Answer | Failed> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    if (o.body !== undefined) headers['content-type'] = 'application/json';
    if (o.idempotencyKey) headers['idempotency-key'] = o.idempotencyKey;
    try {
      const res = await fetch(url, { method, headers, body: o.body === undefined ? null : JSON.stringify(o.body), signal: AbortSignal.timeout(timeoutMs) });
      const text = await res.text();
      if (res.status >= 500 || res.status === 429) {
        const after = Number(res.headers.get('retry-after'));
        return { retryable: true, failure: 'status', status: res.status, ...(after > 0 && { waitMs: Math.min(after * 1000, RETRY_AFTER_CAP_MS) }) };
      }
      if (res.status === 401 || res.status === 403) return { retryable: false, failure: 'unauthorized', status: res.status };
      if (text.trim() === '') return { status: res.status, url, body: undefined };
      try {
        return { status: res.status, url, body: JSON.parse(text) as unknown };
      } catch (cause) {
        // A gateway's HTML 404 page still means "not found"; only a success must be JSON.
        if (!res.ok) return { status: res.status, url, body: undefined };
        return { retryable: false, failure: 'malformed', status: res.status, cause };
      }
    } catch (cause) {
      const timedOut = (cause as Error).name === 'TimeoutError' || (cause as Error).name === 'AbortError';
      return { retryable: true, failure: timedOut ? 'timeout' : 'network', cause };
    }
  }

  /** Calls the API; every call is idempotent (GETs, the keyed refund POST), so transient failures are retried with back-off. */
  async function call(method: string, path: string, o: CallOptions = {}): Promise<Answer> {
    const url = `${base}${path}`;
    const attempts = o.retry === false ? 1 : retries + 1;
    for (let n = 1; ; n++) {
      const r = await attempt(method, url, o);
      if ('url' in r) return r;
      if (!r.retryable || n >= attempts) {
        const code = r.failure === 'malformed' ? 'MARKETPLACE_BAD_RESPONSE' : 'MARKETPLACE_UNAVAILABLE';
        throw fail(code, r.failure, method, url, r.status, r.cause);
      }
      const delay = Math.max(backoffMs * 2 ** (n - 1) * (0.5 + Math.random() / 2), r.waitMs ?? 0);
      logger.warn({ method, url, status: r.status, failure: r.failure, attempt: n, delayMs: Math.round(delay) }, 'marketplace API call failed; retrying');
      await sleep(delay);
    }
  }

  /** A 2xx body checked against `schema`; a 404 is null; any other answer is an error. */
  async function get<T>(path: string, schema: z.ZodType<T>): Promise<T | null> {
    const a = await call('GET', path);
    if (a.status === 404) return null;
    return parse(a, 'GET', schema);
  }

  function parse<T>(a: Answer, method: string, schema: z.ZodType<T>): T {
    if (a.status < 200 || a.status >= 300) throw refusal(a, method);
    const parsed = schema.safeParse(a.body);
    if (parsed.success) return parsed.data;
    const issues = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    logger.error({ method, url: a.url, status: a.status, issues }, 'marketplace API answered an unexpected shape');
    throw new MarketplaceApiError('MARKETPLACE_BAD_RESPONSE', 'malformed', a.url, `marketplace API ${method} ${a.url}: ${issues.join('; ')}`, a.status);
  }

  /** A 4xx with `{ error: { code } }` naming a Palabre code becomes that error; anything else is a contract mismatch. */
  function refusal(a: Answer, method: string): PalabreError {
    const r = refusalSchema.safeParse(a.body);
    const code = r.success && (ERROR_CODES as readonly string[]).includes(r.data.error.code) ? (r.data.error.code as ErrorCode) : null;
    if (!r.success || !code) return fail('MARKETPLACE_BAD_RESPONSE', 'status', method, a.url, a.status);
    const Refusal = a.status === 404 ? NotFoundError : a.status === 409 ? IllegalStateError : ValidationError;
    logger.info({ method, url: a.url, status: a.status, code }, 'marketplace API refused');
    return new Refusal(code, r.data.error.message ?? code, r.data.error.args ?? {});
  }

  return {
    account: (id) => cache.get(`account:${id}`, () => get(`/accounts/${enc(id)}`, s.account)),
    // The playground's demo picker only makes sense with the demo data: a real marketplace is never listed.
    accounts: async () => [],
    shop: (id) => cache.get(`shop:${id}`, () => get(`/shops/${enc(id)}`, s.shop)),
    async searchShops(query) {
      // `GET /shops?q=` (docs/marketplace-api.md) matches names; an exact id is always tried first.
      const byId = await cache.get(`shop:${query}`, () => get(`/shops/${enc(query)}`, s.shop));
      if (byId) return [byId];
      return (await get(`/shops?q=${enc(query)}`, z.array(s.shop))) ?? [];
    },
    shopsOfOwner: (accountId) => cache.get(`owner:${accountId}`, async () => (await get(`/shops?ownerId=${enc(accountId)}`, z.array(s.shop))) ?? []),
    order: (id) => get(`/orders/${enc(id)}`, s.order),
    async ordersOfBuyer(accountId) {
      const orders = (await get(`/orders?buyerId=${enc(accountId)}`, z.array(s.order))) ?? [];
      // The contract says newest first; sorting again costs nothing and protects the order picker.
      return orders.sort((x, y) => Date.parse(y.placedAt) - Date.parse(x.placedAt));
    },
    async refund(record) {
      // The key makes the POST safe to retry: the marketplace records one refund per key.
      const id = record.id ?? randomUUID();
      const a = await call('POST', `/orders/${enc(record.orderId)}/refunds`, { body: { ...record, id }, idempotencyKey: id });
      if (a.status === 404) {
        throw new NotFoundError('ORDER_NOT_FOUND', `no order ${record.orderId}`, { orderId: record.orderId });
      }
      parse(a, 'POST', refundSchema);
    },
    async refunds(orderId) {
      return (await get(`/orders/${enc(orderId)}/refunds`, z.array(refundSchema))) ?? [];
    },
    tracking: (carrier, number) => get(`/tracking/${enc(carrier.trim().toLowerCase())}/${enc(number.replace(/[\s-]/g, '').toUpperCase())}`, s.tracking),
    async ready() {
      const a = await call('GET', '/health', { retry: false });
      if (a.status < 200 || a.status >= 300) throw fail('MARKETPLACE_UNAVAILABLE', 'status', 'GET', a.url, a.status);
    },
  };
}

/** A small TTL cache of found values (a miss is asked again next time); copies keep callers from editing it. */
function createTtlCache(ttlMs: number, now: () => number, max = 500) {
  const entries = new Map<string, { at: number; value: unknown }>();
  return {
    async get<T>(key: string, load: () => Promise<T>): Promise<T> {
      if (ttlMs <= 0) return load();
      const hit = entries.get(key);
      if (hit && now() - hit.at < ttlMs) return structuredClone(hit.value as T);
      const value = await load();
      entries.delete(key);
      if (value !== null) {
        if (entries.size >= max) entries.delete(entries.keys().next().value!);
        entries.set(key, { at: now(), value: structuredClone(value) });
      }
      return value;
    },
  };
}
