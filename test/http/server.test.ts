import net from 'node:net';
import http from 'node:http';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { pino } from 'pino';
import { silentLogger } from '../../src/ports/logger.js';
import { createMetrics } from '../../src/app/metrics.js';
import { NotFoundError, ValidationError } from '../../src/domain/errors.js';
import { casesCounter, createHttpServer } from '../../src/http/server.js';
import type { Case } from '../../src/domain/case-model.js';
import type { CaseFilter } from '../../src/ports/case-store.js';
import { testRedis, type TestRedis } from '../support/redis.js';

/** A loopback port nothing listens on. */
function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

function server(over: Partial<Parameters<typeof createHttpServer>[0]> = {}) {
  const app = createHttpServer({ logger: silentLogger, metrics: createMetrics(), ...over });
  // Routes as an adapter would add them.
  let received: unknown[] = [];
  app.post('/hook', async (req) => {
    received.push(req.body);
    return { ok: true };
  });
  app.get('/boom', async () => {
    throw new Error('ECONNRESET at /srv/palabre/secret.ts:12 password=hunter2');
  });
  app.get('/missing', async () => {
    throw new NotFoundError('CASE_NOT_FOUND', 'no case C-000999');
  });
  app.get('/refused', async () => {
    throw new ValidationError('TEXT_TOO_LONG', 'text too long');
  });
  app.get('/zod', async (req) => z.object({ n: z.coerce.number().int() }).parse(req.query));
  return { app, received: () => received, reset: () => (received = []) };
}

