import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TurnInput } from '../../../src/ports/turn.js';
import { cardOf, eventually, makeCase, replyTo, startHarness, USERS, type Harness } from './harness.js';

const choices = (n: number) => Array.from({ length: n }, (_, i) => ({ label: { id: 'test-option', args: { n: i + 1 } }, token: `tok-${i + 1}` }));
const callbacks = (h: Harness, interactionId: string) => h.standin.calls.filter((c) => c.path.startsWith(`/interactions/${interactionId}/`));

describe('Discord interactions', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(async () => {
    await h.stop();
  });

  it('registers the command table in the server at start, French as localizations, support commands hidden', async () => {
    const put = await h.standin.waitFor((c) => c.method === 'PUT' && c.path === `/applications/${h.standin.applicationId}/guilds/${h.standin.guildId}/commands`);
    const byName = new Map((put.body as any[]).map((c) => [c.name, c]));
    expect([...byName.keys()].sort()).toEqual(
      ['ask', 'cancel', 'case', 'cases', 'close', 'decide', 'escalate', 'help', 'lang', 'link', 'note', 'refund', 'reinstate', 'reopen', 'report', 'start', 'suspend', 'tracking', 'take', 'release'].sort(),
    );
    const refund = byName.get('refund');
    expect(refund.description).toBe('Refund the buyer, fully or partly');
    expect(refund.description_localizations.fr).toBe('Rembourser l’acheteur, en tout ou en partie');
    expect(refund.default_member_permissions).toBeNull();
    expect(refund.options.map((o: any) => [o.name, o.type, o.required, o.name_localizations?.fr])).toEqual([
      ['case', 3, true, 'litige'],
      ['amount', 10, false, 'montant'],
      ['recover', 5, false, 'recouvrer'],
    ]);
    expect(refund.options[0].autocomplete).toBe(true);
    for (const name of ['decide', 'reopen', 'ask', 'note', 'suspend', 'reinstate', 'take', 'release']) {
      expect(byName.get(name).default_member_permissions).toBe(String(1n << 13n));
    }
    expect(byName.get('escalate').options[1].choices.map((c: any) => c.value)).toEqual(['inactivity', 'harassment', 'refusal', 'manipulation', 'integrity']);
  });

  it('offers the four languages in /lang; with no Lingala or Swahili locale in Discord, those users see the French names', async () => {
    const put = await h.standin.waitFor((c) => c.method === 'PUT' && c.path === `/applications/${h.standin.applicationId}/guilds/${h.standin.guildId}/commands`);
    const lang = (put.body as any[]).find((c) => c.name === 'lang');
    expect(lang.options[0].choices.map((c: any) => [c.value, c.name])).toEqual([
      ['fr', 'Français'],
      ['en', 'English'],
      ['ln', 'Lingala'],
      ['sw', 'Kiswahili'],
    ]);
    // Localizations only in locales Discord has: French here; never `ln` or `sw`, which Discord would refuse.
    for (const c of put.body as any[]) {
      for (const key of Object.keys({ ...c.name_localizations, ...c.description_localizations })) expect(['fr']).toContain(key);
    }
  });

  it('turns a slash command with options into the text form the engine knows', async () => {
    h.engine.answer((input) => [replyTo(input, [{ id: 'test-raw', args: { text: 'Remboursement noté' } }])]);
    const id = h.standin.command({ user: USERS.bisou, name: 'refund', options: [{ name: 'case', type: 3, value: 'C-000001' }, { name: 'amount', type: 10, value: 5000 }] });
    await eventually(() => expect(h.standin.repliesTo(id)[0]?.content).toBe('Remboursement noté'));
    expect(h.engine.inputs[0]!.content).toEqual({ type: 'command', name: 'refund', args: ['C-000001', '5000'], text: '/refund C-000001 5000' });
    expect(h.engine.inputs[0]!.languageHint).toBe('fr');
    expect(callbacks(h, id).map((c) => c.body.type)).toEqual([4]);
  });

  it('refuses a support command to a member without the support role, and runs it for support in the staff channel', async () => {
    const refused = h.standin.command({ user: USERS.stranger, channelId: h.standin.staffChannelId, name: 'note', options: [{ name: 'case', type: 3, value: 'C-000001' }, { name: 'text', type: 3, value: 'suspect' }] });
    await eventually(() => expect(h.standin.repliesTo(refused)[0]?.content).toBe('Cette commande est réservée à l’équipe support.'));
    expect(callbacks(h, refused)[0]!.body.data.flags).toBe(64);
    // A support-only option on a shared command is refused the same way.
    const recover = h.standin.command({ user: USERS.bisou, channelId: h.standin.casesChannelId, name: 'refund', options: [{ name: 'case', type: 3, value: 'C-000001' }, { name: 'recover', type: 5, value: true }] });
    await eventually(() => expect(h.standin.repliesTo(recover)[0]?.content).toBe('Cette commande est réservée à l’équipe support.'));
    expect(h.engine.inputs).toHaveLength(0);

    h.engine.answer((input) => [replyTo(input, [{ id: 'test-raw', args: { text: 'Note ajoutée' } }])]);
    const ok = h.standin.command({ user: USERS.agent, channelId: h.standin.staffChannelId, name: 'note', options: [{ name: 'case', type: 3, value: 'C-000001' }, { name: 'text', type: 3, value: 'vendeur injoignable' }] });
    await eventually(() => expect(h.standin.repliesTo(ok)[0]?.content).toBe('Note ajoutée'));
    expect(h.engine.inputs[0]).toMatchObject({ isStaffChannel: true, content: { type: 'command', name: 'note', args: ['C-000001', 'vendeur injoignable'] } });
  });

  it('answers in ordinary server channels for the asker only', async () => {
    h.engine.answer((input) => [replyTo(input, [{ id: 'test-raw', args: { text: 'Vos dossiers' } }])]);
    const id = h.standin.command({ user: USERS.bisou, channelId: h.standin.casesChannelId, name: 'cases' });
    await eventually(() => expect(h.standin.repliesTo(id)).toHaveLength(1));
    expect(callbacks(h, id)[0]!.body).toMatchObject({ type: 4, data: { content: 'Vos dossiers', flags: 64 } });
  });

  it('defers a slow answer, then edits it in', async () => {
    await h.stop();
    h = await startHarness({ ackAfterMs: 30 });
    h.engine.answer(async (input) => {
      await new Promise((r) => setTimeout(r, 300));
      return [replyTo(input, [{ id: 'test-raw', args: { text: 'Enfin' } }])];
    });
    const id = h.standin.command({ user: USERS.amina, name: 'cases' });
    await eventually(() => expect(h.standin.repliesTo(id)[0]?.content).toBe('Enfin'));
    expect(callbacks(h, id).map((c) => c.body.type)).toEqual([5]);
    expect(h.standin.calls.some((c) => c.method === 'PATCH' && c.path.endsWith('/messages/@original') && c.body.content === 'Enfin')).toBe(true);
  });

  it('shows engine choices as buttons and hands the pressed token to the engine', async () => {
    h.engine.answer((input) => [replyTo(input, [{ id: 'test-pick' }], { choices: choices(3).map((c, i) => (i === 2 ? { ...c, style: 'danger' as const } : c)) })]);
    h.standin.sendMessage({ author: USERS.amina, content: 'bonjour' });
    const dm = h.standin.dmChannelId(USERS.amina.id);
    const msg = await eventually(() => h.standin.messagesIn(dm)[0] ?? Promise.reject(new Error('no message')));
    expect(msg.components).toHaveLength(1);
    expect(msg.components[0].components.map((b: any) => [b.type, b.label, b.style, b.custom_id])).toEqual([
      [2, 'Option 1', 2, 'a:tok-1'],
      [2, 'Option 2', 2, 'a:tok-2'],
      [2, 'Option 3', 4, 'a:tok-3'],
    ]);

    h.engine.answer((input) => [replyTo(input, [{ id: 'test-raw', args: { text: 'Option 2 retenue' } }])]);
    const id = h.standin.clickButton({ user: USERS.amina, messageId: msg.id, customId: 'a:tok-2' });
    await eventually(() => expect(h.standin.repliesTo(id)[0]?.content).toBe('Option 2 retenue'));
    expect(h.engine.inputs.at(-1)!.content).toEqual({ type: 'action', token: 'tok-2' });
  });

  it('puts a long list in a select menu and hands the chosen token to the engine', async () => {
    h.engine.answer((input) => [replyTo(input, [{ id: 'test-pick' }], { choices: choices(7) })]);
    h.standin.sendMessage({ author: USERS.amina, content: 'mes commandes' });
    const dm = h.standin.dmChannelId(USERS.amina.id);
    const msg = await eventually(() => h.standin.messagesIn(dm)[0] ?? Promise.reject(new Error('no message')));
    const menu = msg.components[0].components[0];
    expect(menu).toMatchObject({ type: 3, custom_id: 's:0', placeholder: 'Choisissez…' });
    expect(menu.options).toHaveLength(7);

    const id = h.standin.selectOption({ user: USERS.amina, messageId: msg.id, customId: 's:0', values: [menu.options[5].value] });
    await eventually(() => expect(h.engine.inputs.at(-1)!.content).toEqual({ type: 'action', token: 'tok-6' }));
    await eventually(() => expect(h.standin.repliesTo(id)).toHaveLength(1));
  });

  it('carries a token too long for a custom_id through the key-value store', async () => {
    const long = `long-${'x'.repeat(120)}`;
    h.engine.answer((input) => [replyTo(input, [{ id: 'test-pick' }], { choices: [{ label: { id: 'test-option', args: { n: 1 } }, token: long }] })]);
    h.standin.sendMessage({ author: USERS.amina, content: 'bonjour' });
    const msg = await eventually(() => h.standin.messagesIn(h.standin.dmChannelId(USERS.amina.id))[0] ?? Promise.reject(new Error('no message')));
    const customId = msg.components[0].components[0].custom_id as string;
    expect(customId.length).toBeLessThanOrEqual(100);
    h.standin.clickButton({ user: USERS.amina, messageId: msg.id, customId });
    await eventually(() => expect(h.engine.inputs.at(-1)!.content).toEqual({ type: 'action', token: long }));
  });

  it('refuses forged custom ids without reaching the engine', async () => {
    h.engine.answer((input) => [replyTo(input, [{ id: 'test-pick' }], { choices: choices(2) })]);
    h.standin.sendMessage({ author: USERS.amina, content: 'bonjour' });
    const dm = h.standin.dmChannelId(USERS.amina.id);
    const msg = await eventually(() => h.standin.messagesIn(dm)[0] ?? Promise.reject(new Error('no message')));
    const before = h.engine.inputs.length;
    for (const customId of ['delete-everything', 'a:', 'a:has space', 'f:nothing', `a:~${'x'.repeat(16)}`]) {
      const id = h.standin.clickButton({ user: USERS.amina, messageId: msg.id, customId });
      await eventually(() => expect(h.standin.repliesTo(id)[0]?.content).toBe('Ce bouton n’est plus valable. Tapez /cases pour voir vos litiges.'));
      expect(callbacks(h, id)[0]!.body.data.flags).toBe(64);
    }
    expect(h.engine.inputs).toHaveLength(before);
  });

  it('offers a form for a free-text step and hands what was typed to the engine', async () => {
    h.engine.answer((input) => [replyTo(input, [{ id: 'test-tracking' }], { expects: 'tracking' })]);
    const ask = h.standin.command({ user: USERS.bisou, name: 'tracking', options: [{ name: 'case', type: 3, value: 'C-000001' }, { name: 'carrier', type: 3, value: 'x' }, { name: 'number', type: 3, value: 'y' }] });
    const question = await eventually(() => h.standin.repliesTo(ask)[0] ?? Promise.reject(new Error('no reply')));
    const open = question.components[0].components[0];
    expect(open).toMatchObject({ type: 2, custom_id: 'f:tracking', label: 'Saisir le suivi' });

    const click = h.standin.clickButton({ user: USERS.bisou, messageId: question.id, customId: open.custom_id });
    const shown = await eventually(() => callbacks(h, click)[0] ?? Promise.reject(new Error('no modal')));
    expect(shown.body.type).toBe(9);
    expect(shown.body.data.custom_id).toBe('m:tracking');
    expect(shown.body.data.components.map((r: any) => r.components[0].custom_id)).toEqual(['carrier', 'number']);

    h.engine.answer((input: TurnInput) => [replyTo(input, [{ id: 'test-raw', args: { text: 'Suivi ajouté' } }])]);
    const submit = h.standin.submitModal({ user: USERS.bisou, customId: 'm:tracking', fields: { carrier: 'dhl', number: 'JD0142' } });
    await eventually(() => expect(h.standin.repliesTo(submit)[0]?.content).toBe('Suivi ajouté'));
    expect(h.engine.inputs.at(-1)!.content).toEqual({ type: 'text', text: 'dhl JD0142' });
  });

  it("completes the case option from the user's own cases", async () => {
    h.cases.add(makeCase('C-000001'));
    h.cases.add(makeCase('C-000002', { orderId: 'CC-2002', status: 'escalated' }));
    h.cases.add(makeCase('C-000003', { buyerId: 'acc-other', sellerId: 'acc-other-shop' }));
    await h.link(USERS.amina, 'acc-amina');
    const id = h.standin.command({ user: USERS.amina, name: 'case', autocomplete: true, options: [{ name: 'case', type: 3, value: 'c-00000', focused: true }] });
    const answered = await eventually(() => callbacks(h, id)[0] ?? Promise.reject(new Error('no answer')));
    expect(answered.body.type).toBe(8);
    expect(answered.body.data.choices.map((c: any) => c.value).sort()).toEqual(['C-000001', 'C-000002']);
    expect(answered.body.data.choices.find((c: any) => c.value === 'C-000002').name).toBe('C-000002 · CC-2002 · transmis au support');
  });

  it('shows a case card as an embed with its actions as buttons', async () => {
    const c = makeCase('C-000004', { description: '**Rien** reçu' });
    h.engine.answer((input) => [replyTo(input, [], { caseId: c.id, card: cardOf(c, 'buyer', choices(6)) })]);
    const id = h.standin.command({ user: USERS.amina, name: 'case', options: [{ name: 'case', type: 3, value: c.id }] });
    const card = await eventually(() => h.standin.repliesTo(id)[0] ?? Promise.reject(new Error('no card')));
    expect(card.embeds[0].description).toContain('\\*\\*Rien\\*\\* reçu');
    expect(card.components.map((r: any) => r.components.length)).toEqual([5, 1]);
  });
});
