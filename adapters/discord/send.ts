import { randomBytes } from 'node:crypto';
import { Routes, type APIActionRowComponent, type APIComponentInMessageActionRow, type APIEmbed, type APIMessage, type REST } from 'discord.js';
import { renderMessage } from '../../src/app/render.js';
import { discordCapabilities } from './capabilities.js';
import type { I18n } from '../../src/app/i18n.js';
import type { Logger } from '../../src/ports/logger.js';
import type { OutMessage } from '../../src/ports/turn.js';
import type { BlobStore } from '../../src/ports/blob-store.js';
import type { KeyValue } from '../../src/ports/kv.js';
import { messageSubject, type ThreadRegistry } from '../../src/ports/threads.js';
import { actionId, CUSTOM_ID_MAX, formId, isTokenShaped, selectId } from './parse.js';
import { LIMITS, toDiscordView, type ComponentSpec } from './render.js';
import { createButtonSlots } from '../common/slots.js';
import { cardPreviews, relayedFile } from '../common/evidence.js';

/** One Discord message ready to post, through REST or as an interaction response. */
export interface DiscordMessage {
  content?: string;
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIComponentInMessageActionRow>[];
  /** Uploaded with the message: the relayed file, and the previews its embeds show (`attachment://<name>`). */
  files?: DiscordFile[];
  /** Who this message pings; nobody else is ever mentioned (user text may contain @everyone). */
  mentions: Mentions;
}

/** A file uploaded with a message. */
export interface DiscordFile {
  name: string;
  data: Buffer;
  contentType: string;
}

/** Users and roles a message pings (placed before its text). */
export interface Mentions {
  users?: string[];
  roles?: string[];
}

export interface DiscordSenderDeps {
  rest: REST;
  i18n: I18n;
  kv: KeyValue;
  threads: ThreadRegistry;
  blobs: BlobStore;
  logger: Logger;
}

/** Marks a custom_id or select value that stands for a longer engine token kept in the key-value store. */
const LONG = '~';
const LONG_TTL_MS = 30 * 24 * 3600_000;
const CARD_TTL_MS = 180 * 24 * 3600_000;
const STYLE = { primary: 1, secondary: 2, danger: 4 } as const;

