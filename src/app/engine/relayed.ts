import { createHash } from 'node:crypto';
import type { TurnInput } from '../../ports/turn.js';
import type { EngineCtx, Turn } from './context.js';

/**
 * Which case a party's message was relayed to as a comment, by the platform's id of that message: an edit of it is
 * relayed as a correction of that comment. Telegram lets a message be edited for as long as it exists; past this the
 * edit gets the plain answer that edits are not read.
 */
export const RELAYED_TTL_MS = 30 * 24 * 3600_000;

/** A relayed message: its case, the time of its comment, and a digest of the words last relayed. */
export interface RelayedMessage {
  caseId: string;
  at: string;
  digest: string;
}

const relayedKey = (input: TurnInput, messageId: string) => `engine:relayed:${input.platform}:${input.conversationId}:${messageId}`;

/** Short digest of words as relayed: an "edit" that changes nothing (Telegram sends some) is not relayed again. */
export const wordsDigest = (text: string): string => createHash('sha256').update(text.trim()).digest('base64url').slice(0, 16);

/** Remembers that the turn's message became the comment at `at` on `caseId` (nothing when the platform gave no message id). */
export async function rememberRelayed(e: EngineCtx, t: Turn, caseId: string, at: string, text: string): Promise<void> {
  const id = t.input.messageId;
  if (!id) return;
  await e.deps.kv.set<RelayedMessage>(relayedKey(t.input, id), { caseId, at, digest: wordsDigest(text) }, RELAYED_TTL_MS);
}

/** The comment the turn's (edited) message became, if it was relayed. */
export async function relayedMessage(e: EngineCtx, t: Turn): Promise<RelayedMessage | null> {
  const id = t.input.messageId;
  return id ? ((await e.deps.kv.get<RelayedMessage>(relayedKey(t.input, id))) ?? null) : null;
}

/** Records the words a correction relayed, so that the same edit delivered again, or an unchanged one, is not. */
export async function updateRelayed(e: EngineCtx, t: Turn, relayed: RelayedMessage, text: string): Promise<void> {
  const id = t.input.messageId;
  if (id) await e.deps.kv.set<RelayedMessage>(relayedKey(t.input, id), { ...relayed, digest: wordsDigest(text) }, RELAYED_TTL_MS);
}
