import { join } from 'node:path';
import type { Redis } from 'ioredis';
import { createRedisCardIds, type CardIds } from '../adapters/telegram/cards.js';
import type { Palabre } from '../src/compose.js';
import type { Case, CaseCommand, CaseEvent } from '../src/domain/case-model.js';
import { decide, evolve } from '../src/domain/decider.js';
import { nudgeId } from '../src/domain/nudges.js';
import type { Actor } from '../src/domain/types.js';
import { generateMarketplace, writeMarketplace } from './marketplace.js';
import { keysUnder } from './redis-tools.js';
import { composeForRun } from './seed.js';
import { pool, round, seededRandom } from './stats.js';

/** Redis memory per open case, measured with MEMORY USAGE over every key of a sample of open cases. */
export interface MemoryResult {
  cases: number;
  /** Timeline entries per case on average. */
  eventsPerCase: number;
  keys: number;
  bytesPerCase: number;
  /** Bytes per case by kind of key, largest first. */
  breakdown: Array<{ kind: string; bytesPerCase: number; keysPerCase: number }>;
  seedSeconds: number;
}

const WORDS = ('le colis commande livraison toujours pas reçu suivi transporteur vendeur adresse Kinshasa semaine '
  + 'merci de vérifier envoi depuis bloqué douane retard photo article abîmé couleur taille différente annonce '
  + 'remboursement attendre réponse rapidement bonjour madame monsieur possible').split(' ');

/** French-looking text of `min`..`max` characters. */
function sentence(rnd: () => number, min: number, max: number): string {
  const target = min + Math.floor(rnd() * (max - min));
  let s = '';
  while (s.length < target) s += `${WORDS[Math.floor(rnd() * WORDS.length)]} `;
  return `${s.trim()}.`;
}

/** Keys by what they hold (see src/infra/redis-case-store.ts, kv.ts, dedup.ts, bullmq-scheduler.ts). */
function kindOf(key: string, prefix: string): string {
  const k = key.slice(prefix.length);
  if (k.startsWith('case:{')) return 'case: snapshot + timeline + outbox';
  if (k.startsWith('{idx}:')) return 'case indexes';
  if (k.startsWith('claim:')) return 'order claims';
  if (k.startsWith('{bull}:nudges:')) return 'scheduled nudges (BullMQ)';
  if (k.startsWith('{bull}:') || k.startsWith('{dlv}')) return 'delivery queues';
  if (k.startsWith('kv:thread:') || k.startsWith('thread:')) return 'thread registry (message → case)';
  if (k.startsWith('dedup:')) return 'inbound update dedup';
  if (k.startsWith('kv:tg:') || k.startsWith('tg:cards:') || k.startsWith('kv:engine:')) return 'adapter and engine state';
  return 'other';
}

interface Party {
  accountId: string;
  telegramId: number;
}

/** Message ids per chat, as Telegram numbers them (a seller's chat holds many cases). */
const messageIds = new Map<number, number>();
const nextMessageId = (chat: number) => {
  const n = (messageIds.get(chat) ?? 0) + 1;
  messageIds.set(chat, n);
  return n;
};

/**
 * A realistic open case: opened through the case service, then 1–6 comments alternating buyer and seller,
 * sometimes a fired seller reminder, a buyer photo, tracking in transit or a proof of shipping. The later
 * events are decided by the domain and stored in one append followed by the nudge planning, which leaves in
 * Redis what one append per event would (same timeline, indexes and pending nudges) at a fifth of the cost.
 * Alongside, what the Telegram adapter keeps per message: the message → case map of both parties' copies,
 * the update dedup marker, the card ids.
 */
