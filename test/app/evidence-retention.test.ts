import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { nextRetentionJob, retentionJob } from '../../src/app/evidence-retention.js';
import { caseJson } from '../../src/http/admin.js';
import type { Clock } from '../../src/ports/clock.js';
import { composeTestApp, type TestApp } from '../support/app.js';

const DAY = 86_400_000;
const amina = { accountId: 'acc-amina', platform: 'telegram' as const };
const support = { accountId: 'acc-support-1', platform: 'telegram' as const };

/** A clock the test moves forward, as the days after closing go by. */
function movableClock(start = Date.parse('2026-11-02T10:00:00Z')) {
  let now = start;
  const clock: Clock = { now: () => new Date(now) };
  return { clock, advance: (ms: number) => void (now += ms), at: () => now };
}

async function photo(color: string): Promise<Buffer> {
  return sharp({ create: { width: 64, height: 48, channels: 3, background: color } }).jpeg().toBuffer();
}

let app: TestApp | null = null;
afterEach(async () => {
  await app?.close();
  app = null;
});

/** The embedded app, its clock, and a case on CC-1001 with one photo, closed by the buyer. */
async function closedCaseWithPhoto(env: Record<string, string> = {}) {
  const time = movableClock();
  app = await composeTestApp({ env, compose: { clock: time.clock } });
  const { p } = app;
  const blob = await p.blobs.put(await photo('#884422'), { contentType: 'image/jpeg', name: 'colis.jpg' });
  const { case: opened } = await p.cases.open(amina, { orderId: 'CC-1001', reason: 'non_delivery', description: 'Jamais reçu.', evidence: [blob] });
  await p.cases.act(amina, opened.id, { type: 'BuyerClose' });
  return { p, time, blob, caseId: opened.id };
}

const metric = async (a: TestApp, name: string) => {
  const text = (await a.p.http.inject({ method: 'GET', url: '/metrics' })).body;
  return Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1]);
};

describe('evidence retention', () => {
  it('keeps a closed case’s files for EVIDENCE_RETENTION, then deletes them and says so on the timeline', async () => {
    const { p, time, blob, caseId } = await closedCaseWithPhoto({ EVIDENCE_RETENTION: 'P400D' });
    expect(await metric(app!, 'palabre_evidence_objects')).toBe(1);

    time.advance(399 * DAY);
    expect(await p.retention.sweep()).toEqual({ cases: 0, deleted: 0 });
    expect(await p.blobs.get(blob.id)).not.toBeNull();

    time.advance(2 * DAY);
    expect(await p.retention.sweep()).toEqual({ cases: 1, deleted: 1 });
    expect(await p.blobs.get(blob.id)).toBeNull();
    expect(await p.blobs.preview(blob.id)).toBeNull();

    // The timeline keeps the reference and records the expiry; the admin API says since when the file is gone.
    const c = (await p.store.load(caseId))!;
    expect(c.timeline.find((e) => e.type === 'evidence')).toMatchObject({ blob: { id: blob.id } });
    const expired = c.timeline.at(-1)!;
    expect(expired).toMatchObject({ type: 'evidence_expired', blobIds: [blob.id], actor: { role: 'system' } });
    expect(caseJson(c).timeline.find((e) => e.type === 'evidence')).toMatchObject({ blob: { id: blob.id }, fileExpiredAt: expired.at });
    // Support reading the timeline is told in words.
    const line = p.i18n.t('en', { id: 'evidence-timeline-file-expired', args: { at: { date: c.openedAt, style: 'datetime' }, role: 'buyer', platform: 'telegram', kind: 'photo', expiredAt: { date: expired.at, style: 'date' } } }, 'UTC');
    expect(line).toMatch(/photo — file expired \(deleted on .*2027/);

    // A second run finds nothing more to do, and the counters say what happened.
    expect(await p.retention.sweep()).toEqual({ cases: 0, deleted: 0 });
    expect(await metric(app!, 'palabre_evidence_deleted_total')).toBe(1);
  });

  it('keeps the files of a case reopened before the end of the period', async () => {
    const { p, time, blob, caseId } = await closedCaseWithPhoto();
    time.advance(30 * DAY);
    await p.cases.act(support, caseId, { type: 'Reopen', text: 'Le vendeur conteste.' });
    time.advance(400 * DAY);
    expect(await p.retention.sweep()).toEqual({ cases: 0, deleted: 0 });
    expect(await p.blobs.get(blob.id)).not.toBeNull();
    expect((await p.store.load(caseId))!.timeline.some((e) => e.type === 'evidence_expired')).toBe(false);
  });

  it('keeps a file that a case still within its period holds too', async () => {
    const { p, time, blob, caseId } = await closedCaseWithPhoto();
    // The same photo (same bytes, same blob) sent on another case, still open.
    const again = await p.blobs.put(await photo('#884422'), { contentType: 'image/jpeg' });
    expect(again.id).toBe(blob.id);
    const { case: later } = await p.cases.open(amina, { orderId: 'CC-1002', reason: 'not_as_described', description: 'Abîmé.', evidence: [again] });
    time.advance(401 * DAY);
    expect(await p.retention.sweep()).toEqual({ cases: 0, deleted: 0 });
    expect((await p.store.load(caseId))!.timeline.some((e) => e.type === 'evidence_expired')).toBe(false);
    expect(await p.blobs.get(blob.id)).not.toBeNull();
    expect((await p.store.load(later.id))!.status).toBe('open');
  });

  it('refuses an EVIDENCE_RETENTION that is not a positive ISO-8601 duration', async () => {
    await expect(composeTestApp({ env: { EVIDENCE_RETENTION: '400 days' } })).rejects.toThrow(/EVIDENCE_RETENTION: "400 days" is not a positive ISO-8601 duration/);
  });
});

describe('the daily retention job', () => {
  it('is keyed by day, without ":" in its id, and runs at the next 02:30 UTC', () => {
    expect(retentionJob('2027-01-05')).toMatchObject({ id: 'evidence-retention-2027-01-05', dueAt: '2027-01-05T02:30:00.000Z' });
    expect(nextRetentionJob(new Date('2027-01-05T01:00:00Z')).id).toBe('evidence-retention-2027-01-05');
    expect(nextRetentionJob(new Date('2027-01-05T02:30:00Z')).id).toBe('evidence-retention-2027-01-06');
    expect(nextRetentionJob(new Date('2027-01-31T23:59:00Z')).id).toBe('evidence-retention-2027-02-01');
  });
});
