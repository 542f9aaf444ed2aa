import type { Config } from '../../src/config.js';
import { localesDir, type Palabre } from '../../src/compose.js';
import { demoTimeScale } from '../../src/app/demo-policy.js';
import type { Logger } from '../../src/ports/logger.js';
import { createWebAdapter, isDemoMarketplace } from './index.js';

/** Builds the playground on a composed Palabre: its routes on the HTTP server, its notifier in the outbox. Call before `start()`. */
export async function mountPlayground(p: Palabre, config: Config, logger: Logger = p.logger): Promise<void> {
  const web = createWebAdapter({
    engine: p.engine,
    i18n: p.i18n,
    threads: p.threads,
    blobs: p.blobs,
    logger,
    cases: p.cases,
    marketplace: p.marketplace,
    links: p.links,
    policy: p.policy,
    timeScale: demoTimeScale(config),
    demoMarketplace: isDemoMarketplace(config),
    clock: p.clock,
    defaultLocale: config.DEFAULT_LOCALE,
    defaultTimezone: config.DEFAULT_TIMEZONE,
    secret: config.LINK_SECRET,
    localesDir: localesDir(),
    accessToken: config.PLAYGROUND_TOKEN,
  });
  await web.register(p.http);
  p.addNotifier(web.notifier);
}
