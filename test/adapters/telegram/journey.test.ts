import { afterEach, describe, expect, it } from 'vitest';
import { shown, startApp, type App } from './app-harness.js';
import { OTHER_GROUP, STAFF, agent, amina, bisou, privateChat, until } from './harness.js';

// A real 16×12 JPEG: photos are decoded and re-encoded on the way in, so the bytes must be a picture.
const JPEG = Buffer.from('/9j/2wBDAA0JCgsKCA0LCgsODg0PEyAVExISEyccHhcgLikxMC4pLSwzOko+MzZGNywtQFdBRkxOUlNSMj5aYVpQYEpRUk//2wBDAQ4ODhMREyYVFSZPNS01T09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT0//wAARCAAMABADASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAX/xAAUEAEAAAAAAAAAAAAAAAAAAAAA/8QAFAEBAAAAAAAAAAAAAAAAAAAABf/EABQRAQAAAAAAAAAAAAAAAAAAAAD/2gAMAwEAAhEDEQA/AJwA0w//2Q==', 'base64');
const DESCRIPTION = 'Le colis devait arriver il y a une semaine : rien <reçu> & aucune nouvelle';

/** Amina reports on Telegram, from plain words to an opened case, with a photo as evidence. */
async function openCase(app: App): Promise<void> {
  app.say(amina, 'ma commande n’est jamais arrivée');
  await app.press(amina, 'CC-1001');
  await app.press(amina, 'Oui');
  await app.press(amina, 'Modifier la description');
  const asked = app.count(amina.id);
  await app.expectMessage(amina.id, /Décrivez/, asked - 1);
  app.say(amina, DESCRIPTION);
  await app.expectMessage(amina.id, /servira de description/, asked);
  const described = app.count(amina.id);
  const fileId = app.standin.addFile(JPEG, 'photos/file_1.jpg');
  const photo = [{ file_id: fileId, file_unique_id: 'torn-parcel', width: 1280, height: 960, file_size: JPEG.length }];
  app.standin.push(app.standin.build.media(amina, privateChat(amina), { photo }));
  await app.expectMessage(amina.id, /1 fichier ajouté/, described);
  await app.press(amina, 'Ouvrir le litige maintenant');
  await app.expectMessage(amina.id, /C-000001/);
}

