import {
  MessageFlags,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  type ModalSubmitInteraction,
  type RepliableInteraction,
  type StringSelectMenuInteraction,
} from 'discord.js';
import type { TurnContent } from '../../src/ports/turn.js';
import type { Case } from '../../src/domain/case-model.js';
import { MAX_TEXT_LENGTH } from '../../src/domain/text.js';
import { commandContent, commandSpec } from './commands.js';
import { afterTurn, handleDiscordEvent, isSupportMember, localeOf, placeOf, type InboundCtx } from './context.js';
import { formText, isStaffPlace, isTokenShaped, modalId, parseCustomId, turnInput } from './parse.js';
import type { FormKind } from './render.js';
import { answers, isGone } from './answers.js';

type Answerable = ChatInputCommandInteraction | ButtonInteraction | StringSelectMenuInteraction | ModalSubmitInteraction;

/** The engine's id for each interaction's turn (see handleDiscordEvent). */
const eventIds = new WeakMap<Interaction, string>();
/** When this process got each interaction: its deferral counts from then, waits included. */
const receivedAts = new WeakMap<Interaction, number>();
/** How long an interaction waits for its user's turn on another process (handleDiscordEvent). */
const INTERACTION_USER_WAIT_MS = 1_000;

/**
 * Routes one interaction; each is handled once across processes, and one whose process died mid-turn is taken over by
 * another (see handleDiscordEvent) and answered through its token.
 */
export async function handleInteraction(ctx: InboundCtx, i: Interaction): Promise<void> {
  // When this process got it (the snowflake's time is Discord's clock, not ours).
  const receivedAt = Date.now();
  await handleDiscordEvent(
    ctx,
    `discord:int:${i.id}`,
    receivedAt,
    async (eventId) => {
      eventIds.set(i, eventId);
      receivedAts.set(i, receivedAt);
      // Discord allows 3 s for the first answer: a takeover after that finds the interaction deferred by the process
      // that died (it defers within 1.5 s), so the answer is an edit of that deferred reply; when it died before
      // deferring, Discord refuses the edit and the answer goes to the chat (answers.ts).
      if (i.isRepliable() && Date.now() - receivedAt > 2500) (i as { deferred: boolean }).deferred = true;
      await route(ctx, i);
    },
    // Waiting for the user's turn elsewhere stays well inside the 3 s the first answer (or its deferral) must come in.
    { userId: i.user.id, waitMs: INTERACTION_USER_WAIT_MS },
  );
}

async function route(ctx: InboundCtx, i: Interaction): Promise<void> {
  if (i.isAutocomplete()) return autocomplete(ctx, i);
  if (i.isChatInputCommand()) return command(ctx, i);
  if (i.isButton()) return button(ctx, i);
  if (i.isStringSelectMenu()) return select(ctx, i);
  if (i.isModalSubmit()) return modal(ctx, i);
}

/** Answers an interaction with an adapter sentence only its user sees (in their DMs once Discord refuses it as too old). */
export async function refuse(ctx: InboundCtx, i: RepliableInteraction, id: string): Promise<void> {
  await answers(ctx, i).say(id);
}

const support = (ctx: InboundCtx, i: Interaction) => i.inGuild() && isSupportMember(i.member, i.memberPermissions, ctx.supportRoleId);
const place = (i: Interaction) => placeOf(i.channel, i.channelId ?? '', i.guildId);

async function command(ctx: InboundCtx, i: ChatInputCommandInteraction): Promise<void> {
  const spec = commandSpec(i.commandName);
  if (!spec) return refuse(ctx, i, 'dc-command-unknown');
  const { content, support: needsSupport } = commandContent(spec, (name) => i.options.get(name)?.value ?? null);
  if (needsSupport && !support(ctx, i)) {
    ctx.logger.info({ interactionId: i.id, userId: i.user.id, command: spec.name }, 'support command refused to a member without the role');
    return refuse(ctx, i, 'dc-support-only');
  }
  return turn(ctx, i, content);
}

async function button(ctx: InboundCtx, i: ButtonInteraction): Promise<void> {
  const id = parseCustomId(i.customId);
  if (id?.kind === 'form') return openForm(ctx, i, id.form);
  const token = id?.kind === 'action' ? await ctx.sender.token(id.token) : null;
  if (!token) return refuse(ctx, i, 'dc-action-invalid');
  return turn(ctx, i, { type: 'action', token });
}

async function select(ctx: InboundCtx, i: StringSelectMenuInteraction): Promise<void> {
  const value = i.values[0];
  const token = parseCustomId(i.customId)?.kind === 'select' && value && isTokenShaped(value) ? await ctx.sender.token(value) : null;
  if (!token) return refuse(ctx, i, 'dc-action-invalid');
  return turn(ctx, i, { type: 'action', token });
}

async function modal(ctx: InboundCtx, i: ModalSubmitInteraction): Promise<void> {
  const id = parseCustomId(i.customId);
  if (id?.kind !== 'modal') return refuse(ctx, i, 'dc-action-invalid');
  const field = (name: string) => {
    try {
      return i.fields.getTextInputValue(name);
    } catch {
      return null;
    }
  };
  const text = formText(id.form, field);
  if (!text) return refuse(ctx, i, 'dc-action-invalid');
  return turn(ctx, i, { type: 'text', text });
}

/**
 * Opens a form. A form opens only as the interaction's first answer: one taken over from a process that died (past the
 * 3 s), or whose answer Discord refuses as too old, gets a message with a button that opens it instead.
 */
