import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { OutMessage } from '../../../src/ports/turn.js';
import type { Link } from '../../../src/ports/links.js';
import { DeliveryError } from '../../../src/ports/notifier.js';
import { agent, amina, bisou, buttonsOf, card, cardOf, cardTexts, STAFF, startHarness, TENANT, visible, type Harness } from './harness.js';

const link = (p: { id: string; chat: string }, accountId: string, address = p.chat): Link => ({ platform: 'teams', userId: p.id, accountId, address, linkedAt: '2026-11-01T00:00:00Z' });
const message = (text: string, extra: Partial<OutMessage> = {}): OutMessage => ({
  target: { conversationId: 'ignored' },
  locale: 'en',
  timezone: 'Africa/Kinshasa',
  body: [{ id: 'test-raw', args: { text } }],
  ...extra,
});

async function failure(p: Promise<unknown>): Promise<DeliveryError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(DeliveryError);
  return err as DeliveryError;
}

describe('Teams notifier (proactive messages)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    await h.post(h.act.installPersonal(amina));
    await h.post(h.act.installTeam(agent, [bisou]));
  });
  afterAll(() => h.close());
  beforeEach(() => {
    h.standin.calls.length = 0;
    h.standin.failures.length = 0;
  });

  it('reaches a user in their personal chat after the turn has ended, as a new message', async () => {
    await h.adapter.notifier.deliver({ link: link(amina, 'acc-amina') }, message('Your seller answered'));
    const [sent] = h.standin.posted(amina.chat);
    expect(visible(sent?.body.text)).toBe('Your seller answered');
    expect(sent?.activityId).toBeUndefined();
    expect(sent?.body.replyToId).toBeUndefined();
    expect(sent?.authorization).toMatch(/^Bearer standin-token-/);
  });

  it('opens a personal chat with a user only seen in a team, once', async () => {
    const bisouLink = link(bisou, 'acc-bisou', bisou.id);
    await h.adapter.notifier.deliver({ link: bisouLink }, message('A case was opened on your order', { card: card({ viewerRole: 'seller' }), caseId: 'C-000001' }));
    const [created] = h.standin.created();
    expect(created?.body).toMatchObject({ isGroup: false, members: [{ id: bisou.id }], tenantId: TENANT, bot: { id: h.act.bot.id } });
    const chat = created!.id!;
    const [sent] = h.standin.posted(chat);
    expect(visible(sent?.body.text)).toBe('A case was opened on your order');
    expect(cardTexts(cardOf(sent?.body))[0]).toBe('Case C-000001 · Pagne wax 6 yards');
    expect(await h.threads.caseOfMessage('teams', chat, sent!.id!)).toBe('C-000001');
    await h.adapter.notifier.deliver({ link: bisouLink }, message('Reminder'));
    expect(h.standin.created()).toHaveLength(1);
    expect(visible(h.standin.posted(chat)[1]?.body.text)).toBe('Reminder');
  });

  it('refuses, for good, a user the bot has never seen', async () => {
    const err = await failure(h.adapter.notifier.deliver({ link: link({ id: '29:ghost', chat: 'a:ghost' }, 'acc-ghost') }, message('hello')));
    expect(err.opts.permanent).toBe(true);
  });

  it('opens one staff-channel thread per case, and posts the case’s later messages in it', async () => {
    const first = message('Case C-000009 was escalated', { caseId: 'C-000009', card: card({ caseId: 'C-000009', viewerRole: 'support', actions: [{ label: { id: 'test-yes' }, token: 'tok-decide' }] }) });
    await Promise.all([h.adapter.notifier.deliver({ support: true }, first), h.adapter.notifier.deliver({ support: true }, message('Second note', { caseId: 'C-000009' }))]);
    const created = h.standin.created();
    expect(created).toHaveLength(1);
    expect(created[0]?.body.channelData.channel.id).toBe(STAFF);
    expect(visible(created[0]?.body.activity.text)).toBe('Case C-000009 was escalated');
    expect(buttonsOf(cardOf(created[0]?.body.activity)).map((b) => b.token)).toEqual(['tok-decide']);
    const thread = created[0]!.id!;
    expect(thread).toMatch(new RegExp(`^${STAFF.replace(/[.]/g, '\\.')};messageid=\\d+$`));
    expect(await h.threads.caseThread('teams', 'C-000009', 'staff')).toBe(thread);
    expect(await h.threads.caseOfThread('teams', thread)).toBe('C-000009');
    expect(h.standin.posted(thread).map((c) => visible(c.body.text))).toEqual(['Second note']);
    await h.adapter.notifier.deliver({ support: true }, message('Seller replied', { caseId: 'C-000009' }));
    expect(h.standin.created()).toHaveLength(1);
    expect(h.standin.posted(thread).map((c) => visible(c.body.text))).toEqual(['Second note', 'Seller replied']);
  });

  it('posts support news without a case in the staff channel itself', async () => {
    await h.adapter.notifier.deliver({ support: true }, message('Shop suspended'));
    expect(visible(h.standin.posted(STAFF)[0]?.body.text)).toBe('Shop suspended');
  });

  it('reports a rate limit with the Retry-After the Bot Connector gave', async () => {
    h.standin.fail(429, { times: 20, headers: { 'retry-after': '1' }, match: (c) => c.conversationId === amina.chat });
    const err = await failure(h.adapter.notifier.deliver({ link: link(amina, 'acc-amina') }, message('rate limited')));
    expect(err.opts).toMatchObject({ retryAfterMs: 1000 });
    // botbuilder's HTTP pipeline already tried again, waiting as told, before the outbox's own back-off.
    expect(h.standin.calls.filter((c) => c.id === 'failed-429').length).toBeGreaterThan(1);
    expect(err.opts.permanent).toBeFalsy();
    expect(err.opts.blocked).toBeFalsy();
    h.standin.failures.length = 0;
    await h.adapter.notifier.deliver({ link: link(amina, 'acc-amina') }, message('later'));
    expect(h.standin.posted(amina.chat).map((c) => visible(c.body.text))).toEqual(['later']);
  });

  it('tries a Bot Connector hiccup (5xx) again with back-off, and the message arrives once', async () => {
    h.standin.fail(503, { times: 1, match: (c) => c.conversationId === amina.chat });
    await h.adapter.notifier.deliver({ link: link(amina, 'acc-amina') }, message('after a hiccup'));
    expect(h.standin.posted(amina.chat).map((c) => visible(c.body.text))).toEqual(['after a hiccup']);
  });

  it('reports a lasting Bot Connector outage as worth retrying later', async () => {
    h.standin.fail(502, { times: 20, headers: { 'retry-after': '0' }, match: (c) => c.conversationId === amina.chat });
    const err = await failure(h.adapter.notifier.deliver({ link: link(amina, 'acc-amina') }, message('outage')));
    expect(err.opts.permanent).toBeFalsy();
    expect(err.opts.blocked).toBeFalsy();
  });

  it('marks a user who removed the app (403, 404 conversation not found) as blocked', async () => {
    h.standin.fail(403, { times: 1, body: { error: { code: 'ConversationBlockedByUser', message: 'User blocked the conversation with the bot.' } } });
    expect((await failure(h.adapter.notifier.deliver({ link: link(amina, 'acc-amina') }, message('x')))).opts.blocked).toBe(true);
    h.standin.fail(404, { times: 1, body: { error: { code: 'ConversationNotFound', message: 'Conversation not found.' } } });
    expect((await failure(h.adapter.notifier.deliver({ link: link(amina, 'acc-amina') }, message('x')))).opts.blocked).toBe(true);
  });

  it('tells the caller once Teams took the message (to record it with its own writes), and not when Teams refused it', async () => {
    const calls: string[] = [];
    const onSent = async () => {
      calls.push(`sent with ${h.standin.posted(amina.chat).length} message(s) in the chat`);
    };
    await h.adapter.notifier.deliver({ link: link(amina, 'acc-amina') }, message('recorded'), { onSent });
    expect(calls).toEqual(['sent with 1 message(s) in the chat']);
    h.standin.fail(400, { times: 1, match: (c) => c.conversationId === amina.chat });
    await failure(h.adapter.notifier.deliver({ link: link(amina, 'acc-amina') }, message('refused'), { onSent }));
    expect(calls).toHaveLength(1);
    // The first support message of a case opens its staff thread: told once the thread holds it.
    await h.adapter.notifier.deliver({ support: true }, message('Case C-000010 was escalated', { caseId: 'C-000010' }), {
      onSent: async () => void calls.push(`staff threads: ${h.standin.created().length}`),
    });
    expect(calls).toEqual(['sent with 1 message(s) in the chat', 'staff threads: 1']);
  });

  it('gives up for good on a message Teams calls malformed', async () => {
    h.standin.fail(400, { times: 1 });
    const err = await failure(h.adapter.notifier.deliver({ link: link(amina, 'acc-amina') }, message('x')));
    expect(err.opts.permanent).toBe(true);
    expect(err.opts.blocked).toBeFalsy();
  });
});

describe('Teams notifier without a staff channel', () => {
  it('refuses support notifications for good', async () => {
    const h = await startHarness({ staffConversationId: undefined });
    try {
      const err = await failure(h.adapter.notifier.deliver({ support: true }, message('x', { caseId: 'C-000001' })));
      expect(err.opts.permanent).toBe(true);
      expect(h.standin.calls).toHaveLength(0);
    } finally {
      await h.close();
    }
  });
});
