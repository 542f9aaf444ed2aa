import { DiscordAPIError, MessageFlags, Routes, type APIChannel, type InteractionReplyOptions, type RepliableInteraction } from 'discord.js';
import type { OutMessage } from '../../src/ports/turn.js';
import { localeOf, notice, placeOf, type InboundCtx } from './context.js';
import { formId, isStaffPlace, isThread } from './parse.js';
import type { FormKind } from './render.js';
import { allowedMentions, type DiscordMessage } from './send.js';

/**
 * Discord's refusals of an interaction that can no longer carry an answer: its first answer (or deferral) came more
 * than 3 s after it was created (10062 Unknown interaction), a follow-up or edit of an interaction nobody acknowledged
 * (10015 Unknown Webhook), or its token is past its 15 minutes (50027 Invalid Webhook Token).
 */
const GONE = new Set([10062, 10015, 50027]);
/** Another process answered or deferred it first (before it died). */
const ALREADY_ACKNOWLEDGED = 40060;
/** The user's DMs are closed to the bot. */
const CANNOT_DM = 50007;

const codeOf = (err: unknown): number | string | null => (err instanceof DiscordAPIError ? err.code : null);
/** True when Discord refused an answer because the interaction can no longer carry one. */
export const isGone = (err: unknown): boolean => GONE.has(codeOf(err) as number);

/**
 * How one interaction is answered: through the interaction while Discord takes it (a reply, a deferral then its edit,
 * follow-ups), else — once Discord refuses it as too old (a process that died before answering, a survivor taking it
 * over after the 3 s; a deferral that left too late under load) — as ordinary messages in the chat: the DM or the
 * thread or the staff channel it came from, or the user's DMs for what would have been for their eyes only (an answer
 * in an ordinary server channel, a refusal). The first late message tells the user that what Discord showed them
 * ("the application did not respond") was not the end of it; in a shared channel it names them.
 */
export interface Answers {
  /** Answers in the server channel would be for the asker only (ephemeral). */
  readonly ephemeral: boolean;
  /** Something reached the user (through the interaction or in the chat). */
  readonly answered: boolean;
  /** Defers the answer ("… is thinking"); a refusal is read when the next answer goes. */
  defer(): void;
  /** One engine reply. */
  send(out: OutMessage): Promise<void>;
  /** An adapter sentence (a refusal, « C’est fait. », the apology): for the user alone. */
  say(id: string): Promise<void>;
  /** A form (modal) could not open: a message with a button that opens it. */
  offerForm(kind: FormKind): Promise<void>;
}

const answersOf = new WeakMap<RepliableInteraction, Answers>();

/** The answers of one interaction (one per interaction: the turn and the error boundary share what was sent). */
export function answers(ctx: InboundCtx, i: RepliableInteraction): Answers {
  let a = answersOf.get(i);
  if (!a) answersOf.set(i, (a = createAnswers(ctx, i)));
  return a;
}

