/**
 * Edited messages and long texts on Telegram, as a buyer and a seller live them: the whole Palabre (composePalabre) on
 * the Bot API stand-in, long polling, each scenario asserting what each person reads and what the case keeps.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { shown, startApp, type App } from './app-harness.js';
import { OTHER_GROUP, amina, bisou, privateChat, until } from './harness.js';

type Json = Record<string, any>;
const dm = privateChat(amina);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each(['memory', 'redis'] as const)('Telegram edits and long texts (%s)', (mode) => {
  let app: App;
  afterEach(async () => {
    await app?.close();
  });
  const start = () => startApp({ redis: mode === 'redis' });

  /** The chat of `chat` from position `from`, as its user reads it. */
  const seen = (chat: number, from = 0) => app.standin.botMessages(chat).slice(from).map(shown);
  /** Waits until every pushed update was taken and the chats have been quiet for a moment. */
  const settle = async () => {
    await until(() => app.standin.pendingUpdates() === 0, 'updates taken');
    let n = -1;
    const total = () => app.count(amina.id) + app.count(bisou.id);
    while (n !== total()) {
      n = total();
      await sleep(400);
    }
  };
  const edit = (update: Json, text: string) => app.standin.push(app.standin.build.edit(update.message, { text }));

  /** Amina and Bisou linked, a case opened on CC-1001: the seller's card, and the buyer's case message. */
  async function openedCase(): Promise<{ sellerCard: Json; buyerCase: Json }> {
    await app.link(amina, 'acc-amina');
    await app.link(bisou, 'acc-bisou');
    app.say(amina, 'ma commande CC-1001 n’est jamais arrivée');
    await app.press(amina, 'Oui');
    await app.press(amina, 'Ouvrir le litige maintenant');
    const buyerCase = await app.expectMessage(amina.id, /C-000001/);
    const sellerCard = await app.expectMessage(bisou.id, /C-000001/);
    await settle();
    return { sellerCard, buyerCase };
  }

  it('the buyer edits the message that is her report’s description: the report holds the new words, she is told so', async () => {
    app = await start();
    await app.link(amina, 'acc-amina');
    const first = app.say(amina, 'ma commande CC-1001 n’est jamais arrivée, le livreur ne répond pas');
    await app.press(amina, 'Oui');
    await app.expectMessage(amina.id, /servira de description : « ma commande CC-1001 n’est jamais arrivée, le livreur ne répond pas »/);
    await settle();
    const from = app.count(amina.id);
    edit(first, 'ma commande CC-1001 n’est jamais arrivée, le livreur DHL ne répond plus depuis le 12');
    const ack = await app.expectMessage(amina.id, /Description mise à jour/, from);
    expect(shown(ack)).toContain('le livreur DHL ne répond plus depuis le 12');
    await app.press(amina, 'Ouvrir le litige maintenant');
    await app.expectMessage(amina.id, /C-000001/, from);
    expect((await app.p.store.load('C-000001'))!.description).toBe('ma commande CC-1001 n’est jamais arrivée, le livreur DHL ne répond plus depuis le 12');
  });

  it('the seller edits his answer in the case thread: the buyer gets it as a correction, once, and the timeline keeps both', async () => {
    app = await start();
    const { sellerCard } = await openedCase();
    const answer = app.say(bisou, 'Le colis est parti lundi avec DHL', { replyTo: sellerCard.message_id });
    await app.expectMessage(amina.id, /Le colis est parti lundi avec DHL/);
    await settle();
    const buyerFrom = app.count(amina.id);
    const sellerFrom = app.count(bisou.id);
    const update = edit(answer, 'Le colis est parti mardi avec DHL, numéro JD0142');
    const correction = await app.expectMessage(amina.id, /corrige son message/, buyerFrom);
    expect(shown(correction)).toMatch(/Le vendeur corrige son message du .+ dans le litige C-000001 \(message modifié\) : « Le colis est parti mardi avec DHL, numéro JD0142 »/);
    await app.expectMessage(bisou.id, /Correction transmise à l’acheteur/, sellerFrom);
    // Telegram delivers the same edit again (same update_id): handled once.
    app.standin.redeliver(update);
    await settle();
    expect(seen(amina.id, buyerFrom).filter((t) => /corrige son message/.test(t))).toHaveLength(1);
    const comments = (await app.p.store.load('C-000001'))!.timeline.filter((e) => e.type === 'comment');
    expect(comments.map((c) => (c.type === 'comment' ? [c.text, c.correctionOf ?? null] : null))).toEqual([
      ['Le colis est parti lundi avec DHL', null],
      ['Le colis est parti mardi avec DHL, numéro JD0142', comments[0]!.at],
    ]);
  });

  it('the buyer edits a comment twice: two corrections; an edit that leaves the words as they were relays nothing', async () => {
    app = await start();
    const { buyerCase } = await openedCase();
    const words = app.say(amina, 'Toujours rien reçu ce matin', { replyTo: buyerCase.message_id });
    await app.expectMessage(bisou.id, /Toujours rien reçu ce matin/);
    await settle();
    const from = app.count(bisou.id);
    edit(words, 'Toujours rien reçu ce matin, ni hier');
    await app.expectMessage(bisou.id, /L’acheteur corrige son message.*ni hier/s, from);
    await settle();
    edit(words, 'Toujours rien reçu ce matin, ni hier');
    await settle();
    edit(words, 'Toujours rien reçu ce matin, ni hier, ni avant-hier');
    await app.expectMessage(bisou.id, /ni avant-hier/, from);
    await settle();
    expect(seen(bisou.id, from).filter((t) => /corrige son message/.test(t))).toHaveLength(2);
  });

  it('an edit of anything else: a command or an old message in private is answered once, saying to send a new message', async () => {
    app = await start();
    await app.link(amina, 'acc-amina');
    const hello = app.say(amina, 'bonjour');
    await settle();
    let from = app.count(amina.id);
    edit(hello, 'bonjour, merci');
    const told = await app.expectMessage(amina.id, /ne lis pas les messages modifiés/, from);
    expect(shown(told)).toMatch(/envoyez plutôt un nouveau message/);
    await settle();
    from = app.count(amina.id);
    edit(hello, 'bonjour, merci beaucoup');
    await settle();
    expect(seen(amina.id, from)).toEqual([]);
    const command = app.say(amina, '/cases');
    await settle();
    from = app.count(amina.id);
    edit(command, '/cases C-000001');
    await app.expectMessage(amina.id, /Une commande modifiée n’est pas exécutée à nouveau/, from);
  });

  it('live-location moves, edits without words and edits of other people’s talk in a group get no answer', async () => {
    app = await start();
    await app.link(amina, 'acc-amina');
    const at = { latitude: -4.32, longitude: 15.31 };
    const place = app.standin.push(app.standin.build.media(amina, dm, { location: { ...at, live_period: 900 } }));
    await settle();
    const from = app.count(amina.id);
    app.standin.push(app.standin.build.edit(place.message, { location: { latitude: -4.33, longitude: 15.32, live_period: 900 } }));
    const inGroup = app.say(amina, 'on se voit demain', { chat: OTHER_GROUP });
    await settle();
    const groupFrom = app.count(OTHER_GROUP.id);
    edit(inGroup, 'on se voit après-demain');
    await settle();
    expect(seen(amina.id, from)).toEqual([]);
    expect(seen(OTHER_GROUP.id, groupFrom)).toEqual([]);
  });

  it('a text over 4,096 characters, which Telegram splits in two: both parts make one description, as she wrote it', async () => {
    app = await start();
    await app.link(amina, 'acc-amina');
    await app.link(bisou, 'acc-bisou');
    const story = 'J’ai commandé le pagne il y a un mois et je n’ai toujours rien reçu, le livreur ne répond plus. '.repeat(60);
    const [head, tail] = [story.slice(0, 4096), story.slice(4096)];
    app.say(amina, `Commande CC-1001. ${head}`.slice(0, 4096));
    app.say(amina, tail);
    await settle();
    expect(seen(amina.id).join('\n')).not.toMatch(/trop long/);
    await app.expectMessage(amina.id, /lis ensemble/);
    await app.press(amina, 'Oui');
    await app.press(amina, 'Ouvrir le litige maintenant');
    await app.expectMessage(bisou.id, /C-000001/);
    const description = (await app.p.store.load('C-000001'))!.description;
    expect(description.startsWith('Commande CC-1001. J’ai commandé')).toBe(true);
    expect(description.endsWith(tail.trim())).toBe(true);
    expect([...description].length).toBeGreaterThan(5000);
  });

  it('a long story whose order is named only in its second part: the report is read from the whole story', async () => {
    app = await start();
    await app.link(amina, 'acc-amina');
    const head = 'Je suis vraiment en colère, j’ai payé par mobile money et depuis des semaines personne ne me répond. '.repeat(45).slice(0, 4090);
    app.say(amina, head);
    app.say(amina, 'Le pagne wax de la commande CC-1001 n’est jamais arrivé.');
    await settle();
    const all = seen(amina.id).join('\n');
    expect(all).toMatch(/lis ensemble/);
    expect(all).not.toMatch(/trop long/);
    await app.press(amina, 'Oui');
    await app.expectMessage(amina.id, /CC-1001/);
    await app.press(amina, 'Ouvrir le litige maintenant');
    await until(async () => Boolean(await app.p.store.load('C-000001')), 'the case opened');
    const c = (await app.p.store.load('C-000001'))!;
    expect(c.orderId).toBe('CC-1001');
    expect(c.description).toContain('Le pagne wax de la commande CC-1001 n’est jamais arrivé.');
    expect(c.description.startsWith('Je suis vraiment en colère')).toBe(true);
  });

  it('a long comment split in two parts reaches the seller whole, as two consecutive comments', async () => {
    app = await start();
    const { buyerCase } = await openedCase();
    const story = 'Le livreur est passé mais il n’avait pas le colis et il m’a demandé de payer encore. '.repeat(70);
    const [head, tail] = [story.slice(0, 4096), story.slice(4096)];
    const from = app.count(bisou.id);
    app.say(amina, head, { replyTo: buyerCase.message_id });
    app.say(amina, tail, { replyTo: buyerCase.message_id });
    await settle();
    const comments = (await app.p.store.load('C-000001'))!.timeline.filter((e) => e.type === 'comment');
    expect(comments.map((c) => (c.type === 'comment' ? c.text : ''))).toEqual([head.trim(), tail.trim()]);
    const relayed = seen(bisou.id, from).join('\n');
    expect(relayed).toContain(head.trim().slice(-200));
    expect(relayed).toContain(tail.trim().slice(-200));
    expect(relayed).not.toMatch(/trop long/);
  });
});
