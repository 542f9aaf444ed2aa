import type { Duration } from 'luxon';
import type { Case } from './case-model.js';
import { millis, plus } from './time.js';

/** When a closed case's evidence may be deleted: `closedAt + retention`; null while the case is not closed. */
export function evidenceExpiresAt(c: Case, retention: Duration): string | null {
  return c.status === 'closed' && c.closedAt ? plus(c.closedAt, retention) : null;
}

/** Ids of the files on a case's timeline that are not recorded as expired yet. */
export function liveEvidence(c: Case): string[] {
  const expired = expiredEvidence(c);
  const ids = c.timeline.flatMap((e) => (e.type === 'evidence' && e.blob ? [e.blob.id] : []));
  return [...new Set(ids)].filter((id) => !expired.has(id));
}

/** Ids of the case's photos not recorded as expired, the latest `max`, oldest first: what a card shows as previews. */
export function livePhotos(c: Case, max = 4): string[] {
  const expired = expiredEvidence(c);
  const ids = c.timeline.flatMap((e) => (e.type === 'evidence' && e.blob?.contentType.startsWith('image/') && !expired.has(e.blob.id) ? [e.blob.id] : []));
  return [...new Set(ids)].slice(-max);
}

/** Ids of the case's files recorded as expired (deleted after the retention period), with when. */
export function expiredEvidence(c: Case): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of c.timeline) if (e.type === 'evidence_expired') for (const id of e.blobIds) out.set(id, e.at);
  return out;
}

/**
 * The files of a case whose retention ran out at `now` (ISO): every live file of a case closed for at least
 * `retention`. A reopened case is not closed, so it keeps its files; closing it again starts the period anew.
 */
export function evidenceDue(c: Case, retention: Duration, now: string): string[] {
  const at = evidenceExpiresAt(c, retention);
  return at && millis(at) <= millis(now) ? liveEvidence(c) : [];
}
