import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDate } from '../../../src/app/format.js';
import { renderMessage } from '../../../src/app/render.js';
import { TELEGRAM_CAPABILITIES } from '../../../adapters/telegram/capabilities.js';
import type { Link } from '../../../src/ports/links.js';
import { backendWorld, buttons, DAY, i18n, openCase, type World } from './harness.js';

const bisouLink: Link = { platform: 'telegram', userId: 'bisou', accountId: 'acc-bisou', address: 'dm-bisou', linkedAt: '2026-11-01T00:00:00Z' };

async function setUp(w: World) {
  const staff = await w.user({ account: 'acc-support-1', userId: 'sup', conversationId: 'staff-group', isPrivate: false, isStaffChannel: true });
  const bisou = await w.user({ account: 'acc-bisou', userId: 'bisou', conversationId: 'dm-bisou' });
  return { staff, bisou };
}

describe.each(['memory', 'redis'] as const)('A seller who does not respond may be suspended by support; resolving does not reinstate them; they ask support through a reinstatement request the bot opens (%s)', (kind) => {
  const world = backendWorld(kind, { beforeAll, afterAll });

  it('FR: a suspended seller is told why, asks for reinstatement once, and hears back when support reinstates the shop', async () => {
    const w = await world();
    const { staff, bisou } = await setUp(w);
    await staff.command('/suspend shop-bisou Ne répond plus aux litiges');
    expect(staff.ids()).toEqual(['engine-shop-suspended']);

    // The suspension reaches the seller, with the button to ask for reinstatement.
    const suspended = w.relayed.at(-1)!;
    expect(suspended).toMatchObject({ to: { accountId: 'acc-bisou' }, offerReinstatement: 'shop-bisou' });
    expect(suspended.id).not.toContain(':');
    const notified = await w.renderer.render(suspended, { link: bisouLink }, 'telegram');
    const at = (await w.cases.shopSuspension('shop-bisou'))!.at;
    expect(renderMessage(notified, i18n, TELEGRAM_CAPABILITIES).text).toContain(`Votre boutique Bisou Créations est suspendue par le support Congocrea depuis le ${formatDate(at, 'fr', 'Africa/Kinshasa')}. Motif : « Ne répond plus aux litiges ».`);
    expect(renderMessage(notified, i18n, TELEGRAM_CAPABILITIES).choices.map((c) => c.label)).toEqual(['Demander la réactivation']);

    // When the seller writes, the bot says it too (once a day), whatever they wrote about.
    await bisou.text('Bonjour');
    expect(bisou.ids()).toEqual(['engine-welcome-back', 'seller-outside-none', 'engine-shop-suspended-notice', 'engine-reinstatement-how']);
    expect(bisou.read()).toContain('Régler vos litiges ne lève pas la suspension');
    expect(buttons(bisou.last)).toEqual(['engine-action-ask-reinstatement']);
    const ask = bisou.token('engine-action-ask-reinstatement');
    await bisou.text('Bonjour ?');
    expect(bisou.ids()).toEqual(['engine-welcome-back', 'seller-outside-none']);

    await bisou.pressToken(ask);
    expect(bisou.ids()).toEqual(['engine-reinstatement-ask-message']);
    expect(bisou.last[0]!.expects).toBe('text');
    expect(buttons(bisou.last)).toEqual(['engine-choice-send-request', 'engine-choice-cancel']);
    await bisou.text('Toutes les commandes en retard sont expédiées.');
    expect(bisou.ids()).toEqual(['engine-reinstatement-sent']);
    expect(bisou.read()).toBe('Demande envoyée : le support examinera la réactivation de Bisou Créations et vous répondra ici.');

    const request = w.relayed.at(-1)!;
    expect(request).toMatchObject({ id: `reinstate-shop-bisou-${Date.parse(at)}`, to: { support: true } });
    const forSupport = await w.renderer.render(request, { support: true }, 'telegram');
    expect(renderMessage(forSupport, i18n, TELEGRAM_CAPABILITIES).text).toBe(
      [
        `Demande de réactivation : Bisou Créations demande la réactivation de la boutique Bisou Créations (shop-bisou). Suspendue depuis le ${formatDate(at, 'fr', 'Africa/Kinshasa')}, motif : « Ne répond plus aux litiges ».`,
        '« Toutes les commandes en retard sont expédiées. »',
        'Pour la réactiver : /reinstate shop-bisou',
      ].join('\n\n'),
    );

    // Once per suspension: the notification's button now says it is already with support.
    const relayedSoFar = w.relayed.length;
    await bisou.pressToken(notified.choices![0]!.token);
    expect(bisou.ids()[0]).toBe('engine-reinstatement-already');
    expect(w.relayed).toHaveLength(relayedSoFar);
    w.clock.advance(DAY + 1000);
    await bisou.text('Bonjour');
    expect(bisou.ids()).toEqual(['engine-welcome-back', 'seller-outside-none', 'engine-shop-suspended-notice', 'engine-reinstatement-pending']);
    expect(buttons(bisou.last)).toEqual([]);

    await staff.command('/reinstate shop-bisou');
    expect(staff.ids()).toEqual(['engine-shop-reinstated']);
    const back = w.relayed.at(-1)!;
    expect(back).toMatchObject({ to: { accountId: 'acc-bisou' }, body: [{ id: 'engine-relay-shop-reinstated' }] });
    expect(i18n.t('fr', back.body[0]!, 'Africa/Kinshasa')).toBe('Le support a réactivé votre boutique Bisou Créations.');
    w.clock.advance(DAY + 1000);
    await bisou.text('Bonjour');
    expect(bisou.ids()).toEqual(['engine-welcome-back', 'seller-outside-none']);
    // A button left over from the lifted suspension refuses politely.
    await bisou.pressToken(notified.choices![0]!.token);
    expect(bisou.ids()).toEqual(['error-shop-not-suspended']);
  });

  it('a suspended seller who asks in words (« svp réactivez ma boutique ») has the request opened with those words, once', async () => {
    const w = await world();
    const { staff, bisou } = await setUp(w);
    await staff.command('/suspend shop-bisou Ne répond plus');
    await bisou.text('svp réactivez ma boutique, j’ai tout expédié');
    expect(bisou.ids()).toEqual(['engine-reinstatement-sent']);
    const request = w.relayed.filter((n) => 'support' in n.to);
    expect(request).toHaveLength(1);
    expect(request[0]!.body).toContainEqual({ id: 'engine-relay-quote', args: { text: 'svp réactivez ma boutique, j’ai tout expédié' } });
    expect(await w.cases.shopSuspension('shop-bisou')).not.toBeNull();
    await bisou.text('please reinstate my shop');
    expect(bisou.ids()[0]).toBe('engine-reinstatement-already');
    expect(w.relayed.filter((n) => 'support' in n.to)).toHaveLength(1);
  });

  it('a seller whose shop is not suspended who asks for reinstatement is told it is not, and support hears nothing', async () => {
    const w = await world();
    const { bisou } = await setUp(w);
    await openCase(w, 'CC-1001', 'non_delivery');
    await bisou.text('svp réactivez ma boutique');
    expect(bisou.ids()).toEqual(['engine-shop-not-suspended']);
    expect(bisou.read()).toBe('Votre boutique Bisou Créations n’est pas suspendue : il n’y a pas de réactivation à demander.');
    expect(w.relayed).toEqual([]);
  });

  it('EN: the request may go without a message; a new suspension allows a new request', async () => {
    const w = await world();
    const { staff, bisou } = await setUp(w);
    await bisou.command('/lang en');
    await staff.command('/suspend shop-bisou Ignored three support actions');
    await bisou.command('/help');
    expect(bisou.read()).toContain('Your shop Bisou Créations has been suspended by Congocrea support since');
    expect(bisou.read()).toContain('Reason: "Ignored three support actions".');
    await bisou.press('engine-action-ask-reinstatement');
    await bisou.press('engine-choice-send-request');
    expect(bisou.read()).toBe('Request sent: support will review the reinstatement of Bisou Créations and tell you here.');
    expect(w.relayed.at(-1)!.body.map((b) => b.id)).toEqual(['engine-relay-reinstatement-request', 'engine-relay-reinstatement-how']);
    const first = w.relayed.at(-1)!.id;

    await staff.command('/reinstate shop-bisou');
    w.clock.advance(60_000);
    await staff.command('/suspend shop-bisou Again');
    w.clock.advance(DAY + 1000);
    await bisou.text('hello');
    await bisou.press('engine-action-ask-reinstatement');
    await bisou.press('engine-choice-send-request');
    expect(bisou.ids()).toEqual(['engine-reinstatement-sent']);
    expect(w.relayed.at(-1)!.id).not.toBe(first);
  });

  it('the suspension is never shown in a case thread the buyer reads, and another seller cannot ask for this shop', async () => {
    const w = await world();
    const { staff } = await setUp(w);
    const caseId = await openCase(w, 'CC-1001', 'non_delivery');
    await staff.command('/suspend shop-bisou Inactif');
    await w.threads.setCaseThread('discord', caseId, 'parties', 'th-9');
    const inThread = await w.user({ account: 'acc-bisou', platform: 'discord', conversationId: 'th-9', isPrivate: false });
    await inThread.text('Je regarde.', { threadId: 'th-9' });
    expect(inThread.ids()).toEqual(['engine-done-comment']);

    const notified = await w.renderer.render(w.relayed.at(-1)!, { link: { ...bisouLink, accountId: 'acc-lumiere' } }, 'telegram');
    // Rendered for someone who does not own the shop: no button.
    expect(notified.choices).toBeUndefined();
    const lumiere = await w.user({ account: 'acc-lumiere' });
    const own = await w.renderer.render(w.relayed.at(-1)!, { link: bisouLink }, 'telegram');
    await lumiere.pressToken(own.choices![0]!.token);
    expect(lumiere.ids()).toEqual(['error-action-invalid']);
  });
});
