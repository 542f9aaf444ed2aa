/**
 * A buyer's very first contact, before and around linking (SPEC section 5), probed blind: what a newcomer notices in
 * their chat. Telegram through the Bot API stand-in; Discord, Teams and the clock-bound cases through the engine harness.
 *
 * As first written: 25 of 30 passed, but 5 passed vacuously (it looked for « jamais arrivée », which the help text's own
 * example holds); with her own words looked for it fails too: 24 of 30. Failing:
 * - 5: what she wrote before linking is dropped: after /start she gets the greeting and the help, nothing of her words;
 * - 11, 12, 13: a token pasted as plain text (bare, with spaces/line breaks around it, or as the whole t.me deep link)
 *   does not link: it is read as words;
 * - 18: the deep link pressed twice: the second /start with the same token is refused as « déjà servi » although
 *   she is linked to that very account;
 * - 24: /start <token> in a group links her there and says so in the group, without pointing her to the private chat.
 * Fixed in src/app/engine (flows/onboarding.ts, router.ts): a token pasted as words (alone, with spaces around it, as the
 * deep link, or after `token:`) links as /start <token> does; a spent token sent by a chat already linked says it is linked;
 * linking from a group answers there without name or help and points to the private chat; what an unlinked user writes
 * in private is kept 30 minutes and, once a buyer links, quoted back and read as the start of the report.
 * 26 passed but was weak (she read a stranger's welcome, as if she had never linked): strengthened, and fixed.
 * After the fixes: 30 of 30.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { languageDetectorFromLocales } from '../../../src/app/language.js';
import { createWorld, type World } from '../../app/engine/harness.js';
import { shown, startApp, type App } from './app-harness.js';
import { OTHER_GROUP, amina, bisou, agent, privateChat, until } from './harness.js';
import type { StandinUser } from '../../support/telegram-standin.js';

type Json = Record<string, any>;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const detector = languageDetectorFromLocales('locales');
const APOLOGY = /un problème est survenu|something went wrong/i;
/** Words that tell a newcomer how to link: the command or the link from the marketplace. */
const HOW_TO_LINK = /\/start|\/link|lien|link/i;
const joel: StandinUser = { id: 7010, first_name: 'Joël', language_code: 'fr' };
const newcomer: StandinUser = { id: 7011, first_name: 'Neema', language_code: 'fr' };

