import type { Policy } from '../../domain/policy.js';
import type { Platform } from '../../domain/types.js';
import type { Case } from '../../domain/case-model.js';
import type { CaseStore } from '../../ports/case-store.js';
import type { Clock } from '../../ports/clock.js';
import type { KeyValue } from '../../ports/kv.js';
import type { LinkStore } from '../../ports/links.js';
import type { Marketplace } from '../../ports/marketplace.js';
import type { Notification } from '../../ports/notification.js';
import type { DeliveryTarget } from '../../ports/notifier.js';
import { silentLogger, type Logger } from '../../ports/logger.js';
import type { Choice, OutMessage } from '../../ports/turn.js';
import { createActionTokens, SUPPORT_OWNER, type ActionTokens } from './actions.js';
import type { LanguageDetector } from '../language.js';
import { buildCard, type ViewerRole } from './cards.js';
import { livePhotos } from '../../domain/retention.js';
import { closedCaseSlots, noticeSlot } from './context.js';

export interface NotificationRendererDeps {
  links: LinkStore;
  marketplace: Marketplace;
  /** Reads the case for its card (the worker is the system: no access check). */
  store: Pick<CaseStore, 'load'>;
  /** The engine's KeyValue: buttons on a notified card resolve like any other. */
  kv: KeyValue;
  clock: Clock;
  /** The policy in force: support cards show the business time left before a case is due, and buttons follow it (the contest window). */
  policy?: Policy;
  defaultLocale: string;
  defaultTimezone: string;
  /** Languages messages may be in (`fr`, `en` by default). */
  locales?: readonly string[];
  /** Names the language of the buyer's words on support's case cards. Optional. */
  languageDetector?: Pick<LanguageDetector, 'detect'>;
  /** Button token lifetime (30 days by default). */
  actionTtlMs?: number;
  /** Signs button tokens as the engine does (EngineDeps.actionSigningKey): the same key, or its tokens will not resolve. */
  actionSigningKey?: string;
  logger?: Logger;
}

/** Reads a caller started before rendering, so that they leave with its own (one round trip): used instead of reading again. */
export interface RenderReads {
  /** The recipient account's chosen language (LinkStore.getLocale). */
  locale?: Promise<string | null>;
  /** The notification's case (CaseStore.load). */
  case?: Promise<Case | null>;
}

/** Turns outbox notifications into messages for one recipient on one platform. */
export interface NotificationRenderer {
  /** The message for `target` on `platform`: the recipient's language and time zone, and their case card when `n.card`. */
  render(n: Notification, target: DeliveryTarget, platform: Platform, reads?: RenderReads): Promise<OutMessage>;
}

/** Where support messages go: the adapter posts them in its staff channel. */
export const STAFF_CONVERSATION = 'staff';

