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

  it('a choice made takes its buttons off; pressing a button of a case closed since answers what changed and refunds nothing', async () => {
    const card = await caseForBisou();
    expect(labels(card)).toContain('Rembourser en totalité');
    // The buyer closes the case elsewhere; the seller's card in Telegram still shows the refund button.
    await app.p.cases.act({ accountId: 'acc-amina', platform: 'web' }, 'C-000001', { type: 'BuyerClose' });
    const from = app.count(bisou.id);
    const data = card.reply_markup.inline_keyboard.flat().find((b: Json) => b.text === 'Rembourser en totalité').callback_data;
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
