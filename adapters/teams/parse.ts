import type { Activity } from 'botbuilder';
import type { TurnContent, TurnInput } from '../../src/ports/turn.js';
import type { FileConsentAnswer } from './files.js';
import { TEAMS_CAPABILITIES } from './capabilities.js';

/** A file the user sent, still to copy into Palabre's blob storage. */
export interface TeamsFileRef {
  url: string;
  name?: string;
  contentType?: string;
  /** Inline images live on the Bot Connector and need the bot's token; file links are pre-authenticated. */
  needsBotToken: boolean;
}

/** What an activity means to Palabre. */
export type ParsedActivity =
  | { kind: 'turn'; input: Omit<TurnInput, 'content'>; content: TurnContent }
  | { kind: 'files'; input: Omit<TurnInput, 'content'>; files: TeamsFileRef[]; caption?: string }
  /** The bot was added to a personal chat, a team or a group chat (`greet` once), or people joined; `users` are the people seen there. */
  | { kind: 'installed'; input: Omit<TurnInput, 'content'>; personal: boolean; users: string[]; greet: boolean }
  /** The user answered a file consent card. */
  | { kind: 'fileConsent'; input: Omit<TurnInput, 'content'>; answer: FileConsentAnswer }
  /** The bot was removed; in a personal chat the user can no longer be reached. */
  | { kind: 'uninstalled'; input: Omit<TurnInput, 'content'>; personal: boolean }
  | { kind: 'ignored' };

export interface ParseOptions {
  /** TEAMS_STAFF_CONVERSATION_ID: the staff channel (its threads carry `;messageid=<root>`). */
  staffConversationId?: string;
}

/** The SPEC's commands, recognized with or without a leading slash (Teams has no slash-command menu for bots). */
const COMMANDS = new Set(['start', 'link', 'help', 'lang', 'cancel', 'report', 'cases', 'case', 'escalate', 'close', 'refund', 'tracking', 'decide', 'reopen', 'ask', 'note', 'suspend', 'reinstate', 'take', 'release']);
/** Commands that make sense typed alone, without a slash. */
const BARE_ALONE = new Set(['start', 'help', 'cancel', 'report', 'cases', 'close', 'escalate']);
/** Commands whose first argument is a case number: `refund C-000001 5000` typed without a slash. */
const CASE_FIRST = new Set(['case', 'escalate', 'close', 'refund', 'tracking', 'decide', 'reopen', 'ask', 'note', 'take', 'release']);
const CASE_ID = /^C-?\d{1,12}$/i;

/** The conversation id without Teams' `;messageid=<root>` thread suffix. */
export function baseConversationId(conversationId: string): string {
  return conversationId.split(';messageid=')[0] ?? conversationId;
}

/** Translates one Bot Framework activity into engine input; `ignored` for what Palabre does not handle. */
export function parseActivity(activity: Activity, opts: ParseOptions = {}): ParsedActivity {
  if (activity.from?.id && activity.from.id === activity.recipient?.id) return { kind: 'ignored' };
  const input = baseInput(activity, opts);
  switch (activity.type) {
    case 'message':
      return parseMessage(activity, input);
    case 'conversationUpdate': {
      const botId = activity.recipient?.id;
      const added = activity.membersAdded ?? [];
      if (activity.membersRemoved?.some((m) => m.id === botId)) return { kind: 'uninstalled', input, personal: input.isPrivate };
      if (!added.some((m) => m.id === botId)) {
        // People joining a team the bot is in: remember where they can be reached.
        const users = added.map((m) => m.id).filter((id) => id !== botId);
        return users.length ? { kind: 'installed', input, personal: false, users, greet: false } : { kind: 'ignored' };
      }
      const users = [activity.from?.id, ...added.map((m) => m.id)].filter((id): id is string => !!id && id !== botId);
      return { kind: 'installed', input, personal: input.isPrivate, users: [...new Set(users)], greet: true };
    }
    case 'installationUpdate': {
      const action = String(activity.action ?? '');
      if (action.startsWith('remove')) return { kind: 'uninstalled', input, personal: input.isPrivate };
      if (action.startsWith('add')) return { kind: 'installed', input, personal: input.isPrivate, users: activity.from?.id ? [activity.from.id] : [], greet: false };
      return { kind: 'ignored' };
    }
    case 'invoke': {
      // An Action.Execute press (Universal Actions) carries the button's data as Action.Submit does.
      if (activity.name === 'adaptiveCard/action') return { kind: 'turn', input, content: pressed((activity.value as { action?: { data?: unknown } } | undefined)?.action?.data) };
      const answer = activity.value as Partial<FileConsentAnswer> | undefined;
      if (activity.name !== 'fileConsent/invoke' || (answer?.action !== 'accept' && answer?.action !== 'decline')) return { kind: 'ignored' };
      return { kind: 'fileConsent', input, answer: answer as FileConsentAnswer };
    }
    case 'messageUpdate':
      return parseEdit(activity, input);
    default:
      return { kind: 'ignored' };
  }
}

