import { afterEach, describe, expect, it } from 'vitest';
import { digestBody } from '../../src/app/desk-digest.js';
import { renderMessage } from '../../src/app/render.js';
import { TELEGRAM_CAPABILITIES } from '../../adapters/telegram/capabilities.js';
import { composePalabre, type Palabre } from '../../src/compose.js';
import { loadConfig } from '../../src/config.js';
import { fold } from '../../src/domain/decider.js';
import { parseBusinessHours, type WeeklyHours } from '../../src/domain/business-hours.js';
import { parsePolicy } from '../../src/domain/policy.js';
import { silentLogger } from '../../src/ports/logger.js';
import { DeliveryError, type DeliveryTarget, type Notifier } from '../../src/ports/notifier.js';
import type { OutMessage } from '../../src/ports/turn.js';
import { TEST_REDIS_URL, testRedis, type TestRedis } from '../support/redis.js';
import { escalatedCase, play } from '../domain/support.js';

/** Real time, shifted so that the test starts just before a business day opens. */
function shiftedClock(startIso: string) {
  const offset = Date.parse(startIso) - Date.now();
  return { now: () => new Date(Date.now() + offset) };
}

/** A platform that keeps what reaches its staff channel. */
function staffChannel(posts: OutMessage[]): Notifier {
  return {
    platform: 'telegram',
    async deliver(target: DeliveryTarget, message: OutMessage) {
      if ('support' in target) posts.push(message);
    },
  };
}

const isDigest = (m: OutMessage) => m.body[0]?.id === 'desk-digest-title';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until(check: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check() && Date.now() < end) await sleep(50);
}

// Monday 9 November 2026, 07:59:57 in Kinshasa: the desk opens at 08:00.
const BEFORE_OPENING = '2026-11-09T06:59:57.000Z';
const OPENING = '2026-11-09T07:00:00.000Z';

describe('the morning digest is posted in the staff channel once per business day', () => {
  const apps: Palabre[] = [];
  let r: TestRedis | null = null;
  afterEach(async () => {
    for (const p of apps.splice(0)) await p.close();
    await r?.cleanup();
    r = null;
  });

  it('three app instances on one Redis (real BullMQ) post it exactly once, at the opening', async () => {
    r = await testRedis();
    const clock = shiftedClock(BEFORE_OPENING);
    const config = loadConfig({ LOG_LEVEL: 'silent', REDIS_URL: TEST_REDIS_URL, REDIS_PREFIX: r.prefix, LINK_SECRET: 'desk-digest-link-secret-0123', POLICY_SUPPORT_SLA: 'PT8H' });
    const posts: OutMessage[] = [];
    for (let i = 0; i < 3; i++) {
      const p = await composePalabre({ config, logger: silentLogger, clock, redis: r.connect({ maxRetriesPerRequest: null }), outbox: { backoffMs: 100, sweepEveryMs: 0 } });
      p.addNotifier(staffChannel(posts));
      apps.push(p);
    }
    const caseId = (await apps[0]!.cases.open({ accountId: 'acc-amina', platform: 'telegram' }, { orderId: 'CC-1001', reason: 'non_delivery', description: 'Rien reçu.' })).case.id;
    await apps[0]!.cases.act({ accountId: 'acc-support-1', platform: 'telegram' }, caseId, { type: 'Escalate', ground: 'inactivity' });
    await Promise.all(apps.map((p) => p.start()));

    await until(() => posts.some(isDigest));
    const firstAt = clock.now().toISOString();
    // A fourth process starting after the opening schedules today's digest again: BullMQ knows the id, nothing more is posted.
    const late = await composePalabre({ config, logger: silentLogger, clock, redis: r.connect({ maxRetriesPerRequest: null }), outbox: { backoffMs: 100, sweepEveryMs: 0 } });
    late.addNotifier(staffChannel(posts));
    apps.push(late);
    await late.start();
    await sleep(1500);

    const digests = posts.filter(isDigest);
    expect(digests).toHaveLength(1);
    expect(Date.parse(firstAt)).toBeGreaterThanOrEqual(Date.parse(OPENING));
    const text = renderMessage(digests[0]!, apps[0]!.i18n, TELEGRAM_CAPABILITIES).text;
    expect(text).toContain('Point du support du');
    expect(text).toContain('Nouveaux depuis le dernier point (1)');
    expect(text).toContain('Sans responsable (1)');
    expect(text).toContain(caseId);
  });

  it('the embedded mode posts it with the in-memory scheduler, once', async () => {
    const clock = shiftedClock(BEFORE_OPENING);
    const p = await composePalabre({ config: loadConfig({ LOG_LEVEL: 'silent' }), logger: silentLogger, clock, outbox: { backoffMs: 100, sweepEveryMs: 0 } });
    const posts: OutMessage[] = [];
    p.addNotifier(staffChannel(posts));
    apps.push(p);
    await p.start();
    await until(() => posts.some(isDigest));
    // The demo's shortened clock leaves the desk's days alone: posted at Kinshasa's 08:00, not at midnight.
    expect(clock.now().getTime()).toBeGreaterThanOrEqual(Date.parse(OPENING));
    await p.digest.schedule();
    await sleep(500);
    expect(posts.filter(isDigest)).toHaveLength(1);
    expect(renderMessage(posts[0]!, p.i18n, TELEGRAM_CAPABILITIES).text).toContain('Rien en attente');
  });
});

