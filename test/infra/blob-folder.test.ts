import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFolderBlobStore, createMemoryBlobStore } from '../../src/infra/blob-folder.js';
import type { BlobStore } from '../../src/ports/blob-store.js';

const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);
const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 9, 9, 9]);
const pdf = new TextEncoder().encode('%PDF-1.7\n...');

function suite(name: string, make: (limits?: { maxBytes?: number; allowedTypes?: string[] }) => Promise<BlobStore>) {
  describe(`BlobStore: ${name}`, () => {
    it('gives back the bytes and reference it stored', async () => {
      const store = await make();
      const ref = await store.put(png, { contentType: 'image/png', name: 'colis.png' });
      expect(ref).toMatchObject({ contentType: 'image/png', size: png.byteLength, name: 'colis.png' });
      const got = await store.get(ref.id);
      expect(got?.ref).toEqual(ref);
      expect(Array.from(got!.data)).toEqual(Array.from(png));
    });

    it('stores the same bytes once, under the same id', async () => {
      const store = await make();
      const a = await store.put(jpeg, { contentType: 'image/jpeg' });
      const b = await store.put(jpeg, { contentType: 'image/jpeg' });
      expect(b.id).toBe(a.id);
      expect((await store.put(pdf, { contentType: 'application/pdf' })).id).not.toBe(a.id);
    });

    it('answers null for unknown ids, including path tricks', async () => {
      const store = await make();
      for (const id of ['nope', '../../etc/passwd', '..', 'a/b', '0'.repeat(64), '%2e%2e%2f', '']) {
        expect(await store.get(id)).toBeNull();
      }
    });

    it('refuses a file over the size limit with INPUT_TOO_LARGE', async () => {
      const store = await make({ maxBytes: 8 });
      await expect(store.put(png, { contentType: 'image/png' })).rejects.toMatchObject({ code: 'INPUT_TOO_LARGE' });
    });

    it('refuses types it does not take, and bytes that contradict the declared type', async () => {
      const store = await make();
      const html = new TextEncoder().encode('<script>alert(1)</script>');
      await expect(store.put(html, { contentType: 'text/html' })).rejects.toMatchObject({ code: 'UNSUPPORTED_MEDIA' });
      await expect(store.put(html, { contentType: 'image/png' })).rejects.toMatchObject({ code: 'UNSUPPORTED_MEDIA' });
      await expect(store.put(png, { contentType: '' })).rejects.toMatchObject({ code: 'UNSUPPORTED_MEDIA' });
    });

    it('accepts a type family and normalizes the declared type', async () => {
      const store = await make({ allowedTypes: ['image/*'] });
      const ref = await store.put(jpeg, { contentType: 'Image/JPEG; charset=binary' });
      expect(ref.contentType).toBe('image/jpeg');
      await expect(store.put(pdf, { contentType: 'application/pdf' })).rejects.toMatchObject({ code: 'UNSUPPORTED_MEDIA' });
    });

    it('keeps only the base of a file name', async () => {
      const store = await make();
      const ref = await store.put(pdf, { contentType: 'application/pdf', name: '../../secret/re\u0000cu.pdf' });
      expect(ref.name).toBe('recu.pdf');
    });
  });
}

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'palabre-blobs-'));
});
afterAll(() => rm(root, { recursive: true, force: true }));

let folders = 0;
suite('folder', async (limits) => createFolderBlobStore(join(root, `s${++folders}`), limits));
suite('memory', async (limits) => createMemoryBlobStore(limits));

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
});
