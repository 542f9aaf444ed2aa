import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { amina, bisou, OTHER_GROUP, privateChat, replyTo, startHarness, until, visible } from './harness.js';

type Harness = Awaited<ReturnType<typeof startHarness>>;

const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('a photo of a torn parcel')]);
const PDF = Buffer.from('%PDF-1.4\n% a shipping receipt\n');

describe('Telegram adapter: evidence files', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness({ maxFileBytes: 1024 * 1024 });
  });
  afterEach(async () => {
    await h.close();
  });

  it('downloads a photo through the Bot API into Palabre’s blob storage and hands the engine the blob', async () => {
    const small = h.standin.addFile(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1]), 'photos/small.jpg');
    const large = h.standin.addFile(JPEG, 'photos/file_12.jpg');
    const photo = [
      { file_id: small, file_unique_id: 'us', width: 90, height: 90, file_size: 5 },
      { file_id: large, file_unique_id: 'ul', width: 1280, height: 960, file_size: JPEG.length },
    ];
    h.standin.push(h.standin.build.media(amina, privateChat(amina), { photo }, { caption: 'Le colis déchiré', replyTo: 3 }));
    await until(() => h.engine.inputs.length === 1, 'the photo turn');

    const input = h.engine.inputs[0]!;
    expect(input).toMatchObject({ replyToMessageId: '3', content: { type: 'attachment', caption: 'Le colis déchiré', blob: { contentType: 'image/jpeg', size: JPEG.length } } });
    const blob = input.content.type === 'attachment' ? await h.blobs.get(input.content.blob.id) : null;
    expect(Buffer.from(blob!.data).equals(JPEG)).toBe(true);
    // The largest size is the one kept, fetched from <root>/file/bot<token>/<path>.
    expect(h.standin.callsOf('getFile').map((c) => c.params.file_id)).toEqual([large]);
  });

  it('keeps a PDF document under the last segment of whatever name it came with', async () => {
    const id = h.standin.addFile(PDF, 'documents/file_3.pdf');
    h.standin.push(h.standin.build.media(bisou, privateChat(bisou), { document: { file_id: id, file_unique_id: 'd3', file_name: '../../reçu DHL.pdf', mime_type: 'application/pdf', file_size: PDF.length } }));
    await until(() => h.engine.inputs.length === 1, 'the document turn');
    expect(h.engine.inputs[0]!.content).toMatchObject({ type: 'attachment', blob: { contentType: 'application/pdf', name: 'reçu DHL.pdf' } });
  });

  it('refuses a file over the size limit without downloading it or calling the engine', async () => {
    const id = h.standin.addFile(Buffer.alloc(10), 'documents/huge.pdf');
    h.standin.push(h.standin.build.media(amina, privateChat(amina), { document: { file_id: id, file_unique_id: 'h', file_name: 'huge.pdf', mime_type: 'application/pdf', file_size: 5 * 1024 * 1024 } }));
    const refusal = await h.standin.waitForCall('sendMessage');
    expect(visible(String(refusal.params.text))).toBe('Ce fichier est trop volumineux : 1 Mo au maximum. Envoyez une photo plus légère ou un PDF plus petit.');
    expect(h.standin.callsOf('getFile')).toHaveLength(0);
    expect(h.engine.inputs).toHaveLength(0);
  });

  it('refuses a file whose bytes are not a picture or a PDF, whatever it claims to be', async () => {
    const id = h.standin.addFile(Buffer.from('#!/bin/sh\nrm -rf /\n'), 'documents/photo.png');
    h.standin.push(h.standin.build.media(amina, { id: amina.id, type: 'private', first_name: 'Amina' }, { document: { file_id: id, file_unique_id: 'x', file_name: 'photo.png', mime_type: 'image/png', file_size: 20 } }));
    const refusal = await h.standin.waitForCall('sendMessage');
    expect(visible(String(refusal.params.text))).toMatch(/^Je ne peux garder que des photos/);
    expect(h.engine.inputs).toHaveLength(0);
  });

  it.each([
    ['a voice note', { voice: { file_id: 'v1', file_unique_id: 'uv1', duration: 42, mime_type: 'audio/ogg' } }, /^Je ne peux pas écouter les messages vocaux\. Écrivez-moi/],
    ['a video of the parcel', { video: { file_id: 'v2', file_unique_id: 'uv2', width: 640, height: 480, duration: 9 } }, /^Je ne peux pas garder les vidéos\. Envoyez une photo/],
    ['a round video', { video_note: { file_id: 'v3', file_unique_id: 'uv3', length: 240, duration: 5 } }, /^Je ne peux pas garder les vidéos/],
    ['a sticker', { sticker: { file_id: 's1', file_unique_id: 'us1', type: 'regular', width: 512, height: 512, is_animated: false, is_video: false } }, /^Je ne lis que les messages écrits, les photos et les PDF/],
    ['a location', { location: { latitude: -4.32, longitude: 15.31 } }, /^Je ne lis que les messages écrits/],
  ])('answers %s in a private chat with what it can read, without calling the engine', async (_what, media, said) => {
    h.standin.push(h.standin.build.media(amina, privateChat(amina), media));
    const answer = await h.standin.waitForCall('sendMessage');
    expect(visible(String(answer.params.text))).toMatch(said);
    expect(answer.params.chat_id).toBe(String(amina.id));
    expect(h.standin.callsOf('getFile')).toHaveLength(0);
    expect(h.engine.inputs).toHaveLength(0);
  });

  it('stays quiet about a voice note or a sticker in a group', async () => {
    h.standin.push(h.standin.build.media(amina, OTHER_GROUP, { voice: { file_id: 'v4', file_unique_id: 'uv4', duration: 3 } }));
    // Updates of one chat are handled in order: once the text after it reached the engine, the voice note was handled.
    h.standin.push(h.standin.build.text(amina, OTHER_GROUP, 'après le vocal'));
    await until(() => h.engine.inputs.length === 1, 'the text turn after it');
    expect(h.standin.callsOf('sendMessage').filter((c) => c.params.chat_id === String(OTHER_GROUP.id))).toHaveLength(0);
  });

  it('relays stored evidence from the blob store: photos with sendPhoto, other files with sendDocument', async () => {
    const photo = await h.blobs.put(JPEG, { contentType: 'image/jpeg', name: 'colis.jpg' });
    const receipt = await h.blobs.put(PDF, { contentType: 'application/pdf', name: 'recu.pdf' });
    h.engine.answer((input) => [
      replyTo(input, [{ id: 'test-raw', args: { text: 'Photo de <Amina>' } }], { blobId: photo.id, caseId: 'C-000001' }),
      replyTo(input, [{ id: 'test-raw', args: { text: 'Reçu' } }], { blobId: receipt.id, caseId: 'C-000001' }),
    ]);
    h.standin.push(h.standin.build.text(bisou, privateChat(bisou), '/case C-000001'));
    const sentPhoto = await h.standin.waitForCall('sendPhoto');
    const sentDoc = await h.standin.waitForCall('sendDocument');

    expect(Object.values(sentPhoto.files)[0]!.data.equals(JPEG)).toBe(true);
    expect(sentPhoto.params).toMatchObject({ chat_id: String(bisou.id), caption: 'Photo de &lt;Amina&gt;', parse_mode: 'HTML' });
    expect(Object.values(sentDoc.files)[0]).toMatchObject({ name: 'recu.pdf' });
    expect(Object.values(sentDoc.files)[0]!.data.equals(PDF)).toBe(true);
    await until(() => h.standin.botMessages(bisou.id).length === 2, 'both files');
    const [m1, m2] = h.standin.botMessages(bisou.id);
    await until(async () => (await h.threads.caseOfMessage('telegram', String(bisou.id), String(m2!.message_id))) === 'C-000001', 'file messages remembered');
    expect(await h.threads.caseOfMessage('telegram', String(bisou.id), String(m1!.message_id))).toBe('C-000001');
  });
});
