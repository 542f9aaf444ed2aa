import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFolderBlobStore, createMemoryBlobStore } from '../../src/infra/blob-folder.js';
import { createS3BlobStore, parseBlobUrl } from '../../src/infra/blob-s3.js';
import { blobStoreContract, SAMPLES } from '../ports/blob-store.contract.js';
import { startS3Standin, type S3Standin } from '../support/s3-standin.js';

const { png, pdf } = SAMPLES;

let root: string;
let s3: S3Standin;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'palabre-blobs-'));
  s3 = await startS3Standin();
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
  await s3.close();
});

let n = 0;
const s3Store = (limits?: { maxBytes?: number; allowedTypes?: string[] }, bucket = s3.bucket) =>
  createS3BlobStore({ bucket, prefix: `run-${++n}/evidence/`, endpoint: s3.endpoint, credentials: s3.credentials, ...(limits ? { limits } : {}) });

blobStoreContract('memory', async (limits) => createMemoryBlobStore(limits));
blobStoreContract('folder', async (limits) => createFolderBlobStore(join(root, `s${++n}`), limits));
blobStoreContract('s3', async (limits) => s3Store(limits));

describe('folder blob store on disk', () => {
  it('survives a new instance on the same folder and writes nothing outside it', async () => {
    const dir = join(root, 'persist');
    const ref = await createFolderBlobStore(dir).put(png, { contentType: 'image/png' });
    const again = await createFolderBlobStore(dir).get(ref.id);
    expect(again?.ref.id).toBe(ref.id);
    expect(await readdir(dir)).toEqual([ref.id.slice(0, 2)]);
    expect((await readdir(join(dir, ref.id.slice(0, 2)))).sort()).toEqual([ref.id, `${ref.id}.json`]);
  });

  it('does not follow an id towards a file planted next to the folder', async () => {
    const dir = join(root, 'jail');
    await writeFile(join(root, 'outside.json'), JSON.stringify({ id: 'x', contentType: 'text/plain', size: 1 }));
    const store = createFolderBlobStore(dir);
    expect(await store.get('../outside')).toBeNull();
  });

  it('answers a refused write with STORAGE_UNAVAILABLE', async () => {
    // A folder that cannot be made (its parent is a file) refuses writes even to root.
    await writeFile(join(root, 'a-file'), 'x');
    const store = createFolderBlobStore(join(root, 'a-file', 'blobs'));
    await expect(store.check()).rejects.toMatchObject({ code: 'STORAGE_UNAVAILABLE' });
    await expect(store.put(pdf, { contentType: 'application/pdf' })).rejects.toMatchObject({ code: 'STORAGE_UNAVAILABLE' });
  });
});

describe('S3 blob store', () => {
  it('reads BLOB_URL as a bucket and a key prefix', () => {
    expect(parseBlobUrl('s3://palabre-evidence/prod/cases')).toEqual({ bucket: 'palabre-evidence', prefix: 'prod/cases/' });
    expect(parseBlobUrl('s3://palabre-evidence')).toEqual({ bucket: 'palabre-evidence', prefix: '' });
    expect(parseBlobUrl('s3://Bad_Bucket/x')).toBeNull();
    expect(parseBlobUrl('https://palabre-evidence/x')).toBeNull();
  });

  it('keeps objects under its prefix, in the bucket other processes read', async () => {
    const a = s3Store();
    const ref = await a.put(pdf, { contentType: 'application/pdf', name: 'reçu.pdf' });
    // A second client (another host) with the same settings reads it back.
    const b = createS3BlobStore({ bucket: s3.bucket, prefix: `run-${n}/evidence/`, endpoint: s3.endpoint, credentials: s3.credentials });
    expect((await b.get(ref.id))?.ref).toEqual(ref);
    expect(s3.requests.some((r) => r.startsWith(`PUT /${s3.bucket}/run-${n}/evidence/${ref.id}`))).toBe(true);
  });

  it('names a missing bucket at start and on first use', async () => {
    const store = s3Store(undefined, 'no-such-bucket');
    await expect(store.check()).rejects.toMatchObject({ code: 'STORAGE_UNAVAILABLE', message: expect.stringContaining('bucket no-such-bucket does not exist') });
    await expect(store.put(pdf, { contentType: 'application/pdf' })).rejects.toMatchObject({
      code: 'STORAGE_UNAVAILABLE',
      message: expect.stringContaining('bucket no-such-bucket does not exist'),
    });
    await expect(store.get('a'.repeat(64))).rejects.toMatchObject({ code: 'STORAGE_UNAVAILABLE' });
  });

  it('answers a refused write with STORAGE_UNAVAILABLE and leaves nothing readable', async () => {
    const store = s3Store();
    s3.refuseWrites = true;
    try {
      await expect(store.put(png, { contentType: 'image/png', preview: { contentType: 'image/jpeg', data: SAMPLES.jpeg } })).rejects.toMatchObject({
        code: 'STORAGE_UNAVAILABLE',
        message: expect.stringContaining('access to'),
      });
    } finally {
      s3.refuseWrites = false;
    }
    expect(await store.usage()).toEqual({ objects: 0, bytes: 0 });
  });

  it('reads an object deleted behind its back as gone', async () => {
    const store = s3Store();
    const ref = await store.put(pdf, { contentType: 'application/pdf' });
    // Deleted by another process's retention run, or by a bucket lifecycle rule.
    const elsewhere = createS3BlobStore({ bucket: s3.bucket, prefix: `run-${n}/evidence/`, endpoint: s3.endpoint, credentials: s3.credentials });
    expect(await elsewhere.delete(ref.id)).toBe(true);
    expect(await store.get(ref.id)).toBeNull();
    expect(await store.preview(ref.id)).toBeNull();
  });
});
