/**
 * Blind SPEC probe, section 4: « validated at start; a bad value stops the process with one line naming the variable
 * and what is wrong », and section 6: a marketplace file that does not load stops the process the same way.
 * Real processes (`node --import tsx src/main.ts`) in a clean environment and a working directory of their own, three
 * at a time. The whole matrix (49) runs with PALABRE_PROBE_ALL=1; the suite runs five: a plain value, a duration list, a rule across variables, a marketplace file and a
 * failure of the start itself (PORT taken), each a single Node start (test/config.test.ts checks the values in-process).
 */
import { createServer } from 'node:net';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, removeScratches, runToExit, scratch, SPEC_MARKETPLACE, type Exit } from './process.js';

const REDIS = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const SECRET = 'spec-probe-link-secret-0123456789';
const spec = JSON.parse(readFileSync(SPEC_MARKETPLACE, 'utf8'));
const withFile = (mutate: (d: any) => void) => {
  const d = structuredClone(spec);
  mutate(d);
  return scratch({ 'm.json': JSON.stringify(d) }) + '/m.json';
};

interface Bad {
  name: string;
  env: Record<string, string> | (() => Promise<Record<string, string>>);
  /** Variables any one of which the line may name. */
  names: string[];
  /** In the suite's sample (the rest runs with PALABRE_PROBE_ALL=1). */
  sample?: boolean;
}

