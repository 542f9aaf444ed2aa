import { afterEach, describe, expect, it } from 'vitest';
import type { StandinUser } from '../../support/telegram-standin.js';
import { seen, startTeamsApp, type TeamsApp } from './app-harness.js';
import { agent, amina, bisou, buttonsOf, cardOf, STAFF, until, visible } from './harness.js';

const DESCRIPTION = 'Le colis devait arriver il y a une semaine : rien <reçu> & *aucune* nouvelle';
const tgBisou: StandinUser = { id: 7002, first_name: 'Bisou', language_code: 'fr' };

/** A Teams "Reply" to one of the bot's messages: Teams quotes it in the HTML of the message. */
function quoting(messageId: string, text: string) {
  return {
    text: `<blockquote itemscope="" itemtype="http://schema.skype.com/Reply" itemid="${messageId}"><strong itemprop="mri">Palabre</strong><p itemprop="preview">…</p></blockquote><p>${text}</p>`,
    textFormat: 'plain',
  };
}

/** Amina reports in her Teams chat, from plain words to an opened case, with the card's buttons. */
async function openCase(app: TeamsApp): Promise<void> {
  await app.post(app.act.say(amina, 'ma commande n’est jamais arrivée'));
  await app.press(amina, 'CC-1001');
  await app.press(amina, 'Oui');
  await app.press(amina, 'Modifier la description');
  await app.expectMessage(amina.chat, /Décrivez/);
  await app.post(app.act.say(amina, DESCRIPTION));
  await app.expectMessage(amina.chat, /servira de description/);
  await app.press(amina, 'Ouvrir le litige maintenant');
  await app.expectMessage(amina.chat, /Le litige C-000001 est ouvert/);
}

describe.each([['memory'], ['redis']] as const)('Teams journeys on the composed app (%s)', (mode) => {
  let app: TeamsApp;
  afterEach(async () => {
    await app?.close();
  });

  it('install, link, report with card buttons, seller reply, a nudge after the turn, and support in a staff thread', async () => {
    app = await startTeamsApp({ redis: mode === 'redis', env: { POLICY_ESCALATION_AFTER: 'PT3S' } });
    await app.post(app.act.installPersonal(amina));
    await app.expectMessage(amina.chat, /Je suis Palabre/);
    await app.link(amina, 'acc-amina');
    await app.expectMessage(amina.chat, /C’est fait, Amina K\./);
    await app.post(app.act.installTeam(agent, [bisou]));
    await app.link(bisou, 'acc-bisou');
    await app.link(agent, 'acc-support-1');

    await openCase(app);
    const buyerCard = await app.expectMessage(amina.chat, /C-000001/);
    expect(visible(buyerCard.body.text) + seen(buyerCard)).toContain('rien <reçu> & *aucune* nouvelle');

    // The seller hears of it in his own chat, outside any turn of his.
    const sellerCard = await app.expectMessage(bisou.chat, /Nouveau litige C-000001/);
    expect(seen(sellerCard)).toContain('rien <reçu> & *aucune* nouvelle');

    // He answers with Teams' Reply on the case message: a comment the buyer receives.
    await app.post(app.act.say(bisou, '', quoting(sellerCard.id!, 'Bonjour, le colis est parti lundi avec DHL')));
    await app.expectMessage(amina.chat, /Le vendeur écrit dans le litige C-000001 : « Bonjour, le colis est parti lundi avec DHL »/);

    // Once escalation is possible the buyer is told, proactively, with the button to do it.
    await app.expectMessage(amina.chat, /vous pouvez maintenant le transmettre au support/);
    await app.press(amina, 'Transmettre au support');
    await app.press(amina, 'Confirmer');

    // Support gets one thread for the case in the staff channel.
    let thread = '';
    await until(async () => Boolean((thread = (await app.p.threads.caseThread('teams', 'C-000001', 'staff')) ?? '')), 'a staff thread');
    expect(thread.startsWith(`${STAFF};messageid=`)).toBe(true);
    await app.expectMessage(thread, /C-000001/);

    // Plain words in the thread are an internal note; a command acts on the thread's case.
    await app.post(app.act.mention(agent, thread, 'Le vendeur dit avoir expédié, à vérifier'));
    await app.expectMessage(thread, /Note interne ajoutée/);
    await app.post(app.act.mention(agent, thread, '/ask seller Merci d’envoyer le reçu DHL'));
    await app.expectMessage(bisou.chat, /Le support vous demande une information dans le litige C-000001 : « Merci d’envoyer le reçu DHL »/);

    const c = await app.p.store.load('C-000001');
    expect(c).toMatchObject({ status: 'escalated', buyerId: 'acc-amina' });
    expect(c!.timeline.map((e) => [e.type, e.actor.platform])).toEqual(
      expect.arrayContaining([['opened', 'teams'], ['comment', 'teams'], ['escalated', 'teams'], ['note', 'teams'], ['info_requested', 'teams']]),
    );
    // The note stays with support.
    expect(app.shownIn(amina.chat).some((m) => /à vérifier/.test(seen(m)))).toBe(false);
    expect(app.shownIn(bisou.chat).some((m) => /à vérifier/.test(seen(m)))).toBe(false);
  });
});