/** Posts engine output natively and remembers which messages belong to which case. */
export function createDiscordSender(deps: DiscordSenderDeps) {
  const { rest, kv, logger } = deps;
  const slots = createButtonSlots(kv, 'dc');

  /** Takes a message's buttons away (https://discord.com/developers/docs/resources/message#edit-message); gone is fine. */
  async function retire(channelId: string, messageId: string): Promise<void> {
    await rest.patch(Routes.channelMessage(channelId, messageId), { body: { components: [] } }).catch((err: unknown) => {
      logger.debug({ err, channelId, messageId }, 'buttons not retired');
    });
  }

  /** The token as it travels in a custom_id or select value; too long ones go through the key-value store. */
  async function wire(token: string, room: number): Promise<string> {
    if (token.length <= room && isTokenShaped(token) && !token.startsWith(LONG)) return token;
    const key = randomBytes(12).toString('base64url');
    await kv.set(`dc:tok:${key}`, token, LONG_TTL_MS);
    return `${LONG}${key}`;
  }

  async function component(spec: ComponentSpec, n: number): Promise<APIComponentInMessageActionRow> {
    switch (spec.type) {
      case 'button':
        return { type: 2, style: STYLE[spec.style], label: spec.label, custom_id: actionId(await wire(spec.token, CUSTOM_ID_MAX - 2)) };
      case 'form':
        return { type: 2, style: STYLE.primary, label: spec.label, emoji: { name: '✍️' }, custom_id: formId(spec.kind) };
      case 'select':
        return {
          type: 3,
          custom_id: selectId(n),
          placeholder: spec.placeholder,
          options: await Promise.all(spec.options.map(async (o) => ({ label: o.label, value: await wire(o.token, CUSTOM_ID_MAX) }))),
        };
      default: {
        const never: never = spec;
        return never;
      }
    }
  }

  /** The OutMessage as one or more Discord messages (long text is split; embed, buttons and file go last). */
  async function compose(original: OutMessage, opts: { mentions?: Mentions; inCaseThread?: boolean } = {}): Promise<DiscordMessage[]> {
    const { out, blob } = await relayedFile(original, deps.blobs, logger);
    const t = (id: string, args?: Record<string, string>) => deps.i18n.t(out.locale, args ? { id, args } : { id }, out.timezone);
    const view = toDiscordView(renderMessage(out, deps.i18n, discordCapabilities(opts.inCaseThread === true)), out, { select: t('dc-select-placeholder'), form: (kind) => t('dc-form-open', { kind }) });
    if (view.dropped > 0) logger.warn({ caseId: out.caseId, dropped: view.dropped }, 'components beyond Discord limits were dropped');
    let selects = 0;
    const components = await Promise.all(
      view.rows.map(async (row) => ({ type: 1 as const, components: await Promise.all(row.map((c) => component(c, c.type === 'select' ? selects++ : 0))) })),
    );
    const file = blob ? { name: blob.ref.name ?? `${blob.ref.id.slice(0, 12)}${extensionOf(blob.ref.contentType)}`, data: Buffer.from(blob.data), contentType: blob.ref.contentType } : undefined;

    const chunks: (string | undefined)[] = view.chunks.length > 0 ? [...view.chunks] : [undefined];
    const mentions = opts.mentions ?? {};
    const pings = [...(mentions.users ?? []).map((u) => `<@${u}>`), ...(mentions.roles ?? []).map((r) => `<@&${r}>`)].join(' ');
    if (pings) {
      if (!chunks[0]) chunks[0] = pings;
      else if (pings.length + 1 + chunks[0].length <= LIMITS.content) chunks[0] = `${pings} ${chunks[0]}`;
      else chunks.unshift(pings);
    }
    const messages = chunks.map((content): DiscordMessage => ({ ...(content ? { content } : {}), embeds: [], components: [], mentions }));
    const last = messages.at(-1)!;
    // The card's photos show as embed images of previews uploaded with it (https://discord.com/developers/docs/reference#uploading-files).
    const previews = view.embed ? await cardPreviews(out, deps.blobs) : [];
    const shown = previews.map((p): DiscordFile => ({ name: `preview-${p.blobId.slice(0, 12)}.jpg`, data: Buffer.from(p.data), contentType: p.contentType }));
    const image = (f: DiscordFile) => ({ image: { url: `attachment://${f.name}` } });
    if (view.embed) last.embeds = [{ ...view.embed, ...(shown[0] ? image(shown[0]) : {}) }, ...shown.slice(1).map(image)];
    last.components = components;
    const files = [...shown, ...(file ? [file] : [])];
    if (files.length > 0) last.files = files;
    return messages.filter((m) => m.content || m.embeds.length > 0 || m.components.length > 0 || m.files);
  }

  /** Remembers sent messages of a case (a reply to one is a comment) and keeps one live copy per card. */
  async function track(out: OutMessage, channelId: string, ids: string[]): Promise<void> {
    const subject = messageSubject(out);
    if (subject) for (const id of ids) await deps.threads.rememberMessage('discord', channelId, id, subject);
    const card = ids.at(-1);
    // A newer message in the same slot (a case's card and confirmations, a flow's question) supersedes this one's buttons.
    if (out.slot && card) {
      const previous = await slots.swap(channelId, out.slot, card);
      if (previous) await retire(channelId, previous);
    }
    // A closed case: the last messages of the slots this one ends lose their buttons too.
    for (const slot of out.clearSlots ?? []) {
      const previous = await slots.clear(channelId, slot);
      if (previous && !ids.includes(previous)) await retire(channelId, previous);
    }
    if (!out.replaceKey || !card) return;
    const key = `dc:card:${channelId}:${out.replaceKey}`;
    const previous = await kv.get<string>(key);
    await kv.set(key, card, CARD_TTL_MS);
    // The older copy of the card would keep buttons for a state that has passed.
    if (previous && previous !== card) {
      await rest.patch(Routes.channelMessage(channelId, previous), { body: { components: [] } }).catch((err: unknown) => {
        logger.debug({ err, channelId, messageId: previous }, 'could not clear an old card');
      });
    }
  }

  return {
    compose,
    track,
    retire,
    /** Posts an OutMessage in a channel (or thread); returns the ids of the messages posted. */
    async post(channelId: string, out: OutMessage, opts: { mentions?: Mentions; replyTo?: string; inCaseThread?: boolean; onSent?: () => Promise<void> } = {}): Promise<string[]> {
      const ids: string[] = [];
      for (const [i, m] of (await compose(out, opts)).entries()) {
        const body = {
          ...(m.content ? { content: m.content } : {}),
          embeds: m.embeds,
          components: m.components,
          allowed_mentions: allowedMentions(m.mentions),
          ...(i === 0 && opts.replyTo ? { message_reference: { message_id: opts.replyTo, fail_if_not_exists: false } } : {}),
          ...(m.files ? { attachments: m.files.map((f, id) => ({ id, filename: f.name })) } : {}),
        };
        const files = m.files?.map((f) => ({ name: f.name, data: f.data, contentType: f.contentType }));
        const sent = (await rest.post(Routes.channelMessages(channelId), { body, ...(files ? { files } : {}) })) as APIMessage;
        ids.push(sent.id);
      }
      // Recorded as delivered (DeliverOptions.onSent) with the first of the sender's own writes.
      await Promise.all([opts.onSent?.(), track(out, channelId, ids)]);
      return ids;
    },
    /** The engine token behind a custom_id token or select value. */
    async token(wired: string): Promise<string | null> {
      if (!wired.startsWith(LONG)) return wired;
      return (await kv.get<string>(`dc:tok:${wired.slice(LONG.length)}`)) ?? null;
    },
  };
}

export type DiscordSender = ReturnType<typeof createDiscordSender>;

/** Discord's allowed_mentions: only the users and roles named, never @everyone or what user text contains. */
export function allowedMentions(m: Mentions) {
  return { parse: [] as never[], users: m.users ?? [], roles: m.roles ?? [] };
}

function extensionOf(contentType: string): string {
  return { 'image/jpeg': '.jpg', 'image/png': '.png', 'image/webp': '.webp', 'image/gif': '.gif', 'application/pdf': '.pdf' }[contentType] ?? '';
}
