import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { TurnInput } from '../../../src/ports/turn.js';
import { createMetrics } from '../../../src/app/metrics.js';
import { createMemoryDedup } from '../../../src/infra/dedup.js';
import { agent, amina, bisou, buttonsOf, card, cardOf, replyTo, STAFF, startHarness, TEAM, until, visible, type Harness } from './harness.js';

describe('Teams inbound activities', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());
  beforeEach(() => {
    h.engine.inputs.length = 0;
    h.standin.calls.length = 0;
    h.engine.answer(() => []);
  });

  const last = (): TurnInput => h.engine.inputs.at(-1)!;

  it('greets a user who installs the app in a personal chat, as /start', async () => {
    h.engine.answer((input) => [replyTo(input, [{ id: 'test-hello', args: { name: input.userName ?? '' } }])]);
    expect((await h.post(h.act.installPersonal(amina))).status).toBe(200);
    expect(last()).toMatchObject({ platform: 'teams', userId: amina.id, conversationId: amina.chat, isPrivate: true, content: { type: 'command', name: 'start', args: [] } });
    const [greeting] = h.standin.posted(amina.chat);
    expect(visible(greeting?.body.text)).toBe('Hello Amina K.');
  });

  it('installed in a team: welcomes the channel and remembers where its members can be reached', async () => {
    await h.post(h.act.installTeam(agent, [bisou]));
    expect(h.engine.inputs).toHaveLength(0);
    const [welcome] = h.standin.posted(TEAM);
    expect(visible(welcome?.body.text)).toContain('Palabre is ready in this team');
  });

  it('turns `link <token>`, free text and typed commands into engine input', async () => {
    await h.post(h.act.say(amina, 'link AbCdEf0123456789AbCdEf0123456789AbCdEf01'));
    expect(last().content).toEqual({ type: 'command', name: 'link', args: ['AbCdEf0123456789AbCdEf0123456789AbCdEf01'], text: '/link AbCdEf0123456789AbCdEf0123456789AbCdEf01' });
    await h.post(h.act.say(amina, 'ma commande n’est jamais arrivée'));
    expect(last().content).toEqual({ type: 'text', text: 'ma commande n’est jamais arrivée' });
    await h.post(h.act.say(bisou, '/refund C-000001 5000'));
    expect(last().content).toMatchObject({ type: 'command', name: 'refund', args: ['C-000001', '5000'] });
    await h.post(h.act.say(bisou, 'tracking C-1 dhl JD0142'));
    expect(last().content).toMatchObject({ type: 'command', name: 'tracking', args: ['C-1', 'dhl', 'JD0142'] });
    await h.post(h.act.say(amina, 'help'));
    expect(last().content).toMatchObject({ type: 'command', name: 'help' });
    // A sentence that merely starts with a command word stays a sentence.
    await h.post(h.act.say(amina, 'refund please, my parcel never came'));
    expect(last().content).toEqual({ type: 'text', text: 'refund please, my parcel never came' });
    expect(last()).toMatchObject({ languageHint: 'en-US', userName: 'Amina K.', isStaffChannel: false });
  });

  it('strips the bot’s @mention in a channel before parsing', async () => {
    await h.post(h.act.mention(agent, TEAM, '/cases escalated'));
    expect(last()).toMatchObject({ conversationId: TEAM, isPrivate: false, isStaffChannel: false, content: { type: 'command', name: 'cases', args: ['escalated'] } });
  });

  it('tells whoever mentions the bot in a team channel where to write, when the engine keeps silent there', async () => {
    await h.post(h.act.mention(amina, TEAM, 'ma commande 1006 est jamais arrivee'));
    expect(h.standin.posted(TEAM).map((c) => visible(c.body.text))).toEqual([expect.stringContaining('write to me in a private chat with Palabre')]);
    // In the staff channel and in a personal chat, the engine's silence is its own.
    await h.post(h.act.mention(agent, STAFF, 'bonjour'));
    await h.post(h.act.say(amina, 'ok'));
    expect(h.standin.posted()).toHaveLength(1);
  });

  it('turns an Action.Submit press into the button’s token, and replies to it', async () => {
    h.engine.answer((input) => [replyTo(input, [{ id: 'test-yes' }])]);
    await h.post(h.act.submit(amina, 'tok-123', 'card-activity-1'));
    expect(last()).toMatchObject({ content: { type: 'action', token: 'tok-123' }, replyToMessageId: 'card-activity-1' });
    expect(visible(h.standin.posted(amina.chat)[0]?.body.text)).toBe('Yes');
  });

  it('a card submission Palabre never issued (no token, or not a string) is a press the engine refuses, not silence', async () => {
    for (const value of [{ palabre: { $gt: '' } }, { other: 1 }, {}]) {
      await h.post({ ...h.act.submit(amina, 'x', 'card-activity-1'), value });
      expect(last()).toMatchObject({ content: { type: 'action', token: '' }, replyToMessageId: 'card-activity-1' });
    }
  });

  it('an Action.Execute press (invoke adaptiveCard/action) is the button’s token, answered as Teams expects', async () => {
    h.engine.answer((input) => [replyTo(input, [{ id: 'test-yes' }])]);
    const res = await h.post({ ...h.act.say(amina, ''), type: 'invoke', name: 'adaptiveCard/action', replyToId: 'card-activity-2', value: { action: { type: 'Action.Execute', verb: 'palabre', data: { palabre: 'tok-456' } } } });
    expect(last()).toMatchObject({ content: { type: 'action', token: 'tok-456' }, replyToMessageId: 'card-activity-2' });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: '' });
    expect(visible(h.standin.posted(amina.chat).at(-1)?.body.text)).toBe('Yes');
  });

  it('handles an activity delivered twice only once', async () => {
    const activity = h.act.say(amina, 'twice');
    await h.post(activity);
    await h.post(activity);
    expect(h.engine.inputs.filter((i) => i.content.type === 'text' && i.content.text === 'twice')).toHaveLength(1);
  });

  it('in a staff case thread: plain text goes as it is (a note), commands get the thread’s case', async () => {
    const thread = `${STAFF};messageid=1700000000001`;
    await h.threads.setCaseThread('teams', 'C-000042', 'staff', thread);
    await h.post(h.act.mention(agent, thread, 'seller called me, will refund tomorrow'));
    expect(last()).toMatchObject({ conversationId: thread, isStaffChannel: true, isPrivate: false, content: { type: 'text', text: 'seller called me, will refund tomorrow' } });
    await h.post(h.act.mention(agent, thread, '/refund 5000 recover'));
    expect(last().content).toEqual({ type: 'command', name: 'refund', args: ['C-000042', '5000', 'recover'], text: '/refund C-000042 5000 recover' });
    await h.post(h.act.mention(agent, thread, '/escalate harassment'));
    expect(last().content).toMatchObject({ name: 'escalate', args: ['C-000042', 'harassment'] });
    await h.post(h.act.mention(agent, thread, '/note C-000007 about another case'));
    expect(last().content).toMatchObject({ name: 'note', args: ['C-000007', 'about', 'another', 'case'] });
    await h.post(h.act.mention(agent, thread, '/suspend shop-bisou no answer'));
    expect(last().content).toMatchObject({ name: 'suspend', args: ['shop-bisou', 'no', 'answer'] });
  });

  it('turns Teams’ Reply on a bot message into a reply to that message, without the quote', async () => {
    await h.post(
      h.act.say(bisou, '', {
        text: '<blockquote itemscope="" itemtype="http://schema.skype.com/Reply" itemid="1700000000123"><strong itemprop="mri">Palabre</strong><p itemprop="preview">Nouveau litige C-000001</p></blockquote><p>Colis parti &amp; suivi envoyé</p>',
      }),
    );
    expect(last()).toMatchObject({ replyToMessageId: '1700000000123', content: { type: 'text', text: 'Colis parti & suivi envoyé' } });
    await h.post(
      h.act.say(bisou, 'Merci', {
        attachments: [{ contentType: 'text/html', content: '<blockquote itemtype="http://schema.skype.com/Reply" itemscope itemid="1700000000456"><p>…</p></blockquote><p>Merci</p>' }],
      }),
    );
    expect(last()).toMatchObject({ replyToMessageId: '1700000000456', content: { type: 'text', text: 'Merci' } });
  });

  it('reads the words of a message Teams sent as HTML, whatever entities it uses, without markup', async () => {
    await h.post(h.act.say(amina, '<p>Bonjour,</p><p>ma commande 1001 n&#39;est jamais arriv&eacute;e &amp; le vendeur ne r&#233;pond pas&nbsp;: &laquo;&#x2009;d&eacute;j&agrave; envoy&eacute;&#x2009;&raquo; &amp;lt;b&amp;gt;</p>', { textFormat: 'xml' }));
    expect(last().content).toEqual({ type: 'text', text: 'Bonjour,\nma commande 1001 n\'est jamais arrivée & le vendeur ne répond pas : «\u2009déjà envoyé\u2009» &lt;b&gt;' });
  });

  it('makes the thread where support first works on a case that case’s staff thread', async () => {
    const thread = `${STAFF};messageid=1700000000777`;
    h.engine.answer((input) => [replyTo(input, [], { card: card({ caseId: 'C-000077', viewerRole: 'support' }), caseId: 'C-000077', replaceKey: 'case-card:C-000077' })]);
    await h.post(h.act.mention(agent, thread, '/case C-000077'));
    expect(await h.threads.caseThread('teams', 'C-000077', 'staff')).toBe(thread);
    // Another case looked up in the same thread does not take it over.
    h.engine.answer((input) => [replyTo(input, [], { card: card({ caseId: 'C-000078', viewerRole: 'support' }), caseId: 'C-000078' })]);
    await h.post(h.act.mention(agent, thread, '/case C-000078'));
    expect(await h.threads.caseOfThread('teams', thread)).toBe('C-000077');
    expect(await h.threads.caseThread('teams', 'C-000078', 'staff')).toBeNull();
  });

  it('records an uninstall on the user’s link, and clears it when they come back', async () => {
    await h.links.put({ platform: 'teams', userId: bisou.id, accountId: 'acc-bisou', address: bisou.chat, linkedAt: '2026-11-01T00:00:00Z' });
    await h.post(h.act.installation(bisou, 'remove'));
    expect((await h.links.get('teams', bisou.id))?.blockedAt).toBeTruthy();
    await h.post(h.act.installation(bisou, 'add'));
    expect((await h.links.get('teams', bisou.id))?.blockedAt).toBeNull();
    await h.post(h.act.installation(bisou, 'remove'));
    await h.post(h.act.say(bisou, 'hello again'));
    expect((await h.links.get('teams', bisou.id))?.blockedAt).toBeNull();
  });

  it('answers politely and with 503 when a turn fails before the engine answers; the redelivery is handled once', async () => {
    h.engine.answer(() => {
      throw new Error('connect ECONNREFUSED 127.0.0.1:6379');
    });
    const activity = h.act.say(amina, 'break');
    // A failure, not a deliberate refusal: no Retry-After, so the request log reports it as a server error.
    expect(await h.post(activity)).toMatchObject({ status: 503, retryAfter: undefined });
    expect(visible(h.standin.posted(amina.chat)[0]?.body.text)).toContain('something went wrong');

    h.engine.answer((input) => [replyTo(input, [{ id: 'test-no' }])]);
    expect((await h.post(activity)).status).toBe(200);
    expect((await h.post(activity)).status).toBe(200);
    expect(h.engine.inputs).toHaveLength(2);
    expect(h.standin.posted(amina.chat).map((c) => visible(c.body.text))).toEqual([expect.stringContaining('something went wrong'), 'No']);

    await h.post(h.act.say(amina, 'again'));
    expect(visible(h.standin.posted(amina.chat)[2]?.body.text)).toBe('No');
  });

  it('answers 200 to an activity the engine handled even if its reply failed, apologises, and never runs it twice', async () => {
    h.engine.answer((input) => [replyTo(input, [{ id: 'test-no' }])]);
    h.standin.fail(400, { times: 1, match: (c) => c.conversationId === amina.chat });
    const activity = h.act.say(amina, 'handled');
    expect((await h.post(activity)).status).toBe(200);
    expect((await h.post(activity)).status).toBe(200);
    expect(h.engine.inputs).toHaveLength(1);
    expect(h.standin.posted(amina.chat).map((c) => visible(c.body.text))).toEqual([expect.stringContaining('something went wrong')]);
  });

  it('sends a reply meant for another known conversation proactively', async () => {
    await h.post(h.act.say(bisou, 'hi'));
    h.engine.answer((input) => [replyTo(input, [{ id: 'test-yes' }]), { ...replyTo(input, [{ id: 'test-raw', args: { text: 'to the seller' } }]), target: { conversationId: bisou.chat } }]);
    await h.post(h.act.say(amina, 'tell the seller'));
    await until(() => h.standin.posted(bisou.chat).length > 0, 'proactive reply');
    expect(visible(h.standin.posted(bisou.chat)[0]?.body.text)).toBe('to the seller');
  });

  it('shows choices as Adaptive Card buttons under the text', async () => {
    h.engine.answer((input) => [replyTo(input, [{ id: 'test-raw', args: { text: 'Which one?' } }], { choices: [{ label: { id: 'test-yes' }, token: 't-yes', style: 'primary' }, { label: { id: 'test-no' }, token: 't-no', style: 'danger' }] })]);
    await h.post(h.act.say(amina, 'choose'));
    const [msg] = h.standin.posted(amina.chat);
    expect(visible(msg?.body.text)).toBe('Which one?');
    expect(buttonsOf(cardOf(msg?.body))).toEqual([
      { title: 'Yes', token: 't-yes', style: 'positive' },
      { title: 'No', token: 't-no', style: 'destructive' },
    ]);
  });
});

