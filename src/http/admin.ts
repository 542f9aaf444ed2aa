import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Case } from '../domain/case-model.js';
import { expiredEvidence } from '../domain/retention.js';
import { NotFoundError } from '../domain/errors.js';
import type { CaseStore } from '../ports/case-store.js';
import type { Marketplace } from '../ports/marketplace.js';
import type { DeadLetter } from '../ports/outbox.js';
import { deepLinks, type Linking } from '../app/linking.js';
import { ERROR_SCHEMA, sendError } from './server.js';

export interface AdminDeps {
  /** ADMIN_TOKEN; unset turns the admin API off (its routes answer 404). */
  adminToken?: string;
  linking: Linking;
  /** To refuse tokens for accounts the marketplace does not know. */
  accounts: Pick<Marketplace, 'account'>;
  /** Cases are read straight from the store: the admin is not a marketplace account. */
  store: Pick<CaseStore, 'load' | 'list'>;
  /** The Telegram bot's username once known (getMe), for `https://t.me/<bot>?start=` links. */
  telegramBotUsername?: () => string | undefined;
  /** Notifications given up after their last try, and putting them back in delivery (the outbox worker). */
  deadLetters?: {
    list(): Promise<DeadLetter[]>;
    replay(key: string): Promise<boolean>;
    replayAll(): Promise<number>;
  };
}

const statuses = ['open', 'escalated', 'closed'] as const;

const linkTokenBody = z.object({ accountId: z.string().trim().min(1).max(200) });

const replayBody = z.union([
  z.object({ key: z.string().min(1).max(1000) }).strict(),
  z.object({ all: z.literal(true) }).strict(),
]);

const listQuery = z.strictObject({
  // `status=open,escalated`, or the parameter repeated: `status=open&status=escalated`.
  status: z
    .union([z.string(), z.array(z.string())])
    .transform((s) => (Array.isArray(s) ? s : [s]).flatMap((x) => x.split(',')).map((x) => x.trim()).filter(Boolean))
    .pipe(z.array(z.enum(statuses)).min(1))
    .optional(),
  orderId: z.string().min(1).optional(),
  buyerId: z.string().min(1).optional(),
  shopId: z.string().min(1).optional(),
  // The seller's account (every shop they own), beyond SPEC's four filters: the case JSON carries it too.
  sellerId: z.string().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});

// ---- OpenAPI (docs/openapi.json, served at /docs). The request schemas come from the zod schemas above. ----

const jsonSchema = (schema: z.ZodType) => {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'openapi-3.0' }) as Record<string, unknown>;
  return rest;
};
const instant = { type: 'string', format: 'date-time' } as const;
const nullableInstant = { type: 'string', format: 'date-time', nullable: true } as const;
const money = { type: 'object', required: ['amount', 'currency'], properties: { amount: { type: 'integer', description: 'minor units (cents)' }, currency: { type: 'string', example: 'USD' } } };

