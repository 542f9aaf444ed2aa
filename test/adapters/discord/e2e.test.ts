import { afterEach, describe, expect, it } from 'vitest';
import { label, linkOnDiscord, press, startWorld, withButton, type World } from './app-harness.js';
import { eventually, USERS } from './harness.js';

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201e2b1f0b50000000049454e44ae426082', 'hex');
const TG_BISOU = { id: 7002, first_name: 'Bisou', language_code: 'fr' };
const tgChat = (u: { id: number; first_name: string }) => ({ id: u.id, type: 'private' as const, first_name: u.first_name });

/** Amina reports CC-1001 in DMs and opens a case with a photo, through buttons, a form and an attachment. */
async function aminaOpensCase(w: World): Promise<string> {
  const dm = w.dc.dmChannelId(USERS.amina.id);
  w.dc.sendMessage({ author: USERS.amina, content: "ma commande CC-1001 n'est jamais arrivée" });
  await press(w, USERS.amina, dm, label(w, 'engine-choice-yes-reason'));
  const asked = await press(w, USERS.amina, dm, label(w, 'buyer-flow-choice-edit-description'));
  const form = asked.flatMap((m) => m.components).flatMap((r: any) => r.components).find((c: any) => c.custom_id === 'f:description');
  expect(form).toBeDefined();
  const submit = w.dc.submitModal({ user: USERS.amina, customId: 'm:description', fields: { description: 'Commandé il y a deux semaines, toujours rien.' } });
  await eventually(() => expect(w.dc.repliesTo(submit)).not.toHaveLength(0));
  const before = w.dc.messagesIn(dm).length;
  w.dc.sendMessage({ author: USERS.amina, content: 'le bordereau', attachments: [{ filename: 'bordereau.png', contentType: 'image/png', data: PNG }] });
  await eventually(() => expect(w.dc.messagesIn(dm).slice(before).some((m: any) => /1 fichier ajouté/.test(m.content))).toBe(true));
  const opened = await press(w, USERS.amina, dm, label(w, 'buyer-flow-choice-open-now'));
  const card = opened.find((m) => m.embeds.length > 0);
  const caseId = /C-\d{6}/.exec(card.embeds[0].title)?.[0];
  expect(caseId).toBeDefined();
  return caseId!;
}

describe.each(['memory', 'redis'] as const)('Discord end to end (%s)', (kind) => {
  // Each test gets its own key prefix: a case store that already holds a case for CC-1001 would change the story.
  const redis = kind === 'redis';
  let w: World | null = null;
  afterEach(async () => {
    await w?.close();
    w = null;
  });

  it("opens a case from a buyer's DMs, with a private thread where the seller's reply reaches the buyer", async () => {
    w = await startWorld({ redis });
    await linkOnDiscord(w, USERS.amina, 'acc-amina');
    await linkOnDiscord(w, USERS.bisou, 'acc-bisou');
    const caseId = await aminaOpensCase(w);

    const stored = (await w.p.store.load(caseId))!;
    // The photo sent in DMs is evidence kept in Palabre's storage, not a link to Discord's CDN.
    const blobIds = stored.timeline.flatMap((e) => (e.type === 'evidence' && e.blob ? [e.blob.id] : []));
    expect(blobIds).toHaveLength(1);
    const blob = await w.p.blobs.get(blobIds[0]!);
    // Kept as a re-encoded JPEG (no metadata), never as the PNG that was sent.
    expect(blob!.ref).toMatchObject({ contentType: 'image/jpeg', name: 'bordereau.jpg' });

    // The seller is in the server: the case's private thread holds them, and the new case is announced there.
    const thread = await eventually(() => w!.dc.threads().find((t) => t.type === 12) ?? Promise.reject(new Error('no thread')));
    await eventually(() => expect(w!.dc.threadMembers(thread.id)).toEqual([USERS.bisou.id]));
    await eventually(() => expect(w!.dc.messagesIn(thread.id).some((m) => m.content.includes(caseId) && m.content.startsWith(`<@${USERS.bisou.id}>`))).toBe(true));

    // The seller answers in the thread; the buyer (in DMs only) gets it there.
    w.dc.sendMessage({ author: USERS.bisou, channelId: thread.id, content: 'Colis expédié le 3, je relance DHL.' });
    const dm = w.dc.dmChannelId(USERS.amina.id);
    await eventually(() => expect(w!.dc.messagesIn(dm).some((m) => m.content.includes('Colis expédié le 3, je relance DHL.'))).toBe(true));
    await eventually(async () => expect((await w!.p.store.load(caseId))!.timeline.some((e) => e.type === 'comment' && e.text === 'Colis expédié le 3, je relance DHL.')).toBe(true));
  });

  it('changes nothing for a forged or foreign button', async () => {
    w = await startWorld({ redis });
    await linkOnDiscord(w, USERS.amina, 'acc-amina');
    await linkOnDiscord(w, USERS.bisou, 'acc-bisou');
    const caseId = await aminaOpensCase(w);
    const before = (await w.p.store.load(caseId))!.version;
    const dm = w.dc.dmChannelId(USERS.amina.id);
    const closeLabel = [...w.dc.messagesIn(dm)].reverse().flatMap((m) => (m.components ?? []).flatMap((r: any) => r.components)).find((c: any) => /clore|satisfait/i.test(c.label ?? ''));
    expect(closeLabel).toBeDefined();
    const { message } = withButton(w, dm, closeLabel.label);

    const forged = w.dc.clickButton({ user: USERS.amina, messageId: message.id, customId: 'a:AAAAAAAAAAAAAAAA.zzzzzz' });
    await eventually(() => expect(w!.dc.repliesTo(forged)).not.toHaveLength(0));
    // The seller presses the buyer's own Close button (a token bound to Amina).
    const foreign = w.dc.clickButton({ user: USERS.bisou, channelId: w.dc.dmChannelId(USERS.bisou.id), messageId: message.id, customId: closeLabel.custom_id });
    await eventually(() => expect(w!.dc.repliesTo(foreign)).not.toHaveLength(0));
    for (const id of [forged, foreign]) expect(w.dc.repliesTo(id)[0].embeds).toEqual([]);

    const after = (await w.p.store.load(caseId))!;
    expect(after.version).toBe(before);
    expect(after.status).toBe('open');
  });
});

