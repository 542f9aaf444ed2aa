/**
 * Edited messages and long texts on Discord, through discord.js against the gateway and REST stand-in: what the buyer
 * and the seller read, and what the case keeps.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { label, linkOnDiscord, press, startWorld, type World } from './app-harness.js';
import { eventually, USERS } from './harness.js';

const TG_BISOU = { id: 7002, first_name: 'Bisou', language_code: 'fr' };
const tgChat = (u: { id: number; first_name: string }) => ({ id: u.id, type: 'private' as const, first_name: u.first_name });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each(['memory', 'redis'] as const)('Discord edits and long texts (%s)', (kind) => {
  const redis = kind === 'redis';
  let w: World | null = null;
  afterEach(async () => {
    await w?.close();
    w = null;
  });
  const texts = (channelId: string, from = 0): string[] => w!.dc.messagesIn(channelId).slice(from).map((m: any) => String(m.content ?? ''));

  /** Amina reports CC-1001 in DMs with `words` as the description; the message's id. */
  async function report(words: string): Promise<string> {
    const dm = w!.dc.dmChannelId(USERS.amina.id);
    const id = w!.dc.sendMessage({ author: USERS.amina, content: words });
    await press(w!, USERS.amina, dm, label(w!, 'engine-choice-yes-reason'));
    await eventually(() => expect(texts(dm).some((t) => t.includes('servira de description'))).toBe(true));
    return id;
  }

  it('the buyer edits her report’s description in DMs: the report holds the new words; an edit of another message is answered once', async () => {
    w = await startWorld({ redis });
    await linkOnDiscord(w, USERS.amina, 'acc-amina');
    const dm = w.dc.dmChannelId(USERS.amina.id);
    const id = await report('ma commande CC-1001 n’est jamais arrivée, le livreur ne répond pas');
    let from = w.dc.messagesIn(dm).length;
    w.dc.editMessage({ author: USERS.amina, id, content: 'ma commande CC-1001 n’est jamais arrivée, le livreur DHL ne répond plus depuis le 12' });
    await eventually(() => expect(texts(dm, from).join('\n')).toMatch(/Description mise à jour.*DHL ne répond plus depuis le 12/s));
    await press(w, USERS.amina, dm, label(w, 'buyer-flow-choice-open-now'));
    await eventually(async () => expect((await w!.p.store.load('C-000001'))?.description).toBe('ma commande CC-1001 n’est jamais arrivée, le livreur DHL ne répond plus depuis le 12'));

    const thanks = w.dc.sendMessage({ author: USERS.amina, content: 'merci' });
    await sleep(500);
    from = w.dc.messagesIn(dm).length;
    w.dc.editMessage({ author: USERS.amina, id: thanks, content: 'merci beaucoup' });
    await eventually(() => expect(texts(dm, from).join('\n')).toMatch(/ne lis pas les messages modifiés/));
    w.dc.editMessage({ author: USERS.amina, id: thanks, content: 'merci beaucoup !' });
    await sleep(800);
    expect(texts(dm, from).filter((t) => /ne lis pas les messages modifiés/.test(t))).toHaveLength(1);
  });

  it('the seller edits his answer in the case thread: the buyer gets one correction; an embed-only update is no edit', async () => {
    w = await startWorld({ redis });
    await linkOnDiscord(w, USERS.amina, 'acc-amina');
    await linkOnDiscord(w, USERS.bisou, 'acc-bisou');
    await report('ma commande CC-1001 n’est jamais arrivée');
    const dm = w.dc.dmChannelId(USERS.amina.id);
    await press(w, USERS.amina, dm, label(w, 'buyer-flow-choice-open-now'));
    const thread = await eventually(() => w!.dc.threads().find((t) => t.type === 12) ?? Promise.reject(new Error('no thread')));
    await eventually(() => expect(texts(thread.id).some((t) => t.includes('C-000001'))).toBe(true));
    const answer = w.dc.sendMessage({ author: USERS.bisou, channelId: thread.id, content: 'Colis expédié le 3.' });
    await eventually(() => expect(texts(dm).some((t) => t.includes('Colis expédié le 3.'))).toBe(true));
    const from = w.dc.messagesIn(dm).length;
    // A link's embed resolved: Discord sends MESSAGE_UPDATE without an edit time.
    w.dc.editMessage({ author: USERS.bisou, channelId: thread.id, id: answer, content: 'Colis expédié le 3.', editedAt: null });
    const editedAt = new Date().toISOString();
    w.dc.editMessage({ author: USERS.bisou, channelId: thread.id, id: answer, content: 'Colis expédié le 4, suivi JD0142.', editedAt });
    await eventually(() => expect(texts(dm, from).join('\n')).toMatch(/Le vendeur corrige son message du .+ dans le litige C-000001 \(message modifié\) : « Colis expédié le 4, suivi JD0142\. »/));
    await eventually(() => expect(texts(thread.id).join('\n')).toMatch(/Correction transmise à l’acheteur/));
    // The same edit arriving again (a second gateway connection, a resume): relayed once.
    w.dc.editMessage({ author: USERS.bisou, channelId: thread.id, id: answer, content: 'Colis expédié le 4, suivi JD0142.', editedAt });
    await sleep(800);
    expect(texts(dm, from).filter((t) => /corrige son message/.test(t))).toHaveLength(1);
    const comments = (await w.p.store.load('C-000001'))!.timeline.filter((e) => e.type === 'comment');
    expect(comments.map((c) => (c.type === 'comment' ? c.text : ''))).toEqual(['Colis expédié le 3.', 'Colis expédié le 4, suivi JD0142.']);
  });

  it('a 4,096-character answer from a Telegram seller reaches the Discord buyer whole, in messages of at most 2,000 characters', async () => {
    w = await startWorld({ redis, telegram: true });
    const tg = w.tg!;
    await linkOnDiscord(w, USERS.amina, 'acc-amina');
    const { token } = await w.p.linking.issue('acc-bisou');
    tg.push(tg.build.text(TG_BISOU, tgChat(TG_BISOU), `/start ${token}`));
    await eventually(async () => expect((await w!.p.links.get('telegram', String(TG_BISOU.id)))?.accountId).toBe('acc-bisou'));
    await report('ma commande CC-1001 n’est jamais arrivée');
    const dm = w.dc.dmChannelId(USERS.amina.id);
    await press(w, USERS.amina, dm, label(w, 'buyer-flow-choice-open-now'));
    const announced = await eventually(() => tg.botMessages(TG_BISOU.id).find((m) => String(m.text ?? m.caption ?? '').includes('C-000001')) ?? Promise.reject(new Error('not announced')));
    const from = w.dc.messagesIn(dm).length;
    // Its last words are its own: the relay is whole once they arrived.
    const long = `${'Le colis est parti le 3 avec DHL, je vous envoie le bordereau et le numéro dès que le transporteur me répond. '.repeat(40).slice(0, 4090)} FIN42`;
    tg.push(tg.build.text(TG_BISOU, tgChat(TG_BISOU), long, { replyTo: announced.message_id }));
    await eventually(() => expect(texts(dm, from).join(' ')).toContain('FIN42'));
    const relayed = texts(dm, from);
    expect(relayed).toHaveLength(3);
    expect(Math.max(...relayed.map((t) => t.length))).toBeLessThanOrEqual(2000);
    expect(relayed.join(' ').replace(/\s+/g, ' ')).toContain(long.trim().replace(/\s+/g, ' ').slice(0, 1500));
  });
});
