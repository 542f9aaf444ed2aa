import type { Place } from './address.js';
import type {
  Actor,
  Address,
  BlobRef,
  CaseReason,
  CaseStatus,
  EscalationGround,
  EvidenceKind,
  Money,
  NudgeKind,
  Resolution,
  Role,
  TrackingInfo,
} from './types.js';

/** Fields every timeline entry carries (SPEC section 5). */
interface EntryBase {
  at: string;
  actor: Actor;
}

/**
 * Case events: the append-only timeline. `type` values are the ones SPEC section 5 names,
 * so the stored timeline is the event log itself.
 */
export type CaseEvent =
  | (EntryBase & {
      type: 'opened';
      caseId: string;
      orderId: string;
      buyerId: string;
      shopId: string;
      sellerId: string;
      reason: CaseReason;
      description: string;
      orderTotal: Money;
      escalatableAt: string;
      lateAt: string;
      /** The address the buyer gave at purchase: proofs of shipping and tracking are checked against it. */
      shippingAddress?: Address;
    })
  /**
   * `messageRef`: the chat and platform message the words came in (`<conversation>:<message id>`), so that an edit of
   * that message is relayed as a correction; `correctionOf`: the time of the comment this one corrects; `alarm`: the
   * words read as a threat against the other party (support is told, whatever the case's status).
   */
  | (EntryBase & { type: 'comment'; text: string; messageRef?: string; correctionOf?: string; alarm?: 'threat' })
  | (EntryBase & {
      type: 'evidence';
      kind: EvidenceKind;
      blob?: BlobRef;
      caption?: string;
      /** Proofs of shipping only: whether the address they show matches the order's; null when not stated. */
      addressMatches?: boolean | null;
      /** Proofs of shipping only: where the seller says the proof shows it was sent, when stated. */
      shippedTo?: Place;
    })
  | (EntryBase & {
      type: 'tracking';
      carrier: string;
      number: string;
      delivered: boolean;
      /** Where the carrier says it delivered, when it did. */
      deliveredTo: { city?: string; postalCode?: string; country?: string } | null;
      /** Delivered to a place that is not the order's shipping address: recorded and shown, does not close. */
      mismatch: boolean;
      /** The carrier did not know the number when it was added (a typo, or not registered yet): the seller is told to check it. */
      unknownToCarrier?: true;
    })
  | (EntryBase & {
      type: 'refund';
      amount: Money;
      /** True when this refund brings the total refunded to the order total. */
      full: boolean;
      viaOriginalMethod: boolean;
      /** Support refunds only: recover the funds from the seller. */
      recover: boolean;
    })
  | (EntryBase & { type: 'escalated'; ground: EscalationGround | null })
  | (EntryBase & { type: 'info_requested'; from: 'buyer' | 'seller'; text: string })
  | (EntryBase & { type: 'info_provided'; text: string })
  | (EntryBase & { type: 'note'; text: string })
  /** A party asked support for help (the seller's "ask support"); support gets the case card. */
  | (EntryBase & { type: 'support_requested'; text: string })
  | (EntryBase & { type: 'reminder'; nudge: NudgeKind; to: Role; nudgeId: string })
  | (EntryBase & { type: 'closed'; resolution: Resolution; text?: string })
  | (EntryBase & { type: 'reopened'; text?: string })
  /** The buyer asked support to verify a closure on tracking or on the seller's refund (once, within POLICY_CONTEST_WINDOW). */
  | (EntryBase & { type: 'verification_requested'; resolution: Resolution; text?: string })
  | (EntryBase & { type: 'late_delivery' })
  /** A support agent took the escalated case: its one owner until released. */
  | (EntryBase & { type: 'assigned'; ownerId: string; ownerName: string })
  | (EntryBase & { type: 'released'; ownerId: string })
  /** The retention period after closing ran out: these evidence files were deleted; their entries stay. */
  | (EntryBase & { type: 'evidence_expired'; blobIds: string[] });

export type CaseEventType = CaseEvent['type'];

