import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Platform } from '../../domain/types.js';
import type { KeyValue } from '../../ports/kv.js';

const blobRef = z.object({ id: z.string(), contentType: z.string(), size: z.number(), name: z.string().optional() });
const problemKind = z.enum(['non_delivery', 'not_as_described', 'wrong_size', 'cancellation', 'return_request', 'refund_request', 'delivery_question', 'other']);

/** The buyer's report, from the first message to the opened case (or the message to the seller). */
const reportSchema = z.object({
  flow: z.literal('report'),
  nonce: z.string(),
  step: z.enum(['order', 'reason', 'reason_pick', 'decide', 'description', 'message']),
  kind: problemKind.nullable(),
  orderId: z.string().nullable(),
  reason: problemKind.nullable(),
  /** The case's description: the message that stated the problem, until the buyer writes another. */
  description: z.string().nullable(),
  /**
   * The message the description is, word for word: its platform id, and a digest of the description as it took it. An
   * edit of that message updates the description, unless the description changed since (words were added to it).
   */
  descriptionFrom: z.object({ messageId: z.string(), digest: z.string() }).optional(),
  /**
   * The description ends with a message long enough to be one part of a text the client split (Telegram cuts at 4,096
   * characters), received when the report was last saved (`at`): the buyer's next text, soon after, continues it.
   */
  joinable: z.boolean().optional(),
  evidence: z.array(blobRef),
  /** When the buyer last moved the report on: it lapses after REPORT_LAPSE_MS. */
  at: z.string().optional(),
  /** A message that answered no step, kept while the buyer is asked to resume or leave the report. */
  pending: z.string().optional(),
  /**
   * The problem is of no known kind (`kind` other) and the buyer said what it is (an address to change, an invoice):
   * it is proposed as it is, rather than asked again.
   */
  otherSaid: z.boolean().optional(),
  /**
   * Other orders the buyer named with the same problem (« la 1001 et la 1005 ne sont jamais arrivées »): once this
   * report opens its case, the problem is proposed on the next of them.
   */
  also: z.array(z.string()).optional(),
  /**
   * The problem (and description) said about other orders earlier in this conversation, by order: a report left for
   * another order and taken back later (« bon, ouvrez le litige pour le sac ») finds its problem again.
   */
  said: z.record(z.string(), z.object({ kind: problemKind, description: z.string().nullable() })).optional(),
  /** The orders the last « which order? » offered, in the order shown: « la deuxième » is the second of them. */
  shown: z.array(z.string()).optional(),
  /**
   * The buyer answered the case's dates and choices with a bare « ok » / « d'accord » and was shown them again: another yes
   * right after is the go-ahead to open the case.
   */
  acked: z.boolean().optional(),
});

