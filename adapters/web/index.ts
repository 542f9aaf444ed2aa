import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import type { Engine } from '../../src/ports/turn.js';
import type { Logger } from '../../src/ports/logger.js';
import type { Policy } from '../../src/domain/policy.js';
import type { BlobStore } from '../../src/ports/blob-store.js';
import { systemClock, type Clock } from '../../src/ports/clock.js';
import type { LinkStore } from '../../src/ports/links.js';
import type { Marketplace } from '../../src/ports/marketplace.js';
import { DeliveryError, type Notifier } from '../../src/ports/notifier.js';
import type { ThreadRegistry } from '../../src/ports/threads.js';
import type { I18n } from '../../src/app/i18n.js';
import { createPaneHub } from './panes.js';
import { createBlobSigner, createPresenter, renderForWeb, type RenderFn } from './present.js';
import { createPanel, type CaseLister } from './panel.js';
import { createPageStrings } from './strings.js';
import { createTurns } from './turns.js';
import { registerRoutes } from './routes.js';
import { guardPlayground } from './access.js';
import { DEFAULT_MAX_UPLOAD_BYTES } from './upload.js';

/** What the web playground needs. main.ts (or the lead's compose) passes plain arguments. */
export interface WebAdapterDeps {
  engine: Engine;
  /** The case service: the side panel lists the demo's cases through it. */
  cases: CaseLister;
  marketplace: Marketplace;
  links: LinkStore;
  threads: ThreadRegistry;
  blobs: BlobStore;
  /** The shared i18n module (`createI18n()`). */
  i18n: I18n;
  logger: Logger;
  /** The policy in force (already shortened by DEMO_TIME_SCALE where it applies): shown in the side panel. */
  policy: Policy;
  /** DEMO_TIME_SCALE: the panel says by how much durations are shortened. */
  timeScale?: number;
  /** True only with the built-in demo marketplace (no MARKETPLACE_DATA, no MARKETPLACE_API_URL): else the picker is refused. */
  demoMarketplace: boolean;
  clock?: Clock;
  /** DEFAULT_LOCALE: the page's language until the visitor switches. */
  defaultLocale?: string;
  /** DEFAULT_TIMEZONE, for the page's own strings. */
  defaultTimezone?: string;
  /** Signs blob URLs; LINK_SECRET where set so that every process agrees. A random key otherwise. */
  secret?: string;
  maxUploadBytes?: number;
  localesDir?: string;
  staticDir?: string;
  /** PLAYGROUND_TOKEN: when set, the page and its routes refuse requests that do not carry it (adapters/web/access.ts). */
  accessToken?: string;
  /** Defaults to `renderForWeb`. */
  render?: RenderFn;
}

/** The web playground: a notifier for platform `web`, and the routes that serve its page. */
export interface WebAdapter {
  notifier: Notifier;
  register(app: FastifyInstance): Promise<void>;
}

/** Whether to serve the playground: the embedded mode, or PLAYGROUND=1 (SPEC section 3). */
export function playgroundEnabled(config: { embedded: boolean; PLAYGROUND?: boolean | undefined }): boolean {
  return config.embedded || config.PLAYGROUND === true;
}

/** Whether the marketplace is the built-in demo one: the only case where its accounts may be picked. */
export function isDemoMarketplace(config: { MARKETPLACE_DATA?: string | undefined; MARKETPLACE_API_URL?: string | undefined }): boolean {
  return !config.MARKETPLACE_DATA && !config.MARKETPLACE_API_URL;
}

function staticFolder(explicit?: string): string {
  if (explicit) return explicit;
  // Next to this file when run from source; the compiled build keeps the static files in the source tree.
  const here = fileURLToPath(new URL('./static/', import.meta.url));
  return existsSync(join(here, 'index.html')) ? here : resolve('adapters/web/static');
}

/** Builds the web playground adapter. */
export function createWebAdapter(deps: WebAdapterDeps): WebAdapter {
  const clock = deps.clock ?? systemClock;
  const timezone = deps.defaultTimezone ?? 'Africa/Kinshasa';
  const hub = createPaneHub();
  const signer = createBlobSigner(deps.secret ?? randomBytes(32).toString('base64url'));
  const render = deps.render ?? renderForWeb;
  const presenter = createPresenter({ i18n: deps.i18n, render, blobs: deps.blobs, signer, hub, clock, logger: deps.logger });
  const turns = createTurns({ engine: deps.engine, hub, presenter, threads: deps.threads, clock, logger: deps.logger });

  const notifier: Notifier = {
    platform: 'web',
    async deliver(target, message) {
      if ('support' in target) {
        // The support panes are the playground's staff channel; with none open there is nobody to tell.
        for (const pane of hub.byRole('support')) await turns.deliver(pane, message);
        return;
      }
      const pane = hub.get(target.link.address) ?? hub.get(target.link.userId);
      if (!pane || pane.accountId !== target.link.accountId) {
        throw new DeliveryError('playground pane is closed', { permanent: true, blocked: true });
      }
      await turns.deliver(pane, message);
    },
  };

  async function register(app: FastifyInstance): Promise<void> {
    const dir = staticFolder(deps.staticDir);
    const assets = {
      html: readFileSync(join(dir, 'index.html'), 'utf8'),
      css: readFileSync(join(dir, 'app.css'), 'utf8'),
      js: readFileSync(join(dir, 'app.js'), 'utf8'),
    };
    const panel = createPanel({
      cases: deps.cases,
      marketplace: deps.marketplace,
      clock,
      policy: deps.policy,
      timeScale: deps.timeScale ?? 1,
      i18n: deps.i18n,
      timezone,
    });
    const strings = createPageStrings({ i18n: deps.i18n, localesDir: deps.localesDir ?? 'locales', timezone });
    if (deps.accessToken) guardPlayground(app, deps.accessToken);
    app.addHook('preClose', async () => hub.close());
    await registerRoutes(app, {
      hub,
      turns,
      presenter,
      signer,
      panel,
      strings,
      marketplace: deps.marketplace,
      links: deps.links,
      blobs: deps.blobs,
      clock,
      log: deps.logger,
      say: (id, args) => deps.i18n.t('en', { id, ...(args ? { args } : {}) }, timezone),
      demoMarketplace: deps.demoMarketplace,
      maxUploadBytes: deps.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES,
      locales: deps.i18n.locales,
      defaultLocale: deps.defaultLocale && deps.i18n.locales.includes(deps.defaultLocale) ? deps.defaultLocale : 'fr',
      assets,
    });
  }

  return { notifier, register };
}