describe('Teams adapter: an activity another process is handling', () => {
  it('is refused with 503 (no apology, not run) while that claim lives, and handled once it lapsed', async () => {
    const dedup = createMemoryDedup();
    const metrics = createMetrics();
    const h = await startHarness({ dedup, metrics });
    try {
      h.engine.answer((input) => [replyTo(input, [{ id: 'test-yes' }])]);
      const activity = h.act.say(amina, 'en cours ailleurs') as unknown as { id: string; conversation: { id: string } };
      // Another process claimed it, then died without confirming.
      expect(await dedup.claim(`teams:activity:${activity.conversation.id}:${activity.id}`, 'other-process', 300)).toBe('claimed');
      // A deliberate "come again" (Retry-After), as on Telegram's webhook: not logged as a server error.
      expect(await h.post(activity)).toMatchObject({ status: 503, retryAfter: '1' });
      expect(h.engine.inputs).toHaveLength(0);
      expect(h.standin.posted(amina.chat)).toHaveLength(0);
      await new Promise((r) => setTimeout(r, 400));
      expect((await h.post(activity)).status).toBe(200);
      expect((await h.post(activity)).status).toBe(200);
      expect(h.engine.inputs).toHaveLength(1);
      expect(h.engine.inputs[0]!.eventId).toBe(`teams:activity:${activity.conversation.id}:${activity.id}`);
      const exposition = await metrics.registry.metrics();
      expect(exposition).toContain('palabre_inbound_duplicates_total{platform="teams",outcome="refused"} 1');
      expect(exposition).toContain('palabre_inbound_duplicates_total{platform="teams",outcome="ignored"} 1');
    } finally {
      await h.close();
    }
  });
});

