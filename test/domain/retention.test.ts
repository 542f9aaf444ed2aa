import { Duration } from 'luxon';
import { describe, expect, it } from 'vitest';
import { fold } from '../../src/domain/evolve.js';
import { evidenceDue, evidenceExpiresAt, expiredEvidence, livePhotos } from '../../src/domain/retention.js';
import { given, opened, play } from './support.js';

const photo = { id: 'a'.repeat(64), contentType: 'image/jpeg', size: 1200 };
const receipt = { id: 'b'.repeat(64), contentType: 'application/pdf', size: 800 };
const RETENTION = Duration.fromISO('P400D');
const CLOSED_AT = '2026-11-10T09:00:00.000Z';

/** A case with a photo from the buyer and a receipt from the seller, closed by the buyer on CLOSED_AT. */
const closedWithFiles = () =>
  play(opened(), [
    [{ type: 'AddEvidence', kind: 'photo', blob: photo }],
    [{ type: 'AddEvidence', kind: 'shipping_receipt', blob: receipt }, { as: 'seller' }],
    [{ type: 'BuyerClose' }, { now: CLOSED_AT }],
  ]);

describe('Evidence of a closed case is kept for the retention period, then expires', () => {
  it('is due once EVIDENCE_RETENTION has passed since the closing, not a moment before', () => {
    const c = fold(closedWithFiles());
    expect(evidenceExpiresAt(c, RETENTION)).toBe('2027-12-15T09:00:00.000Z');
    expect(evidenceDue(c, RETENTION, '2027-12-15T08:59:59.999Z')).toEqual([]);
    expect(evidenceDue(c, RETENTION, '2027-12-15T09:00:00.000Z')).toEqual([photo.id, receipt.id]);
  });

  it('is never due on an open case, nor on a reopened one', () => {
    expect(evidenceDue(fold(play(opened(), [[{ type: 'AddEvidence', kind: 'photo', blob: photo }]])), RETENTION, '2030-01-01T00:00:00.000Z')).toEqual([]);
    const reopened = play(closedWithFiles(), [[{ type: 'Reopen' }, { as: 'support', now: '2026-12-01T00:00:00.000Z' }]]);
    expect(evidenceDue(fold(reopened), RETENTION, '2030-01-01T00:00:00.000Z')).toEqual([]);
  });

  it('the system records the expiry on the timeline, which keeps the references; once', () => {
    const now = '2027-12-16T02:30:00.000Z';
    const c = given(closedWithFiles()).when({ type: 'ExpireEvidence', blobIds: [photo.id, receipt.id] }, { as: 'system', now }).then([{ type: 'evidence_expired', blobIds: [photo.id, receipt.id] }]);
    expect(c.timeline.filter((e) => e.type === 'evidence')).toHaveLength(2);
    expect(expiredEvidence(c)).toEqual(new Map([[photo.id, now], [receipt.id, now]]));
    expect(evidenceDue(c, RETENTION, now)).toEqual([]);
    const again = play(closedWithFiles(), [[{ type: 'ExpireEvidence', blobIds: [photo.id] }, { as: 'system', now }]]);
    given(again).when({ type: 'ExpireEvidence', blobIds: [photo.id] }, { as: 'system', now }).thenError('DUPLICATE');
  });

  it('only the system expires evidence, and only on a closed case', () => {
    given(closedWithFiles()).when({ type: 'ExpireEvidence', blobIds: [photo.id] }, { as: 'support' }).thenError('NOT_YOUR_CASE');
    given(play(opened(), [[{ type: 'AddEvidence', kind: 'photo', blob: photo }]])).when({ type: 'ExpireEvidence', blobIds: [photo.id] }, { as: 'system' }).thenError('CASE_NOT_CLOSED');
    given(closedWithFiles()).when({ type: 'ExpireEvidence', blobIds: [] }, { as: 'system' }).thenError('VALIDATION');
  });
});

describe('The photos a case card shows', () => {
  const more = (n: number) => ({ id: String(n).repeat(64).slice(0, 64), contentType: 'image/png', size: 10 });

  it('are the case’s photos still kept, not its documents nor its expired files, the latest few', () => {
    const c = fold(closedWithFiles());
    expect(livePhotos(c)).toEqual([photo.id]);
    const expired = fold(play(closedWithFiles(), [[{ type: 'ExpireEvidence', blobIds: [photo.id] }, { as: 'system', now: '2028-01-01T00:00:00.000Z' }]]));
    expect(livePhotos(expired)).toEqual([]);
    const many = fold(play(opened(), [1, 2, 3, 4, 5].map((n) => [{ type: 'AddEvidence', kind: 'photo', blob: more(n) }] as const)));
    expect(livePhotos(many)).toEqual([2, 3, 4, 5].map((n) => more(n).id));
  });
});
