import { m, say, type EngineCtx, type Turn } from '../context.js';
import { relayedMessage, updateRelayed, wordsDigest } from '../relayed.js';
import { REPORT_LAPSE_MS } from '../state.js';
import { editDescription } from './buyer-report.js';
import { actOnCase } from './case-thread.js';

/**
 * A message the user edited after sending it. What the edit means depends on what the message became:
 * - the description of a report under way: the report holds the new words (a short acknowledgement);
 * - a comment relayed to the other party: the new words are relayed as a correction of it, a new comment on the
 *   timeline (which stays append-only), once per edit;
 * - anything else (a command, an old message, words the bot answered): nothing is redone. In a private chat the user is
 *   told that edits are not read and to send a new message; in a group only an edited command is answered, since
 *   other edits there are people's own conversation.
 */
export async function onEdit(e: EngineCtx, t: Turn, text: string, command: boolean): Promise<void> {
  if (t.account && !command && t.input.messageId) {
    const { platform, userId, conversationId } = t.input;
    const s = await e.conv.get(platform, userId, conversationId);
    const live = s && s !== 'invalid' && s.flow === 'report' && !!s.at && Date.parse(t.now) - Date.parse(s.at) <= REPORT_LAPSE_MS;
    if (live && s.flow === 'report' && (await editDescription(e, t, s, text))) return;
    const relayed = await relayedMessage(e, t);
    if (relayed) {
      // Telegram also sends an edit when only the formatting or a link preview changed: the same words are not relayed twice.
      if (relayed.digest === wordsDigest(text)) return;
      await actOnCase(e, t, relayed.caseId, { type: 'Comment', text, correctionOf: relayed.at });
      return updateRelayed(e, t, relayed, text);
    }
  }
  if (!t.input.isPrivate && !command) return;
  // Once per message: a message edited three times, or changed by Telegram itself, is not answered three times.
  if (t.input.messageId && (await toldBefore(e, t))) return;
  say(t, m('engine-edit-not-read', { what: command ? 'command' : 'message' }));
}

/** The « edits are not read » answer is given once per message for this long. */
const TOLD_TTL_MS = 7 * 24 * 3600_000;
const toldKey = (t: Turn) => `engine:edit-told:${t.input.platform}:${t.input.conversationId}:${t.input.messageId}`;

async function toldBefore(e: EngineCtx, t: Turn): Promise<boolean> {
  const { kv } = e.deps;
  if (kv.exchange) return (await kv.exchange(toldKey(t), true, TOLD_TTL_MS)) === true;
  const told = await kv.get<boolean>(toldKey(t));
  await kv.set(toldKey(t), true, TOLD_TTL_MS);
  return told === true;
}
