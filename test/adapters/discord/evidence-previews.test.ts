import exifr from 'exifr';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withPrivateImages } from '../../../src/infra/image-privacy.js';
import { gpsPhoto } from '../../support/photos.js';
import { cardOf, makeCase, notification, startHarness, USERS, type Harness } from './harness.js';

describe('Discord: evidence photos on case cards, and files no longer kept', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
    await h.link(USERS.amina, 'acc-amina');
    h.cases.add(makeCase('C-000001'));
  });
  afterEach(async () => {
    await h.stop();
  });

  const deliver = async (extra: Parameters<typeof notification>[1]) =>
    h.adapter.notifier.deliver({ link: (await h.deps.links.get('discord', USERS.amina.id))! }, notification('Nouveau litige', { caseId: 'C-000001', ...extra }));
  const posted = () => h.standin.calls.filter((c) => c.method === 'POST' && /\/messages$/.test(c.path));

  it('shows the card’s photos as embed images of uploaded previews, without the GPS data', async () => {
    const store = withPrivateImages(h.deps.blobs);
    const a = await store.put(await gpsPhoto('#aa2222'), { contentType: 'image/jpeg', name: 'colis.jpg' });
    const b = await store.put(await gpsPhoto('#22aa22'), { contentType: 'image/jpeg' });
    await deliver({ card: { ...cardOf(makeCase('C-000001'), 'seller'), photos: [a.id, b.id] } });

    const call = posted().at(-1)!;
    expect(call.files).toHaveLength(2);
    for (const [i, id] of [a.id, b.id].entries()) {
      const file = call.files[i]!;
      expect(file.data.equals(Buffer.from((await h.deps.blobs.preview(id))!.data))).toBe(true);
      expect(await exifr.parse(file.data, true)).toBeUndefined();
      expect(file.data.includes(Buffer.from('Tecno'))).toBe(false);
    }
    const [cardEmbed, second] = call.body.embeds;
    expect(cardEmbed.title).toContain('C-000001');
    expect(cardEmbed.image).toEqual({ url: `attachment://${call.files[0]!.name}` });
    expect(second.image).toEqual({ url: `attachment://${call.files[1]!.name}` });
    expect(call.body.attachments.map((x: { filename: string }) => x.filename)).toEqual(call.files.map((f) => f.name));
  });

  it('keeps relaying the full file, as before', async () => {
    const ref = await withPrivateImages(h.deps.blobs).put(await gpsPhoto('#334455'), { contentType: 'image/jpeg' });
    await deliver({ blobId: ref.id });
    const call = posted().at(-1)!;
    expect(call.files).toHaveLength(1);
    expect(call.files[0]!.data.equals(Buffer.from((await h.deps.blobs.get(ref.id))!.data))).toBe(true);
  });

  it('says the file has expired when the relayed file is gone', async () => {
    const ref = await h.deps.blobs.put(await gpsPhoto('#556677'), { contentType: 'image/jpeg' });
    await h.deps.blobs.delete(ref.id);
    await deliver({ blobId: ref.id });
    const call = posted().at(-1)!;
    expect(call.files).toEqual([]);
    expect(call.body.content).toMatch(/Nouveau litige\s+Cette pièce a expiré : Palabre ne conserve plus ce fichier/);
  });
});