const CASE_SCHEMA = {
  type: 'object',
  description: 'A case with its whole timeline.',
  required: ['id', 'orderId', 'buyerId', 'shopId', 'sellerId', 'reason', 'status', 'openedAt', 'escalatableAt', 'version', 'timeline'],
  properties: {
    id: { type: 'string', example: 'C-000123' },
    orderId: { type: 'string' },
    buyerId: { type: 'string' },
    shopId: { type: 'string' },
    sellerId: { type: 'string' },
    reason: { type: 'string', enum: ['non_delivery', 'not_as_described'] },
    status: { type: 'string', enum: [...statuses] },
    resolution: { type: 'string', nullable: true, enum: ['refunded', 'buyer_closed', 'delivered', 'support_refund', 'seller_favour'] },
    description: { type: 'string' },
    openedAt: instant,
    escalatableAt: { ...instant, description: 'from when the buyer may escalate (opening + POLICY_ESCALATION_AFTER)' },
    escalatedAt: nullableInstant,
    escalationGround: { type: 'string', nullable: true, enum: ['inactivity', 'harassment', 'refusal', 'manipulation', 'integrity'] },
    closedAt: nullableInstant,
    lateAt: { ...instant, description: 'opening + POLICY_MAX_CASE_AGE' },
    lateDelivery: { type: 'boolean' },
    orderTotal: money,
    refunded: money,
    trackingMismatch: { type: 'boolean' },
    infoRequested: {
      type: 'object',
      nullable: true,
      properties: { from: { type: 'string', enum: ['buyer', 'seller'] }, at: instant },
    },
    version: { type: 'integer', description: 'number of timeline entries' },
    timeline: {
      type: 'array',
      description: 'The append-only events, oldest first. Each has `type`, `at` and `actor`; the other fields depend on the type.',
      items: {
        type: 'object',
        required: ['type', 'at', 'actor'],
        additionalProperties: true,
        properties: {
          type: {
            type: 'string',
            enum: ['opened', 'comment', 'evidence', 'tracking', 'refund', 'escalated', 'info_requested', 'info_provided', 'note', 'support_requested', 'reminder', 'closed', 'reopened', 'late_delivery'],
          },
          at: instant,
          actor: {
            type: 'object',
            properties: {
              accountId: { type: 'string' },
              role: { type: 'string', enum: ['buyer', 'seller', 'support', 'system'] },
              platform: { type: 'string', enum: ['telegram', 'discord', 'teams', 'web', 'system', 'admin'] },
            },
          },
        },
      },
    },
  },
};

const errors = (...codes: number[]) => Object.fromEntries(codes.map((c) => [c, { ...ERROR_SCHEMA, description: ERROR_TEXT[c] }]));
const ERROR_TEXT: Record<number, string> = {
  400: 'Invalid input (code VALIDATION)',
  401: 'Missing or wrong bearer token (code UNAUTHORIZED)',
  404: 'No such account, case or dead letter (ACCOUNT_NOT_FOUND, CASE_NOT_FOUND, DEAD_LETTER_NOT_FOUND)',
};
const common = { tags: ['admin'], security: [{ adminToken: [] }] };

const LINK_TOKEN_ROUTE = {
  ...common,
  summary: 'Issue a single-use account-link token',
  description: 'The marketplace calls this for a signed-in user and shows the deep links; opening one links the chat account to the marketplace account.',
  body: jsonSchema(linkTokenBody),
  response: {
    200: {
      description: 'The token and its deep links',
      type: 'object',
      required: ['token', 'expiresAt', 'links'],
      properties: {
        token: { type: 'string' },
        expiresAt: instant,
        links: {
          type: 'object',
          description: 'How to use the token on each platform',
          properties: { telegram: { type: 'string', description: 'https://t.me/<bot>?start=<token> once the bot is known, else /start <token>' }, discord: { type: 'string' }, teams: { type: 'string' } },
          additionalProperties: { type: 'string' },
        },
      },
    },
    ...errors(400, 401, 404),
  },
};

const DEAD_LETTER_SCHEMA = {
  type: 'object',
  description: 'A notification given up for one address after its last try (or refused for good by the platform).',
  required: ['key', 'target', 'notification', 'attempts', 'error', 'failedAt'],
  properties: {
    key: { type: 'string', description: '<notification id>@<platform>|<user id or support>', example: 'C-000123-4-1@telegram|424242' },
    target: { type: 'string', example: 'telegram|424242' },
    notification: { type: 'object', description: 'What was to be sent: recipient, case or order, message ids and arguments', additionalProperties: true },
    attempts: { type: 'integer' },
    error: { type: 'string', description: "The platform's last refusal" },
    failedAt: instant,
  },
};

