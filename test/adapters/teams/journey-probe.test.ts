/**
 * A blind probe of whole journeys through the Microsoft Teams adapter, as the people would notice them: a buyer in her
 * personal chat writing as people write (typos, no accents, French/Swahili/English mixes, Teams' HTML), picking by card
 * buttons or words, a photo as evidence, the seller answering with Teams' Reply, support in the staff channel escalating,
 * refunding, deciding and reopening; buttons pressed twice, by the wrong person, after the case closed, an old report's
 * button; a team channel vs the personal chat, mentions, edits, long messages, files too big or of a wrong type, a user
 * who is not linked. Written from the spec, the README, docs/, the locales and the harnesses only, before reading the
 * adapter or engine.
 *
 * As first written: 15 of 20 passed (failing: Teams' HTML message; the whole journey with an inline photo; support
 * escalating with a French ground; support refund/decide/reopen; a text over the limit and a 5,000-character comment).
 * Two were real and are fixed in the adapter: a picture pasted in the chat, which Teams sends as `image/*`, was refused as
 * a file Palabre does not keep (test/adapters/teams/files.test.ts); HTML character references other than six (`&eacute;`,
 * `&#233;`, `&laquo;`) reached the case as written (test/adapters/teams/inbound.test.ts). Three were the probe's mistakes:
 * a support refund, even partial, settles the case (docs/rules.md), so « decide » after it found it closed; support's own
 * escalation is shown where the agent typed it, with the card, not in a new staff thread (as on Discord); Teams trims the
 * message, so its length is one less. As on Discord, a mention in a team channel got no answer; fixed (inbound.test.ts).
 * After the fixes: 20 of 20.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { ConnectorCall } from '../../support/teams-standin.js';
import { seen, startTeamsApp, type TeamsApp } from './app-harness.js';
import { agent, amina, bisou, buttonsOf, cardOf, STAFF, TEAM, until } from './harness.js';

const JPEG = Buffer.from('/9j/2wBDAA0JCgsKCA0LCgsODg0PEyAVExISEyccHhcgLikxMC4pLSwzOko+MzZGNywtQFdBRkxOUlNSMj5aYVpQYEpRUk//2wBDAQ4ODhMREyYVFSZPNS01T09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT0//wAARCAAMABADASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAX/xAAUEAEAAAAAAAAAAAAAAAAAAAAA/8QAFAEBAAAAAAAAAAAAAAAAAAAABf/EABQRAQAAAAAAAAAAAAAAAAAAAAD/2gAMAwEAAhEDEQA/AJwA0w//2Q==', 'base64');
const APOLOGY = /un problème est survenu de notre côté|quelque chose s’est mal passé/i;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
type Person = typeof amina;
const joel = { id: '29:joel', name: 'Joël M.', chat: 'a:chat-joel' };

let app: TeamsApp;
const t = (id: string) => app.p.i18n.t('fr', { id }, 'Africa/Kinshasa');
const all = (chat: string) => app.shownIn(chat).map(seen).join('\n---\n');
/** Bot messages to conversations starting with `prefix` (a channel and its reply threads), latest versions. */
const inChannel = (prefix: string) => {
  const ids = new Set(app.standin.calls.filter((c) => c.conversationId?.startsWith(prefix)).map((c) => c.conversationId!));
  return [...ids].flatMap((id) => app.shownIn(id));
};

/** Says something in the person's chat; what the bot posted there in answer (once something new arrived). */
async function say(p: Person, text: string, extra: Record<string, unknown> = {}): Promise<string> {
  const from = app.standin.calls.length;
  await app.post({ ...app.act.say(p, text), ...extra });
  await until(() => app.standin.calls.slice(from).some((c) => c.conversationId === p.chat || c.body?.activity), `an answer to « ${text.slice(0, 40)} »`).catch(() => undefined);
  await sleep(100);
  return app.standin.calls.slice(from).filter((c) => c.conversationId === p.chat).map(seen).join('\n---\n');
}

/** The live buttons in the person's chat as it stands (latest version of each message). */
const live = (chat: string) => app.shownIn(chat).flatMap((c) => buttonsOf(cardOf(c.body)).map((b) => ({ ...b, activityId: c.id! })));
const titles = (chat: string) => live(chat).map((b) => b.title);

