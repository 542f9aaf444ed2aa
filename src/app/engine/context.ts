import type { Case } from '../../domain/case-model.js';
import { ForbiddenError } from '../../domain/errors.js';
import type { Account, Order, Shop } from '../../domain/types.js';
import type { Policy } from '../../domain/policy.js';
import type { Clock } from '../../ports/clock.js';
import type { KeyValue } from '../../ports/kv.js';
import type { Link, LinkStore } from '../../ports/links.js';
import type { Marketplace } from '../../ports/marketplace.js';
import type { MessageArgs, Msg, Notification } from '../../ports/notification.js';
import type { ThreadRegistry } from '../../ports/threads.js';
import type { CaseService, Who } from '../case-service.js';
import type { Linking } from '../linking.js';
import type { Logger } from '../../ports/logger.js';
import type { Metrics } from '../metrics.js';
import type { Choice, OutMessage, TurnInput } from '../../ports/turn.js';
import type { LanguageDetector } from '../language.js';
import { SUPPORT_OWNER, type ActionPayload, type ActionTokens, type TokenOwner } from './actions.js';
import type { ConversationState, ConversationStore, IdentityPrefs } from './state.js';

/** What the engine needs; `main.ts` passes them in. */
export interface EngineDeps {
  cases: CaseService;
  marketplace: Marketplace;
  links: LinkStore;
  threads: ThreadRegistry;
  /** Conversation state and button tokens (Redis in production, so a restart resumes flows). */
  kv: KeyValue;
  /** Verifies and spends account-link tokens. */
  linking: Pick<Linking, 'consume'>;
  /**
   * Queues a notification that belongs to no case (a buyer's message to the seller about an order):
   * the outbox worker's direct entry, delivered like any other notification.
   */
  relay: (n: Notification) => Promise<void>;
  /**
   * Told when a buyer reported a problem on an order without opening a case, so the deadlines code
   * can remind them before the case window closes. Optional.
   */
  onOrderReported?: (report: { orderId: string; buyerId: string; until: string }) => Promise<void>;
  /** A buyer's order was shown in a flow: the deadlines code nudges its seller if it stays unshipped. Optional. */
  onOrderSeen?: (order: Order, shop: Shop) => Promise<void>;
  /** A buyer's message about an order (no case) was relayed to the seller: nudge them if it stays unanswered. Optional. */
  onBuyerMessaged?: (orderId: string, at: string) => Promise<void>;
  /** The seller answered the buyer about an order (no case): the reply nudge is dropped. Optional. */
  onSellerReplied?: (orderId: string, at: string) => Promise<void>;
  clock: Clock;
  policy: Policy;
  defaultLocale: string;
  defaultTimezone: string;
  /** Languages `/lang` accepts and answers may be in (the locales folder's; `fr`, `en` by default). */
  locales?: readonly string[];
  /**
   * Tells which supported language a message is written in (the detector trained on the locales).
   * Without it, the language is never guessed: the choice, the account's, the platform's hint, French.
   */
  languageDetector?: Pick<LanguageDetector, 'detect'>;
  /** Embedded mode: unlinked users may pick a demo account with a button. */
  embedded?: boolean;
  logger?: Logger;
  metrics?: Metrics;
  /** Conversation state lifetime (24 hours by default). */
  stateTtlMs?: number;
  /** Button token lifetime (30 days by default: nudges carry case cards). */
  actionTtlMs?: number;
  /** Signs button tokens that carry their payload (LINK_SECRET, the same in every process); without it every token is stored. */
  actionSigningKey?: string;
}

/** The engine's shared parts, built once. */
export interface EngineCtx {
  deps: EngineDeps;
  log: Logger;
  tokens: ActionTokens;
  conv: ConversationStore;
  locales: readonly string[];
  /**
   * The account each chat identity was last seen linked to (bounded): a guess that lets a turn read the account's
   * language and case with its first reads; the link read with them decides whether the guess holds.
   */
  accountOf?: Map<string, string>;
}

/** One turn being handled: who is speaking, in which language, and the replies so far. */
export interface Turn {
  input: TurnInput;
  account: Account | null;
  who: Who | null;
  /** The inbound event's id and the count of case changes it made (see Who.inbound). */
  inbound?: { id: string; appends: number; marked?: boolean };
  locale: string;
  timezone: string;
  /** Support may act here: a support account in the staff channel or on the web playground. */
  staff: boolean;
  /** Whom buttons issued in this turn are bound to. */
  owner: TokenOwner;
  /** Whose buttons this user may press. */
  owners: TokenOwner[];
  now: string;
  replies: OutMessage[];
  /** The pressed button's message is done with (TurnResult.retirePressed). */
  retirePressed?: boolean;
  /**
   * The user's language is established (chosen, the account's, or detected earlier) but this message is
   * confidently in another supported one: offer, in that language, to switch (never switch silently).
   */
  languageOffer?: string;
  /** The user kept writing in the language offered earlier (not declined): this turn switched to it, from this one. */
  languageSwitched?: { from: string };
  /** This turn's text was joined to the report's description as the next part of a long text (its words, trimmed). */
  joinedPart?: string;
  /** This chat is linked to an account the marketplace no longer knows: the user is told so before how to link again. */
  linkedAccountGone?: boolean;
  /** The turn already spoke of the user's shop suspension (the reinstatement flow): no reminder after it. */
  suspensionTold?: boolean;
  /** Single-use button groups this turn offered (confirmations, « send these words »): what a /cancel after it voids. */
  onces?: string[];
  /**
   * The conversation state read with the prefs at the start of the turn (one round trip for both); the
   * router's first look at the state takes it, later looks read the store.
   */
  earlyState?: { state: ConversationState | null | 'invalid' };
  /**
   * Reads started with the turn's first ones so that they share their round trip: the subject of the message
   * (a reply to a case message, a case thread), and the case it names as the linked account sees it. Each is taken
   * by the first look that needs it; later looks read the stores.
   */
  early?: EarlyReads;
}

