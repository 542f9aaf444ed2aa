import { randomBytes } from 'node:crypto';
import exifr from 'exifr';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { createMemoryBlobStore } from '../../src/infra/blob-folder.js';
import { withPrivateImages } from '../../src/infra/image-privacy.js';
import { SAMPLES } from '../ports/blob-store.contract.js';

/** A phone photo as phones send them: 3000×1500 pixels stored sideways (EXIF orientation 6), with GPS and device data. */
async function phonePhoto(): Promise<Buffer> {
  const { data, info } = await sharp({ create: { width: 3000, height: 1500, channels: 3, background: '#c86432' } })
    .composite([{ input: { create: { width: 300, height: 300, channels: 3, background: '#1040a0' } }, left: 0, top: 0 }])
    .raw()
    .toBuffer({ resolveWithObject: true });
  return sharp(data, { raw: info })
    .jpeg({ quality: 90 })
    .withMetadata({ orientation: 6 })
    .withExif({
      IFD0: { Make: 'Tecno', Model: 'Camon 20', Software: 'HiOS 13' },
      IFD3: { GPSLatitudeRef: 'S', GPSLatitude: '4/1 19/1 3000/100', GPSLongitudeRef: 'E', GPSLongitude: '15/1 18/1 4500/100' },
    })
    .toBuffer();
}

describe('photos kept without their metadata', () => {
  it('drops GPS, device and maker data, applies the orientation and caps the longest side', async () => {
    const original = await phonePhoto();
    // The test photo does carry what must go.
    const before = await exifr.parse(original, { gps: true, tiff: true });
    expect(before).toMatchObject({ Make: 'Tecno', Model: 'Camon 20', GPSLatitudeRef: 'S' });
    expect(before.latitude).toBeCloseTo(-4.325, 2);
    expect((await sharp(original).metadata()).orientation).toBe(6);

    const inner = createMemoryBlobStore();
    const store = withPrivateImages(inner);
    const ref = await store.put(original, { contentType: 'image/jpeg', name: 'IMG_2041.jpeg' });
    const kept = (await store.get(ref.id))!;

    expect(await exifr.parse(Buffer.from(kept.data), true)).toBeUndefined();
    const meta = await sharp(kept.data).metadata();
    expect(meta.format).toBe('jpeg');
    expect([meta.exif, meta.xmp, meta.iptc, meta.orientation]).toEqual([undefined, undefined, undefined, undefined]);
    // Orientation 6 is a quarter turn: the stored pixels stand upright, the long side capped at 2,560.
    expect([meta.width, meta.height]).toEqual([1280, 2560]);
    expect(ref).toMatchObject({ contentType: 'image/jpeg', name: 'IMG_2041.jpg', size: kept.data.byteLength });

    // The original is stored nowhere: one blob, whose bytes are the re-encoded ones.
    expect((await inner.usage()).objects).toBe(1);
    expect(Buffer.from(kept.data).equals(original)).toBe(false);
    expect(Buffer.from(kept.data).includes(Buffer.from('Tecno'))).toBe(false);
  });

  it('keeps a 480-pixel preview, also without metadata', async () => {
    const store = withPrivateImages(createMemoryBlobStore());
    const ref = await store.put(await phonePhoto(), { contentType: 'image/jpeg' });
    const preview = (await store.preview(ref.id))!;
    expect(preview.contentType).toBe('image/jpeg');
    const meta = await sharp(preview.data).metadata();
    expect([meta.width, meta.height]).toEqual([240, 480]);
    expect(await exifr.parse(Buffer.from(preview.data), true)).toBeUndefined();
  });

  it('brings a photo under the size cap', async () => {
    const noise = randomBytes(1200 * 1200 * 3);
    const png = await sharp(noise, { raw: { width: 1200, height: 1200, channels: 3 } }).png().toBuffer();
    expect(png.byteLength).toBeGreaterThan(1_000_000);
    const store = withPrivateImages(createMemoryBlobStore(), { maxBytes: 200_000 });
    const ref = await store.put(png, { contentType: 'image/png', name: 'capture.png' });
    expect(ref.size).toBeLessThanOrEqual(200_000);
    expect(ref).toMatchObject({ contentType: 'image/jpeg', name: 'capture.jpg' });
  });

  it('refuses a photo that does not decode, and bytes that are not what they claim, storing nothing', async () => {
    const inner = createMemoryBlobStore();
    const store = withPrivateImages(inner);
    const truncated = (await phonePhoto()).subarray(0, 400);
    await expect(store.put(truncated, { contentType: 'image/jpeg' })).rejects.toMatchObject({ code: 'UNSUPPORTED_MEDIA' });
    await expect(store.put(SAMPLES.pdf, { contentType: 'image/png' })).rejects.toMatchObject({ code: 'UNSUPPORTED_MEDIA' });
    expect(await inner.usage()).toEqual({ objects: 0, bytes: 0 });
  });

  it('keeps a PDF exactly as sent', async () => {
    const store = withPrivateImages(createMemoryBlobStore());
    const ref = await store.put(SAMPLES.pdf, { contentType: 'application/pdf', name: 'bordereau.pdf' });
    expect((await store.get(ref.id))?.data).toEqual(SAMPLES.pdf);
    expect(await store.preview(ref.id)).toBeNull();
  });
});
