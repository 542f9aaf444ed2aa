import { z } from 'zod';
import { parseBusinessHours, type WeeklyHours } from './domain/business-hours.js';
import { isoDuration, policySchema, type Policy } from './domain/policy.js';
import { parseBlobUrl } from './infra/blob-common.js';
import { DEFAULT_HOLIDAY_COUNTRY, parseHolidaySpec, type HolidaySpec } from './infra/holidays.js';
import { redisUrlProblem } from './infra/redis.js';

const optional = z
  .string()
  .trim()
  .transform((s) => (s === '' ? undefined : s))
  .optional();

const url = z
  .string()
  .trim()
  .refine((s) => /^https?:\/\//.test(s), 'must be an http(s) URL')
  .meta({ accepts: 'an http(s) URL' });

const ianaZone = z
  .string()
  .trim()
  .refine((z) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: z });
      return true;
    } catch {
      return false;
    }
  }, 'must be an IANA time zone such as Africa/Kinshasa')
  .meta({ accepts: 'an IANA time zone' });

const ON = ['1', 'true', 'yes', 'on'];
const OFF = ['0', 'false', 'no', 'off'];
/** On or off; any other word stops the start rather than silently meaning one of them (`PLAYGROUND=oui`). */
const onOff = z
  .string()
  .trim()
  .transform((s, ctx) => {
    const v = s.toLowerCase();
    if (ON.includes(v)) return true;
    if (!OFF.includes(v)) ctx.addIssue({ code: 'custom', message: `"${s}" is neither on (1, true, yes, on) nor off (0, false, no, off)` });
    return false;
  })
  .meta({ accepts: '`1`, `true`, `yes` or `on`; `0`, `false`, `no` or `off`' });
const flag = onOff.optional();