function createAnswers(ctx: InboundCtx, i: RepliableInteraction): Answers {
  const where = placeOf(i.channel, i.channelId ?? '', i.guildId);
  const ephemeral = i.inGuild() && !isThread(where) && !isStaffPlace(where, ctx.staffChannelId);
  const flags = ephemeral ? MessageFlags.Ephemeral : undefined;
  let answered = false;
  let deferring: Promise<unknown> | null = null;
  let deferFailure: unknown = null;
  let late = false;
  /** Where late messages go (the DMs, or where the interaction came from), opened once; and the late notice, once each. */
  const channels = new Map<boolean, Promise<string>>();
  const noticed = new Map<string, Promise<void>>();

  const log = (extra: Record<string, unknown>) => ({ interactionId: i.id, userId: i.user.id, channelId: i.channelId, ...extra });

  function goLate(why: unknown): void {
    if (late) return;
    late = true;
    const code = typeof why === 'string' ? why : codeOf(why);
    ctx.logger.warn(log({ code, ageMs: Date.now() - i.createdTimestamp }), 'Discord no longer takes this interaction’s answer (too late): answering in the chat instead');
  }

  /** The deferral's outcome, read before the next answer. */
  async function settle(): Promise<void> {
    if (deferring) await deferring;
    deferring = null;
    const err = deferFailure;
    deferFailure = null;
    if (err === null) return;
    if (isGone(err)) return goLate(err);
    // Acknowledged by another process before it died: what it showed is edited.
    if (codeOf(err) === ALREADY_ACKNOWLEDGED) (i as { deferred: boolean }).deferred = true;
    else throw err;
  }

  /** A message through the interaction; its id when it made one in the channel. */
  async function viaInteraction(m: DiscordMessage): Promise<string | undefined> {
    const options = replyOptions(m);
    let sent: { id: string } | null | undefined;
    if (answered) sent = await i.followUp({ ...options, ...(flags ? { flags } : {}) });
    else if (i.deferred || i.replied) sent = await i.editReply(options);
    else {
      try {
        sent = (await i.reply({ ...options, ...(flags ? { flags } : {}), withResponse: true })).resource?.message;
      } catch (err) {
        if (codeOf(err) !== ALREADY_ACKNOWLEDGED) throw err;
        (i as { deferred: boolean }).deferred = true;
        sent = await i.editReply(options);
      }
    }
    answered = true;
    return sent?.id;
  }

  /** The user's DMs for what is for them alone in a server channel, else where the interaction came from. */
  function channel(privately: boolean): Promise<string> {
    const toDms = i.inGuild() && privately;
    let c = channels.get(toDms);
    if (!c) {
      c = toDms ? ctx.client.rest.post(Routes.userChannels(), { body: { recipient_id: i.user.id } }).then((dm) => (dm as APIChannel).id) : Promise.resolve(i.channelId ?? '');
      channels.set(toDms, c);
    }
    return c;
  }

  /** In a channel others read, the user is named (and pinged): the late message is theirs. */
  const mentions = async (channelId: string) => (i.inGuild() && channelId === i.channelId ? { mentions: { users: [i.user.id] } } : {});

  /** Posts in the chat, late (after the late notice); nothing when the user's DMs are closed. */
  async function postLate(privately: boolean, out: OutMessage): Promise<void> {
    try {
      const channelId = await channel(privately);
      let first = noticed.get(channelId);
      if (!first) {
        first = (async () => {
          const locale = await localeOf(ctx, i.user.id, i.locale);
          await ctx.sender.post(channelId, notice(ctx, locale, 'dc-late-answer'), await mentions(channelId));
        })();
        noticed.set(channelId, first);
      }
      await first;
      await ctx.sender.post(channelId, out);
      answered = true;
    } catch (err) {
      if (codeOf(err) !== CANNOT_DM) throw err;
      ctx.logger.warn(log({ code: CANNOT_DM }), 'late answer not delivered: the user’s DMs are closed to the bot');
    }
  }

  return {
    ephemeral,
    get answered() {
      return answered;
    },
    defer() {
      if (deferring || i.deferred || i.replied || late) return;
      deferring = i.deferReply(flags ? { flags } : {}).catch((err: unknown) => {
        deferFailure = err;
      });
    },
    async send(out) {
      await settle();
      if (!late) {
        const ids: string[] = [];
        try {
          for (const m of await ctx.sender.compose(out)) {
            const id = await viaInteraction(m);
            if (id) ids.push(id);
          }
          // Ephemeral answers cannot be replied to or edited later through the channel: nothing to remember.
          if (!ephemeral) await ctx.sender.track(out, i.channelId ?? '', ids);
          return;
        } catch (err) {
          if (!isGone(err) || ids.length > 0) throw err;
          goLate(err);
        }
      }
      await postLate(ephemeral, out);
    },
    async say(id) {
      await settle();
      const locale = await localeOf(ctx, i.user.id, i.locale);
      if (!late) {
        const content = ctx.i18n.t(locale, { id }, ctx.defaultTimezone);
        try {
          // A deferral still showing is replaced by the sentence; after an answer, it follows it.
          if (i.deferred && !answered) await i.editReply({ content });
          else if (i.deferred || i.replied) await i.followUp({ content, flags: MessageFlags.Ephemeral });
          else await i.reply({ content, flags: MessageFlags.Ephemeral });
          answered = true;
          return;
        } catch (err) {
          if (!isGone(err)) throw err;
          goLate(err);
        }
      }
      await postLate(true, notice(ctx, locale, id));
    },
    async offerForm(kind) {
      goLate('form');
      try {
        const channelId = await channel(ephemeral);
        const locale = await localeOf(ctx, i.user.id, i.locale);
        const t = (id: string, args?: Record<string, string>) => ctx.i18n.t(locale, args ? { id, args } : { id }, ctx.defaultTimezone);
        const button = { type: 2, style: 1, label: t('dc-form-open', { kind }), emoji: { name: '✍️' }, custom_id: formId(kind) };
        const named = (await mentions(channelId)).mentions?.users ?? [];
        await ctx.client.rest.post(Routes.channelMessages(channelId), {
          body: {
            content: [...named.map((u) => `<@${u}>`), t('dc-late-form')].join(' '),
            components: [{ type: 1, components: [button] }],
            allowed_mentions: allowedMentions({ users: named }),
          },
        });
        answered = true;
      } catch (err) {
        if (codeOf(err) !== CANNOT_DM) throw err;
        ctx.logger.warn(log({ code: CANNOT_DM }), 'late form not offered: the user’s DMs are closed to the bot');
      }
    },
  };
}

function replyOptions(m: DiscordMessage) {
  return {
    ...(m.content ? { content: m.content } : {}),
    embeds: m.embeds,
    components: m.components,
    files: (m.files ?? []).map((f) => ({ attachment: f.data, name: f.name })),
    allowedMentions: { parse: [], users: m.mentions.users ?? [], roles: m.mentions.roles ?? [] },
  } satisfies InteractionReplyOptions;
}
