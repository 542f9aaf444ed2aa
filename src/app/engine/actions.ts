import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { ValidationError } from '../../domain/errors.js';
import type { Clock } from '../../ports/clock.js';
import type { KeyValue } from '../../ports/kv.js';

/** What a button does on a case card (or in a confirmation after one). */
export const CASE_OPS = [
  'view',
  'photo',
  'proof',
  'close',
  'escalate',
  'refund_full',
  'refund_partial',
  'tracking',
  'decide',
  'reopen',
  'ask_buyer',
  'ask_seller',
  'note',
  'support',
  'take',
  'verify',
  'decide_buyer',
  'reply',
] as const;
export type CaseOp = (typeof CASE_OPS)[number];

const payloadSchema = z.discriminatedUnion('k', [
  /** A choice inside the current flow; `nonce` ties it to that run of the flow. */
  z.object({ k: z.literal('flow'), nonce: z.string(), v: z.string() }),
  z.object({
    k: z.literal('case'),
    caseId: z.string(),
    op: z.enum(CASE_OPS),
    /** The step after a confirmation: `yes`, a ground, an evidence kind. */
    arg: z.string().optional(),
    amount: z.number().int().positive().optional(),
    recover: z.boolean().optional(),
    /** Words typed with a command (`/decide C-1 seller <why>`), kept until it is confirmed. */
    text: z.string().max(4000).optional(),
    /** The buttons of one confirmation share this id: the first press spends them all (« déjà choisi »). */
    once: z.string().max(32).optional(),
  }),
  /** Support's `/cases` menu: one of the queues. */
  z.object({ k: z.literal('queue'), view: z.enum(['escalated', 'overdue', 'waiting', 'all']) }),
  /** Support picks one shop among several that a name matched (`/suspend Bisou …`). */
  z.object({ k: z.literal('staff_shop'), shopId: z.string(), op: z.enum(['suspend', 'reinstate']), text: z.string().max(4000).optional() }),
  /** Answer the other party of an order's messages (no case): sent on relayed order messages. */
  z.object({
    k: z.literal('order'),
    orderId: z.string(),
    op: z.literal('reply'),
    /** Words the buyer typed outside the reply, offered to be sent as written (single use, `once`). */
    text: z.string().max(4000).optional(),
    once: z.string().max(32).optional(),
  }),
  /** A suspended shop's owner asks support for reinstatement. */
  z.object({ k: z.literal('shop'), shopId: z.string(), op: z.literal('reinstate') }),
  /** The offer to answer in the language the user just wrote in: yes records the choice, no is remembered. */
  z.object({ k: z.literal('lang'), lang: z.string().regex(/^[a-z]{2,3}$/), v: z.enum(['yes', 'no']) }),
  /** Embedded mode: link this identity to a demo account. */
  z.object({ k: z.literal('demo'), accountId: z.string() }),
]);

/** The server-side meaning of a button token. */
export type ActionPayload = z.infer<typeof payloadSchema>;

const recordSchema = z.object({ owner: z.string(), exp: z.number(), payload: payloadSchema });

/** Who a token was sent to: an account id, the support team, or an unlinked chat identity. */
export type TokenOwner = string;
/** Any account with the support role in a staff channel may use tokens sent to the support team. */
export const SUPPORT_OWNER = '#support';
/** The owner of tokens sent to a chat identity that is not linked yet. */
export const identityOwner = (platform: string, userId: string): TokenOwner => `@${platform}:${userId}`;

/** Opaque button tokens: short random ids whose meaning stays on the server, bound to their recipient. */
export interface ActionTokens {
  /** Stores the payload and returns its token (about 23 characters: fits Telegram's 64-byte callback data). */
  issue(owner: TokenOwner, payload: ActionPayload, ttlMs?: number): Promise<string>;
  /** The payload of a token sent to one of `owners`. Throws ACTION_INVALID (unknown, foreign, tampered) or ACTION_EXPIRED. */
  resolve(token: string, owners: TokenOwner[]): Promise<ActionPayload>;
}

/** The marker of a group of single-use buttons (a confirmation): deleting it is the one press that counts. */
export const onceKey = (id: string): string => `engine:once:${id}`;

const TOKEN_SHAPE = /^([A-Za-z0-9_-]{16})\.([0-9a-z]{1,11})$/;
const key = (id: string) => `engine:act:${id}`;

/** A signed token: its payload in a few characters, its expiry, and a signature bound to its owner. */
const SIGNED_SHAPE = /^([coq][A-Za-z0-9_-]{1,30})\.([0-9a-z]{1,11})\.([A-Za-z0-9_-]{16})$/;
const CASE_NUMBER = /^C-(\d{6,12})$/;
const ORDER_ID = /^[A-Za-z0-9_-]{1,24}$/;
const QUEUE_VIEWS = ['escalated', 'overdue', 'waiting', 'all'] as const;

