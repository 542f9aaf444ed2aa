import type { BlobRef, CaseReason, CaseStatus, Money, Platform, Resolution } from '../domain/types.js';
import type { Msg } from '../ports/notification.js';
import type { PlatformCapabilities } from './platform.js';

/** What the user sent in one turn. */
export type TurnContent =
  | { type: 'text'; text: string }
  /** A slash or text command: `/refund C-000001 5000` is name `refund`, args `['C-000001', '5000']`. */
  | { type: 'command'; name: string; args: string[]; text: string }
  /** A button or menu choice: the opaque token of a Choice the engine sent. */
  | { type: 'action'; token: string }
  /** A photo or file, already copied into Palabre's blob storage by the adapter. */
  | { type: 'attachment'; blob: BlobRef; caption?: string }
  /**
   * The user edited a message they sent earlier (`TurnInput.messageId` is the edited message's id): its new text, and
   * whether that text is a command (an edited command is never run again).
   */
  | { type: 'edit'; text: string; command?: boolean };

/** One inbound event, platform-neutral. Adapters build it; the engine resolves the account. */
export interface TurnInput {
  platform: Platform;
  /** The platform's user id. */
  userId: string;
  userName?: string;
  /** The platform's idea of the user's language (`fr`, `en-US`): used until the account or /lang says otherwise. */
  languageHint?: string;
  /** Chat, channel or conversation the event came from. */
  conversationId: string;
  /** Thread or forum topic within the conversation, if any. */
  threadId?: string | null;
  /**
   * The platform's id of the user's message (text, command or file), unique within the conversation: an edit of it
   * later names the same id. Absent for button presses and where the platform gives none.
   */
  messageId?: string | null;
  /** Platform message id this event replies to, if any: a reply to a case message is a comment on that case. */
  replyToMessageId?: string | null;
  /** True in one-to-one chats with the bot. */
  isPrivate: boolean;
  /** True when the event comes from the configured staff channel or group: the only place support commands run. */
  isStaffChannel?: boolean;
  /** What the platform the event came from gives (its adapter's declaration); a staff channel is assumed when absent. */
  capabilities?: PlatformCapabilities;
  content: TurnContent;
  /**
   * The platform's id for this inbound event (e.g. `telegram:update:<bot>:<update_id>`), when the platform may deliver
   * it again: the case changes it makes are stored once, even when a crash made the platform redeliver it.
   */
  eventId?: string;
}

/** A button: a localized label and an opaque token the engine resolves server-side. */
export interface Choice {
  label: Msg;
  /** Opaque, short (fits Telegram's 64-byte callback data), bound to the user it was sent to. */
  token: string;
  style?: 'primary' | 'secondary' | 'danger';
}

/** What a case looks like to one viewer. */
export interface CaseCard {
  caseId: string;
  orderId: string;
  /** First item's title (and "+N" if more), for recognition. */
  orderTitle: string;
  shopName: string;
  reason: CaseReason;
  status: CaseStatus;
  resolution: Resolution | null;
  description: string;
  total: Money;
  refunded: Money;
  openedAt: string;
  escalatableAt: string;
  escalatedAt: string | null;
  closedAt: string | null;
  lateDelivery: boolean;
  trackingMismatch: boolean;
  /** The latest proof of shipping that says where it went shows another place than the order's address. */
  proofAddressMismatch?: boolean;
  /** Support cards of escalated cases: the agent who owns the case, or null when nobody does. */
  owner?: string | null;
  /**
   * Support cards: the language the buyer's description is written in (`ln`, `sw`, `fr`, `en`), as
   * detected; the description itself is always shown as the buyer wrote it.
   */
  descriptionLanguage?: string;
  /** Support cards: business time left before support's answer is due (negative once late), in minutes. */
  supportDueInMinutes?: number;
  /** Blob ids of the case's photos still kept (the latest few), shown small on the card where the platform shows images. */
  photos?: string[];
  /** The viewer's role on this case. */
  viewerRole: 'buyer' | 'seller' | 'support';
  /** What the viewer may do now. */
  actions: Choice[];
}

/** One message to post. Texts are message ids with arguments; the adapter localizes with `locale` and `timezone`. */
export interface OutMessage {
  /** Where to post it. For notifications, the recipient's direct address; the adapter may post in the case's thread instead. */
  target: { conversationId: string; threadId?: string | null };
  locale: string;
  timezone: string;
  /** Paragraphs. */
  body: Msg[];
  choices?: Choice[];
  card?: CaseCard;
  /** The case this message is about: the adapter remembers the sent message so that replies become comments. */
  caseId?: string;
  /**
   * The order this message is about, for order messages without a case (a buyer writing to the
   * seller, the seller's answer). Adapters remember the sent message as `orderSubject(orderId)`
   * (src/ports/threads.ts), as they do for `caseId`, so that a reply to it answers the other party.
   */
  orderId?: string;
  /** A stored blob to attach (relayed evidence). */
  blobId?: string;
  /** The engine waits for this kind of answer next (lets Discord show a modal, Telegram a force-reply). */
  expects?: 'text' | 'description' | 'photo' | 'amount' | 'tracking';
  /** Replaces the earlier message with the same key where the platform can edit (a case card whose case changed). */
  replaceKey?: string;
  /** The user chose this language (`/lang`): adapters that keep their own language setting switch to it. */
  language?: string;
  /**
   * Written in `locale` whatever the reader's setting: the offer to switch to the language the user wrote in
   * (« Nakoki kolobela yo na Lingala ? »). Adapters that render a message in several languages (the playground's
   * language menu) keep this one in its own.
   */
  ownLanguage?: true;
  /**
   * Messages with buttons in one slot of a chat supersede each other: when this one is posted, the adapter
   * removes or disables the buttons of the previous message it posted in the same chat with the same slot
   * (`case:<id>` for a case's card and its confirmations, `order:<id>`, `prompt` for a flow's questions).
   */
  slot?: string;
  /**
   * Slots this message ends (a case closed): the adapter removes or disables the buttons of the last message it
   * posted in each of them in this chat, and leaves them empty. Never this message's own `slot`.
   */
  clearSlots?: string[];
}

/** The engine's answer to one turn. */
export interface TurnResult {
  replies: OutMessage[];
  /**
   * The pressed button's message is done with (a choice made, a confirmation answered, a stale button
   * answered): the adapter removes or disables its buttons where the platform can. Absent when the
   * press was refused as someone else's button, so the owner's message stays usable.
   */
  retirePressed?: boolean;
  /**
   * The case store recorded the inbound event (`eventId`) as handled with the change it made (AppendOptions
   * .markInbound): the adapter's own confirmation of the event's once-only mark is already written.
   */
  inboundMarked?: boolean;
  /**
   * The turn failed because the storage refused its writes or could not be reached (Redis full, read-only, loading,
   * unreachable) before the event was recorded as handled: the error. An adapter whose platform delivers an event
   * again leaves it unacknowledged, so that it is handled once Redis takes writes again (SPEC §7: an event is
   * acknowledged only once handled); `replies` holds the apology for one that cannot.
   */
  storageRefused?: unknown;
}

/** The conversation engine: one turn in, replies out. */
export interface Engine {
  /** Handles one inbound event; never throws for user errors (they become localized replies). */
  handle(input: TurnInput): Promise<TurnResult>;
  /**
   * Starts the reads `handle` makes first for this input (link, flow state, what the message is about), deciding
   * nothing, so that they leave with the caller's own (the inbound update's claim): `handle` of an input with the same
   * `eventId` takes them. Optional; reads of an event never handled are dropped.
   */
  prefetch?(input: TurnInput): void;
}
