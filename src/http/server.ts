import fastifySwagger from '@fastify/swagger';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance, type FastifyReply } from 'fastify';
import { ZodError } from 'zod';
import {
  ConflictError,
  ForbiddenError,
  IllegalStateError,
  isPalabreError,
  NotFoundError,
  type PalabreError,
} from '../domain/errors.js';
import type { CaseStatus } from '../domain/types.js';
import type { CaseStore } from '../ports/case-store.js';
import type { Logger } from '../ports/logger.js';
import type { Metrics } from '../app/metrics.js';
import type { RedisClient } from '../infra/kv.js';

export interface HttpServerDeps {
  logger: Logger;
  metrics: Metrics;
  /** The shared Redis connection; `/readyz` pings it. Absent in the embedded mode. */
  redis?: RedisClient | null;
  /** Case counts by status for the `palabre_cases` gauge, read at each scrape. */
  countCases?: () => Promise<Partial<Record<CaseStatus, number>>>;
  /** Further readiness checks by name (a marketplace API, a platform): throw or reject when not ready. */
  checks?: Record<string, () => Promise<unknown>>;
  /** Largest accepted request body; webhooks and admin calls are small. Default 1 MiB. */
  bodyLimit?: number;
  /** How long `/readyz` waits for each check. Default 1 s. */
  readyTimeoutMs?: number;
}

/** Codes of the HTTP API beyond the domain's: routing and authentication. */
export type HttpErrorCode = PalabreError['code'] | 'NOT_FOUND' | 'UNAUTHORIZED' | 'METHOD_NOT_ALLOWED';

/** Answers `{ error: { code, message } }`, the one error shape of every endpoint. */
export function sendError(reply: FastifyReply, status: number, code: HttpErrorCode | string, message: string) {
  return reply.code(status).type('application/json; charset=utf-8').send({ error: { code, message } });
}

/** HTTP status for a domain error. */
export function statusOf(err: PalabreError): number {
  if (err instanceof NotFoundError) return 404;
  if (err instanceof ForbiddenError) return 403;
  if (err instanceof ConflictError || err instanceof IllegalStateError) return 409;
  switch (err.code) {
    case 'INPUT_TOO_LARGE':
      return 413;
    case 'UNSUPPORTED_MEDIA':
      return 415;
    case 'RATE_LIMITED':
      return 429;
    case 'INTERNAL':
      return 500;
    // The marketplace behind us failed, not the caller's request.
    case 'MARKETPLACE_UNAVAILABLE':
    case 'MARKETPLACE_BAD_RESPONSE':
      return 502;
    default:
      return 400;
  }
}

const FRAMEWORK_CODES: Record<number, HttpErrorCode> = {
  401: 'UNAUTHORIZED',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  413: 'INPUT_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA',
  429: 'RATE_LIMITED',
};

/**
 * A `countCases` for stores without a count: lists per status, and reuses the answer for `cacheMs`
 * so frequent scrapes do not load every case each time.
 */
export function casesCounter(store: Pick<CaseStore, 'list'>, cacheMs = 30_000): () => Promise<Record<CaseStatus, number>> {
  let last: { at: number; counts: Record<CaseStatus, number> } | null = null;
  return async () => {
    if (last && Date.now() - last.at < cacheMs) return last.counts;
    const [open, escalated, closed] = await Promise.all(
      (['open', 'escalated', 'closed'] as const).map(async (status) => (await store.list({ status })).length),
    );
    last = { at: Date.now(), counts: { open: open ?? 0, escalated: escalated ?? 0, closed: closed ?? 0 } };
    return last.counts;
  };
}

/** The one error shape, for the OpenAPI document. */
export const ERROR_SCHEMA = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: { code: { type: 'string', description: 'stable error code, e.g. UNAUTHORIZED, VALIDATION, CASE_NOT_FOUND' }, message: { type: 'string' } },
    },
  },
};

const READYZ_SCHEMA = {
  tags: ['operations'],
  summary: 'Redis and the other dependencies answer',
  response: {
    200: {
      description: 'Every check answered',
      type: 'object',
      properties: {
        status: { type: 'string', enum: ['ok', 'unavailable'] },
        checks: { type: 'object', additionalProperties: { type: 'string', enum: ['ok', 'down'] } },
      },
    },
    503: { description: 'A dependency is down', type: 'object', properties: { status: { type: 'string' }, checks: { type: 'object', additionalProperties: { type: 'string' } } } },
  },
};

const PROBES = new Set(['/healthz', '/readyz', '/metrics']);

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

/**
 * The one HTTP server: `/healthz`, `/readyz`, `/metrics` and the JSON error shape. Adapters and the
 * admin API register their routes on the returned instance before `listen`.
 */