const DEAD_LETTERS_ROUTE = {
  ...common,
  summary: 'Notifications given up, oldest first',
  response: {
    200: { description: 'The dead letters', type: 'object', required: ['deadLetters', 'count'], properties: { deadLetters: { type: 'array', items: DEAD_LETTER_SCHEMA }, count: { type: 'integer' } } },
    ...errors(401),
  },
};

const REPLAY_ROUTE = {
  ...common,
  summary: 'Deliver dead letters again',
  description: 'Puts one dead letter (`{"key": …}`) or all of them (`{"all": true}`) back at the end of its recipient\'s queue, with no failed tries.',
  body: { type: 'object', description: '`{"key": "<dead letter key>"}` or `{"all": true}`', properties: { key: { type: 'string' }, all: { type: 'boolean', enum: [true] } } },
  response: {
    200: { description: 'How many were put back', type: 'object', required: ['replayed'], properties: { replayed: { type: 'integer' } } },
    ...errors(400, 401, 404),
  },
};

const CASE_ROUTE = {
  ...common,
  summary: 'One case with its timeline',
  params: { type: 'object', required: ['id'], properties: { id: { type: 'string', example: 'C-000123' } } },
  response: { 200: { ...CASE_SCHEMA, description: 'The case' }, ...errors(401, 404) },
};

const CASES_ROUTE = {
  ...common,
  summary: 'List cases, most recent first',
  description: 'Filters: `status` (comma-separated, or repeated), `orderId`, `buyerId`, `shopId`, `sellerId`, and `limit`. Any other parameter is refused with 400 rather than ignored.',
  querystring: {
    ...jsonSchema(listQuery),
    properties: {
      ...(jsonSchema(listQuery).properties as object),
      status: { type: 'string', description: 'comma-separated statuses: open, escalated, closed', example: 'open,escalated' },
    },
  },
  response: {
    200: { description: 'The matching cases', type: 'object', required: ['cases', 'count'], properties: { cases: { type: 'array', items: CASE_SCHEMA }, count: { type: 'integer' } } },
    ...errors(400, 401),
  },
};

/** SPEC section 5's case JSON: the named fields first, then what support also needs, then the timeline. */
export function caseJson(c: Case) {
  return {
    id: c.id,
    orderId: c.orderId,
    buyerId: c.buyerId,
    shopId: c.shopId,
    sellerId: c.sellerId,
    reason: c.reason,
    status: c.status,
    resolution: c.resolution,
    description: c.description,
    openedAt: c.openedAt,
    escalatableAt: c.escalatableAt,
    escalatedAt: c.escalatedAt,
    escalationGround: c.escalationGround,
    closedAt: c.closedAt,
    lateAt: c.lateAt,
    lateDelivery: c.lateDelivery,
    orderTotal: c.orderTotal,
    refunded: c.refunded,
    trackingMismatch: c.trackingMismatch,
    infoRequested: c.infoRequested,
    version: c.version,
    timeline: timelineJson(c),
  };
}

/** The timeline as stored; an evidence entry whose file the retention job deleted keeps its reference and says since when. */
function timelineJson(c: Case) {
  const expired = expiredEvidence(c);
  if (expired.size === 0) return c.timeline;
  return c.timeline.map((e) => (e.type === 'evidence' && e.blob && expired.has(e.blob.id) ? { ...e, fileExpiredAt: expired.get(e.blob.id) } : e));
}

/** Hashing first makes the comparison constant-time whatever the lengths. */
function sameSecret(given: string, expected: string): boolean {
  const h = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(h(given), h(expected));
}

function bearer(req: FastifyRequest): string | null {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
  return m?.[1] ?? null;
}

/**
 * SPEC section 5's admin API: link tokens and read-only case views, behind `Authorization: Bearer
 * ADMIN_TOKEN`. Authentication runs before the body is parsed, so a bad token changes nothing.
 */
