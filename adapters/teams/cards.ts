import type { Activity, Attachment } from 'botbuilder';
import type { RenderedCard, RenderedChoice, RenderedMessage } from '../../src/app/render.js';

/**
 * Longest text of one message, counted after HTML escaping. Teams refuses activities over about
 * 28 KB (https://learn.microsoft.com/microsoftteams/platform/bots/how-to/format-your-bot-messages);
 * short messages also read better on a phone.
 */
export const TEXT_LIMIT = 4000;
/** Adaptive Card schema version every Teams client renders (1.5 is desktop/web only). */
const CARD_VERSION = '1.4';
/** Buttons per ActionSet: Teams shows at most six actions in one row set. */
const ACTIONS_PER_SET = 5;
const CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

/** An activity to post, without the conversation fields botbuilder fills in. */
export type OutActivity = Partial<Activity> & { type: 'message' };

/** Escapes text for Teams' HTML (`textFormat: 'xml'`): the user's words never become markup. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Text as Teams HTML: escaped, line breaks kept. */
function toHtml(text: string): string {
  return escapeHtml(text).replace(/\r?\n/g, '<br>');
}

/**
 * Cuts text into pieces whose escaped HTML fits `limit`: at paragraph breaks, then line breaks,
 * then spaces, and inside a word only when nothing else fits.
 */
export function splitText(text: string, limit = TEXT_LIMIT): string[] {
  const size = (s: string) => toHtml(s).length;
  if (size(text) <= limit) return text.trim() ? [text] : [];
  const pieces: string[] = [];
  let rest = text;
  while (rest && size(rest) > limit) {
    const cut = cutPoint(rest, limit, size);
    pieces.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).replace(/^\s+/, '');
  }
  if (rest.trim()) pieces.push(rest);
  return pieces.filter((p) => p.trim() !== '');
}

function cutPoint(text: string, limit: number, size: (s: string) => number): number {
  // The longest prefix that fits, by characters (escaping only grows text).
  let lo = 1;
  let hi = Math.min(text.length, limit);
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (size(text.slice(0, mid)) <= limit) lo = mid;
    else hi = mid - 1;
  }
  const head = text.slice(0, lo);
  for (const sep of ['\n\n', '\n', ' ']) {
    const at = head.lastIndexOf(sep);
    if (at > lo / 2) return at + sep.length;
  }
  // Never split a surrogate pair.
  const code = text.charCodeAt(lo - 1);
  return code >= 0xd800 && code <= 0xdbff ? lo - 1 : lo;
}

/** A plain-text run: TextRun does not read Markdown, so the user's words show exactly as typed. */
function textBlock(text: string, extra: Record<string, unknown> = {}) {
  return { type: 'RichTextBlock', inlines: [{ type: 'TextRun', text, ...extra }] };
}

function submit(choice: RenderedChoice) {
  const style = choice.style === 'primary' ? 'positive' : choice.style === 'danger' ? 'destructive' : 'default';
  return { type: 'Action.Submit', title: choice.label, style, data: { palabre: choice.token } };
}

function actionSets(choices: RenderedChoice[]) {
  const sets = [];
  for (let i = 0; i < choices.length; i += ACTIONS_PER_SET) {
    sets.push({ type: 'ActionSet', actions: choices.slice(i, i + ACTIONS_PER_SET).map(submit) });
  }
  return sets;
}

function adaptiveCard(body: unknown[]): Attachment {
  return {
    contentType: CARD_CONTENT_TYPE,
    content: { type: 'AdaptiveCard', $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', version: CARD_VERSION, msteams: { width: 'Full' }, body },
  };
}

/** A case card: bold title, one line per fact, its buttons (and the message's) as Action.Submit. */
export function caseCard(card: RenderedCard, choices: RenderedChoice[] = [], images: CardImage[] = []): Attachment {
  const seen = new Set<string>();
  const actions = [...card.actions, ...choices].filter((c) => !seen.has(c.token) && seen.add(c.token));
  return adaptiveCard([
    textBlock(card.title, { weight: 'Bolder', size: 'Medium' }),
    ...card.lines.map((line) => ({ ...textBlock(line), spacing: 'Small' })),
    ...photoBlocks(images),
    ...actionSets(actions),
  ]);
}

/** A photo shown on a card: a URL Teams can load (here a data URI of a small preview) and its description. */
export interface CardImage {
  url: string;
  altText: string;
}

/** One photo as an Image, several as an ImageSet (https://adaptivecards.io/explorer/ImageSet.html). */
function photoBlocks(images: CardImage[]): unknown[] {
  if (images.length === 0) return [];
  const image = (i: CardImage) => ({ type: 'Image', url: i.url, altText: i.altText });
  if (images.length === 1) return [{ ...image(images[0]!), size: 'Large', spacing: 'Medium' }];
  return [{ type: 'ImageSet', imageSize: 'Medium', spacing: 'Medium', images: images.map(image) }];
}

/** Buttons alone, under a message's text. */
export function choicesCard(choices: RenderedChoice[]): Attachment {
  return adaptiveCard(actionSets(choices));
}

/** One text message in Teams HTML. */
export function textActivity(text: string): OutActivity {
  return { type: 'message', text: toHtml(text), textFormat: 'xml' };
}

/**
 * Lays a rendered message out as Teams activities: the text (split when long), then the case card or
 * the buttons on the last one; `extra` (a relayed image) rides on the last activity.
 */
export function toActivities(r: RenderedMessage, extra: Attachment[] = [], cardImages: CardImage[] = []): OutActivity[] {
  const chunks = splitText(r.text);
  const activities: OutActivity[] = chunks.map(textActivity);
  const attachments: Attachment[] = [];
  if (r.card) attachments.push(caseCard(r.card, r.choices, cardImages));
  else if (r.choices.length) attachments.push(choicesCard(r.choices));
  attachments.push(...extra);
  if (attachments.length === 0) return activities;
  const last = activities.at(-1) ?? { type: 'message' as const };
  if (activities.length === 0) activities.push(last);
  last.attachments = attachments;
  return activities;
}

/** The same card without its buttons: an older copy left in the chat must not offer stale actions. */
export function withoutActions(activity: OutActivity): OutActivity {
  const attachments = (activity.attachments ?? []).map((a) => {
    if (a.contentType !== CARD_CONTENT_TYPE) return a;
    const content = a.content as { body?: { type?: string }[] };
    return { ...a, content: { ...content, body: (content.body ?? []).filter((b) => b.type !== 'ActionSet') } };
  });
  return { ...activity, attachments };
}

/** True when the activity carries an Adaptive Card. */
export function hasCard(activity: OutActivity): boolean {
  return (activity.attachments ?? []).some((a) => a.contentType === CARD_CONTENT_TYPE);
}
