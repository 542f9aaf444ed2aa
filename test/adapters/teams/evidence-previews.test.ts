import exifr from 'exifr';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { withPrivateImages } from '../../../src/infra/image-privacy.js';
import type { Link } from '../../../src/ports/links.js';
import type { OutMessage } from '../../../src/ports/turn.js';
import { gpsPhoto } from '../../support/photos.js';
import { amina, card, cardOf, replyTo, startHarness, STAFF, visible, type Harness } from './harness.js';

const link: Link = { platform: 'teams', userId: amina.id, accountId: 'acc-amina', address: amina.chat, linkedAt: '2026-11-01T00:00:00Z' };
const message = (text: string, extra: Partial<OutMessage> = {}): OutMessage => ({
  target: { conversationId: 'ignored' },
  locale: 'en',
  timezone: 'Africa/Kinshasa',
  body: [{ id: 'test-raw', args: { text } }],
  caseId: 'C-000001',
  ...extra,
});
const dataOf = (url: string) => Buffer.from(url.replace(/^data:image\/jpeg;base64,/, ''), 'base64');
/** A JPEG over Teams' 1 MB inline limit (file-type reads its first bytes). */
const BIG_JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1]), Buffer.alloc(1200 * 1024)]);

describe('Teams: evidence photos on case cards, and files no longer kept', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    await h.post(h.act.installPersonal(amina));
  });
  afterAll(() => h.close());
  beforeEach(() => {
    h.standin.calls.length = 0;
  });

  it('shows the card’s photo as an Image element holding its preview, without the GPS data', async () => {
    const ref = await withPrivateImages(h.blobs).put(await gpsPhoto('#7a4b2a'), { contentType: 'image/jpeg', name: 'colis.jpg' });
    await h.adapter.notifier.deliver({ link }, message('A case was opened on your order', { card: card({ viewerRole: 'seller', photos: [ref.id] }) }));
    const [sent] = h.standin.posted(amina.chat);
    const image = cardOf(sent?.body).body.find((b: { type: string }) => b.type === 'Image');
    expect(image.altText).toBe('Preview of a photo of case C-000001');
    const shown = dataOf(image.url);
    expect(shown.equals(Buffer.from((await h.blobs.preview(ref.id))!.data))).toBe(true);
    expect(await exifr.parse(shown, true)).toBeUndefined();
    expect(shown.includes(Buffer.from('Tecno'))).toBe(false);
  });

  it('shows several photos as an ImageSet of previews', async () => {
    const store = withPrivateImages(h.blobs);
    const ids = [(await store.put(await gpsPhoto('#aa2222'), { contentType: 'image/jpeg' })).id, (await store.put(await gpsPhoto('#22aa22'), { contentType: 'image/jpeg' })).id];
    await h.adapter.notifier.deliver({ link }, message('Escalated', { card: card({ viewerRole: 'seller', photos: ids }) }));
    const set = cardOf(h.standin.posted(amina.chat)[0]?.body).body.find((b: { type: string }) => b.type === 'ImageSet');
    expect(set.images).toHaveLength(2);
    for (const [i, id] of ids.entries()) expect(dataOf(set.images[i].url).equals(Buffer.from((await h.blobs.preview(id))!.data))).toBe(true);
  });

  it('shows a photo too large to go inline by its preview, and names the full file in a channel', async () => {
    const preview = await withPrivateImages(h.blobs).put(await gpsPhoto('#123456'), { contentType: 'image/jpeg' }).then((r) => h.blobs.preview(r.id));
    const big = await h.blobs.put(BIG_JPEG, { contentType: 'image/jpeg', name: 'colis.jpg', preview: preview! });
    await h.post(h.act.installTeam(amina));
    h.standin.calls.length = 0;
    const { caseId: _, ...noCase } = message('New evidence', { blobId: big.id });
    await h.adapter.notifier.deliver({ support: true }, noCase);
    const post = h.standin.posted(STAFF)[0];
    expect(visible(post?.body.text)).toMatch(/^New evidence\n\nThe file “colis.jpg” \(.+ KB\) is kept with the case/);
    const [attachment] = post!.body.attachments;
    expect(attachment.contentType).toBe('image/jpeg');
    expect(dataOf(attachment.contentUrl).equals(Buffer.from(preview!.data))).toBe(true);
  });

  it('says the file has expired when the relayed file is gone', async () => {
    const ref = await h.blobs.put(await gpsPhoto('#556677'), { contentType: 'image/jpeg' });
    await h.blobs.delete(ref.id);
    await h.adapter.notifier.deliver({ link }, message('The seller added a photo', { blobId: ref.id }));
    const [sent] = h.standin.posted(amina.chat);
    expect(visible(sent?.body.text)).toMatch(/^The seller added a photo\n\nThis file has expired: Palabre no longer keeps it/);
    expect(sent?.body.attachments ?? []).toEqual([]);
  });

  it('says the file has expired when it is accepted through a consent card after it was deleted', async () => {
    const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(3000, 0x20)]);
    const ref = await h.blobs.put(pdf, { contentType: 'application/pdf', name: 'bordereau.pdf' });
    h.engine.answer((input) => [replyTo(input, [{ id: 'test-raw', args: { text: 'Proof of shipping' } }], { blobId: ref.id })]);
    await h.post(h.act.say(amina, 'show'));
    const consent = h.standin.posted(amina.chat)[1]!;
    const context = consent.body.attachments[0].content.acceptContext;
    await h.blobs.delete(ref.id);
    h.standin.calls.length = 0;
    await h.post(h.act.consent(amina, consent.id!, { type: 'fileUpload', action: 'accept', context, uploadInfo: { name: 'bordereau.pdf', uploadUrl: `${h.standin.root}upload/gone`, contentUrl: 'https://onedrive.example/x' } }));
    expect(h.standin.uploads.has('gone')).toBe(false);
    const [said] = h.standin.posted(amina.chat);
    expect(visible(said?.body.text)).toMatch(/^This file has expired/);
  });
});