/**
 * The payloads most buttons carry (a case action with nothing more, answering an order's messages, a support queue)
 * written into the token itself: `c<op><case number>`, `o<order id>`, `q<queue>`. Null for any other payload.
 */
function compact(payload: ActionPayload): string | null {
  if (payload.k === 'case') {
    const n = CASE_NUMBER.exec(payload.caseId);
    const extras = Object.keys(payload).some((f) => f !== 'k' && f !== 'caseId' && f !== 'op');
    return n && !extras ? `c${CASE_OPS.indexOf(payload.op).toString(36)}${n[1]}` : null;
  }
  if (payload.k === 'order' && ORDER_ID.test(payload.orderId)) return `o${payload.orderId}`;
  if (payload.k === 'queue') return `q${QUEUE_VIEWS.indexOf(payload.view)}`;
  return null;
}

function expand(code: string): ActionPayload | null {
  const body = code.slice(1);
  if (code[0] === 'c') {
    const op = CASE_OPS[parseInt(body[0] ?? '', 36)];
    const digits = body.slice(1);
    return op && /^\d{6,12}$/.test(digits) ? { k: 'case', caseId: `C-${digits}`, op } : null;
  }
  if (code[0] === 'o') return ORDER_ID.test(body) ? { k: 'order', orderId: body, op: 'reply' } : null;
  const view = QUEUE_VIEWS[Number(body)];
  return code[0] === 'q' && view && /^\d$/.test(body) ? { k: 'queue', view } : null;
}

/**
 * Button tokens. Most are signed with `signingKey` (shared by every process: LINK_SECRET) and stored nowhere: a
 * relay's reply button or a card's actions then cost no write, and no key kept for a month. Payloads that do not fit
 * (confirmations with their words or amounts, flow choices) are kept in the KeyValue under a random id, as are all
 * of them without a key. `ttlMs` is the default lifetime (case cards sent by nudges live for days).
 */
export function createActionTokens(deps: { kv: KeyValue; clock: Clock; ttlMs?: number; signingKey?: string }): ActionTokens {
  const defaultTtl = deps.ttlMs ?? 30 * 24 * 3600 * 1000;
  const sign = (owner: TokenOwner, code: string, exp: string): Buffer =>
    Buffer.from(createHmac('sha256', deps.signingKey!).update(`palabre-action\n${owner}\n${code}.${exp}`).digest('base64url').slice(0, 16));

  function resolveSigned(m: RegExpExecArray, owners: TokenOwner[]): ActionPayload {
    const [, code, exp, sig] = m as unknown as [string, string, string, string];
    const payload = deps.signingKey ? expand(code) : null;
    const given = Buffer.from(sig);
    if (!payload || !owners.some((owner) => timingSafeEqual(sign(owner, code, exp), given))) {
      throw new ValidationError('ACTION_INVALID', 'unknown, tampered or foreign action token');
    }
    if (parseInt(exp, 36) <= deps.clock.now().getTime() / 1000) throw new ValidationError('ACTION_EXPIRED', 'action token expired');
    return payload;
  }

  return {
    async issue(owner, payload, ttlMs = defaultTtl) {
      // The expiry rides in the token too: once the record is gone, an old token reads as expired, not unknown.
      const exp = Math.ceil((deps.clock.now().getTime() + ttlMs) / 1000);
      const code = deps.signingKey ? compact(payloadSchema.parse(payload)) : null;
      if (code) return `${code}.${exp.toString(36)}.${sign(owner, code, exp.toString(36)).toString()}`;
      const id = randomBytes(12).toString('base64url');
      await deps.kv.set(key(id), { owner, exp, payload: payloadSchema.parse(payload) }, ttlMs);
      return `${id}.${exp.toString(36)}`;
    },
    async resolve(token, owners) {
      const signed = SIGNED_SHAPE.exec(typeof token === 'string' ? token : '');
      if (signed) return resolveSigned(signed, owners);
      const m = TOKEN_SHAPE.exec(typeof token === 'string' ? token : '');
      if (!m) throw new ValidationError('ACTION_INVALID', 'malformed action token');
      const exp = parseInt(m[2]!, 36);
      const nowSec = deps.clock.now().getTime() / 1000;
      const rec = recordSchema.safeParse(await deps.kv.get(key(m[1]!)));
      if (!rec.success) {
        if (exp <= nowSec) throw new ValidationError('ACTION_EXPIRED', 'action token expired');
        throw new ValidationError('ACTION_INVALID', 'unknown action token');
      }
      if (rec.data.exp !== exp) throw new ValidationError('ACTION_INVALID', 'tampered action token');
      if (!owners.includes(rec.data.owner)) throw new ValidationError('ACTION_INVALID', 'action token sent to someone else');
      if (rec.data.exp <= nowSec) throw new ValidationError('ACTION_EXPIRED', 'action token expired');
      return rec.data.payload;
    },
  };
}
