/**
 * Edited messages on Teams, through botbuilder against the Bot Connector stand-in: Teams sends an edit as a
 * messageUpdate activity (channelData.eventType `editMessage`) carrying the edited message's id and its new text.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { seen, startTeamsApp, type TeamsApp } from './app-harness.js';
import { amina, bisou, until } from './harness.js';

type Json = Record<string, any>;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Teams' edit of `message`: same id, new words, the time of the edit. */
const edited = (message: Json, text: string, eventType = 'editMessage'): Json => ({
  ...message,
  type: 'messageUpdate',
  text,
  timestamp: new Date(Date.now() + 1).toISOString(),
  channelData: { ...message.channelData, eventType },
});

/** A Teams "Reply" to one of the bot's messages: Teams quotes it in the HTML of the message. */
const quoting = (messageId: string, text: string) => ({
  text: `<blockquote itemscope="" itemtype="http://schema.skype.com/Reply" itemid="${messageId}"><strong itemprop="mri">Palabre</strong><p itemprop="preview">…</p></blockquote><p>${text}</p>`,
  textFormat: 'plain',
});

describe.each([['memory'], ['redis']] as const)('Teams edits (%s)', (mode) => {
  let app: TeamsApp;
  afterEach(async () => {
    await app?.close();
  });
  const texts = (conversationId: string) => app.shownIn(conversationId).map(seen);

  it('the buyer edits her report’s description: the report holds the new words; an undelete is no edit', async () => {
    app = await startTeamsApp({ redis: mode === 'redis' });
    await app.post(app.act.installPersonal(amina));
    await app.link(amina, 'acc-amina');
    const first = app.act.say(amina, 'ma commande CC-1001 n’est jamais arrivée, le livreur ne répond pas');
    await app.post(first);
    await app.press(amina, 'Oui');
    await app.expectMessage(amina.chat, /servira de description/);
    expect(await app.post(edited(first, 'ma commande CC-1001 n’est jamais arrivée, le livreur DHL ne répond plus depuis le 12'))).toBeLessThan(300);
    await app.expectMessage(amina.chat, /Description mise à jour.*DHL ne répond plus depuis le 12/s);
    const before = texts(amina.chat).length;
    await app.post(edited(first, 'autre chose', 'undeleteMessage'));
    await sleep(300);
    expect(texts(amina.chat)).toHaveLength(before);
    await app.press(amina, 'Ouvrir le litige maintenant');
    await app.expectMessage(amina.chat, /Le litige C-000001 est ouvert/);
    expect((await app.p.store.load('C-000001'))!.description).toBe('ma commande CC-1001 n’est jamais arrivée, le livreur DHL ne répond plus depuis le 12');
  });

  it('the seller edits his reply: the buyer gets one correction, even when Teams delivers the edit twice', async () => {
    app = await startTeamsApp({ redis: mode === 'redis' });
    await app.post(app.act.installPersonal(amina));
    await app.post(app.act.installPersonal(bisou));
    await app.link(amina, 'acc-amina');
    await app.link(bisou, 'acc-bisou');
    await app.post(app.act.say(amina, 'ma commande CC-1001 n’est jamais arrivée'));
    await app.press(amina, 'Oui');
    await app.press(amina, 'Ouvrir le litige maintenant');
    const sellerCard = await app.expectMessage(bisou.chat, /Nouveau litige C-000001/);
    const reply = app.act.say(bisou, '', quoting(sellerCard.id!, 'Le colis est parti lundi'));
    await app.post(reply);
    await app.expectMessage(amina.chat, /Le vendeur écrit dans le litige C-000001 : « Le colis est parti lundi »/);
    const edit = edited(reply, quoting(sellerCard.id!, 'Le colis est parti mardi, suivi JD0142').text);
    await app.post(edit);
    await app.expectMessage(amina.chat, /Le vendeur corrige son message du .+ \(message modifié\) : « Le colis est parti mardi, suivi JD0142 »/);
    await app.post(edit);
    await sleep(500);
    expect(texts(amina.chat).filter((t) => /corrige son message/.test(t))).toHaveLength(1);
    await until(async () => (await app.p.store.load('C-000001'))!.timeline.filter((e) => e.type === 'comment').length === 2, 'two comments');
  });
});
