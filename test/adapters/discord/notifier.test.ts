import type { Dedup } from '../../../src/ports/kv.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDiscordAdapter } from '../../../adapters/discord/index.js';
import { createDedup, createMemoryDedup } from '../../../src/infra/dedup.js';
import { DeliveryError } from '../../../src/ports/notifier.js';
import { testRedis } from '../../support/redis.js';
import { eventually, makeCase, notification, replyTo, startHarness, USERS, type Harness } from './harness.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

describe('Discord notifier', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
    await h.link(USERS.amina, 'acc-amina');
    await h.link(USERS.bisou, 'acc-bisou');
    h.cases.add(makeCase('C-000001'));
  });
  afterEach(async () => {
    await h.stop();
  });

  const linkOf = async (user: { id: string }) => (await h.deps.links.get('discord', user.id))!;

  it('reaches a party who is not in the server in DMs', async () => {
    await h.adapter.notifier.deliver({ link: await linkOf(USERS.amina) }, notification('Le vendeur a répondu', { caseId: 'C-000001' }));
    const dm = h.standin.dmChannelId(USERS.amina.id);
    expect(h.standin.calls.some((c) => c.method === 'POST' && c.path === '/users/@me/channels' && c.body.recipient_id === USERS.amina.id)).toBe(true);
    expect(h.standin.messagesIn(dm).map((m) => m.content)).toEqual(['Le vendeur a répondu']);
  });

  it('reaches at once, in DMs, every time, the parties of a case nobody of which is in the server (no wait for a thread nobody opens)', async () => {
    h.cases.add(makeCase('C-000002', { sellerId: 'acc-lumiere', shopId: 'shop-lumiere' }));
    const started = Date.now();
    for (const text of ['Le vendeur a répondu', 'Le litige est clos', 'Rappel']) await h.adapter.notifier.deliver({ link: await linkOf(USERS.amina) }, notification(text, { caseId: 'C-000002' }));
    expect(h.standin.messagesIn(h.standin.dmChannelId(USERS.amina.id)).map((m) => m.content)).toEqual(['Le vendeur a répondu', 'Le litige est clos', 'Rappel']);
    expect(h.standin.threads()).toEqual([]);
    // Before, each delivery after the first waited five seconds for a thread the first had decided not to open.
    expect(Date.now() - started).toBeLessThan(2500);
  });

  it("reaches a party who is in the server in the case's private thread, with a ping", async () => {
    await h.adapter.notifier.deliver({ link: await linkOf(USERS.bisou) }, notification('Nouveau dossier', { caseId: 'C-000001' }));
    const thread = h.standin.threads()[0]!;
    expect(thread).toMatchObject({ type: 12, parent_id: h.standin.casesChannelId });
    expect(h.standin.threadMembers(thread.id)).toEqual([USERS.bisou.id]);
    const last = h.standin.messagesIn(thread.id).at(-1);
    expect(last.content).toBe(`<@${USERS.bisou.id}> Nouveau dossier`);
    expect(last.allowed_mentions).toEqual({ parse: [], users: [USERS.bisou.id], roles: [] });
    // A second notification goes to the same thread: one thread per case.
    await h.adapter.notifier.deliver({ link: await linkOf(USERS.bisou) }, notification('Rappel', { caseId: 'C-000001' }));
    expect(h.standin.threads()).toHaveLength(1);
    expect(h.standin.messagesIn(thread.id).at(-1).content).toBe(`<@${USERS.bisou.id}> Rappel`);
  });

  it('does not repeat in a thread what a party just wrote there', async () => {
    h.standin.addUser(USERS.amina, { member: true });
    await h.adapter.notifier.deliver({ link: await linkOf(USERS.bisou) }, notification('Nouveau dossier', { caseId: 'C-000001' }));
    const thread = h.standin.threads()[0]!;
    expect(h.standin.threadMembers(thread.id).sort()).toEqual([USERS.amina.id, USERS.bisou.id].sort());
    h.standin.sendMessage({ author: USERS.bisou, channelId: thread.id, content: 'Expédié lundi' });
    await eventually(() => expect(h.engine.inputs).toHaveLength(1));

    const relay = (text: string) => ({ ...notification(''), caseId: 'C-000001', body: [{ id: 'notify-comment', args: { caseId: 'C-000001', author: 'seller', text } }] });
    const before = h.standin.messagesIn(thread.id).length;
    await h.adapter.notifier.deliver({ link: await linkOf(USERS.amina) }, relay('Expédié lundi'));
    expect(h.standin.messagesIn(thread.id)).toHaveLength(before);
    await h.adapter.notifier.deliver({ link: await linkOf(USERS.amina) }, relay('Écrit ailleurs'));
    expect(h.standin.messagesIn(thread.id).at(-1).content).toBe(`<@${USERS.amina.id}> Le vendeur écrit dans le litige C-000001 : « Écrit ailleurs »`);
  });

  it('tells the caller once Discord took the message (to record it with its own writes), and not when Discord refused it', async () => {
    const calls: string[] = [];
    const dm = () => h.standin.messagesIn(h.standin.dmChannelId(USERS.amina.id));
    const onSent = async () => {
      calls.push(`sent with ${dm().length} message(s) in the chat`);
    };
    await h.adapter.notifier.deliver({ link: await linkOf(USERS.amina) }, notification('Le vendeur a répondu', { caseId: 'C-000001' }), { onSent });
    expect(calls).toEqual(['sent with 1 message(s) in the chat']);
    // The user closed their DMs: Discord refuses (50007), nothing is recorded as sent.
    h.standin.addUser(USERS.amina, { blocksDms: true });
    await expect(h.adapter.notifier.deliver({ link: await linkOf(USERS.amina) }, notification('Encore', { caseId: 'C-000001' }), { onSent })).rejects.toBeInstanceOf(DeliveryError);
    expect(calls).toHaveLength(1);
  });

  it('posts support notifications in a thread of the staff channel, one per case', async () => {
    await h.adapter.notifier.deliver({ support: true }, notification('Dossier transmis', { caseId: 'C-000001' }));
    await h.adapter.notifier.deliver({ support: true }, notification('Délai dépassé', { caseId: 'C-000001' }));
    const threads = h.standin.threads();
    expect(threads).toHaveLength(1);
    expect(threads[0]).toMatchObject({ type: 11, parent_id: h.standin.staffChannelId });
    const texts = h.standin.messagesIn(threads[0]!.id).map((m) => m.content);
    expect(texts[0]).toContain(`<@&${h.standin.supportRoleId}>`);
    expect(texts.slice(1)).toEqual(['Dossier transmis', 'Délai dépassé']);

    // The buyer may not write there; support may.
    h.standin.sendMessage({ author: USERS.stranger, channelId: threads[0]!.id, content: 'coucou' });
    await eventually(() => expect(h.standin.messagesIn(threads[0]!.id).at(-1).content).toBe('Seul le support peut écrire dans ce fil.'));
    h.standin.sendMessage({ author: USERS.agent, channelId: threads[0]!.id, content: 'vendeur relancé par téléphone' });
    await eventually(() => expect(h.engine.inputs.at(-1)).toMatchObject({ userId: USERS.agent.id, threadId: threads[0]!.id, isStaffChannel: true }));
  });

  it('keeps one live copy of a case card: the older one loses its buttons', async () => {
    const card = (text: string, token: string) => notification(text, { caseId: 'C-000001', replaceKey: 'case-card:C-000001', choices: [{ label: { id: 'test-option', args: { n: 1 } }, token }] });
    await h.adapter.notifier.deliver({ link: await linkOf(USERS.amina) }, card('avant', 'tok-1'));
    await h.adapter.notifier.deliver({ link: await linkOf(USERS.amina) }, card('après', 'tok-2'));
    const [first, second] = h.standin.messagesIn(h.standin.dmChannelId(USERS.amina.id));
    expect(first.content).toBe('avant');
    expect(first.components).toEqual([]);
    expect(second.components[0].components[0].custom_id).toBe('a:tok-2');
  });

  it('relays a stored file as an attachment', async () => {
    const blob = await h.deps.blobs.put(PDF, { contentType: 'application/pdf', name: 'recu.pdf' });
    await h.adapter.notifier.deliver({ link: await linkOf(USERS.amina) }, notification('Le vendeur a ajouté un reçu', { caseId: 'C-000001', blobId: blob.id }));
    const call = h.standin.calls.find((c) => c.method === 'POST' && c.files.length > 0)!;
    expect(call.files[0]).toMatchObject({ name: 'recu.pdf', contentType: 'application/pdf' });
    expect(call.files[0]!.data.equals(PDF)).toBe(true);
    expect(call.body.content).toBe('Le vendeur a ajouté un reçu');
  });

  it('waits out a 429 and then delivers', async () => {
    const dm = h.standin.dmChannelId(USERS.amina.id);
    h.standin.rateLimit('POST', new RegExp(`^/channels/${dm}/messages$`), 1, 0.2);
    await h.adapter.notifier.deliver({ link: await linkOf(USERS.amina) }, notification('Après la limite'));
    const attempts = h.standin.calls.filter((c) => c.method === 'POST' && c.path === `/channels/${dm}/messages`).map((c) => c.status);
    expect(attempts).toEqual([429, 200]);
    expect(h.standin.messagesIn(dm).map((m) => m.content)).toEqual(['Après la limite']);
  });

  it('records a user who closed their DMs on their link', async () => {
    h.standin.addUser(USERS.amina, { blocksDms: true });
    const failure = await h.adapter.notifier.deliver({ link: await linkOf(USERS.amina) }, notification('Bonjour')).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(DeliveryError);
    expect((failure as DeliveryError).opts.blocked).toBe(true);
    expect((await linkOf(USERS.amina)).blockedAt).toEqual(expect.any(String));
  });

  it('refuses support notifications for good when no staff channel is configured', async () => {
    const other = createDiscordAdapter({ ...h.deps, config: { ...h.deps.config, DISCORD_STAFF_CHANNEL_ID: undefined } });
    const failure = await other.notifier.deliver({ support: true }, notification('Dossier transmis')).catch((e: unknown) => e);
    expect((failure as DeliveryError).opts.permanent).toBe(true);
    await other.stop();
  });
});

