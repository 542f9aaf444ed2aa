import type { Case } from '../../../domain/case-model.js';
import { m, requireWho, say, type EngineCtx, type Turn } from '../context.js';
import { REPORT_LAPSE_MS } from '../state.js';
import { editDescription } from './buyer-report.js';
import { actOnCase, messageRefOf, subjectOfTurn } from './case-thread.js';

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
    const relayed = await commentOfMessage(e, t);
    if (relayed) {
      // The words as last relayed: Telegram also sends an "edit" when only the formatting or a link preview changed,
      // and an edit delivered again has been relayed already.
      if (relayed.latest.trim() === text.trim()) return;
      return actOnCase(e, t, relayed.caseId, { type: 'Comment', text, messageRef: relayed.ref, correctionOf: relayed.at });
    }
  }
  if (!t.input.isPrivate && !command) return;
  // Once per message: a message edited three times, or changed by Telegram itself, is not answered three times.
  if (t.input.messageId && (await toldBefore(e, t))) return;
  say(t, m('engine-edit-not-read', { what: command ? 'command' : 'message' }));
}

/**
 * The comment the edited message became: looked for in the case the message was about (a reply to a case message, a
 * case thread), then in the user's other cases (words sent with a case's « Écrire » button). `at` is the comment's
 * time, `latest` the words last relayed for it (the latest correction's, if any).
 */
async function commentOfMessage(e: EngineCtx, t: Turn): Promise<{ caseId: string; ref: string; at: string; latest: string } | null> {
  const ref = messageRefOf(t.input);
  if (!ref) return null;
  const who = requireWho(t);
  const subject = await subjectOfTurn(e, t);
  const about = subject && 'caseId' in subject ? await e.deps.cases.get(who, subject.caseId).catch(() => null) : null;
  const found = (c: Case | null) => c && commentIn(c, ref, who.accountId);
  const first = found(about);
  if (first) return first;
  for (const c of await e.deps.cases.list(who, 'mine')) {
    const hit = found(c);
    if (hit) return hit;
  }
  return null;
}

function commentIn(c: Case, ref: string, accountId: string): { caseId: string; ref: string; at: string; latest: string } | null {
  const mine = c.timeline.filter((ev) => ev.type === 'comment' && ev.messageRef === ref && ev.actor.accountId === accountId);
  const [original, last] = [mine[0], mine.at(-1)];
  if (original?.type !== 'comment' || last?.type !== 'comment') return null;
  return { caseId: c.id, ref, at: original.at, latest: last.text };
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
