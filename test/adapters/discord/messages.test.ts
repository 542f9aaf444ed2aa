import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cardOf, eventually, makeCase, notification, replyTo, startHarness, USERS, type Harness } from './harness.js';

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201e2b1f0b50000000049454e44ae426082', 'hex');

describe('Discord messages', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(async () => {
    await h.stop();
  });

  it('takes REST and the gateway address from DISCORD_API_URL', () => {
    const { host } = new URL(h.standin.apiUrl);
    expect(h.adapter.client.ws.gateway).toBe(`ws://${host}/gateway/`);
    expect(h.standin.calls[0]).toMatchObject({ method: 'GET', path: '/gateway/bot' });
  });

  it('hands a DM to the engine and posts its answer in the DM, escaped and without pings', async () => {
    const dm = h.standin.dmChannelId(USERS.amina.id);
    h.standin.sendMessage({ author: USERS.amina, content: 'ma commande **jamais** arrivée @everyone' });
    const posted = await h.standin.waitFor((c) => c.method === 'POST' && c.path === `/channels/${dm}/messages`, 'the answer in the DM');

    expect(h.engine.inputs).toHaveLength(1);
    expect(h.engine.inputs[0]).toMatchObject({
      platform: 'discord',
      userId: USERS.amina.id,
      userName: 'Amina K.',
      conversationId: dm,
      threadId: null,
      isPrivate: true,
      isStaffChannel: false,
      content: { type: 'text', text: 'ma commande **jamais** arrivée @everyone' },
    });
    expect(posted.body.content).toBe('Vous avez écrit : ma commande \\*\\*jamais\\*\\* arrivée @everyone');
    expect(posted.body.allowed_mentions).toEqual({ parse: [], users: [], roles: [] });
  });

  it('ignores server chatter that does not mention the bot, and answers a mention in place', async () => {
    h.standin.sendMessage({ author: USERS.stranger, channelId: h.standin.casesChannelId, content: 'bonjour tout le monde' });
    const id = h.standin.sendMessage({ author: USERS.stranger, channelId: h.standin.casesChannelId, content: `<@${h.standin.botUser.id}> aide` });
    const posted = await h.standin.waitFor((c) => c.method === 'POST' && c.path === `/channels/${h.standin.casesChannelId}/messages`, 'the answer');

    expect(h.engine.inputs.map((i) => i.content)).toEqual([{ type: 'text', text: 'aide' }]);
    expect(h.engine.inputs[0]).toMatchObject({ isPrivate: false, conversationId: h.standin.casesChannelId });
    expect(posted.body.message_reference).toMatchObject({ message_id: id });
  });

  it('tells whoever mentions the bot in a server channel where to write, when the engine keeps silent there', async () => {
    h.engine.answer(() => []);
    const channel = h.standin.casesChannelId;
    h.standin.sendMessage({ author: USERS.stranger, channelId: channel, content: 'ma commande est pas arrivee' });
    const id = h.standin.sendMessage({ author: USERS.stranger, channelId: channel, content: `<@${h.standin.botUser.id}> ma commande 1006 est jamais arrivee` });
    const posted = await h.standin.waitFor((c) => c.method === 'POST' && c.path === `/channels/${channel}/messages`, 'the pointer to DMs');
    expect(posted.body.content).toContain('écrivez-moi en message privé');
    expect(posted.body.message_reference).toMatchObject({ message_id: id });
    // Chatter that does not mention the bot stays unanswered; in DMs the engine's silence is its own.
    const dm = h.standin.dmChannelId(USERS.amina.id);
    h.standin.sendMessage({ author: USERS.amina, content: 'ok' });
    await eventually(() => expect(h.engine.inputs).toHaveLength(2));
    await new Promise((r) => setTimeout(r, 200));
    expect(h.standin.calls.filter((c) => c.method === 'POST' && (c.path === `/channels/${channel}/messages` || c.path === `/channels/${dm}/messages`))).toHaveLength(1);
  });

  it('reads a typed /command as a command', async () => {
    h.standin.sendMessage({ author: USERS.amina, content: '/refund C-000001 5000' });
    await eventually(() => expect(h.engine.inputs).toHaveLength(1));
    expect(h.engine.inputs[0]!.content).toEqual({ type: 'command', name: 'refund', args: ['C-000001', '5000'], text: '/refund C-000001 5000' });
  });

  it('opens a private thread for a case, adds the party who is in the server, and takes their replies there', async () => {
    const c = makeCase('C-000001');
    h.cases.add(c);
    await h.link(USERS.amina, 'acc-amina');
    await h.link(USERS.bisou, 'acc-bisou');
    h.engine.answer((input) => [replyTo(input, [{ id: 'test-raw', args: { text: 'Dossier ouvert' } }], { caseId: c.id, card: cardOf(c, 'buyer'), replaceKey: `case-card:${c.id}` })]);
    h.standin.sendMessage({ author: USERS.amina, content: 'ouvrir le dossier' });

    const created = await h.standin.waitFor((x) => x.method === 'POST' && x.path === `/channels/${h.standin.casesChannelId}/threads`, 'the case thread');
    expect(created.body).toMatchObject({ type: 12, invitable: false, name: 'C-000001 · CC-1001' });
    const thread = h.standin.threads()[0]!;
    // Amina writes in DMs only (not in the server): only the seller joins the thread.
    await eventually(() => expect(h.standin.threadMembers(thread.id)).toEqual([USERS.bisou.id]));
    const intro = await eventually(() => h.standin.messagesIn(thread.id)[0] ?? Promise.reject(new Error('no intro')));
    expect(intro.content).toContain(`<@${USERS.bisou.id}>`);
    expect(intro.content).toContain('Fil du litige C-000001');

    // The buyer's answer in DMs carries the case card.
    const dmCard = h.standin.messagesIn(h.standin.dmChannelId(USERS.amina.id)).at(-1);
    expect(dmCard.embeds[0].title).toContain('C-000001');

    h.engine.answer((input) => [replyTo(input, [{ id: 'test-raw', args: { text: 'Commentaire ajouté' } }], { caseId: c.id })]);
    h.standin.sendMessage({ author: USERS.bisou, channelId: thread.id, content: "C'est expédié depuis lundi" });
    await eventually(() => expect(h.standin.messagesIn(thread.id).some((m) => m.content === 'Commentaire ajouté')).toBe(true));
    expect(h.engine.inputs.at(-1)).toMatchObject({ userId: USERS.bisou.id, conversationId: thread.id, threadId: thread.id, content: { type: 'text', text: "C'est expédié depuis lundi" } });
  });

  it('passes on which case message a reply answers', async () => {
    await h.adapter.notifier.deliver({ link: { platform: 'discord', userId: USERS.amina.id, accountId: 'acc-amina', address: '', linkedAt: '' } }, notification('Le vendeur a répondu', { caseId: 'C-000009' }));
    const dm = h.standin.dmChannelId(USERS.amina.id);
    const sent = h.standin.messagesIn(dm)[0];
    expect(await h.deps.threads.caseOfMessage('discord', dm, sent.id)).toBe('C-000009');
    h.standin.sendMessage({ author: USERS.amina, content: 'Merci, j’attends', replyTo: sent.id });
    await eventually(() => expect(h.engine.inputs).toHaveLength(1));
    expect(h.engine.inputs[0]).toMatchObject({ conversationId: dm, replyToMessageId: sent.id });
  });

  it("refuses messages in a case's thread from someone who is neither a party nor support", async () => {
    const c = makeCase('C-000002');
    h.cases.add(c);
    await h.link(USERS.bisou, 'acc-bisou');
    await h.adapter.notifier.deliver({ link: (await h.deps.links.get('discord', USERS.bisou.id))! }, notification('Nouveau dossier', { caseId: c.id }));
    const thread = h.standin.threads()[0];
    expect(thread).toBeDefined();

    h.standin.sendMessage({ author: USERS.stranger, channelId: thread!.id, content: 'je veux voir' });
    const refusal = await eventually(() => h.standin.messagesIn(thread!.id).find((m) => m.content.startsWith('Seuls')) ?? Promise.reject(new Error('no refusal')));
    expect(refusal.content).toContain('Seuls l’acheteur, le vendeur et le support');
    expect(h.engine.inputs).toHaveLength(0);
  });

  it('copies an attachment into blob storage at once and gives the engine the stored copy', async () => {
    h.standin.sendMessage({ author: USERS.amina, content: 'le colis abîmé', attachments: [{ filename: 'colis.png', contentType: 'image/png', data: PNG }] });
    await eventually(() => expect(h.engine.inputs).toHaveLength(1));
    const content = h.engine.inputs[0]!.content;
    expect(content).toMatchObject({ type: 'attachment', caption: 'le colis abîmé', blob: { contentType: 'image/png', size: PNG.length, name: 'colis.png' } });
    const stored = await h.deps.blobs.get((content as { blob: { id: string } }).blob.id);
    expect(Buffer.from(stored!.data).equals(PNG)).toBe(true);
  });

  it('refuses a file Palabre does not keep, and says so', async () => {
    const dm = h.standin.dmChannelId(USERS.amina.id);
    h.standin.sendMessage({ author: USERS.amina, attachments: [{ filename: 'page.html', contentType: 'text/html', data: Buffer.from('<html></html>') }] });
    const posted = await h.standin.waitFor((c) => c.method === 'POST' && c.path === `/channels/${dm}/messages`, 'the refusal');
    expect(posted.body.content).toContain('photos');
    expect(h.engine.inputs).toHaveLength(0);
  });

  it.each([
    ['a voice message', 'voice-message.ogg', 'audio/ogg', 'Je ne peux pas écouter les messages vocaux'],
    ['a video', 'colis.mp4', 'video/mp4', 'Je ne peux pas garder les vidéos'],
  ])('answers %s with what it can read, without calling the engine', async (_what, filename, contentType, said) => {
    const dm = h.standin.dmChannelId(USERS.amina.id);
    h.standin.sendMessage({ author: USERS.amina, attachments: [{ filename, contentType, data: Buffer.from('OggS not really') }] });
    const posted = await h.standin.waitFor((c) => c.method === 'POST' && c.path === `/channels/${dm}/messages`, 'the answer');
    expect(posted.body.content).toContain(said);
    expect(h.engine.inputs).toHaveLength(0);
  });

  it('apologizes when the engine fails, and keeps serving', async () => {
    const dm = h.standin.dmChannelId(USERS.amina.id);
    h.engine.answer(() => {
      throw new Error('boom');
    });
    h.standin.sendMessage({ author: USERS.amina, content: 'un' });
    await eventually(() => expect(h.standin.messagesIn(dm).map((m) => m.content)).toEqual(['Un problème est survenu de notre côté. Merci de réessayer dans un instant.']));
    h.engine.answer((input) => [replyTo(input, [{ id: 'test-raw', args: { text: 'ça repart' } }])]);
    h.standin.sendMessage({ author: USERS.amina, content: 'deux' });
    await eventually(() => expect(h.standin.messagesIn(dm).at(-1)?.content).toBe('ça repart'));
  });
});
