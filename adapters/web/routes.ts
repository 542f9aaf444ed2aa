import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import type { BlobStore } from '../../src/ports/blob-store.js';
import type { BlobRef } from '../../src/domain/types.js';
import { isPalabreError } from '../../src/domain/errors.js';
import { MAX_TEXT_LENGTH } from '../../src/domain/text.js';
import type { LinkStore } from '../../src/ports/links.js';
import type { Marketplace } from '../../src/ports/marketplace.js';
import type { Clock } from '../../src/ports/clock.js';
import type { Logger } from '../../src/ports/logger.js';
import { MEDIA_TYPES, safeFileName, sniffMediaType } from '../../src/domain/media.js';
import { PANE_ROLES, type PaneHub } from './panes.js';
import type { BlobSigner, Presenter } from './present.js';
import type { Turns } from './turns.js';
import { parseText } from './turns.js';
import type { createPanel } from './panel.js';
import type { createPageStrings } from './strings.js';

/** What the routes work with (built by createWebAdapter). */
export interface RouteContext {
  hub: PaneHub;
  turns: Turns;
  presenter: Presenter;
  signer: BlobSigner;
  panel: ReturnType<typeof createPanel>;
  strings: ReturnType<typeof createPageStrings>;
  marketplace: Marketplace;
  links: LinkStore;
  blobs: BlobStore;
  clock: Clock;
  log: Logger;
  demoMarketplace: boolean;
  maxUploadBytes: number;
  locales: readonly string[];
  defaultLocale: string;
  assets: { html: string; css: string; js: string };
  /** A page sentence in English, for the error's `message`. */
  say(id: string, args?: Record<string, string>): string;
}

const paneId = z.string().min(1).max(64);
const lang = z.string().max(8).optional();
const pickBody = z.object({ role: z.enum(PANE_ROLES), accountId: z.string().min(1).max(200), lang, previous: paneId.optional() });
const turnBody = z.union([
  z.object({ pane: paneId, text: z.string(), replyTo: z.number().int().positive().optional(), lang }),
  z.object({ pane: paneId, action: z.string().min(1).max(256), lang }),
]);
const uploadQuery = z.object({ pane: paneId, replyTo: z.coerce.number().int().positive().optional(), name: z.string().max(300).optional(), lang });

// No inline script or style, nothing from elsewhere: the page must work offline.
const PAGE_HEADERS = {
  'content-security-policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-cache',
};

/** The playground's refusals: HTTP status and the server's error code for each page sentence. */
const REFUSALS = {
  'web-error-bad-request': [400, 'VALIDATION'],
  'web-error-real-marketplace': [403, 'PLAYGROUND_REAL_MARKETPLACE'],
  'web-error-pane-gone': [404, 'NOT_FOUND'],
  'web-error-file-gone': [404, 'NOT_FOUND'],
  'web-error-text-too-long': [413, 'TEXT_TOO_LONG'],
  'web-error-upload-too-large': [413, 'INPUT_TOO_LARGE'],
  'web-error-upload-type': [415, 'UNSUPPORTED_MEDIA'],
  'web-error-storage': [503, 'STORAGE_UNAVAILABLE'],
  'web-error-file-expired': [410, 'NOT_FOUND'],
  'web-error-internal': [500, 'INTERNAL'],
} as const;
type Refusal = keyof typeof REFUSALS;

