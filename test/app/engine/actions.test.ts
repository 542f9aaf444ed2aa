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
    // Gone from the store, with an expiry in the past: expired, not unknown.
    expect(await codeOf(tokens.resolve(`${id!.slice(0, 15)}Q.${(Math.floor(clock.now().getTime() / 1000) - 5).toString(36)}`, ['a']))).toBe('ACTION_EXPIRED');
  });
});