async function buildCase(p: Palabre, cards: CardIds, i: number, buyer: Party & { orderId: string }, seller: Party, rnd: () => number): Promise<number> {
  const reason = rnd() < 0.7 ? 'non_delivery' : 'not_as_described';
  const opened = await p.cases.open({ accountId: buyer.accountId, platform: 'telegram' }, { orderId: buyer.orderId, reason, description: sentence(rnd, 80, 400) });
  const start = opened.case;
  const actor = (who: 'buyer' | 'seller' | 'system'): Actor => ({ accountId: who === 'buyer' ? buyer.accountId : who === 'seller' ? seller.accountId : 'system', role: who, platform: who === 'system' ? 'system' : 'telegram' });
  const steps: Array<[Actor, CaseCommand]> = [];
  if (rnd() < 0.4) steps.push([actor('system'), { type: 'RecordReminder', nudge: 'seller_reminder', to: 'seller', nudgeId: nudgeId(start.id, 'seller_reminder', 1) }]);
  const comments = 1 + Math.floor(rnd() * 6);
  for (let c = 0; c < comments; c++) steps.push([actor(c % 2 === 0 ? 'buyer' : 'seller'), { type: 'Comment', text: sentence(rnd, 30, 300) }]);
  const blob = () => ({ id: `blob-${i}-${Math.floor(rnd() * 1e9).toString(36)}`, contentType: 'image/jpeg', size: 150_000 + Math.floor(rnd() * 2e6) });
  if (rnd() < 0.3) steps.push([actor('buyer'), { type: 'AddEvidence', kind: 'photo', blob: blob(), caption: sentence(rnd, 10, 80) }]);
  if (rnd() < 0.25) steps.push([actor('seller'), { type: 'AddTracking', carrier: 'dhl', number: `JD${100000 + i}`, info: null, shippingAddress: start.shippingAddress! }]);
  if (reason === 'non_delivery' && rnd() < 0.15) steps.push([actor('seller'), { type: 'AddEvidence', kind: 'departure_scan', blob: blob() }]);

  let c: Case = start;
  const events: CaseEvent[] = [];
  for (const [who, cmd] of steps) {
    const decided = decide(c, cmd, { now: new Date().toISOString(), policy: p.policy, actor: who });
    c = decided.reduce<Case>((s, e) => evolve(s, e), c);
    events.push(...decided);
  }
  await p.store.append(c.id, start.version, events, c, []);
  await p.nudges.afterAppend(c, events);

  const remember = (who: Party) => p.threads.rememberMessage('telegram', String(who.telegramId), String(nextMessageId(who.telegramId)), c.id);
  const writes: Promise<unknown>[] = [remember(buyer), remember(seller)];
  for (const who of [buyer, seller]) writes.push(cards.set(String(who.telegramId), `case-card:${c.id}`, nextMessageId(who.telegramId)));
  for (const [who] of steps) {
    if (who.role === 'system') writes.push(remember(seller));
    else writes.push(remember(buyer), remember(seller), p.dedup.first(`telegram:update:4242:${i}-${events.length}-${writes.length}`, 7 * 86_400_000));
  }
  await Promise.all(writes);
  return c.timeline.length;
}

/** Section 2, memory: `cases` open cases with realistic timelines under `prefix`, then MEMORY USAGE of every key. */
export async function measureMemory(ctx: { redisUrl: string; redis: Redis; prefix: string; cases: number; dir: string; linkSecret: string; log: (s: string) => void }): Promise<MemoryResult> {
  const { prefix, cases } = ctx;
  const market = generateMarketplace(cases, Math.max(1, Math.ceil(cases / 20)));
  const dataFile = join(ctx.dir, 'memory-marketplace.json');
  await writeMarketplace(dataFile, market);
  const p = await composeForRun({ REDIS_URL: ctx.redisUrl, REDIS_PREFIX: prefix, LINK_SECRET: ctx.linkSecret, MARKETPLACE_DATA: dataFile, LOG_LEVEL: 'silent' });
  // Started with no platform: the outbox hands each notification off with nobody to deliver to, as a drained outbox would be.
  await p.start();
  // The Telegram adapter's card-id store on Redis (adapters/telegram/cards.ts).
  const cards = createRedisCardIds(p.redis!, prefix, p.kv);
  const rnd = seededRandom(11);
  const t0 = performance.now();
  let events = 0;
  try {
    await pool(cases, 64, async (i) => {
      const b = market.buyers[i]!;
      const s = market.sellers[b.shop]!;
      const n = await buildCase(p, cards, i, b, s, rnd);
      events += n;
      if ((i + 1) % 2500 === 0) ctx.log(`  ${i + 1} cases built`);
    });
  } finally {
    await p.close();
  }
  const seedSeconds = (performance.now() - t0) / 1000;
  const keys = await keysUnder(ctx.redis, prefix);
  const totals = new Map<string, { bytes: number; keys: number }>();
  for (let i = 0; i < keys.length; i += 1000) {
    const batch = keys.slice(i, i + 1000);
    const pipe = ctx.redis.pipeline();
    for (const k of batch) pipe.memory('USAGE', k, 'SAMPLES', 0);
    const replies = (await pipe.exec()) ?? [];
    batch.forEach((k, j) => {
      const kind = kindOf(k, prefix);
      const t = totals.get(kind) ?? { bytes: 0, keys: 0 };
      t.bytes += Number(replies[j]?.[1] ?? 0);
      t.keys += 1;
      totals.set(kind, t);
    });
  }
  const bytes = [...totals.values()].reduce((a, t) => a + t.bytes, 0);
  return {
    cases,
    eventsPerCase: round(events / cases, 2),
    keys: keys.length,
    bytesPerCase: Math.round(bytes / cases),
    breakdown: [...totals.entries()]
      .sort((a, b) => b[1].bytes - a[1].bytes)
      .map(([kind, t]) => ({ kind, bytesPerCase: Math.round(t.bytes / cases), keysPerCase: round(t.keys / cases, 2) })),
    seedSeconds: round(seedSeconds, 1),
  };
}
