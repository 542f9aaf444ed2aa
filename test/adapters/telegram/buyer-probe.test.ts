/**
 * A buyer's Telegram conversation as Telegram really delivers it: albums before words, captions, PDFs, edits, forwards,
 * replies to old questions, double taps, redeliveries, long texts, emoji, voice notes, groups, and a restart.
 * Each scenario asserts what the buyer sees in the Bot API stand-in.
 *
 * As first written: 13 of 20 passed. Of the 7 failures, 4 were the probe's own mistakes (it waited for a button's label as
 * message text; its edited_message carried an update_id above the later updates', so the stand-in dropped those), and 3 were real:
 * - an album of 3 photos got 3 acknowledgements, each repeating the question (fixed in the adapter: one per album);
 * - /report and /cases in a group listed the buyer's orders, with buttons, for the whole group to see (fixed in the
 *   adapter: party commands in a group other than the staff group point to the private chat, as Discord answers ephemerally);
 * - a text over 4,096 characters, which Telegram splits in two: the first part is refused (over 4,000), then the tail
 *   alone becomes the description. Left alone at first (she was told, and shown what was kept); fixed later: a text
 *   takes up to 12,300 characters and a part that follows a long one within seconds joins it (test/adapters/telegram/edits.test.ts).
 * After the fixes: 20 of 20.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { composePalabre } from '../../../src/compose.js';
import { loadConfig } from '../../../src/config.js';
import { silentLogger } from '../../../src/ports/logger.js';
import { addTelegram, composeTestApp } from '../../support/app.js';
import { TEST_REDIS_URL } from '../../support/redis.js';
import { startTelegramStandin } from '../../support/telegram-standin.js';
import { shown, startApp, type App } from './app-harness.js';
import { OTHER_GROUP, STAFF, amina, bisou, privateChat, until } from './harness.js';

type Json = Record<string, any>;
// A real 16×12 JPEG (photos are decoded and re-encoded on the way in).
const JPEG = Buffer.from('/9j/2wBDAA0JCgsKCA0LCgsODg0PEyAVExISEyccHhcgLikxMC4pLSwzOko+MzZGNywtQFdBRkxOUlNSMj5aYVpQYEpRUk//2wBDAQ4ODhMREyYVFSZPNS01T09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT0//wAARCAAMABADASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAX/xAAUEAEAAAAAAAAAAAAAAAAAAAAA/8QAFAEBAAAAAAAAAAAAAAAAAAAABf/EABQRAQAAAAAAAAAAAAAAAAAAAAD/2gAMAwEAAhEDEQA/AJwA0w//2Q==', 'base64');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const dm = privateChat(amina);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const labels = (m: Json): string[] => ((m.reply_markup?.inline_keyboard as Json[][] | undefined) ?? []).flat().map((b) => String(b.text));
const APOLOGY = /un problème est survenu de notre côté/;

describe('a Telegram buyer, as Telegram delivers them', () => {
  let app: App;
  afterEach(async () => {
    await app?.close();
  });

  /** The buyer's chat from position `from`, as she reads it now. */
  const seen = (from = 0) => app.standin.botMessages(amina.id).slice(from).map(shown);
  const photo = (unique: string, extra: Json = {}) => {
    const fileId = app.standin.addFile(JPEG, `photos/${unique}.jpg`);
    return { ...extra, photo: [{ file_id: fileId, file_unique_id: unique, width: 16, height: 12, file_size: JPEG.length }] };
  };
  const pushPhoto = (unique: string, extra: Json = {}, opts: { caption?: string } = {}) => app.standin.push(app.standin.build.media(amina, dm, photo(unique, extra), opts));
  /** Waits until the buyer's chat has been quiet for a moment (every pending update answered). */
  const settle = async () => {
    await until(() => app.standin.pendingUpdates() === 0, 'updates taken');
    let n = -1;
    while (n !== app.count(amina.id)) {
      n = app.count(amina.id);
      await sleep(400);
    }
  };
  /** From words to the « open now » offer for CC-1001, non-delivery. */
  async function toOffer(): Promise<Json> {
    const from = app.count(amina.id);
    app.say(amina, 'ma commande CC-1001 n’est jamais arrivée');
    await app.press(amina, 'Oui');
    return app.expectMessage(amina.id, /Ouvrir le litige|servira de description/, from);
  }
  const caseCount = async () => {
    let n = 0;
    for (let i = 1; i <= 5; i++) if (await app.p.store.load(`C-00000${i}`)) n++;
    return n;
  };

  it('« voilà » then an album of 3 photos before any words: one acknowledgement for the album, not one per photo', async () => {
    app = await startApp();
    await app.link(amina, 'acc-amina');
    app.say(amina, 'voilà');
    await settle();
    const from = app.count(amina.id);
    for (const u of ['a1', 'a2', 'a3']) pushPhoto(u, { media_group_id: '13570001' });
    await app.expectMessage(amina.id, /fichiers? ajouté/, from);
    await sleep(1500);
    const acks = seen(from).filter((t) => /fichiers? ajouté/.test(t));
    expect(acks).toHaveLength(1);
    expect(acks[0]).toMatch(/3 fichiers ajoutés/);
  });

  it('the album, then the words: the case opens on the named order with the 3 photos and the words as description', async () => {
    app = await startApp();
    await app.link(amina, 'acc-amina');
    app.say(amina, 'voilà');
    await settle();
    for (const u of ['b1', 'b2', 'b3']) pushPhoto(u, { media_group_id: '13570002' });
    await settle();
    app.say(amina, 'ma commande CC-1001 n’est jamais arrivée');
    await app.press(amina, 'Oui');
    await app.press(amina, 'Ouvrir le litige maintenant');
    await app.expectMessage(amina.id, /C-000001/);
    const c = (await app.p.store.load('C-000001'))!;
    expect(c).toMatchObject({ orderId: 'CC-1001', reason: 'non_delivery' });
    expect(c.timeline.filter((e) => e.type === 'evidence')).toHaveLength(3);
  });

  it('a photo whose caption is the whole complaint: the bot understands the caption and keeps the photo', async () => {
    app = await startApp();
    await app.link(amina, 'acc-amina');
    pushPhoto('c1', {}, { caption: 'commande CC-1001 : le pagne reçu est déchiré et ce n’est pas la couleur commandée' });
    const m = await app.expectMessage(amina.id, /CC-1001.*non conforme/s);
    expect(shown(m)).toMatch(/1 fichier ajouté/);
    expect(labels(m)).toContain('Oui, c’est ça');
    await app.press(amina, 'Oui');
    await app.expectMessage(amina.id, /servira de description : « commande CC-1001 : le pagne reçu est déchiré/);
  });

  it('a PDF receipt instead of a photo is kept as a file, not refused', async () => {
    app = await startApp();
    await app.link(amina, 'acc-amina');
    await toOffer();
    const from = app.count(amina.id);
    const fileId = app.standin.addFile(PDF, 'documents/recu.pdf');
    app.standin.push(app.standin.build.media(amina, dm, { document: { file_id: fileId, file_unique_id: 'pdf-1', file_name: 'recu-paiement.pdf', mime_type: 'application/pdf', file_size: PDF.length } }));
    await app.expectMessage(amina.id, /1 fichier ajouté/, from);
    expect(seen(from).join('\n')).not.toMatch(/ne peux pas|refus/i);
  });

  it('an edited message in the middle of a report does not derail it (no duplicate turn, no error)', async () => {
    app = await startApp();
    await app.link(amina, 'acc-amina');
    const sent = app.say(amina, 'ma commande CC-1001 n’est jamais arrivée');
    await app.expectMessage(amina.id, /C’est bien ça/);
    await settle();
    const from = app.count(amina.id);
    // Telegram gives the edit a fresh update_id and the original message_id.
    const fresh = app.standin.build.text(amina, dm, 'ma commande CC-1001 n’est jamais arrivée, toujours rien');
    app.standin.push({ update_id: fresh.update_id, edited_message: { ...sent.message, edit_date: Math.floor(Date.now() / 1000), text: fresh.message.text } });
    await settle();
    expect(seen(from).join('\n')).not.toMatch(APOLOGY);
    await app.press(amina, 'Oui');
    await app.expectMessage(amina.id, /Vous pouvez ouvrir un litige/, from);
  });

  it('a message forwarded from the seller’s chat is read as the buyer’s words', async () => {
    app = await startApp();
    await app.link(amina, 'acc-amina');
    await toOffer();
    await app.press(amina, 'Modifier la description');
    await settle();
    const from = app.count(amina.id);
    const u = app.standin.build.text(amina, dm, 'Je ne peux rien faire, le colis est parti depuis longtemps.');
    u.message.forward_origin = { type: 'user', date: Math.floor(Date.now() / 1000) - 3600, sender_user: { id: bisou.id, is_bot: false, first_name: 'Bisou' } };
    u.message.forward_date = u.message.forward_origin.date;
    app.standin.push(u);
    await app.expectMessage(amina.id, /servira de description|description/i, from);
    expect(seen(from).join('\n')).not.toMatch(APOLOGY);
  });

  it('a reply to a question of an earlier, abandoned report is answered in the report going on now', async () => {
    app = await startApp();
    await app.link(amina, 'acc-amina');
    app.say(amina, 'j’ai un problème');
    const old = await app.expectMessage(amina.id, /Quelle commande/);
    await settle();
    app.say(amina, '/cancel');
    await settle();
    await toOffer();
    await settle();
    const from = app.count(amina.id);
    app.say(amina, 'CC-1002', { replyTo: old.message_id });
    await settle();
    const after = seen(from).join('\n');
    expect(after).not.toMatch(APOLOGY);
    expect(after.length).toBeGreaterThan(0);
    // Nothing was opened behind her back.
    expect(await caseCount()).toBe(0);
  });

  it('a double tap on the same button has one effect', async () => {
    app = await startApp();
    await app.link(amina, 'acc-amina');
    app.say(amina, 'ma commande CC-1001 n’est jamais arrivée');
    const q = await app.expectMessage(amina.id, /C’est bien ça/);
    const data = q.reply_markup.inline_keyboard.flat().find((b: Json) => String(b.text).startsWith('Oui')).callback_data;
    const from = app.count(amina.id);
    app.standin.push(app.standin.build.press(amina, q, data));
    app.standin.push(app.standin.build.press(amina, q, data));
    await settle();
    expect(seen(from).filter((t) => /Ouvrir le litige maintenant|Vous pouvez ouvrir un litige/.test(t))).toHaveLength(1);
    expect(seen(from).join('\n')).not.toMatch(APOLOGY);
  });

  it('a double tap on « open the case now » opens one case', async () => {
    app = await startApp();
    await app.link(amina, 'acc-amina');
    const offer = await toOffer();
    const data = offer.reply_markup.inline_keyboard.flat().find((b: Json) => b.text === 'Ouvrir le litige maintenant').callback_data;
    const from = app.count(amina.id);
    app.standin.push(app.standin.build.press(amina, offer, data));
    app.standin.push(app.standin.build.press(amina, offer, data));
    await settle();
    expect(await caseCount()).toBe(1);
    expect(seen(from).filter((t) => /C-000001/.test(t)).length).toBeGreaterThanOrEqual(1);
    expect(seen(from).join('\n')).not.toMatch(/C-000002/);
    expect(seen(from).join('\n')).not.toMatch(APOLOGY);
  });

  it('a button pressed on a message of yesterday’s finished report opens nothing and says so', async () => {
    app = await startApp();
    await app.link(amina, 'acc-amina');
    app.say(amina, 'ma commande CC-1001 n’est jamais arrivée');
    const q = await app.expectMessage(amina.id, /C’est bien ça/);
    const yes = q.reply_markup.inline_keyboard.flat().find((b: Json) => String(b.text).startsWith('Oui')).callback_data;
    const offer = await (async () => {
      await app.press(amina, 'Oui');
      return app.expectMessage(amina.id, /Vous pouvez ouvrir un litige/);
    })();
    const open = offer.reply_markup.inline_keyboard.flat().find((b: Json) => b.text === 'Ouvrir le litige maintenant').callback_data;
    await app.press(amina, 'Ouvrir le litige maintenant');
    await app.expectMessage(amina.id, /C-000001/);
    await settle();
    for (const [m, data] of [[q, yes], [offer, open]] as const) {
      const from = app.count(amina.id);
      app.standin.push(app.standin.build.press(amina, m, data));
      await settle();
      expect(seen(from).length).toBeGreaterThan(0);
      expect(seen(from).join('\n')).not.toMatch(APOLOGY);
    }
    expect(await caseCount()).toBe(1);
  });

  it('the same update delivered twice (same update_id) is answered once', async () => {
    app = await startApp();
    await app.link(amina, 'acc-amina');
    const from = app.count(amina.id);
    const u = app.say(amina, 'ma commande CC-1001 n’est jamais arrivée');
    await app.expectMessage(amina.id, /C’est bien ça/, from);
    await settle();
    app.standin.redeliver(u);
    await settle();
    expect(app.count(amina.id) - from).toBe(1);
  });

  it('the same photo update delivered twice adds one file', async () => {
    app = await startApp();
    await app.link(amina, 'acc-amina');
    await toOffer();
    const from = app.count(amina.id);
    const u = pushPhoto('dup-1');
    await app.expectMessage(amina.id, /1 fichier ajouté/, from);
    await settle();
    app.standin.redeliver(u);
    await settle();
    expect(seen(from).filter((t) => /fichiers? ajouté/.test(t))).toEqual([expect.stringMatching(/1 fichier ajouté/)]);
  });

  it('a 3,500-character description with a photo: the buyer and the seller both see the opened case', async () => {
    app = await startApp();
    await app.link(amina, 'acc-amina');
    await app.link(bisou, 'acc-bisou');
    await toOffer();
    await app.press(amina, 'Modifier la description');
    await settle();
    const long = ('Le colis n’est jamais arrivé, j’ai appelé le transporteur plusieurs fois sans réponse. '.repeat(45)).slice(0, 3500);
    app.say(amina, long);
    await app.expectMessage(amina.id, /servira de description/);
    pushPhoto('long-1');
    await app.expectMessage(amina.id, /1 fichier ajouté/);
    await app.press(amina, 'Ouvrir le litige maintenant');
    await app.expectMessage(amina.id, /C-000001/);
    await app.expectMessage(bisou.id, /C-000001/);
    expect((await app.p.store.load('C-000001'))!.description).toBe(long);
    expect(seen().join('\n')).not.toMatch(APOLOGY);
  });

  it('a text over 4,096 characters (Telegram splits it in two messages): both parts are the description, nothing refused', async () => {
    app = await startApp();
    await app.link(amina, 'acc-amina');
    await toOffer();
    await app.press(amina, 'Modifier la description');
    await settle();
    const from = app.count(amina.id);
    const text = 'Toujours rien reçu. '.repeat(230);
    app.say(amina, text.slice(0, 4096));
    app.say(amina, text.slice(4096));
    await settle();
    const after = seen(from).join('\n');
    expect(after).not.toMatch(/trop long/);
    expect(after).not.toMatch(APOLOGY);
    expect(after).toMatch(/lis ensemble/);
    await app.press(amina, 'Ouvrir le litige maintenant');
    await app.expectMessage(amina.id, /C-000001/, from);
    expect((await app.p.store.load('C-000001'))!.description).toBe(`${text.slice(0, 4096).trim()}\n${text.slice(4096).trim()}`);
  });

  it('an emoji-only message gets a helpful answer', async () => {
    app = await startApp();
    await app.link(amina, 'acc-amina');
    const from = app.count(amina.id);
    app.say(amina, '😡😡😡');
    const m = await app.expectMessage(amina.id, /./, from);
    expect(shown(m)).not.toMatch(APOLOGY);
    expect(labels(m).some((l) => /CC-1001/.test(l)) || /problème|commande/i.test(shown(m))).toBe(true);
  });

  it('a voice note mid-report is refused kindly and the report goes on', async () => {
    app = await startApp();
    await app.link(amina, 'acc-amina');
    app.say(amina, 'ma commande CC-1001 n’est jamais arrivée');
    await app.expectMessage(amina.id, /C’est bien ça/);
    const from = app.count(amina.id);
    app.standin.push(app.standin.build.media(amina, dm, { voice: { file_id: 'voice-1', file_unique_id: 'voice-1', duration: 7, mime_type: 'audio/ogg' } }));
    await app.expectMessage(amina.id, /messages vocaux/, from);
    await app.press(amina, 'Oui');
    await app.expectMessage(amina.id, /Vous pouvez ouvrir un litige/, from);
  });

  it('a sticker mid-report gets an answer, not silence', async () => {
    app = await startApp();
    await app.link(amina, 'acc-amina');
    await toOffer();
    const from = app.count(amina.id);
    app.standin.push(app.standin.build.media(amina, dm, { sticker: { file_id: 's', file_unique_id: 's', type: 'regular', width: 512, height: 512, is_animated: false, is_video: false } }));
    await app.expectMessage(amina.id, /messages écrits/, from);
  });

  it('the buyer writes in a group the bot is in: nothing about her orders is said in the group', async () => {
    app = await startApp();
    await app.link(amina, 'acc-amina');
    app.say(amina, 'ma commande CC-1001 n’est jamais arrivée', { chat: OTHER_GROUP });
    app.say(amina, '/report', { chat: OTHER_GROUP });
    app.say(amina, '/cases', { chat: OTHER_GROUP });
    await until(() => app.standin.pendingUpdates() === 0);
    await sleep(1500);
    const group = app.standin.botMessages(OTHER_GROUP.id);
    const text = group.map(shown).join('\n');
    expect(text).not.toMatch(/CC-100\d|Pagne|Quelle commande/);
    for (const m of group) expect(labels(m).join(' ')).not.toMatch(/CC-100\d/);
    expect(await caseCount()).toBe(0);
    // Her commands are not left unanswered: she is pointed to her private chat with the bot.
    expect(group.filter((m) => /écrivez-moi en privé.*t\.me\/palabre_test_bot/s.test(shown(m)))).toHaveLength(2);
  });

  it('a photo sent in the staff group by mistake is not attached to her private report', async () => {
    app = await startApp();
    await app.link(amina, 'acc-amina');
    await toOffer();
    const fileId = app.standin.addFile(JPEG, 'photos/staff.jpg');
    app.standin.push(app.standin.build.media(amina, STAFF, { photo: [{ file_id: fileId, file_unique_id: 'staff-1', width: 16, height: 12, file_size: JPEG.length }] }));
    await until(() => app.standin.pendingUpdates() === 0);
    await sleep(1000);
    await app.press(amina, 'Ouvrir le litige maintenant');
    await app.expectMessage(amina.id, /C-000001/);
    expect((await app.p.store.load('C-000001'))!.timeline.filter((e) => e.type === 'evidence')).toHaveLength(0);
  });
});