describe('support is told only on the platforms with a staff channel', () => {
  it('the digest reaches the platform with one; the platform without one gets nothing and leaves no dead letter', async () => {
    const clock = shiftedClock(BEFORE_OPENING);
    const p = await composePalabre({ config: loadConfig({ LOG_LEVEL: 'silent' }), logger: silentLogger, clock, outbox: { backoffMs: 100, sweepEveryMs: 0, maxAttempts: 1 } });
    const posts: OutMessage[] = [];
    const tried: OutMessage[] = [];
    p.addNotifier(staffChannel(posts));
    // Discord with no DISCORD_STAFF_CHANNEL_ID: its notifier refuses support's messages for good, as the adapters do.
    p.addNotifier({
      platform: 'discord',
      staffChannel: false,
      async deliver(target, message) {
        if ('support' in target) {
          tried.push(message);
          throw new DeliveryError('DISCORD_STAFF_CHANNEL_ID is not set', { permanent: true });
        }
      },
    });
    try {
      await p.start();
      await until(() => posts.some(isDigest));
      await sleep(500);
      expect(posts.filter(isDigest)).toHaveLength(1);
      // (Before, the digest was tried on Discord and became a dead letter every morning, as did every escalation.)
      expect(tried).toEqual([]);
      expect(await p.outbox().deadLetters()).toEqual([]);
    } finally {
      await p.close();
    }
  });
});

describe('what the digest lists', () => {
  const policy = {
    ...parsePolicy({ POLICY_SUPPORT_SLA: 'PT8H' }),
    supportCalendar: { hours: parseBusinessHours('Mon-Fri 08:00-17:00') as WeeklyHours, zone: 'Africa/Kinshasa', isHoliday: () => false },
  };

  it('new escalations, due today, overdue and unowned, each counted', () => {
    // escalatedCase: escalated Wednesday 21 October 2026, 10:00 Kinshasa; due Thursday 09:00.
    const fresh = fold(escalatedCase());
    const owned = fold(play(escalatedCase(), [[{ type: 'Take', name: 'Nadia' }, { as: 'support' }]]));
    const ids = (now: string, since: string) => digestBody([{ ...fresh, id: 'C-000001' }, { ...owned, id: 'C-000002' }], policy, now, since);
    // Thursday 08:00: both new since Wednesday's digest, both due today, none late, one unowned.
    const morning = ids('2026-10-22T07:00:00.000Z', '2026-10-21T07:00:00.000Z');
    const sections = morning.filter((m) => m.id === 'desk-digest-section').map((m) => [m.args!.kind, m.args!.count]);
    expect(sections).toEqual([['new', 2], ['due_today', 2], ['unowned', 1]]);
    // Friday 08:00: nothing new, both overdue.
    const friday = ids('2026-10-23T07:00:00.000Z', '2026-10-22T07:00:00.000Z');
    expect(friday.filter((m) => m.id === 'desk-digest-section').map((m) => [m.args!.kind, m.args!.count])).toEqual([['overdue', 2], ['unowned', 1]]);
  });
});
