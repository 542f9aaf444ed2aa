import { fork, type ChildProcess } from 'node:child_process';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createCaseService } from '../../src/app/case-service.js';
import { defaultPolicy } from '../../src/domain/policy.js';
import { DEMO_ORDERS } from '../../src/infra/demo-marketplace.js';
import { createHttpMarketplace } from '../../src/infra/http-marketplace.js';
import { createMemoryShopStatusStore } from '../../src/infra/memory-shop-status.js';
import { createRedisCaseStore } from '../../src/infra/redis-case-store.js';
import { silentLogger } from '../../src/ports/logger.js';
import { startMarketplaceStandin, type MarketplaceStandin } from '../support/marketplace-standin.js';
import { TEST_REDIS_URL, testRedis, type TestRedis } from '../support/redis.js';
import { sleep } from './harness.js';

const NOW = '2026-11-02T10:00:00.000Z';
const ORDER = DEMO_ORDERS.eligibleNonDelivery;
const REFUNDS = `/orders/${ORDER}/refunds`;

let r: TestRedis;
let mk: MarketplaceStandin;
let n = 0;
const children: ChildProcess[] = [];
beforeAll(async () => {
  r = await testRedis();
});
beforeEach(async () => {
  // Its own marketplace each time: the order is refunded in full by each test.
  mk = await startMarketplaceStandin({ now: new Date(NOW) });
});
afterEach(async () => {
  for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  await mk.close();
});
afterAll(() => r.cleanup());

/** A process with the case service (test/crash/refund-process.ts); resolves once it runs. */
async function startProcess(prefix: string): Promise<ChildProcess> {
  const child = fork('test/crash/refund-process.ts', [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, REDIS_URL: TEST_REDIS_URL, TEST_PREFIX: prefix, MARKETPLACE_API_URL: mk.url, MARKETPLACE_API_TOKEN: mk.token, NOW },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  children.push(child);
  await new Promise<void>((resolve, reject) => {
    child.once('message', () => resolve());
    child.once('exit', (code) => reject(new Error(`refund process exited early (${code})`)));
  });
  return child;
}

async function poll(what: string, probe: () => boolean | Promise<boolean>, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await probe())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}

/**
 * A seller's refund whose process is killed (SIGKILL) while the marketplace's refund call is on its way: before the
 * marketplace took it, or after (its answer never came back). The case records the refund before the call (with the
 * idempotency id `<case>-<version of the refund event>`), so the kill cannot fall between a refund the buyer got and
 * its record; after the restart, the reconciler asks the marketplace again for what it does not know, with the same
 * id: the buyer is refunded once, and the case stays refunded and closed.
 */
describe('a process killed during the marketplace refund call', () => {
  it.each([
    ['before the marketplace took the refund', false],
    ['after the marketplace took it, before its answer', true],
  ])('%s: after the restart the buyer is refunded once, the case refunded and closed', { timeout: 90_000 }, async (_when, taken) => {
    const prefix = `${r.prefix}${++n}:`;
    const marketplace = createHttpMarketplace({ baseUrl: mk.url, token: mk.token, logger: silentLogger });
    const store = createRedisCaseStore(r.redis, { prefix });
    const cases = createCaseService({ store, shops: createMemoryShopStatusStore(), marketplace, clock: { now: () => new Date(NOW) }, policy: defaultPolicy, defaultTimezone: 'Africa/Kinshasa' });
    const { case: opened } = await cases.open({ accountId: 'acc-amina', platform: 'web' }, { orderId: ORDER, reason: 'non_delivery', description: 'Rien reçu.' });

    const first = await startProcess(prefix);
    mk.hang(REFUNDS, 1, taken);
    const posts = () => mk.requestsTo(REFUNDS).filter((q) => q.method === 'POST' && (q.body as { caseId?: string } | undefined)?.caseId === opened.id);
    first.send({ refund: opened.id });
    await poll('the refund call', () => posts().length === 1);
    if (taken) await poll('the marketplace to record the refund', async () => (await marketplace.refunds(ORDER)).length === 1);
    const exited = new Promise((resolve) => first.once('exit', resolve));
    first.kill('SIGKILL');
    await exited;

    // Recorded before the call: the case is refunded and closed whatever the call became.
    const killed = (await store.load(opened.id))!;
    expect(killed.timeline.filter((e) => e.type === 'refund')).toHaveLength(1);
    expect(killed.status).toBe('closed');
    expect((await marketplace.refunds(ORDER)).length).toBe(taken ? 1 : 0);

    // Restarted: the reconciler asks again for what the marketplace lacks, with the same id, twice over.
    const second = await startProcess(prefix);
    const round = () =>
      new Promise<{ replayed: number; unconfirmed: string[] }>((resolve) => {
        second.once('message', (m: { reconciled?: { replayed: number; unconfirmed: string[] } }) => resolve(m.reconciled!));
        second.send({ reconcile: true });
      });
    const rounds = [await round(), await round()];
    expect(rounds.map((x) => x.replayed)).toEqual([taken ? 0 : 1, 0]);
    expect(rounds.flatMap((x) => x.unconfirmed)).toEqual([]);
    const refunds = await marketplace.refunds(ORDER);
    const refundEvent = killed.timeline.findIndex((e) => e.type === 'refund') + 1;
    expect(refunds).toEqual([expect.objectContaining({ id: `${opened.id}-${refundEvent}`, by: 'seller' })]);
    expect(posts().map((q) => q.headers['idempotency-key'])).toEqual(taken ? [`${opened.id}-${refundEvent}`] : [`${opened.id}-${refundEvent}`, `${opened.id}-${refundEvent}`]);
    const after = (await store.load(opened.id))!;
    expect(after.status).toBe('closed');
    expect(after.timeline.filter((e) => e.type === 'refund')).toHaveLength(1);
  });
});
