import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OTHER_GROUP, STAFF, agent, amina, privateChat, replyTo, startHarness, until, visible } from './harness.js';

type Harness = Awaited<ReturnType<typeof startHarness>>;

describe('Telegram adapter: long polling to engine input and back', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  it('turns a private text message into a turn and answers with the user text escaped', async () => {
    h.engine.answer((input) => [replyTo(input, [{ id: 'test-echo', args: { text: input.content.type === 'text' ? input.content.text : '' } }])]);
    h.standin.push(h.standin.build.text(amina, privateChat(amina), 'ma commande <b>n’est</b> jamais arrivée & rien'));

    const sent = await h.standin.waitForCall('sendMessage');
    expect(h.engine.inputs[0]).toMatchObject({
      platform: 'telegram',
      userId: String(amina.id),
      userName: 'Amina K.',
      languageHint: 'fr',
      conversationId: String(amina.id),
      isPrivate: true,
      isStaffChannel: false,
      replyToMessageId: null,
      content: { type: 'text', text: 'ma commande <b>n’est</b> jamais arrivée & rien' },
    });
    expect(sent.params).toMatchObject({ chat_id: String(amina.id), parse_mode: 'HTML' });
    expect(visible(String(sent.params.text))).toBe('Vous avez écrit : ma commande <b>n’est</b> jamais arrivée & rien');
  });

  it('reads commands with their arguments, including /start deep links and /cmd@bot, and ignores other bots', async () => {
    h.standin.push(h.standin.build.text(amina, privateChat(amina), '/start AbCdEf0123456789AbCdEf0123456789AbCd-_xy'));
    h.standin.push(h.standin.build.text(amina, OTHER_GROUP, '/case@OtherBot C-000001'));
    h.standin.push(h.standin.build.text(amina, OTHER_GROUP, '/refund@palabre_test_bot C-000001 5000'));
    await until(() => h.engine.inputs.length === 2, 'two commands');

    expect(h.engine.inputs.map((i) => i.content)).toEqual([
      { type: 'command', name: 'start', args: ['AbCdEf0123456789AbCdEf0123456789AbCd-_xy'], text: '/start AbCdEf0123456789AbCdEf0123456789AbCd-_xy' },
      { type: 'command', name: 'refund', args: ['C-000001', '5000'], text: '/refund@palabre_test_bot C-000001 5000' },
    ]);
    expect(h.engine.inputs[1]).toMatchObject({ isPrivate: false, isStaffChannel: false, conversationId: String(OTHER_GROUP.id) });
  });

  it('marks only the configured staff group as the staff channel, and answers in the forum topic it was asked in', async () => {
    h.engine.answer((input) => [replyTo(input, [{ id: 'test-hello', args: { name: 'support' } }])]);
    const asked = h.standin.push(h.standin.build.text(agent, STAFF, '/cases escalated', { threadId: 42 }));
    const sent = await h.standin.waitForCall('sendMessage');

    expect(h.engine.inputs[0]).toMatchObject({ isStaffChannel: true, isPrivate: false, threadId: '42', content: { type: 'command', name: 'cases', args: ['escalated'] } });
    expect(sent.params).toMatchObject({ chat_id: String(STAFF.id), message_thread_id: 42 });
    // In a group the answer quotes the question, so it is clear whom it answers.
    expect(sent.params.reply_parameters).toMatchObject({ message_id: asked.message.message_id });

    h.standin.push(h.standin.build.text(agent, privateChat(agent), '/cases escalated'));
    await until(() => h.engine.inputs.length === 2, 'second command');
    expect(h.engine.inputs[1]).toMatchObject({ isStaffChannel: false, isPrivate: true });
  });

  it('handles the updates of one chat in order, one at a time', async () => {
    const events: string[] = [];
    h.engine.answer(async (input) => {
      const text = input.content.type === 'text' ? input.content.text : '?';
      events.push(`start ${text}`);
      if (text === 'first') await new Promise((r) => setTimeout(r, 300));
      events.push(`end ${text}`);
      return [];
    });
    h.standin.push(h.standin.build.text(amina, privateChat(amina), 'first'));
    h.standin.push(h.standin.build.text(amina, privateChat(amina), 'second'));
    await until(() => events.length === 4, 'both turns');
    expect(events).toEqual(['start first', 'end first', 'start second', 'end second']);
  });

  it('handles an update delivered twice only once', async () => {
    const update = h.standin.build.text(amina, privateChat(amina), 'bonjour');
    h.standin.push(update);
    await until(() => h.engine.inputs.length === 1, 'first delivery');
    h.standin.redeliver(update);
    await h.standin.waitForCall('getUpdates', (c) => c.params.offset > update.update_id, { from: h.standin.calls.length });
    h.standin.push(h.standin.build.text(amina, privateChat(amina), 'après'));
    await until(() => h.engine.inputs.some((i) => i.content.type === 'text' && i.content.text === 'après'), 'later update');
    expect(h.engine.inputs.map((i) => (i.content.type === 'text' ? i.content.text : ''))).toEqual(['bonjour', 'après']);
  });

  it('acknowledges an update only once it is handled: one that failed before the engine answered is fetched again', async () => {
    let failures = 0;
    h.engine.answer((input) => {
      if (input.content.type === 'text' && input.content.text === 'fragile' && failures++ === 0) throw new Error('connect ECONNREFUSED 127.0.0.1:6379');
      return [replyTo(input, [{ id: 'test-hello', args: { name: 'Amina' } }])];
    });
    const from = h.standin.calls.length;
    const update = h.standin.push(h.standin.build.text(amina, privateChat(amina), 'fragile'));
    const answer = await h.standin.waitForCall('sendMessage', undefined, { from });
    expect(visible(String(answer.params.text))).toBe('Bonjour Amina');
    // The poll after the failure did not move past it; the one after the answer did.
    const offsets = h.standin.calls.slice(from).filter((c) => c.method === 'getUpdates').map((c) => Number(c.params.offset));
    expect(offsets).toContain(update.update_id);
    await h.standin.waitForCall('getUpdates', (c) => c.params.offset > update.update_id, { from });
    expect(h.engine.inputs.filter((i) => i.content.type === 'text' && i.content.text === 'fragile')).toHaveLength(2);
    // No apology: the redelivery answered.
    const sent = h.standin.calls.slice(from).filter((c) => c.method === 'sendMessage').map((c) => visible(String(c.params.text)));
    expect(sent).toEqual(['Bonjour Amina']);
  });

  it('apologises when a turn fails and keeps handling the next updates', async () => {
    h.engine.answer((input) => {
      if (input.content.type === 'text' && input.content.text === 'boom') throw new Error('engine exploded');
      return [replyTo(input, [{ id: 'test-hello', args: { name: 'Amina' } }])];
    });
    h.standin.push(h.standin.build.text(amina, privateChat(amina), 'boom'));
    const apology = await h.standin.waitForCall('sendMessage');
    expect(visible(String(apology.params.text))).toMatch(/^Désolé, un problème est survenu/);

    h.standin.push(h.standin.build.text(amina, privateChat(amina), 'encore'));
    const next = await h.standin.waitForCall('sendMessage', (c) => visible(String(c.params.text)) === 'Bonjour Amina');
    expect(next.params.chat_id).toBe(String(amina.id));
  });

  it('registers the command menus in Lingala and Swahili too (ISO 639-1 codes the Bot API accepts)', async () => {
    const calls = h.standin.callsOf('setMyCommands').map((c) => c.params);
    const langs = calls.filter((p) => p.scope?.type === 'all_private_chats').map((p) => p.language_code ?? '(default)');
    expect(langs.sort()).toEqual(['(default)', 'en', 'fr', 'ln', 'sw']);
    const ln = calls.find((p) => p.scope?.type === 'all_private_chats' && p.language_code === 'ln');
    const sw = calls.find((p) => p.scope?.type === 'all_private_chats' && p.language_code === 'sw');
    expect(ln?.commands.find((c: { command: string }) => c.command === 'lang')?.description).toBe('Kobongola monoko : /lang fr, en, ln to sw');
    expect(sw?.commands.find((c: { command: string }) => c.command === 'lang')?.description).toBe('Kubadilisha lugha: /lang fr, en, ln au sw');
  });

  it('registers the command menus in French and English, and the support commands for the staff group only', async () => {
    const calls = h.standin.callsOf('setMyCommands').map((c) => c.params);
    const privateFr = calls.find((p) => p.scope?.type === 'all_private_chats' && p.language_code === 'fr');
    const privateEn = calls.find((p) => p.scope?.type === 'all_private_chats' && p.language_code === 'en');
    const staff = calls.find((p) => p.scope?.type === 'chat' && p.language_code === 'en');
    expect(privateFr?.commands).toContainEqual({ command: 'report', description: 'Signaler un problème avec une commande' });
    expect(privateEn?.commands).toContainEqual({ command: 'report', description: 'Report a problem with an order' });
    expect(privateEn?.commands.map((c: { command: string }) => c.command)).not.toContain('decide');
    expect(staff?.scope).toEqual({ type: 'chat', chat_id: String(STAFF.id) });
    expect(staff?.commands.map((c: { command: string }) => c.command)).toEqual(expect.arrayContaining(['decide', 'reopen', 'note', 'suspend', 'reinstate']));
  });
});
