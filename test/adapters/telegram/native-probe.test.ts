/**
 * A blind probe of how people really use Telegram while reporting a problem: several messages in a row before the bot
 * answers, photo albums (one update per photo, the caption on one of them), photos without a caption, forwards,
 * voice notes, stickers, locations, contacts, videos, documents, edits, replies to old bot messages, old and
 * double-tapped buttons, a report left for two days, /start mid-flow, a group. Written from SPEC.md, README.md, docs/
 * and locales/ before reading src/; each conversation asserts what the buyer or the seller reads in the Bot API stand-in.
 *
 * As first written: 27 of 35 passed. Of the 8 failures, 4 were the probe's own mistakes (3: a correction that describes
 * nothing is rightly asked its description; 27: the refusal is written on the pressed card itself; 28: a regex that matched
 * the wrong message; 31: a report's button lives a day, not two — now tested on both sides, 31 and 31b), and 4 were real,
 * fixed in the engine (src/app/engine/flows/buyer-report.ts, commands.ts):
 * - 5: an album whose caption is on its last photo: the first photo started a report asking which order, and the caption
 *   naming CC-1001 was dropped (a file's caption is now read as the answer while the report asks which order or problem);
 * - 21: her first message edited from CC-1002 to CC-1001: only the description changed, and the case opened on CC-1002
 *   with words naming CC-1001 (an edit naming another order now starts the report over on it);
 * - 1: « ma commande » / « elle est pas arrivée » in a row: the case's description was « ma commande » (the words stating
 *   the problem now join a description that stated none);
 * - 33: /start mid-report greeted as if nothing were under way (the report is now offered back).
 * After the fixes: 36 of 36. Conversation 1 was then made stricter (its check of order lists could not see the old lists,
 * whose buttons are taken off): « Je ne vois pas de quelle commande il s’agit… » came twice word for word in the burst;
 * a problem stated while asked which order is now acknowledged instead.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { shown, startApp, type App } from './app-harness.js';
import { OTHER_GROUP, amina, bisou, privateChat, until } from './harness.js';

type Json = Record<string, any>;
// A real 16×12 JPEG (photos are decoded and re-encoded on the way in).
const JPEG = Buffer.from('/9j/2wBDAA0JCgsKCA0LCgsODg0PEyAVExISEyccHhcgLikxMC4pLSwzOko+MzZGNywtQFdBRkxOUlNSMj5aYVpQYEpRUk//2wBDAQ4ODhMREyYVFSZPNS01T09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT0//wAARCAAMABADASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAX/xAAUEAEAAAAAAAAAAAAAAAAAAAAA/8QAFAEBAAAAAAAAAAAAAAAAAAAABf/EABQRAQAAAAAAAAAAAAAAAAAAAAD/2gAMAwEAAhEDEQA/AJwA0w//2Q==', 'base64');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const dm = privateChat(amina);
const sellerDm = privateChat(bisou);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const labels = (m: Json): string[] => ((m.reply_markup?.inline_keyboard as Json[][] | undefined) ?? []).flat().map((b) => String(b.text));
const APOLOGY = /un problème est survenu|something went wrong/i;
const PROPOSAL = /C’est bien ça/;
const ADDED = /fichiers? ajoutés?/;
const DAY = 24 * 3600 * 1000;

describe('Telegram as people really use it while reporting a problem', () => {
  let app: App;
  let group = 0;
  afterEach(async () => {
    vi.useRealTimers();
    await app?.close();
  });

  /** A chat's bot messages from position `from`, as its user reads them now. */
  const seen = (chat: number, from = 0) => app.standin.botMessages(chat).slice(from).map(shown);
  const photoOf = (unique: string) => {
    const fileId = app.standin.addFile(JPEG, `photos/${unique}.jpg`);
    return { photo: [{ file_id: fileId, file_unique_id: unique, width: 16, height: 12, file_size: JPEG.length }] };
  };
  const pdfOf = (unique: string, name = 'recu.pdf') => {
    const fileId = app.standin.addFile(PDF, `documents/${unique}.pdf`);
    return { document: { file_id: fileId, file_unique_id: unique, file_name: name, mime_type: 'application/pdf', file_size: PDF.length } };
  };
  const pushMedia = (user = amina, media: Json, opts: { caption?: string; replyTo?: number; chat?: Json } = {}) =>
    app.standin.push(app.standin.build.media(user, (opts.chat as never) ?? privateChat(user), media, opts));
  /** An album as Telegram delivers it: one update per item, one media_group_id, the caption on one item only. */
  const pushAlbum = (items: Json[], opts: { user?: typeof amina; captionAt?: number; caption?: string; replyTo?: number; chat?: Json } = {}) => {
    const id = String(13579000 + ++group);
    return items.map((item, i) => pushMedia(opts.user ?? amina, { ...item, media_group_id: id }, {
      ...(opts.caption !== undefined && i === (opts.captionAt ?? 0) ? { caption: opts.caption } : {}),
      ...(opts.replyTo ? { replyTo: opts.replyTo } : {}),
      ...(opts.chat ? { chat: opts.chat } : {}),
    }));
  };
  /** Waits until every pushed update is taken and the chats have been quiet for a moment. */
  const settle = async (chat = amina.id) => {
    await until(() => app.standin.pendingUpdates() === 0, 'updates taken');
    let n = -1;
    while (n !== app.count(chat) + app.count(bisou.id)) {
      n = app.count(chat) + app.count(bisou.id);
      await sleep(500);
    }
  };
  const load = (id: string) => app.p.store.load(id);
  const evidence = async (id: string) => (await load(id))?.timeline.filter((e) => e.type === 'evidence') ?? [];
  const caseCount = async () => {
    let n = 0;
    for (let i = 1; i <= 6; i++) if (await load(`C-00000${i}`)) n++;
    return n;
  };
  /** The bot messages of a chat that offer buttons matching `label`. */
  const withButton = (chat: number, label: RegExp, from = 0) => app.standin.botMessages(chat).slice(from).filter((m) => labels(m).some((l) => label.test(l)));
  const linked = async () => {
    app = await startApp();
    await app.link(amina, 'acc-amina');
    await app.link(bisou, 'acc-bisou');
  };
  /** From words to the « open now » offer for an order, non-delivery. */
  async function toOffer(order = 'CC-1001'): Promise<Json> {
    const from = app.count(amina.id);
    app.say(amina, `ma commande ${order} n’est jamais arrivée`);
    await app.expectMessage(amina.id, PROPOSAL, from);
    await app.press(amina, 'Oui');
    return app.expectMessage(amina.id, /Ouvrir le litige|servira de description/, from);
  }
  /** A case opened on an order, non-delivery; returns the buyer's « opened » message. */
  async function openCase(order = 'CC-1001', caseId = 'C-000001'): Promise<Json> {
    await toOffer(order);
    const from = app.count(amina.id);
    await app.press(amina, 'Ouvrir le litige maintenant');
    const opened = await app.expectMessage(amina.id, new RegExp(caseId), from);
    await app.expectMessage(bisou.id, new RegExp(caseId));
    await settle();
    return opened;
  }
  /** Moves the wall clock (Date only; timers stay real) forward. */
  const later = (ms: number) => {
    vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
    vi.setSystemTime(Date.now() + ms);
  };

  // ——— Several messages in a row before the bot answers ———

  it('1. « bonjour » / « ma commande » / « elle est pas arrivée » / « CC-1001 » in a row: one list of orders at most, the report ends on CC-1001, non-delivery, with her words as description', async () => {
    await linked();
    const from = app.count(amina.id);
    for (const t of ['bonjour', 'ma commande', 'elle est pas arrivée', 'CC-1001']) app.say(amina, t);
    await settle();
    const orderLists = withButton(amina.id, /CC-100\d/, from).filter((m) => labels(m).filter((l) => /CC-100\d/.test(l)).length >= 2);
    expect(orderLists.length).toBeLessThanOrEqual(1);
    // Added after the fixes (the old lists' buttons are taken off, so the check above could not see it): she read
    // « Je ne vois pas de quelle commande il s’agit… » twice, word for word, for « ma commande » and « elle est pas arrivée ».
    const answers = seen(amina.id, from);
    expect(new Set(answers).size).toBe(answers.length);
    const last = seen(amina.id, from).filter((t) => PROPOSAL.test(t)).at(-1) ?? '';
    expect(last).toMatch(/CC-1001/);
    expect(last).toMatch(/non reçue/);
    await app.press(amina, 'Oui');
    await app.press(amina, 'Ouvrir le litige maintenant');
    await app.expectMessage(amina.id, /C-000001/, from);
    const c = (await load('C-000001'))!;
    expect(c).toMatchObject({ orderId: 'CC-1001', reason: 'non_delivery' });
    expect(JSON.stringify(c.timeline[0])).toMatch(/pas arrivée/);
  });

  it('2. « CC-1002 » / « le sac en raphia » / « il est jamais venu » in a row: the report is CC-1002, non-delivery', async () => {
    await linked();
    const from = app.count(amina.id);
    for (const t of ['CC-1002', 'le sac en raphia', 'il est jamais venu']) app.say(amina, t);
    await settle();
    const proposals = seen(amina.id, from).filter((t) => PROPOSAL.test(t));
    expect(proposals.at(-1)).toMatch(/CC-1002.*non reçue/s);
    await app.press(amina, 'Oui');
    await app.press(amina, 'Ouvrir le litige maintenant');
    await app.expectMessage(amina.id, /C-000001/, from);
    expect(await load('C-000001')).toMatchObject({ orderId: 'CC-1002', reason: 'non_delivery' });
  });

  it('3. « ma commande 1001 n’est pas arrivée » then at once « pardon c’est la 1002 »: the case opens on CC-1002, and the older buttons open nothing on CC-1001', async () => {
    await linked();
    const from = app.count(amina.id);
    app.say(amina, 'ma commande 1001 n’est pas arrivée');
    app.say(amina, 'pardon c’est la 1002');
    await settle();
    const proposals = seen(amina.id, from).filter((t) => PROPOSAL.test(t));
    expect(proposals.at(-1)).toMatch(/CC-1002/);
    await app.press(amina, 'Oui');
    // As first written the probe expected « Ouvrir le litige maintenant » at once; the correction alone describes
    // nothing, so the bot offers « Ouvrir un litige » and asks for the description: that is right, the probe was wrong.
    await app.press(amina, 'Ouvrir un litige');
    await app.expectMessage(amina.id, /Décrivez le problème avec la commande CC-1002/, from);
    app.say(amina, 'le sac en raphia n’est jamais arrivé, le vendeur ne répond plus');
    await app.expectMessage(amina.id, /C-000001/, from);
    expect(await load('C-000001')).toMatchObject({ orderId: 'CC-1002' });
    expect(await caseCount()).toBe(1);
  });

  // ——— Albums ———

  it('4. an album of 3 photos, the complaint in the first photo’s caption: one proposal, one acknowledgement, and the case keeps the 3 photos', async () => {
    await linked();
    const from = app.count(amina.id);
    pushAlbum([photoOf('p4a'), photoOf('p4b'), photoOf('p4c')], { caption: 'commande CC-1001 : le pagne reçu est déchiré et ce n’est pas la couleur commandée' });
    await app.expectMessage(amina.id, PROPOSAL, from);
    await settle();
    const said = seen(amina.id, from);
    expect(said.filter((t) => PROPOSAL.test(t))).toHaveLength(1);
    expect(said.filter((t) => ADDED.test(t))).toHaveLength(1);
    expect(said.join('\n')).toMatch(/CC-1001.*non conforme/s);
    await app.press(amina, 'Oui');
    await app.press(amina, 'Ouvrir le litige maintenant');
    await app.expectMessage(amina.id, /C-000001/, from);
    expect(await load('C-000001')).toMatchObject({ orderId: 'CC-1001', reason: 'not_as_described' });
    expect(await evidence('C-000001')).toHaveLength(3);
  });

  it('5. an album whose caption is on the last photo: the caption is read, and all 3 photos are the same report’s evidence', async () => {
    await linked();
    const from = app.count(amina.id);
    pushAlbum([photoOf('p5a'), photoOf('p5b'), photoOf('p5c')], { captionAt: 2, caption: 'CC-1001 le pagne est arrivé tout déchiré' });
    await app.expectMessage(amina.id, PROPOSAL, from);
    await settle();
    expect(seen(amina.id, from).filter((t) => PROPOSAL.test(t))).toHaveLength(1);
    await app.press(amina, 'Oui');
    await app.press(amina, 'Ouvrir le litige maintenant');
    await app.expectMessage(amina.id, /C-000001/, from);
    expect(await load('C-000001')).toMatchObject({ orderId: 'CC-1001', reason: 'not_as_described' });
    expect(await evidence('C-000001')).toHaveLength(3);
  });

  it('6. an album of 4 photos at the « open now » offer: one « 4 fichiers ajoutés », and the opened case has the 4', async () => {
    await linked();
    await toOffer();
    await settle();
    const from = app.count(amina.id);
    pushAlbum([photoOf('p6a'), photoOf('p6b'), photoOf('p6c'), photoOf('p6d')]);
    await app.expectMessage(amina.id, ADDED, from);
    await settle();
    const acks = seen(amina.id, from).filter((t) => ADDED.test(t));
    expect(acks).toHaveLength(1);
    expect(acks[0]).toMatch(/4 fichiers ajoutés/);
    await app.press(amina, 'Ouvrir le litige maintenant');
    await app.expectMessage(amina.id, /C-000001/, from);
    expect(await evidence('C-000001')).toHaveLength(4);
  });

  it('7. an album of 3 photos sent after her only case opened: all 3 join that case, she reads one acknowledgement, the seller gets the 3', async () => {
    await linked();
    await openCase();
    const from = app.count(amina.id);
    const sellerPhotos = () => app.standin.calls.filter((c) => /sendPhoto|sendMediaGroup/.test(c.method) && c.params.chat_id === String(bisou.id))
      .reduce((n, c) => n + (c.method === 'sendMediaGroup' ? (c.params.media as unknown[]).length : 1), 0);
    const before = sellerPhotos();
    pushAlbum([photoOf('p7a'), photoOf('p7b'), photoOf('p7c')]);
    await until(async () => (await evidence('C-000001')).length === 3, '3 photos on the case');
    await settle();
    expect(await evidence('C-000001')).toHaveLength(3);
    const about = seen(amina.id, from).filter((t) => /ajout|joint|fichier|photo/i.test(t));
    expect(about.length).toBeLessThanOrEqual(1);
    await until(() => sellerPhotos() - before >= 3, 'the seller gets the photos');
  });

  it('8. an album of 2 photos with two cases under way: one question for the album, and the photos go together to the case she picks', async () => {
    await linked();
    await openCase('CC-1001', 'C-000001');
    await openCase('CC-1002', 'C-000002');
    const from = app.count(amina.id);
    pushAlbum([photoOf('p8a'), photoOf('p8b')]);
    await app.expectMessage(amina.id, /2 litiges en cours/, from);
    await settle();
    const questions = seen(amina.id, from).filter((t) => /litiges en cours/.test(t));
    expect(questions).toHaveLength(1);
    expect(questions[0]).toMatch(/2 fichiers/);
    await app.press(amina, 'C-000002');
    await until(async () => (await evidence('C-000002')).length === 2, '2 photos on C-000002');
    expect(await evidence('C-000001')).toHaveLength(0);
  });

  // ——— Photos without words ———

  it('9. a photo without a caption as her very first message, then the words: she is answered, and the case keeps the photo', async () => {
    await linked();
    const from = app.count(amina.id);
    pushMedia(amina, photoOf('p9'));
    await settle();
    const afterPhoto = seen(amina.id, from);
    expect(afterPhoto.length).toBeGreaterThanOrEqual(1);
    expect(afterPhoto.join('\n')).not.toMatch(APOLOGY);
    app.say(amina, 'ma commande 1001 est arrivée déchirée');
    await app.expectMessage(amina.id, /CC-1001.*non conforme/s, from);
    await app.press(amina, 'Oui');
    await app.press(amina, 'Ouvrir le litige maintenant');
    await app.expectMessage(amina.id, /C-000001/, from);
    expect(await evidence('C-000001')).toHaveLength(1);
  });

  it('10. a photo sent while the bot waits for her to pick the order: kept, and evidence of the case she then opens', async () => {
    await linked();
    const from = app.count(amina.id);
    app.say(amina, 'mon colis n’est jamais arrivé');
    await until(() => withButton(amina.id, /CC-1001/, from).length > 0, 'the orders to pick from');
    await settle();
    pushMedia(amina, photoOf('p10'));
    await settle();
    await app.press(amina, 'CC-1001');
    await app.expectMessage(amina.id, PROPOSAL, from);
    await app.press(amina, 'Oui');
    await app.press(amina, 'Ouvrir le litige maintenant');
    await app.expectMessage(amina.id, /C-000001/, from);
    expect(await evidence('C-000001')).toHaveLength(1);
  });

  // ——— Forwards ———

  it('11. the seller’s own message forwarded as her first message, then « ça fait 3 semaines et toujours rien »: the seller does not get his words back, and the report is CC-1002, non-delivery', async () => {
    await linked();
    const from = app.count(amina.id);
    const sellerFrom = app.count(bisou.id);
    const u = app.standin.build.text(amina, dm, 'Bonjour, votre commande CC-1002 partira demain sans faute. Bisou Créations');
    u.message.forward_origin = { type: 'user', date: Math.floor(Date.now() / 1000) - 20 * 24 * 3600, sender_user: { id: bisou.id, is_bot: false, first_name: 'Bisou' } };
    u.message.forward_date = u.message.forward_origin.date;
    app.standin.push(u);
    await settle();
    app.say(amina, 'ça fait 3 semaines et toujours rien');
    await settle();
    expect(seen(bisou.id, sellerFrom).join('\n')).not.toMatch(/partira demain/);
    const proposals = seen(amina.id, from).filter((t) => PROPOSAL.test(t));
    expect(proposals.at(-1)).toMatch(/CC-1002.*non reçue/s);
  });

  it('12. a courier’s SMS forwarded outside the case while her case is under way: not sent behind her back, then sent as written with « Envoyer au vendeur »', async () => {
    await linked();
    await openCase();
    const sellerFrom = app.count(bisou.id);
    const from = app.count(amina.id);
    const u = app.standin.build.text(amina, dm, 'DHL: votre colis JD0142 est retenu au dépôt de Gombe, frais de 5000 FC à payer');
    u.message.forward_origin = { type: 'hidden_user', date: Math.floor(Date.now() / 1000) - 3600, sender_user_name: 'DHL Kinshasa' };
    u.message.forward_date = u.message.forward_origin.date;
    app.standin.push(u);
    await app.expectMessage(amina.id, /pas encore parti/, from);
    expect(seen(bisou.id, sellerFrom).join('\n')).not.toMatch(/dépôt de Gombe/);
    await app.press(amina, 'Envoyer au vendeur');
    await app.expectMessage(bisou.id, /dépôt de Gombe/, sellerFrom);
  });

  // ——— Voice, sticker, location, contact, video, documents ———

  it('13. a voice note as her first message: one answer asking for words, no list of orders; her words then work', async () => {
    await linked();
    const from = app.count(amina.id);
    pushMedia(amina, { voice: { file_id: 'voice-1', file_unique_id: 'v1', duration: 14, mime_type: 'audio/ogg', file_size: 20000 } });
    await settle();
    const said = seen(amina.id, from);
    expect(said).toHaveLength(1);
    expect(said[0]).toMatch(/vocaux/);
    app.say(amina, 'ma commande 1001 n’est jamais arrivée');
    await app.expectMessage(amina.id, /CC-1001.*non reçue/s, from);
  });

  it('14. a sticker at the « open now » offer: answered, and the offer still opens the case', async () => {
    await linked();
    await toOffer();
    await settle();
    const from = app.count(amina.id);
    pushMedia(amina, { sticker: { file_id: 'stk-1', file_unique_id: 's1', type: 'regular', width: 512, height: 512, is_animated: false, is_video: false, emoji: '😡' } });
    await settle();
    expect(seen(amina.id, from).length).toBeGreaterThanOrEqual(1);
    expect(seen(amina.id, from).join('\n')).not.toMatch(APOLOGY);
    await app.press(amina, 'Ouvrir le litige maintenant');
    await app.expectMessage(amina.id, /C-000001/, from);
  });

  it('15. her location sent while the bot asks « C’est bien ça ? »: one answer that says what it reads, and « Oui » still works', async () => {
    await linked();
    const from = app.count(amina.id);
    app.say(amina, 'ma commande CC-1001 n’est jamais arrivée');
    await app.expectMessage(amina.id, PROPOSAL, from);
    await settle();
    const mid = app.count(amina.id);
    pushMedia(amina, { location: { latitude: -4.3217, longitude: 15.3125 } });
    await settle();
    const said = seen(amina.id, mid);
    expect(said).toHaveLength(1);
    expect(said[0]).toMatch(/messages écrits|photos/);
    await app.press(amina, 'Oui');
    await app.expectMessage(amina.id, /Vous pouvez ouvrir un litige/, mid);
  });

  it('16. her phone contact shared in reply to her case: the seller does not get her number', async () => {
    await linked();
    const opened = await openCase();
    const sellerFrom = app.count(bisou.id);
    const from = app.count(amina.id);
    pushMedia(amina, { contact: { phone_number: '+243812345678', first_name: 'Amina', user_id: amina.id } }, { replyTo: opened.message_id });
    await settle();
    expect(seen(amina.id, from).length).toBeGreaterThanOrEqual(1);
    expect(seen(bisou.id, sellerFrom).join('\n')).not.toMatch(/812345678/);
  });

  it('17. a video of the damaged item at the offer: told videos are not kept, nothing added, the case opens without it', async () => {
    await linked();
    await toOffer();
    await settle();
    const from = app.count(amina.id);
    const fileId = app.standin.addFile(Buffer.from('not really a video'), 'videos/v.mp4');
    pushMedia(amina, { video: { file_id: fileId, file_unique_id: 'vid1', duration: 9, width: 640, height: 480, mime_type: 'video/mp4', file_size: 18 } });
    await settle();
    const said = seen(amina.id, from);
    expect(said.join('\n')).toMatch(/vidéos/);
    expect(said.join('\n')).not.toMatch(ADDED);
    await app.press(amina, 'Ouvrir le litige maintenant');
    await app.expectMessage(amina.id, /C-000001/, from);
    expect(await evidence('C-000001')).toHaveLength(0);
  });

  it('18. two PDF receipts sent together (a document album) at the offer: one acknowledgement, both on the case', async () => {
    await linked();
    await toOffer();
    await settle();
    const from = app.count(amina.id);
    pushAlbum([pdfOf('d18a', 'recu-paiement.pdf'), pdfOf('d18b', 'bon-de-commande.pdf')]);
    await app.expectMessage(amina.id, ADDED, from);
    await settle();
    const acks = seen(amina.id, from).filter((t) => ADDED.test(t));
    expect(acks).toHaveLength(1);
    expect(acks[0]).toMatch(/2 fichiers ajoutés/);
    await app.press(amina, 'Ouvrir le litige maintenant');
    await app.expectMessage(amina.id, /C-000001/, from);
    expect(await evidence('C-000001')).toHaveLength(2);
  });

  it('19. a Word document at the offer: refused saying what is kept, and the report goes on', async () => {
    await linked();
    await toOffer();
    await settle();
    const from = app.count(amina.id);
    const fileId = app.standin.addFile(Buffer.from('PK\u0003\u0004 not a pdf'), 'documents/plainte.docx');
    pushMedia(amina, { document: { file_id: fileId, file_unique_id: 'docx1', file_name: 'plainte.docx', mime_type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', file_size: 20 } });
    await settle();
    expect(seen(amina.id, from).join('\n')).toMatch(/PDF/);
    expect(seen(amina.id, from).join('\n')).not.toMatch(ADDED);
    await app.press(amina, 'Ouvrir le litige maintenant');
    await app.expectMessage(amina.id, /C-000001/, from);
  });

  it('20. a photo sent « as a file » (an uncompressed JPEG document): kept like a photo', async () => {
    await linked();
    await toOffer();
    await settle();
    const from = app.count(amina.id);
    const fileId = app.standin.addFile(JPEG, 'documents/IMG_2044.jpg');
    pushMedia(amina, { document: { file_id: fileId, file_unique_id: 'jpgdoc', file_name: 'IMG_2044.jpg', mime_type: 'image/jpeg', file_size: JPEG.length } });
    await app.expectMessage(amina.id, /1 fichier ajouté/, from);
    await app.press(amina, 'Ouvrir le litige maintenant');
    await app.expectMessage(amina.id, /C-000001/, from);
    expect(await evidence('C-000001')).toHaveLength(1);
  });

  // ——— Edits ———

  it('21. she edits her first message to correct the order number before confirming: the report follows the corrected order', async () => {
    await linked();
    const from = app.count(amina.id);
    const sent = app.say(amina, 'ma commande CC-1002 n’est jamais arrivée');
    await app.expectMessage(amina.id, /CC-1002/, from);
    await settle();
    const mid = app.count(amina.id);
    app.standin.push(app.standin.build.edit(sent.message, { text: 'ma commande CC-1001 n’est jamais arrivée' }));
    await settle();
    expect(seen(amina.id, mid).join('\n')).toMatch(/CC-1001/);
    await app.press(amina, 'Oui');
    await settle();
    if (withButton(amina.id, /Ouvrir le litige maintenant/, mid).length > 0) await app.press(amina, 'Ouvrir le litige maintenant');
    await settle();
    const c = await load('C-000001');
    expect(c?.orderId).toBe('CC-1001');
  });

  it('22. she edits a typo in her description at the offer: one « Description mise à jour », and the case carries the new words', async () => {
    await linked();
    const from = app.count(amina.id);
    const sent = app.say(amina, 'ma commande CC-1001 n’est jamais arrivé, je lai payé le 3');
    await app.expectMessage(amina.id, PROPOSAL, from);
    await app.press(amina, 'Oui');
    await app.expectMessage(amina.id, /Ouvrir le litige|servira de description/, from);
    await settle();
    const mid = app.count(amina.id);
    app.standin.push(app.standin.build.edit(sent.message, { text: 'ma commande CC-1001 n’est jamais arrivée, je l’ai payée le 3' }));
    await settle();
    expect(seen(amina.id, mid).filter((t) => /Description mise à jour/.test(t))).toHaveLength(1);
    await app.press(amina, 'Ouvrir le litige maintenant');
    await app.expectMessage(amina.id, /C-000001/, mid);
    expect(JSON.stringify((await load('C-000001'))!.timeline[0])).toMatch(/je l’ai payée le 3/);
  });

  it('23. she edits a message already relayed in her case: the seller gets one correction, not a second copy of the old words', async () => {
    await linked();
    const opened = await openCase();
    const sellerFrom = app.count(bisou.id);
    const sent = app.say(amina, 'le livreur m’a appelée le 12', { replyTo: opened.message_id });
    await app.expectMessage(bisou.id, /le livreur m’a appelée le 12/, sellerFrom);
    await settle();
    const mid = app.count(bisou.id);
    app.standin.push(app.standin.build.edit(sent.message, { text: 'le livreur m’a appelée le 14' }));
    await settle();
    const got = seen(bisou.id, mid);
    expect(got.filter((t) => /appelée le 14/.test(t))).toHaveLength(1);
    expect(got.join('\n')).not.toMatch(/appelée le 12/);
  });

  // ——— Replies to old bot messages ———

  it('24. five hours later she swipes-replies to the « case opened » message: her words reach the seller in that case', async () => {
    await linked();
    const opened = await openCase();
    later(5 * 3600 * 1000);
    const sellerFrom = app.count(bisou.id);
    app.say(amina, 'toujours rien ce matin, vous l’avez envoyé ou pas ?', { replyTo: opened.message_id });
    const got = await app.expectMessage(bisou.id, /toujours rien ce matin/, sellerFrom);
    expect(shown(got)).toMatch(/C-000001/);
  });

  it('25. she replies to a message of a case the seller has since refunded: not relayed, and told the case is closed', async () => {
    await linked();
    const opened = await openCase();
    await app.press(bisou, 'Rembourser en totalité', sellerDm);
    await app.press(bisou, 'Confirmer', sellerDm);
    await until(async () => (await load('C-000001'))?.status === 'closed', 'the case closed');
    await settle();
    const sellerFrom = app.count(bisou.id);
    const from = app.count(amina.id);
    app.say(amina, 'merci mais le pagne que j’ai reçu ensuite est abîmé', { replyTo: opened.message_id });
    await settle();
    expect(seen(bisou.id, sellerFrom).join('\n')).not.toMatch(/abîmé/);
    expect(seen(amina.id, from).join('\n')).toMatch(/clos/);
  });

  // ——— Old and double-tapped buttons ———

  it('26. the « Oui » of a report whose case has since opened and closed, pressed again: nothing opens, and she is told', async () => {
    await linked();
    const from = app.count(amina.id);
    app.say(amina, 'ma commande CC-1001 n’est jamais arrivée');
    const proposal = await app.expectMessage(amina.id, PROPOSAL, from);
    const yes = (proposal.reply_markup.inline_keyboard as Json[][]).flat().find((b) => /Oui/.test(String(b.text)))!;
    const oldProposal = JSON.parse(JSON.stringify(proposal)) as Json;
    await app.press(amina, 'Oui');
    await app.press(amina, 'Ouvrir le litige maintenant');
    await app.expectMessage(amina.id, /C-000001/, from);
    await app.press(bisou, 'Rembourser en totalité', sellerDm);
    await app.press(bisou, 'Confirmer', sellerDm);
    await until(async () => (await load('C-000001'))?.status === 'closed', 'the case closed');
    await settle();
    const mid = app.count(amina.id);
    app.standin.push(app.standin.build.press(amina, oldProposal, yes.callback_data));
    await settle();
    expect(await caseCount()).toBe(1);
    const said = seen(amina.id, mid).join('\n');
    const answered = app.standin.callsOf('answerCallbackQuery').at(-1)?.params.text ?? '';
    expect(`${said}\n${answered}`).toMatch(/plus en cours|clos|remplacé|Rien n’a été modifié/);
    expect(said).not.toMatch(/Vous pouvez ouvrir un litige/);
  });

  it('27. the card’s « Clore : c’est réglé » pressed after the seller refunded in full: refused clearly, nothing changes', async () => {
    await linked();
    await openCase();
    const cardMsg = withButton(amina.id, /Clore/).at(-1)!;
    const close = (cardMsg.reply_markup.inline_keyboard as Json[][]).flat().find((b) => /Clore/.test(String(b.text)))!;
    const oldCard = JSON.parse(JSON.stringify(cardMsg)) as Json;
    await app.press(bisou, 'Rembourser en totalité', sellerDm);
    await app.press(bisou, 'Confirmer', sellerDm);
    await until(async () => (await load('C-000001'))?.status === 'closed', 'the case closed');
    await settle();
    const mid = app.count(amina.id);
    const entries = (await load('C-000001'))!.timeline.length;
    app.standin.push(app.standin.build.press(amina, oldCard, close.callback_data));
    await settle();
    const c = (await load('C-000001'))!;
    expect(c).toMatchObject({ status: 'closed', resolution: 'refunded' });
    expect(c.timeline).toHaveLength(entries);
    const said = seen(amina.id, mid).join('\n');
    // As first written the probe read only new messages: the bot answers by editing the pressed card itself (« Ce bouton
    // ne s’applique plus : le litige C-000001 est clos … »), which is where she is looking. The probe was wrong.
    const pressed = shown(app.standin.message(amina.id, oldCard.message_id)!);
    expect(`${said}\n${pressed}`).toMatch(/ne s’applique plus.*clos/s);
    expect(said).not.toMatch(/Clore le litige C-000001 comme réglé/);
  });

  it('28. a double tap on « Confirmer » to close her case: closed once, the seller told once', async () => {
    await linked();
    await openCase();
    await app.press(amina, 'Clore');
    // As first written the probe waited for /Confirmer|réglé/, which the « case opened » message already matched.
    const confirm = await app.expectMessage(amina.id, /Clore le litige C-000001 comme réglé/);
    await settle();
    const b = (confirm.reply_markup?.inline_keyboard as Json[][] | undefined)?.flat().find((x) => /Confirmer/.test(String(x.text)));
    expect(b).toBeDefined();
    const sellerFrom = app.count(bisou.id);
    const from = app.count(amina.id);
    app.standin.push(app.standin.build.press(amina, confirm, b!.callback_data));
    app.standin.push(app.standin.build.press(amina, confirm, b!.callback_data));
    await settle();
    const c = (await load('C-000001'))!;
    expect(c).toMatchObject({ status: 'closed', resolution: 'buyer_closed' });
    expect(c.timeline.filter((e) => e.type === 'closed')).toHaveLength(1);
    expect(seen(bisou.id, sellerFrom).filter((t) => /C-000001/.test(t) && /clos/i.test(t))).toHaveLength(1);
    expect(seen(amina.id, from).filter((t) => /est clos/.test(t)).length).toBeLessThanOrEqual(1);
  });

  it('29. a double tap on an order in the list: one « C’est bien ça ? », not two', async () => {
    await linked();
    const from = app.count(amina.id);
    app.say(amina, 'mon colis n’est jamais arrivé');
    await until(() => withButton(amina.id, /CC-1001/, from).length > 0, 'the orders to pick from');
    const list = withButton(amina.id, /CC-1001/, from).at(-1)!;
    const b = (list.reply_markup.inline_keyboard as Json[][]).flat().find((x) => /CC-1001/.test(String(x.text)))!;
    app.standin.push(app.standin.build.press(amina, list, b.callback_data));
    app.standin.push(app.standin.build.press(amina, list, b.callback_data));
    await settle();
    expect(seen(amina.id, from).filter((t) => PROPOSAL.test(t))).toHaveLength(1);
  });

  // ——— Silence, then something else ———

  it('30. a report left for two days, then « ma commande 1002 est arrivée abîmée »: answered about CC-1002, and CC-1001’s report is not imposed', async () => {
    await linked();
    await toOffer('CC-1001');
    await settle();
    later(2 * DAY);
    const from = app.count(amina.id);
    app.say(amina, 'ma commande 1002 est arrivée abîmée');
    await app.expectMessage(amina.id, /CC-1002/, from);
    await settle();
    expect(seen(amina.id, from).join('\n')).not.toMatch(/CC-1001/);
    await app.press(amina, 'Oui');
    await app.press(amina, 'Ouvrir le litige maintenant');
    await app.expectMessage(amina.id, /C-000001/, from);
    expect(await load('C-000001')).toMatchObject({ orderId: 'CC-1002', reason: 'not_as_described' });
  });

  // As first written: two days later, its own button was expected to open the case. The README says a lapsed report's
  // last buttons still answer it; they do for a day (a button's lifetime), and after that are refused saying so and
  // pointing to /report. The probe asked more than the product promises: now both sides of that day.
  it('31. a report left overnight with nothing written since: its own « Ouvrir le litige maintenant » still opens the case; two days later it is refused clearly', async () => {
    await linked();
    await toOffer('CC-1001');
    await settle();
    const offer = withButton(amina.id, /Ouvrir le litige maintenant/).at(-1)!;
    const open = (offer.reply_markup.inline_keyboard as Json[][]).flat().find((b) => /Ouvrir le litige maintenant/.test(String(b.text)))!;
    const oldOffer = JSON.parse(JSON.stringify(offer)) as Json;
    later(2 * DAY);
    const from = app.count(amina.id);
    app.standin.push(app.standin.build.press(amina, oldOffer, open.callback_data));
    await app.expectMessage(amina.id, /n’est plus en cours.*\/report/s, from);
    expect(await caseCount()).toBe(0);
  });

  it('31b. the same report left 20 hours: its own « Ouvrir le litige maintenant » still opens the case', async () => {
    await linked();
    await toOffer('CC-1001');
    await settle();
    later(20 * 3600 * 1000);
    const from = app.count(amina.id);
    await app.press(amina, 'Ouvrir le litige maintenant');
    await app.expectMessage(amina.id, /C-000001/, from);
    expect(await load('C-000001')).toMatchObject({ orderId: 'CC-1001', reason: 'non_delivery' });
  });

  it('32. a report left for two days, then « bonjour »: greeted, no case opened, the old report not pushed on her as if she had just answered it', async () => {
    await linked();
    await toOffer('CC-1001');
    await settle();
    later(2 * DAY);
    const from = app.count(amina.id);
    app.say(amina, 'bonjour');
    await settle();
    const said = seen(amina.id, from);
    expect(said.length).toBeGreaterThanOrEqual(1);
    expect(said.join('\n')).not.toMatch(/servira de description|Vous pouvez ouvrir un litige/);
    expect(await caseCount()).toBe(0);
  });

  it('33. /start in the middle of a report: she is greeted and reminded of her report on CC-1001, which she can still open without retyping', async () => {
    await linked();
    const from = app.count(amina.id);
    app.say(amina, 'ma commande CC-1001 n’est jamais arrivée');
    await app.expectMessage(amina.id, PROPOSAL, from);
    await settle();
    const mid = app.count(amina.id);
    app.say(amina, '/start');
    await settle();
    const said = seen(amina.id, mid).join('\n');
    expect(said).not.toMatch(APOLOGY);
    expect(said).toMatch(/CC-1001/);
    if (withButton(amina.id, /Reprendre/, mid).length > 0) await app.press(amina, 'Reprendre');
    await app.press(amina, 'Oui');
    await app.press(amina, 'Ouvrir le litige maintenant');
    await app.expectMessage(amina.id, /C-000001/, mid);
    expect(await load('C-000001')).toMatchObject({ orderId: 'CC-1001' });
  });

  // ——— Groups ———

  it('34. an album she sends in a group the bot is in, while her private report is at the offer: not added to her report, and the group gets at most one message', async () => {
    await linked();
    await toOffer();
    await settle();
    const groupFrom = app.count(OTHER_GROUP.id);
    pushAlbum([photoOf('g1'), photoOf('g2'), photoOf('g3')], { chat: OTHER_GROUP, caption: 'regardez ce que j’ai reçu de CC-1001' });
    await settle(OTHER_GROUP.id);
    expect(seen(OTHER_GROUP.id, groupFrom).length).toBeLessThanOrEqual(1);
    expect(seen(OTHER_GROUP.id, groupFrom).join('\n')).not.toMatch(/Pagne|50[ .\u202f]?000/);
    const from = app.count(amina.id);
    await app.press(amina, 'Ouvrir le litige maintenant');
    await app.expectMessage(amina.id, /C-000001/, from);
    expect(await evidence('C-000001')).toHaveLength(0);
  });

  // ——— The seller answers with an album ———

  it('35. the seller replies to the case card with an album of 3 shipping photos: all 3 on the case, the buyer gets them, the seller one acknowledgement', async () => {
    await linked();
    await openCase();
    const card = await app.expectMessage(bisou.id, /C-000001/);
    const sellerFrom = app.count(bisou.id);
    pushAlbum([photoOf('s1'), photoOf('s2'), photoOf('s3')], { user: bisou, replyTo: card.message_id, caption: 'le colis au départ, le bordereau et le reçu' });
    await until(async () => (await evidence('C-000001')).length === 3, '3 seller photos on the case');
    await settle();
    const ev = await evidence('C-000001');
    expect(ev.every((e) => e.actor.role === 'seller')).toBe(true);
    const acks = seen(bisou.id, sellerFrom).filter((t) => /Fichier ajouté|fichiers? ajouté/i.test(t));
    expect(acks.length).toBeLessThanOrEqual(1);
    const buyerPhotos = app.standin.calls.filter((c) => /sendPhoto|sendMediaGroup/.test(c.method) && c.params.chat_id === String(amina.id))
      .reduce((n, c) => n + (c.method === 'sendMediaGroup' ? (c.params.media as unknown[]).length : 1), 0);
    expect(buyerPhotos).toBeGreaterThanOrEqual(3);
  });
});
