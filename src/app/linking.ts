import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { ValidationError } from '../domain/errors.js';
import type { Clock } from '../ports/clock.js';
import type { KeyValue } from '../ports/kv.js';

/**
 * Token bytes: 9 random (the nonce) + 5 expiry seconds (big-endian) + 16 of HMAC-SHA256 over both.
 * 30 bytes are 40 base64url characters: inside Telegram's deep-link `start` limit (64 of [A-Za-z0-9_-]),
 * https://core.telegram.org/bots/features#deep-linking
 */
const NONCE = 9;
const EXPIRY = 5;
const MAC = 16;
const TOKEN_BYTES = NONCE + EXPIRY + MAC;
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{40}$/;
/** Keep the nonce a little past expiry so a late use reads as expired, not as used. */
const NONCE_GRACE_MS = 60 * 60 * 1000;

export interface LinkingDeps {
  /** LINK_SECRET. */
  secret: string;
  /** Where nonces live until used: Redis in production so every process agrees on single use. */
  kv: KeyValue;
  clock: Clock;
  ttlMs?: number;
}

/** The ways a user can hand a token to the bot (SPEC section 5). */
export interface DeepLinks {
  /** `https://t.me/<bot>?start=<token>`, or the `/start <token>` command when the bot's name is unknown. */
  telegram: string;
  discord: string;
  teams: string;
}

/** Signed single-use tokens that link a chat identity to a marketplace account. */
export interface Linking {
  /** A new token for the account, valid for the configured lifetime. */
  issue(accountId: string): Promise<{ token: string; expiresAt: string }>;
  /** The account a token was issued for; the token is spent. Throws LINK_TOKEN_INVALID, _EXPIRED or _USED. */
  consume(token: string): Promise<string>;
}

const nonceKey = (nonce: Buffer) => `link-token:${nonce.toString('base64url')}`;

/** Account-link tokens (SPEC section 5). */
export function createLinking({ secret, kv, clock, ttlMs = 15 * 60 * 1000 }: LinkingDeps): Linking {
  if (!secret) throw new Error('createLinking: a secret is required');
  const mac = (body: Buffer) => createHmac('sha256', secret).update('palabre-link-v1\0').update(body).digest().subarray(0, MAC);

  return {
    async issue(accountId) {
      if (!accountId) throw new ValidationError('VALIDATION', 'accountId is required');
      const now = clock.now().getTime();
      const expiresSec = Math.ceil((now + ttlMs) / 1000);
      const body = Buffer.alloc(NONCE + EXPIRY);
      randomBytes(NONCE).copy(body, 0);
      body.writeUIntBE(expiresSec, NONCE, EXPIRY);
      await kv.set(nonceKey(body.subarray(0, NONCE)), accountId, ttlMs + NONCE_GRACE_MS);
      return { token: Buffer.concat([body, mac(body)]).toString('base64url'), expiresAt: new Date(expiresSec * 1000).toISOString() };
    },

    async consume(input) {
      // Pasted tokens often carry a stray space or newline.
      const token = typeof input === 'string' ? input.trim() : '';
      const raw = TOKEN_SHAPE.test(token) ? Buffer.from(token, 'base64url') : null;
      if (!raw || raw.length !== TOKEN_BYTES) throw new ValidationError('LINK_TOKEN_INVALID', 'malformed link token');
      const body = raw.subarray(0, NONCE + EXPIRY);
      if (!timingSafeEqual(raw.subarray(NONCE + EXPIRY), mac(body))) throw new ValidationError('LINK_TOKEN_INVALID', 'link token signature mismatch');
      const expiresMs = body.readUIntBE(NONCE, EXPIRY) * 1000;
      if (clock.now().getTime() >= expiresMs) {
        throw new ValidationError('LINK_TOKEN_EXPIRED', 'link token expired', { expiredAt: new Date(expiresMs).toISOString() });
      }
      const key = nonceKey(body.subarray(0, NONCE));
      const accountId = await kv.get<string>(key);
      // The delete is the single-use decision: only one caller, in any process, sees it return true.
      if (typeof accountId !== 'string' || !(await kv.delete(key))) throw new ValidationError('LINK_TOKEN_USED', 'link token already used');
      return accountId;
    },
  };
}

/** SPEC section 5's ways to use a token: Telegram deep link, Discord slash command, Teams text command. */
export function deepLinks(token: string, opts: { telegramBotUsername?: string } = {}): DeepLinks {
  const bot = opts.telegramBotUsername?.replace(/^@/, '');
  return {
    telegram: bot ? `https://t.me/${encodeURIComponent(bot)}?start=${token}` : `/start ${token}`,
    discord: `/link token:${token}`,
    teams: `link ${token}`,
  };
}
