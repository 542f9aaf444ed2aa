import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Platform } from '../../../src/domain/types.js';
import { backendWorld } from './harness.js';

describe.each(['memory', 'redis'] as const)('a user who blocked the bot and writes again (%s)', (kind) => {
  const world = backendWorld(kind, { beforeAll, afterAll });

  it.each(['telegram', 'discord', 'teams', 'web'] satisfies Platform[])('on %s, any message clears the blocked mark', async (platform) => {
    const w = await world();
    const amina = await w.user({ platform, account: 'acc-amina' });
    const other = await w.user({ platform, account: 'acc-bisou' });
    await w.links.setBlocked(platform, amina.userId, '2026-11-09T10:00:00.000Z');
    await w.links.setBlocked(platform, other.userId, '2026-11-09T10:00:00.000Z');

    await amina.text('bonjour');
    expect((await w.links.get(platform, amina.userId))?.blockedAt).toBeNull();
    // Only the one who wrote: another blocked user stays marked.
    expect((await w.links.get(platform, other.userId))?.blockedAt).toBe('2026-11-09T10:00:00.000Z');
  });
});
