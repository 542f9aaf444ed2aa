import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { OutMessage } from '../../../src/ports/turn.js';
import { amina, replyTo, STAFF, startHarness, visible, type Harness } from './harness.js';

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201e2b1f0b50000000049454e44ae426082', 'hex');
const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(5000, 0x20)]);

describe('Teams files', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ maxFileBytes: 64 * 1024 });
  });
  afterAll(() => h.close());
  beforeEach(() => {
    h.engine.inputs.length = 0;
    h.standin.calls.length = 0;
    h.engine.answer(() => []);
  });

  const lastAttachment = () => {
    const c = h.engine.inputs.at(-1)?.content;
    if (c?.type !== 'attachment') throw new Error(`expected an attachment turn, got ${c?.type}`);
    return c;
  };

  it('copies an inline image (fetched with the bot’s token) into blob storage before the engine sees it', async () => {
    const url = h.standin.host(PNG, 'image/png', true);
    await h.post(h.act.attach(amina, [{ contentType: 'image/png', contentUrl: url, name: 'colis.png' }, { contentType: 'text/html', content: '<p>voici</p>' }], 'voici le colis'));
    const c = lastAttachment();
    expect(c.caption).toBe('voici le colis');
    expect(c.blob).toMatchObject({ contentType: 'image/png', size: PNG.byteLength, name: 'colis.png' });
    expect(Buffer.from((await h.blobs.get(c.blob.id))!.data).equals(PNG)).toBe(true);
  });

  it('copies a file sent in a personal chat from its download link', async () => {
    const url = h.standin.host(PDF, 'application/octet-stream', false);
    await h.post(h.act.attach(amina, [{ contentType: 'application/vnd.microsoft.teams.file.download.info', name: 'recu.pdf', content: { downloadUrl: url, uniqueId: 'u1', fileType: 'pdf' } }]));
    expect(lastAttachment().blob).toMatchObject({ contentType: 'application/pdf', name: 'recu.pdf', size: PDF.byteLength });
  });

  it('keeps a picture pasted in the chat, which Teams sends as image/* without a name, as the photo it is', async () => {
    // As Teams sends it: the type a family, the Bot Connector serving the bytes with their type, or without one.
    await h.post(h.act.attach(amina, [{ contentType: 'image/*', contentUrl: h.standin.host(PNG, 'image/png', true) }]));
    expect(lastAttachment().blob).toMatchObject({ contentType: 'image/png', size: PNG.byteLength });
    await h.post(h.act.attach(amina, [{ contentType: 'image/*', contentUrl: h.standin.host(PNG, 'application/octet-stream', true) }]));
    expect(lastAttachment().blob).toMatchObject({ contentType: 'image/png', size: PNG.byteLength });
    expect(h.standin.posted(amina.chat).map((c) => visible(c.body.text)).join('\n')).not.toMatch(/can only keep/);
  });

  it('refuses a file over the limit or of a kind Palabre does not keep, politely, without calling the engine', async () => {
    const big = h.standin.host(Buffer.concat([PNG, Buffer.alloc(70 * 1024)]), 'image/png', true);
    await h.post(h.act.attach(amina, [{ contentType: 'image/png', contentUrl: big }]));
    const exe = h.standin.host(Buffer.from('MZ....'), 'application/octet-stream', false);
    await h.post(h.act.attach(amina, [{ contentType: 'application/vnd.microsoft.teams.file.download.info', name: 'x.exe', content: { downloadUrl: exe, fileType: 'exe' } }]));
    expect(h.engine.inputs).toHaveLength(0);
    const texts = h.standin.posted(amina.chat).map((c) => visible(c.body.text));
    expect(texts[0]).toContain('too large: 0 MB at most');
    expect(texts[1]).toContain('I can only keep photos');
  });

  it('never sends the bot’s token to a link outside the Bot Connector', async () => {
    const seen: (string | undefined)[] = [];
    const other = createServer((req, res) => {
      seen.push(req.headers.authorization);
      res.writeHead(200, { 'content-type': 'image/png' });
      res.end(PNG);
    });
    await new Promise<void>((r) => other.listen(0, '127.0.0.1', r));
    try {
      const url = `http://127.0.0.1:${(other.address() as AddressInfo).port}/img.png`;
      await h.post(h.act.attach(amina, [{ contentType: 'image/png', contentUrl: url }]));
      expect(seen).toEqual([undefined]);
      expect(lastAttachment().blob.contentType).toBe('image/png');
    } finally {
      await new Promise<void>((r) => other.close(() => r()));
    }
  });

  it('relays a stored photo inline', async () => {
    const ref = await h.blobs.put(PNG, { contentType: 'image/png', name: 'preuve.png' });
    h.engine.answer((input) => [replyTo(input, [{ id: 'test-raw', args: { text: 'The seller sent a photo' } }], { blobId: ref.id, caseId: 'C-000001' })]);
    await h.post(h.act.say(amina, 'show'));
    const [msg] = h.standin.posted(amina.chat);
    expect(visible(msg?.body.text)).toBe('The seller sent a photo');
    expect(msg?.body.attachments).toEqual([{ contentType: 'image/png', name: 'preuve.png', contentUrl: `data:image/png;base64,${PNG.toString('base64')}` }]);
  });

  it('relays a document through a file consent card, uploading it once the user accepts', async () => {
    const ref = await h.blobs.put(PDF, { contentType: 'application/pdf', name: 'bordereau.pdf' });
    h.engine.answer((input) => [replyTo(input, [{ id: 'test-raw', args: { text: 'Proof of shipping' } }], { blobId: ref.id })]);
    await h.post(h.act.say(amina, 'show'));
    const [text, consent] = h.standin.posted(amina.chat);
    expect(visible(text?.body.text)).toBe('Proof of shipping');
    const cardAttachment = consent?.body.attachments[0];
    expect(cardAttachment).toMatchObject({ contentType: 'application/vnd.microsoft.teams.card.file.consent', name: 'bordereau.pdf', content: { sizeInBytes: PDF.byteLength } });
    h.standin.calls.length = 0;
    const res = await h.post(
      h.act.consent(amina, consent!.id!, {
        type: 'fileUpload',
        action: 'accept',
        context: cardAttachment.content.acceptContext,
        uploadInfo: { name: 'bordereau.pdf', uploadUrl: `${h.standin.root}upload/f1`, contentUrl: 'https://onedrive.example/bordereau.pdf', uniqueId: 'f1', fileType: 'pdf' },
      }),
    );
    expect(res.status).toBe(200);
    expect(h.standin.uploads.get('f1')?.equals(PDF)).toBe(true);
    const [info] = h.standin.posted(amina.chat);
    expect(info?.body.attachments[0]).toMatchObject({ contentType: 'application/vnd.microsoft.teams.card.file.info', contentUrl: 'https://onedrive.example/bordereau.pdf', name: 'bordereau.pdf' });
    // A replayed or forged answer uploads nothing more.
    h.standin.uploads.clear();
    await h.post(h.act.consent(amina, consent!.id!, { type: 'fileUpload', action: 'accept', context: cardAttachment.content.acceptContext, uploadInfo: { uploadUrl: `${h.standin.root}upload/f2`, contentUrl: 'x' } }));
    expect(h.standin.uploads.size).toBe(0);
  });

  it('names a document it cannot post in a channel', async () => {
    await h.post(h.act.installTeam(amina));
    const ref = await h.blobs.put(PDF, { contentType: 'application/pdf', name: 'bordereau.pdf' });
    const out: OutMessage = { target: { conversationId: 'staff' }, locale: 'en', timezone: 'Africa/Kinshasa', body: [{ id: 'test-raw', args: { text: 'New evidence' } }], blobId: ref.id };
    await h.adapter.notifier.deliver({ support: true }, out);
    const [post] = h.standin.posted(STAFF);
    expect(visible(post?.body.text)).toBe('New evidence\n\nThe file “bordereau.pdf” (5 KB) is kept with the case; Teams cannot show it here.');
  });
});
