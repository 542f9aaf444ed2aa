import type { FastifyInstance } from 'fastify';
import { createWebAdapter, type WebAdapter, type WebAdapterDeps } from '../../../adapters/web/index.js';
import type { PaneEvent } from '../../../adapters/web/panes.js';
import { createI18n } from '../../../src/app/i18n.js';
import { silentLogger } from '../../../src/ports/logger.js';
import { createMetrics } from '../../../src/app/metrics.js';
import type { Engine, OutMessage, TurnInput } from '../../../src/ports/turn.js';
import type { Case } from '../../../src/domain/case-model.js';
import { defaultPolicy } from '../../../src/domain/policy.js';
import { createHttpServer } from '../../../src/http/server.js';
import { createMemoryBlobStore } from '../../../src/infra/blob-folder.js';
import { createDemoMarketplace } from '../../../src/infra/demo-marketplace.js';
import { createMemoryKv } from '../../../src/infra/kv.js';
import { createLinkStore } from '../../../src/infra/link-store.js';
import { createThreadRegistry } from '../../../src/infra/thread-registry.js';

/** A scripted engine: records every turn and answers with what `script` returns. */
export function scriptedEngine(script: (input: TurnInput) => OutMessage[] = () => []) {
  const inputs: TurnInput[] = [];
  const engine: Engine & { inputs: TurnInput[]; script: typeof script } = {
    inputs,
    script,
    async handle(input) {
      inputs.push(input);
      return { replies: engine.script(input) };
    },
  };
  return engine;
}

/** An engine reply to the pane that spoke. */
export function reply(input: TurnInput, body: string[], extra: Partial<OutMessage> = {}): OutMessage {
  return { target: { conversationId: input.conversationId }, locale: 'fr', timezone: 'Africa/Kinshasa', body: body.map((id) => ({ id })), ...extra };
}

/** The playground on a real HTTP server (fastify), with in-memory stores and the demo marketplace. */
export async function startPlayground({ cases: listed = [], ...overrides }: Partial<Omit<WebAdapterDeps, 'cases'>> & { cases?: Case[] } = {}) {
  const now = new Date('2026-11-20T10:00:00Z');
  const kv = createMemoryKv();
  const engine = scriptedEngine();
  const deps = {
    engine,
    cases: { list: async () => listed },
    marketplace: createDemoMarketplace(now),
    links: createLinkStore(kv),
    threads: createThreadRegistry(kv),
    blobs: createMemoryBlobStore(),
    i18n: createI18n('locales'),
    logger: silentLogger,
    policy: defaultPolicy,
    timeScale: 1,
    demoMarketplace: true,
    clock: { now: () => now },
    secret: 'test-secret-test-secret',
    ...overrides,
  } satisfies WebAdapterDeps;
  const adapter: WebAdapter = createWebAdapter(deps);
  const app: FastifyInstance = createHttpServer({ logger: silentLogger, metrics: createMetrics() });
  await adapter.register(app);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

  async function post(path: string, body: unknown) {
    const res = await fetch(base + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> & { error?: { code: string; id: string; message: string } } };
  }

  async function pick(role: 'buyer' | 'seller' | 'support', accountId: string) {
    const res = await post('/playground/panes', { role, accountId, lang: 'fr' });
    if (res.status !== 200) throw new Error(`pick failed: ${JSON.stringify(res.body)}`);
    return res.body.pane as string;
  }

  return { app, base, deps, engine, adapter, now, post, pick, close: () => app.close() };
}

/** Reads a pane's server-sent events (from `lastEventId` on; with the browser's `cookie` where the pane needs it). */
export async function openStream(base: string, pane: string, lastEventId?: number, cookie?: string) {
  const abort = new AbortController();
  const res = await fetch(`${base}/playground/events?pane=${encodeURIComponent(pane)}`, {
    signal: abort.signal,
    headers: { ...(lastEventId ? { 'last-event-id': String(lastEventId) } : {}), ...(cookie ? { cookie } : {}) },
  });
  const events: PaneEvent[] = [];
  const waiters: (() => void)[] = [];
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  void (async () => {
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        buffer += decoder.decode(value, { stream: true });
        let cut: number;
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          const data = block.split('\n').find((l) => l.startsWith('data: '));
          if (data) events.push(JSON.parse(data.slice(6)) as PaneEvent);
        }
        for (const w of waiters.splice(0)) w();
      }
    } catch {
      // aborted
    }
  })();
  return {
    status: res.status,
    contentType: res.headers.get('content-type'),
    events,
    /** Resolves with the first event from index `from` on (the start of the stream by default) that matches; with `timeoutMs`, throws with what came instead once it has passed. */
    async until(match: (e: PaneEvent) => boolean, from = 0, timeoutMs?: number): Promise<PaneEvent> {
      const deadline = timeoutMs === undefined ? Infinity : Date.now() + timeoutMs;
      for (;;) {
        const found = events.slice(from).find(match);
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`no matching event; got:\n${events.map((e) => JSON.stringify((e as { views?: { fr?: unknown } }).views?.fr ?? e).slice(0, 300)).join('\n')}`);
        await Promise.race([new Promise<void>((r) => waiters.push(r)), ...(timeoutMs === undefined ? [] : [new Promise((r) => setTimeout(r, 250))])]);
      }
    },
    close: () => abort.abort(),
  };
}