describe('a newcomer on Telegram, before and around linking', () => {
  let app: App;
  afterEach(async () => {
    await app?.close();
  });

  /** Everything the bot wrote in a chat from position `from`, as read. */
  const seen = (chat: number, from = 0) => app.standin.botMessages(chat).slice(from).map(shown);
  const labels = (chat: number, from = 0): string[] =>
    app.standin.botMessages(chat).slice(from).flatMap((m: Json) => ((m.reply_markup?.inline_keyboard as Json[][] | undefined) ?? []).flat().map((b) => String(b.text)));
  /** Waits until every update was taken and the chat has been quiet a moment. */
  const settle = async (chat: number) => {
    await until(() => app.standin.pendingUpdates() === 0, 'updates taken');
    let n = -1;
    while (n !== app.count(chat)) {
      n = app.count(chat);
      await sleep(500);
    }
  };
  const linkOf = (u: StandinUser) => app.p.links.get('telegram', String(u.id));
  /** Sends a line and returns what the bot answered to it. */
  const ask = async (u: StandinUser, text: string, chat = privateChat(u)) => {
    const from = app.count(chat.id);
    app.say(u, text, { chat });
    await until(() => app.count(chat.id) > from, `an answer to « ${text} »`);
    await settle(chat.id);
    return seen(chat.id, from).join('\n');
  };

  it('1. an unlinked buyer describing a problem in French is told kindly, in French, how to link', async () => {
    app = await startApp();
    const said = await ask(newcomer, 'bonjour ma commande n’est jamais arrivée');
    expect(said).toMatch(HOW_TO_LINK);
    expect(said).not.toMatch(APOLOGY);
    expect(said).not.toMatch(/pas compris/i);
    expect(detector.detect(said)?.lang).toBe('fr');
  });

  it('2. an unlinked buyer writing English (Telegram app in French) is answered in English', async () => {
    app = await startApp();
    const said = await ask(newcomer, 'hello, my order never arrived and the seller does not answer');
    expect(said).toMatch(HOW_TO_LINK);
    expect(detector.detect(said)?.lang).toBe('en');
  });

  it('3. an unlinked buyer writing Lingala is answered in Lingala', async () => {
    app = await startApp();
    const said = await ask(newcomer, 'Mbote, commande na ngai eyaki te, nazui eloko te');
    expect(said).toMatch(HOW_TO_LINK);
    expect(detector.detect(said)?.lang).toBe('ln');
  });

  it('4. an unlinked buyer writing Swahili is answered in Swahili', async () => {
    app = await startApp();
    const said = await ask(newcomer, 'Habari, oda yangu haijafika bado, sijapokea kitu');
    expect(said).toMatch(HOW_TO_LINK);
    expect(detector.detect(said)?.lang).toBe('sw');
  });

  it('5. what she first wrote is not lost: after linking it is taken up, her words quoted', async () => {
    app = await startApp();
    await ask(amina, 'bonjour, le colis que j’attends depuis trois semaines n’est jamais arrivé');
    const from = app.count(amina.id);
    await app.link(amina, 'acc-amina');
    await settle(amina.id);
    // A buyer expects to go on from what she said, not to retype it: her words are quoted back and the report goes on
    // (the reason proposed or her orders offered, with buttons), with no new message from her.
    expect(seen(amina.id, from).join('\n')).toMatch(/trois semaines/);
    expect(labels(amina.id, from).length).toBeGreaterThan(0);
  });

  it('6. /start with a valid token links, greets her by name and says what to do next', async () => {
    app = await startApp();
    const { token } = await app.p.linking.issue('acc-amina');
    const said = await ask(amina, `/start ${token}`);
    expect((await linkOf(amina))?.accountId).toBe('acc-amina');
    expect(said).toMatch(/Amina/);
    expect(said).toMatch(/problème|commande|\/report|\/help/i);
    expect(said).not.toMatch(APOLOGY);
  });

  it('8. a token already used by someone else is refused, saying what to do; nothing changes', async () => {
    app = await startApp();
    const { token } = await app.p.linking.issue('acc-joel');
    await ask(joel, `/start ${token}`);
    expect((await linkOf(joel))?.accountId).toBe('acc-joel');
    const said = await ask(amina, `/start ${token}`);
    expect(await linkOf(amina)).toBeNull();
    expect((await linkOf(joel))?.accountId).toBe('acc-joel');
    expect(said).not.toMatch(/Joël/);
    expect(said).toMatch(/nouveau|new|Congocrea/i);
    expect(said).not.toMatch(APOLOGY);
  });

  it('9. a forged token (signature changed) is refused with what to do; nothing linked', async () => {
    app = await startApp();
    const { token } = await app.p.linking.issue('acc-amina');
    const last = token.at(-1) === 'A' ? 'B' : 'A';
    const said = await ask(amina, `/start ${token.slice(0, -1)}${last}`);
    expect(await linkOf(amina)).toBeNull();
    expect(said).toMatch(/nouveau|new|Congocrea/i);
    expect(said).not.toMatch(APOLOGY);
  });

  it('10. a truncated token (copied halfway) is refused with what to do; nothing linked', async () => {
    app = await startApp();
    const { token } = await app.p.linking.issue('acc-amina');
    const said = await ask(amina, `/start ${token.slice(0, Math.floor(token.length / 2))}`);
    expect(await linkOf(amina)).toBeNull();
    expect(said).toMatch(/nouveau|new|Congocrea/i);
    expect(said).not.toMatch(APOLOGY);
  });

  it('11. a token pasted as plain text (not as /start) links her', async () => {
    app = await startApp();
    const { token } = await app.p.linking.issue('acc-amina');
    const said = await ask(amina, token);
    expect((await linkOf(amina))?.accountId).toBe('acc-amina');
    expect(said).toMatch(/Amina/);
  });

  it('12. a token pasted with spaces and line breaks around it links her', async () => {
    app = await startApp();
    const { token } = await app.p.linking.issue('acc-amina');
    await ask(amina, `\n   ${token}  \n`);
    expect((await linkOf(amina))?.accountId).toBe('acc-amina');
  });

  it('13. the whole deep link URL pasted links her', async () => {
    app = await startApp();
    const { token } = await app.p.linking.issue('acc-amina');
    const said = await ask(amina, `https://t.me/palabre_test_bot?start=${token}`);
    expect((await linkOf(amina))?.accountId).toBe('acc-amina');
    expect(said).toMatch(/Amina/);
  });

  it('14. /start with the token on the next line links her', async () => {
    app = await startApp();
    const { token } = await app.p.linking.issue('acc-amina');
    await ask(amina, `/start\n${token}`);
    expect((await linkOf(amina))?.accountId).toBe('acc-amina');
  });

  it('15. /link without a token says where to get one; nothing linked', async () => {
    app = await startApp();
    const said = await ask(newcomer, '/link');
    expect(await linkOf(newcomer)).toBeNull();
    expect(said).toMatch(/Congocrea|site|compte/i);
    expect(said).not.toMatch(APOLOGY);
  });

  it('16. /link <token> links on Telegram too (SPEC: /start [token], /link <token>)', async () => {
    app = await startApp();
    const { token } = await app.p.linking.issue('acc-amina');
    const said = await ask(amina, `/link ${token}`);
    expect((await linkOf(amina))?.accountId).toBe('acc-amina');
    expect(said).toMatch(/Amina/);
  });

  it('17. /start alone, unlinked: greets and explains how to link', async () => {
    app = await startApp();
    const said = await ask(newcomer, '/start');
    expect(await linkOf(newcomer)).toBeNull();
    expect(said).toMatch(HOW_TO_LINK);
    expect(said).not.toMatch(APOLOGY);
  });

  it('18. the deep link pressed twice: the second /start with the same token says she is linked, no refusal', async () => {
    app = await startApp();
    const { token } = await app.p.linking.issue('acc-amina');
    await ask(amina, `/start ${token}`);
    const said = await ask(amina, `/start ${token}`);
    expect((await linkOf(amina))?.accountId).toBe('acc-amina');
    expect(said).toMatch(/Amina/);
    expect(said).not.toMatch(/déjà (été )?utilisé|expiré|invalide|refus/i);
  });

  it('19. /start alone once linked: greets her by name, does not ask her to link again', async () => {
    app = await startApp();
    await app.link(amina, 'acc-amina');
    await settle(amina.id);
    const said = await ask(amina, '/start');
    expect(said).toMatch(/Amina/);
    expect(said).not.toMatch(/\/link/);
  });

  it('20. the same account linked from a second Telegram account: both are linked, the second greeted by name', async () => {
    app = await startApp();
    await app.link(amina, 'acc-amina');
    const second: StandinUser = { id: 7020, first_name: 'Amina (pro)', language_code: 'fr' };
    const { token } = await app.p.linking.issue('acc-amina');
    const said = await ask(second, `/start ${token}`);
    expect((await linkOf(second))?.accountId).toBe('acc-amina');
    expect((await linkOf(amina))?.accountId).toBe('acc-amina');
    expect(said).toMatch(/Amina K\./);
  });

  it('21. a seller linking is greeted with what a seller does here', async () => {
    app = await startApp();
    const { token } = await app.p.linking.issue('acc-bisou');
    const said = await ask(bisou, `/start ${token}`);
    expect((await linkOf(bisou))?.accountId).toBe('acc-bisou');
    expect(said).toMatch(/Bisou/);
    expect(said).toMatch(/vendeu|boutique|litiges|\/cases|rembours/i);
    expect(said).not.toMatch(/ma commande n.est jamais arrivée/);
  });

  it('22. a support agent linking is greeted with the support commands', async () => {
    app = await startApp();
    const { token } = await app.p.linking.issue('acc-support-1');
    const said = await ask(agent, `/start ${token}`);
    expect((await linkOf(agent))?.accountId).toBe('acc-support-1');
    expect(said).toMatch(/Support/);
    expect(said).toMatch(/\/cases|\/take|support/i);
  });

  it('23. a linked buyer writing her problem in a group: nothing private shown there', async () => {
    app = await startApp();
    await app.link(amina, 'acc-amina');
    await settle(amina.id);
    const from = app.count(OTHER_GROUP.id);
    app.say(amina, '/report', { chat: OTHER_GROUP });
    app.say(amina, 'ma commande n’est jamais arrivée', { chat: OTHER_GROUP });
    await settle(OTHER_GROUP.id);
    const group = seen(OTHER_GROUP.id, from).join('\n') + labels(OTHER_GROUP.id, from).join('\n');
    expect(group).not.toMatch(/CC-\d|Pagne|Paix|Kinshasa/);
  });

  it('24. a token sent in a group: no private data in the group, she is pointed to the private chat', async () => {
    app = await startApp();
    const { token } = await app.p.linking.issue('acc-amina');
    const from = app.count(OTHER_GROUP.id);
    app.say(amina, `/start ${token}`, { chat: OTHER_GROUP });
    await until(() => app.count(OTHER_GROUP.id) > from, 'an answer in the group');
    await settle(OTHER_GROUP.id);
    const group = seen(OTHER_GROUP.id, from).join('\n');
    expect(group).not.toMatch(/CC-\d|Paix/);
    expect(group).toMatch(/privé|private|t\.me/i);
  });

  it('25. blocked then unblocked (my_chat_member): /start after unblocking greets her as linked', async () => {
    app = await startApp();
    await app.link(amina, 'acc-amina');
    await settle(amina.id);
    const bot = { id: 123456, is_bot: true, first_name: 'Palabre', username: 'palabre_test_bot' };
    const member = (status: string) => ({ user: bot, status });
    const chatMember = (oldS: string, newS: string) => {
      const { update_id } = app.standin.build.text(amina, privateChat(amina), 'x');
      return { update_id, my_chat_member: { chat: privateChat(amina), from: { is_bot: false, ...amina }, date: Math.floor(Date.now() / 1000), old_chat_member: member(oldS), new_chat_member: member(newS) } };
    };
    app.standin.block(amina.id);
    app.standin.push(chatMember('member', 'kicked'));
    await settle(amina.id);
    app.standin.unblock(amina.id);
    app.standin.push(chatMember('kicked', 'member'));
    const said = await ask(amina, '/start');
    expect((await linkOf(amina))?.accountId).toBe('acc-amina');
    expect(said).toMatch(/Amina/);
    expect(said).not.toMatch(APOLOGY);
  });

  it('26. a linked user whose marketplace account no longer exists is told so and how to link again', async () => {
    app = await startApp();
    await app.p.links.put({ platform: 'telegram', userId: String(newcomer.id), accountId: 'acc-gone', address: String(newcomer.id), linkedAt: new Date().toISOString() });
    const said = await ask(newcomer, 'ma commande n’est jamais arrivée');
    expect(said).not.toMatch(APOLOGY);
    expect(said).toMatch(HOW_TO_LINK);
    // Strengthened after the first run (it passed, but she read a stranger's welcome, as if she had never linked):
    // she linked once, so she is told why she must link again, which a never-linked newcomer is not.
    const stranger = await ask(joel, 'ma commande n’est jamais arrivée');
    expect(said).not.toBe(stranger);
    expect(said).toMatch(/ne trouve plus/);
  });

  it('27. a token for an account the marketplace does not know is refused; nothing linked', async () => {
    app = await startApp();
    const { token } = await app.p.linking.issue('acc-gone');
    const said = await ask(newcomer, `/start ${token}`);
    expect(await linkOf(newcomer)).toBeNull();
    expect(said).not.toMatch(APOLOGY);
    expect(said).toMatch(/Congocrea|compte|account/i);
  });
});

