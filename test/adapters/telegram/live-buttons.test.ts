import { afterEach, describe, expect, it } from 'vitest';
import { shown, startApp, type App } from './app-harness.js';
import { amina, bisou, until } from './harness.js';

type Json = Record<string, any>;
const labels = (m: Json): string[] => ((m.reply_markup?.inline_keyboard as Json[][] | undefined) ?? []).flat().map((b) => String(b.text));

describe('Telegram: only live buttons (issue 13)', () => {
  let app: App;
  afterEach(async () => {
    await app.close();
  });

  async function caseForBisou(): Promise<Json> {
    app = await startApp();
    await app.link(amina, 'acc-amina');
    await app.link(bisou, 'acc-bisou');
    await app.p.cases.open({ accountId: 'acc-amina', platform: 'telegram' }, { orderId: 'CC-1001', reason: 'non_delivery', description: 'Rien reçu.' });
    return app.expectMessage(bisou.id, /C-000001/);
  }

  it('a newer confirmation for the same case takes the buttons off the older one (editMessageReplyMarkup)', async () => {
    await caseForBisou();
    const from = app.count(bisou.id);
    app.say(bisou, '/refund C-000001 1000');
    const first = await app.expectMessage(bisou.id, /Rembourser/, from);
    expect(labels(first)).toContain('Confirmer');
    app.say(bisou, '/refund C-000001 2000');
    const second = await app.expectMessage(bisou.id, /Rembourser .*2\s?000/, from + 1);
    const retired = await app.standin.waitForCall('editMessageReplyMarkup', (c) => Number(c.params.message_id) === first.message_id);
    expect(retired.params.reply_markup).toBeUndefined();
    expect(labels(app.standin.botMessages(bisou.id).find((m) => m.message_id === first.message_id)!)).toEqual([]);
    expect(labels(second)).toContain('Confirmer');
  });

  /** Messages of a chat that still show buttons, as the chat shows them now. */
  const withButtons = (chat: number) => app.standin.botMessages(chat).filter((m) => labels(m).length > 0).map(shown);

  /** Messages whose buttons were taken off more than once (each time a Bot API call). */
  const retiredTwice = (): string[] => {
    const edits = app.standin.callsOf('editMessageReplyMarkup').map((c) => `${String(c.params.chat_id)}/${String(c.params.message_id)}`);
    return [...new Set(edits.filter((e, i) => edits.indexOf(e) !== i))];
  };

  it('a case closed elsewhere takes its buttons off everything the seller still has on it: the card and the last relayed message', async () => {
    const card = await caseForBisou();
    expect(labels(card)).toContain('Rembourser en totalité');
    const from = app.count(bisou.id);
    await app.p.cases.act({ accountId: 'acc-amina', platform: 'web' }, 'C-000001', { type: 'Comment', text: 'Vous avez pu l’envoyer ?' });
    const relayed = await app.expectMessage(bisou.id, /Vous avez pu l’envoyer/, from);
    expect(labels(relayed)).toEqual(['Répondre à l’acheteur']);
    await app.p.cases.act({ accountId: 'acc-amina', platform: 'web' }, 'C-000001', { type: 'BuyerClose' });
    const closed = await app.expectMessage(bisou.id, /C-000001 est clos/, from);
    await until(() => withButtons(bisou.id).length === 0, 'no button left on the closed case');
    expect(labels(closed)).toEqual([]);
    for (const m of [card, relayed]) expect(app.standin.calls.some((c) => c.method === 'editMessageReplyMarkup' && Number(c.params.message_id) === m.message_id)).toBe(true);
  });

  it('the seller closing the case by a full refund leaves no button on it in their chat (the relayed message loses its Reply)', async () => {
    await caseForBisou();
    const from = app.count(bisou.id);
    await app.p.cases.act({ accountId: 'acc-amina', platform: 'web' }, 'C-000001', { type: 'Comment', text: 'Toujours rien.' });
    await app.expectMessage(bisou.id, /Toujours rien/, from);
    await app.press(bisou, 'Rembourser en totalité');
    await app.expectMessage(bisou.id, /Confirmer|Rembourser .* à l’acheteur/, from + 1);
    await app.press(bisou, 'Confirmer');
    await until(async () => (await app.p.cases.get({ accountId: 'acc-bisou', platform: 'telegram' }, 'C-000001')).status === 'closed', 'the case closed');
    await until(() => withButtons(bisou.id).length === 0, `no button left on the closed case (left: ${JSON.stringify(withButtons(bisou.id))})`);
    expect(await app.p.marketplace.refunds('CC-1001')).toHaveLength(1);
  });

  it('a confirmation pressed loses its buttons in one call, though the answer also takes over its slot', async () => {
    await caseForBisou();
    const from = app.count(bisou.id);
    await app.press(bisou, 'Rembourser en totalité');
    const confirmation = await app.expectMessage(bisou.id, /Confirmer|Rembourser .* à l’acheteur/, from);
    expect(labels(confirmation)).toContain('Confirmer');
    await app.press(bisou, 'Confirmer');
    await until(async () => (await app.p.cases.get({ accountId: 'acc-bisou', platform: 'telegram' }, 'C-000001')).status === 'closed', 'the case closed');
    await until(() => withButtons(bisou.id).length === 0, `no button left on the closed case (left: ${JSON.stringify(withButtons(bisou.id))})`);
    expect(app.standin.callsOf('editMessageReplyMarkup').filter((c) => Number(c.params.message_id) === confirmation.message_id)).toHaveLength(1);
    expect(retiredTwice()).toEqual([]);
  });

  it('a choice made takes its buttons off; pressing a button of a case closed since answers what changed and refunds nothing', async () => {
    const card = await caseForBisou();
    expect(labels(card)).toContain('Rembourser en totalité');
    const data = card.reply_markup.inline_keyboard.flat().find((b: Json) => b.text === 'Rembourser en totalité').callback_data;
    // The buyer closes the case elsewhere: the closing notice takes the buttons off the seller's card, but a client that
    // has not shown the edit yet (or an edit Telegram refused) still lets the seller press the refund button.
    await app.p.cases.act({ accountId: 'acc-amina', platform: 'web' }, 'C-000001', { type: 'BuyerClose' });
    await app.expectMessage(bisou.id, /C-000001 est clos/);
    const from = app.count(bisou.id);
    app.standin.push(app.standin.build.press(bisou, card, data));
    await until(() => app.standin.botMessages(bisou.id).some((m) => /ne s’applique plus : le litige C-000001 est clos/.test(shown(m))), 'the stale answer');
    expect(app.standin.botMessages(bisou.id).slice(from).map(shown).join('\n')).not.toMatch(/Confirmer|Rembourser .* à l’acheteur/);
    expect(await app.p.marketplace.refunds('CC-1001')).toHaveLength(0);
    // The pressed card loses its buttons; the case as it is now comes with none.
    await until(() => labels(app.standin.botMessages(bisou.id).find((m) => m.message_id === card.message_id)!).length === 0, 'the old card retired');
    const fresh = app.standin.botMessages(bisou.id).slice(from).find((m) => /Statut : clos/.test(shown(m)))!;
    expect(labels(fresh)).toEqual([]);
  });
});
