import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Case } from '../domain/case-model.js';
import { NotFoundError } from '../domain/errors.js';
import type { CaseStore } from '../ports/case-store.js';
import type { Marketplace } from '../ports/marketplace.js';
import { deepLinks, type Linking } from '../app/linking.js';
import { sendError } from './server.js';

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
}

const statuses = ['open', 'escalated', 'closed'] as const;

const linkTokenBody = z.object({ accountId: z.string().trim().min(1).max(200) });

const listQuery = z.object({
  status: z
    .string()
    .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean))
    .pipe(z.array(z.enum(statuses)).min(1))
    .optional(),
  orderId: z.string().min(1).optional(),
  buyerId: z.string().min(1).optional(),
  shopId: z.string().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});

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
    timeline: c.timeline,
  };
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

    admin.post('/admin/link-tokens', async (req) => {
      const { accountId } = linkTokenBody.parse(req.body ?? {});
      if (!(await deps.accounts.account(accountId))) throw new NotFoundError('ACCOUNT_NOT_FOUND', `no account ${accountId}`, { accountId });
      const { token, expiresAt } = await deps.linking.issue(accountId);
      req.log.info({ accountId }, 'link token issued');
      return { token, expiresAt, links: deepLinks(token, { telegramBotUsername: deps.telegramBotUsername?.() }) };
    });

    admin.get<{ Params: { id: string } }>('/admin/cases/:id', async (req) => {
      const c = await deps.store.load(req.params.id);
      if (!c) throw new NotFoundError('CASE_NOT_FOUND', `no case ${req.params.id}`, { caseId: req.params.id });
      return caseJson(c);
    });

    admin.get('/admin/cases', async (req) => {
      const q = listQuery.parse(req.query ?? {});
      const cases = await deps.store.list({
        ...(q.status ? { status: q.status } : {}),
        ...(q.orderId ? { orderId: q.orderId } : {}),
        ...(q.buyerId ? { buyerId: q.buyerId } : {}),
        ...(q.shopId ? { shopId: q.shopId } : {}),
        limit: q.limit,
      });
      return { cases: cases.map(caseJson), count: cases.length };
    });
  });
}
