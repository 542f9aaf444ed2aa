import { afterEach, describe, expect, it } from 'vitest';
import type { OutMessage } from '../../../src/ports/turn.js';
import type { Link } from '../../../src/ports/links.js';
import { DeliveryError } from '../../../src/ports/notifier.js';
import { STAFF, agent, amina, card, startHarness, until, visible } from './harness.js';

type Harness = Awaited<ReturnType<typeof startHarness>>;

const link: Link = { platform: 'telegram', userId: String(amina.id), accountId: 'acc-amina', address: String(amina.id), linkedAt: '2026-11-01T10:00:00Z' };
const message = (extra: Partial<OutMessage> = {}): OutMessage => ({
  target: { conversationId: String(amina.id) },
  locale: 'fr',
  timezone: 'Africa/Kinshasa',
  body: [{ id: 'test-raw', args: { text: 'Le vendeur a répondu' } }],
  caseId: 'C-000001',
  ...extra,
});

async function deliveryError(p: Promise<unknown>): Promise<DeliveryError> {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(DeliveryError);
  return err as DeliveryError;
}

describe('Telegram notifier', () => {
  let h: Harness;
  afterEach(async () => {
    await h.close();
  });

  it('delivers to a linked user’s private chat and remembers the message as the case’s', async () => {
    h = await startHarness({ start: false });
    await h.adapter.notifier.deliver({ link }, message());
    const [sent] = h.standin.botMessages(amina.id);
    expect(visible(sent!.text)).toBe('Le vendeur a répondu');
    expect(await h.threads.caseOfMessage('telegram', String(amina.id), String(sent!.message_id))).toBe('C-000001');
  });

  it('tells the caller once Telegram took the message (to record it with its own writes), and not when Telegram refused it', async () => {
    h = await startHarness({ start: false });
    const calls: string[] = [];
    const onSent = async () => {
      // What Telegram holds at that moment: the message is there already.
      calls.push(`sent with ${h.standin.botMessages(amina.id).length} message(s) in the chat`);
    };
    await h.adapter.notifier.deliver({ link }, message(), { onSent });
    expect(calls).toEqual(['sent with 1 message(s) in the chat']);
    h.standin.failNext('sendMessage', { code: 400, description: 'Bad Request: chat not found' });
    await deliveryError(h.adapter.notifier.deliver({ link }, message(), { onSent }));
    expect(calls).toHaveLength(1);
  });

  it('gives up a send Telegram does not answer after notifyTimeoutSeconds: a failed try, retried later, not a wait of minutes', async () => {
    h = await startHarness({ start: false, notifyTimeoutSeconds: 1 });
    h.standin.hang('sendMessage');
    const since = performance.now();
    const err = await deliveryError(h.adapter.notifier.deliver({ link }, message()));
    expect(performance.now() - since).toBeLessThan(4_000);
    expect(err.opts.permanent).not.toBe(true);
    h.standin.answer('sendMessage');
    await h.adapter.notifier.deliver({ link }, message());
    expect(h.standin.botMessages(amina.id).map((m) => visible(m.text))).toContain('Le vendeur a répondu');
  }, 15_000);

  it('waits out a 429 retry_after and then delivers', async () => {
    h = await startHarness({ start: false });
    h.standin.failNext('sendMessage', { code: 429, retryAfter: 1 });
    await h.adapter.notifier.deliver({ link }, message());
    const [refused, accepted] = h.standin.callsOf('sendMessage');
    expect(accepted!.at - refused!.at).toBeGreaterThanOrEqual(950);
    expect(h.standin.botMessages(amina.id)).toHaveLength(1);
  });

  it('surfaces retryAfterMs when the platform asks for a longer wait than the retry budget allows', async () => {
    h = await startHarness({ start: false, notifyRetry: { maxRetryAttempts: 2, maxDelaySeconds: 5 } });
    h.standin.failNext('sendMessage', { code: 429, retryAfter: 40 });
    const err = await deliveryError(h.adapter.notifier.deliver({ link }, message()));
    expect(err.opts).toMatchObject({ retryAfterMs: 40_000 });
    expect(err.opts.blocked).toBeFalsy();
    expect(h.standin.botMessages(amina.id)).toHaveLength(0);
  });

  it('surfaces retryAfterMs when 429s outlast the retry attempts', async () => {
    h = await startHarness({ start: false, notifyRetry: { maxRetryAttempts: 1, maxDelaySeconds: 5 } });
    h.standin.failNext('sendMessage', { code: 429, retryAfter: 1 }, 3);
    const err = await deliveryError(h.adapter.notifier.deliver({ link }, message()));
    expect(err.opts.retryAfterMs).toBe(1000);
    expect(h.standin.callsOf('sendMessage')).toHaveLength(2);
  });

  it('by default surfaces a 429 of more than 2 s at once, for the outbox to wait out for that chat alone; a turn’s reply still waits it out', async () => {
    // The send held one of the process's delivery slots for the whole wait (up to 3 × 30 s), other recipients queued
    // behind it, and /metrics showed no retry until it gave up.
    h = await startHarness({ start: false });
    h.standin.failNext('sendMessage', { code: 429, retryAfter: 8 });
    const started = Date.now();
    const err = await deliveryError(h.adapter.notifier.deliver({ link }, message()));
    expect(err.opts.retryAfterMs).toBe(8000);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(h.standin.callsOf('sendMessage')).toHaveLength(1);
    // The turns' client keeps its longer budget: a reply to the user waits out a short retry_after and arrives.
    h.standin.failNext('sendMessage', { code: 429, retryAfter: 3 });
    await h.adapter.bot.api.sendMessage(amina.id, 'reply');
    expect(h.standin.callsOf('sendMessage')).toHaveLength(3);
    expect(h.standin.botMessages(amina.id)).toHaveLength(1);
  });

  it('reports a user who blocked the bot (403) as blocked, not as something to retry', async () => {
    h = await startHarness({ start: false });
    h.standin.block(amina.id);
    const err = await deliveryError(h.adapter.notifier.deliver({ link }, message()));
    expect(err.opts).toMatchObject({ blocked: true });
    expect(err.opts.retryAfterMs).toBeUndefined();
  });

  it('reports a chat Telegram does not know as a permanent failure', async () => {
    h = await startHarness({ start: false });
    h.standin.failNext('sendMessage', { code: 400, description: 'Bad Request: chat not found' });
    const err = await deliveryError(h.adapter.notifier.deliver({ link }, message()));
    expect(err.opts).toMatchObject({ permanent: true });
  });

  it('posts support notifications in the staff group', async () => {
    h = await startHarness({ start: false });
    await h.adapter.notifier.deliver({ support: true }, message({ target: { conversationId: 'ignored' } }));
    expect(h.standin.botMessages(STAFF.id)).toHaveLength(1);
    expect(h.standin.callsOf('createForumTopic')).toHaveLength(0);
  });

  it('refuses support notifications permanently when no staff group is configured', async () => {
    h = await startHarness({ start: false, supportChatId: undefined });
    const err = await deliveryError(h.adapter.notifier.deliver({ support: true }, message()));
    expect(err.opts).toMatchObject({ permanent: true });
  });

  it('opens one forum topic per case in a staff group with topics, and a message there belongs to the case', async () => {
    h = await startHarness();
    h.standin.setChat({ ...STAFF, is_forum: true });
    const escalated = message({ card: card({ status: 'escalated', viewerRole: 'support' }), replaceKey: 'card:C-000001' });
    await Promise.all([h.adapter.notifier.deliver({ support: true }, escalated), h.adapter.notifier.deliver({ support: true }, message())]);
    await h.adapter.notifier.deliver({ support: true }, message({ caseId: 'C-000002' }));

    const topics = h.standin.callsOf('createForumTopic');
    expect(topics.map((c) => c.params.name)).toEqual(['C-000001 · Pagne wax 6 yards · Bisou Créations', 'C-000002']);
    const threadOf1 = Number((await h.threads.caseThread('telegram', 'C-000001', 'staff'))!.split('/')[1]);
    expect(h.standin.botMessages(STAFF.id).filter((m) => m.message_thread_id === threadOf1)).toHaveLength(2);
    expect(await h.threads.caseThread('telegram', 'C-000001', 'staff')).toBe(`${STAFF.id}/${threadOf1}`);

    // An agent writing in the topic: Telegram marks it as a reply to the topic's first message.
    h.standin.push(h.standin.build.text(agent, { ...STAFF, is_forum: true }, 'Je regarde ce dossier', { threadId: threadOf1 }));
    await until(() => h.engine.inputs.length === 1, 'the agent message');
    const input = h.engine.inputs[0]!;
    expect(input).toMatchObject({ isStaffChannel: true, threadId: String(threadOf1), replyToMessageId: String(threadOf1) });
    expect(await h.threads.caseOfMessage('telegram', String(STAFF.id), input.replyToMessageId!)).toBe('C-000001');
  });
});