describe('health and readiness', () => {
  let r: TestRedis;
  beforeAll(async () => {
    r = await testRedis();
  });
  afterAll(() => r.cleanup());

  it('/healthz answers while the process is up', async () => {
    const res = await server().app.inject({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('/readyz is ready in the embedded mode and with a Redis that answers', async () => {
    expect((await server().app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
    const res = await server({ redis: r.redis }).app.inject({ method: 'GET', url: '/readyz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', checks: { redis: 'ok' } });
  });

  it('/readyz answers 503 when Redis is unreachable', async () => {
    const port = await closedPort();
    const dead = new Redis(`redis://127.0.0.1:${port}`, { lazyConnect: true, maxRetriesPerRequest: 1, retryStrategy: () => 200 });
    dead.on('error', () => {}); // refused connections are the point here
    try {
      const res = await server({ redis: dead, readyTimeoutMs: 500 }).app.inject({ method: 'GET', url: '/readyz' });
      expect(res.statusCode).toBe(503);
      expect(res.json()).toEqual({ status: 'unavailable', checks: { redis: 'down' } });
    } finally {
      dead.disconnect();
    }
  });

  it('/readyz answers 503 when another check fails or hangs', async () => {
    const res = await server({ checks: { marketplace: () => new Promise(() => {}), other: async () => 1 }, readyTimeoutMs: 100 }).app.inject({
      method: 'GET',
      url: '/readyz',
    });
    expect(res.statusCode).toBe(503);
    expect(res.json().checks).toEqual({ marketplace: 'down', other: 'ok' });
  });
});

describe('/metrics', () => {
  it('serves the palabre_ metrics with cases counted by status at scrape time', async () => {
    let open = 3;
    const { app } = server({ countCases: async () => ({ open, escalated: 1 }) });
    const first = await app.inject({ method: 'GET', url: '/metrics' });
    expect(first.statusCode).toBe(200);
    expect(first.headers['content-type']).toMatch(/^text\/plain/);
    expect(first.body).toContain('palabre_turns_total');
    expect(first.body).toContain('palabre_cases{status="open"} 3');
    expect(first.body).toContain('palabre_cases{status="escalated"} 1');
    expect(first.body).toContain('palabre_cases{status="closed"} 0');
    open = 5;
    expect((await app.inject({ method: 'GET', url: '/metrics' })).body).toContain('palabre_cases{status="open"} 5');
  });

  it('still serves metrics when counting cases fails', async () => {
    const res = await server({ countCases: async () => Promise.reject(new Error('redis down')) }).app.inject({ method: 'GET', url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('palabre_process_cpu');
  });
});

describe('errors', () => {
  it('unknown routes get 404 in the JSON error shape', async () => {
    const res = await server().app.inject({ method: 'GET', url: '/nope?x=1' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: { code: 'NOT_FOUND', message: 'no route for GET /nope' } });
  });

  it('malformed JSON gets 400 and reaches no handler', async () => {
    const s = server();
    const res = await s.app.inject({ method: 'POST', url: '/hook', headers: { 'content-type': 'application/json' }, payload: '{"accountId": ' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION');
    expect(s.received()).toEqual([]);
  });

  it('a body over the limit gets 413 and reaches no handler', async () => {
    const s = server({ bodyLimit: 1024 });
    const res = await s.app.inject({
      method: 'POST',
      url: '/hook',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ text: 'x'.repeat(2048) }),
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('INPUT_TOO_LARGE');
    expect(s.received()).toEqual([]);
  });

  it('the default limit is 1 MiB', async () => {
    const s = server();
    const ok = await s.app.inject({ method: 'POST', url: '/hook', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ t: 'x'.repeat(900_000) }) });
    expect(ok.statusCode).toBe(200);
    const big = await s.app.inject({ method: 'POST', url: '/hook', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ t: 'x'.repeat(1_100_000) }) });
    expect(big.statusCode).toBe(413);
  });

  it('an unsupported content type gets 415', async () => {
    const res = await server().app.inject({ method: 'POST', url: '/hook', headers: { 'content-type': 'application/xml' }, payload: '<a/>' });
    expect(res.statusCode).toBe(415);
    expect(res.json().error.code).toBe('UNSUPPORTED_MEDIA');
  });

  it('domain errors keep their code and get a fitting status', async () => {
    const { app } = server();
    const nf = await app.inject({ method: 'GET', url: '/missing' });
    expect(nf.statusCode).toBe(404);
    expect(nf.json()).toEqual({ error: { code: 'CASE_NOT_FOUND', message: 'no case C-000999' } });
    const bad = await app.inject({ method: 'GET', url: '/refused' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('TEXT_TOO_LONG');
    const zod = await app.inject({ method: 'GET', url: '/zod?n=abc' });
    expect(zod.statusCode).toBe(400);
    expect(zod.json().error.code).toBe('VALIDATION');
  });

  it('an unexpected failure gets 500 without stack, path or detail', async () => {
    const res = await server().app.inject({ method: 'GET', url: '/boom' });
    expect(res.statusCode).toBe(500);
    expect(res.json()).toEqual({ error: { code: 'INTERNAL', message: 'internal error' } });
    expect(res.body).not.toMatch(/hunter2|secret\.ts|at /);
  });
});

describe('casesCounter', () => {
  it('counts a store by status and serves the count to /metrics', async () => {
    const listed: CaseFilter[] = [];
    const spy = { list: async (f: CaseFilter) => (listed.push(f), [{}, {}].slice(0, f.status === 'open' ? 2 : 0)) as Case[] };
    const { app } = server({ countCases: casesCounter(spy) });
    const body = (await app.inject({ method: 'GET', url: '/metrics' })).body;
    expect(body).toContain('palabre_cases{status="open"} 2');
    expect(body).toContain('palabre_cases{status="closed"} 0');
    await app.inject({ method: 'GET', url: '/metrics' });
    expect(listed).toHaveLength(3); // the second scrape reused the count
  });
});

describe('request logging', () => {
  async function logsOf(level: string, requests: string[]) {
    const lines: { level: number; msg: string; status?: number; url?: string }[] = [];
    const logger = pino({ level }, { write: (s: string) => void lines.push(JSON.parse(s)) });
    const { app } = server({ logger });
    for (const url of requests) await app.inject({ method: 'GET', url });
    await app.close();
    return lines;
  }

  it('writes nothing at info for answered requests and probes', async () => {
    const lines = await logsOf('info', ['/healthz', '/missing', '/refused', '/healthz']);
    expect(lines.filter((l) => l.level <= 30 && /request/.test(l.msg) && l.url !== undefined && l.status !== undefined)).toEqual([]);
    expect(lines.filter((l) => l.level >= 50)).toEqual([]);
  });

  it('keeps server errors visible at error level', async () => {
    const lines = await logsOf('info', ['/boom']);
    const errors = lines.filter((l) => l.level >= 50);
    expect(errors.map((l) => l.msg)).toContain('request failed');
    expect(errors.some((l) => l.status === 500 && l.url === '/boom')).toBe(true);
  });

  it('logs every non-probe request at debug', async () => {
    const lines = await logsOf('debug', ['/missing', '/healthz']);
    const answered = lines.filter((l) => l.msg === 'request answered');
    expect(answered.map((l) => [l.url, l.status])).toEqual([['/missing', 404]]);
  });
});

describe('closing while a request is under way', () => {
  it('answers it, then closes its keep-alive connection: close() does not wait for the idle timeout', async () => {
    const app = createHttpServer({ logger: silentLogger, metrics: createMetrics() });
    let started: () => void = () => {};
    const underWay = new Promise<void>((resolve) => (started = resolve));
    app.post('/slow', async () => {
      started();
      await new Promise((resolve) => setTimeout(resolve, 300));
      return { ok: true };
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as net.AddressInfo;
    // A client that keeps its connection open between requests, as Telegram's webhook delivery does.
    const agent = new http.Agent({ keepAlive: true });
    try {
      const answer = new Promise<{ status: number; connection: string | undefined }>((resolve, reject) => {
        const req = http.request({ host: '127.0.0.1', port, path: '/slow', method: 'POST', agent, headers: { 'content-type': 'application/json' } }, (res) => {
          res.resume();
          res.on('end', () => resolve({ status: res.statusCode ?? 0, connection: res.headers.connection }));
        });
        req.on('error', reject);
        req.end('{}');
      });
      await underWay;
      const t0 = Date.now();
      const closed = app.close();
      expect(await answer).toEqual({ status: 200, connection: 'close' });
      await closed;
      // Without `Connection: close`, close() waits for the client to drop the connection or Fastify's keepAliveTimeout (72 s).
      expect(Date.now() - t0).toBeLessThan(2_000);
    } finally {
      agent.destroy();
    }
  });
});
