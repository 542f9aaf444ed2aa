import { describe, expect, it } from 'vitest';
import { createMemoryDedup } from '../../src/infra/dedup.js';
import { handleOnce, InFlightError, NotHandledError } from '../../adapters/common/redelivery.js';
import type { Dedup } from '../../src/ports/kv.js';

const TTL = { claimMs: 60_000, keepMs: 120_000 };

/** A Dedup that records what was asked of it, over a memory one. */
function recording(inner: Dedup = createMemoryDedup()) {
  const calls: string[] = [];
  const dedup: Dedup = {
    first: (key, ttlMs) => (calls.push(`first ${ttlMs}`), inner.first(key, ttlMs)),
    claim: (key, owner, ttlMs) => (calls.push(`claim ${ttlMs}`), inner.claim(key, owner, ttlMs)),
    renew: (key, owner, ttlMs) => (calls.push(`renew ${ttlMs}`), inner.renew(key, owner, ttlMs)),
    confirm: (key, ttlMs) => (calls.push(`confirm ${ttlMs}`), inner.confirm(key, ttlMs)),
    release: (key, owner) => (calls.push('release'), inner.release(key, owner)),
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
    expect(calls).toEqual(['claim 60000', 'confirm 120000', 'claim 60000']);
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
    const dedup: Dedup = {
      first: () => Promise.reject(down),
      claim: () => Promise.reject(down),
      renew: () => Promise.reject(down),
      confirm: () => Promise.reject(down),
      release: () => Promise.reject(down),
    };
    let ran = false;
    const failed = await handleOnce(dedup, 'u:4', TTL, async () => void (ran = true)).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(NotHandledError);
    expect(ran).toBe(false);
  });

  it('tells, and does not fail on, a mark that could not be saved after the work', async () => {
    const inner = createMemoryDedup();
    const down = new Error('Connection is closed.');
    const dedup: Dedup = {
      first: (k, t) => inner.first(k, t),
      claim: (k, o, t) => inner.claim(k, o, t),
      renew: (k, o, t) => inner.renew(k, o, t),
      confirm: () => Promise.reject(down),
      release: () => Promise.reject(down),
    };
    const told: string[] = [];
    const opts = { ...TTL, onMarkError: (err: unknown, step: string) => told.push(`${step}: ${(err as Error).message}`) };
    expect(await handleOnce(dedup, 'u:5', opts, async () => undefined)).toBe(true);
    await expect(handleOnce(dedup, 'u:6', opts, async () => Promise.reject(new Error('boom')))).rejects.toBeInstanceOf(NotHandledError);
    expect(told).toEqual(['confirm: Connection is closed.', 'release: Connection is closed.']);
  });

  it('refuses a key another handler holds a live claim on, without running the work, and handles it once that claim lapses', async () => {
    const dedup = createMemoryDedup();
    const short = { claimMs: 150, renewMs: 1_000_000, keepMs: 60_000 };
    // A handler that claimed the key and died: its claim is never renewed nor confirmed.
    expect(await dedup.claim('u:7', 'dead-process', short.claimMs)).toBe('claimed');
    let runs = 0;
    const work = async () => void runs++;
    await expect(handleOnce(dedup, 'u:7', short, work)).rejects.toBeInstanceOf(InFlightError);
    expect(runs).toBe(0);
    await new Promise((r) => setTimeout(r, 200));
    expect(await handleOnce(dedup, 'u:7', short, work)).toBe(true);
    expect(await handleOnce(dedup, 'u:7', short, work)).toBe(false);
    expect(runs).toBe(1);
  });

  it('renews its claim while the work runs, so that a slow turn is never run twice', async () => {
    const dedup = createMemoryDedup();
    const short = { claimMs: 120, renewMs: 30, keepMs: 60_000 };
    let release: () => void = () => undefined;
    const slow = handleOnce(dedup, 'u:8', short, () => new Promise<void>((r) => (release = r)));
    await new Promise((r) => setTimeout(r, 400));
    // Three claim lengths later the first handler still holds it: the redelivery is refused, not run.
    await expect(handleOnce(dedup, 'u:8', short, async () => undefined)).rejects.toBeInstanceOf(InFlightError);
    release();
    expect(await slow).toBe(true);
    expect(await handleOnce(dedup, 'u:8', short, async () => undefined)).toBe(false);
  });

  it('confirms the key as soon as the outcome is decided, before the replies are sent', async () => {
    const dedup = createMemoryDedup();
    let replying: () => void = () => undefined;
    const turn = handleOnce(dedup, 'u:9', TTL, async (decided) => {
      decided();
      await new Promise<void>((r) => (replying = r));
    });
    await new Promise((r) => setTimeout(r, 20));
    // A redelivery while the replies go out is a duplicate, acknowledged without running again.
    expect(await handleOnce(dedup, 'u:9', TTL, async () => undefined)).toBe(false);
    replying();
    expect(await turn).toBe(true);
  });
});