/** A stored report as this version reads it, or null. */
export function readReport(raw: unknown): ReportState | null {
  const parsed = reportSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

/** A report the buyer has not answered for this long is dropped: the next message starts afresh. */
export const REPORT_LAPSE_MS = 30 * 60 * 1000;

/**
 * A report that lapsed less than this long ago is still the buyer's: its own last buttons answer it (its flow tokens
 * live as long), and a greeting or /start offers it back (« reprendre ou laisser ? ») instead of asking afresh.
 */
export const REPORT_OFFER_BACK_MS = 24 * 3600 * 1000;

/** The report was last moved on less than REPORT_OFFER_BACK_MS ago: it may be offered back. */
export const offeredBack = (s: { at?: string | undefined }, now: string): boolean => !!s.at && Date.parse(now) - Date.parse(s.at) <= REPORT_OFFER_BACK_MS;

/**
 * A case action waiting for typed input (an amount, tracking, a question) or a file. A proof of
 * shipping waits for where it was sent (`proof_address` buttons, then `proof_place` typed), the
 * file kept meanwhile in `blob`.
 */
const caseInputSchema = z.object({
  flow: z.literal('case'),
  nonce: z.string(),
  step: z.enum(['photo', 'amount', 'tracking', 'ask', 'note', 'support', 'proof_address', 'proof_place', 'comment']),
  caseId: z.string(),
  kind: z.enum(['photo', 'file', 'shipping_receipt', 'customs_form', 'delivery_confirmation', 'departure_scan']).optional(),
  from: z.enum(['buyer', 'seller']).optional(),
  recover: z.boolean().optional(),
  blob: blobRef.optional(),
  caption: z.string().optional(),
  /** The tracking number the seller gave alone, waiting for its carrier. */
  number: z.string().max(64).optional(),
});

/** An answer to the other party of an order's messages (no case), waiting to be typed. */
const orderReplySchema = z.object({ flow: z.literal('order'), nonce: z.string(), orderId: z.string() });

/** A reinstatement request waiting for the seller's optional message. */
const reinstateSchema = z.object({ flow: z.literal('reinstate'), nonce: z.string(), shopId: z.string() });

/**
 * Files a buyer with several cases under way sent outside any case, kept while they pick the case they go to
 * (`caseIds`: the cases offered). The pick lapses after REPORT_LAPSE_MS, as a report does.
 */
const filePickSchema = z.object({
  flow: z.literal('file'),
  nonce: z.string(),
  blobs: z.array(z.object({ blob: blobRef, caption: z.string().optional() })),
  caseIds: z.array(z.string()),
  at: z.string(),
});

const stateSchema = z.discriminatedUnion('flow', [reportSchema, caseInputSchema, orderReplySchema, reinstateSchema, filePickSchema]);

export type ConversationState = z.infer<typeof stateSchema>;
export type ReportState = z.infer<typeof reportSchema>;
export type CaseInputState = z.infer<typeof caseInputSchema>;
export type OrderReplyState = z.infer<typeof orderReplySchema>;
export type ReinstateState = z.infer<typeof reinstateSchema>;
export type FilePickState = z.infer<typeof filePickSchema>;

/**
 * Per chat identity, outside any flow: the language picked before linking, the language detected from
 * the first messages, and the offers to switch language already made or turned down.
 */
export interface IdentityPrefs {
  locale?: string;
  detected?: string;
  /** Languages this user was offered to switch to (offered once each). */
  offered?: string[];
  /** Languages this user said no to: never offered again. */
  declined?: string[];
  /**
   * The language offered last, neither taken nor declined, while no message since was clearly in another one: the next
   * message written clearly in it switches to it (the user chose it by writing).
   */
  pendingOffer?: string;
  /**
   * The order this buyer last wrote to its seller about, and when: a problem said right after with no order named
   * (« toujours rien, je veux ouvrir un litige maintenant ») is about it.
   */
  recentOrder?: {
    orderId: string;
    at: string;
    kind?: string;
    /** The message was long enough to be one part of a text the client split: the next part, right after, follows it. */
    long?: boolean;
  };
}

/** Where a conversation is, per user and conversation, surviving restarts; it expires when left alone. */
export interface ConversationStore {
  /** The state, `null` when there is none, `'invalid'` when one was stored that this version cannot read. */
  get(platform: Platform, userId: string, conversationId: string): Promise<ConversationState | null | 'invalid'>;
  set(platform: Platform, userId: string, conversationId: string, state: ConversationState): Promise<void>;
  /** Leaves the current flow; true when there was one. */
  clear(platform: Platform, userId: string, conversationId: string): Promise<boolean>;
  prefs(platform: Platform, userId: string): Promise<IdentityPrefs>;
  setPrefs(platform: Platform, userId: string, prefs: IdentityPrefs): Promise<void>;
  /** `get` and `prefs` in one read: what the start of every turn needs. */
  begin(platform: Platform, userId: string, conversationId: string): Promise<{ state: ConversationState | null | 'invalid'; prefs: IdentityPrefs }>;
}

const convKey = (p: Platform, u: string, c: string) => `engine:conv:${p}:${u}:${c}`;
const prefKey = (p: Platform, u: string) => `engine:pref:${p}:${u}`;

/** A fresh id for one run of a flow: buttons of an earlier run no longer apply. */
export const newNonce = (): string => randomBytes(6).toString('base64url');

/** Conversation state in a KeyValue, expiring `ttlMs` after the last change (24 hours by default). */
export function createConversationStore(kv: KeyValue, ttlMs = 24 * 3600 * 1000): ConversationStore {
  const stateOf = (raw: unknown): ConversationState | null | 'invalid' => {
    if (raw === undefined || raw === null) return null;
    const parsed = stateSchema.safeParse(raw);
    return parsed.success ? parsed.data : 'invalid';
  };
  const prefsOf = (raw: unknown): IdentityPrefs => (raw && typeof raw === 'object' ? (raw as IdentityPrefs) : {});
  return {
    get: async (p, u, c) => stateOf(await kv.get<unknown>(convKey(p, u, c))),
    set: (p, u, c, state) => kv.set(convKey(p, u, c), state, ttlMs),
    clear: (p, u, c) => kv.delete(convKey(p, u, c)),
    prefs: async (p, u) => prefsOf(await kv.get<unknown>(prefKey(p, u))),
    async begin(p, u, c) {
      const [state, prefs] = await kv.getMany<unknown>([convKey(p, u, c), prefKey(p, u)]);
      return { state: stateOf(state), prefs: prefsOf(prefs) };
    },
    // Preferences outlive flows: a language choice should not be forgotten after a day.
    setPrefs: (p, u, prefs) => kv.set(prefKey(p, u), prefs, 365 * 24 * 3600 * 1000),
  };
}
