import { beforeEach, describe, expect, it } from 'vitest';
import { createLinking } from '../../src/app/linking.js';
import { silentLogger } from '../../src/ports/logger.js';
import { createMetrics } from '../../src/app/metrics.js';
import type { Case, CaseEvent } from '../../src/domain/case-model.js';
import type { Account, Actor } from '../../src/domain/types.js';
import { registerAdminRoutes } from '../../src/http/admin.js';
import { createHttpServer } from '../../src/http/server.js';
import { createMemoryCaseStore } from '../../src/infra/memory-case-store.js';
import { createMemoryKv } from '../../src/infra/kv.js';
import type { CaseStore } from '../../src/ports/case-store.js';
import { createOutboxWorker } from '../../src/app/outbox-worker.js';
import { createLinkStore } from '../../src/infra/link-store.js';
import { createMemoryDeliveryQueue } from '../../src/infra/memory-delivery.js';
import { DeliveryError, fakeNotifier, linkDemoCast, testRender, type Received } from '../support/worker-process-fakes.js';

const ADMIN_TOKEN = 'admin-token-for-tests-0123';
const NOW = '2026-10-21T08:00:00.000Z';
const clock = { now: () => new Date(NOW) };
const accounts: Account[] = [
  { id: 'acc-amina', name: 'Amina K.', roles: ['buyer'] },
  { id: 'acc-bisou', name: 'Bisou Créations', roles: ['seller'] },
];
const buyer: Actor = { accountId: 'acc-amina', role: 'buyer', platform: 'telegram' };
const seller: Actor = { accountId: 'acc-bisou', role: 'seller', platform: 'discord' };
const support: Actor = { accountId: 'acc-support-1', role: 'support', platform: 'teams' };

/** A case as the decider would have folded it, written through the store like the case service does. */
async function seedCase(store: CaseStore, n: number, over: Partial<Case> = {}): Promise<Case> {
  const id = `C-${String(n).padStart(6, '0')}`;
  const openedAt = `2026-10-${String(10 + n).padStart(2, '0')}T08:00:00.000Z`;
  const timeline: CaseEvent[] = [
    {
      type: 'opened',
      at: openedAt,
      actor: buyer,
      caseId: id,
      orderId: `CC-100${n}`,
      buyerId: 'acc-amina',
      shopId: 'shop-bisou',
      sellerId: 'acc-bisou',
      reason: 'non_delivery',
      description: "Ma commande n'est jamais arrivée.",
      orderTotal: { amount: 50000, currency: 'CDF' },
      escalatableAt: '2026-10-24T08:00:00.000Z',
      lateAt: '2027-10-21T08:00:00.000Z',
    },
    { type: 'comment', at: openedAt, actor: seller, text: 'Le colis est en route.' },
    { type: 'note', at: openedAt, actor: support, text: 'Vendeur déjà relancé.' },
  ];
  const c: Case = {
    id,
    orderId: `CC-100${n}`,
    buyerId: 'acc-amina',
    shopId: 'shop-bisou',
    sellerId: 'acc-bisou',
    reason: 'non_delivery',
    description: "Ma commande n'est jamais arrivée.",
    status: 'open',
    resolution: null,
    openedAt,
    escalatableAt: '2026-10-24T08:00:00.000Z',
    escalatedAt: null,
    escalationGround: null,
    closedAt: null,
    lateAt: '2027-10-21T08:00:00.000Z',
    lateDelivery: false,
    orderTotal: { amount: 50000, currency: 'CDF' },
    refunded: { amount: 0, currency: 'CDF' },
    sellerActedAt: openedAt,
    buyerWaitingSince: null,
    infoRequested: null,
    trackingMismatch: false,
    version: timeline.length,
    timeline,
    ...over,
  };
  await store.append(id, 0, timeline, c, []);
  return c;
}

