import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { splitText, TEXT_LIMIT } from '../../../adapters/teams/cards.js';
import { parseText } from '../../../adapters/teams/parse.js';
import { amina, bisou, buttonsOf, card, cardOf, cardTexts, replyTo, startHarness, visible, type Harness } from './harness.js';

describe('Teams rendering', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());
  beforeEach(() => {
    h.engine.inputs.length = 0;
    h.standin.calls.length = 0;
  });

  const caseCard = (extra = {}) =>
    card({ actions: [{ label: { id: 'test-yes' }, token: 'tok-close', style: 'primary' }, { label: { id: 'test-no' }, token: 'tok-escalate', style: 'danger' }], ...extra });

  it('shows a case as an Adaptive Card whose texts are plain runs (no Markdown from the user)', async () => {
    h.engine.answer((input) => [replyTo(input, [{ id: 'test-raw', args: { text: 'Case opened' } }], { card: caseCard({ description: '**free** _money_ [x](http://evil)' }), caseId: 'C-000001', replaceKey: 'case-card:C-000001' })]);
    await h.post(h.act.say(amina, 'open'));
    const [msg] = h.standin.posted(amina.chat);
    expect(visible(msg?.body.text)).toBe('Case opened');
    const content = cardOf(msg?.body);
    expect(content.version).toBe('1.4');
    const texts = cardTexts(content);
    expect(texts[0]).toBe('Case C-000001 · Pagne wax 6 yards');
    expect(texts).toContain('Description: **free** _money_ [x](http://evil)');
    expect(JSON.stringify(content)).not.toContain('"TextBlock"');
    expect(buttonsOf(content).map((b) => b.token)).toEqual(['tok-close', 'tok-escalate']);
    // Replies to the card become comments on the case.
    expect(await h.threads.caseOfMessage('teams', amina.chat, msg!.id!)).toBe('C-000001');
  });

  it('escapes the user’s words in text messages', async () => {
    h.engine.answer((input) => [replyTo(input, [{ id: 'test-raw', args: { text: '<script>alert(1)</script> & <at>all</at>' } }])]);
    await h.post(h.act.say(amina, 'x'));
    const [msg] = h.standin.posted(amina.chat);
    expect(msg?.body.textFormat).toBe('xml');
    expect(msg?.body.text).toBe('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;at&gt;all&lt;/at&gt;');
  });

  it('splits a long text into several messages, buttons on the last', async () => {
    const paragraph = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(40);
    h.engine.answer((input) => [
      replyTo(input, [1, 2, 3, 4].map((n) => ({ id: 'test-raw', args: { text: `${n}. ${paragraph}` } })), { choices: [{ label: { id: 'test-yes' }, token: 't-ok' }] }),
    ]);
    await h.post(h.act.say(amina, 'long'));
    const posted = h.standin.posted(amina.chat);
    expect(posted.length).toBeGreaterThan(1);
    for (const p of posted) expect((p.body.text ?? '').length).toBeLessThanOrEqual(TEXT_LIMIT);
    const words = (s: string) => s.replace(/\s+/g, ' ').trim();
    // Nothing lost, nothing added, in order.
    expect(words(posted.map((p) => visible(p.body.text)).join(' ')) === words([1, 2, 3, 4].map((n) => `${n}. ${paragraph}`).join(' '))).toBe(true);
    expect(buttonsOf(cardOf(posted.at(-1)?.body)).map((b) => b.token)).toEqual(['t-ok']);
    expect(posted.slice(0, -1).every((p) => !p.body.attachments?.length)).toBe(true);
  });

  it('updates the pressed card in place when its case changed, and says what happened below', async () => {
    h.engine.answer((input) => [replyTo(input, [], { card: caseCard(), caseId: 'C-000002', replaceKey: 'case-card:C-000002' })]);
    await h.post(h.act.say(bisou, '/case C-000002'));
    const cardId = h.standin.posted(bisou.chat)[0]!.id!;
    h.standin.calls.length = 0;
    h.engine.answer((input) => [
      replyTo(input, [{ id: 'test-raw', args: { text: 'Refund done' } }], { card: caseCard({ status: 'closed', resolution: 'refunded', closedAt: '2026-11-05T10:00:00Z', actions: [] }), caseId: 'C-000002', replaceKey: 'case-card:C-000002' }),
    ]);
    await h.post(h.act.submit(bisou, 'tok-refund', cardId));
    const [update] = h.standin.updated();
    expect(update?.activityId).toBe(cardId);
    expect(cardTexts(cardOf(update?.body))).toContain('Status: closed');
    expect(buttonsOf(cardOf(update?.body))).toEqual([]);
    const posted = h.standin.posted(bisou.chat);
    expect(posted.map((p) => visible(p.body.text))).toEqual(['Refund done']);
  });

  it('posts a new card when the change did not come from that card, and retires the old one’s buttons', async () => {
    h.engine.answer((input) => [replyTo(input, [], { card: caseCard({ caseId: 'C-000003' }), caseId: 'C-000003', replaceKey: 'case-card:C-000003' })]);
    await h.post(h.act.say(amina, '/case C-000003'));
    const oldId = h.standin.posted(amina.chat)[0]!.id!;
    h.standin.calls.length = 0;
    await h.post(h.act.say(amina, '/case C-000003'));
    const [fresh] = h.standin.posted(amina.chat);
    expect(fresh?.id).not.toBe(oldId);
    expect(buttonsOf(cardOf(fresh?.body))).toHaveLength(2);
    const [retired] = h.standin.updated();
    expect(retired?.activityId).toBe(oldId);
    expect(buttonsOf(cardOf(retired?.body))).toEqual([]);
    expect(cardTexts(cardOf(retired?.body))[0]).toBe('Case C-000003 · Pagne wax 6 yards');
  });

  it('falls back to a new card when Teams refuses the update', async () => {
    h.engine.answer((input) => [replyTo(input, [], { card: caseCard({ caseId: 'C-000004' }), caseId: 'C-000004', replaceKey: 'case-card:C-000004' })]);
    await h.post(h.act.say(amina, '/case C-000004'));
    const oldId = h.standin.posted(amina.chat)[0]!.id!;
    h.standin.calls.length = 0;
    h.standin.fail(404, { times: 1, match: (c) => c.method === 'PUT' });
    await h.post(h.act.submit(amina, 'tok-x', oldId));
    const posted = h.standin.posted(amina.chat);
    expect(posted).toHaveLength(1);
    expect(cardTexts(cardOf(posted[0]?.body))[0]).toBe('Case C-000004 · Pagne wax 6 yards');
  });
});

