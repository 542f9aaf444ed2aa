import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';

/** The three panes of the playground. */
export type PaneRole = 'buyer' | 'seller' | 'support';
export const PANE_ROLES: readonly PaneRole[] = ['buyer', 'seller', 'support'];

/** A rendered button, as the page shows it. */
export interface WebButton {
  label: string;
  token: string;
  style: string;
}

/** One engine message rendered in one language. */
export interface WebView {
  text: string;
  choices: WebButton[];
  card: { title: string; lines: string[]; actions: WebButton[] } | null;
}

/** One entry of a pane's conversation, as sent to the page over server-sent events. */
export interface PaneEvent {
  /** Position in the pane's stream; also the SSE event id and the message id replies point to. */
  seq: number;
  at: string;
  kind: 'bot' | 'me' | 'notice' | 'retire';
  /** retire: the seq of an earlier bot message whose buttons are now dead (a newer one took its slot). */
  retire?: number;
  /** bot: the user chose this language (`/lang`): the page switches to it. */
  language?: string;
  /** bot: the message in every language the server speaks, so the page can switch without asking again. */
  views?: Record<string, WebView>;
  /** me: what the user typed, shown as typed (the page never parses it as HTML). */
  text?: string;
  /** me, after a button: that button's label in every language. */
  labels?: Record<string, string>;
  /** notice: a web-* message id of the page's own strings. */
  notice?: string;
  noticeArgs?: Record<string, string>;
  caseId?: string;
  replaceKey?: string;
  expects?: string;
  /** A photo or file to show, with a URL only this pane can open. */
  file?: { url: string; contentType: string; name?: string; size: number; previewUrl?: string };
}

/** A pane: one web identity linked to one demo account. Its id is unguessable and acts as its key. */
export interface Pane {
  id: string;
  role: PaneRole;
  accountId: string;
  accountName: string;
  lang: string;
  seq: number;
  backlog: PaneEvent[];
  subscribers: Set<ServerResponse>;
  /** Labels of the buttons recently sent to this pane, by token, to echo the one clicked. */
  labels: Map<string, Record<string, string>>;
  /** Serializes the pane's turns so that quick clicks keep their order. */
  queue: Promise<unknown>;
}

const MAX_LABELS = 300;

/** The panes of this process and their live streams. Kept in memory: the playground is a demo of one process. */
export function createPaneHub(opts: { maxPanes?: number; backlog?: number; keepAliveMs?: number } = {}) {
  const maxPanes = opts.maxPanes ?? 500;
  const backlogSize = opts.backlog ?? 200;
  const panes = new Map<string, Pane>();

  const keepAlive = setInterval(() => {
    for (const pane of panes.values()) for (const res of pane.subscribers) res.write(': keep-alive\n\n');
  }, opts.keepAliveMs ?? 15_000);
  keepAlive.unref();

  function write(res: ServerResponse, event: PaneEvent): void {
    res.write(`id: ${event.seq}\ndata: ${JSON.stringify(event)}\n\n`);
  }

  function endAll(pane: Pane): void {
    for (const res of pane.subscribers) res.end();
    pane.subscribers.clear();
  }

  function drop(id: string): void {
    const pane = panes.get(id);
    if (!pane) return;
    endAll(pane);
    panes.delete(id);
  }

  return {
    /** Creates a pane for an account, evicting the least recently used one when full. */
    create(role: PaneRole, account: { id: string; name: string }, lang: string): Pane {
      const pane: Pane = {
        id: `w-${randomBytes(16).toString('base64url')}`,
        role,
        accountId: account.id,
        accountName: account.name,
        lang,
        seq: 0,
        backlog: [],
        subscribers: new Set(),
        labels: new Map(),
        queue: Promise.resolve(),
      };
      panes.set(pane.id, pane);
      while (panes.size > maxPanes) {
        drop((panes.values().next().value as Pane).id);
      }
      return pane;
    },

    /** The pane with this id (and marks it recently used), or undefined. */
    get(id: string | undefined): Pane | undefined {
      const pane = id ? panes.get(id) : undefined;
      if (pane) {
        panes.delete(pane.id);
        panes.set(pane.id, pane);
      }
      return pane;
    },

    /** Forgets a pane and closes its streams. */
    drop,

    /** Every pane of a role (the support panes form the staff channel). */
    byRole(role: PaneRole): Pane[] {
      return [...panes.values()].filter((p) => p.role === role);
    },

    /** Appends an event to a pane's conversation and sends it to the open streams. */
    push(pane: Pane, event: Omit<PaneEvent, 'seq'>): PaneEvent {
      const full: PaneEvent = { ...event, seq: ++pane.seq };
      pane.backlog.push(full);
      if (pane.backlog.length > backlogSize) pane.backlog.splice(0, pane.backlog.length - backlogSize);
      for (const res of pane.subscribers) write(res, full);
      return full;
    },

    /** Remembers the labels of buttons sent to a pane. */
    rememberLabels(pane: Pane, token: string, labels: Record<string, string>): void {
      pane.labels.delete(token);
      pane.labels.set(token, labels);
      if (pane.labels.size > MAX_LABELS) pane.labels.delete(pane.labels.keys().next().value as string);
    },

    /** Attaches a stream: replays what came after `lastSeq` (everything on a fresh page), then follows. */
    subscribe(pane: Pane, res: ServerResponse, lastSeq: number): () => void {
      res.write('retry: 2000\n\n');
      for (const event of pane.backlog) if (event.seq > lastSeq) write(res, event);
      pane.subscribers.add(res);
      return () => pane.subscribers.delete(res);
    },

    /** Ends every stream (server shutdown). */
    close(): void {
      clearInterval(keepAlive);
      for (const pane of panes.values()) endAll(pane);
    },
  };
}

export type PaneHub = ReturnType<typeof createPaneHub>;