describe.each([['memory'], ['redis']] as const)('Telegram journeys on the composed app (%s)', (mode) => {
  let app: App;
  // Each test is a fresh deployment: its own key prefix, or update ids of one test would be duplicates in the next.
  afterEach(async () => {
    await app.close();
  });
  const start = (opts: Parameters<typeof startApp>[0] = {}) => startApp({ ...opts, redis: mode === 'redis' });

  it('takes a buyer from a text message to an opened case; the seller gets it with the photo and answers by replying', async () => {
    app = await start();
    await app.link(amina, 'acc-amina');
    await app.link(bisou, 'acc-bisou');
    await openCase(app);

    const opened = await app.expectMessage(amina.id, /C-000001/);
    expect(opened.text).toContain('rien &lt;reçu&gt; &amp; aucune nouvelle');
    const sellerCard = await app.expectMessage(bisou.id, /C-000001.*rien <reçu> & aucune nouvelle/s);
    expect(sellerCard.reply_markup.inline_keyboard.flat().map((b: { text: string }) => b.text)).toContain('Rembourser en totalité');
    const photos = () => app.standin.callsOf('sendPhoto').filter((c) => c.params.chat_id === String(bisou.id));
    await until(() => photos().length === 2, 'the card with its preview, then the photo');
    const evidence = (await app.p.store.load('C-000001'))!.timeline.find((e) => e.type === 'evidence');
    const blobId = evidence?.type === 'evidence' && evidence.blob ? evidence.blob.id : '';
    // The card shows the photo small; then the seller gets the photo as Palabre keeps it: re-encoded, the very bytes of the case's evidence.
    const [onCard, relayed] = photos();
    expect(Object.values(onCard!.files)[0]!.data.equals(Buffer.from((await app.p.blobs.preview(blobId))!.data))).toBe(true);
    expect(Object.values(relayed!.files)[0]!.data.equals(Buffer.from((await app.p.blobs.get(blobId))!.data))).toBe(true);

    const before = app.count(amina.id);
    app.say(bisou, 'Bonjour, le colis est parti lundi avec DHL', { replyTo: sellerCard.message_id });
    const comment = await app.expectMessage(amina.id, /Bonjour, le colis est parti lundi avec DHL/, before);
    expect(shown(comment)).toContain('C-000001');

    const c = await app.p.store.load('C-000001');
    expect(c).toMatchObject({ status: 'open', reason: 'non_delivery', buyerId: 'acc-amina' });
    expect(c!.timeline.map((e) => [e.type, e.actor.platform])).toEqual(expect.arrayContaining([['opened', 'telegram'], ['comment', 'telegram']]));
  });

  it('lets the seller refund in full with the card’s buttons; the buyer hears the case is closed', async () => {
    app = await start();
    await app.link(amina, 'acc-amina');
    await app.link(bisou, 'acc-bisou');
    await openCase(app);
    await app.expectMessage(bisou.id, /C-000001/);

    const before = app.count(amina.id);
    await app.press(bisou, 'Rembourser en totalité');
    await app.press(bisou, 'Confirmer');
    await app.expectMessage(amina.id, /C-000001/, before);
    const c = await app.p.store.load('C-000001');
    expect(c).toMatchObject({ status: 'closed', resolution: 'refunded', refunded: { amount: 5_000_000, currency: 'CDF' } });
  });

  it('runs support commands in the staff group and refuses them anywhere else', async () => {
    app = await start();
    await app.link(amina, 'acc-amina');
    await app.link(bisou, 'acc-bisou');
    await app.link(agent, 'acc-support-1');
    await openCase(app);

    app.say(agent, '/case C-000001', { chat: STAFF });
    const timeline = await app.expectMessage(STAFF.id, /C-000001/);
    expect(shown(timeline)).toContain('Le colis devait arriver');
    app.say(agent, '/note C-000001 acheteuse fiable, déjà 12 commandes', { chat: STAFF });
    await until(async () => (await app.p.store.load('C-000001'))!.timeline.some((e) => e.type === 'note'));

    for (const chat of [privateChat(agent), OTHER_GROUP]) {
      const from = app.count(chat.id);
      app.say(agent, '/note C-000001 ne doit pas être enregistrée', { chat });
      await app.expectMessage(chat.id, /support/, from);
    }
    const notes = (await app.p.store.load('C-000001'))!.timeline.filter((e) => e.type === 'note');
    expect(notes).toHaveLength(1);
    expect(notes[0]!.actor).toMatchObject({ accountId: 'acc-support-1', role: 'support', platform: 'telegram' });
  });

  it('follows an escalated case in its own forum topic of the staff group', async () => {
    app = await start({ forumStaff: true });
    await app.link(amina, 'acc-amina');
    await app.link(bisou, 'acc-bisou');
    await app.link(agent, 'acc-support-1');
    await openCase(app);
    app.say(agent, '/escalate C-000001 inactivity', { chat: STAFF });
    await until(async () => (await app.p.store.load('C-000001'))!.status === 'escalated');

    // Support follows the case from now on: the buyer's next message reaches the staff group, in the case's topic.
    const caseMessage = await app.expectMessage(amina.id, /C-000001/);
    app.say(amina, 'Toujours rien reçu ce matin', { replyTo: caseMessage.message_id });
    const topic = await app.standin.waitForCall('createForumTopic');
    expect(topic.params.name).toMatch(/^C-000001/);
    let address: string | null = null;
    await until(async () => Boolean((address = await app.p.threads.caseThread('telegram', 'C-000001', 'staff'))));
    expect(address).toBe(`${STAFF.id}/${String(address).split('/')[1]}`);
    const topicId = Number(String(address).split('/')[1]);
    await until(() => app.standin.botMessages(STAFF.id).some((m) => m.message_thread_id === topicId && /Toujours rien reçu ce matin/.test(shown(m))));
    expect(app.standin.callsOf('createForumTopic')).toHaveLength(1);
  });

  it('delivers a rate-limited notification after retry_after, and records a buyer who blocked the bot', async () => {
    app = await start();
    await app.link(amina, 'acc-amina');
    await app.link(bisou, 'acc-bisou');
    await openCase(app);
    const sellerCard = await app.expectMessage(bisou.id, /C-000001/);

    app.standin.failNext('sendMessage', { code: 429, retryAfter: 1, chatId: amina.id });
    const before = app.count(amina.id);
    app.say(bisou, 'Le colis est en route', { replyTo: sellerCard.message_id });
    await app.expectMessage(amina.id, /Le colis est en route/, before);
    const [limited, delivered] = app.standin.callsOf('sendMessage').filter((c) => c.params.chat_id === String(amina.id)).slice(-2);
    expect(delivered!.at - limited!.at).toBeGreaterThanOrEqual(950);

    app.standin.block(amina.id);
    const told = app.count(bisou.id);
    app.say(bisou, 'Vous êtes là ?', { replyTo: sellerCard.message_id });
    await until(async () => Boolean((await app.p.links.get('telegram', String(amina.id)))?.blockedAt));
    // The seller is not left believing it arrived.
    await app.expectMessage(bisou.id, /C-000001.*n’a pas pu être remis/s, told);

    // While blocked, later notifications are skipped, and the seller is told each time.
    const skipped = app.count(bisou.id);
    const sendsToAmina = () => app.standin.callsOf('sendMessage').filter((c) => c.params.chat_id === String(amina.id)).length;
    const triedBefore = sendsToAmina();
    app.say(bisou, 'Toujours là ?', { replyTo: sellerCard.message_id });
    await app.expectMessage(bisou.id, /n’a pas pu être remis/, skipped + 1);
    expect(sendsToAmina()).toBe(triedBefore);

    // Amina unblocks the bot and writes: the mark goes, and the next comment reaches her.
    app.standin.unblock(amina.id);
    app.say(amina, '/help');
    await until(async () => !(await app.p.links.get('telegram', String(amina.id)))?.blockedAt);
    const back = app.count(amina.id);
    app.say(bisou, 'Bonne nouvelle : il arrive demain', { replyTo: sellerCard.message_id });
    await app.expectMessage(amina.id, /il arrive demain/, back);
  });
});

