import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { mountPlayground } from '../../../adapters/web/mount.js';
import { composePalabre, type Palabre } from '../../../src/compose.js';
import { silentLogger } from '../../../src/ports/logger.js';
import { loadConfig } from '../../../src/config.js';

export const ARTIFACTS = 'test-artifacts/playground';
const CHROMIUM = '/usr/bin/chromium';

/** The whole app in memory (embedded mode) with the playground, wired as src/main.ts wires it, on a free port. */
export async function startEmbedded(env: Record<string, string> = {}): Promise<{ palabre: Palabre; base: string }> {
  const config = loadConfig({ LOG_LEVEL: 'silent', ...env });
  const palabre = await composePalabre({ config, logger: silentLogger, outbox: { backoffMs: 50, maxBackoffMs: 200 } });
  await mountPlayground(palabre, config, silentLogger);
  await palabre.start();
  await palabre.http.listen({ port: 0, host: '127.0.0.1' });
  const address = palabre.http.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { palabre, base: `http://127.0.0.1:${port}` };
}

/** Debian's Chromium, headless, with a fresh profile; nothing is downloaded. */
export async function launchChromium(viewport = { width: 1440, height: 900 }): Promise<{ context: BrowserContext; page: Page; close(): Promise<void> }> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get update && apt-get install -y chromium`);
  const profile = mkdtempSync(join(tmpdir(), 'palabre-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Saves a screenshot of a stage under test-artifacts/playground/. */
export async function shot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

type Role = 'buyer' | 'seller' | 'support';

/** What a user of one pane does and sees. */
export function paneOf(page: Page, role: Role) {
  const root = page.locator(`.pane[data-role="${role}"]`);
  const tabs = page.locator('.tabs');
  const show = async () => {
    if (await tabs.isVisible()) await tabs.locator(`[data-tab="${role}"]`).click();
  };
  return {
    root,
    log: root.locator('.log'),
    /** Makes sure the pane speaks as this demo account (a first visit already picked one per role). */
    async pick(accountId: string) {
      await show();
      const select = root.locator('select.account');
      if ((await select.inputValue()) !== accountId) await select.selectOption(accountId);
      await expect.poll(() => root.locator('.log > li').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    },
    /** Types and sends a message. */
    async say(text: string) {
      await show();
      await root.locator('input.text').fill(text);
      await root.locator('input.text').press('Enter');
    },
    /** Clicks the newest enabled button with this name. */
    async click(name: string | RegExp) {
      await show();
      const button: Locator = root.locator('.log button:not([disabled])', { hasText: name }).last();
      await button.waitFor({ timeout: 15_000 });
      await button.click();
    },
    /** Clicks "Reply" on the newest message that contains `text`. */
    async replyTo(text: string | RegExp) {
      await show();
      await root.locator('.log > li', { hasText: text }).last().locator('button.reply').click();
    },
    /** Waits until the pane's conversation shows this text. */
    async sees(text: string | RegExp, timeout = 15_000) {
      await root.locator('.log > li', { hasText: text }).last().waitFor({ timeout });
    },
  };
}

/** A small drawn parcel (160×120 PNG) for the photo upload. */
export function parcelPhoto(): Buffer {
  return Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAKAAAAB4CAIAAAD6wG44AAABP0lEQVR42u3aqw2AMBRAUQZjDBQzMApDIJEIRugcBIlAI6oYgRJIyuc0d4CXnuTVtFiXWR+ucAWABViABViABViAAQuwAAuwAAuwAAMWYAEWYAEWYGUH7poye1NoD3vCnIABAwYMGDBgwIABAwYM+P3Aoa2ylwL8hDkBAwYMGDBgwIABAwYMGDBgwIABAwYMGDBgwIABAwYMGDBgwIABAwYMGDBgwIABAwYMGDBgwIABAwYMGDBgwIABAwYMGDBgwIABAwYMGDBgwIABAz4HHON2e4ABAwYMGDBgwIAB/we4vnAAAwZsRQMGDBgwYG8wYMBWtBUNGDBgwN5gwIABW9GAAQMGDBiwb7OAAQMGDBgwYMCAAQMGDPiNwOPQKzHAgAEDBgxYXwswYAEWYAEWYAEWYMACLMACLMACLMC/bQcpcoz1GkSvpwAAAABJRU5ErkJggg==',
    'base64',
  );
}