/** Registers the page, its assets and the playground's JSON API on the shared server. */
export async function registerRoutes(app: FastifyInstance, ctx: RouteContext): Promise<void> {
  const { hub, turns, presenter } = ctx;
  // The server's one error shape (src/http/server.ts), plus the page sentence's id so the page can say it in its language.
  const refuse = (reply: FastifyReply, id: Refusal, args?: Record<string, string>) => {
    const [status, code] = REFUSALS[id];
    return reply.code(status).send({ error: { code, message: ctx.say(id, args), id, ...(args ? { args } : {}) } });
  };
  const pickLang = (l: string | undefined) => (l && ctx.locales.includes(l) ? l : ctx.defaultLocale);
  const maxMb = `${Math.round((ctx.maxUploadBytes / 1024 / 1024) * 10) / 10} MB`;

  app.get('/', (_req, reply) => reply.headers({ ...PAGE_HEADERS, 'content-type': 'text/html; charset=utf-8' }).send(ctx.assets.html));
  app.get('/playground/app.css', (_req, reply) => reply.headers({ ...PAGE_HEADERS, 'content-type': 'text/css; charset=utf-8' }).send(ctx.assets.css));
  app.get('/playground/app.js', (_req, reply) =>
    reply.headers({ ...PAGE_HEADERS, 'content-type': 'text/javascript; charset=utf-8' }).send(ctx.assets.js),
  );

  app.get<{ Querystring: { lang?: string } }>('/playground/strings', async (req) => {
    const locale = pickLang(req.query.lang);
    return { lang: locale, locales: ctx.locales, strings: await ctx.strings.get(locale), maxText: MAX_TEXT_LENGTH };
  });

  app.get('/playground/accounts', async (_req, reply) => {
    if (!ctx.demoMarketplace) return refuse(reply, 'web-error-real-marketplace');
    const accounts = await ctx.marketplace.accounts();
    return { accounts: accounts.map((a) => ({ id: a.id, name: a.name, roles: a.roles })) };
  });

  app.post('/playground/panes', { bodyLimit: 4096 }, async (req, reply) => {
    if (!ctx.demoMarketplace) return refuse(reply, 'web-error-real-marketplace');
    const body = pickBody.safeParse(req.body);
    if (!body.success) return refuse(reply, 'web-error-bad-request');
    const { role, accountId, previous } = body.data;
    const account = (await ctx.marketplace.accounts()).find((a) => a.id === accountId && a.roles.includes(role));
    if (!account) return refuse(reply, 'web-error-bad-request');
    if (previous) hub.drop(previous);
    const pane = hub.create(role, account, pickLang(body.data.lang));
    await ctx.links.put({ platform: 'web', userId: pane.id, accountId: account.id, address: pane.id, linkedAt: ctx.clock.now().toISOString() });
    // The engine's greeting tells a newcomer what this account can do.
    await turns.run(pane, { type: 'command', name: 'start', args: [], text: '/start' }, { quiet: true });
    return { pane: pane.id, role, account: { id: account.id, name: account.name } };
  });

  app.get<{ Params: { id: string } }>('/playground/panes/:id', async (req, reply) => {
    const pane = hub.get(req.params.id);
    if (!pane || !ctx.demoMarketplace) return refuse(reply, 'web-error-pane-gone');
    return { pane: pane.id, role: pane.role, account: { id: pane.accountId, name: pane.accountName } };
  });

  app.post('/playground/turn', { bodyLimit: 64 * 1024 }, async (req, reply) => {
    const body = turnBody.safeParse(req.body);
    if (!body.success) return refuse(reply, 'web-error-bad-request');
    const pane = hub.get(body.data.pane);
    if (!pane) return refuse(reply, 'web-error-pane-gone');
    if (body.data.lang) pane.lang = pickLang(body.data.lang);
    if ('action' in body.data) {
      await turns.run(pane, { type: 'action', token: body.data.action });
      return { ok: true };
    }
    const text = body.data.text.trim();
    if (!text) return refuse(reply, 'web-error-bad-request');
    const length = [...text].length;
    // Refused whole, never cut, with the limit and the length said in the pane's language.
    if (length > MAX_TEXT_LENGTH) {
      const n = new Intl.NumberFormat(pane.lang ?? ctx.defaultLocale);
      return refuse(reply, 'web-error-text-too-long', { max: n.format(MAX_TEXT_LENGTH), length: n.format(length) });
    }
    const replyTo = body.data.replyTo && body.data.replyTo <= pane.seq ? body.data.replyTo : null;
    await turns.run(pane, parseText(text), { replyTo });
    return { ok: true };
  });

  app.get<{ Querystring: { pane?: string } }>('/playground/events', (req, reply) => {
    const pane = hub.get(req.query.pane);
    if (!pane) return refuse(reply, 'web-error-pane-gone');
    reply.hijack();
    reply.raw.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      'x-accel-buffering': 'no',
      connection: 'keep-alive',
    });
    const last = Number(req.headers['last-event-id']);
    const off = hub.subscribe(pane, reply.raw, Number.isSafeInteger(last) && last > 0 ? last : 0);
    req.raw.on('close', off);
  });

  app.get('/playground/cases', async (req, reply) => {
    if (!ctx.demoMarketplace) return refuse(reply, 'web-error-real-marketplace');
    return ctx.panel.get(pickLang((req.query as { lang?: string }).lang));
  });

  app.get<{ Params: { id: string }; Querystring: { p?: string; s?: string } }>('/playground/blobs/:id/preview', async (req, reply) => {
    const { p = '', s = '' } = req.query;
    if (!ctx.signer.verify(req.params.id, p, s)) return refuse(reply, 'web-error-file-gone');
    const preview = (await ctx.blobs.preview(req.params.id)) ?? (await ctx.blobs.get(req.params.id).then((b) => b && { contentType: b.ref.contentType, data: b.data }));
    if (!preview || !preview.contentType.startsWith('image/')) return refuse(reply, 'web-error-file-expired');
    return reply
      .headers({ 'content-type': preview.contentType, 'content-security-policy': "default-src 'none'; sandbox", 'x-content-type-options': 'nosniff', 'cache-control': 'private, max-age=3600' })
      .send(Buffer.from(preview.data));
  });

  app.get<{ Params: { id: string }; Querystring: { p?: string; s?: string } }>('/playground/blobs/:id', async (req, reply) => {
    const { p = '', s = '' } = req.query;
    if (!ctx.signer.verify(req.params.id, p, s)) return refuse(reply, 'web-error-file-gone');
    const blob = await ctx.blobs.get(req.params.id);
    // The link was ours and valid: the file was there, and the retention job has deleted it since.
    if (!blob) return refuse(reply, 'web-error-file-expired');
    const inline = blob.ref.contentType.startsWith('image/');
    const name = safeFileName(blob.ref.name) ?? blob.ref.id;
    // Header values must be ASCII: an ASCII fallback, and the real name per RFC 6266 / 5987.
    const disposition = `attachment; filename="${name.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
    return reply
      .headers({
        'content-type': blob.ref.contentType,
        'content-disposition': inline ? 'inline' : disposition,
        'content-security-policy': "default-src 'none'; sandbox",
        'x-content-type-options': 'nosniff',
        'cache-control': 'private, max-age=3600',
      })
      .send(Buffer.from(blob.data));
  });

  // Uploads get their own scope: raw-bytes parsers and a size limit that apply to this route only.
  // Photos and PDFs only, and the bytes must be what they claim (sniffed below).
  await app.register(async (scope) => {
    scope.addContentTypeParser([...MEDIA_TYPES], { parseAs: 'buffer', bodyLimit: ctx.maxUploadBytes }, (_req, body, done) => done(null, body));
    scope.setErrorHandler((err: FastifyError, _req, reply) => {
      if (err.statusCode === 413) return refuse(reply, 'web-error-upload-too-large', { max: maxMb });
      if (err.statusCode === 415) return refuse(reply, 'web-error-upload-type');
      if (err.statusCode && err.statusCode < 500) return refuse(reply, 'web-error-bad-request');
      ctx.log.error({ err }, 'playground upload failed');
      return refuse(reply, 'web-error-internal');
    });
    scope.post('/playground/upload', async (req, reply) => {
      const query = uploadQuery.safeParse(req.query);
      if (!query.success || !Buffer.isBuffer(req.body)) return refuse(reply, 'web-error-bad-request');
      const pane = hub.get(query.data.pane);
      if (!pane) return refuse(reply, 'web-error-pane-gone');
      const contentType = sniffMediaType(req.body)?.type;
      if (!contentType) return refuse(reply, 'web-error-upload-type');
      if (query.data.lang) pane.lang = pickLang(query.data.lang);
      const name = safeFileName(query.data.name);
      let blob: BlobRef;
      try {
        blob = await ctx.blobs.put(new Uint8Array(req.body), { contentType, ...(name ? { name } : {}) });
      } catch (err) {
        // The blob store has its own limits: say them in the page's words.
        if (isPalabreError(err) && err.code === 'INPUT_TOO_LARGE') return refuse(reply, 'web-error-upload-too-large', { max: maxMb });
        if (isPalabreError(err) && err.code === 'STORAGE_UNAVAILABLE') return refuse(reply, 'web-error-storage');
        if (isPalabreError(err)) return refuse(reply, 'web-error-upload-type');
        throw err;
      }
      const replyTo = query.data.replyTo && query.data.replyTo <= pane.seq ? query.data.replyTo : null;
      const file = await presenter.file(pane, blob.id);
      await turns.run(pane, { type: 'attachment', blob }, { replyTo, ...(file ? { file } : {}) });
      return { ok: true };
    });
  });
}