/** A case as folded from its events (SPEC section 5's JSON, plus what the rules need). */
export interface Case {
  id: string;
  orderId: string;
  buyerId: string;
  shopId: string;
  sellerId: string;
  reason: CaseReason;
  description: string;
  status: CaseStatus;
  resolution: Resolution | null;
  openedAt: string;
  escalatableAt: string;
  escalatedAt: string | null;
  escalationGround: EscalationGround | null;
  closedAt: string | null;
  /** The order's shipping address at opening (absent on cases opened before it was recorded). */
  shippingAddress?: Address;
  /** When the case counts as a late delivery (opening + POLICY_MAX_CASE_AGE). */
  lateAt: string;
  lateDelivery: boolean;
  orderTotal: Money;
  refunded: Money;
  /** Last time the seller acted (comment, evidence, tracking, refund); null until they do. */
  sellerActedAt: string | null;
  /** Last buyer comment not yet followed by a seller action; drives the reply nudge. */
  buyerWaitingSince: string | null;
  /** Open request for information from support, if any. */
  infoRequested: { from: 'buyer' | 'seller'; at: string } | null;
  /** Tracking that showed delivery somewhere else than the shipping address. */
  trackingMismatch: boolean;
  /**
   * The latest proof of shipping that says where it went shows another place than the order's
   * address (SPEC: a proof must show shipment to the address given at purchase). Absent until a
   * proof states a place.
   */
  proofAddressMismatch?: boolean;
  /** The support agent who owns the escalated case (`/take`); absent or null when nobody does. */
  owner?: CaseOwner | null;
  /** When the buyer asked support to verify a closure (at most once per case). */
  verificationRequestedAt?: string;
  /** Number of events applied; the optimistic-concurrency version. */
  version: number;
  timeline: CaseEvent[];
}

/** Who owns an escalated case on the support desk. */
export interface CaseOwner {
  accountId: string;
  name: string;
  /** When they took it. */
  since: string;
}

/** Commands on an existing case: imperative, decided against the case's current state. */
export type CaseCommand =
  /** `messageRef`: the chat message the words came in; `correctionOf`: the time of the comment an edit of it corrects; `alarm`: read as a threat. */
  | { type: 'Comment'; text: string; messageRef?: string; correctionOf?: string; alarm?: 'threat' }
  | { type: 'AddEvidence'; kind: EvidenceKind; blob?: BlobRef; caption?: string; shippedTo?: Address }
  | { type: 'AddTracking'; carrier: string; number: string; info: TrackingInfo | null; shippingAddress: Address }
  | { type: 'Refund'; amount?: Money; viaOriginalMethod?: boolean; recover?: boolean }
  | { type: 'BuyerClose' }
  | { type: 'Escalate'; ground?: EscalationGround }
  | { type: 'AskInfo'; from: 'buyer' | 'seller'; text: string }
  | { type: 'DecideForSeller'; text?: string }
  /** Support settles for the buyer: refunds what is left (if anything) and closes. */
  | { type: 'DecideForBuyer'; recover?: boolean; text?: string }
  | { type: 'Reopen'; text?: string }
  /** The buyer contests a closure on tracking or on the seller's refund: support is asked to verify. */
  | { type: 'RequestVerification'; text?: string }
  /** The daily retention job records that a closed case's evidence files were deleted. */
  | { type: 'ExpireEvidence'; blobIds: string[] }
  | { type: 'Note'; text: string }
  /** A party (the seller above all) asks support for help on the case. */
  | { type: 'RequestSupport'; text: string }
  | { type: 'FlagLateDelivery' }
  | { type: 'RecordReminder'; nudge: NudgeKind; to: Role; nudgeId: string }
  /** Support takes the escalated case (`/take`, « Je prends »); `name` is shown on the card and timeline. */
  | { type: 'Take'; name: string }
  /** The owner gives the case back to the desk (`/release`). */
  | { type: 'Release' };

export type CaseCommandType = CaseCommand['type'];
