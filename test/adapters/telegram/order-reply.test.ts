import { afterEach, describe, expect, it } from 'vitest';
import { startApp, type App } from './app-harness.js';
import { amina, bisou } from './harness.js';

describe('Telegram: messages about an order without a case', () => {
  let app: App;
  afterEach(async () => {
    await app.close();
  });

  it('a seller who replies (Telegram reply) to a relayed buyer message reaches the buyer, and her reply reaches him again', async () => {
    app = await startApp();
    await app.link(amina, 'acc-amina');
    await app.link(bisou, 'acc-bisou');

    app.say(amina, "J'ai commandé la mauvaise taille pour CC-1002");
    await app.press(amina, 'Oui');
    await app.expectMessage(amina.id, /Que voulez-vous dire/);
    app.say(amina, 'Pouvez-vous me l’échanger contre un M ?');
    const relayed = await app.expectMessage(bisou.id, /échanger contre un M/);

    const before = app.count(amina.id);
    app.say(bisou, 'Bien sûr, renvoyez-le et je vous envoie un M.', { replyTo: relayed.message_id });
    const answer = await app.expectMessage(amina.id, /renvoyez-le et je vous envoie un M/, before);
    expect(answer.text).toContain('CC-1002');

    const sellerBefore = app.count(bisou.id);
    app.say(amina, 'Merci, je le renvoie demain.', { replyTo: answer.message_id });
    await app.expectMessage(bisou.id, /je le renvoie demain/, sellerBefore);
    expect(await app.p.store.list({ orderId: 'CC-1002' })).toEqual([]);
  });
});