export function createHttpServer(deps: HttpServerDeps): FastifyInstance {
  const app = Fastify({
    loggerInstance: deps.logger as FastifyBaseLogger,
    bodyLimit: deps.bodyLimit ?? 1024 * 1024,
    // Fastify's own two info lines per request cost a turn's worth of log I/O under load: the hook below logs one line instead.
    logController: new LogController({ disableRequestLogging: true }),
  });
  const readyTimeout = deps.readyTimeoutMs ?? 1000;
  // Route schemas document; zod in the handlers validates and JSON.stringify serialises, as before they existed.
  app.setValidatorCompiler(() => (value) => ({ value }));
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));

  // A request under way when the server closes is answered with `Connection: close`: only the keep-alive connections
  // idle when close() starts are closed, and this one, once answered, would stay open until the client drops it or
  // Fastify's keepAliveTimeout (72 s) ends: a SIGTERM would then wait out SHUTDOWN_TIMEOUT_MS and exit with status 1.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', async (_req, reply, payload) => {
    if (closing) reply.header('connection', 'close');
    return payload;
  });

  // Server errors stay visible at the default level; everything else only at debug. Probes hit every few seconds: never logged.
  app.addHook('onResponse', async (req, reply) => {
    const url = req.url.split('?')[0] ?? '';
    const line = { method: req.method, url, status: reply.statusCode, ms: Math.round(reply.elapsedTime) };
    // A 503 with Retry-After is a deliberate "come again" (an update another process is handling), logged where decided.
    if (reply.statusCode === 503 && reply.getHeader('retry-after') !== undefined) req.log.debug(line, 'request refused for a retry');
    else if (reply.statusCode >= 500) req.log.error(line, 'request answered with a server error');
    else if (!PROBES.has(url)) req.log.debug(line, 'request answered');
  });

  // The OpenAPI document is built from the route schemas of every tagged route (admin API, probes), served at /docs and
  // checked in as docs/openapi.json (`npm run docs`; test/docs/generated.test.ts compares them).
  void app.register(fastifySwagger, {
    hideUntagged: true,
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Palabre admin API',
        version: '1',
        description:
          'Link tokens and read-only case views for the marketplace and operators, behind `Authorization: Bearer ADMIN_TOKEN` (unset ADMIN_TOKEN: the /admin routes answer 404), and the probes. Every error answers `{ "error": { "code", "message" } }`.',
      },
      tags: [
        { name: 'admin', description: 'Needs `Authorization: Bearer ADMIN_TOKEN`.' },
        { name: 'operations', description: 'Health, readiness and metrics; no authentication.' },
      ],
      components: { securitySchemes: { adminToken: { type: 'http', scheme: 'bearer', description: 'ADMIN_TOKEN' } } },
    },
  });
  app.get('/docs', { schema: { hide: true } }, async () => app.swagger());

  app.setNotFoundHandler((req, reply) => sendError(reply, 404, 'NOT_FOUND', `no route for ${req.method} ${req.url.split('?')[0]}`));

  app.setErrorHandler((err, req, reply) => {
    if (isPalabreError(err)) return sendError(reply, statusOf(err), err.code, err.message);
    if (err instanceof ZodError) {
      const message = err.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ');
      return sendError(reply, 400, 'VALIDATION', message);
    }
    const status = (err as { statusCode?: number }).statusCode;
    if (status && status >= 400 && status < 500) {
      req.log.info({ code: (err as { code?: string }).code, url: req.url }, 'request refused');
      return sendError(reply, status, FRAMEWORK_CODES[status] ?? 'VALIDATION', (err as Error).message);
    }
    // Details stay in the log: callers get no stack, path or driver message.
    req.log.error({ err, url: req.url, method: req.method }, 'request failed');
    return sendError(reply, 500, 'INTERNAL', 'internal error');
  });

  // In a plugin so that they are registered after @fastify/swagger, which collects routes as they are added.
  void app.register(async (ops) => {
    ops.get(
      '/healthz',
      { schema: { tags: ['operations'], summary: 'The process is up', response: { 200: { description: 'Up', type: 'object', properties: { status: { type: 'string', enum: ['ok'] } } } } } },
      async () => ({ status: 'ok' }),
    );

    ops.get('/readyz', { schema: READYZ_SCHEMA }, async (req, reply) => {
      const checks: Record<string, () => Promise<unknown>> = { ...deps.checks };
      if (deps.redis) {
        const redis = deps.redis;
        checks.redis = () => redis.ping();
      }
      const results = await Promise.all(
        Object.entries(checks).map(async ([name, check]) => {
          try {
            await withTimeout(check(), readyTimeout);
            return [name, 'ok'] as const;
          } catch (err) {
            req.log.warn({ err, check: name }, 'readiness check failed');
            return [name, 'down'] as const;
          }
        }),
      );
      const ready = results.every(([, r]) => r === 'ok');
      return reply.code(ready ? 200 : 503).send({ status: ready ? 'ok' : 'unavailable', checks: Object.fromEntries(results) });
    });

    ops.get(
      '/metrics',
      { schema: { tags: ['operations'], summary: 'Prometheus metrics (text exposition format)', produces: ['text/plain'], response: { 200: { type: 'string', description: 'palabre_* and process metrics' } } } },
      async (req, reply) => {
      if (deps.countCases) {
        try {
          const counts = await withTimeout(deps.countCases(), readyTimeout * 5);
          for (const status of ['open', 'escalated', 'closed'] as const) deps.metrics.cases.set({ status }, counts[status] ?? 0);
        } catch (err) {
          req.log.warn({ err }, 'could not count cases for /metrics');
        }
      }
      return reply.type(deps.metrics.registry.contentType).send(await deps.metrics.registry.metrics());
      },
    );
  });

  return app;
}