export function registerAdminRoutes(app: FastifyInstance, deps: AdminDeps): void {
  const { adminToken } = deps;
  if (!adminToken) return;

  app.register(async (admin) => {
    admin.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
      const token = bearer(req);
      if (!token || !sameSecret(token, adminToken)) {
        req.log.warn({ url: req.url, ip: req.ip, given: Boolean(token) }, 'admin API refused a request');
        reply.header('www-authenticate', 'Bearer realm="palabre-admin"');
        return sendError(reply, 401, 'UNAUTHORIZED', token ? 'invalid admin token' : 'missing bearer token');
      }
      reply.header('cache-control', 'no-store');
    });

    admin.post('/admin/link-tokens', { schema: LINK_TOKEN_ROUTE }, async (req) => {
      const { accountId } = linkTokenBody.parse(req.body ?? {});
      if (!(await deps.accounts.account(accountId))) throw new NotFoundError('ACCOUNT_NOT_FOUND', `no account ${accountId}`, { accountId });
      const { token, expiresAt } = await deps.linking.issue(accountId);
      req.log.info({ accountId }, 'link token issued');
      return { token, expiresAt, links: deepLinks(token, { telegramBotUsername: deps.telegramBotUsername?.() }) };
    });

    admin.get<{ Params: { id: string } }>('/admin/cases/:id', { schema: CASE_ROUTE }, async (req, reply) => {
      // `/admin/cases/` (a trailing slash) is the list, not a case with an empty id.
      if (req.params.id === '') return listCases(req, reply);
      // `c-000123` is `C-000123`: case ids are stored upper-case.
      const id = /^c-\d+$/i.test(req.params.id) ? req.params.id.toUpperCase() : req.params.id;
      const c = await deps.store.load(id);
      if (!c) throw new NotFoundError('CASE_NOT_FOUND', `no case ${req.params.id}`, { caseId: req.params.id });
      return caseJson(c);
    });

    const letters = deps.deadLetters;
    if (letters) {
      admin.get('/admin/dead-letters', { schema: DEAD_LETTERS_ROUTE }, async () => {
        const all = await letters.list();
        return { deadLetters: all.map(({ key, target, notification, attempts, error, failedAt }) => ({ key, target, notification, attempts, error, failedAt })), count: all.length };
      });

      admin.post('/admin/dead-letters/replay', { schema: REPLAY_ROUTE }, async (req, reply) => {
        const body = replayBody.parse(req.body ?? {});
        if ('all' in body) {
          const replayed = await letters.replayAll();
          req.log.info({ replayed }, 'dead letters replayed');
          return { replayed };
        }
        if (!(await letters.replay(body.key))) return sendError(reply, 404, 'DEAD_LETTER_NOT_FOUND', `no dead letter ${body.key}`);
        req.log.info({ key: body.key }, 'dead letter replayed');
        return { replayed: 1 };
      });
    }

    admin.get('/admin/cases', { schema: CASES_ROUTE }, (req, reply) => listCases(req, reply));

    async function listCases(req: FastifyRequest, reply: FastifyReply) {
      // A misspelt filter (`?shop=`, `?state=`) would otherwise be ignored and answer every case.
      const unknown = Object.keys((req.query ?? {}) as object).filter((k) => !(k in listQuery.shape));
      if (unknown.length > 0) {
        return sendError(reply, 400, 'VALIDATION', `unknown filter ${unknown.map((k) => `"${k}"`).join(', ')}: the filters are ${Object.keys(listQuery.shape).join(', ')}`);
      }
      const q = listQuery.parse(req.query ?? {});
      const cases = await deps.store.list({
        ...(q.status ? { status: q.status } : {}),
        ...(q.orderId ? { orderId: q.orderId } : {}),
        ...(q.buyerId ? { buyerId: q.buyerId } : {}),
        ...(q.shopId ? { shopId: q.shopId } : {}),
        ...(q.sellerId ? { sellerId: q.sellerId } : {}),
        limit: q.limit,
      });
      return { cases: cases.map(caseJson), count: cases.length };
    }
  });
}