/** Presses the newest button whose title contains `title` in `p`'s chat; what the bot answered in that chat. */
async function tap(p: Person, title: string): Promise<string> {
  const b = await (async () => {
    let hit: ReturnType<typeof live>[number] | undefined;
    await until(() => Boolean((hit = [...live(p.chat)].reverse().find((x) => x.title.includes(title)))), `a « ${title} » button for ${p.name}:\n${all(p.chat)}`);
    return hit!;
  })();
  return submit(p, b.token, b.activityId);
}

async function submit(p: Person, token: string, activityId: string): Promise<string> {
  const from = app.standin.calls.length;
  await app.post(app.act.submit(p, token, activityId));
  await sleep(100);
  return app.standin.calls.slice(from).filter((c) => c.conversationId === p.chat || c.activityId).map((c) => seen(c)).join('\n---\n');
}

/** A support command mentioning the bot in the staff channel; what the bot posted in answer. */
async function staff(text: string, who: Person = agent): Promise<ConnectorCall[]> {
  const from = app.standin.calls.length;
  await app.post(app.act.mention(who, STAFF, text));
  await sleep(100);
  return app.standin.calls.slice(from).filter((c) => c.method === 'POST' || c.method === 'PUT');
}

/** Presses a button among `calls` in the staff channel. */
async function staffTap(calls: ConnectorCall[], title: string): Promise<boolean> {
  const c = calls.find((x) => buttonsOf(cardOf(x.body?.activity ?? x.body)).some((b) => b.title.includes(title)));
  if (!c) return false;
  const b = buttonsOf(cardOf(c.body?.activity ?? c.body)).find((x) => x.title.includes(title))!;
  await app.post({ ...app.act.mention(agent, c.conversationId ?? c.id!, ''), text: '', entities: [], value: { palabre: b.token }, replyToId: c.id });
  return true;
}

const load = async (id: string) => (await app.p.store.load(id))!;

async function world(...who: ('amina' | 'bisou' | 'agent')[]) {
  app = await startTeamsApp();
  await app.post(app.act.installTeam(agent, [bisou, amina]));
  const accounts = { amina: 'acc-amina', bisou: 'acc-bisou', agent: 'acc-support-1' } as const;
  const people = { amina, bisou, agent } as const;
  for (const k of who) await app.link(people[k], accounts[k]);
}

/** Amina reports CC-1001 in words and opens it in three taps; the case id. */
async function aminaOpens(words = 'bonjour ma commande 1001 est jamais arrivee'): Promise<string> {
  const said = await say(amina, words);
  expect(said).toContain('CC-1001');
  await tap(amina, t('engine-choice-yes-reason'));
  await tap(amina, t('buyer-flow-choice-open-now'));
  const m = await app.expectMessage(amina.chat, /Le litige C-\d{6} est ouvert/);
  return /C-\d{6}/.exec(seen(m))![0];
}

const quoting = (messageId: string, text: string) => ({
  text: `<blockquote itemscope="" itemtype="http://schema.skype.com/Reply" itemid="${messageId}"><strong itemprop="mri">Palabre</strong><p itemprop="preview">…</p></blockquote><p>${text}</p>`,
  textFormat: 'plain',
});

