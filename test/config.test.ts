import { spawnSync } from 'node:child_process';
import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { demoTimeScale, scalePolicy } from '../src/app/demo-policy.js';
import { ConfigError, loadConfig } from '../src/config.js';

const refusal = (env: Record<string, string>): string => {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.message;
    throw err;
  }
  throw new Error('accepted');
};

describe('configuration (SPEC section 4)', () => {
  it('starts the embedded mode with the SPEC defaults when nothing is set', () => {
    const cfg = loadConfig({});
    expect(cfg).toMatchObject({ embedded: true, PORT: 3978, DEFAULT_LOCALE: 'fr', DEFAULT_TIMEZONE: 'Africa/Kinshasa' });
    expect(cfg.policy.caseWindow.toISO()).toBe('P100D');
    expect(cfg.policy.escalationAfter.toISO()).toBe('P3D');
    expect(cfg.policy.maxCaseAge.toISO()).toBe('P365D');
    expect(cfg.policy.sellerReminders.map((d) => d.toISO())).toEqual(['PT24H', 'PT48H']);
    expect(cfg.policy.windowReminder.toISO()).toBe('P7D');
    expect(cfg.policy.replyNudgeAfter.toISO()).toBe('PT24H');
    expect(cfg.policy.supportSla.toISO()).toBe('PT24H');
  });

  it('takes a blank value as unset: PORT=" " is the default port, not port 0', () => {
    expect(loadConfig({ PORT: ' ', DEFAULT_LOCALE: '  ', POLICY_CASE_WINDOW: '\t' })).toMatchObject({ PORT: 3978, DEFAULT_LOCALE: 'fr' });
    expect(loadConfig({ POLICY_CASE_WINDOW: ' ' }).policy.caseWindow.toISO()).toBe('P100D');
  });

  it('reads on/off switches as 1/true/yes/on or 0/false/no/off, and refuses any other word instead of taking it as off', () => {
    expect(loadConfig({ TEAMS_ENABLED: 'yes', TELEGRAM_THROTTLE_SHARED: 'On', TELEGRAM_THROTTLE: 'no' })).toMatchObject({ TEAMS_ENABLED: true, TELEGRAM_THROTTLE_SHARED: true, TELEGRAM_THROTTLE: false });
    expect(loadConfig({ TEAMS_ENABLED: '0', TELEGRAM_THROTTLE: 'off' })).toMatchObject({ TEAMS_ENABLED: false, TELEGRAM_THROTTLE: false });
    expect(refusal({ PLAYGROUND: 'oui' })).toBe('PLAYGROUND: "oui" is neither on (1, true, yes, on) nor off (0, false, no, off)');
    expect(refusal({ TEAMS_ENABLED: 'enabled' })).toMatch(/^TEAMS_ENABLED: "enabled" is neither on/);
    expect(refusal({ TELEGRAM_THROTTLE: 'nope' })).toMatch(/^TELEGRAM_THROTTLE: "nope" is neither on/);
  });

  it('takes policy durations from the environment, reminders as a comma list in order', () => {
    const cfg = loadConfig({ POLICY_ESCALATION_AFTER: 'P5D', POLICY_SELLER_REMINDERS: 'PT48H, PT12H' });
    expect(cfg.policy.escalationAfter.toISO()).toBe('P5D');
    expect(cfg.policy.sellerReminders.map((d) => d.toISO())).toEqual(['PT12H', 'PT48H']);
  });

  it('refuses a bad value with one line naming the variable', () => {
    expect(refusal({ POLICY_CASE_WINDOW: 'hundred days' })).toMatch(/^POLICY_CASE_WINDOW: .*ISO-8601/);
    expect(refusal({ POLICY_SELLER_REMINDERS: 'PT24H,soon' })).toMatch(/^POLICY_SELLER_REMINDERS: /);
    expect(refusal({ POLICY_SELLER_REMINDERS: 'PT24H,,PT48H' })).toMatch(/^POLICY_SELLER_REMINDERS: has an empty entry/);
    expect(refusal({ POLICY_SELLER_REMINDERS: 'PT24H,' })).toMatch(/^POLICY_SELLER_REMINDERS: has an empty entry/);
    expect(refusal({ POLICY_SELLER_REMINDERS: 'PT24H,P1D' })).toBe('POLICY_SELLER_REMINDERS: "P1D" is listed twice (each reminder once)');
    expect(refusal({ PORT: 'eighty' })).toMatch(/^PORT: /);
    expect(refusal({ DEFAULT_TIMEZONE: 'Africa/Atlantis' })).toMatch(/^DEFAULT_TIMEZONE: .*IANA/);
    expect(refusal({ DEFAULT_LOCALE: 'de' })).toMatch(/^DEFAULT_LOCALE: /);
    expect(refusal({ TELEGRAM_API_ROOT: 'ftp://example' })).toMatch(/^TELEGRAM_API_ROOT: /);
    expect(refusal({ DISCORD_PUBLIC_KEY: 'not-a-key' })).toMatch(/^DISCORD_PUBLIC_KEY: must be the application's public key .*64 hexadecimal/);
    expect(loadConfig({ DISCORD_PUBLIC_KEY: 'a'.repeat(64) }).DISCORD_PUBLIC_KEY).toBe('a'.repeat(64));
    expect(refusal({ POLICY_CASE_WINDOW: 'x' }).split('\n')).toHaveLength(1);
  });

  it('reads the support desk: hours, zone and holidays, with SPEC defaults', () => {
    const cfg = loadConfig({});
    expect(cfg.SUPPORT_TIMEZONE).toBe('Africa/Kinshasa');
    expect(cfg.SUPPORT_HOURS[0]).toEqual([{ start: 480, end: 1020 }]);
    expect(cfg.SUPPORT_HOURS[5]).toEqual([]);
    expect(cfg.SUPPORT_HOLIDAYS).toEqual({ country: 'CD', dates: [] });
    const custom = loadConfig({ SUPPORT_HOURS: 'Mon-Fri 08:00-17:00, Sat 09:00-12:00', SUPPORT_TIMEZONE: 'Europe/Paris', SUPPORT_HOLIDAYS: 'FR,2026-12-24' });
    expect(custom.SUPPORT_HOURS[5]).toEqual([{ start: 540, end: 720 }]);
    expect(custom.SUPPORT_HOLIDAYS).toEqual({ country: 'FR', dates: ['2026-12-24'] });
  });

  it('refuses a bad support desk setting with one line naming the variable', () => {
    expect(refusal({ SUPPORT_HOURS: 'weekdays 9 to 5' })).toMatch(/^SUPPORT_HOURS: "weekdays" is not a day/);
    expect(refusal({ SUPPORT_HOURS: 'Mon-Fri 17:00-08:00' })).toMatch(/^SUPPORT_HOURS: /);
    expect(refusal({ SUPPORT_TIMEZONE: 'Africa/Atlantis' })).toMatch(/^SUPPORT_TIMEZONE: .*IANA/);
    expect(refusal({ SUPPORT_HOLIDAYS: 'ZZ' })).toMatch(/^SUPPORT_HOLIDAYS: "ZZ" is not a country code/);
    expect(refusal({ SUPPORT_HOLIDAYS: 'CD,2026-02-30' })).toMatch(/^SUPPORT_HOLIDAYS: "2026-02-30" is not a date/);
    expect(refusal({ SUPPORT_HOLIDAYS: 'CD,FR' })).toMatch(/^SUPPORT_HOLIDAYS: names two countries/);
    expect(refusal({ SUPPORT_HOURS: 'nope' }).split('\n')).toHaveLength(1);
  });

  it('refuses a REDIS_URL it could not connect with, in one line naming it, without repeating a password', () => {
    const secret = { LINK_SECRET: 'a-long-enough-link-secret' };
    const refused = (url: string) => refusal({ ...secret, REDIS_URL: url });
    expect(refused('http://cache:6379')).toBe('REDIS_URL: the scheme http:// is not redis://, rediss://, redis+cluster:// or rediss+cluster://');
    expect(refused('redis://cache:99999')).toBe('REDIS_URL: port 99999 is not between 1 and 65535');
    expect(refused('redis://:s3cret@cache:6379/zero')).toBe('REDIS_URL: the database "zero" is not a number (redis://host:6379/0)');
    expect(refused('redis:///')).toMatch(/^REDIS_URL: names no host/);
    expect(refused('redis+cluster://')).toMatch(/^REDIS_URL: names no cluster node/);
    expect(refused('redis+cluster://a:6379,b:70000')).toMatch(/^REDIS_URL: port 70000 .* is not between 1 and 65535$/);
    expect(refused('a:6379,b:x')).toMatch(/^REDIS_URL: "b:x" is not host:port$/);
    expect(refused('admin:s3cret@cache:6379')).not.toContain('s3cret');
    expect(refused('http://cache:6379').split('\n')).toHaveLength(1);
    // What createRedis connects with: standalone, TLS, a database, cluster forms, a comma list, a bare host:port.
    for (const ok of ['redis://cache:6379', 'rediss://u:p@cache:6380/2', 'redis://[::1]:6379', 'redis+cluster://u:p@a:7000,b:7001', 'rediss+cluster://a:7000', 'a:7000,b:7001', 'redis://a:7000,redis://b:7001', 'cache:6379']) {
      expect(loadConfig({ ...secret, REDIS_URL: ok }).REDIS_URL).toBe(ok);
    }
  });

  it('requires LINK_SECRET outside the embedded mode, and a long enough one', () => {
    expect(refusal({ REDIS_URL: 'redis://127.0.0.1:6379' })).toMatch(/^LINK_SECRET: required/);
    expect(refusal({ REDIS_URL: 'redis://127.0.0.1:6379', LINK_SECRET: 'short' })).toMatch(/^LINK_SECRET: .*16/);
    expect(loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379', LINK_SECRET: 'a-long-enough-link-secret' }).embedded).toBe(false);
  });

  it('keeps SPEC’s durations in the embedded mode too; shortens case deadlines only when DEMO_TIME_SCALE asks, never the case window', () => {
    const embedded = loadConfig({});
    expect(demoTimeScale(embedded)).toBe(1);
    expect(demoTimeScale(loadConfig({ DEMO_TIME_SCALE: '60' }))).toBe(60);
    expect(demoTimeScale(loadConfig({ REDIS_URL: 'redis://x:1', LINK_SECRET: 'a-long-enough-link-secret', DEMO_TIME_SCALE: '60' }))).toBe(1);
    const demo = scalePolicy(embedded.policy, 1440);
    expect(demo.escalationAfter.toMillis()).toBe(3 * 60_000);
    expect(demo.caseWindow.toISO()).toBe('P100D');
  });

  it('stops `npm start` with that line and exit code 2', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: { ...process.env, POLICY_MAX_CASE_AGE: 'forever', REDIS_URL: '' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(run.status).toBe(2);
    expect(run.stderr.trim()).toBe('palabre: configuration error: POLICY_MAX_CASE_AGE: "forever" is not a positive ISO-8601 duration (e.g. P3D, PT24H)');
  });

  it('stops `npm start` with one line naming REDIS_URL when Redis does not answer, or PORT when it is taken', async () => {
    const closed = await new Promise<number>((resolve) => {
      const srv = net.createServer().listen(0, '127.0.0.1', () => {
        const { port } = srv.address() as net.AddressInfo;
        srv.close(() => resolve(port));
      });
    });
    const start = (env: Record<string, string>) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
        env: { ...process.env, TELEGRAM_BOT_TOKEN: '', DISCORD_BOT_TOKEN: '', MicrosoftAppId: '', TEAMS_ENABLED: '', HOST: '', LOG_LEVEL: 'silent', ...env },
        encoding: 'utf8',
        timeout: 30_000,
      });
    const noRedis = start({ REDIS_URL: `redis://127.0.0.1:${closed}`, LINK_SECRET: 'a-long-enough-link-secret', PORT: '0' });
    expect(noRedis.status).toBe(1);
    expect(noRedis.stderr.trim()).toBe(`palabre: failed to start: REDIS_URL: Redis does not answer after 10 s (connect ECONNREFUSED 127.0.0.1:${closed})`);

    const taken = net.createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as net.AddressInfo).port;
    try {
      const busy = start({ REDIS_URL: '', PORT: String(port) });
      expect(busy.status).toBe(1);
      expect(busy.stderr.trim()).toBe(`palabre: failed to start: PORT: ${port} is already in use on 127.0.0.1 (another process listens there)`);
    } finally {
      taken.close();
    }
  }, 60_000);

  it('binds 127.0.0.1 in the embedded mode unless HOST says otherwise, every interface with Redis', () => {
    expect(loadConfig({}).HOST).toBe('127.0.0.1');
    expect(loadConfig({ HOST: '0.0.0.0' }).HOST).toBe('0.0.0.0');
    expect(loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379', LINK_SECRET: 'a-link-secret-0123456789' }).HOST).toBe('0.0.0.0');
  });

  it('refuses the playground outside the embedded mode without a PLAYGROUND_TOKEN of 16 characters or more', () => {
    const redis = { REDIS_URL: 'redis://127.0.0.1:6379', LINK_SECRET: 'a-link-secret-0123456789' };
    expect(refusal({ ...redis, PLAYGROUND: '1' })).toMatch(/^PLAYGROUND_TOKEN: required with PLAYGROUND=1/);
    expect(refusal({ ...redis, PLAYGROUND: '1', PLAYGROUND_TOKEN: 'short' })).toMatch(/^PLAYGROUND_TOKEN: must be at least 16 characters/);
    expect(loadConfig({ ...redis, PLAYGROUND: '1', PLAYGROUND_TOKEN: 'a-playground-token-42' }).PLAYGROUND).toBe(true);
  });

  it('refuses TELEGRAM_WEBHOOK_SECRET without TELEGRAM_BOT_TOKEN (Telegram would be off and no webhook served)', () => {
    expect(refusal({ TELEGRAM_WEBHOOK_SECRET: 'a_webhook-secret' })).toMatch(/^TELEGRAM_WEBHOOK_SECRET: needs TELEGRAM_BOT_TOKEN/);
    expect(loadConfig({ TELEGRAM_WEBHOOK_SECRET: 'a_webhook-secret', TELEGRAM_BOT_TOKEN: '123:abc' }).TELEGRAM_WEBHOOK_SECRET).toBe('a_webhook-secret');
  });
});
