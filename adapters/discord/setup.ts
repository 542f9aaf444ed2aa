import { DiscordAPIError, PermissionFlagsBits, REST } from 'discord.js';
import type { I18n } from '../../src/app/i18n.js';
import { commandDefinitions, registerCommands } from './commands.js';

/**
 * The permissions Palabre uses, and only those: read and write in its channels and threads (ViewChannel,
 * SendMessages, SendMessagesInThreads, ReadMessageHistory for replies), open a case's private thread and the staff
 * channel's public one and add the parties to it (CreatePrivateThreads, CreatePublicThreads, ManageThreads: the
 * private threads are not invitable), show case cards and evidence (EmbedLinks, AttachFiles).
 */
export const DISCORD_PERMISSIONS =
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.SendMessagesInThreads |
  PermissionFlagsBits.ReadMessageHistory |
  PermissionFlagsBits.CreatePrivateThreads |
  PermissionFlagsBits.CreatePublicThreads |
  PermissionFlagsBits.ManageThreads |
  PermissionFlagsBits.EmbedLinks |
  PermissionFlagsBits.AttachFiles;

/** OAuth2 scopes of the invite: the bot user, and its slash commands. */
export const DISCORD_SCOPES = ['bot', 'applications.commands'] as const;

/** Application flags that say the Message Content intent is on (verified apps get the first, others the second). */
const MESSAGE_CONTENT = 1 << 18;
const MESSAGE_CONTENT_LIMITED = 1 << 19;

/** The URL a server administrator opens to add the bot with exactly DISCORD_PERMISSIONS (to `guildId` when given). */
export function discordInviteUrl(applicationId: string, guildId?: string): string {
  const url = new URL('https://discord.com/oauth2/authorize');
  url.searchParams.set('client_id', applicationId);
  url.searchParams.set('scope', DISCORD_SCOPES.join(' '));
  url.searchParams.set('permissions', DISCORD_PERMISSIONS.toString());
  if (guildId) {
    url.searchParams.set('guild_id', guildId);
    url.searchParams.set('disable_guild_select', 'true');
  }
  return url.toString();
}

export interface DiscordSetupOptions {
  token: string;
  apiUrl: string;
  applicationId?: string | undefined;
  guildId?: string | undefined;
  i18n: I18n;
  out(text: string): void;
  err(text: string): void;
}

/**
 * `npm run cli -- discord invite`: checks the token and the Message Content intent on the application endpoint,
 * registers the slash commands, and prints the invite URL. Resolves to the exit code.
 */
export async function discordSetup(o: DiscordSetupOptions): Promise<number> {
  const rest = new REST({ api: o.apiUrl, version: '10', retries: 1 }).setToken(o.token);
  let app: { id: string; name?: string; flags?: number };
  try {
    app = (await rest.get('/applications/@me')) as typeof app;
  } catch (err) {
    if (err instanceof DiscordAPIError && err.status === 401) {
      o.err('discord: DISCORD_BOT_TOKEN was refused by Discord (401): copy the token again from the developer portal, Bot → Reset Token.\n');
      return 1;
    }
    throw err;
  }
  if (o.applicationId && o.applicationId !== app.id) {
    o.err(`discord: DISCORD_APPLICATION_ID is ${o.applicationId} but the token belongs to application ${app.id}.\n`);
    return 1;
  }
  o.out(`Discord application ${app.name ?? ''} (${app.id}): token accepted.\n`);

  let code = 0;
  const flags = app.flags ?? 0;
  if (flags & (MESSAGE_CONTENT | MESSAGE_CONTENT_LIMITED)) {
    o.out('Intents: Message Content is on (Palabre reads what buyers and sellers write in DMs and case threads).\n');
  } else {
    o.err(
      'discord: the Message Content intent is off. Turn it on in the developer portal (your application → Bot → Privileged Gateway Intents → Message Content Intent): without it Palabre sees empty messages.\n',
    );
    code = 1;
  }

  await registerCommands(rest, app.id, o.guildId, o.i18n);
  const count = commandDefinitions(o.i18n).length;
  o.out(o.guildId ? `Slash commands: ${count} registered in server ${o.guildId}.\n` : `Slash commands: ${count} registered globally (they may take up to an hour to appear; set DISCORD_GUILD_ID for one server at once).\n`);

  o.out(`\nInvite the bot (scopes ${DISCORD_SCOPES.join(', ')}; permissions ${DISCORD_PERMISSIONS}):\n${discordInviteUrl(app.id, o.guildId)}\n`);
  return code;
}