describe('Teams journeys, as the people notice them', () => {
  afterEach(async () => {
    await app?.close();
  });

  it('an unlinked buyer saying hello is told how to link, with Teams’ « link <jeton> », and nothing is opened', async () => {
    app = await startTeamsApp();
    const said = await say(amina, 'bjr ma commande est pas arrivee');
    expect(said).toMatch(/reliez|Reliez/);
    expect(said).toContain('link <jeton>');
    expect(said).not.toMatch(APOLOGY);
    expect(await app.p.store.list({})).toHaveLength(0);
  });

  it('a mistyped or forged link token is refused clearly and links nothing', async () => {
    app = await startTeamsApp();
    const said = await say(amina, 'link abc123-pas-un-vrai-jeton');
    expect(said).toMatch(/n’est pas valide/);
    expect(await app.p.links.get('teams', amina.id)).toBeFalsy();
  });

  it('typos and no accents: « slt ma commande CC1001 jamai recu » proposes non-delivery for CC-1001 with yes/no buttons', async () => {
    await world('amina');
    const said = await say(amina, 'slt ma commande CC1001 jamai recu');
    expect(said).toMatch(/CC-1001/);
    expect(said).toMatch(/commande non reçue/);
    expect(titles(amina.chat)).toEqual(expect.arrayContaining([t('engine-choice-yes-reason'), t('engine-choice-no-reason')]));
  });

  it('Swahili mixed in: the answer stays French, names the order, and offers Swahili', async () => {
    await world('amina');
    const said = await say(amina, 'habari, oda yangu 1001 haijafika bado');
    expect(said).toMatch(/CC-1001/);
    expect(said).toMatch(/commande non reçue/);
    expect(said).toMatch(/Naweza kukujibu kwa Kiswahili/);
  });

  it('Teams’ HTML message (paragraphs, entities) is read as words and stored without markup', async () => {
    await world('amina');
    const said = await say(amina, '<p>Bonjour,</p><p>ma commande 1001 n&#39;est jamais arriv&eacute;e &amp; le vendeur ne r&eacute;pond pas</p>', { textFormat: 'xml' });
    expect(said).toMatch(/CC-1001/);
    await tap(amina, t('engine-choice-yes-reason'));
    await tap(amina, t('buyer-flow-choice-open-now'));
    const m = await app.expectMessage(amina.chat, /Le litige C-\d{6} est ouvert/);
    const c = await load(/C-\d{6}/.exec(seen(m))![0]);
    expect(c.description).not.toMatch(/<p>|&#39;|&amp;|&eacute;/);
    expect(c.description).toMatch(/n'est jamais arrivée & le vendeur ne répond pas|n’est jamais arrivée & le vendeur ne répond pas/);
  });

  it('a whole journey: words, yes, an inline photo, open; the seller gets the card and answers with Reply', async () => {
    await world('amina', 'bisou');
    await say(amina, 'ma commande 1001 toujours pas la');
    await tap(amina, t('engine-choice-yes-reason'));
    const url = app.standin.host(JPEG, 'image/jpeg', true);
    const ack = await say(amina, '', app.act.attach(amina, [{ contentType: 'image/*', contentUrl: url }], 'le carton'));
    expect(ack).toMatch(/fichier ajouté|ajouté/);
    await tap(amina, t('buyer-flow-choice-open-now'));
    const m = await app.expectMessage(amina.chat, /Le litige C-\d{6} est ouvert pour la commande CC-1001/);
    const caseId = /C-\d{6}/.exec(seen(m))![0];
    expect((await load(caseId)).timeline.filter((e) => e.type === 'evidence')).toHaveLength(1);
    const card = await app.expectMessage(bisou.chat, new RegExp(`Nouveau litige ${caseId}`));
    await app.post(app.act.say(bisou, '', quoting(card.id!, 'Bonjour madame, je vérifie avec le livreur')));
    await app.expectMessage(amina.chat, /Le vendeur écrit dans le litige .*« Bonjour madame, je vérifie avec le livreur »/);
  });

  it('« Ouvrir le litige maintenant » pressed twice opens one case and the second press is not an apology', async () => {
    await world('amina');
    await say(amina, 'commande 1001 pas arrivee');
    await tap(amina, t('engine-choice-yes-reason'));
    const b = await (async () => {
      await until(() => titles(amina.chat).includes(t('buyer-flow-choice-open-now')), 'open now');
      return [...live(amina.chat)].reverse().find((x) => x.title === t('buyer-flow-choice-open-now'))!;
    })();
    await submit(amina, b.token, b.activityId);
    await app.expectMessage(amina.chat, /Le litige C-\d{6} est ouvert/);
    const second = await submit(amina, b.token, b.activityId);
    expect(second).toMatch(/n’est plus en cours|déjà/);
    expect(second).not.toMatch(APOLOGY);
    expect(await app.p.store.list({})).toHaveLength(1);
    expect(titles(amina.chat)).not.toContain(t('buyer-flow-choice-open-now'));
  });

  it('the seller submitting the buyer’s « Oui, c’est ça » token is refused; her report still works', async () => {
    await world('amina', 'bisou');
    await say(amina, 'ma commande 1001 pas recu');
    await until(() => titles(amina.chat).includes(t('engine-choice-yes-reason')), 'yes button');
    const b = [...live(amina.chat)].reverse().find((x) => x.title === t('engine-choice-yes-reason'))!;
    const foreign = await submit(bisou, b.token, b.activityId);
    expect(foreign).toMatch(/Ce bouton n’est pas valable ici\. Rien n’a été modifié/);
    expect(foreign).not.toMatch(/servira de description|C-\d{6}/);
    expect(all(amina.chat)).not.toMatch(/servira de description/);
    const mine = await submit(amina, b.token, b.activityId);
    expect(mine).not.toMatch(/n’est plus en cours|plus valable/);
    expect(all(amina.chat)).toMatch(/CC-1001/);
  });

  it('an old report’s button after a new report began is refused and opens nothing', async () => {
    await world('amina');
    await say(amina, 'ma commande 1001 jamais arrivee');
    await until(() => titles(amina.chat).includes(t('engine-choice-yes-reason')), 'yes button');
    const old = [...live(amina.chat)].reverse().find((x) => x.title === t('engine-choice-yes-reason'))!;
    const said = await say(amina, 'non en fait la 1002, le sac est abime, pas comme sur la photo');
    expect(said).toContain('CC-1002');
    const answer = await submit(amina, old.token, old.activityId);
    expect(answer).toMatch(/remplacé|n’est plus en cours|plus valable/);
    expect(await app.p.store.list({})).toHaveLength(0);
    expect(live(amina.chat).some((b) => b.token === old.token)).toBe(false);
  });

  it('the buyer closes the case: her card and the seller’s lose their buttons, and an old seller button changes nothing', async () => {
    await world('amina', 'bisou');
    const caseId = await aminaOpens();
    await app.expectMessage(bisou.chat, new RegExp(`Nouveau litige ${caseId}`));
    await until(() => titles(bisou.chat).includes(t('engine-action-refund-full')), 'seller refund button');
    const refund = [...live(bisou.chat)].reverse().find((x) => x.title === t('engine-action-refund-full'))!;
    await tap(amina, t('engine-action-close'));
    if (titles(amina.chat).includes(t('engine-choice-confirm'))) await tap(amina, t('engine-choice-confirm'));
    await until(async () => (await load(caseId)).status === 'closed', 'closed');
    expect((await load(caseId)).resolution).toBe('buyer_closed');
    await app.expectMessage(bisou.chat, new RegExp(`${caseId} est clos`));
    await until(() => titles(bisou.chat).length === 0 && !titles(amina.chat).some((x) => [t('engine-action-close'), t('engine-action-photo'), t('engine-action-escalate')].includes(x)), 'no live case buttons');
    const stale = await submit(bisou, refund.token, refund.activityId);
    expect(stale).toMatch(/clos|plus valable|ne s’applique plus/);
    expect(await app.p.marketplace.refunds('CC-1001')).toHaveLength(0);
  });

  it('the seller refunds in full from his card: the case closes and the buyer is told', async () => {
    await world('amina', 'bisou');
    const caseId = await aminaOpens();
    await app.expectMessage(bisou.chat, new RegExp(`Nouveau litige ${caseId}`));
    await tap(bisou, t('engine-action-refund-full'));
    await tap(bisou, t('engine-choice-confirm'));
    await until(async () => (await load(caseId)).status === 'closed', 'closed');
    expect((await load(caseId)).resolution).toBe('refunded');
    await app.expectMessage(amina.chat, /a remboursé .*remboursement total/);
    await until(() => titles(bisou.chat).length === 0, 'seller buttons gone');
  });

  it('support escalates in the staff channel with a French ground; the buyer and seller are told, and the agent has the case card with support’s buttons', async () => {
    await world('amina', 'bisou', 'agent');
    const caseId = await aminaOpens();
    const answer = await staff(`escalate ${caseId} harcèlement`);
    await staffTap(answer, t('engine-choice-confirm'));
    await until(async () => (await load(caseId)).status === 'escalated', 'escalated');
    expect((await load(caseId)).escalationGround).toBe('harassment');
    await app.expectMessage(amina.chat, new RegExp(`${caseId} a été transmis au support pour harcèlement`));
    await app.expectMessage(bisou.chat, new RegExp(`${caseId} a été transmis au support pour harcèlement`));
    // In the staff channel, where the agent typed it: the case card with what support can do next.
    await until(() => inChannel(STAFF).some((c) => seen(c).includes(caseId) && buttonsOf(cardOf(c.body)).some((b) => b.title === t('engine-action-decide'))), 'the staff card');
  });

  it('support refunds part with recovery (which settles the case), reopens, decides for the seller, reopens: each reaches the buyer', async () => {
    await world('amina', 'bisou', 'agent');
    const caseId = await aminaOpens();
    await staffTap(await staff(`escalate ${caseId} inactivity`), t('engine-choice-confirm'));
    await until(async () => (await load(caseId)).status === 'escalated', 'escalated');
    const refund = await staff(`refund ${caseId} 10000 recover`);
    expect(await staffTap(refund, t('engine-choice-refund-recover'))).toBe(true);
    await until(async () => (await load(caseId)).refunded.amount === 1_000_000, 'partial refund');
    expect(await load(caseId)).toMatchObject({ status: 'closed', resolution: 'support_refund' });
    await app.expectMessage(amina.chat, /Le support a remboursé 10.000,00.CDF \(remboursement partiel\)/);
    await staffTap(await staff(`reopen ${caseId}`), t('engine-choice-confirm'));
    await until(async () => (await load(caseId)).status === 'escalated', 'reopened');
    await app.expectMessage(amina.chat, new RegExp(`rouvert le litige ${caseId}`));
    await staffTap(await staff(`decide ${caseId} seller`), t('engine-choice-confirm'));
    await until(async () => (await load(caseId)).resolution === 'seller_favour', 'decided');
    await app.expectMessage(amina.chat, /tranché en faveur du vendeur/);
    const from = app.shownIn(amina.chat).length;
    await staffTap(await staff(`reopen ${caseId}`), t('engine-choice-confirm'));
    await until(async () => (await load(caseId)).status !== 'closed', 'reopened again');
    await until(() => app.shownIn(amina.chat).slice(from).some((c) => new RegExp(`rouvert le litige ${caseId}`).test(seen(c))), 'the second reopening told');
    // The buyer acts on the reopened case: /case shows it with buttons.
    const shown = await say(amina, `/case ${caseId}`);
    expect(shown).toContain(caseId);
    expect(titles(amina.chat).length).toBeGreaterThan(0);
  });

  it('a support command from the seller in the staff channel, or from the buyer in her chat, is refused and changes nothing', async () => {
    await world('amina', 'bisou', 'agent');
    const caseId = await aminaOpens();
    const before = JSON.stringify(await load(caseId));
    const fromSeller = await staff(`decide ${caseId} seller`, bisou);
    expect(fromSeller.map(seen).join('\n')).toMatch(/support/);
    expect(fromSeller.some((c) => buttonsOf(cardOf(c.body?.activity ?? c.body)).length > 0)).toBe(false);
    const fromBuyer = await say(amina, `/decide ${caseId} seller`);
    expect(fromBuyer).toMatch(/support/);
    expect(JSON.stringify(await load(caseId))).toBe(before);
  });

  it('a buyer mentioning the bot about her order in a team channel is pointed to her personal chat; nothing of her orders is shown there', async () => {
    app = await startTeamsApp();
    await app.post(app.act.installTeam(agent, [joel]));
    await app.link(joel, 'acc-joel');
    await app.post(app.act.mention(joel, TEAM, 'ma commande 1006 est jamais arrivee'));
    await until(() => inChannel(TEAM).some((c) => /écrivez-moi dans une conversation privée/.test(seen(c))), 'the pointer to the personal chat');
    const shown = inChannel(TEAM).map(seen).join('\n');
    expect(shown).not.toMatch(/CC-1006|CC-1007|Panier|Sandales|Lubumbashi/);
    expect(inChannel(TEAM).flatMap((c) => buttonsOf(cardOf(c.body)))).toEqual([]);
  });

  it('editing the report’s first message updates the description the case opens with', async () => {
    await world('amina');
    const first = app.act.say(amina, 'ma commande 1001 jamais arrivee');
    await app.post(first);
    await app.expectMessage(amina.chat, /CC-1001/);
    await tap(amina, t('engine-choice-yes-reason'));
    const from = app.standin.calls.length;
    await app.post({ ...first, type: 'messageUpdate', text: 'ma commande 1001 jamais arrivee, payée par mobile money le 2', timestamp: new Date(Date.now() + 1).toISOString(), channelData: { ...first.channelData, eventType: 'editMessage' } });
    await until(() => app.standin.calls.slice(from).some((c) => /Description mise à jour/.test(seen(c))), 'description updated');
    await tap(amina, t('buyer-flow-choice-open-now'));
    const m = await app.expectMessage(amina.chat, /Le litige C-\d{6} est ouvert/);
    expect((await load(/C-\d{6}/.exec(seen(m))![0])).description).toContain('payée par mobile money le 2');
  });

  it('a text over the limit is refused with the limit and its length, and nothing is stored; a 5,000-character comment reaches the seller whole', async () => {
    await world('amina', 'bisou');
    const caseId = await aminaOpens();
    const before = (await load(caseId)).timeline.length;
    const huge = 'Le colis n’est jamais arrivé et personne ne répond. '.repeat(300);
    const refused = await say(amina, huge);
    expect(refused).toMatch(/trop long/);
    // Its length as she sent it (Teams drops the trailing space).
    expect(refused).toMatch(new RegExp(`12.300 caractères au plus \\(il en fait ${String(huge.trim().length).replace(/\B(?=(\d{3})+$)/g, '.')}\\)`));
    expect((await load(caseId)).timeline).toHaveLength(before);

    // Inside the case: Teams' Reply on the buyer's case card.
    const card = await app.expectMessage(amina.chat, new RegExp(`Litige ${caseId}`));
    const long = 'Le livreur est passé mais personne ne m’a appelée. '.repeat(100).slice(0, 5000) + ' FIN';
    const fromSeller = app.shownIn(bisou.chat).length;
    await app.post(app.act.say(amina, '', quoting(card.id!, long)));
    await until(() => app.shownIn(bisou.chat).map(seen).join('').includes('FIN'), 'the end of the long comment at the seller');
    // Cut into messages of at most 4,000 characters, nothing lost between them.
    const parts = app.shownIn(bisou.chat).slice(fromSeller).map((c) => seen(c));
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(4000);
    expect(parts.join(' ').replace(/\s+/g, ' ')).toContain(long.slice(3900, 4200).replace(/\s+/g, ' ').trim().split(' ').slice(1, -1).join(' '));
    await until(async () => (await load(caseId)).timeline.some((e) => e.type === 'comment' && (e as { text?: string }).text?.endsWith('FIN')), 'the comment stored whole');
  });

  it('a file too big and a file of a wrong type are refused with the reason, and nothing is added', async () => {
    await world('amina', 'bisou');
    const caseId = await aminaOpens();
    const before = (await load(caseId)).timeline.length;
    const big = app.standin.host(Buffer.concat([JPEG, Buffer.alloc(30 * 1024 * 1024)]), 'image/jpeg', false);
    const tooBig = await say(amina, '', app.act.attach(amina, [{ contentType: 'application/vnd.microsoft.teams.file.download.info', name: 'photo-colis.jpg', content: { downloadUrl: big, uniqueId: 'u-big', fileType: 'jpg' } }]));
    expect(tooBig).toMatch(/trop volumineux/);
    const exe = app.standin.host(Buffer.from('MZ\x90\x00 not a document'), 'application/octet-stream', false);
    const wrong = await say(amina, '', app.act.attach(amina, [{ contentType: 'application/vnd.microsoft.teams.file.download.info', name: 'facture.exe', content: { downloadUrl: exe, uniqueId: 'u-exe', fileType: 'exe' } }], 'la facture'));
    expect(wrong).toMatch(/ne peux garder que|pas accepté/);
    expect(wrong).not.toMatch(APOLOGY);
    expect((await load(caseId)).timeline).toHaveLength(before);
  });

  it('a PDF receipt sent in the personal chat once the case is open goes to that case, and the seller is told', async () => {
    await world('amina', 'bisou');
    const caseId = await aminaOpens();
    const pdf = app.standin.host(Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'), 'application/pdf', false);
    const said = await say(amina, '', app.act.attach(amina, [{ contentType: 'application/vnd.microsoft.teams.file.download.info', name: 'recu-paiement.pdf', content: { downloadUrl: pdf, uniqueId: 'u-pdf', fileType: 'pdf' } }]));
    expect(said).toMatch(/ajouté/);
    await until(async () => (await load(caseId)).timeline.some((e) => e.type === 'evidence'), 'evidence');
    await app.expectMessage(bisou.chat, new RegExp(`a ajouté un document au litige ${caseId}`));
  });

  it('words written after the case closed are not sent to the seller, and the buyer is told so', async () => {
    await world('amina', 'bisou');
    const caseId = await aminaOpens();
    await tap(amina, t('engine-action-close'));
    if (titles(amina.chat).includes(t('engine-choice-confirm'))) await tap(amina, t('engine-choice-confirm'));
    await until(async () => (await load(caseId)).status === 'closed', 'closed');
    const card = await app.expectMessage(amina.chat, new RegExp(`Litige ${caseId}`));
    const from = app.shownIn(bisou.chat).length;
    await app.post(app.act.say(amina, '', quoting(card.id!, 'finalement toujours rien recu')));
    await sleep(600);
    expect(all(amina.chat)).toMatch(/clos/);
    expect(app.shownIn(bisou.chat).slice(from).map(seen).join('\n')).not.toContain('finalement toujours rien recu');
  });
});
