import { ValidationError } from '../../../domain/errors.js';
import type { BlobRef } from '../../../domain/types.js';
import { choice, m, requireWho, say, type EngineCtx, type Turn } from '../context.js';
import { newNonce, REPORT_LAPSE_MS, type FilePickState } from '../state.js';
import { fileSentOnCase } from './proof.js';
import type { Case } from '../../../domain/case-model.js';
import { caseIdOf, findOrderRef } from '../order-ref.js';
import { openCasesAsBuyer } from './open-cases.js';

/**
 * A buyer with several cases under way sends a photo in the private chat, outside any case thread and not as a
 * reply: the photo is kept and the buyer picks its case with buttons (one per case under way); the press adds it
 * to that case as evidence, as a photo sent in the case's thread. More files sent before the press go with it.
 * The pick lapses like a report (REPORT_LAPSE_MS): a press after that is answered as an expired button.
 */
export async function askFileCase(e: EngineCtx, t: Turn, open: Case[], blob: BlobRef, caption: string | undefined, s?: FilePickState): Promise<void> {
  const shown = open.slice(0, 10);
  const file = { blob, ...(caption?.trim() ? { caption } : {}) };
  // A pick under way on the same cases keeps its buttons: the new file joins the ones already kept.
  const same = s && !lapsed(s, t.now) && s.caseIds.length === shown.length && shown.every((c, i) => s.caseIds[i] === c.id);
  const next: FilePickState = same
    ? { ...s, blobs: [...s.blobs, file], at: t.now }
    : { flow: 'file', nonce: newNonce(), blobs: [file], caseIds: shown.map((c) => c.id), at: t.now };
  await e.conv.set(t.input.platform, t.input.userId, t.input.conversationId, next);
  const choices = await Promise.all([
    ...shown.map((c) => choice(e, t, m('engine-case-choice', { caseId: c.id, orderId: c.orderId, reason: c.reason }), { k: 'flow', nonce: next.nonce, v: c.id })),
    choice(e, t, m('engine-choice-cancel'), { k: 'flow', nonce: next.nonce, v: 'cancel' }),
  ]);
  say(t, m('engine-file-which-case', { count: open.length, files: next.blobs.length }), { choices });
}

/** The buyer (or seller) picked the case (or Cancel): the kept files become its evidence, a seller's captioned proof that proof. */
export async function onFileChoice(e: EngineCtx, t: Turn, s: FilePickState, v: string): Promise<void> {
  const { platform, userId, conversationId } = t.input;
  await e.conv.clear(platform, userId, conversationId);
  if (lapsed(s, t.now)) throw new ValidationError('ACTION_EXPIRED', 'the pick of a case for files lapsed');
  if (v === 'cancel') return void say(t, m('engine-cancelled'));
  if (!s.caseIds.includes(v)) throw new ValidationError('ACTION_INVALID', 'not a case offered');
  for (const f of s.blobs) await fileSentOnCase(e, t, v, f.blob, f.caption);
}

/** The pick is older than a report may be (REPORT_LAPSE_MS): its files are no longer waiting. */
export const lapsedPick = (s: FilePickState, now: string): boolean => Date.parse(now) - Date.parse(s.at) > REPORT_LAPSE_MS;
const lapsed = lapsedPick;

/**
 * The case a few words typed instead of pressing a button name among those offered (« le sac », « 1001 »,
 * « C-000002 »), or null: longer words are read as a message, the pick left as it is.
 */
export async function typedFileCase(e: EngineCtx, t: Turn, s: FilePickState, text: string): Promise<string | null> {
  if (lapsed(s, t.now) || text.trim().split(/\s+/).length > 4) return null;
  const offered = (await openCasesAsBuyer(e, t)).filter((c) => s.caseIds.includes(c.id));
  const id = caseIdOf(text);
  if (id && offered.some((c) => c.id === id)) return id;
  const orders = (await e.deps.marketplace.ordersOfBuyer(requireWho(t).accountId)).filter((o) => offered.some((c) => c.orderId === o.id));
  const ref = findOrderRef(text, orders, t.timezone, t.now);
  if (ref.kind !== 'found' || ref.orderIds.length !== 1) return null;
  return offered.find((c) => c.orderId === ref.orderIds[0])?.id ?? null;
}
