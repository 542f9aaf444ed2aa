import { isPalabreError, ValidationError, type PalabreError } from '../../domain/errors.js';
import { MAX_TEXT_LENGTH } from '../../domain/text.js';
import type { Account } from '../../domain/types.js';
import type { MessageArg, MessageArgs, Msg } from '../../ports/notification.js';
import { silentLogger } from '../../ports/logger.js';
import type { Engine, TurnInput, TurnResult } from '../../ports/turn.js';
import { createActionTokens, identityOwner, SUPPORT_OWNER } from './actions.js';
import { choice, m, say, type EarlyReads, type EngineCtx, type EngineDeps, type Turn } from './context.js';
import { explainLinking } from './flows/onboarding.js';
import { suspensionNotice } from './flows/shop-suspension.js';
import { route } from './router.js';
import { isStorageRefusal } from './storage-refusal.js';
import { classifierTraining } from './understanding/classifier.js';
import { prefetchSubject } from './flows/case-thread.js';
import { createConversationStore, type IdentityPrefs } from './state.js';

export type { EngineDeps } from './context.js';

/** Longest button token accepted; ours are about 23 characters. */
const TOKEN_MAX = 128;

/** The conversation engine (SPEC section 2): one turn in, localizable replies out, the same on every platform. */
export function createEngine(deps: EngineDeps): Engine {
  const e: EngineCtx = {
    deps,
    log: deps.logger ?? silentLogger,
    tokens: createActionTokens({ kv: deps.kv, clock: deps.clock, ...(deps.actionTtlMs ? { ttlMs: deps.actionTtlMs } : {}), ...(deps.actionSigningKey ? { signingKey: deps.actionSigningKey } : {}) }),
    conv: createConversationStore(deps.kv, deps.stateTtlMs),
    locales: deps.locales ?? ['fr', 'en'],
    accountOf: new Map(),
  };
  // Reads started by `prefetch`, by event id, until `handle` takes them (a bounded map: an event whose claim was
  // refused is never handled).
  const prefetched = new Map<string, EarlyReads>();
  return {
    handle: (input) => {
      const early = input.eventId ? prefetched.get(input.eventId) : undefined;
      if (input.eventId) prefetched.delete(input.eventId);
      return handle(e, input, early && early.key === readsKey(input) ? early : undefined);
    },
    prefetch: (input) => {
      if (!input.eventId) return;
      // A redelivery reads afresh: what an earlier delivery read may be stale by now.
      prefetched.delete(input.eventId);
      if (prefetched.size >= PREFETCH_MAX) prefetched.delete(prefetched.keys().next().value!);
      prefetched.set(input.eventId, startReads(e, input));
    },
  };
}

/** Events whose reads a process keeps waiting for their `handle`. */
const PREFETCH_MAX = 1000;

/** What a turn's first reads depend on. */
function readsKey(input: TurnInput): string {
  return JSON.stringify([input.platform, input.userId, input.conversationId, input.threadId ?? null, input.replyToMessageId ?? null, input.content.type]);
}

/**
 * The link, the chat's own state (flow, prefs) and what a message is about are independent reads: all at once (one
 * round trip on Redis), and the case the message names is read as soon as its id and the account are known. Where
 * the stores can, the account's language is read with the link, and the case with the entry that names it.
 */
function startReads(e: EngineCtx, input: TurnInput): EarlyReads {
  const guess = e.accountOf?.get(identityOwner(input.platform, input.userId));
  const { links } = e.deps;
  const withLocale = links.getWithLocale?.(input.platform, input.userId);
  const early: EarlyReads = {
    key: readsKey(input),
    link: withLocale ? withLocale.then((r) => r.link) : links.get(input.platform, input.userId),
    begin: e.conv.begin(input.platform, input.userId, input.conversationId),
    guess,
  };
  early.link.catch(() => undefined);
  early.begin.catch(() => undefined);
  if (withLocale) {
    early.linkLocale = withLocale.then((r) => (r.link ? { accountId: r.link.accountId, locale: r.locale } : null));
    early.linkLocale.catch(() => undefined);
  } else if (guess) {
    const got = e.deps.links.getLocale(guess);
    got.catch(() => undefined);
    early.locale = { accountId: guess, got };
  }
  if (input.content.type !== 'action') prefetchSubject(e, input, early);
  return early;
}