/** Renders notifications for the outbox worker. */
export function createNotificationRenderer(deps: NotificationRendererDeps): NotificationRenderer {
  const log = deps.logger ?? silentLogger;
  const locales = deps.locales ?? ['fr', 'en'];
  const tokens: ActionTokens = createActionTokens({ kv: deps.kv, clock: deps.clock, ...(deps.actionTtlMs ? { ttlMs: deps.actionTtlMs } : {}), ...(deps.actionSigningKey ? { signingKey: deps.actionSigningKey } : {}) });
  const supported = (tag: string | null | undefined) => {
    const base = (tag ?? '').toLowerCase().split(/[-_]/)[0] ?? '';
    return locales.includes(base) ? base : null;
  };

  async function recipient(target: DeliveryTarget, reads: RenderReads) {
    // The staff channel is the desk's: its dates in the zone of its hours (SUPPORT_TIMEZONE), as its SLA is counted.
    if (!('link' in target)) return { accountId: null, support: true, locale: deps.defaultLocale, timezone: deps.policy?.supportCalendar?.zone ?? deps.defaultTimezone };
    const accountId = target.link.accountId;
    const [chosen, account] = await Promise.all([reads.locale ?? deps.links.getLocale(accountId), deps.marketplace.account(accountId)]);
    return {
      accountId,
      support: account?.roles.includes('support') ?? false,
      locale: supported(chosen) ?? supported(account?.locale) ?? deps.defaultLocale,
      timezone: account?.timezone ?? deps.defaultTimezone,
    };
  }

  /** Buttons for what a notification invites its recipient to do: answer an order's messages, ask for reinstatement. */
  async function offers(n: Notification, accountId: string, reads: RenderReads): Promise<Choice[]> {
    const choices: Choice[] = [];
    if (n.orderId) {
      const order = await deps.marketplace.order(n.orderId);
      const shop = order ? await deps.marketplace.shop(order.shopId) : null;
      const to = order?.buyerId === accountId ? 'seller' : shop?.ownerId === accountId ? 'buyer' : null;
      if (order && to) {
        const token = await tokens.issue(accountId, { k: 'order', orderId: order.id, op: 'reply' });
        choices.push({ label: { id: to === 'buyer' ? 'engine-order-reply-to-buyer' : 'engine-order-reply-to-seller' }, token, style: 'primary' });
      }
    }
    // A case message without its card still gets a button path to answer the other party, on every platform.
    if (n.caseId && !n.card) {
      const c = await (reads.case ?? deps.store.load(n.caseId));
      const to = c && c.status !== 'closed' ? (c.buyerId === accountId ? 'seller' : c.sellerId === accountId ? 'buyer' : null) : null;
      if (c && to) {
        const token = await tokens.issue(accountId, { k: 'case', caseId: c.id, op: 'reply' });
        choices.push({ label: { id: `engine-action-reply-to-${to}` }, token });
      }
    }
    if (n.offerReinstatement) {
      const shop = await deps.marketplace.shop(n.offerReinstatement);
      if (shop?.ownerId === accountId) {
        const token = await tokens.issue(accountId, { k: 'shop', shopId: shop.id, op: 'reinstate' });
        choices.push({ label: { id: 'engine-action-ask-reinstatement' }, token, style: 'primary' });
      }
    }
    return choices;
  }

  return {
    async render(n, target, platform, reads = {}) {
      const who = await recipient(target, reads);
      const out: OutMessage = {
        target: { conversationId: 'link' in target ? target.link.address : STAFF_CONVERSATION },
        locale: who.locale,
        timezone: who.timezone,
        body: n.body,
        ...(n.caseId ? { caseId: n.caseId } : {}),
        ...(n.orderId ? { orderId: n.orderId } : {}),
        ...(n.blobId ? { blobId: n.blobId } : {}),
      };
      if (who.accountId) {
        const choices = await offers(n, who.accountId, reads);
        if (choices.length > 0) out.choices = choices;
      }
      // A notification supersedes the previous notification of its kind (card, relayed message with Reply), never a
      // prompt or confirmation the recipient is answering: it arrives on its own time, not as the next step of theirs.
      const slotOwner = who.accountId ?? SUPPORT_OWNER;
      if (n.card || out.choices) out.slot = noticeSlot(n.card ? 'card' : 'reply', out, slotOwner);
      // The case is closed: the buttons the recipient still has on it go (those this message brings, a contest offer, stay).
      if (n.closing && n.caseId) out.clearSlots = closedCaseSlots(n.caseId, slotOwner, out.slot);
      if (!n.card || !n.caseId) return out;
      const c = await (reads.case ?? deps.store.load(n.caseId));
      if (!c) {
        log.warn({ caseId: n.caseId, notificationId: n.id, platform }, 'notification card: case not found');
        return out;
      }
      const role: ViewerRole | null =
        who.accountId === c.buyerId ? 'buyer' : who.accountId === c.sellerId ? 'seller' : who.support ? 'support' : null;
      if (!role) return out;
      const owner = role === 'support' ? SUPPORT_OWNER : who.accountId!;
      out.card = await buildCard({ marketplace: deps.marketplace, tokens, ...(deps.policy ? { policy: deps.policy } : {}), languageDetector: deps.languageDetector }, c, role, owner, deps.clock.now().toISOString());
      // A card that arrives on its own (a new case, an escalation) shows the case's photos: previews, where platforms show images.
      const photos = livePhotos(c);
      if (photos.length > 0) out.card.photos = photos;
      return out;
    },
  };
}
