import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dedup, KeyValue } from '../../src/ports/kv.js';
import type { AtomicKeyValue } from '../../src/infra/kv.js';

/** What each run of the contract needs: fresh stores on the same backing storage, and a cleanup. */
export interface KvHarness {
  /** A store; calling it twice gives two handles on the same data (two processes, for Redis). */
  kv(): AtomicKeyValue;
  cleanup?(): Promise<void>;
}

export interface DedupHarness {
  dedup(): Dedup;
  cleanup?(): Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits until `probe` returns true (expiry is the storage's business; we only wait for it). */
async function eventually(probe: () => Promise<boolean>, maxMs = 3000): Promise<boolean> {
  for (let waited = 0; waited < maxMs; waited += 25) {
    if (await probe()) return true;
    await sleep(25);
  }
  return probe();
}

let n = 0;
const fresh = (label: string) => `${label}:${++n}:${Math.random().toString(36).slice(2)}`;

/** The KeyValue contract: every implementation must pass it unchanged. */
export function describeKeyValue(name: string, setup: () => Promise<KvHarness>): void {
  describe(`KeyValue contract: ${name}`, () => {
    let h: KvHarness;
    let kv: KeyValue & AtomicKeyValue;
    beforeAll(async () => {
      h = await setup();
      kv = h.kv();
    });
    afterAll(async () => h.cleanup?.());

    it('answers undefined for a key never set', async () => {
      expect(await kv.get(fresh('missing'))).toBeUndefined();
    });

    it('returns what was set, for every JSON shape', async () => {
      const values = ['texte', 42, 0, true, false, null, ['a', 1], { nested: { list: [1, { x: 'y' }] }, fr: 'été' }];
      for (const v of values) {
        const key = fresh('shape');
        await kv.set(key, v);
        expect(await kv.get(key)).toEqual(v);
      }
    });

    it('hands out copies: changing a returned object does not change the stored one', async () => {
      const key = fresh('copy');
      await kv.set(key, { step: 'order' });
      const got = (await kv.get<{ step: string }>(key))!;
      got.step = 'changed';
      expect(await kv.get(key)).toEqual({ step: 'order' });
    });

    it('replaces a value and keeps keys with colons and accents apart', async () => {
      const a = fresh('teams:29:1AbC');
      const b = `${a}:é`;
      await kv.set(a, 1);
      await kv.set(a, 2);
      await kv.set(b, 3);
      expect(await kv.get(a)).toBe(2);
      expect(await kv.get(b)).toBe(3);
    });

    it('deletes, saying whether the key existed', async () => {
      const key = fresh('del');
      await kv.set(key, 'x');
      expect(await kv.delete(key)).toBe(true);
      expect(await kv.get(key)).toBeUndefined();
      expect(await kv.delete(key)).toBe(false);
    });

    it('forgets a value once its TTL has passed, and not before', async () => {
      const short = fresh('ttl-short');
      const long = fresh('ttl-long');
      await kv.set(short, 'soon gone', 80);
      await kv.set(long, 'stays', 60_000);
      expect(await kv.get(short)).toBe('soon gone');
      expect(await eventually(async () => (await kv.get(short)) === undefined)).toBe(true);
      expect(await kv.get(long)).toBe('stays');
      expect(await kv.delete(short)).toBe(false);
    });

    it('reads several keys at once, in order, with undefined for missing and expired ones', async () => {
      const [a, b, gone, never] = [fresh('many'), fresh('many'), fresh('many'), fresh('many')];
      await kv.set(a, { step: 'order' });
      await kv.set(b, 'été');
      await kv.set(gone, 'bientôt parti', 50);
      expect(await eventually(async () => (await kv.get(gone)) === undefined)).toBe(true);
      expect(await kv.getMany([b, never, a, gone])).toEqual(['été', undefined, { step: 'order' }, undefined]);
      expect(await h.kv().getMany([a])).toEqual([{ step: 'order' }]);
      expect(await kv.getMany([])).toEqual([]);
    });

    it('reads an expired key as undefined through getMany too', async () => {
      const key = fresh('many-ttl');
      await kv.set(key, 'court', 800);
      expect(await kv.getMany([key])).toEqual(['court']);
      expect(await eventually(async () => (await kv.getMany([key]))[0] === undefined)).toBe(true);
    });

    it('drops the TTL when a key is set again without one', async () => {
      const key = fresh('ttl-reset');
      await kv.set(key, 'v1', 80);
      await kv.set(key, 'v2');
      await sleep(200);
      expect(await kv.get(key)).toBe('v2');
    });

    it('refuses a TTL that is not a positive number', async () => {
      await expect(kv.set(fresh('bad-ttl'), 'x', 0)).rejects.toThrow(RangeError);
      await expect(kv.set(fresh('bad-ttl'), 'x', -5)).rejects.toThrow(RangeError);
    });

    it('shares data between two handles on the same storage', async () => {
      const key = fresh('shared');
      const other = h.kv();
      await kv.set(key, { by: 'one' });
      expect(await other.get(key)).toEqual({ by: 'one' });
      expect(await other.delete(key)).toBe(true);
      expect(await kv.get(key)).toBeUndefined();
    });

    it('add sets only an absent key, and exactly one of many racing adds wins', async () => {
      const key = fresh('add');
      const handles = [kv, h.kv(), h.kv()];
      const wins = await Promise.all(Array.from({ length: 30 }, (_, i) => handles[i % 3]!.add(key, i, 60_000)));
      expect(wins.filter(Boolean)).toHaveLength(1);
      const winner = wins.indexOf(true);
      expect(await kv.get(key)).toBe(winner);
      expect(await kv.add(key, 'again')).toBe(false);
      await kv.delete(key);
      expect(await kv.add(key, 'after delete')).toBe(true);
    });

    it('add honours its TTL', async () => {
      const key = fresh('add-ttl');
      expect(await kv.add(key, 1, 80)).toBe(true);
      expect(await eventually(() => kv.add(key, 2, 60_000))).toBe(true);
      expect(await kv.get(key)).toBe(2);
    });
  });
}

/** The Dedup contract: true once per key per TTL, whoever asks; confirm extends a mark, release forgets it. */
export function describeDedup(name: string, setup: () => Promise<DedupHarness>): void {
  describe(`Dedup contract: ${name}`, () => {
    let h: DedupHarness;
    beforeAll(async () => {
      h = await setup();
    });
    afterAll(async () => h.cleanup?.());

    it('is true the first time only', async () => {
      const d = h.dedup();
      const key = fresh('update');
      expect(await d.first(key, 60_000)).toBe(true);
      expect(await d.first(key, 60_000)).toBe(false);
      expect(await d.first(fresh('other'), 60_000)).toBe(true);
    });

    it('lets exactly one of many racing callers through', async () => {
      const ds = [h.dedup(), h.dedup(), h.dedup()];
      const key = fresh('race');
      const results = await Promise.all(Array.from({ length: 30 }, (_, i) => ds[i % 3]!.first(key, 60_000)));
      expect(results.filter(Boolean)).toHaveLength(1);
    });

    it('is true again once the TTL has passed', async () => {
      const d = h.dedup();
      const key = fresh('ttl');
      expect(await d.first(key, 80)).toBe(true);
      expect(await eventually(() => d.first(key, 60_000))).toBe(true);
      expect(await d.first(key, 60_000)).toBe(false);
    });

    it('refuses a TTL that is not a positive number', async () => {
      await expect(h.dedup().first(fresh('bad'), 0)).rejects.toThrow(RangeError);
      await expect(h.dedup().confirm(fresh('bad'), -1)).rejects.toThrow(RangeError);
    });

    it('confirm keeps a claimed key past its short claim, for every process', async () => {
      const [a, b] = [h.dedup(), h.dedup()];
      const key = fresh('confirm');
      expect(await a.first(key, 80)).toBe(true);
      await a.confirm(key, 60_000);
      await sleep(250);
      expect(await b.first(key, 60_000)).toBe(false);
    });

    it('confirm marks a key nobody claimed, until its own TTL has passed', async () => {
      const d = h.dedup();
      const key = fresh('confirm-only');
      await d.confirm(key, 80);
      expect(await d.first(key, 60_000)).toBe(false);
      expect(await eventually(() => d.first(key, 60_000))).toBe(true);
    });

    it('release makes a claimed key new again, for every process', async () => {
      const [a, b] = [h.dedup(), h.dedup()];
      const key = fresh('release');
      expect(await a.first(key, 60_000)).toBe(true);
      await a.release(key);
      expect(await b.first(key, 60_000)).toBe(true);
      expect(await a.first(key, 60_000)).toBe(false);
      await expect(a.release(fresh('never-seen'))).resolves.toBeUndefined();
    });

    it('claim tells a live claim (held) from a confirmed key (done), for every process', async () => {
      const [a, b] = [h.dedup(), h.dedup()];
      const key = fresh('claim');
      expect(await a.claim(key, 'p1', 60_000)).toBe('claimed');
      expect(await b.claim(key, 'p2', 60_000)).toBe('held');
      expect(await b.first(key, 60_000)).toBe(false);
      await a.confirm(key, 60_000);
      expect(await b.claim(key, 'p2', 60_000)).toBe('done');
    });

    it('lets exactly one of many racing claims through', async () => {
      const ds = [h.dedup(), h.dedup(), h.dedup()];
      const key = fresh('claim-race');
      const results = await Promise.all(Array.from({ length: 30 }, (_, i) => ds[i % 3]!.claim(key, `p${i}`, 60_000)));
      expect(results.filter((r) => r === 'claimed')).toHaveLength(1);
      expect(results.filter((r) => r === 'held')).toHaveLength(29);
    });

    it('a claim nobody renews lapses and can be taken; its old owner can then neither renew nor release it', async () => {
      const [a, b] = [h.dedup(), h.dedup()];
      const key = fresh('lapse');
      expect(await a.claim(key, 'dead', 80)).toBe('claimed');
      expect(await eventually(async () => (await b.claim(key, 'alive', 60_000)) === 'claimed')).toBe(true);
      expect(await a.renew(key, 'dead', 60_000)).toBe(false);
      await a.release(key, 'dead');
      expect(await a.claim(key, 'third', 60_000)).toBe('held');
      expect(await b.renew(key, 'alive', 60_000)).toBe(true);
    });

    it('renew keeps a claim alive past its first TTL; it never revives a released or confirmed key', async () => {
      const [a, b] = [h.dedup(), h.dedup()];
      const key = fresh('renew');
      // A TTL well above the pause (600 ms against 150): a loaded machine may wake the sleep late, and that is not what is tested.
      expect(await a.claim(key, 'p1', 600)).toBe('claimed');
      for (let i = 0; i < 6; i++) {
        await sleep(150);
        expect(await a.renew(key, 'p1', 600)).toBe(true);
      }
      expect(await b.claim(key, 'p2', 60_000)).toBe('held');
      await a.release(key, 'p1');
      expect(await a.renew(key, 'p1', 60_000)).toBe(false);
      expect(await b.claim(key, 'p2', 60_000)).toBe('claimed');
      await b.confirm(key, 60_000);
      expect(await b.renew(key, 'p2', 60_000)).toBe(false);
      expect(await a.claim(key, 'p1', 60_000)).toBe('done');
    });
  });
}