describe('a Telegram buyer across a bot restart (Redis)', () => {
  it('a report half-way, the bot restarted on the same Redis prefix, then the buyer continues: same report, same order', async () => {
    const standin = await startTelegramStandin();
    standin.setChat(STAFF);
    const env = { TELEGRAM_BOT_TOKEN: standin.token, TELEGRAM_API_ROOT: standin.root, TELEGRAM_SUPPORT_CHAT_ID: String(STAFF.id) };
    const first = await composeTestApp({ redis: true, env });
    let tg = addTelegram(first);
    await first.p.start();
    await tg.start();
    let second: Awaited<ReturnType<typeof composePalabre>> | null = null;
    try {
      const { token } = await first.p.linking.issue('acc-amina');
      standin.push(standin.build.text(amina, dm, `/start ${token}`));
      await until(async () => (await first.p.links.get('telegram', String(amina.id)))?.accountId === 'acc-amina' && standin.botMessages(amina.id).length > 0);
      const press = async (label: string) => {
        let target: { m: Json; data: string } | undefined;
        await until(() => {
          for (const m of [...standin.botMessages(amina.id)].reverse()) {
            const b = ((m.reply_markup?.inline_keyboard ?? []) as Json[][]).flat().find((x) => String(x.text).includes(label));
            if (b) return Boolean((target = { m, data: b.callback_data }));
          }
          return false;
        }, `a ${label} button`);
        standin.push(standin.build.press(amina, target!.m, target!.data));
      };
      const expectSeen = (re: RegExp, from: number) => until(() => standin.botMessages(amina.id).slice(from).some((m) => re.test(shown(m))), String(re));
      standin.push(standin.build.text(amina, dm, 'la commande CC-1002 n’est jamais arrivée'));
      await press('Oui');
      await expectSeen(/Vous pouvez ouvrir un litige/, 0);
      await press('Modifier la description');
      await expectSeen(/Décrivez/, 0);

      // The process goes away and a new one starts on the same Redis prefix.
      await tg.stop();
      await first.p.close();
      const config = loadConfig({ LOG_LEVEL: 'silent', REDIS_URL: TEST_REDIS_URL, REDIS_PREFIX: first.redis!.prefix, LINK_SECRET: 'test-app-link-secret-0123456789', ...env });
      second = await composePalabre({ config, logger: silentLogger, redis: first.redis!.connect({ maxRetriesPerRequest: null }), outbox: { backoffMs: 200, maxBackoffMs: 1000, sweepEveryMs: 0 } });
      tg = addTelegram({ p: second, redis: first.redis, close: async () => {} });
      await second.start();
      await tg.start();

      const from = standin.botMessages(amina.id).length;
      standin.push(standin.build.text(amina, dm, 'Commandé le mois dernier, rien reçu, le vendeur ne répond plus.'));
      await expectSeen(/servira de description/, from);
      await press('Ouvrir le litige maintenant');
      await expectSeen(/C-000001/, from);
      const c = (await second.store.load('C-000001'))!;
      expect(c).toMatchObject({ orderId: 'CC-1002', reason: 'non_delivery', description: 'Commandé le mois dernier, rien reçu, le vendeur ne répond plus.' });
    } finally {
      await tg.stop();
      await (second ?? first.p).close().catch(() => {});
      await first.redis!.cleanup();
      await standin.close();
    }
  });
});
