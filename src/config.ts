import { z } from 'zod';
import { parseBusinessHours, type WeeklyHours } from './domain/business-hours.js';
import { policySchema, type Policy } from './domain/policy.js';
import { parseHolidaySpec, type HolidaySpec } from './infra/holidays.js';

const optional = z
  .string()
  .trim()
  .transform((s) => (s === '' ? undefined : s))
  .optional();

const url = z
  .string()
  .trim()
  .refine((s) => /^https?:\/\//.test(s), 'must be an http(s) URL');

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
  }, 'must be an IANA time zone such as Africa/Kinshasa');

const flag = z
  .string()
  .trim()
  .transform((s) => s === '1' || s.toLowerCase() === 'true')
  .optional();

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  HOST: z.string().default('0.0.0.0'),
  REDIS_URL: optional,
  REDIS_PREFIX: z.string().default('palabre:'),
  MARKETPLACE_DATA: optional,
  MARKETPLACE_API_URL: url.optional(),
  MARKETPLACE_API_TOKEN: optional,
  ADMIN_TOKEN: optional,
  LINK_SECRET: optional,
  DEFAULT_LOCALE: z.enum(['fr', 'en']).default('fr'),
  DEFAULT_TIMEZONE: ianaZone.default('Africa/Kinshasa'),
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
    }),
  SUPPORT_TIMEZONE: ianaZone.default('Africa/Kinshasa'),
  /** A country code for public holidays (date-holidays), plus extra dates: `CD,2026-12-24`. */
  SUPPORT_HOLIDAYS: z
    .string()
    .default('CD')
    .transform((s, ctx): HolidaySpec => {
      const spec = parseHolidaySpec(s);
      if ('error' in spec) {
        ctx.addIssue({ code: 'custom', message: `${spec.error} (e.g. "CD" or "CD,2026-12-24")` });
        return z.NEVER;
      }
      return spec;
    }),
  BLOB_DIR: z.string().default('data/blobs'),
  PLAYGROUND: flag,
  /** Embedded mode only: divide case deadlines by this factor so a demo shows them in minutes (default 1440: a day is a minute). */
  DEMO_TIME_SCALE: z.coerce.number().positive().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TELEGRAM_BOT_TOKEN: optional,
  TELEGRAM_API_ROOT: url.default('https://api.telegram.org'),
  TELEGRAM_WEBHOOK_SECRET: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,256}$/, 'must be 1-256 characters of A-Z, a-z, 0-9, _ and - (Telegram secret_token)')
    .optional(),
  TELEGRAM_SUPPORT_CHAT_ID: optional,
  DISCORD_BOT_TOKEN: optional,
  DISCORD_APPLICATION_ID: optional,
  DISCORD_PUBLIC_KEY: optional,
  DISCORD_GUILD_ID: optional,
  DISCORD_SUPPORT_ROLE_ID: optional,
  DISCORD_STAFF_CHANNEL_ID: optional,
  DISCORD_API_URL: url.default('https://discord.com/api'),
  MicrosoftAppId: optional,
  MicrosoftAppPassword: optional,
  MicrosoftAppType: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant'),
  MicrosoftAppTenantId: optional,
  TEAMS_ENABLED: flag,
  TEAMS_STAFF_CONVERSATION_ID: optional,
  /** Tests point botbuilder at a local OpenID metadata document instead of Microsoft's. */
  TEAMS_OPENID_METADATA_URL: url.optional(),
});

export type Env = z.infer<typeof envSchema>;

/** Validated configuration: the environment plus the parsed policy. */
export interface Config extends Env {
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
  const clean = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
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
  if (cfg.LINK_SECRET && cfg.LINK_SECRET.length < 16) {
    throw new ConfigError('LINK_SECRET: must be at least 16 characters');
  }
  return { ...cfg, policy: policy.data, embedded };
}