/** The environment's variables; docs/configuration.md is generated from it (`npm run docs:config`). */
export const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3978).describe('HTTP port of the one server: webhooks, admin API, health, metrics and the playground.'),
  HOST: optional.describe('Address the HTTP server binds. Unset: `127.0.0.1` in the embedded mode (only this machine reaches the playground), `0.0.0.0` otherwise. Set `0.0.0.0` to expose the embedded demo on purpose.'),
  REDIS_URL: optional
    .superRefine((v, ctx) => {
      const problem = v === undefined ? null : redisUrlProblem(v);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    })
    .meta({ accepts: 'a Redis URL or a comma list of host:port' })
    .describe('Redis holding all state and scheduled work: `redis://[user:pass@]host:port[/db]`, `rediss://…` for TLS, or `redis+cluster://h1:p,h2:p` (or a comma list `h1:p,h2:p`) for a Redis Cluster. Unset: the embedded mode (state in memory, nothing survives a restart).'),
  REDIS_PREFIX: z.string().default('palabre:').describe('Prefix of every Redis key, so several deployments may share one Redis.'),
  MARKETPLACE_DATA: optional.describe('Path of a marketplace JSON file (accounts, shops, orders; see docs/marketplace.md). Cannot be combined with `MARKETPLACE_API_URL`. Neither set: the built-in demo marketplace.'),
  MARKETPLACE_API_URL: url.optional().describe('Base URL of the marketplace\'s HTTP API (see docs/marketplace.md). Cannot be combined with `MARKETPLACE_DATA`.'),
  MARKETPLACE_API_TOKEN: optional.describe('Bearer token sent to the marketplace HTTP API.'),
  ADMIN_TOKEN: optional.describe('Bearer token of the admin API (`/admin/*`, documented at `/docs`). Unset: the admin API is off and its routes answer 404.'),
  LINK_SECRET: optional.describe('Signs account-link tokens and button tokens; the same in every process. At least 16 characters; required when `REDIS_URL` is set.'),
  DEFAULT_LOCALE: z.enum(['fr', 'en', 'ln', 'sw']).default('fr').describe('Language of a user who has not chosen one (`/lang`) and whose account, messages and platform give none.'),
  DEFAULT_TIMEZONE: ianaZone.default('Africa/Kinshasa').describe('Time zone of dates shown to a user whose marketplace account has none. Must be an IANA zone such as `Africa/Kinshasa`.'),
  /** Support's business hours: the support SLA counts only these. */
  SUPPORT_HOURS: z
    .string()
    .default('Mon-Fri 08:00-17:00')
    .transform((s, ctx): WeeklyHours => {
      const hours = parseBusinessHours(s);
      if ('error' in hours) {
        ctx.addIssue({ code: 'custom', message: `${hours.error} (e.g. "Mon-Fri 08:00-17:00, Sat 09:00-12:00")` });
        return z.NEVER;
      }
      return hours;
    })
    .describe('Support\'s business hours: the support SLA (`POLICY_SUPPORT_SLA`) counts only these. Days and spans, e.g. `Mon-Fri 08:00-17:00, Sat 09:00-12:00`; several spans a day: `Mon-Fri 08:00-12:00 13:00-17:00`.'),
  SUPPORT_TIMEZONE: ianaZone.default('Africa/Kinshasa').describe('IANA time zone of `SUPPORT_HOURS` (daylight saving time is followed). The staff channel reads its dates in it: nudges posted there, and support\'s commands when the support account names no zone of its own.'),
  /** A country code for public holidays (date-holidays), plus extra dates: `CD,2026-12-24`. */
  SUPPORT_HOLIDAYS: z
    .string()
    .default(DEFAULT_HOLIDAY_COUNTRY)
    .transform((s, ctx): HolidaySpec => {
      const spec = parseHolidaySpec(s);
      if ('error' in spec) {
        ctx.addIssue({ code: 'custom', message: `${spec.error} (e.g. "CD" or "CD,2026-12-24")` });
        return z.NEVER;
      }
      return spec;
    })
    .describe('Public holidays support does not work: a country (or region) code of the `date-holidays` package, plus extra dates: `CD,2026-12-24`, or `none,2026-12-24`.'),
  BLOB_DIR: z.string().default('data/blobs').describe('Folder of evidence files (photos, proofs of shipping) when `BLOB_URL` is unset. Every process must see the same folder (a shared volume) when several run, or use `BLOB_URL`. The container image sets `/app/data/blobs`.'),
  BLOB_URL: z
    .string()
    .trim()
    .refine((s) => parseBlobUrl(s) !== null, 'must be s3://bucket/prefix (a valid bucket name, the prefix optional)')
    .optional()
    .describe('Evidence files in S3-compatible object storage, `s3://bucket/prefix`, instead of `BLOB_DIR`: every host reaches it. Credentials and region from `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`, `AWS_REGION` (or the AWS SDK\'s usual chain). A missing bucket stops the start.'),
  BLOB_S3_ENDPOINT: url.optional().describe('S3 endpoint of MinIO, Garage or Ceph (path-style requests); needs `BLOB_URL`. Unset: AWS.'),
  AWS_REGION: optional.describe('Region of the `BLOB_URL` bucket on AWS. Unset: `us-east-1`.'),
  AWS_ACCESS_KEY_ID: optional.describe('Access key for `BLOB_URL`, with `AWS_SECRET_ACCESS_KEY`. Unset: the AWS SDK\'s chain (profile, container or instance role).'),
  AWS_SECRET_ACCESS_KEY: optional.describe('Secret of `AWS_ACCESS_KEY_ID`.'),
  AWS_SESSION_TOKEN: optional.describe('Session token of temporary `AWS_*` credentials.'),
  EVIDENCE_RETENTION: isoDuration
    .prefault('P400D')
    .describe('How long a closed case\'s evidence files are kept after closing (ISO-8601), past the late-delivery horizon; a daily job then deletes them and the timeline says the file expired. A reopened case keeps its files.'),
  EVIDENCE_ORPHAN_TTL: isoDuration
    .prefault('P7D')
    .describe('How long a file sent to Palabre but never attached to a case (a report abandoned after its photos) is kept (ISO-8601), counted from its upload; the daily evidence job then deletes it. Keep it longer than a report can stay open (a day after its last message).'),
  PUBLIC_URL: url
    .optional()
    .describe('Public https address of this server as the platforms reach it (e.g. `https://palabre.example.com`); `telegram setup` registers `PUBLIC_URL/telegram/webhook`.'),
  PLAYGROUND: flag.describe('`1` or `true` serves the web playground outside the embedded mode; it then also needs `PLAYGROUND_TOKEN`.'),
  PLAYGROUND_TOKEN: z
    .string()
    .min(16, 'must be at least 16 characters')
    .optional()
    .describe(
      'Required with `PLAYGROUND=1` outside the embedded mode: the playground\'s page and routes answer 401 unless the request carries it (`?token=` once, then a cookie; or `Authorization: Bearer`). At least 16 characters.',
    ),
  DEMO_TIME_SCALE: z.coerce.number().positive().optional().describe('Embedded mode only: case deadlines are divided by this factor so a demo shows them in minutes, e.g. `1440` (a day of the policy lasts a minute: escalation opens three minutes after opening). Unset: real time, the policy\'s durations.'),
  REFUND_RECONCILE_EVERY_MS: z.coerce
    .number()
    .int()
    .min(1000)
    .default(600_000)
    .describe('How often, in milliseconds, the refunds recorded on cases are checked against the marketplace and asked again (one round across all processes); what stays unconfirmed is the `palabre_refunds_unconfirmed` gauge.'),
  SHUTDOWN_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .min(100)
    .max(60_000)
    .default(8000)
    .describe('A process given SIGTERM or SIGINT stops taking work, hands back the deliveries it holds and exits; after this many milliseconds it exits whatever is still pending (a platform that does not answer).'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info').describe('Level of the structured (pino, JSON lines) log on standard output.'),
  TELEGRAM_BOT_TOKEN: optional.describe('Token from @BotFather; turns the Telegram adapter on (long polling unless `TELEGRAM_WEBHOOK_SECRET` is set). See docs/telegram.md.'),
  TELEGRAM_API_ROOT: url.default('https://api.telegram.org').describe('Root of the Telegram Bot API (a local Bot API server, or a test stand-in).'),
  TELEGRAM_WEBHOOK_SECRET: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,256}$/, 'must be 1-256 characters of A-Z, a-z, 0-9, _ and - (Telegram secret_token)')
    .optional()
    .describe(
      'Switches Telegram to a webhook at `POST /telegram/webhook`: Telegram sends it in `X-Telegram-Bot-Api-Secret-Token` and other requests are refused. `npm run cli -- telegram setup` registers the webhook at `PUBLIC_URL`.',
    ),
  TELEGRAM_SUPPORT_CHAT_ID: optional.describe('Id of the Telegram group where support works (the staff channel).'),
  TELEGRAM_THROTTLE: onOff
    .default(true)
    .describe('Spaces Telegram sends ahead of its limits (grammY\'s throttler); `0` turns it off (the bench does, against a stand-in without limits). See docs/operations.md.'),
  TELEGRAM_CHAT_MIN_MS: z.coerce.number().int().min(0).default(1000).describe('Least milliseconds between two messages to one Telegram chat.'),
  TELEGRAM_GLOBAL_PER_SECOND: z.coerce.number().int().min(1).default(30).describe('Telegram messages per second over all chats.'),
  TELEGRAM_GROUP_PER_MINUTE: z.coerce.number().int().min(1).default(20).describe('Telegram messages per minute to one group.'),
  TELEGRAM_PROCESSES: z.coerce.number().int().min(1).default(1).describe('Processes sending for the bot: each keeps its own Telegram limits divided by this number (unless `TELEGRAM_THROTTLE_SHARED`).'),
  TELEGRAM_THROTTLE_SHARED: flag.describe('`1` keeps the Telegram limits in Redis, shared by every process (one Redis, not a Cluster). Caveat in docs/operations.md: a process killed mid-send holds that chat\'s slot.'),
  DISCORD_BOT_TOKEN: optional.describe('Bot token from the Discord developer portal; turns the Discord adapter on. See docs/discord.md.'),
  DISCORD_APPLICATION_ID: optional.describe('Application id, for registering slash commands and the invite URL (`npm run cli -- discord invite`). Unset: read from the gateway when the bot logs in.'),
  DISCORD_PUBLIC_KEY: z
    .string()
    .trim()
    .regex(/^[0-9a-fA-F]{64}$/, 'must be the application\'s public key from the developer portal: 64 hexadecimal characters')
    .optional()
    .meta({ accepts: '64 hexadecimal characters' })
    .describe('The application\'s public key (developer portal, General Information). Checked at start when set, and otherwise unused: Palabre receives slash commands, buttons and forms on the gateway connection, so it needs no Interactions Endpoint URL (docs/discord.md).'),
  DISCORD_GUILD_ID: optional.describe('The server (guild) Palabre serves; slash commands are registered there.'),
  DISCORD_SUPPORT_ROLE_ID: optional.describe('Members with this role are support.'),
  DISCORD_STAFF_CHANNEL_ID: optional.describe('Channel where support works and where escalations are announced.'),
  DISCORD_CASES_CHANNEL_ID: optional.describe('Text channel under which each case gets its thread. Unset: the server\'s system channel.'),
  DISCORD_API_URL: url.default('https://discord.com/api').describe('Root of the Discord REST API (a test stand-in).'),
  MicrosoftAppId: optional.describe('Bot Framework app id (Azure bot registration); turns the Teams adapter on at `POST /api/messages`. See docs/teams.md.'),
  MicrosoftAppPassword: optional.describe('Client secret of the Bot Framework app.'),
  MicrosoftAppType: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant').describe('How the bot authenticates to Bot Framework.'),
  MicrosoftAppTenantId: optional.describe('Tenant of a `SingleTenant` or `UserAssignedMSI` app.'),
  TEAMS_ENABLED: flag.describe('`1` turns the Teams adapter on without an app id and without checking Bot Framework tokens: Bot Framework Emulator and tests only, never in production.'),
  TEAMS_STAFF_CONVERSATION_ID: optional.describe('Conversation id of the Teams channel where support works; the bot tells it when support mentions it there (docs/teams.md).'),
  TEAMS_OPENID_METADATA_URL: url.optional().describe('OpenID metadata document Bot Framework tokens are checked against (tests point it at a stand-in).'),
});

