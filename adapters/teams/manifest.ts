import { PNG } from 'pngjs';
import { strToU8, zipSync } from 'fflate';
import { z } from 'zod';
import type { I18n } from '../../src/app/i18n.js';

/** The Teams app manifest version Palabre writes (https://learn.microsoft.com/microsoftteams/platform/resources/schema/manifest-schema). */
export const MANIFEST_VERSION = '1.17';
export const MANIFEST_SCHEMA = `https://developer.microsoft.com/en-us/json-schemas/teams/v${MANIFEST_VERSION}/MicrosoftTeams.schema.json`;
export const LOCALIZATION_SCHEMA = `https://developer.microsoft.com/en-us/json-schemas/teams/v${MANIFEST_VERSION}/MicrosoftTeams.Localization.schema.json`;
/** Palabre's colour, the background of the colour icon. */
export const ACCENT = '#1F6F5C';

/** Commands shown in a personal chat with the bot (Teams shows at most 10 per list), with their Fluent description. */
export const PERSONAL_COMMANDS: readonly [string, string][] = [
  ['report', 'teams-cmd-report'],
  ['cases', 'teams-cmd-cases'],
  ['case', 'teams-cmd-case'],
  ['escalate', 'teams-cmd-escalate'],
  ['close', 'teams-cmd-close'],
  ['refund', 'teams-cmd-refund'],
  ['tracking', 'teams-cmd-tracking'],
  ['link', 'teams-cmd-link'],
  ['lang', 'teams-cmd-lang'],
  ['help', 'teams-cmd-help'],
];

/** Commands shown in a team's channels: support's tools, and `setup` (this channel's id). */
export const TEAM_COMMANDS: readonly [string, string][] = [
  ['cases', 'teams-cmd-staff-cases'],
  ['case', 'teams-cmd-case'],
  ['refund', 'teams-cmd-staff-refund'],
  ['decide', 'teams-cmd-staff-decide'],
  ['reopen', 'teams-cmd-staff-reopen'],
  ['ask', 'teams-cmd-staff-ask'],
  ['note', 'teams-cmd-staff-note'],
  ['suspend', 'teams-cmd-staff-suspend'],
  ['help', 'teams-cmd-help'],
  ['setup', 'teams-cmd-setup'],
];