describe('Discord: only live buttons (issue 13)', () => {
  let w: World | null = null;
  afterEach(async () => {
    await w?.close();
    w = null;
  });

  it('a newer confirmation takes the buttons off the older one; a stale confirmation answers what changed and refunds nothing', async () => {
    w = await startWorld();
    await linkOnDiscord(w, USERS.bisou, 'acc-bisou');
    await w.p.cases.open({ accountId: 'acc-amina', platform: 'web' }, { orderId: 'CC-1001', reason: 'non_delivery', description: 'Rien reçu.' });
    // The seller reads the case in its private thread (a DM where the guild has none).
    const dm = await eventually(async () => {
      const thread = await w!.p.threads.caseThread('discord', 'C-000001', 'parties');
      if (!thread) throw new Error('no case thread yet');
      return thread;
    });
    const { message: card } = await eventually(() => withButton(w!, dm, label(w!, 'engine-action-refund-full')));

    const asked = await press(w, USERS.bisou, dm, label(w, 'engine-action-refund-full'));
    expect(asked[0].content).toContain('Rembourser');
    const { message: older } = await eventually(() => withButton(w!, dm, label(w!, 'engine-choice-confirm')));
    // Pressed again on the card: the newer confirmation supersedes the older one, whose buttons are edited away.
    w.dc.clickButton({ user: USERS.bisou, messageId: card.id, customId: withButton(w, dm, label(w, 'engine-action-refund-full')).button.custom_id });
    await eventually(() => expect(w!.dc.calls.some((c) => c.method === 'PATCH' && c.path === `/channels/${dm}/messages/${older.id}` && c.body?.components?.length === 0)).toBe(true));

    const { message: confirmation, button: confirm } = await eventually(() => withButton(w!, dm, label(w!, 'engine-choice-confirm')));
    await w.p.cases.act({ accountId: 'acc-amina', platform: 'web' }, 'C-000001', { type: 'BuyerClose' });
    // The closing notice takes the buttons off what the seller still has on the case: the card and the confirmation.
    const retired = (id: string) => w!.dc.calls.some((c) => c.method === 'PATCH' && c.path === `/channels/${dm}/messages/${id}` && c.body?.components?.length === 0);
    await eventually(() => expect(retired(card.id) && retired(confirmation.id)).toBe(true));
    // A client that still shows the confirmation's button: pressing it answers what changed.
    const pressed = w.dc.clickButton({ user: USERS.bisou, messageId: confirmation.id, customId: confirm.custom_id });
    const stale = await eventually(() => {
      const replies = w!.dc.repliesTo(pressed);
      if (replies.length === 0 || replies.some((r) => !r.content && r.embeds.length === 0)) throw new Error('no answer yet');
      return replies;
    });
    expect(stale[0].content).toMatch(/ne s’applique plus : le litige C-000001 est clos/);
    expect(await w.p.marketplace.refunds('CC-1001')).toHaveLength(0);
  });
});

describe('Discord buyer, Telegram seller', () => {
  let w: World | null = null;
  afterEach(async () => {
    await w?.close();
    w = null;
  });

  it('delivers the case to the seller on Telegram and their reply to the buyer on Discord', async () => {
    w = await startWorld({ telegram: true });
    const tg = w.tg!;
    await linkOnDiscord(w, USERS.amina, 'acc-amina');
    const { token } = await w.p.linking.issue('acc-bisou');
    tg.push(tg.build.text(TG_BISOU, tgChat(TG_BISOU), `/start ${token}`));
    await eventually(async () => expect((await w!.p.links.get('telegram', String(TG_BISOU.id)))?.accountId).toBe('acc-bisou'));

    const caseId = await aminaOpensCase(w);
    // Nobody of the case is in the Discord server: no thread there.
    expect(w.dc.threads()).toEqual([]);
    const announced = await eventually(() => tg.botMessages(TG_BISOU.id).find((m) => String(m.text ?? m.caption ?? '').includes(caseId)) ?? Promise.reject(new Error('not announced')));

    tg.push(tg.build.text(TG_BISOU, tgChat(TG_BISOU), 'Expédié hier, voici le suivi bientôt.', { replyTo: announced.message_id }));
    const dm = w.dc.dmChannelId(USERS.amina.id);
    await eventually(() => expect(w!.dc.messagesIn(dm).some((m) => m.content.includes('Expédié hier, voici le suivi bientôt.'))).toBe(true));
    const comment = (await w.p.store.load(caseId))!.timeline.find((e) => e.type === 'comment');
    expect(comment).toMatchObject({ actor: { accountId: 'acc-bisou', role: 'seller', platform: 'telegram' } });
  });
});