const BAD: Bad[] = [
  { name: 'PORT not a number', env: { PORT: 'abc' }, names: ['PORT'], sample: true },
  { name: 'PORT out of range', env: { PORT: '70000' }, names: ['PORT'] },
  { name: 'REDIS_URL with an http scheme', env: { REDIS_URL: 'http://127.0.0.1:6379', LINK_SECRET: SECRET }, names: ['REDIS_URL'] },
  { name: 'REDIS_URL with a port that is no number', env: { REDIS_URL: 'redis://127.0.0.1:notaport', LINK_SECRET: SECRET }, names: ['REDIS_URL'] },
  { name: 'LINK_SECRET missing outside the embedded mode', env: { REDIS_URL: REDIS }, names: ['LINK_SECRET'] },
  { name: 'LINK_SECRET too short', env: { REDIS_URL: REDIS, LINK_SECRET: 'short' }, names: ['LINK_SECRET'] },
  { name: 'DEFAULT_LOCALE not a supported language', env: { DEFAULT_LOCALE: 'de' }, names: ['DEFAULT_LOCALE'] },
  { name: 'DEFAULT_TIMEZONE not an IANA zone', env: { DEFAULT_TIMEZONE: 'Mars/Olympus_Mons' }, names: ['DEFAULT_TIMEZONE'] },
  { name: 'POLICY_CASE_WINDOW plain number', env: { POLICY_CASE_WINDOW: '100' }, names: ['POLICY_CASE_WINDOW'] },
  { name: 'POLICY_CASE_WINDOW in words', env: { POLICY_CASE_WINDOW: '100 days' }, names: ['POLICY_CASE_WINDOW'] },
  { name: 'POLICY_ESCALATION_AFTER zero', env: { POLICY_ESCALATION_AFTER: 'P0D' }, names: ['POLICY_ESCALATION_AFTER'] },
  { name: 'POLICY_MAX_CASE_AGE negative', env: { POLICY_MAX_CASE_AGE: '-P1D' }, names: ['POLICY_MAX_CASE_AGE'] },
  { name: 'POLICY_WINDOW_REMINDER bare P', env: { POLICY_WINDOW_REMINDER: 'P' }, names: ['POLICY_WINDOW_REMINDER'] },
  { name: 'POLICY_REPLY_NUDGE_AFTER bare PT', env: { POLICY_REPLY_NUDGE_AFTER: 'PT' }, names: ['POLICY_REPLY_NUDGE_AFTER'] },
  { name: 'POLICY_SUPPORT_SLA as 24h', env: { POLICY_SUPPORT_SLA: '24h' }, names: ['POLICY_SUPPORT_SLA'] },
  { name: 'POLICY_CONTEST_WINDOW garbage', env: { POLICY_CONTEST_WINDOW: 'xyz' }, names: ['POLICY_CONTEST_WINDOW'] },
  { name: 'POLICY_SELLER_REMINDERS with a bad entry', env: { POLICY_SELLER_REMINDERS: 'PT24H,banana' }, names: ['POLICY_SELLER_REMINDERS'], sample: true },
  { name: 'POLICY_SELLER_REMINDERS separated by semicolons', env: { POLICY_SELLER_REMINDERS: 'PT24H;PT48H' }, names: ['POLICY_SELLER_REMINDERS'] },
  { name: 'POLICY_SELLER_REMINDERS with an empty entry', env: { POLICY_SELLER_REMINDERS: 'PT24H,,PT48H' }, names: ['POLICY_SELLER_REMINDERS'] },
  { name: 'POLICY_SELLER_REMINDERS with a zero entry', env: { POLICY_SELLER_REMINDERS: 'PT24H,PT0S' }, names: ['POLICY_SELLER_REMINDERS'] },
  { name: 'SUPPORT_HOURS without minutes', env: { SUPPORT_HOURS: 'Mon-Fri 8h-17h' }, names: ['SUPPORT_HOURS'] },
  { name: 'SUPPORT_HOURS past midnight hour 25', env: { SUPPORT_HOURS: 'Mon-Fri 08:00-25:00' }, names: ['SUPPORT_HOURS'] },
  { name: 'SUPPORT_HOURS unknown day', env: { SUPPORT_HOURS: 'Funday 08:00-17:00' }, names: ['SUPPORT_HOURS'] },
  { name: 'SUPPORT_HOURS days without hours', env: { SUPPORT_HOURS: 'Mon-Fri' }, names: ['SUPPORT_HOURS'] },
  { name: 'SUPPORT_TIMEZONE not an IANA zone', env: { SUPPORT_TIMEZONE: 'Nowhere/Town' }, names: ['SUPPORT_TIMEZONE'] },
  { name: 'SUPPORT_HOLIDAYS unknown country', env: { SUPPORT_HOLIDAYS: 'ZZ' }, names: ['SUPPORT_HOLIDAYS'] },
  { name: 'SUPPORT_HOLIDAYS impossible date', env: { SUPPORT_HOLIDAYS: 'CD,2026-02-30' }, names: ['SUPPORT_HOLIDAYS'] },
  { name: 'TELEGRAM_WEBHOOK_SECRET without TELEGRAM_BOT_TOKEN', env: { TELEGRAM_WEBHOOK_SECRET: 'abc_DEF-123' }, names: ['TELEGRAM_WEBHOOK_SECRET', 'TELEGRAM_BOT_TOKEN'], sample: true },
  { name: 'TELEGRAM_WEBHOOK_SECRET with spaces', env: { TELEGRAM_BOT_TOKEN: '123:abc', TELEGRAM_API_ROOT: 'http://127.0.0.1:9', TELEGRAM_WEBHOOK_SECRET: 'bad secret!' }, names: ['TELEGRAM_WEBHOOK_SECRET'] },
  { name: 'TELEGRAM_API_ROOT not a URL', env: { TELEGRAM_BOT_TOKEN: '123:abc', TELEGRAM_API_ROOT: 'not a url' }, names: ['TELEGRAM_API_ROOT'] },
  { name: 'MARKETPLACE_DATA and MARKETPLACE_API_URL together', env: { MARKETPLACE_DATA: SPEC_MARKETPLACE, MARKETPLACE_API_URL: 'http://127.0.0.1:9/api' }, names: ['MARKETPLACE_DATA', 'MARKETPLACE_API_URL'] },
  { name: 'MARKETPLACE_API_URL with an ftp scheme', env: { MARKETPLACE_API_URL: 'ftp://127.0.0.1/api' }, names: ['MARKETPLACE_API_URL'] },
  { name: 'MARKETPLACE_DATA missing file', env: { MARKETPLACE_DATA: '/nonexistent/palabre-market.json' }, names: ['MARKETPLACE_DATA'] },
  { name: 'MARKETPLACE_DATA malformed JSON', env: () => Promise.resolve({ MARKETPLACE_DATA: scratch({ 'm.json': '{"accounts": [' }) + '/m.json' }), names: ['MARKETPLACE_DATA'] },
  { name: 'MARKETPLACE_DATA order without total', env: () => Promise.resolve({ MARKETPLACE_DATA: withFile((d) => delete d.orders[0].total) }), names: ['MARKETPLACE_DATA'], sample: true },
  { name: 'MARKETPLACE_DATA order of an unknown buyer', env: () => Promise.resolve({ MARKETPLACE_DATA: withFile((d) => (d.orders[0].buyerId = 'acc-nobody')) }), names: ['MARKETPLACE_DATA'] },
  { name: 'MARKETPLACE_DATA money not in minor units', env: () => Promise.resolve({ MARKETPLACE_DATA: withFile((d) => (d.orders[0].total.amount = 500.5)) }), names: ['MARKETPLACE_DATA'] },
  { name: 'MARKETPLACE_DATA account with an unknown role', env: () => Promise.resolve({ MARKETPLACE_DATA: withFile((d) => (d.accounts[0].roles = ['admin'])) }), names: ['MARKETPLACE_DATA'] },
  { name: 'MARKETPLACE_DATA account in an unknown time zone', env: () => Promise.resolve({ MARKETPLACE_DATA: withFile((d) => (d.accounts[0].timezone = 'Kinshasa')) }), names: ['MARKETPLACE_DATA'] },
  { name: 'MARKETPLACE_DATA duplicate order ids', env: () => Promise.resolve({ MARKETPLACE_DATA: withFile((d) => d.orders.push(structuredClone(d.orders[0]))) }), names: ['MARKETPLACE_DATA'] },
  { name: 'EVIDENCE_RETENTION in words', env: { EVIDENCE_RETENTION: 'forever' }, names: ['EVIDENCE_RETENTION'] },
  { name: 'BLOB_URL not s3://', env: { BLOB_URL: 'http://bucket/prefix' }, names: ['BLOB_URL'] },
  { name: 'PLAYGROUND=1 outside the embedded mode without PLAYGROUND_TOKEN', env: { REDIS_URL: REDIS, LINK_SECRET: SECRET, PLAYGROUND: '1' }, names: ['PLAYGROUND_TOKEN', 'PLAYGROUND'] },
  { name: 'DISCORD_PUBLIC_KEY not hex', env: { DISCORD_PUBLIC_KEY: 'xyz' }, names: ['DISCORD_PUBLIC_KEY'] },
  { name: 'MicrosoftAppType unknown', env: { MicrosoftAppType: 'Foo' }, names: ['MicrosoftAppType'] },
  { name: 'TEAMS_ENABLED neither yes nor no', env: { TEAMS_ENABLED: 'maybe' }, names: ['TEAMS_ENABLED'] },
  { name: 'LOG_LEVEL unknown', env: { LOG_LEVEL: 'loud' }, names: ['LOG_LEVEL'] },
  { name: 'HOST not an address of this machine', env: { HOST: '203.0.113.77' }, names: ['HOST'] },
  {
    name: 'PORT already taken',
    env: async () => {
      const port = await freePort();
      const holder = createServer().listen(port, '127.0.0.1');
      held.push(holder);
      return { PORT: String(port) };
    },
    names: ['PORT'],
    sample: true,
  },
];
const held: ReturnType<typeof createServer>[] = [];

