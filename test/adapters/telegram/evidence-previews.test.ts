import exifr from 'exifr';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withPrivateImages } from '../../../src/infra/image-privacy.js';
import type { Link } from '../../../src/ports/links.js';
import type { OutMessage } from '../../../src/ports/turn.js';
import { gpsPhoto } from '../../support/photos.js';
import { amina, card, startHarness, visible } from './harness.js';

type Harness = Awaited<ReturnType<typeof startHarness>>;

const link: Link = { platform: 'telegram', userId: String(amina.id), accountId: 'acc-amina', address: String(amina.id), linkedAt: '2026-11-01T10:00:00Z' };
const message = (extra: Partial<OutMessage> = {}): OutMessage => ({
  target: { conversationId: String(amina.id) },
  locale: 'fr',
  timezone: 'Africa/Kinshasa',
  body: [{ id: 'test-raw', args: { text: 'Nouveau litige' } }],
  caseId: 'C-000001',
  ...extra,
});

describe('Telegram: evidence photos on case cards, and files no longer kept', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness({ start: false });
  });
  afterEach(async () => {
    await h.close();
  });

  it('sends a card with one photo as that photo’s preview, the card as its caption, without the GPS data', async () => {
    const ref = await withPrivateImages(h.blobs).put(await gpsPhoto('#7a4b2a'), { contentType: 'image/jpeg', name: 'colis.jpg' });
    const preview = (await h.blobs.preview(ref.id))!;
    await h.adapter.notifier.deliver({ link }, message({ card: card({ viewerRole: 'seller', photos: [ref.id] }) }));

    const [call] = h.standin.callsOf('sendPhoto');
    const sent = Object.values(call!.files)[0]!.data;
    expect(sent.equals(Buffer.from(preview.data))).toBe(true);
    expect(sent.byteLength).toBeLessThan((await h.blobs.get(ref.id))!.data.byteLength);
    expect(await exifr.parse(sent, true)).toBeUndefined();
    expect(sent.includes(Buffer.from('Tecno'))).toBe(false);
    expect(visible(String(call!.params.caption))).toMatch(/Nouveau litige[\s\S]*C-000001/);
    expect(h.standin.callsOf('sendMessage')).toHaveLength(0);
  });

  it('sends several photos as an album of previews before the card', async () => {
    const store = withPrivateImages(h.blobs);
    const a = await store.put(await gpsPhoto('#aa2222'), { contentType: 'image/jpeg' });
    const b = await store.put(await gpsPhoto('#22aa22'), { contentType: 'image/jpeg' });
    await h.adapter.notifier.deliver({ link }, message({ card: card({ viewerRole: 'seller', photos: [a.id, b.id] }) }));

    const [album] = h.standin.callsOf('sendMediaGroup');
    const uploads = Object.values(album!.files).map((f) => f.data);
    expect(uploads).toHaveLength(2);
    expect(uploads[0]!.equals(Buffer.from((await h.blobs.preview(a.id))!.data))).toBe(true);
    expect(uploads[1]!.equals(Buffer.from((await h.blobs.preview(b.id))!.data))).toBe(true);
    for (const u of uploads) expect(await exifr.parse(u, true)).toBeUndefined();
    const [text] = h.standin.callsOf('sendMessage');
    expect(visible(String(text!.params.text))).toMatch(/C-000001/);
  });

  it('keeps relaying the full photo, as before', async () => {
    const ref = await withPrivateImages(h.blobs).put(await gpsPhoto('#334455'), { contentType: 'image/jpeg' });
    await h.adapter.notifier.deliver({ link }, message({ blobId: ref.id }));
    const [call] = h.standin.callsOf('sendPhoto');
    expect(Object.values(call!.files)[0]!.data.equals(Buffer.from((await h.blobs.get(ref.id))!.data))).toBe(true);
  });

  it('says the file has expired when the relayed file is gone', async () => {
    const ref = await h.blobs.put(await gpsPhoto('#556677'), { contentType: 'image/jpeg' });
    await h.blobs.delete(ref.id);
    await h.adapter.notifier.deliver({ link }, message({ body: [{ id: 'test-raw', args: { text: 'Amina a ajouté une photo' } }], blobId: ref.id }));
    expect(h.standin.callsOf('sendPhoto')).toHaveLength(0);
    const [text] = h.standin.callsOf('sendMessage');
    expect(visible(String(text!.params.text))).toMatch(/Amina a ajouté une photo\s+Cette pièce a expiré : Palabre ne conserve plus ce fichier/);
  });
});
