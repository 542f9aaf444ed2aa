/**
 * Blind SPEC probe, sections 4 and 5 outside the embedded mode: a process on Redis (REDIS_URL, REDIS_PREFIX of its
 * own, LINK_SECRET) with the SPEC's marketplace file and Telegram on a stand-in; `npm run cli -- link-token <accountId>`
 * run from a shell with the same settings issues a token that process accepts, once.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTelegramStandin, type TelegramStandin } from '../support/telegram-standin.js';
import { call, removeScratches, ROOT, runToExit, scratch, SPEC_MARKETPLACE, startBot, telegramSay, type Bot, type Exit } from './process.js';

const REDIS = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const PREFIX = `spec-probe-${randomBytes(4).toString('hex')}:`;
const TG_SECRET = 'spec_probe-webhook-secret-2';
const CLI = join(ROOT, 'src/cli.ts');
let tg: TelegramStandin;
let bot: Bot;
let env: Record<string, string>;
let issued: Exit;
let unknown: Exit;
let usage: Exit;

beforeAll(async () => {
  tg = await startTelegramStandin({ username: 'palabre_redis_bot' });
  env = {
    REDIS_URL: REDIS,
    REDIS_PREFIX: PREFIX,
    LINK_SECRET: 'spec-probe-link-secret-abcdefgh',
    MARKETPLACE_DATA: SPEC_MARKETPLACE,
    TELEGRAM_BOT_TOKEN: tg.token,
    TELEGRAM_API_ROOT: tg.root,
    TELEGRAM_WEBHOOK_SECRET: TG_SECRET,
    TELEGRAM_THROTTLE: '0',
    BLOB_DIR: `${scratch()}/blobs`,
  };
  // The CLI runs (a shell, no server needed) start with the bot, all at once: each is a Node start of its own.
  const cli = (args: string[]) => runToExit(env, { script: CLI, args, timeoutMs: 40_000 });
  [bot, [issued, unknown, usage]] = await Promise.all([startBot(env), Promise.all([cli(['link-token', 'acc-amina']), cli(['link-token', 'acc-nobody']), cli(['link-token'])])]);
}, 90_000);
afterAll(async () => {
  await bot?.stop();
  await tg?.close();
  removeScratches();
  const r = new Redis(REDIS);
  let cursor = '0';
  do {
    const [next, keys] = await r.scan(cursor, 'MATCH', `*${PREFIX}*`, 'COUNT', 500);
    cursor = next;
    if (keys.length) await r.unlink(...keys);
  } while (cursor !== '0');
  await r.quit();
});

function tokenOf(out: string): { token: string; expiresAt?: string; text: string } {
  try {
    const j = JSON.parse(out);
    return { token: j.token, expiresAt: j.expiresAt, text: out };
  } catch {
    const m = /\/link token:(\S+)/.exec(out) ?? /start=([A-Za-z0-9_-]+)/.exec(out) ?? /\blink ([A-Za-z0-9_.-]{16,})/.exec(out);
    return { token: m?.[1] ?? '', text: out };
  }
}

describe('SPEC §4/§5 on Redis: readiness, admin off without ADMIN_TOKEN, npm run cli -- link-token', () => {
  it('/readyz answers 200 with the Redis check ok', async () => {
    const res = await call(bot.base, '/readyz');
    expect(res.status, res.text).toBe(200);
    expect(JSON.stringify(res.json.checks)).toMatch(/"redis":"ok"/);
  });

  it('without ADMIN_TOKEN the admin API is off (404)', async () => {
    expect((await call(bot.base, '/admin/link-tokens', { body: { accountId: 'acc-amina' }, token: 'x' })).status).toBe(404);
    expect((await call(bot.base, '/admin/cases', { token: 'x' })).status).toBe(404);
  });

  it("link-token prints a token, its expiry and the three links for an account of the SPEC's example file; the process links with it once", async () => {
    const r = issued;
    const out = r.stdout;
    expect(r.code, `${r.stdout}\n${r.stderr}`).toBe(0);
    const { token } = tokenOf(out.trim());
    expect(token).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
    expect(out).toContain(`/link token:${token}`);
    expect(out).toContain(`link ${token}`);
    expect(out).toMatch(new RegExp(`start=${token}|/start ${token}`));
    expect(out).toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);

    const linked = await telegramSay(bot.base, tg, TG_SECRET, 701, `/start ${token}`);
    expect(linked.texts.join('\n')).toMatch(/C’est fait/);
    const again = await telegramSay(bot.base, tg, TG_SECRET, 702, `/start ${token}`);
    expect(again.texts.join('\n')).toMatch(/déjà servi/);
  }, 45_000);

  it('link-token for an unknown account fails with one clear line and a non-zero exit', async () => {
    const r = unknown;
    expect(r.code).not.toBe(0);
    expect(r.lines, r.lines.join('\n')).toHaveLength(1);
    expect(r.lines[0]).toContain('acc-nobody');
  }, 45_000);

  it('link-token without an account id says how to use it, non-zero exit', async () => {
    const r = usage;
    expect(r.code).not.toBe(0);
    expect(`${r.stdout}${r.stderr}`).toMatch(/link-token/);
    expect(`${r.stdout}${r.stderr}`).not.toMatch(/^\s+at /m);
  }, 45_000);
});
