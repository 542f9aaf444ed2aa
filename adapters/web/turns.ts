import type { Engine, OutMessage, TurnContent, TurnInput } from '../../src/ports/turn.js';
import { messageSubject, type ThreadRegistry } from '../../src/ports/threads.js';
import type { Logger } from '../../src/ports/logger.js';
import type { Clock } from '../../src/ports/clock.js';
import type { Pane, PaneEvent, PaneHub } from './panes.js';
import type { Presenter } from './present.js';
import { WEB_CAPABILITIES } from './capabilities.js';

/** How to run one turn. */
export interface RunOptions {
  /** The pane message (its seq) the user answers. */
  replyTo?: number | null;
  /** The uploaded file, to show on the user's side. */
  file?: PaneEvent['file'];
  /** Do not show the user's side (the greeting the page asks for on its own). */
  quiet?: boolean;
}

/** Runs a pane's turns through the engine and shows what comes back. */
export function createTurns(deps: {
  engine: Engine;
  hub: PaneHub;
  presenter: Presenter;
  threads: ThreadRegistry;
  clock: Clock;
  logger: Logger;
}) {
  const { hub, presenter, logger } = deps;
  /** The last message with buttons per pane and slot (OutMessage.slot): the playground lives in one process. */
  const slots = new Map<string, number>();

  /** Shows one engine message in a pane and remembers it, so that a reply to it is a comment on its case. */
  async function deliver(pane: Pane, out: OutMessage): Promise<PaneEvent> {
    const event = await presenter.show(pane, out);
    if (out.slot) {
      const key = `${pane.id}\u0000${out.slot}`;
      const previous = slots.get(key);
      slots.delete(key);
      slots.set(key, event.seq);
      if (slots.size > 5000) slots.delete(slots.keys().next().value!);
      // The older message's buttons are greyed out on the page.
      if (previous !== undefined) hub.push(pane, { kind: 'retire', at: event.at, retire: previous });
    }
    // A closed case: the last messages of the slots this one ends lose their buttons too.
    for (const slot of out.clearSlots ?? []) {
      const key = `${pane.id}\u0000${slot}`;
      const previous = slots.get(key);
      slots.delete(key);
      if (previous !== undefined && previous !== event.seq) hub.push(pane, { kind: 'retire', at: event.at, retire: previous });
    }
    const subject = messageSubject(out);
    if (subject) await deps.threads.rememberMessage('web', pane.id, String(event.seq), subject);
    return event;
  }

  /** What the user did, as their side of the conversation shows it. */
  function echo(pane: Pane, content: TurnContent, file?: PaneEvent['file']): void {
    const at = deps.clock.now().toISOString();
    if (content.type === 'text' || content.type === 'command' || content.type === 'edit') hub.push(pane, { kind: 'me', at, text: content.text });
    else if (content.type === 'attachment') hub.push(pane, { kind: 'me', at, ...(content.caption ? { text: content.caption } : {}), ...(file ? { file } : {}) });
    else {
      const labels = pane.labels.get(content.token);
      if (labels) hub.push(pane, { kind: 'me', at, labels });
    }
  }

  async function handle(pane: Pane, content: TurnContent, opts: RunOptions): Promise<void> {
    if (!opts.quiet) echo(pane, content, opts.file);
    const replyTo = opts.replyTo ?? null;
    const input: TurnInput = {
      platform: 'web',
      userId: pane.id,
      userName: pane.accountName,
      languageHint: pane.lang,
      conversationId: pane.id,
      threadId: null,
      replyToMessageId: replyTo === null ? null : String(replyTo),
      isPrivate: pane.role !== 'support',
      isStaffChannel: pane.role === 'support',
      capabilities: WEB_CAPABILITIES,
      content,
    };
    try {
      const result = await deps.engine.handle(input);
      for (const out of result.replies) {
        // A reply addressed to another open pane goes there; anything else answers the pane that spoke.
        const to = hub.get(out.target.conversationId) ?? pane;
        await deliver(to, out);
      }
    } catch (err) {
      logger.error({ err, pane: pane.id, accountId: pane.accountId }, 'playground turn failed');
      presenter.notice(pane, 'web-error-internal');
    }
  }

  return {
    deliver,
    /** Runs one turn after the pane's previous ones (one pane's turns never overtake each other). */
    run(pane: Pane, content: TurnContent, opts: RunOptions = {}): Promise<void> {
      const next = pane.queue.then(() => handle(pane, content, opts));
      pane.queue = next.catch(() => undefined);
      return next;
    },
  };
}

/** `/refund C-000001 5000` → a command turn; anything else is text. Same rule as the other adapters' text commands. */
export function parseText(text: string): TurnContent {
  const m = /^\/([A-Za-z][\w-]*)(?:@\S+)?(?:\s+([\s\S]*))?$/.exec(text.trim());
  if (!m) return { type: 'text', text };
  const args = (m[2] ?? '').split(/\s+/).filter(Boolean);
  return { type: 'command', name: m[1]!.toLowerCase(), args, text };
}

export type Turns = ReturnType<typeof createTurns>;
