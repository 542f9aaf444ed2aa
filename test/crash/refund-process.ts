/**
 * A bot process reduced to its case service, on Redis and the marketplace's HTTP API, for the refund kill test:
 * `fork('test/crash/refund-process.ts', { execArgv: ['--import', 'tsx'] })`, configured by env (REDIS_URL,
 * TEST_PREFIX, MARKETPLACE_API_URL, MARKETPLACE_API_TOKEN, NOW). Told over IPC `{ refund: caseId }`, the seller
 * refunds the case in full; `{ reconcile: true }` runs one round of the refund reconciler, as a restarted process does
 * on its schedule, and answers `{ reconciled: RoundResult }`.
 */
import { createCaseService } from '../../src/app/case-service.js';
import { createRefundReconciler } from '../../src/app/refund-reconciler.js';
import { defaultPolicy } from '../../src/domain/policy.js';
import { createHttpMarketplace } from '../../src/infra/http-marketplace.js';
import { createMemoryShopStatusStore } from '../../src/infra/memory-shop-status.js';
import { createMemoryScheduler } from '../../src/infra/memory-scheduler.js';
import { createRedisCaseStore } from '../../src/infra/redis-case-store.js';
import { createRedis } from '../../src/infra/redis.js';
import { silentLogger } from '../../src/ports/logger.js';

const env = process.env;
if (!env.REDIS_URL || !env.TEST_PREFIX || !env.MARKETPLACE_API_URL || !env.NOW || !process.send) throw new Error('refund-process: needs REDIS_URL, TEST_PREFIX, MARKETPLACE_API_URL, NOW and an IPC channel');

const now = new Date(env.NOW);
const clock = { now: () => now };
const store = createRedisCaseStore(createRedis(env.REDIS_URL), { prefix: env.TEST_PREFIX });
const marketplace = createHttpMarketplace({ baseUrl: env.MARKETPLACE_API_URL, token: env.MARKETPLACE_API_TOKEN, logger: silentLogger, timeoutMs: 60_000 });
const cases = createCaseService({ store, shops: createMemoryShopStatusStore(), marketplace, clock, policy: defaultPolicy, defaultTimezone: 'Africa/Kinshasa' });
const reconciler = createRefundReconciler({ store, marketplace, scheduler: createMemoryScheduler({ clock }), clock });

process.on('message', (m: { refund?: string; reconcile?: boolean }) => {
  if (m.refund) void cases.act({ accountId: 'acc-bisou', platform: 'web' }, m.refund, { type: 'Refund' }).then(() => process.send!({ refunded: m.refund }));
  if (m.reconcile) void reconciler.round().then((r) => process.send!({ reconciled: r }));
});
process.send({ ready: true });
