import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { amina, bisou, card, privateChat, replyTo, startHarness, until, visible } from './harness.js';

type Harness = Awaited<ReturnType<typeof startHarness>>;

describe('Telegram adapter: native rendering', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  it('shows choices as an inline keyboard and turns a press into the same token, answering the callback', async () => {
    h.engine.answer((input) =>
      input.content.type === 'text'
        ? [replyTo(input, [{ id: 'test-hello', args: { name: 'Amina' } }], { choices: [{ label: { id: 'test-yes' }, token: 'tok-yes' }, { label: { id: 'test-no' }, token: 'tok-no' }] })]
        : [],
    );
    h.standin.push(h.standin.build.text(amina, privateChat(amina), 'bonjour'));
    const sent = await h.standin.waitForCall('sendMessage');
    expect(sent.params.reply_markup).toEqual({ inline_keyboard: [[{ text: 'Oui', callback_data: 'tok-yes' }, { text: 'Non', callback_data: 'tok-no' }]] });

    const message = h.standin.botMessages(amina.id)[0]!;
    const press = h.standin.push(h.standin.build.press(amina, message, 'tok-no'));
    await until(() => h.engine.inputs.length === 2, 'the press');
    expect(h.engine.inputs[1]).toMatchObject({ content: { type: 'action', token: 'tok-no' }, conversationId: String(amina.id), isPrivate: true });
    const answered = await h.standin.waitForCall('answerCallbackQuery');
    expect(answered.params.callback_query_id).toBe(press.callback_query.id);
  });

  it('keeps callback data within 64 bytes and resolves a longer token on the server', async () => {
    const long = `flow:${'x'.repeat(90)}`;
    h.engine.answer((input) => (input.content.type === 'text' ? [replyTo(input, [{ id: 'test-amount' }], { choices: [{ label: { id: 'test-yes' }, token: long }] })] : []));
    h.standin.push(h.standin.build.text(amina, privateChat(amina), 'rembourser'));
    const sent = await h.standin.waitForCall('sendMessage');
    const data = sent.params.reply_markup.inline_keyboard[0][0].callback_data as string;
    expect(Buffer.byteLength(data)).toBeLessThanOrEqual(64);

    h.standin.push(h.standin.build.press(amina, h.standin.botMessages(amina.id)[0]!, data));
    await until(() => h.engine.inputs.length === 2, 'the press');
    expect(h.engine.inputs[1]!.content).toEqual({ type: 'action', token: long });
  });

  it('renders a case card in HTML with the user text escaped and its actions as buttons', async () => {
    const description = 'Le colis <script>alert(1)</script> & "rien" reçu';
    h.engine.answer((input) => [
      replyTo(input, [{ id: 'test-hello', args: { name: 'Amina' } }], {
        caseId: 'C-000001',
        card: card({ description, actions: [{ label: { id: 'test-yes' }, token: 'close-1', style: 'danger' }] }),
      }),
    ]);
    h.standin.push(h.standin.build.text(amina, privateChat(amina), '/case C-000001'));
    const sent = await h.standin.waitForCall('sendMessage');
    const html = String(sent.params.text);
    expect(html).toContain('<b>Litige C-000001 · Pagne wax 6 yards</b>');
    expect(html).toContain('Description : Le colis &lt;script&gt;alert(1)&lt;/script&gt; &amp; "rien" reçu');
    expect(visible(html).split('\n')[0]).toBe('Bonjour Amina');
    expect(sent.params.reply_markup.inline_keyboard).toEqual([[{ text: 'Oui', callback_data: 'close-1' }]]);
  });

  it('splits a long text at Telegram’s 4,096-character limit, buttons on the last part', async () => {
    const paragraph = 'Lorem ipsum <dolor> & sit amet, '.repeat(200); // 6,400 characters, more once escaped
    h.engine.answer((input) => [replyTo(input, [{ id: 'test-raw', args: { text: paragraph } }, { id: 'test-raw', args: { text: paragraph } }], { choices: [{ label: { id: 'test-yes' }, token: 'ok' }] })]);
    h.standin.push(h.standin.build.text(amina, privateChat(amina), 'tout'));
    await until(() => h.engine.inputs.length === 1, 'the turn');
    await until(() => visible(h.standin.botMessages(amina.id).map((m) => m.text).join('')).replace(/\s/g, '').length >= paragraph.replace(/\s/g, '').length * 2, 'all parts');

    const parts = h.standin.botMessages(amina.id);
    expect(parts.length).toBeGreaterThan(2);
    // The stand-in refuses texts over 4,096 characters, like Telegram; every part was accepted.
    for (const p of parts) expect(visible(p.text).length).toBeLessThanOrEqual(4096);
    expect(visible(parts.map((p) => p.text).join(' ')).replace(/\s+/g, ' ').trim()).toBe(`${paragraph} ${paragraph}`.replace(/\s+/g, ' ').trim());
    expect(parts.map((p) => Boolean(p.reply_markup))).toEqual([...parts.slice(1).map(() => false), true]);
  });

  it('remembers every message about a case, so that a reply to it carries the message id', async () => {
    h.engine.answer((input) => (input.content.type === 'command' ? [replyTo(input, [{ id: 'test-hello', args: { name: 'Bisou' } }], { caseId: 'C-000007', card: card({ caseId: 'C-000007', viewerRole: 'seller' }) })] : []));
    h.standin.push(h.standin.build.text(bisou, privateChat(bisou), '/case C-000007'));
    const sent = await h.standin.waitForCall('sendMessage');
    const messageId = h.standin.botMessages(bisou.id)[0]!.message_id as number;
    expect(sent.params.chat_id).toBe(String(bisou.id));
    await until(async () => (await h.threads.caseOfMessage('telegram', String(bisou.id), String(messageId))) === 'C-000007', 'the message remembered');

    h.standin.push(h.standin.build.text(bisou, privateChat(bisou), 'Le colis part demain', { replyTo: messageId }));
    await until(() => h.engine.inputs.length === 2, 'the reply');
    expect(h.engine.inputs[1]).toMatchObject({ replyToMessageId: String(messageId), content: { type: 'text', text: 'Le colis part demain' } });
  });

  it('sends a fresh card at the bottom of the chat, strips the stale one, and edits in place when its own button changed the case', async () => {
    let status: 'open' | 'escalated' = 'open';
    h.engine.answer((input) => {
      if (input.content.type === 'action') status = 'escalated';
      return [replyTo(input, [], { caseId: 'C-000001', replaceKey: 'card:C-000001', card: card({ status, actions: status === 'open' ? [{ label: { id: 'test-yes' }, token: 'esc-1' }] : [] }) })];
    });
    h.standin.push(h.standin.build.text(amina, privateChat(amina), '/case C-000001'));
    await until(() => h.standin.botMessages(amina.id).length === 1, 'the first card');
    h.standin.push(h.standin.build.text(amina, privateChat(amina), '/case C-000001'));
    await until(() => h.standin.botMessages(amina.id).length === 2, 'a second card');
    await h.standin.waitForCall('editMessageReplyMarkup');
    const [old, fresh] = h.standin.botMessages(amina.id);
    expect(old!.reply_markup).toBeUndefined();
    expect(fresh!.reply_markup).toEqual({ inline_keyboard: [[{ text: 'Oui', callback_data: 'esc-1' }]] });

    h.standin.push(h.standin.build.press(amina, fresh!, 'esc-1'));
    const edit = await h.standin.waitForCall('editMessageText');
    expect(edit.params.message_id).toBe(fresh!.message_id);
    expect(h.standin.botMessages(amina.id)).toHaveLength(2);
    const edited = h.standin.message(amina.id, fresh!.message_id)!;
    expect(visible(edited.text)).toContain('Statut : escalated');
    expect(edited.reply_markup).toBeUndefined();
  });

  it('asks a group member for a typed answer with a selective force-reply', async () => {
    h.engine.answer((input) => (input.content.type === 'command' ? [replyTo(input, [{ id: 'test-amount' }], { expects: 'amount' })] : []));
    h.standin.push(h.standin.build.text(bisou, { id: -1001000000009, type: 'supergroup', title: 'Team' }, '/refund C-000001'));
    const sent = await h.standin.waitForCall('sendMessage');
    expect(sent.params.reply_markup).toEqual({ force_reply: true, selective: true });
  });
});
