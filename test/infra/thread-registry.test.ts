import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryKv, createRedisKv } from '../../src/infra/kv.js';
import { createThreadRegistry } from '../../src/infra/thread-registry.js';
import type { KeyValue } from '../../src/ports/kv.js';
import { testRedis } from '../support/redis.js';

function suite(name: string, setup: () => Promise<{ kv: () => KeyValue; cleanup?: () => Promise<void> }>) {
  describe(`ThreadRegistry on ${name}`, () => {
    let h: Awaited<ReturnType<typeof setup>>;
    beforeAll(async () => {
      h = await setup();
    });
    afterAll(async () => h.cleanup?.());

    it('maps a sent message to its case, per platform and conversation', async () => {
      const reg = createThreadRegistry(h.kv());
      await reg.rememberMessage('telegram', '-100200', '77', 'C-000001');
      const other = createThreadRegistry(h.kv());
      expect(await other.caseOfMessage('telegram', '-100200', '77')).toBe('C-000001');
      expect(await other.caseOfMessage('telegram', '-100201', '77')).toBeNull();
      expect(await other.caseOfMessage('discord', '-100200', '77')).toBeNull();
    });

    it('keeps a case thread per audience and finds the case from the thread', async () => {
      const reg = createThreadRegistry(h.kv());
      await reg.setCaseThread('discord', 'C-000002', 'parties', 'thread-1');
      await reg.setCaseThread('discord', 'C-000002', 'staff', 'thread-2');
      await reg.setCaseThread('teams', 'C-000002', 'acc-amina', '19:abc@thread.v2;messageid=1');
      expect(await reg.caseThread('discord', 'C-000002', 'parties')).toBe('thread-1');
      expect(await reg.caseThread('discord', 'C-000002', 'staff')).toBe('thread-2');
      expect(await reg.caseThread('telegram', 'C-000002', 'parties')).toBeNull();
      expect(await reg.caseOfThread('discord', 'thread-2')).toBe('C-000002');
      expect(await reg.caseOfThread('teams', '19:abc@thread.v2;messageid=1')).toBe('C-000002');
      expect(await reg.caseOfThread('discord', 'thread-unknown')).toBeNull();
    });

    it('forgets message mappings after their lifetime', async () => {
      const reg = createThreadRegistry(h.kv(), { messageTtlMs: 60 });
      await reg.rememberMessage('telegram', '1', '2', 'C-000003');
      expect(await reg.caseOfMessage('telegram', '1', '2')).toBe('C-000003');
      let gone = false;
      for (let i = 0; i < 100 && !gone; i++) {
        await new Promise((res) => setTimeout(res, 25));
        gone = (await reg.caseOfMessage('telegram', '1', '2')) === null;
      }
      expect(gone).toBe(true);
    });
  });
}

suite('memory', async () => {
  const kv = createMemoryKv();
  return { kv: () => kv };
});

suite('redis', async () => {
  const r = await testRedis();
  return { kv: () => createRedisKv(r.connect(), r.prefix), cleanup: () => r.cleanup() };
});