async function handle(e: EngineCtx, input: TurnInput, prefetched?: EarlyReads): Promise<TurnResult> {
  // A process that has just started trains its classifier in slices (main.ts): a turn waits for the training rather
  // than finish it in one go, which would stop every other turn and heartbeat of the process meanwhile.
  const training = classifierTraining();
  if (training) await training;
  const identity = identityOwner(input.platform, input.userId);
  const t: Turn = {
    input,
    account: null,
    who: null,
    locale: e.deps.defaultLocale,
    timezone: e.deps.defaultTimezone,
    staff: false,
    owner: identity,
    owners: [identity],
    now: e.deps.clock.now().toISOString(),
    replies: [],
    ...(input.eventId ? { inbound: { id: input.eventId, appends: 0 } } : {}),
  };
  let outcome: 'ok' | 'refused' | 'error' = 'ok';
  let storageRefused: unknown;
  try {
    const reads = prefetched ?? startReads(e, input);
    t.early = reads;
    const [link, early] = await Promise.all([reads.link, reads.begin]);
    rememberAccount(e, identity, link?.accountId ?? null);
    t.earlyState = { state: early.state };
    if (link?.blockedAt) await unblock(e, input);
    const account = link ? await e.deps.marketplace.account(link.accountId) : null;
    if (link && !account) t.linkedAccountGone = true;
    const sizeError = checkSize(input);
    // Oversized text is not even read for its language.
    await bind(e, t, account, sizeError ? null : writtenText(input), early.prefs);
    if (sizeError) throw sizeError;
    await route(e, t, {
      relocalize: (a) => bind(e, t, a, null),
      setLanguage: (lang) => setLanguage(e, t, lang),
      declineLanguage: (lang) => declineLanguage(e, t, lang),
    });
    await offerLanguage(e, t);
    await saySwitched(e, t);
    await suspensionNotice(e, t).catch((err: unknown) => e.log.warn({ err, userId: input.userId }, 'shop suspension notice failed'));
  } catch (err) {
    // Whatever was said before the failure may no longer be true: the error is the whole answer.
    t.replies.length = 0;
    if (isPalabreError(err) && err.code !== 'INTERNAL') {
      outcome = 'refused';
      e.log.info({ code: err.code, platform: input.platform, userId: input.userId }, 'turn refused');
      if (err.code === 'NOT_LINKED') await explainLinking(e, t).catch(() => say(t, errorMsg(err)));
      else say(t, errorMsg(err));
      // A spent, expired or no longer applicable button is dead; someone else's button stays for its owner.
      t.retirePressed = input.content.type === 'action' && err.code !== 'ACTION_INVALID' && err.code !== 'NOT_LINKED';
    } else {
      outcome = 'error';
      e.log.error({ err, code: 'INTERNAL', platform: input.platform, userId: input.userId, conversationId: input.conversationId }, 'turn failed');
      say(t, m('error-internal'));
      // Redis refused the turn's writes (full, read-only…) before the event was recorded: not handled, to be run again.
      if (input.eventId && !t.inbound?.marked && isStorageRefusal(err)) storageRefused = err;
    }
  }
  e.deps.metrics?.turns.inc({ platform: input.platform, outcome });
  return {
    replies: t.replies,
    ...(t.retirePressed ? { retirePressed: true } : {}),
    ...(t.inbound?.marked ? { inboundMarked: true } : {}),
    ...(storageRefused !== undefined ? { storageRefused } : {}),
  };
}

