import { describe, expect, it } from 'vitest';
import { createActionTokens, SUPPORT_OWNER } from '../../../src/app/engine/actions.js';
import { createMemoryKv } from '../../../src/infra/kv.js';
import { fixedClock } from './harness.js';

const codeOf = async (p: Promise<unknown>) => p.then(() => 'ok', (e: { code?: string }) => e.code ?? 'thrown');

describe('action tokens', () => {
  it('are short, opaque and resolve for their owner only', async () => {
    const tokens = createActionTokens({ kv: createMemoryKv(), clock: fixedClock() });
    const token = await tokens.issue('acc-amina', { k: 'case', caseId: 'C-000001', op: 'close' });
    expect(token.length).toBeLessThanOrEqual(64);
    expect(token).not.toContain('C-000001');
    expect(await tokens.resolve(token, ['acc-amina'])).toEqual({ k: 'case', caseId: 'C-000001', op: 'close' });
    expect(await codeOf(tokens.resolve(token, ['acc-joel', SUPPORT_OWNER]))).toBe('ACTION_INVALID');
  });

  it('refuse unknown, malformed and tampered tokens', async () => {
    const tokens = createActionTokens({ kv: createMemoryKv(), clock: fixedClock() });
    const token = await tokens.issue('a', { k: 'flow', nonce: 'n', v: 'open' });
    const [id, exp] = token.split('.') as [string, string];
    expect(await codeOf(tokens.resolve('garbage', ['a']))).toBe('ACTION_INVALID');
    expect(await codeOf(tokens.resolve(`${id.slice(1)}Z.${exp}`, ['a']))).toBe('ACTION_INVALID');
    expect(await codeOf(tokens.resolve(`${id}.${(parseInt(exp, 36) + 100).toString(36)}`, ['a']))).toBe('ACTION_INVALID');
  });

  it('expire: an old token reads as expired, whether or not the store still has it', async () => {
    const clock = fixedClock();
    const tokens = createActionTokens({ kv: createMemoryKv(), clock, ttlMs: 60_000 });
    const token = await tokens.issue('a', { k: 'demo', accountId: 'acc-amina' });
    clock.advance(61_000);
    expect(await codeOf(tokens.resolve(token, ['a']))).toBe('ACTION_EXPIRED');
    const [id] = token.split('.');
    // Gone from the store, with an expiry in the past: expired, not unknown. (Another id than the one issued: its 16th
    // character changed to one it is not, else one test run in 64 would read the issued token, tampered.)
    const other = `${id!.slice(0, 15)}${id![15] === 'Q' ? 'R' : 'Q'}`;
    expect(await codeOf(tokens.resolve(`${other}.${(Math.floor(clock.now().getTime() / 1000) - 5).toString(36)}`, ['a']))).toBe('ACTION_EXPIRED');
  });

  describe('signed (with a key shared by the processes)', () => {
    const KEY = 'a-link-secret-of-the-fleet-0123456789';
    function counting() {
      const kv = createMemoryKv();
      const writes: string[] = [];
      return { writes, kv: { ...kv, set: async <T,>(k: string, v: T, ttl?: number) => { writes.push(k); await kv.set(k, v, ttl); } } };
    }

    it('carry a case action, an order reply or a support queue in the token itself: nothing stored, resolved in any process with the key', async () => {
      const { kv, writes } = counting();
      const issuing = createActionTokens({ kv, clock: fixedClock(), signingKey: KEY });
      // Another process: its own (empty) store, the same key.
      const other = createActionTokens({ kv: createMemoryKv(), clock: fixedClock(), signingKey: KEY });
      const payloads = [
        { k: 'case', caseId: 'C-000123', op: 'reply' },
        { k: 'case', caseId: 'C-1234567', op: 'refund_full' },
        { k: 'order', orderId: 'CC-100003', op: 'reply' },
        { k: 'queue', view: 'overdue' },
      ] as const;
      for (const payload of payloads) {
        const token = await issuing.issue('acc-amina', payload);
        expect(token.length).toBeLessThanOrEqual(64);
        expect(await other.resolve(token, ['acc-joel', 'acc-amina'])).toEqual(payload);
        expect(await codeOf(other.resolve(token, ['acc-joel', SUPPORT_OWNER]))).toBe('ACTION_INVALID');
      }
      expect(writes).toEqual([]);
      // What does not fit (a confirmation's words, its once-group) is still stored, and resolves as before.
      const confirm = { k: 'case', caseId: 'C-000123', op: 'decide', arg: 'yes', text: 'Le colis est perdu.', once: 'g1' } as const;
      const stored = await issuing.issue('acc-amina', confirm);
      expect(writes).toHaveLength(1);
      expect(await issuing.resolve(stored, ['acc-amina'])).toEqual(confirm);
    });

    it('refuse a token changed in any part, signed with another key, or signed when this process has no key', async () => {
      const tokens = createActionTokens({ kv: createMemoryKv(), clock: fixedClock(), signingKey: KEY });
      const token = await tokens.issue('acc-amina', { k: 'case', caseId: 'C-000123', op: 'reply' });
      const [code, exp, sig] = token.split('.') as [string, string, string];
      const forged = [
        `${code.slice(0, -1)}4.${exp}.${sig}`, // another case
        `c0${code.slice(2)}.${exp}.${sig}`, // another action on it
        `${code}.${(parseInt(exp, 36) + 3600).toString(36)}.${sig}`, // a later expiry
        `${code}.${exp}.${sig.slice(1)}A`, // another signature
      ];
      for (const t of forged) expect(await codeOf(tokens.resolve(t, ['acc-amina'])), t).toBe('ACTION_INVALID');
      const elsewhere = createActionTokens({ kv: createMemoryKv(), clock: fixedClock(), signingKey: 'another-fleet-secret-987654321' });
      expect(await codeOf(elsewhere.resolve(token, ['acc-amina']))).toBe('ACTION_INVALID');
      const keyless = createActionTokens({ kv: createMemoryKv(), clock: fixedClock() });
      expect(await codeOf(keyless.resolve(token, ['acc-amina']))).toBe('ACTION_INVALID');
    });

    it('expire with the time they carry', async () => {
      const clock = fixedClock();
      const tokens = createActionTokens({ kv: createMemoryKv(), clock, ttlMs: 60_000, signingKey: KEY });
      const token = await tokens.issue('acc-amina', { k: 'case', caseId: 'C-000123', op: 'view' });
      expect(await tokens.resolve(token, ['acc-amina'])).toEqual({ k: 'case', caseId: 'C-000123', op: 'view' });
      clock.advance(61_000);
      expect(await codeOf(tokens.resolve(token, ['acc-amina']))).toBe('ACTION_EXPIRED');
    });
  });
});