/**
 * A message the user edited: Teams sends a messageUpdate whose channelData.eventType is `editMessage` (also
 * `undeleteMessage`, which is no new words), with the message's own id and its new text
 * (https://learn.microsoft.com/microsoftteams/platform/bots/how-to/conversations/subscribe-to-conversation-events).
 */
function parseEdit(activity: Activity, input: Omit<TurnInput, 'content'>): ParsedActivity {
  const eventType = (activity.channelData as { eventType?: unknown } | undefined)?.eventType;
  if (eventType !== 'editMessage' || !activity.id) return { kind: 'ignored' };
  const text = cleanText(activity);
  if (!text) return { kind: 'ignored' };
  const content = parseText(text);
  return { kind: 'turn', input: { ...input, messageId: activity.id }, content: { type: 'edit', text, ...(content.type === 'command' ? { command: true } : {}) } };
}

/**
 * The once-only key of an activity. An edit carries the id of the message it edits, so it is told apart by its time:
 * each edit is handled once, and a redelivery of it (same time) is a duplicate.
 */
export function activityKey(activity: Activity): string {
  const conversationId = activity.conversation?.id ?? '';
  if (activity.type === 'messageUpdate') return `teams:edit:${conversationId}:${activity.id}:${String(activity.timestamp ?? activity.localTimestamp ?? '')}`;
  return `teams:activity:${conversationId}:${activity.id}`;
}

function baseInput(activity: Activity, opts: ParseOptions): Omit<TurnInput, 'content'> {
  const conversationId = activity.conversation?.id ?? '';
  const type = activity.conversation?.conversationType;
  const channelData = (activity.channelData ?? {}) as { channel?: { id?: string } };
  const staff = opts.staffConversationId;
  return {
    platform: 'teams',
    userId: activity.from?.id ?? '',
    ...(activity.from?.name ? { userName: activity.from.name } : {}),
    ...(activity.locale ? { languageHint: activity.locale } : {}),
    conversationId,
    threadId: null,
    replyToMessageId: activity.replyToId ?? quotedMessageId(activity),
    isPrivate: type ? type === 'personal' : activity.conversation?.isGroup !== true,
    isStaffChannel: !!staff && (baseConversationId(conversationId) === staff || channelData.channel?.id === staff),
    capabilities: TEAMS_CAPABILITIES,
  };
}

/**
 * A card button's press: its Palabre token, or an empty one for a payload Palabre never issued (a forged or foreign
 * card's), which the engine refuses like any unknown token instead of leaving the press unanswered.
 */
function pressed(data: unknown): TurnContent {
  const token = (data as { palabre?: unknown } | null | undefined)?.palabre;
  return { type: 'action', token: typeof token === 'string' ? token : '' };
}

function parseMessage(activity: Activity, input: Omit<TurnInput, 'content'>): ParsedActivity {
  const text = cleanText(activity);
  // A card submission carries its data in `value` and no words.
  if (activity.value !== undefined && activity.value !== null && (typeof activity.value === 'object' || !text)) return { kind: 'turn', input, content: pressed(activity.value) };
  const files = filesOf(activity);
  const own = activity.id ? { ...input, messageId: activity.id } : input;
  if (files.length) return { kind: 'files', input: own, files, ...(text ? { caption: text } : {}) };
  if (!text) return { kind: 'ignored' };
  return { kind: 'turn', input: own, content: parseText(text) };
}

/** Teams marks a quoted message (the Reply action in a chat) with a blockquote of this item type. */
const QUOTE = /<blockquote\b[^>]*schema\.skype\.com\/Reply[^>]*>[\s\S]*?<\/blockquote>/i;

/** The id of the message the user quoted with Teams' Reply, from the text or its HTML version. */
function quotedMessageId(activity: Activity): string | null {
  const html = [activity.text ?? '', ...(activity.attachments ?? []).filter((a) => a.contentType === 'text/html').map((a) => String(a.content ?? ''))];
  for (const h of html) {
    const tag = QUOTE.exec(h)?.[0].match(/^<blockquote\b[^>]*>/)?.[0];
    const id = tag && /\bitemid="([^"]+)"/.exec(tag)?.[1];
    if (id) return id;
  }
  return null;
}

/** The user's words: the bot's @mention and any quoted message removed, Teams' HTML reduced to text. */
export function cleanText(activity: Activity): string {
  let text = (activity.text ?? '').replace(new RegExp(QUOTE.source, 'gi'), ' ');
  const botId = activity.recipient?.id;
  for (const e of activity.entities ?? []) {
    const mention = e as { type?: string; mentioned?: { id?: string }; text?: string };
    if (mention.type === 'mention' && mention.mentioned?.id === botId && mention.text) text = text.split(mention.text).join(' ');
  }
  // A mention whose entity is missing still arrives as <at>…</at>.
  text = text.replace(/<at>[^<]*<\/at>/gi, ' ');
  if (/<\/?(p|div|br|span|b|i|strong|em)\b/i.test(text)) text = text.replace(/<br\s*\/?>/gi, '\n').replace(/<\/(p|div)>/gi, '\n').replace(/<[^>]+>/g, '');
  // Spaces before a line break go; a run is tried from its first space only (from each, 12,000 spaces took 0.08 to 0.25 s).
  return decodeEntities(text).replace(/\u00a0/g, ' ').replace(/(?<![ \t])[ \t]+\n/g, '\n').trim();
}

