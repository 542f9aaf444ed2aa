import type { Platform } from '../domain/types.js';
import type { KeyValue } from '../ports/kv.js';
import type { ThreadRegistry } from '../ports/threads.js';

/**
 * Replies to a message older than this are no longer mapped to its case. Longer than the
 * longest a case lives (POLICY_MAX_CASE_AGE, 365 days by default), so the map does not grow forever.
 */
export const MESSAGE_TTL_MS = 400 * 24 * 3600 * 1000;

const messageKey = (p: Platform, conversationId: string, messageId: string) => `thread:msg:${p}:${conversationId}:${messageId}`;
const caseThreadKey = (p: Platform, caseId: string, audience: string) => `thread:case:${p}:${caseId}:${audience}`;
const threadCaseKey = (p: Platform, address: string) => `thread:addr:${p}:${address}`;

async function str(kv: KeyValue, key: string): Promise<string | null> {
  const v = await kv.get<unknown>(key);
  return typeof v === 'string' ? v : null;
}

/** Message → case and case ↔ thread maps on a KeyValue (memory or Redis). */
export function createThreadRegistry(kv: KeyValue, opts: { messageTtlMs?: number } = {}): ThreadRegistry {
  const messageTtl = opts.messageTtlMs ?? MESSAGE_TTL_MS;
  return {
    async rememberMessage(platform, conversationId, messageId, caseId) {
      await kv.set(messageKey(platform, conversationId, messageId), caseId, messageTtl);
    },
    caseOfMessage: (platform, conversationId, messageId) => str(kv, messageKey(platform, conversationId, messageId)),
    async setCaseThread(platform, caseId, audience, address) {
      await kv.set(caseThreadKey(platform, caseId, audience), address);
      await kv.set(threadCaseKey(platform, address), caseId);
    },
    caseThread: (platform, caseId, audience) => str(kv, caseThreadKey(platform, caseId, audience)),
    caseOfThread: (platform, address) => str(kv, threadCaseKey(platform, address)),
  };
}
