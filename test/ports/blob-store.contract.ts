import { describe, expect, it } from 'vitest';
import type { BlobStore } from '../../src/ports/blob-store.js';

/** Small files whose bytes are what they claim (checked with file-type by every store). */
export const SAMPLES = {
  png: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89]),
  jpeg: new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0]),
  pdf: new TextEncoder().encode('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n'),
};

/** Makes a store with the given limits; several calls on one harness share nothing. */
export type MakeBlobStore = (limits?: { maxBytes?: number; allowedTypes?: string[] }) => Promise<BlobStore>;

/** The blob store contract: memory, folder and S3 stores run this same file. */
export function blobStoreContract(name: string, make: MakeBlobStore) {
  const { png, jpeg, pdf } = SAMPLES;
  describe(`BlobStore contract: ${name}`, () => {
    it('gives back the bytes and reference it stored', async () => {
      const store = await make();
      const ref = await store.put(png, { contentType: 'image/png', name: 'colis déchiré.png' });
      expect(ref).toMatchObject({ contentType: 'image/png', size: png.byteLength, name: 'colis déchiré.png' });
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
      expect(await store.usage()).toMatchObject({ objects: 2 });
    });

    it('answers null for unknown ids, including path tricks', async () => {
      const store = await make();
      for (const id of ['nope', '../../etc/passwd', '..', 'a/b', '0'.repeat(64), '%2e%2e%2f', '']) {
        expect(await store.get(id)).toBeNull();
        expect(await store.preview(id)).toBeNull();
        expect(await store.delete(id)).toBe(false);
      }
    });

    it('refuses a file over the size limit with INPUT_TOO_LARGE, storing nothing', async () => {
      const store = await make({ maxBytes: 8 });
      await expect(store.put(png, { contentType: 'image/png' })).rejects.toMatchObject({ code: 'INPUT_TOO_LARGE' });
      expect(await store.usage()).toEqual({ objects: 0, bytes: 0 });
    });

    it('refuses types it does not take, and bytes that contradict the declared type', async () => {
      const store = await make();
      const html = new TextEncoder().encode('<script>alert(1)</script>');
      await expect(store.put(html, { contentType: 'text/html' })).rejects.toMatchObject({ code: 'UNSUPPORTED_MEDIA' });
      await expect(store.put(html, { contentType: 'image/png' })).rejects.toMatchObject({ code: 'UNSUPPORTED_MEDIA' });
      await expect(store.put(pdf, { contentType: 'image/jpeg' })).rejects.toMatchObject({ code: 'UNSUPPORTED_MEDIA' });
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
      expect((await store.get(ref.id))?.ref.name).toBe('recu.pdf');
    });

    it('keeps a preview beside its blob, and none for a blob stored without one', async () => {
      const store = await make();
      const ref = await store.put(png, { contentType: 'image/png', preview: { contentType: 'image/jpeg', data: jpeg } });
      expect(await store.preview(ref.id)).toEqual({ contentType: 'image/jpeg', data: jpeg });
      const plain = await store.put(pdf, { contentType: 'application/pdf' });
      expect(await store.preview(plain.id)).toBeNull();
    });

    it('deletes a blob and its preview: a later read finds nothing, and usage counts them out', async () => {
      const store = await make();
      const ref = await store.put(png, { contentType: 'image/png', preview: { contentType: 'image/jpeg', data: jpeg } });
      const kept = await store.put(pdf, { contentType: 'application/pdf' });
      expect(await store.usage()).toEqual({ objects: 2, bytes: png.byteLength + jpeg.byteLength + pdf.byteLength });
      expect(await store.delete(ref.id)).toBe(true);
      expect(await store.get(ref.id)).toBeNull();
      expect(await store.preview(ref.id)).toBeNull();
      expect(await store.delete(ref.id)).toBe(false);
      expect(await store.usage()).toEqual({ objects: 1, bytes: pdf.byteLength });
      expect((await store.get(kept.id))?.data).toEqual(pdf);
    });

    it('lists its blobs with the time they were stored, without their previews', async () => {
      const store = await make();
      const before = Date.now() - 2000;
      const ref = await store.put(png, { contentType: 'image/png', preview: { contentType: 'image/jpeg', data: jpeg } });
      const doc = await store.put(pdf, { contentType: 'application/pdf' });
      const listed = await store.list();
      expect(listed.map((b) => b.id).sort()).toEqual([ref.id, doc.id].sort());
      for (const b of listed) expect(Date.parse(b.storedAt)).toBeGreaterThanOrEqual(before);
      for (const b of listed) expect(Date.parse(b.storedAt)).toBeLessThanOrEqual(Date.now() + 2000);
      await store.delete(ref.id);
      expect((await store.list()).map((b) => b.id)).toEqual([doc.id]);
    });

    it('says it is ready', async () => {
      await expect((await make()).check()).resolves.toBeUndefined();
    });
  });
}
