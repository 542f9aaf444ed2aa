import { describe, expect, it } from 'vitest';
import { createMemoryDedup } from '../../src/infra/dedup.js';
import { handleOnce, NotHandledError } from '../../adapters/common/redelivery.js';
import type { Dedup } from '../../src/ports/kv.js';

const TTL = { claimMs: 60_000, keepMs: 120_000 };

/** A Dedup that records what was asked of it, over a memory one. */
function recording(inner: Dedup = createMemoryDedup()) {
  const calls: string[] = [];
  const dedup: Dedup = {
    first: (key, ttlMs) => (calls.push(`first ${ttlMs}`), inner.first(key, ttlMs)),
    confirm: (key, ttlMs) => (calls.push(`confirm ${ttlMs}`), inner.confirm(key, ttlMs)),
    release: (key) => (calls.push('release'), inner.release(key)),
  };
  return { dedup, calls };
}

describe('handleOnce', () => {
  it('runs the work for a new key, claims it briefly, then keeps it for the long TTL', async () => {
    const { dedup, calls } = recording();
    let runs = 0;
    expect(await handleOnce(dedup, 'u:1', TTL, async () => void runs++)).toBe(true);
    expect(await handleOnce(dedup, 'u:1', TTL, async () => void runs++)).toBe(false);
    expect(runs).toBe(1);
    expect(calls).toEqual(['first 60000', 'confirm 120000', 'first 60000']);
  });

  it('releases a key whose work failed before deciding, so that the redelivery is handled once', async () => {
    const dedup = createMemoryDedup();
    const handled: string[] = [];
    const storeDown = new Error('connect ECONNREFUSED 127.0.0.1:6379');
    const failed = await handleOnce(dedup, 'u:2', TTL, async () => {
      throw storeDown;
    }).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(NotHandledError);
    expect((failed as NotHandledError).cause).toBe(storeDown);

    const work = async (decided: () => void) => {
      decided();
      handled.push('u:2');
    };
    expect(await handleOnce(dedup, 'u:2', TTL, work)).toBe(true);
    expect(await handleOnce(dedup, 'u:2', TTL, work)).toBe(false);
    expect(handled).toEqual(['u:2']);
  });

  it('keeps a key whose work failed after deciding, and rethrows the error as it is', async () => {
    const dedup = createMemoryDedup();
    const sendFailed = new Error('sendMessage: 502');
    const failed = await handleOnce(dedup, 'u:3', TTL, async (decided) => {
      decided();
      throw sendFailed;
    }).catch((e: unknown) => e);
    expect(failed).toBe(sendFailed);
    expect(await handleOnce(dedup, 'u:3', TTL, async () => undefined)).toBe(false);
  });

  it('reports a claim that could not be made as not handled, without running the work', async () => {
    const down = new Error('Connection is closed.');
    const dedup: Dedup = { first: () => Promise.reject(down), confirm: () => Promise.reject(down), release: () => Promise.reject(down) };
    let ran = false;
    const failed = await handleOnce(dedup, 'u:4', TTL, async () => void (ran = true)).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(NotHandledError);
    expect(ran).toBe(false);
  });

  it('tells, and does not fail on, a mark that could not be saved after the work', async () => {
    const inner = createMemoryDedup();
    const down = new Error('Connection is closed.');
    const dedup: Dedup = { first: (k, t) => inner.first(k, t), confirm: () => Promise.reject(down), release: () => Promise.reject(down) };
    const told: string[] = [];
    const opts = { ...TTL, onMarkError: (err: unknown, step: string) => told.push(`${step}: ${(err as Error).message}`) };
    expect(await handleOnce(dedup, 'u:5', opts, async () => undefined)).toBe(true);
    await expect(handleOnce(dedup, 'u:6', opts, async () => Promise.reject(new Error('boom')))).rejects.toBeInstanceOf(NotHandledError);
    expect(told).toEqual(['confirm: Connection is closed.', 'release: Connection is closed.']);
  });
});