describe('Telegram with the web playground', () => {
  let app: App;
  afterEach(async () => {
    await app.close();
  });

  it('connects a buyer on Telegram with a seller on the web playground, both ways', async () => {
    app = await startApp({ web: true });
    await app.link(amina, 'acc-amina');
    const pane = await postJson(app, '/playground/panes', { role: 'seller', accountId: 'acc-bisou', lang: 'fr' });
    await openCase(app);

    const caseEvent = await waitForPaneEvent(app, pane.pane as string, (e) => e.kind === 'bot' && e.caseId === 'C-000001');
    const before = app.count(amina.id);
    await postJson(app, '/playground/turn', { pane: pane.pane, text: 'Bonjour Amina, je vérifie avec le transporteur', replyTo: caseEvent.seq });
    const comment = await app.expectMessage(amina.id, /je vérifie avec le transporteur/, before);
    expect(shown(comment)).toContain('C-000001');

    const seq = (await paneEvents(app, pane.pane as string)).length;
    app.say(amina, 'Merci, j’attends votre retour', { replyTo: comment.message_id });
    await waitForPaneEvent(app, pane.pane as string, (e) => e.kind === 'bot' && JSON.stringify(e.views ?? {}).includes('j’attends votre retour'), seq);
    const platforms = (await app.p.store.load('C-000001'))!.timeline.filter((e) => e.type === 'comment').map((e) => e.actor.platform);
    expect(platforms).toEqual(['web', 'telegram']);
  });
});

async function postJson(app: App, path: string, body: unknown): Promise<Record<string, unknown>> {
  const res = await fetch(app.webBase + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const json = (await res.json()) as Record<string, unknown>;
  if (res.status !== 200) throw new Error(`${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

type PaneEvent = { seq: number; kind: string; caseId?: string; views?: Record<string, { text: string }> };

/** The events a pane has had so far (the playground replays its backlog to a new stream). */
async function paneEvents(app: App, pane: string): Promise<PaneEvent[]> {
  const abort = new AbortController();
  const res = await fetch(`${app.webBase}/playground/events?pane=${encodeURIComponent(pane)}`, { signal: abort.signal });
  const reader = res.body!.getReader();
  let text = '';
  // The backlog arrives at once; a short read window is enough to collect it.
  const stop = setTimeout(() => abort.abort(), 150);
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      text += new TextDecoder().decode(value);
    }
  } catch {
    // aborted after the backlog
  } finally {
    clearTimeout(stop);
  }
  return text
    .split('\n\n')
    .map((block) => block.split('\n').find((l) => l.startsWith('data: ')))
    .filter((l): l is string => Boolean(l))
    .map((l) => JSON.parse(l.slice(6)) as PaneEvent);
}

async function waitForPaneEvent(app: App, pane: string, match: (e: PaneEvent) => boolean, from = 0): Promise<PaneEvent> {
  let found: PaneEvent | undefined;
  await until(async () => Boolean((found = (await paneEvents(app, pane)).slice(from).find(match))));
  return found!;
}