describe("Teams adapter: an activity whose user has another one under way on another process", () => {
  it('waits for that turn to end and then runs (200); refused with 503 when it does not end within the wait, not counted as a duplicate', async () => {
    const dedup = createMemoryDedup();
    const metrics = createMetrics();
    const h = await startHarness({ dedup, metrics });
    try {
      h.engine.answer((input) => [replyTo(input, [{ id: 'test-yes' }])]);
      const first = h.act.say(amina, 'pendant un autre tour') as unknown as { from: { id: string } };
      const user = `teams:user:${first.from.id}`;
      // Another process runs a turn of hers: released 200 ms later.
      expect(await dedup.claim(user, 'other-process', 6_000)).toBe('claimed');
      let releasedAt = 0;
      setTimeout(() => void dedup.release(user, 'other-process').then(() => (releasedAt = Date.now())), 200);
      expect((await h.post(first)).status).toBe(200);
      expect(releasedAt).toBeGreaterThan(0);
      expect(h.engine.inputs).toHaveLength(1);

      // A turn of hers that does not end (its process died a moment ago): refused for a redelivery, after the wait.
      expect(await dedup.claim(user, 'dead-process', 60_000)).toBe('claimed');
      const second = h.act.say(amina, 'encore');
      const t0 = Date.now();
      expect(await h.post(second)).toMatchObject({ status: 503, retryAfter: '1' });
      expect(Date.now() - t0).toBeGreaterThanOrEqual(2_000);
      expect(h.engine.inputs).toHaveLength(1);
      expect(h.standin.posted(amina.chat)).toHaveLength(1);
      await dedup.release(user);
      expect((await h.post(second)).status).toBe(200);
      expect(h.engine.inputs).toHaveLength(2);
      expect(await metrics.registry.metrics()).not.toContain('outcome="refused"} 1');
    } finally {
      await h.close();
    }
  });
});
