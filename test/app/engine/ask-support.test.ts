import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderMessage } from '../../../src/app/render.js';
import { TELEGRAM_CAPABILITIES } from '../../../adapters/telegram/capabilities.js';
import { backendWorld, buttons, i18n, openCase } from './harness.js';

describe.each(['memory', 'redis'] as const)('seller actions include "ask support" (%s)', (kind) => {
  const world = backendWorld(kind, { beforeAll, afterAll });

  it('FR: the seller asks support from the card; support gets the message with the case card and sees it on the timeline', async () => {
    const w = await world();
    const caseId = await openCase(w, 'CC-1001', 'non_delivery');
    const seller = await w.user({ account: 'acc-bisou', platform: 'discord' });
    await seller.command(`/case ${caseId}`);
    expect(buttons(seller.last)).toContain('engine-action-support');
    expect(renderMessage(seller.last[0]!, i18n, TELEGRAM_CAPABILITIES).card!.actions.map((a) => a.label)).toContain('Demander au support');

    await seller.press('engine-action-support');
    expect(seller.ids()).toEqual(['engine-ask-support']);
    expect(seller.last[0]!.expects).toBe('text');
    await seller.text('Le transporteur dit avoir livré, l’acheteuse dit que non. Que faire ?');
    expect(seller.ids()).toEqual(['engine-done-support-requested']);
    expect(seller.read()).toBe('Votre message a été transmis au support avec le litige. Le support vous répondra ici.');

    const c = (await w.store.load(caseId))!;
    expect(c.timeline.at(-1)).toMatchObject({ type: 'support_requested', actor: { role: 'seller' }, text: 'Le transporteur dit avoir livré, l’acheteuse dit que non. Que faire ?' });
    expect(c.status).toBe('open');
    const toSupport = (await w.outbox(caseId)).filter((n) => 'support' in n.to);
    expect(toSupport).toHaveLength(1);
    expect(toSupport[0]).toMatchObject({ card: true, body: [{ id: 'notify-support-requested', args: { author: 'seller' } }] });
    // The buyer is not copied on a question to support.
    expect((await w.outbox(caseId)).filter((n) => 'accountId' in n.to && n.to.accountId === 'acc-amina')).toEqual([]);

    const out = await w.renderer.render(toSupport[0]!, { support: true }, 'telegram');
    expect(out.card!.viewerRole).toBe('support');
    expect(renderMessage(out, i18n, TELEGRAM_CAPABILITIES).text).toBe(`Le vendeur demande l’aide du support dans le litige ${caseId} : « Le transporteur dit avoir livré, l’acheteuse dit que non. Que faire ? »`);

    const staff = await w.user({ account: 'acc-support-1', conversationId: 'staff-group', isPrivate: false, isStaffChannel: true });
    await staff.command(`/case ${caseId}`);
    expect(staff.ids()).toContain('engine-timeline-support-requested');
    expect(staff.read()).toContain('vendeur (discord) · demande au support : « Le transporteur dit avoir livré');
  });

  it('EN: the support notification reads in the recipient’s language', async () => {
    const w = await world();
    const caseId = await openCase(w, 'CC-1002', 'not_as_described');
    const seller = await w.user({ account: 'acc-bisou' });
    await seller.command('/lang en');
    await seller.command(`/case ${caseId}`);
    expect(renderMessage(seller.last[0]!, i18n, TELEGRAM_CAPABILITIES).card!.actions.map((a) => a.label)).toContain('Ask support');
    await seller.press('engine-action-support');
    expect(seller.read()).toContain(`What do you need from support about case ${caseId}?`);
    await seller.text('The buyer insulted me in the thread.');
    expect(seller.read()).toBe('Your message has been sent to support with the case. Support will answer you here.');
    const n = (await w.outbox(caseId)).find((x) => 'support' in x.to)!;
    expect(i18n.t('en', n.body[0]!, 'Africa/Kinshasa')).toBe(`The seller asks support for help on case ${caseId}: “The buyer insulted me in the thread.”`);
  });

  it('a closed case offers no "ask support", and the old button is refused', async () => {
    const w = await world();
    const caseId = await openCase(w, 'CC-1001', 'non_delivery');
    const seller = await w.user({ account: 'acc-bisou' });
    await seller.command(`/case ${caseId}`);
    const ask = seller.token('engine-action-support');
    await w.cases.act({ accountId: 'acc-amina', platform: 'telegram' }, caseId, { type: 'BuyerClose' });
    await seller.pressToken(ask);
    // What changed, not a prompt for a message that could not be sent; the card comes back without the button.
    expect(seller.ids()).toEqual(['engine-stale-button']);
    expect(seller.read()).toContain('Ce bouton ne s’applique plus : le litige C-000001 est clos depuis le');
    expect(buttons(seller.last)).toEqual([]);
    expect(seller.last[0]!.expects).toBeUndefined();
    await seller.command(`/case ${caseId}`);
    expect(buttons(seller.last)).toEqual([]);
    expect((await w.store.load(caseId))!.timeline.some((e) => e.type === 'support_requested')).toBe(false);
  });

  it('the buyer’s card keeps Escalate, not "ask support"', async () => {
    const w = await world();
    const caseId = await openCase(w, 'CC-1001', 'non_delivery');
    const amina = await w.user({ account: 'acc-amina' });
    await amina.command(`/case ${caseId}`);
    expect(buttons(amina.last)).not.toContain('engine-action-support');
  });
});