const guid = z.string().regex(/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/, 'must be a GUID');
const https = z.string().max(2048).regex(/^https:\/\//, 'must be an https URL');
const command = z.object({ title: z.string().min(1).max(32), description: z.string().min(1).max(128) });

/**
 * The manifest fields Palabre writes, with the constraints the v1.17 schema documents for them (required fields,
 * lengths, formats, at most 10 commands per list). The official JSON Schema is not vendored here.
 */
export const teamsManifestSchema = z.object({
  $schema: z.literal(MANIFEST_SCHEMA),
  manifestVersion: z.literal(MANIFEST_VERSION),
  version: z.string().regex(/^\d+\.\d+\.\d+$/, 'must be major.minor.patch'),
  id: guid,
  developer: z.object({ name: z.string().min(1).max(32), websiteUrl: https, privacyUrl: https, termsOfUseUrl: https }),
  name: z.object({ short: z.string().min(1).max(30), full: z.string().min(1).max(100) }),
  description: z.object({ short: z.string().min(1).max(80), full: z.string().min(1).max(4000) }),
  icons: z.object({ color: z.string().min(1), outline: z.string().min(1) }),
  accentColor: z.string().regex(/^#[0-9a-fA-F]{6}$/),
  bots: z
    .array(
      z.object({
        botId: guid,
        scopes: z.array(z.enum(['personal', 'team', 'groupChat'])).min(1),
        supportsFiles: z.boolean(),
        isNotificationOnly: z.boolean(),
        commandLists: z.array(z.object({ scopes: z.array(z.enum(['personal', 'team', 'groupChat'])).min(1), commands: z.array(command).min(1).max(10) })).max(3),
      }),
    )
    .length(1),
  validDomains: z.array(z.string()),
  localizationInfo: z.object({
    defaultLanguageTag: z.string().min(2),
    additionalLanguages: z.array(z.object({ languageTag: z.string().min(2), file: z.string().regex(/\.json$/) })),
  }),
});
export type TeamsManifest = z.infer<typeof teamsManifestSchema>;

/** A localization file: the manifest's strings by JSON path, in one language. */
export const teamsLocalizationSchema = z
  .object({ $schema: z.literal(LOCALIZATION_SCHEMA), 'name.short': z.string().max(30), 'name.full': z.string().max(100), 'description.short': z.string().max(80), 'description.full': z.string().max(4000) })
  .catchall(z.string().max(128));

export interface ManifestOptions {
  /** MicrosoftAppId: the app's id and its bot's. */
  botId: string;
  /** The package version, major.minor.patch (Teams wants a higher one for each update). */
  version: string;
  developer: { name: string; websiteUrl: string; privacyUrl: string; termsOfUseUrl: string };
  i18n: I18n;
  /** The manifest's own language (DEFAULT_LOCALE); every other locale gets a localization file. */
  defaultLocale: string;
}

const LISTS = [
  { scopes: ['personal'] as const, commands: PERSONAL_COMMANDS },
  { scopes: ['team'] as const, commands: TEAM_COMMANDS },
];

function strings(i18n: I18n, locale: string) {
  const t = (id: string) => i18n.t(locale, { id }, 'UTC');
  return {
    'name.short': t('teams-app-name-short'),
    'name.full': t('teams-app-name-full'),
    'description.short': t('teams-app-description-short'),
    'description.full': t('teams-app-description-full'),
    lists: LISTS.map((l) => l.commands.map(([title, id]) => ({ title, description: t(id).slice(0, 128) }))),
  };
}

/** The manifest and one localization file per other locale. */
export function teamsManifest(o: ManifestOptions): { manifest: TeamsManifest; localizations: Record<string, Record<string, string>> } {
  const base = strings(o.i18n, o.defaultLocale);
  const others = o.i18n.locales.filter((l) => l !== o.defaultLocale);
  const manifest: TeamsManifest = {
    $schema: MANIFEST_SCHEMA,
    manifestVersion: MANIFEST_VERSION,
    version: o.version,
    id: o.botId,
    developer: o.developer,
    name: { short: base['name.short'], full: base['name.full'] },
    description: { short: base['description.short'], full: base['description.full'] },
    icons: { color: 'color.png', outline: 'outline.png' },
    accentColor: ACCENT,
    bots: [
      {
        botId: o.botId,
        scopes: ['personal', 'team'],
        supportsFiles: true,
        isNotificationOnly: false,
        commandLists: LISTS.map((l, i) => ({ scopes: [...l.scopes], commands: base.lists[i]! })),
      },
    ],
    validDomains: [],
    localizationInfo: { defaultLanguageTag: o.defaultLocale, additionalLanguages: others.map((l) => ({ languageTag: l, file: `${l}.json` })) },
  };
  const localizations: Record<string, Record<string, string>> = {};
  for (const locale of others) {
    const s = strings(o.i18n, locale);
    const file: Record<string, string> = { $schema: LOCALIZATION_SCHEMA, 'name.short': s['name.short'], 'name.full': s['name.full'], 'description.short': s['description.short'], 'description.full': s['description.full'] };
    s.lists.forEach((cmds, li) =>
      cmds.forEach((c, ci) => {
        file[`bots[0].commandLists[${li}].commands[${ci}].title`] = c.title;
        file[`bots[0].commandLists[${li}].commands[${ci}].description`] = c.description;
      }),
    );
    localizations[locale] = file;
  }
  return { manifest: teamsManifestSchema.parse(manifest), localizations };
}

/**
 * The two icons Teams asks for: a 192×192 colour icon (a white speech bubble on Palabre's colour) and a
 * 32×32 outline icon (the same bubble, white on transparent).
 */
export function teamsIcons(): { color: Buffer; outline: Buffer } {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(ACCENT.slice(i, i + 2), 16)) as [number, number, number];
  const draw = (size: number, background: [number, number, number, number] | null, ring: boolean) => {
    const png = new PNG({ width: size, height: size });
    const c = size / 2;
    const outer = size * 0.34;
    const inner = ring ? outer - Math.max(2, size * 0.08) : 0;
    for (let y = 0; y < size; y++) {
      for (let x = 0; x < size; x++) {
        const i = (y * size + x) * 4;
        const d = Math.hypot(x + 0.5 - c, y + 0.5 - c * 0.92);
        // The bubble's tail: a small triangle below and left of the circle.
        const tail = y > c * 1.1 && y < c * 1.55 && x > c * 0.62 && x < c * 0.95 && x - c * 0.62 < (c * 1.55 - y) * 0.8;
        const white = (d <= outer && d >= inner) || tail;
        const px = white ? [255, 255, 255, 255] : (background ?? [0, 0, 0, 0]);
        png.data[i] = px[0]!;
        png.data[i + 1] = px[1]!;
        png.data[i + 2] = px[2]!;
        png.data[i + 3] = px[3]!;
      }
    }
    return PNG.sync.write(png);
  };
  return { color: draw(192, [r, g, b, 255], false), outline: draw(32, null, true) };
}

/** The app package to upload in Teams: manifest.json, the icons and the localization files, zipped. */
export function teamsAppPackage(o: ManifestOptions): Uint8Array {
  const { manifest, localizations } = teamsManifest(o);
  const icons = teamsIcons();
  const files: Record<string, Uint8Array> = {
    'manifest.json': strToU8(JSON.stringify(manifest, null, 2)),
    'color.png': icons.color,
    'outline.png': icons.outline,
  };
  for (const [locale, file] of Object.entries(localizations)) files[`${locale}.json`] = strToU8(JSON.stringify(file, null, 2));
  return zipSync(files);
}