/** Which account a chat identity is linked to, as last read: the next turn's guess (bounded, oldest dropped). */
function rememberAccount(e: EngineCtx, identity: string, accountId: string | null): void {
  const known = e.accountOf;
  if (!known) return;
  known.delete(identity);
  if (!accountId) return;
  known.set(identity, accountId);
  if (known.size > ACCOUNT_GUESSES) known.delete(known.keys().next().value!);
}

/** Chat identities whose account a process remembers as a guess. */
const ACCOUNT_GUESSES = 20_000;

/** Whoever writes to the bot can be written to again: the mark a refused delivery left is cleared, on every platform. */
async function unblock(e: EngineCtx, input: TurnInput): Promise<void> {
  await e.deps.links.setBlocked(input.platform, input.userId, null);
  e.log.info({ platform: input.platform, userId: input.userId }, 'user wrote again: blocked mark cleared');
}

function textOf(input: TurnInput): string | null {
  const c = input.content;
  return c.type === 'text' || c.type === 'command' || c.type === 'edit' ? c.text : c.type === 'attachment' ? (c.caption ?? null) : null;
}

/** What the user wrote in their own words (not a command, not a button): what their language is read from. */
function writtenText(input: TurnInput): string | null {
  const c = input.content;
  return c.type === 'text' ? c.text : c.type === 'attachment' ? (c.caption ?? null) : null;
}

/** The refusal of oversized or malformed input (SPEC section 7), or null when it may be read. */
function checkSize(input: TurnInput): ValidationError | null {
  const c = input.content;
  if (c.type === 'action') {
    return typeof c.token !== 'string' || c.token.length > TOKEN_MAX ? new ValidationError('ACTION_INVALID', 'oversized action token') : null;
  }
  const text = textOf(input) ?? '';
  // Code points, as the domain counts them: an emoji is one character to the person typing it.
  // Refused whole, never cut: the person is told the limit and how long their text was.
  if (text.length > MAX_TEXT_LENGTH && [...text].length > MAX_TEXT_LENGTH) {
    return new ValidationError('TEXT_TOO_LONG', undefined, { max: MAX_TEXT_LENGTH, length: [...text].length });
  }
  return null;
}

/** Fewest words a message needs before its language is offered as a switch (a word or two says too little). */
const OFFER_MIN_WORDS = 3;
/**
 * How sure the detector must be (log-probability gap per feature to the runner-up) for a message to switch the language
 * by itself: plain sentences score 1.5–2.3, French slang misread as English 0.1–0.7.
 */
const SWITCH_MIN_MARGIN = 1;

/**
 * Sets who speaks and how to answer. The language: the one chosen (/lang or a yes to an offer), else the
 * account's locale at the marketplace, else the one detected from the user's first messages, else the
 * platform's hint, else French. Once established it never changes by itself: a message confidently in
 * another supported language only sets up an offer to switch, written in that language.
 */