export type Env = z.infer<typeof envSchema>;

/** Validated configuration: the environment plus the parsed policy. */
export interface Config extends Omit<Env, 'HOST'> {
  /** HOST, else `127.0.0.1` in the embedded mode and `0.0.0.0` otherwise. */
  HOST: string;
  policy: Policy;
  /** No REDIS_URL: state in memory, nothing survives a restart. */
  embedded: boolean;
}

/** One line naming the variable and what is wrong with it. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Validates the environment (SPEC section 4). Throws ConfigError with one line per bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const clean = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ''));
  const parsed = envSchema.safeParse(clean);
  const policy = policySchema.safeParse(clean);
  const issues = [...(parsed.error?.issues ?? []), ...(policy.error?.issues ?? [])];
  if (issues.length > 0 || !parsed.success || !policy.success) {
    const lines = issues.map((i) => `${String(i.path[0] ?? 'environment')}: ${i.message}`);
    throw new ConfigError(lines.join('\n'));
  }
  const cfg = parsed.data;
  const embedded = !cfg.REDIS_URL;
  if (!embedded && !cfg.LINK_SECRET) {
    throw new ConfigError('LINK_SECRET: required when REDIS_URL is set (it signs account-link tokens)');
  }
  if (cfg.MARKETPLACE_API_URL && cfg.MARKETPLACE_DATA) {
    throw new ConfigError('MARKETPLACE_API_URL: cannot be used together with MARKETPLACE_DATA (set one: the marketplace HTTP API or a file)');
  }
  if (cfg.TELEGRAM_WEBHOOK_SECRET && !cfg.TELEGRAM_BOT_TOKEN) {
    throw new ConfigError('TELEGRAM_WEBHOOK_SECRET: needs TELEGRAM_BOT_TOKEN (without the token Telegram is off and no webhook is served)');
  }
  if (cfg.BLOB_S3_ENDPOINT && !cfg.BLOB_URL) {
    throw new ConfigError('BLOB_S3_ENDPOINT: needs BLOB_URL=s3://bucket/prefix (the bucket to use at that endpoint)');
  }
  if (Boolean(cfg.AWS_ACCESS_KEY_ID) !== Boolean(cfg.AWS_SECRET_ACCESS_KEY)) {
    throw new ConfigError('AWS_ACCESS_KEY_ID: set it together with AWS_SECRET_ACCESS_KEY, or neither');
  }
  if (cfg.PLAYGROUND && !embedded && !cfg.PLAYGROUND_TOKEN) {
    throw new ConfigError('PLAYGROUND_TOKEN: required with PLAYGROUND=1 outside the embedded mode (the playground lets anyone act as support)');
  }
  if (cfg.LINK_SECRET && cfg.LINK_SECRET.length < 16) {
    throw new ConfigError('LINK_SECRET: must be at least 16 characters');
  }
  return { ...cfg, HOST: cfg.HOST ?? (embedded ? '127.0.0.1' : '0.0.0.0'), policy: policy.data, embedded };
}