describe('Teams: only live buttons (issue 13)', () => {
  let app: TeamsApp;
  afterEach(() => app?.close());

  it('a newer confirmation updates the older one to a card without buttons; a stale confirmation answers what changed and refunds nothing', async () => {
    app = await startTeamsApp({});
    await app.post(app.act.installTeam(agent, [bisou]));
    await app.link(bisou, 'acc-bisou');
    await app.p.cases.open({ accountId: 'acc-amina', platform: 'web' }, { orderId: 'CC-1001', reason: 'non_delivery', description: 'Rien reçu.' });
    await app.expectMessage(bisou.chat, /Nouveau litige C-000001/);
    await app.press(bisou, 'Rembourser en totalité');
    const older = await app.expectMessage(bisou.chat, /Rembourser .* à l’acheteur dans le litige C-000001/);
    await app.press(bisou, 'Rembourser en totalité');
    // The older confirmation is updated in place (PUT) without its buttons.
    await until(() => app.standin.updated().some((u) => u.activityId === older.id && !JSON.stringify(u.body).includes('Action.Submit')), 'the older confirmation retired');

    const confirmation = await app.expectMessage(bisou.chat, /Rembourser .* à l’acheteur/);
    const card = await app.expectMessage(bisou.chat, /Nouveau litige C-000001/);
    const confirm = buttonsOf(cardOf(confirmation.body)).find((b) => b.title.includes('Confirmer'))!;
    await app.p.cases.act({ accountId: 'acc-amina', platform: 'web' }, 'C-000001', { type: 'BuyerClose' });
    // The closing notice updates the seller's card and confirmation to their versions without buttons.
    const retired = (id: string | undefined) => app.standin.updated().some((u) => u.activityId === id && !JSON.stringify(u.body).includes('Action.Submit'));
    await until(() => retired(card.id) && retired(confirmation.id), 'the card and the confirmation retired by the closing');
    // A client that still shows the confirmation's button: pressing it answers what changed.
    await app.post(app.act.submit(bisou, confirm.token, confirmation.id!));
    await app.expectMessage(bisou.chat, /ne s’applique plus : le litige C-000001 est clos/);
    expect(await app.p.marketplace.refunds('CC-1001')).toHaveLength(0);
    await until(() => app.standin.updated().some((u) => u.activityId === confirmation.id && !JSON.stringify(u.body).includes('Action.Submit')), 'the pressed confirmation retired');
  });
});

describe('Teams and Telegram together', () => {
  let app: TeamsApp;
  afterEach(() => app?.close());

  it('a buyer in Teams and the seller on Telegram talk in one case', async () => {
    app = await startTeamsApp({ telegram: true });
    await app.link(amina, 'acc-amina');
    await app.linkTelegram(tgBisou, 'acc-bisou');
    await openCase(app);

    const tg = app.tg!;
    let card: Record<string, any> | undefined;
    await until(() => Boolean((card = tg.botMessages(tgBisou.id).find((m) => /C-000001/.test(String(m.text ?? ''))))), 'the case on Telegram');
    tg.push(tg.build.text(tgBisou, { id: tgBisou.id, type: 'private', first_name: 'Bisou' }, 'Je rembourse demain, désolé', { replyTo: card!.message_id }));
    const relayed = await app.expectMessage(amina.chat, /Le vendeur écrit dans le litige C-000001 : « Je rembourse demain, désolé »/);

    // Amina answers with Teams' Reply on that message; the seller reads it on Telegram.
    const before = tg.botMessages(tgBisou.id).length;
    await app.post(app.act.say(amina, '', quoting(relayed.id!, 'Merci, j’attends')));
    await until(() => tg.botMessages(tgBisou.id).slice(before).some((m) => /Merci, j’attends/.test(String(m.text ?? ''))), 'the buyer’s answer on Telegram');
    const c = await app.p.store.load('C-000001');
    expect(c!.timeline.filter((e) => e.type === 'comment').map((e) => e.actor.platform)).toEqual(['telegram', 'teams']);
  });
});