async function openForm(ctx: InboundCtx, i: ButtonInteraction, kind: FormKind): Promise<void> {
  if (i.deferred || i.replied) return answers(ctx, i).offerForm(kind);
  try {
    await i.showModal(form(ctx, kind, await localeOf(ctx, i.user.id, i.locale)));
  } catch (err) {
    if (!isGone(err)) throw err;
    await answers(ctx, i).offerForm(kind);
  }
}

/** Discord's text inputs take at most 4000 characters, as many as a case accepts. */
const TEXT_INPUT_MAX = Math.min(4000, MAX_TEXT_LENGTH);

/** The form (modal) for a free-text step. Titles and labels are at most 45 characters. */
function form(ctx: InboundCtx, kind: FormKind, locale: string) {
  const t = (id: string, args?: Record<string, string>) => ctx.i18n.t(locale, args ? { id, args } : { id }, ctx.defaultTimezone).slice(0, 45);
  const input = (customId: string, style: 1 | 2, maxLength: number) => ({
    type: 1 as const,
    components: [{ type: 4 as const, custom_id: customId, label: t(`dc-form-field-${customId}`), style, required: true, max_length: maxLength }],
  });
  const fields =
    kind === 'tracking' ? [input('carrier', 1, 40), input('number', 1, 60)] : kind === 'amount' ? [input('amount', 1, 30)] : [input(kind, 2, TEXT_INPUT_MAX)];
  return { custom_id: modalId(kind), title: t('dc-form-title', { kind }), components: fields };
}

/**
 * One engine turn answered through the interaction: a reply when the engine is quick, otherwise a deferral
 * first (Discord drops interactions not acknowledged within 3 seconds) and an edit once it is done; in the chat when
 * Discord no longer takes the interaction's answer (answers.ts). In ordinary server channels the answers are
 * ephemeral: cases are nobody else's business.
 */
async function turn(ctx: InboundCtx, i: Answerable, content: TurnContent): Promise<void> {
  const where = place(i);
  const answer = answers(ctx, i);
  const who = { userId: i.user.id, userName: i.user.globalName ?? i.user.username, languageHint: i.locale };
  const since = Date.now() - (receivedAts.get(i) ?? Date.now());
  // Counted from when the interaction came, a wait for the user's turn elsewhere included; a takeover finds it deferred.
  const timer = i.deferred ? undefined : setTimeout(() => answer.defer(), Math.max(0, ctx.ackAfterMs - since));
  let replies;
  let retirePressed = false;
  let refused = false;
  try {
    const eventId = eventIds.get(i);
    const result = await ctx.engine.handle({ ...turnInput(who, where, content, { staffChannelId: ctx.staffChannelId }), ...(eventId ? { eventId } : {}) });
    replies = result.replies;
    retirePressed = result.retirePressed === true;
    refused = result.storageRefused !== undefined;
  } finally {
    clearTimeout(timer);
  }
  // Redis refused the turn's writes: nothing was done, and Discord never sends the interaction again. Said so to the
  // user alone, with no « done » and the pressed buttons left in place, so that they can press or send it again.
  if (refused) return answer.say('dc-action-not-saved');
  for (const out of replies) await answer.send(out);
  // The choice is made: the pressed message's buttons go (ephemeral ones are not the channel's to edit).
  if (retirePressed && 'message' in i && i.message && !i.message.flags.has(MessageFlags.Ephemeral) && i.channelId) {
    await ctx.sender.retire(i.channelId, i.message.id);
  }
  if (!answer.answered) await answer.say('dc-done');
  await afterTurn(ctx, replies);
}

/** Case ids for the `case` option: the user's own cases, and open ones for support in the staff channel. */
async function autocomplete(ctx: InboundCtx, i: AutocompleteInteraction): Promise<void> {
  const focused = i.options.getFocused(true);
  const link = focused.name === 'case' ? await ctx.links.get('discord', i.user.id) : null;
  if (!link) return i.respond([]);
  const lists = [ctx.cases.list({ buyerId: link.accountId, limit: 50 }), ctx.cases.list({ sellerId: link.accountId, limit: 50 })];
  if (support(ctx, i) && isStaffPlace(place(i), ctx.staffChannelId)) lists.push(ctx.cases.list({ status: ['open', 'escalated'], limit: 50 }));
  const seen = new Set<string>();
  const cases = (await Promise.all(lists)).flat().filter((c) => !seen.has(c.id) && seen.add(c.id));
  const query = String(focused.value).trim().toUpperCase();
  const locale = await localeOf(ctx, i.user.id, i.locale);
  const label = (c: Case) => ctx.i18n.t(locale, { id: 'dc-autocomplete-case', args: { caseId: c.id, orderId: c.orderId, status: c.status } }, ctx.defaultTimezone);
  const matches = cases
    .sort((a, b) => b.openedAt.localeCompare(a.openedAt))
    .filter((c) => query === '' || c.id.includes(query) || c.orderId.toUpperCase().includes(query))
    .slice(0, 25)
    .map((c) => ({ name: label(c).slice(0, 100), value: c.id }));
  await i.respond(matches).catch((err: unknown) => {
    // Too late for these suggestions (the user typed on): Discord has asked again already.
    if (!isGone(err)) throw err;
    ctx.logger.debug({ interactionId: i.id }, 'case suggestions too late for Discord');
  });
}