/** Accents of the named entities of Latin letters (`&eacute;`, `&Ccedil;`, `&ouml;`) as combining marks. */
const ACCENTS: Record<string, string> = { grave: '\u0300', acute: '\u0301', circ: '\u0302', tilde: '\u0303', uml: '\u0308', cedil: '\u0327' };
const NAMED: Record<string, string> = {
  nbsp: ' ', lt: '<', gt: '>', quot: '"', apos: "'", amp: '&', laquo: '«', raquo: '»', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”',
  hellip: '…', ndash: '–', mdash: '—', euro: '€', middot: '·', deg: '°', oelig: 'œ', OElig: 'Œ', aelig: 'æ', AElig: 'Æ', szlig: 'ß',
};

/** One entity, or null when it is none Palabre knows (left as written). */
function entity(name: string): string | null {
  const numeric = /^#(?:x([0-9a-f]+)|(\d+))$/i.exec(name);
  if (numeric) {
    const code = numeric[1] ? parseInt(numeric[1], 16) : Number(numeric[2]);
    return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : null;
  }
  if (NAMED[name] !== undefined) return NAMED[name]!;
  const letter = /^([a-zA-Z])(grave|acute|circ|tilde|uml|cedil)$/.exec(name);
  return letter ? `${letter[1]}${ACCENTS[letter[2]!]}`.normalize('NFC') : null;
}

/** Teams' HTML entities, numeric or named, in one pass (`&amp;lt;` stays the text `&lt;`). */
function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => entity(name) ?? whole);
}

/** `/refund C-1 5000`, `refund C-1 5000`, `link <token>`, `help`: commands; anything else is free text. */
export function parseText(text: string): TurnContent {
  const slash = /^\/([A-Za-z]+)(?:@\S+)?(?:\s+([\s\S]*))?$/.exec(text);
  if (slash) return command(slash[1]!.toLowerCase(), slash[2] ?? '');
  const [first = '', ...rest] = text.split(/\s+/);
  const name = first.toLowerCase();
  if (!COMMANDS.has(name)) return { type: 'text', text };
  const args = rest.filter((a) => a !== '');
  const bare =
    (args.length === 0 && BARE_ALONE.has(name)) ||
    (name === 'link' && args.length === 1) ||
    (name === 'lang' && args.length === 1 && /^[a-z]{2}$/i.test(args[0]!)) ||
    (name === 'cases' && args.length === 1 && /^(mine|escalated|overdue|waiting|all)$/i.test(args[0]!)) ||
    (CASE_FIRST.has(name) && args.length > 0 && CASE_ID.test(args[0]!));
  return bare ? command(name, text.slice(first.length).trim()) : { type: 'text', text };
}

function command(name: string, rest: string): TurnContent {
  const args = rest.split(/\s+/).filter((a) => a !== '');
  return { type: 'command', name, args, text: `/${name}${rest ? ` ${rest}` : ''}` };
}

/**
 * In a staff thread every command is about that thread's case: `/refund 5000 recover` there is
 * `/refund <case> 5000 recover`. Commands naming a case keep it.
 */
export function withThreadCase(content: TurnContent, caseId: string): TurnContent {
  if (content.type !== 'command' || !CASE_FIRST.has(content.name)) return content;
  if (content.args[0] && CASE_ID.test(content.args[0])) return content;
  const rest = content.text.replace(/^\/\S+\s*/, '');
  return { type: 'command', name: content.name, args: [caseId, ...content.args], text: `/${content.name} ${caseId}${rest ? ` ${rest}` : ''}` };
}

function filesOf(activity: Activity): TeamsFileRef[] {
  const files: TeamsFileRef[] = [];
  for (const a of activity.attachments ?? []) {
    const type = (a.contentType ?? '').toLowerCase();
    if (type === 'application/vnd.microsoft.teams.file.download.info') {
      const content = (a.content ?? {}) as { downloadUrl?: unknown; fileType?: unknown };
      if (typeof content.downloadUrl !== 'string') continue;
      files.push({ url: content.downloadUrl, ...(a.name ? { name: a.name } : {}), ...(typeof content.fileType === 'string' ? { contentType: typeOfExtension(content.fileType) } : {}), needsBotToken: false });
    } else if (type.startsWith('image/') && a.contentUrl) {
      files.push({ url: a.contentUrl, ...(a.name ? { name: a.name } : {}), contentType: type, needsBotToken: true });
    }
    // text/html is the message itself again; cards are the bot's own.
  }
  return files;
}

function typeOfExtension(ext: string): string {
  const types: Record<string, string> = { pdf: 'application/pdf', jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', gif: 'image/gif', webp: 'image/webp', txt: 'text/plain' };
  return types[ext.toLowerCase().replace(/^\./, '')] ?? 'application/octet-stream';
}
