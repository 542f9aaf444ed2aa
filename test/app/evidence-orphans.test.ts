import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { retentionJob } from '../../src/app/evidence-retention.js';
import type { Clock } from '../../src/ports/clock.js';
import { composeTestApp, type TestApp } from '../support/app.js';
import { startS3Standin, type S3Standin } from '../support/s3-standin.js';

const DAY = 86_400_000;
const amina = { accountId: 'acc-amina', platform: 'telegram' as const };

/** Stores stamp files with the real time: the test's clock starts there and moves forward. */
function movableClock() {
  let now = Date.now();
  const clock: Clock = { now: () => new Date(now) };
  return { clock, advance: (ms: number) => void (now += ms) };
}

const photo = (color: string) => sharp({ create: { width: 64, height: 48, channels: 3, background: color } }).jpeg().toBuffer();
const metric = async (a: TestApp, name: string) => Number(new RegExp(`^${name} (\\S+)$`, 'm').exec((await a.p.http.inject({ method: 'GET', url: '/metrics' })).body)?.[1]);

let root: string;
let s3: S3Standin;
let app: TestApp | null = null;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'palabre-orphans-'));
  s3 = await startS3Standin();
});
afterEach(async () => {
  await app?.close();
  app = null;
});
afterAll(async () => {
  await s3.close();
  await rm(root, { recursive: true, force: true });
});

let n = 0;
const stores: [string, () => Record<string, string>][] = [
  ['folder', () => ({ BLOB_DIR: join(root, `blobs-${++n}`) })],
  [
    's3',
    () => ({
      BLOB_URL: `s3://${s3.bucket}/orphans-${++n}`,
      BLOB_S3_ENDPOINT: s3.endpoint,
      AWS_ACCESS_KEY_ID: s3.credentials.accessKeyId,
      AWS_SECRET_ACCESS_KEY: s3.credentials.secretAccessKey,
    }),
  ],
];

describe.each(stores)('files never attached to a case, on the %s store', (_name, env) => {
  it('are deleted once older than EVIDENCE_ORPHAN_TTL; files a case holds never are', async () => {
    const time = movableClock();
    app = await composeTestApp({ env: { ...env(), EVIDENCE_ORPHAN_TTL: 'P7D' }, compose: { clock: time.clock } });
    const { p } = app;
    // A buyer sent a photo during a report, then left; another photo opened a case, a third was added to it later.
    const abandoned = await p.blobs.put(await photo('#aa3311'), { contentType: 'image/jpeg', name: 'colis.jpg' });
    const opening = await p.blobs.put(await photo('#11aa33'), { contentType: 'image/jpeg' });
    const { case: c } = await p.cases.open(amina, { orderId: 'CC-1001', reason: 'non_delivery', description: 'Jamais reçu.', evidence: [opening] });
    const added = await p.blobs.put(await photo('#3311aa'), { contentType: 'image/jpeg' });
    await p.cases.act(amina, c.id, { type: 'AddEvidence', kind: 'photo', blob: added });

    time.advance(6 * DAY);
    expect(await p.orphans.sweep()).toEqual({ deleted: 0 });
    expect(await p.blobs.get(abandoned.id)).not.toBeNull();

    time.advance(2 * DAY);
    // The daily evidence job runs the sweep (the job that runs once across processes).
    await p.retention.handle(retentionJob(time.clock.now().toISOString().slice(0, 10)));
    expect(await p.blobs.get(abandoned.id)).toBeNull();
    expect(await p.blobs.preview(abandoned.id)).toBeNull();
    expect(await p.blobs.get(opening.id)).not.toBeNull();
    expect(await p.blobs.get(added.id)).not.toBeNull();
    expect(await metric(app, 'palabre_evidence_orphans_deleted_total')).toBe(1);
    expect(await metric(app, 'palabre_evidence_objects')).toBe(2);

    // A second run has nothing left to delete, even a year on: the case's files are its retention's business.
    time.advance(365 * DAY);
    expect(await p.orphans.sweep()).toEqual({ deleted: 0 });
    expect((await p.blobs.list()).map((b) => b.id).sort()).toEqual([opening.id, added.id].sort());
  });
});

describe('EVIDENCE_ORPHAN_TTL', () => {
  it('is a week unless set, and refuses what is not an ISO-8601 duration', async () => {
    app = await composeTestApp();
    expect(app.p.config.EVIDENCE_ORPHAN_TTL.toISO()).toBe('P7D');
    await expect(composeTestApp({ env: { EVIDENCE_ORPHAN_TTL: '7 days' } })).rejects.toThrow(/EVIDENCE_ORPHAN_TTL: "7 days" is not a positive ISO-8601 duration/);
  });
});