async function bind(e: EngineCtx, t: Turn, account: Account | null, text: string | null, known?: IdentityPrefs): Promise<void> {
  const { platform, userId, isStaffChannel, languageHint, capabilities } = t.input;
  let prefs: IdentityPrefs = known ?? (await e.conv.prefs(platform, userId));
  const identity = identityOwner(platform, userId);
  t.account = account;
  t.who = account ? { accountId: account.id, platform, ...(t.inbound ? { inbound: t.inbound } : {}) } : null;
  // Where the platform has no staff channel (the playground), a support account's commands run wherever it writes.
  t.staff = !!account?.roles.includes('support') && (isStaffChannel === true || capabilities?.staffChannel === false);
  // Support working the desk reads its dates in the desk's zone (SUPPORT_TIMEZONE), as its nudges there are, unless
  // their own account names a zone.
  t.timezone = account?.timezone ?? (t.staff ? e.deps.policy.supportCalendar?.zone : undefined) ?? e.deps.defaultTimezone;
  t.owner = account ? account.id : identity;
  t.owners = [identity, ...(account ? [account.id] : []), ...(account?.roles.includes('support') ? [SUPPORT_OWNER] : [])];
  // What the first reads read of a language serves the first binding only.
  const early = t.early && { locale: t.early.locale, linked: t.early.linkLocale };
  if (t.early) t.early.locale = t.early.linkLocale = undefined;
  const chosen = supported(e, account ? await accountLocale(e, account.id, early) : prefs.locale);
  const established = chosen ?? supported(e, account?.locale) ?? supported(e, prefs.detected);
  const guess = text && e.deps.languageDetector ? e.deps.languageDetector.detect(text) : null;
  const detected = guess ? supported(e, guess.lang) : null;
  if (established) {
    t.locale = established;
    if (text !== null) {
      const asked = [...(prefs.offered ?? []), ...(prefs.declined ?? [])];
      const words = text.trim().split(/\s+/).length;
      // Just offered, neither taken nor declined, and the next clear message is in it again: the user's language, by
      // their own words. Never over a language they chose (/lang, a yes); switched like a yes, said after the answer
      // with a button back. A clear message in another language first (the buyer mixes them) ends the offer's hold.
      const pending = prefs.pendingOffer;
      if (pending && detected && words >= OFFER_MIN_WORDS) {
        const { pendingOffer: _p, ...rest } = prefs;
        // Only a clear sentence switches: slang the detector half-guesses as English (« wsh frere c koi ca », « allo allo
        // allo ») stays an offer at most.
        const clear = (guess?.margin ?? 0) >= SWITCH_MIN_MARGIN;
        if (detected === pending && clear && !chosen && detected !== established && t.input.isPrivate) {
          if (account) await Promise.all([e.deps.links.setLocale(account.id, detected), e.conv.setPrefs(platform, userId, rest)]);
          else await e.conv.setPrefs(platform, userId, { ...rest, locale: detected });
          t.locale = detected;
          t.languageSwitched = { from: established };
          return;
        }
        await e.conv.setPrefs(platform, userId, rest);
        prefs = rest;
      }
      t.languageOffer = detected && detected !== established && !asked.includes(detected) && words >= OFFER_MIN_WORDS ? detected : undefined;
    } else if (t.languageOffer === established) t.languageOffer = undefined;
    return;
  }
  if (detected && detected !== prefs.detected) await e.conv.setPrefs(platform, userId, { ...prefs, detected });
  t.locale = detected ?? supported(e, languageHint) ?? e.deps.defaultLocale;
}

/** The account's chosen language: as the turn's first reads read it when they read it for this account, else read now. */
async function accountLocale(e: EngineCtx, accountId: string, early?: { locale: EarlyReads['locale']; linked: EarlyReads['linkLocale'] }): Promise<string | null> {
  if (early?.locale?.accountId === accountId) return early.locale.got;
  const linked = await early?.linked;
  if (linked?.accountId === accountId) return linked.locale;
  return e.deps.links.getLocale(accountId);
}

/**
 * After the answer (in the established language): « Nakoki kolobela yo na Lingala ? » with yes and no,
 * written in the language the user just wrote in. Offered once per language, in private chats only.
 */
async function offerLanguage(e: EngineCtx, t: Turn): Promise<void> {
  const lang = t.languageOffer;
  if (!lang || !t.input.isPrivate || t.replies.length === 0) return;
  const { platform, userId } = t.input;
  const prefs = await e.conv.prefs(platform, userId);
  await e.conv.setPrefs(platform, userId, { ...prefs, offered: [...new Set([...(prefs.offered ?? []), lang])], pendingOffer: lang });
  const current = t.locale;
  t.locale = lang;
  try {
    say(t, m('engine-lang-offer'), {
      ownLanguage: true,
      // A slot of its own: in the slot of the answer just above it, the offer would take that answer's buttons away.
      slot: `${t.owner}|language-offer`,
      choices: [
        await choice(e, t, m('engine-lang-offer-yes'), { k: 'lang', lang, v: 'yes' }, 'primary'),
        await choice(e, t, m('engine-lang-offer-no'), { k: 'lang', lang, v: 'no' }),
      ],
    });
  } finally {
    t.locale = current;
  }
  e.log.info({ platform, userId, lang, established: current }, 'language switch offered');
}