/** The first reads of a turn, started together (see Turn.early and Engine.prefetch). */
export interface EarlyReads {
  /** What they were started for: platform, user, conversation, thread, replied-to message, content type. */
  key: string;
  link: Promise<Link | null>;
  begin: Promise<{ state: ConversationState | null | 'invalid'; prefs: IdentityPrefs }>;
  subject?: Promise<EarlySubject> | undefined;
  caseLoad?: { caseId: string; accountId: string; got: Promise<Case> } | undefined;
  /** The language chosen by the account this chat identity was last linked to, read before the link says it still is. */
  locale?: { accountId: string; got: Promise<string | null> } | undefined;
  /**
   * The language chosen by the account the link names, read with the link (LinkStore.getWithLocale; then `locale` is
   * not read): null without a link.
   */
  linkLocale?: Promise<{ accountId: string; locale: string | null } | null> | undefined;
  /** That account (EngineCtx.accountOf), or undefined: reads made for it are used only if the link names it. */
  guess?: string | undefined;
}

/** What a message is about: a case, or an order's messages without a case (a reply to a relayed order message). */
export type EarlySubject = { caseId: string } | { orderId: string } | null;

/**
 * The slot of a message with buttons (OutMessage.slot): a newer message in it retires the older one's buttons.
 * It names whose buttons they are, so that in a thread both parties read, one's choice never retires the other's.
 */
export const buttonSlot = (out: Pick<OutMessage, 'caseId' | 'orderId'>, owner: string): string =>
  `${owner}|${out.caseId ? `case:${out.caseId}` : out.orderId ? `order:${out.orderId}` : 'prompt'}`;

/** The slot of a notification with buttons: a notified card, or a relayed message with its Reply button. */
export const noticeSlot = (kind: 'card' | 'reply', out: Pick<OutMessage, 'caseId' | 'orderId'>, owner: string): string => `notice:${kind}:${buttonSlot(out, owner)}`;

/**
 * Every slot in which a case's buttons can be live for one owner in a chat (their replies' cards and confirmations,
 * the cards and relayed messages notified to them): the slots a message closing the case ends (OutMessage.clearSlots),
 * less its own.
 */
export function closedCaseSlots(caseId: string, owner: string, own?: string): string[] {
  const slots = [buttonSlot({ caseId }, owner), noticeSlot('card', { caseId }, owner), noticeSlot('reply', { caseId }, owner)];
  return slots.filter((s) => s !== own);
}

/** A message id with arguments. */
export const m = (id: string, args?: MessageArgs): Msg => (args ? { id, args } : { id });

/** Adds a reply in the conversation (and thread) the turn came from. */
export function say(t: Turn, body: Msg | Msg[], extra: Partial<Omit<OutMessage, 'body'>> = {}): OutMessage {
  const out: OutMessage = {
    target: { conversationId: t.input.conversationId, threadId: t.input.threadId ?? null },
    locale: t.locale,
    timezone: t.timezone,
    body: Array.isArray(body) ? body : [body],
    ...extra,
  };
  if (!out.slot && (out.choices?.length || out.card)) out.slot = buttonSlot(out, out.card?.viewerRole === 'support' || t.staff ? SUPPORT_OWNER : t.owner);
  t.replies.push(out);
  return out;
}

/** A button bound to this turn's user. */
export async function choice(e: EngineCtx, t: Turn, label: Msg, payload: ActionPayload, style?: Choice['style']): Promise<Choice> {
  const token = await e.tokens.issue(t.owner, payload, payload.k === 'flow' ? e.deps.stateTtlMs ?? 24 * 3600 * 1000 : undefined);
  return style ? { label, token, style } : { label, token };
}

/**
 * Runs a deadlines hook. The message it belongs to is already on its way: a hook that fails is
 * logged, never shown to the user as a failure of what they did.
 */
export async function hook<A extends unknown[]>(e: EngineCtx, name: string, fn: ((...args: A) => Promise<void>) | undefined, ...args: A): Promise<void> {
  if (!fn) return;
  try {
    await fn(...args);
  } catch (err) {
    e.log.warn({ err, hook: name }, 'deadlines hook failed');
  }
}

/** The account behind the turn, or a NOT_LINKED refusal. */
export function requireWho(t: Turn): Who {
  if (!t.who) throw new ForbiddenError('NOT_LINKED');
  return t.who;
}
