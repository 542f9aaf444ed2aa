/**
 * What the delivery queue's tests share (test/infra/delivery-queue.test.ts, the contract on every implementation, and
 * test/infra/delivery-streams.test.ts, the Redis streams across processes): items, waits, and queues consumed in a test
 * and closed after it.
 */
import { afterEach, expect } from 'vitest';
import type { DeliveryHandler, DeliveryItem, DeliveryQueue, DeliveryResult } from '../../src/ports/outbox.js';
import type { TestRedis } from './redis.js';

// A Teams-like user id: targets may hold ':' and other characters.
export const TARGET = 'teams|29:1AbC-é';
export const OTHER = 'teams|29:zZ';
export const item = (id: string, target = TARGET): DeliveryItem => ({
  key: `${id}@${target}`,
  target,
  address: { platform: 'teams', userId: target.split('|')[1]! },
  notification: { id, to: { accountId: 'acc-amina' }, caseId: 'C-000001', body: [{ id: 'notify-comment', args: { text: 'été', at: { date: '2026-10-21T08:00:00.000Z' } } }], createdAt: '2026-10-21T08:00:00.000Z' },
  attempts: 0,
  enqueuedAt: '2026-10-21T08:00:00.000Z',
});

/** Queues a test started (closed after each test), and `consume` to start one. Call once at a test file's top level. */
export function startedQueues(): { started: DeliveryQueue[]; consume: typeof consume } {
  const started: DeliveryQueue[] = [];
  afterEach(async () => {
    await Promise.all(started.splice(0).map((q) => q.close()));
  });
  /** Starts consuming with a handler that records what it saw and settles each item as delivered. */
  async function consume(queue: DeliveryQueue, seen: DeliveryItem[], decide: (item: DeliveryItem) => Promise<DeliveryResult | 'done'> | DeliveryResult | 'done' = () => 'done'): Promise<void> {
    const handle: DeliveryHandler = async (it) => {
      seen.push(structuredClone(it));
      const verdict = await decide(it);
      if (verdict !== 'done') return verdict;
      await queue.done(it, true);
      return null;
    };
    started.push(queue);
    await queue.start(handle, ['teams']);
  }
  return { started, consume };
}

/** Waits until `probe` holds (never asserting how long it took). */
export async function until(probe: () => boolean | Promise<boolean>, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await probe()) && Date.now() < end) await new Promise((res) => setTimeout(res, 20));
  expect(await probe()).toBe(true);
}

/**
 * The connection with its scripts (EVALSHA: the stream reads among them) run through `around`, which runs the script
 * (`run`, as often as it likes) and answers in its place: a lost or held answer, a script run twice.
 */
export function scriptsThrough(conn: ReturnType<TestRedis['connect']>, around: (run: () => Promise<unknown>) => Promise<unknown>): typeof conn {
  return new Proxy(conn, {
    get(target, prop) {
      if (prop === 'evalsha') return (...args: unknown[]) => around(() => (target.evalsha as (...a: unknown[]) => Promise<unknown>).apply(target, args));
      const v = Reflect.get(target, prop) as unknown;
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
}

/** Whether a stream read's answer holds entries. */
export const tookSome = (reply: unknown): boolean => Array.isArray(reply) && reply.some((s) => Array.isArray(s) && Array.isArray(s[1]) && s[1].length > 0);

/** The ids of the items for `target`, in the order given. */
export const keys = (items: DeliveryItem[], target = TARGET) => items.filter((i) => i.target === target).map((i) => i.notification.id);