describe('Discord with several processes', () => {
  it.each(['memory', 'redis'] as const)('handles a message and an interaction once when two processes receive them (%s dedup)', async (kind) => {
    const redis = kind === 'redis' ? await testRedis() : null;
    const dedup = redis ? createDedup(redis.redis, redis.prefix) : createMemoryDedup();
    const first = await startHarness({ shared: { dedup } });
    const second = await startHarness({ standin: first.standin, shared: { dedup: redis ? createDedup(redis.connect(), redis.prefix) : dedup, kv: first.deps.kv, links: first.deps.links, threads: first.deps.threads } });
    try {
      await eventually(() => expect(first.standin.connections).toBe(2));
      for (const h of [first, second]) h.engine.answer((input) => [replyTo(input, [{ id: 'test-raw', args: { text: 'reçu' } }])]);
      const dm = first.standin.dmChannelId(USERS.amina.id);
      first.standin.sendMessage({ author: USERS.amina, content: 'une fois' });
      await eventually(() => expect(first.standin.messagesIn(dm)).toHaveLength(1));
      const id = first.standin.command({ user: USERS.amina, name: 'help' });
      await eventually(() => expect(first.standin.repliesTo(id)).toHaveLength(1));
      // Give a duplicate every chance to show up before counting (the answer to the interaction is a DM message too).
      first.standin.sendMessage({ author: USERS.amina, content: 'deux' });
      await eventually(() => expect(first.standin.messagesIn(dm).map((m) => m.content)).toEqual(['reçu', 'reçu', 'reçu']));
      expect(first.engine.inputs.length + second.engine.inputs.length).toBe(3);
      expect(first.standin.calls.filter((c) => c.path.startsWith(`/interactions/${id}/`))).toHaveLength(1);
    } finally {
      await second.stop();
      await first.stop();
      await redis?.cleanup();
    }
  });

  it("runs one user's messages one after the other when each process gets both at once (redis dedup)", async () => {
    const redis = await testRedis();
    const first = await startHarness({ shared: { dedup: createDedup(redis.redis, redis.prefix) } });
    const second = await startHarness({ standin: first.standin, shared: { dedup: createDedup(redis.connect(), redis.prefix), kv: first.deps.kv, links: first.deps.links, threads: first.deps.threads } });
    try {
      await eventually(() => expect(first.standin.connections).toBe(2));
      // Each turn takes a while (a slow marketplace): a second turn of the user started meanwhile would read what the
      // first is about to change.
      const steps: string[] = [];
      for (const h of [first, second]) {
        h.engine.answer(async (input) => {
          const text = input.content.type === 'text' ? input.content.text : '';
          steps.push(`start ${text}`);
          await new Promise((r) => setTimeout(r, 300));
          steps.push(`end ${text}`);
          return [replyTo(input, [{ id: 'test-raw', args: { text: `reçu ${text}` } }])];
        });
      }
      const dm = first.standin.dmChannelId(USERS.amina.id);
      first.standin.sendMessage({ author: USERS.amina, content: 'un' });
      first.standin.sendMessage({ author: USERS.amina, content: 'deux' });
      await eventually(() => expect(first.standin.messagesIn(dm)).toHaveLength(2));
      // One turn, then the other: never both under way.
      const [a, b] = [steps[0]!.slice('start '.length), steps[2]!.slice('start '.length)];
      expect(steps).toEqual([`start ${a}`, `end ${a}`, `start ${b}`, `end ${b}`]);
      expect(new Set([a, b])).toEqual(new Set(['un', 'deux']));
      expect(first.standin.messagesIn(dm).map((m) => m.content).sort()).toEqual(['reçu deux', 'reçu un']);
    } finally {
      await second.stop();
      await first.stop();
      await redis.cleanup();
    }
  });

  it('takes over an interaction and a message whose process stopped mid-turn, once its claim lapses, and answers them', async () => {
    const dedup = createMemoryDedup();
    // The first process claims everything and then stops: it never renews its claims nor finishes its turns.
    const dying: Dedup = { ...dedup, claim: (k, o, t) => dedup.claim(k, o, t), renew: async () => false };
    // The second sees each event a moment later, as a slower process would.
    const late: Dedup = { ...dedup, claim: async (k, o, t) => (await new Promise((r) => setTimeout(r, 50)), dedup.claim(k, o, t)) };
    const first = await startHarness({ shared: { dedup: dying, claimMs: 300 } });
    const second = await startHarness({ standin: first.standin, shared: { dedup: late, claimMs: 300, kv: first.deps.kv, links: first.deps.links, threads: first.deps.threads } });
    try {
      await eventually(() => expect(first.standin.connections).toBe(2));
      first.engine.answer(() => new Promise(() => undefined));
      second.engine.answer((input) => [replyTo(input, [{ id: 'test-raw', args: { text: 'repris' } }])]);
      const id = first.standin.command({ user: USERS.amina, name: 'help' });
      await eventually(() => expect(first.standin.repliesTo(id)[0]?.content).toBe('repris'));
      const dm = first.standin.dmChannelId(USERS.amina.id);
      first.standin.sendMessage({ author: USERS.amina, content: 'toujours là ?' });
      await eventually(() => expect(second.engine.inputs).toHaveLength(2));
      await eventually(() => expect(first.standin.messagesIn(dm).filter((m) => m.content === 'repris').length).toBeGreaterThanOrEqual(1));
      // Each was run by both (the first never got to answer), and answered by the second.
      expect(first.engine.inputs).toHaveLength(2);
      expect(second.engine.inputs.map((i) => i.eventId)).toEqual([`discord:int:${id}`, expect.stringMatching(/^discord:msg:\d+:0$/)]);
      expect(first.engine.inputs.map((i) => i.eventId)).toEqual(second.engine.inputs.map((i) => i.eventId));
    } finally {
      await second.stop();
      await first.stop();
    }
  });

  it('registers commands globally without DISCORD_GUILD_ID', async () => {
    const h = await startHarness({ guildScoped: false });
    try {
      const put = await h.standin.waitFor((c) => c.method === 'PUT' && c.path.includes('/commands'));
      expect(put.path).toBe(`/applications/${h.standin.applicationId}/commands`);
      // Global commands say where they may run: support commands in servers only, the others in DMs too.
      const contexts = new Map((put.body as any[]).map((c) => [c.name, c.contexts]));
      expect(contexts.get('note')).toEqual([0]);
      expect(contexts.get('report')).toEqual([0, 1]);
    } finally {
      await h.stop();
    }
  });
});
