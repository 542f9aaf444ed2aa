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

  describe("one user's events (OnceOptions.user)", () => {
    const USER = { ...TTL, user: 'p:user:1' };
    const gate = () => {
      let open = () => undefined as void;
      const shut = new Promise<void>((r) => (open = r));
      return { shut, open: () => open() };
    };

    it('runs a second event of the user only once the first is done, with a note that what it read before is stale', async () => {
      const dedup = createMemoryDedup();
      const order: string[] = [];
      const g = gate();
      const first = handleOnce(dedup, 'e:1', USER, async () => {
        order.push('1 starts');
        await g.shut;
        order.push('1 ends');
      });
      let waited: boolean | null = null;
      const second = handleOnce(dedup, 'e:2', USER, async (_d, turn) => {
        waited = turn.waited;
        order.push('2 runs');
      });
      await new Promise((r) => setTimeout(r, 100));
      g.open();
      expect(await Promise.all([first, second])).toEqual([true, true]);
      expect(order).toEqual(['1 starts', '1 ends', '2 runs']);
      expect(waited).toBe(true);
      // Another user is not held up by either.
      expect(await handleOnce(dedup, 'e:3', { ...TTL, user: 'p:user:2' }, async (_d, turn) => void (waited = turn.waited))).toBe(true);
      expect(waited).toBe(false);
    });

    it('refuses the second event like one claimed elsewhere when the first is not done within the wait, and lets its redelivery run', async () => {
      const dedup = createMemoryDedup();
      const g = gate();
      const first = handleOnce(dedup, 'e:1', USER, () => g.shut);
      const t0 = Date.now();
      let ran = false;
      const refused = await handleOnce(dedup, 'e:2', { ...USER, userWaitMs: 200 }, async () => void (ran = true)).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(InFlightError);
      expect(Date.now() - t0).toBeLessThan(1_000);
      expect(ran).toBe(false);
      g.open();
      await first;
      expect(await handleOnce(dedup, 'e:2', USER, async () => void (ran = true))).toBe(true);
      expect(ran).toBe(true);
    });

    it('lets the next event run once the turn failed, or once the adapter said it is finished', async () => {
      const dedup = createMemoryDedup();
      await handleOnce(dedup, 'e:1', USER, async () => {
        throw new Error('store down');
      }).catch(() => undefined);
      const g = gate();
      let finished = false;
      const early = handleOnce(dedup, 'e:2', USER, async (_d, turn) => {
        await turn.finish();
        finished = true;
        await g.shut;
      });
      await new Promise((r) => setTimeout(r, 20));
      expect(finished).toBe(true);
      // Its turn still runs (retiring buttons, say), but its user's next event does not wait for it.
      expect(await handleOnce(dedup, 'e:3', { ...USER, userWaitMs: 100 }, async () => undefined)).toBe(true);
      g.open();
      await early;
    });

    it('refuses a waiting event at once when the process stops', async () => {
      const dedup = createMemoryDedup();
      const g = gate();
      const first = handleOnce(dedup, 'e:1', USER, () => g.shut);
      const stopping = new AbortController();
      const t0 = Date.now();
      const waiting = handleOnce(dedup, 'e:2', { ...USER, signal: stopping.signal }, async () => undefined).catch((e: unknown) => e);
      await new Promise((r) => setTimeout(r, 50));
      stopping.abort();
      expect(await waiting).toBeInstanceOf(InFlightError);
      expect(Date.now() - t0).toBeLessThan(500);
      g.open();
      await first;
    });

    it('gives the user back when its event is a duplicate or held elsewhere', async () => {
      const dedup = createMemoryDedup();
      await handleOnce(dedup, 'e:1', USER, async () => undefined);
      expect(await handleOnce(dedup, 'e:1', USER, async () => undefined)).toBe(false);
      await dedup.claim('e:9', 'another-process', 60_000);
      expect(await handleOnce(dedup, 'e:9', USER, async () => undefined).catch((e: unknown) => e)).toBeInstanceOf(InFlightError);
      expect(await dedup.claim('p:user:1', 'someone', 60_000)).toBe('claimed');
    });
  });
});
