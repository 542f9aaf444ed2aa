import type { MessageArgs, Msg } from '../ports/notification.js';
import type { PlatformCapabilities } from '../ports/platform.js';
import type { I18n } from './i18n.js';
import type { CaseCard, Choice, OutMessage } from '../ports/turn.js';

/** A button with its label in the recipient's language. */
export interface RenderedChoice {
  label: string;
  token: string;
  style: NonNullable<Choice['style']>;
}

/** A case card as a title, lines of text and buttons: each adapter lays it out natively. */
export interface RenderedCard {
  title: string;
  lines: string[];
  actions: RenderedChoice[];
}

/** An OutMessage in words. Escaping for the platform's markup is the adapter's job. */
export interface RenderedMessage {
  text: string;
  choices: RenderedChoice[];
  card: RenderedCard | null;
}

/** Longest description shown on a card; the full text is in the case's timeline. */
const CARD_DESCRIPTION_MAX = 300;

/**
 * The platform's capabilities as arguments every paragraph receives: a message whose instruction depends on what the
 * platform gives selects its sentence on `$replyGesture` (swipe, menu, none), `$caseThreads` or `$staffChannel` (yes, no).
 */
export function capabilityArgs(caps: PlatformCapabilities): MessageArgs {
  return { replyGesture: caps.replyGesture, caseThreads: caps.caseThreads ? 'yes' : 'no', staffChannel: caps.staffChannel ? 'yes' : 'no' };
}

/**
 * Localizes an engine reply (paragraphs joined by a blank line, buttons, card) in its own locale and time zone, for a
 * platform that gives `caps` (the adapter's declaration).
 */
export function renderMessage(out: OutMessage, i18n: I18n, caps: PlatformCapabilities): RenderedMessage {
  const t = (msg: Msg) => i18n.t(out.locale, msg, out.timezone);
  const platformArgs = capabilityArgs(caps);
  // The platform's facts win over a same-named argument: a sentence can only promise what the reader's platform gives.
  const paragraph = (msg: Msg) => t({ id: msg.id, args: { ...msg.args, ...platformArgs } });
  const choice = (c: Choice): RenderedChoice => ({ label: t(c.label), token: c.token, style: c.style ?? 'secondary' });
  return {
    text: out.body.map(paragraph).join('\n\n'),
    choices: (out.choices ?? []).map(choice),
    card: out.card ? { title: t(cardTitle(out.card)), lines: cardLines(out.card).map(t), actions: out.card.actions.map(choice) } : null,
  };
}

/** The card's title message. */
export function cardTitle(card: CaseCard): Msg {
  return { id: 'engine-card-title', args: { caseId: card.caseId, orderTitle: card.orderTitle } };
}

/** The card's lines as messages: order, reason, status, deadlines, refunds, flags. */
export function cardLines(card: CaseCard): Msg[] {
  const lines: Msg[] = [
    { id: 'engine-card-order', args: { orderId: card.orderId, shopName: card.shopName, total: { money: card.total } } },
    { id: 'engine-card-reason', args: { reason: card.reason } },
    { id: 'engine-card-status', args: { status: card.status, resolution: card.resolution ?? 'none' } },
    { id: 'engine-card-description', args: { description: clip(card.description, CARD_DESCRIPTION_MAX) } },
    ...(card.descriptionLanguage ? [{ id: 'engine-card-language', args: { lang: card.descriptionLanguage } }] : []),
    { id: 'engine-card-opened', args: { at: { date: card.openedAt, style: 'datetime' } } },
  ];
  if (card.status === 'open') lines.push({ id: 'engine-card-escalatable', args: { at: { date: card.escalatableAt, style: 'datetime' } } });
  if (card.escalatedAt && card.status !== 'closed') lines.push({ id: 'engine-card-escalated', args: { at: { date: card.escalatedAt, style: 'datetime' } } });
  if (card.closedAt && card.status === 'closed') lines.push({ id: 'engine-card-closed', args: { at: { date: card.closedAt, style: 'datetime' } } });
  if (card.refunded.amount > 0) lines.push({ id: 'engine-card-refunded', args: { refunded: { money: card.refunded }, total: { money: card.total } } });
  if (card.lateDelivery) lines.push({ id: 'engine-card-late' });
  if (card.trackingMismatch) lines.push({ id: 'engine-card-tracking-mismatch' });
  if (card.proofAddressMismatch) lines.push({ id: 'engine-card-proof-mismatch' });
  lines.push(...deskLines(card));
  lines.push({ id: 'engine-card-role', args: { role: card.viewerRole } });
  return lines;
}

/** Support's lines: who owns the case, and how much business time is left (or how late it is). */
function deskLines(card: CaseCard): Msg[] {
  const lines: Msg[] = [];
  if (card.owner !== undefined) lines.push(card.owner ? { id: 'desk-card-owner', args: { owner: card.owner } } : { id: 'desk-card-unowned' });
  if (card.supportDueInMinutes !== undefined) {
    const left = Math.abs(card.supportDueInMinutes);
    const args = { hours: Math.floor(left / 60), minutes: left % 60 };
    lines.push({ id: card.supportDueInMinutes >= 0 ? 'desk-card-due' : 'desk-card-late', args });
  }
  return lines;
}

function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : text;
}
