import { isPalabreError, NotFoundError } from '../../../domain/errors.js';
import type { Account } from '../../../domain/types.js';
import type { Msg } from '../../../ports/notification.js';
import { choice, m, say, type EngineCtx, type Turn } from '../context.js';
import { REPORT_LAPSE_MS } from '../state.js';
import { startReport } from './buyer-report.js';

/**
 * A link token as people paste it: alone (40 base64url characters, see linking.ts), as the whole Telegram deep link
 * (`https://t.me/<bot>?start=<token>`), or after Discord's `token:`; spaces and line breaks around it do not count.
 */
const PASTED_TOKEN = /^(?:(?:https?:\/\/)?(?:t\.me|telegram\.me)\/[A-Za-z0-9_]+\?start=|token:)?([A-Za-z0-9_-]{40})$/;

/** The link token a message is made of, or null: what a newcomer pastes instead of pressing the link. */
export function pastedToken(text: string): string | null {
  return PASTED_TOKEN.exec(text.trim())?.[1] ?? null;
}

/** An argument of /start or /link as typed: the token itself, or the deep link or `token:` form around it. */
const tokenArg = (arg: string) => pastedToken(arg) ?? arg;

/** Words an unlinked user wrote in a private chat are kept this long, to be taken up once they link. */
const EARLY_WORDS_MS = REPORT_LAPSE_MS;
/** At most this much of them is kept (a first message, and the few lines that may follow it). */
const EARLY_WORDS_MAX = 4000;
/** How much of them is quoted back on linking. */
const QUOTE_MAX = 300;
const earlyWordsKey = (t: Turn) => `early-words:${t.input.platform}:${t.input.userId}`;

/** Keeps what an unlinked user wrote in a private chat, so that linking does not make them say it again. */
export async function keepEarlyWords(e: EngineCtx, t: Turn, text: string): Promise<void> {
  const words = text.trim();
  if (!t.input.isPrivate || !words) return;
  const before = (await e.deps.kv.get<string>(earlyWordsKey(t))) ?? '';
  const joined = before ? `${before}\n${words}` : words;
  await e.deps.kv.set(earlyWordsKey(t), joined.slice(-EARLY_WORDS_MAX), EARLY_WORDS_MS);
}

/** The words kept from before linking (taken: they are read once). */
async function takeEarlyWords(e: EngineCtx, t: Turn): Promise<string | null> {
  const key = earlyWordsKey(t);
  const words = await e.deps.kv.get<string>(key);
  if (!words) return null;
  await e.deps.kv.delete(key);
  return words;
}

/** What this user can do, by role: the `/help` text and the greeting's second half. */
export function helpBody(t: Turn): Msg[] {
  if (!t.account) return [m('engine-help-unlinked')];
  const body: Msg[] = [m('engine-help-intro')];
  const roles = t.account.roles;
  if (roles.includes('buyer')) body.push(m('engine-help-buyer'));
  if (roles.includes('seller')) body.push(m('engine-help-seller'));
  if (roles.includes('support')) body.push(m(t.staff ? 'engine-help-support' : 'engine-help-support-elsewhere'));
  body.push(m('engine-help-common'));
  return body;
}

/** Tells an unlinked user how to link; in the embedded mode, offers the demo accounts as buttons. */
export async function explainLinking(e: EngineCtx, t: Turn, greet = false): Promise<void> {
  const body: Msg[] = [];
  if (greet) body.push(m('engine-welcome'));
  // « I did link! »: someone whose account was closed or merged at the marketplace hears why, not a stranger's welcome.
  if (t.linkedAccountGone) body.push(m('engine-link-account-gone'));
  body.push(m('engine-link-how', { platform: t.input.platform }));
  if (!e.deps.embedded) return void say(t, body);
  const accounts = await e.deps.marketplace.accounts();
  const choices = await Promise.all(
    accounts.map((a) => choice(e, t, m('engine-demo-account', { name: a.name, role: a.roles[0] ?? 'buyer' }), { k: 'demo', accountId: a.id })),
  );
  body.push(m('engine-demo-pick'));
  say(t, body, { choices });
}

/** Links this chat identity to `accountId` and greets the user in the account's language. */
export async function linkIdentity(e: EngineCtx, t: Turn, accountId: string, relocalize: (a: Account) => Promise<void>): Promise<void> {
  const account = await e.deps.marketplace.account(accountId);
  if (!account) throw new NotFoundError('ACCOUNT_NOT_FOUND', undefined, { accountId });
  const { platform, userId, conversationId, isPrivate } = t.input;
  // Outside a private chat the conversation is shared: notifications then go to the user directly (a DM by user id).
  await e.deps.links.put({ platform, userId, accountId, address: isPrivate ? conversationId : userId, linkedAt: t.now });
  e.log.info({ platform, userId, accountId }, 'chat identity linked');
  await relocalize(account);
  // A group or server channel is shared: no name and no help there, the rest goes on in private.
  if (!isPrivate) return void say(t, m('engine-linked-in-group'));
  const early = await takeEarlyWords(e, t);
  if (early && account.roles.includes('buyer')) {
    // What the buyer wrote before linking (« ma commande n'est jamais arrivée ») is the report they came for.
    const quote = early.length > QUOTE_MAX ? `${early.slice(0, QUOTE_MAX)}…` : early;
    say(t, [m('engine-linked', { name: account.name }), m('engine-linked-early-words', { text: quote })]);
    return startReport(e, t, early);
  }
  say(t, [m('engine-linked', { name: account.name }), ...helpBody(t)]);
}

/** `/start [token]` and `/link <token>`: spends the token, or greets and explains. */
export async function startOrLink(
  e: EngineCtx,
  t: Turn,
  token: string | undefined,
  command: 'start' | 'link',
  relocalize: (a: Account) => Promise<void>,
): Promise<void> {
  if (token) {
    let accountId: string;
    try {
      accountId = await e.deps.linking.consume(tokenArg(token));
    } catch (err) {
      // The deep link pressed twice: the token is spent, but this chat is linked; saying so beats a refusal.
      if (isPalabreError(err) && err.code === 'LINK_TOKEN_USED' && t.account) {
        return void say(t, [m('engine-link-already', { name: t.account.name }), ...helpBody(t)]);
      }
      throw err;
    }
    return linkIdentity(e, t, accountId, relocalize);
  }
  if (t.account) return void say(t, [m('engine-welcome-back', { name: t.account.name }), ...helpBody(t)]);
  if (command === 'link') return void say(t, m('engine-link-usage'));
  return explainLinking(e, t, true);
}