describe('a newcomer through the engine (clock, Discord, Teams)', () => {
  let world: World;

  it('7. an expired token (16 minutes later) is refused saying what to do; nothing linked', async () => {
    world = await createWorld({ kind: 'memory' });
    const { token } = await world.linking.issue('acc-amina');
    world.clock.advance(16 * 60 * 1000);
    const u = await world.user({ userId: 'tg-1' });
    await u.command(`/start ${token}`);
    expect(await world.links.get('telegram', 'tg-1')).toBeNull();
    expect(u.read()).toMatch(/expir/i);
    expect(u.read()).toMatch(/nouveau|new|Congocrea/i);
  });

  it('28. an unlinked Discord user is told the Discord way to link (/link token:…), not Telegram\'s', async () => {
    world = await createWorld({ kind: 'memory' });
    const u = await world.user({ platform: 'discord', userId: 'd-1' });
    await u.text('bonjour ma commande n’est jamais arrivée');
    expect(u.read()).toMatch(/\/link/);
    expect(u.read()).not.toMatch(/\/start|t\.me/);
  });

  it('29. an unlinked Teams user is told the Teams way to link (link <token>), not Telegram\'s', async () => {
    world = await createWorld({ kind: 'memory' });
    const u = await world.user({ platform: 'teams', userId: 't-1' });
    await u.text('bonjour ma commande n’est jamais arrivée');
    expect(u.read()).toMatch(/link/i);
    expect(u.read()).not.toMatch(/\/start|t\.me/);
  });

  it('30. linked on Telegram, then on Discord with a new token: both linked, Discord greets her by name', async () => {
    world = await createWorld({ kind: 'memory' });
    await world.user({ userId: 'tg-2', account: 'acc-amina' });
    const { token } = await world.linking.issue('acc-amina');
    const d = await world.user({ platform: 'discord', userId: 'd-2' });
    await d.command(`/link ${token}`);
    expect((await world.links.get('discord', 'd-2'))?.accountId).toBe('acc-amina');
    expect((await world.links.get('telegram', 'tg-2'))?.accountId).toBe('acc-amina');
    expect(d.read()).toMatch(/Amina/);
  });
});