function setup({ adminToken }: { adminToken?: string } = { adminToken: ADMIN_TOKEN }) {
  const store = createMemoryCaseStore();
  const linking = createLinking({ secret: 'link-secret-for-tests-0123', kv: createMemoryKv(), clock });
  const issued: string[] = [];
  const counting = { ...linking, issue: async (id: string) => (issued.push(id), linking.issue(id)) };
  const app = createHttpServer({ logger: silentLogger, metrics: createMetrics() });
  registerAdminRoutes(app, {
    adminToken,
    linking: counting,
    accounts: { account: async (id) => accounts.find((a) => a.id === id) ?? null },
    store,
    telegramBotUsername: () => 'PalabreBot',
  });
  return { app, store, linking, issued };
}

const auth = { authorization: `Bearer ${ADMIN_TOKEN}` };
const json = { 'content-type': 'application/json' };

describe('POST /admin/link-tokens', () => {
  let s: ReturnType<typeof setup>;
  beforeEach(() => {
    s = setup();
  });

  it('returns a working single-use token and its deep links', async () => {
    const res = await s.app.inject({ method: 'POST', url: '/admin/link-tokens', headers: { ...auth, ...json }, payload: { accountId: 'acc-amina' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const body = res.json();
    expect(body.token).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
    expect(body.expiresAt).toBe('2026-10-21T08:15:00.000Z');
    expect(body.links).toEqual({
      telegram: `https://t.me/PalabreBot?start=${body.token}`,
      discord: `/link token:${body.token}`,
      teams: `link ${body.token}`,
    });
    expect(await s.linking.consume(body.token)).toBe('acc-amina');
  });

  it('refuses a missing or wrong token with 401 and issues nothing', async () => {
    const attempts = [
      {},
      { authorization: 'Bearer nope' },
      { authorization: `Bearer ${ADMIN_TOKEN}x` },
      { authorization: `Basic ${ADMIN_TOKEN}` },
      { authorization: ADMIN_TOKEN },
    ];
    for (const headers of attempts) {
      const res = await s.app.inject({ method: 'POST', url: '/admin/link-tokens', headers: { ...headers, ...json }, payload: { accountId: 'acc-amina' } });
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('UNAUTHORIZED');
      expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
    }
    expect(s.issued).toEqual([]);
  });

  it('answers 401 before even reading a malformed body', async () => {
    const res = await s.app.inject({ method: 'POST', url: '/admin/link-tokens', headers: json, payload: '{"accountId":' });
    expect(res.statusCode).toBe(401);
  });

  it('refuses malformed JSON and invalid bodies with 400', async () => {
    for (const payload of ['{"accountId":', '[]', '{}', '{"accountId":""}', '{"accountId":42}', '"acc-amina"']) {
      const res = await s.app.inject({ method: 'POST', url: '/admin/link-tokens', headers: { ...auth, ...json }, payload });
      expect(res.statusCode, payload).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION');
    }
    expect(s.issued).toEqual([]);
  });

  it('refuses an account the marketplace does not know with 404', async () => {
    const res = await s.app.inject({ method: 'POST', url: '/admin/link-tokens', headers: { ...auth, ...json }, payload: { accountId: 'acc-ghost' } });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('ACCOUNT_NOT_FOUND');
    expect(s.issued).toEqual([]);
  });

  it('refuses an oversized body with 413', async () => {
    const res = await s.app.inject({
      method: 'POST',
      url: '/admin/link-tokens',
      headers: { ...auth, ...json },
      payload: JSON.stringify({ accountId: 'acc-amina', pad: 'x'.repeat(2 * 1024 * 1024) }),
    });
    expect(res.statusCode).toBe(413);
    expect(s.issued).toEqual([]);
  });
});

describe('GET /admin/cases', () => {
  let s: ReturnType<typeof setup>;
  beforeEach(async () => {
    s = setup();
    await seedCase(s.store, 1);
    await seedCase(s.store, 2, { status: 'escalated', escalatedAt: '2026-10-25T08:00:00.000Z', escalationGround: 'inactivity' });
    await seedCase(s.store, 3, { status: 'closed', resolution: 'refunded', closedAt: '2026-10-26T08:00:00.000Z', shopId: 'shop-autre' });
  });

  it('returns one case in SPEC section 5 shape with its whole timeline, internal notes included', async () => {
    const res = await s.app.inject({ method: 'GET', url: '/admin/cases/C-000001', headers: auth });
    expect(res.statusCode).toBe(200);
    const c = res.json();
    expect(c).toMatchObject({
      id: 'C-000001',
      orderId: 'CC-1001',
      buyerId: 'acc-amina',
      shopId: 'shop-bisou',
      reason: 'non_delivery',
      status: 'open',
      resolution: null,
      openedAt: '2026-10-11T08:00:00.000Z',
      escalatableAt: '2026-10-24T08:00:00.000Z',
      escalatedAt: null,
      closedAt: null,
      refunded: { amount: 0, currency: 'CDF' },
    });
    expect(c.timeline.map((e: CaseEvent) => e.type)).toEqual(['opened', 'comment', 'note']);
    expect(c.timeline[0].actor).toEqual({ accountId: 'acc-amina', role: 'buyer', platform: 'telegram' });
    expect(c.timeline[2]).toMatchObject({ type: 'note', text: 'Vendeur déjà relancé.' });
  });

  it('finds a case written in lower case (c-000001)', async () => {
    const res = await s.app.inject({ method: 'GET', url: '/admin/cases/c-000001', headers: auth });
    expect(res.statusCode).toBe(200);
    expect(res.json().id).toBe('C-000001');
  });

  it('answers 404 CASE_NOT_FOUND for an unknown case', async () => {
    const res = await s.app.inject({ method: 'GET', url: '/admin/cases/C-999999', headers: auth });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('CASE_NOT_FOUND');
  });

  it('lists cases newest first, filtered by status, order, buyer and shop', async () => {
    const ids = async (qs: string) => {
      const res = await s.app.inject({ method: 'GET', url: `/admin/cases${qs}`, headers: auth });
      expect(res.statusCode).toBe(200);
      return res.json().cases.map((c: Case) => c.id);
    };
    expect(await ids('')).toEqual(['C-000003', 'C-000002', 'C-000001']);
    expect(await ids('?status=escalated')).toEqual(['C-000002']);
    expect(await ids('?status=open,closed')).toEqual(['C-000003', 'C-000001']);
    expect(await ids('?orderId=CC-1002')).toEqual(['C-000002']);
    expect(await ids('?buyerId=acc-amina&shopId=shop-bisou')).toEqual(['C-000002', 'C-000001']);
    expect(await ids('?buyerId=acc-nobody')).toEqual([]);
    expect(await ids('?limit=1')).toEqual(['C-000003']);
  });

  it('refuses an unknown status with 400', async () => {
    const res = await s.app.inject({ method: 'GET', url: '/admin/cases?status=lost', headers: auth });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION');
  });

  it('takes status repeated as well as comma-separated, and refuses a filter it does not know instead of listing every case', async () => {
    const repeated = await s.app.inject({ method: 'GET', url: '/admin/cases?status=open&status=closed', headers: auth });
    expect(repeated.statusCode).toBe(200);
    expect(repeated.json().cases.map((c: Case) => c.id)).toEqual(['C-000003', 'C-000001']);
    // A trailing slash is the list too, not "no case ''".
    const slash = await s.app.inject({ method: 'GET', url: '/admin/cases/?status=escalated', headers: auth });
    expect(slash.statusCode).toBe(200);
    expect(slash.json().cases.map((c: Case) => c.id)).toEqual(['C-000002']);
    for (const qs of ['?shop=shop-lumiere', '?status=open&state=closed', '?orderid=CC-1009']) {
      const res = await s.app.inject({ method: 'GET', url: `/admin/cases${qs}`, headers: auth });
      expect(res.statusCode, qs).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION');
      expect(res.json().error.message).toMatch(/^unknown filter ".+": the filters are status, orderId, buyerId, shopId, sellerId, limit$/);
    }
    const bySeller = await s.app.inject({ method: 'GET', url: '/admin/cases?sellerId=acc-bisou&status=escalated', headers: auth });
    expect(bySeller.json().cases.map((c: Case) => c.id)).toEqual(['C-000002']);
    const otherSeller = await s.app.inject({ method: 'GET', url: '/admin/cases?sellerId=acc-lumiere', headers: auth });
    expect(otherSeller.json()).toEqual({ cases: [], count: 0 });
  });

  it('refuses to show cases without the admin token', async () => {
    for (const url of ['/admin/cases', '/admin/cases/C-000001']) {
      const res = await s.app.inject({ method: 'GET', url, headers: { authorization: 'Bearer guess' } });
      expect(res.statusCode).toBe(401);
      expect(res.body).not.toContain('acc-amina');
    }
  });
});

describe('admin API without ADMIN_TOKEN', () => {
  it('is off: every admin route answers 404, even with a bearer token', async () => {
    const s = setup({});
    await seedCase(s.store, 1);
    for (const [method, url] of [['POST', '/admin/link-tokens'], ['GET', '/admin/cases'], ['GET', '/admin/cases/C-000001']] as const) {
      const res = await s.app.inject({ method, url, headers: { authorization: 'Bearer undefined', ...json }, payload: method === 'POST' ? { accountId: 'acc-amina' } : undefined });
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('NOT_FOUND');
    }
    expect(s.issued).toEqual([]);
  });
});

describe('dead letters: GET /admin/dead-letters and POST /admin/dead-letters/replay', () => {
  it('lists a notification given up, replays it once the platform is back, and refuses unknown keys and bad bodies', async () => {
    const links = createLinkStore(createMemoryKv());
    await linkDemoCast(links);
    const received: Received[] = [];
    let down = true;
    const worker = createOutboxWorker({
      store: createMemoryCaseStore(),
      links,
      notifiers: [fakeNotifier('discord', received, () => (down ? new DeliveryError('400 Unknown Channel', { permanent: true }) : null))],
      render: testRender,
      queue: createMemoryDeliveryQueue(),
      sweepEveryMs: 0,
    });
    await worker.start();
    const app = createHttpServer({ logger: silentLogger, metrics: createMetrics() });
    registerAdminRoutes(app, {
      adminToken: ADMIN_TOKEN,
      linking: createLinking({ secret: 'link-secret-for-tests-0123', kv: createMemoryKv(), clock }),
      accounts: { account: async () => null },
      store: createMemoryCaseStore(),
      deadLetters: { list: () => worker.deadLetters(), replay: (k) => worker.replay(k), replayAll: () => worker.replayAll() },
    });
    try {
      await worker.send([{ id: 'n-relay-1', to: { accountId: 'acc-bisou' }, body: [{ id: 'notify-quote', args: { text: 'Colis parti' } }], createdAt: '2026-10-21T08:00:00.000Z' }]);
      const list = async () => (await app.inject({ method: 'GET', url: '/admin/dead-letters', headers: auth })).json();
      await expect.poll(async () => (await list()).count).toBe(1);
      const [letter] = (await list()).deadLetters;
      expect(letter).toMatchObject({ key: 'n-relay-1@discord|d-bisou', target: 'discord|d-bisou', attempts: 1, error: '400 Unknown Channel' });

      // Refused: no token, a body that is neither a key nor all, an unknown key. Nothing changes.
      expect((await app.inject({ method: 'GET', url: '/admin/dead-letters' })).statusCode).toBe(401);
      const bad = await app.inject({ method: 'POST', url: '/admin/dead-letters/replay', headers: { ...auth, ...json }, payload: { all: false } });
      expect([bad.statusCode, bad.json().error.code]).toEqual([400, 'VALIDATION']);
      const unknown = await app.inject({ method: 'POST', url: '/admin/dead-letters/replay', headers: { ...auth, ...json }, payload: { key: 'nope@discord|x' } });
      expect([unknown.statusCode, unknown.json().error.code]).toEqual([404, 'DEAD_LETTER_NOT_FOUND']);
      expect((await list()).count).toBe(1);

      down = false;
      const ok = await app.inject({ method: 'POST', url: '/admin/dead-letters/replay', headers: { ...auth, ...json }, payload: { key: letter.key } });
      expect(ok.json()).toEqual({ replayed: 1 });
      await expect.poll(() => received.filter((r) => r.ok && r.notificationId === 'n-relay-1').length).toBe(1);
      expect((await list()).count).toBe(0);
      const none = await app.inject({ method: 'POST', url: '/admin/dead-letters/replay', headers: { ...auth, ...json }, payload: { all: true } });
      expect(none.json()).toEqual({ replayed: 0 });
    } finally {
      await worker.close();
    }
  });
});