describe('Teams text helpers', () => {
  it('splits at paragraph, line and word boundaries, never losing text', () => {
    const text = `${'a'.repeat(30)}\n\n${'b '.repeat(30)}\n${'c'.repeat(70)}`;
    const parts = splitText(text, 40);
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(40);
    expect(parts.join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
    expect(parts[0]).toBe('a'.repeat(30));
    expect(splitText('<<<<<<<<<<', 20).join('')).toBe('<<<<<<<<<<');
    expect(splitText('<<<<<<<<<<', 20).length).toBeGreaterThan(1);
    expect(splitText('   ')).toEqual([]);
  });

  it('recognizes commands typed with or without a slash, and leaves sentences alone', () => {
    expect(parseText('/Help')).toMatchObject({ type: 'command', name: 'help', args: [] });
    expect(parseText('/lang fr')).toMatchObject({ type: 'command', name: 'lang', args: ['fr'] });
    expect(parseText('lang en')).toMatchObject({ type: 'command', name: 'lang', args: ['en'] });
    expect(parseText('cases waiting')).toMatchObject({ type: 'command', name: 'cases', args: ['waiting'] });
    expect(parseText('close')).toMatchObject({ type: 'command', name: 'close' });
    expect(parseText('close the case please')).toEqual({ type: 'text', text: 'close the case please' });
    expect(parseText('case c-12')).toMatchObject({ type: 'command', name: 'case', args: ['c-12'] });
    expect(parseText('/ask C-1 buyer  photo please')).toMatchObject({ type: 'command', name: 'ask', args: ['C-1', 'buyer', 'photo', 'please'], text: '/ask C-1 buyer  photo please' });
    expect(parseText('cancel my order')).toEqual({ type: 'text', text: 'cancel my order' });
    expect(parseText('/nonsense x')).toMatchObject({ type: 'command', name: 'nonsense' });
  });
});