const ALL = process.env.PALABRE_PROBE_ALL === '1';
const chosen = BAD.filter((b) => ALL || b.sample);
const results = new Map<string, Exit>();

beforeAll(async () => {
  const queue = [...chosen];
  const worker = async () => {
    for (let b = queue.shift(); b; b = queue.shift()) {
      const env = typeof b.env === 'function' ? await b.env() : b.env;
      results.set(b.name, await runToExit(env, { timeoutMs: 45_000 }));
    }
  };
  // The whole matrix two at a time (it is long anyway), the suite's sample three at a time.
  await Promise.all(ALL ? [worker(), worker()] : [worker(), worker(), worker()]);
}, ALL ? 900_000 : 180_000);
afterAll(() => {
  for (const h of held) h.close();
  removeScratches();
});

describe('SPEC §4: a bad value stops the process with one line naming the variable and what is wrong', () => {
  it.each(chosen.map((b) => [b.name, b] as const))('%s', (_name, b) => {
    const r = results.get(b.name)!;
    const shown = `exit ${r.code} ${r.signal ?? ''}${r.timedOut ? ' (still running: killed)' : ''}\n${r.lines.join('\n')}`;
    expect(r.timedOut, shown).toBe(false);
    expect(r.code, shown).not.toBe(0);
    expect(r.code, shown).not.toBeNull();
    expect(r.lines, shown).toHaveLength(1);
    const line = r.lines[0]!;
    expect(b.names.some((n) => new RegExp(`\\b${n}\\b`).test(line)), shown).toBe(true);
    // « and what is wrong »: more than the name, and no stack trace or JSON dump.
    expect(line.length, shown).toBeGreaterThan(Math.max(...b.names.map((n) => n.length)) + 12);
    expect(line.length, shown).toBeLessThan(400);
    expect(line, shown).not.toMatch(/^\s*at |^\{"level"/);
  });
});