/** After the answer of a turn that switched language by itself: said so, in the new language, with one tap back. */
async function saySwitched(e: EngineCtx, t: Turn): Promise<void> {
  const from = t.languageSwitched?.from;
  if (!from || t.replies.length === 0) return;
  say(t, m('engine-lang-switched', { lang: t.locale, from }), {
    // As after /lang: adapters that show several languages (the playground) switch this user's view.
    language: t.locale,
    slot: `${t.owner}|language-offer`,
    choices: [await choice(e, t, m('engine-lang-switch-back', { lang: from }), { k: 'lang', lang: from, v: 'yes' })],
  });
  e.log.info({ platform: t.input.platform, userId: t.input.userId, lang: t.locale, from }, 'language switched: the user kept writing in the language offered');
}

function supported(e: EngineCtx, tag: string | null | undefined): string | null {
  const base = (tag ?? '').toLowerCase().split(/[-_]/)[0] ?? '';
  return e.locales.includes(base) ? base : null;
}

/** Languages as people name them after /lang, in the four languages (« /lang anglais », "/lang english", `en-US`). */
const LANGUAGE_NAMES: Record<string, string> = {
  francais: 'fr', french: 'fr', lifalanse: 'fr', kifaransa: 'fr',
  anglais: 'en', english: 'en', lingelesi: 'en', kiingereza: 'en',
  lingala: 'ln',
  swahili: 'sw', kiswahili: 'sw',
};

/** The locale a /lang argument names: a code (`en`, `en-US`) or a language's name; the argument as typed otherwise. */
function languageNamed(arg: string): string {
  const word = arg.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().trim();
  return LANGUAGE_NAMES[word] ?? word.split(/[-_]/)[0] ?? word;
}

async function setLanguage(e: EngineCtx, t: Turn, typed: string): Promise<void> {
  const lang = languageNamed(typed);
  if (!e.locales.includes(lang)) return void say(t, m('engine-lang-usage', { langs: e.locales.join(', ') }));
  if (t.account) await e.deps.links.setLocale(t.account.id, lang);
  else {
    const prefs = await e.conv.prefs(t.input.platform, t.input.userId);
    await e.conv.setPrefs(t.input.platform, t.input.userId, { ...prefs, locale: lang });
  }
  t.locale = lang;
  // The language just chosen is not offered back under its own confirmation.
  if (t.languageOffer === lang) t.languageOffer = undefined;
  // `language` tells adapters that show several languages (the playground) to switch this user's view.
  say(t, m('engine-lang-set'), { language: lang });
}

async function declineLanguage(e: EngineCtx, t: Turn, lang: string): Promise<void> {
  const { platform, userId } = t.input;
  const prefs = await e.conv.prefs(platform, userId);
  const { pendingOffer: _p, ...rest } = prefs;
  await e.conv.setPrefs(platform, userId, { ...rest, declined: [...new Set([...(prefs.declined ?? []), lang])] });
  say(t, m('engine-lang-offer-declined'));
}

/** The localized sentence of an error: `error-<code>`, dates and amounts kept as data for the reader's locale. */
export function errorMsg(err: PalabreError): Msg {
  const args: MessageArgs = {};
  const currency = typeof err.args.currency === 'string' ? err.args.currency : null;
  for (const [key, value] of Object.entries(err.args)) args[key] = asArg(key, value, currency);
  return { id: `error-${err.code.toLowerCase().replace(/_/g, '-')}`, args };
}

/** Error arguments that are days (a window's start), not moments. */
const DAY_ARGS = new Set(['from', 'until']);

function asArg(key: string, value: string | number, currency: string | null): MessageArg {
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value)) return { date: value, style: DAY_ARGS.has(key) ? 'date' : 'datetime' };
  if (typeof value === 'number' && currency && (key === 'max' || key === 'amount')) return { money: { amount: value, currency } };
  return value;
}
