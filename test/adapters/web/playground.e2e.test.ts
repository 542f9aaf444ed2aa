import { copyFileSync, mkdirSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Palabre } from '../../../src/compose.js';
import { launchChromium, paneOf, parcelPhoto, shot, startEmbedded } from './browser.js';

// Real headless Chromium against the whole app in memory: what a newcomer sees after the README's start command.
const running: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const r of running.splice(0).reverse()) await r.close();
});

async function open(env: Record<string, string>): Promise<{ page: Page; base: string; palabre: Palabre; requests: string[] }> {
  const { palabre, base } = await startEmbedded(env);
  running.push(palabre);
  const browser = await launchChromium();
  running.push(browser);
  const requests: string[] = [];
  browser.page.on('request', (r) => requests.push(r.url()));
  await browser.page.goto(`${base}/`);
  await browser.page.locator('body[data-ready="true"]').waitFor();
  return { page: browser.page, base, palabre, requests };
}

/** The buyer's path from a complaint in plain words to an opened case, following the engine's buttons. */
async function openCase(page: Page, opts: { photo: boolean }) {
  const buyer = paneOf(page, 'buyer');
  await buyer.say("ma commande n'est jamais arrivée");
  await buyer.click(/CC-1001/);
  await buyer.click(/^Oui/);
  await buyer.click('Modifier la description');
  await buyer.sees(/Décrivez le problème/);
  await buyer.say('Commandée il y a deux semaines, toujours rien reçu. Je voudrais être remboursée.');
  await buyer.sees(/servira de description : « Commandée il y a deux semaines/);
  if (opts.photo) {
    await buyer.root.locator('input.file').setInputFiles({ name: 'colis.png', mimeType: 'image/png', buffer: parcelPhoto() });
    await buyer.sees(/1 fichier ajouté/);
  }
  await buyer.click('Ouvrir le litige maintenant');
  await buyer.sees(/C-000001 est ouvert/);
}

describe('web playground in a real browser', () => {
  it('takes a buyer from «ma commande n’est jamais arrivée» to a case the seller answers and refunds, live in every pane', async () => {
    const { page, base, requests } = await open({ DEMO_TIME_SCALE: '1440' });
    const [buyer, seller, support] = [paneOf(page, 'buyer'), paneOf(page, 'seller'), paneOf(page, 'support')];
    await expect.poll(() => page.locator('.pane[data-role="buyer"] button.send').textContent()).toBe('Envoyer');
    await expect.poll(() => page.locator('#clock').textContent()).toMatch(/divisées par 1\s?440/);
    // A first visit already speaks as one demo account per pane, greeted by the engine.
    expect(await buyer.root.locator('select.account').inputValue()).toBe('acc-amina');
    await buyer.sees(/Bonjour Amina/);
    await buyer.pick('acc-amina');
    await seller.pick('acc-bisou');
    await support.pick('acc-support-1');

    await openCase(page, { photo: true });
    await expect(buyer.root.locator('.card', { hasText: 'C-000001' }).last().textContent()).resolves.toMatch(/ouvert/);
    await page.locator('#cases .case[data-case-id="C-000001"] .deadline').waitFor();
    await expect(page.locator('#cases .case[data-case-id="C-000001"]').textContent()).resolves.toMatch(/Escalade possible dans \d\d:\d\d:\d\d/);
    await shot(page, '01-buyer-opened-case');

    // The seller is told at once, with the buyer's photo.
    await seller.sees(/Nouveau litige C-000001/);
    const photo = seller.root.locator('img.photo').last();
    await photo.waitFor();
    await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(160);
    await shot(page, '02-seller-sees-case');

    // The seller replies in the case's thread; the buyer reads it.
    await seller.replyTo(/Nouveau litige C-000001/);
    await expect(seller.root.locator('.replying-text').textContent()).resolves.toContain('C-000001');
    await seller.say('Désolée Amina, le colis est bloqué chez le transporteur. Je vous rembourse.');
    await buyer.sees(/le colis est bloqué chez le transporteur/);
    // Support can read any case from its channel.
    await support.say('/case C-000001');
    await support.sees(/C-000001 · Pagne wax/);
    const overview = await shot(page, '03-buyer-sees-seller-reply');
    if (process.env.PLAYGROUND_DOCS_SCREENSHOT === '1') {
      mkdirSync('docs', { recursive: true });
      copyFileSync(overview, 'docs/playground.png');
    }

    // A full refund closes the case for both.
    await seller.click('Rembourser en totalité');
    await seller.click('Confirmer');
    await seller.sees(/Statut : clos/);
    await buyer.sees(/C-000001 est clos/);
    await expect.poll(() => page.locator('#cases .case[data-case-id="C-000001"] .pill').textContent()).toBe('clos');
    await shot(page, '04-case-closed-for-both');

    // At 360 px the panes become tabs, and nothing overflows sideways.
    await page.setViewportSize({ width: 360, height: 740 });
    await expect.poll(() => page.locator('.tabs').isVisible()).toBe(true);
    expect(await seller.root.isVisible()).toBe(false);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.locator('.tabs [data-tab="seller"]').click();
    await expect.poll(() => seller.root.isVisible()).toBe(true);
    expect(await buyer.root.isVisible()).toBe(false);
    await shot(page, '05-mobile-seller-tab');
    await page.locator('.tabs [data-tab="cases"]').click();
    await expect.poll(() => page.locator('.panel').isVisible()).toBe(true);
    await shot(page, '06-mobile-cases-tab');

    // Everything the page loaded came from this server.
    const elsewhere = requests.filter((u) => !u.startsWith(base) && !u.startsWith('data:'));
    expect(elsewhere).toEqual([]);
  }, 120_000);

  it('opens a case in three actions from « ma commande CC-1001 n’est jamais arrivée », and counts characters as they are typed', async () => {
    const { page } = await open({});
    const buyer = paneOf(page, 'buyer');
    await buyer.pick('acc-amina');
    const actions: string[] = [];
    const act = async (what: string, run: () => Promise<void>) => {
      actions.push(what);
      await run();
    };
    await act('message', () => buyer.say("ma commande CC-1001 n'est jamais arrivée"));
    await buyer.sees(/pour la commande CC-1001 : commande non reçue\. C’est bien ça/);
    await act('confirm reason', () => buyer.click(/^Oui, c’est ça/));
    // The advice to write to the seller first and the eligibility are said on the way, not asked.
    await buyer.sees(/Je vous conseille d’écrire d’abord au vendeur/);
    await buyer.sees(/servira de description : « ma commande CC-1001 n'est jamais arrivée »/);
    await act('open', () => buyer.click('Ouvrir le litige maintenant'));
    await buyer.sees(/Le litige C-000001 est ouvert pour la commande CC-1001/);
    expect(actions).toHaveLength(3);
    await shot(page, '10-three-actions-to-a-case');

    // A long paste is counted as it is typed, refused whole with the limit, and left in the box.
    const input = buyer.root.locator('input.text');
    const count = buyer.root.locator('.count');
    await input.fill('Bonjour');
    await expect.poll(() => count.textContent()).toMatch(/^7 \/ 12\s300$/);
    await input.fill('x'.repeat(13_000));
    await expect.poll(() => count.textContent()).toMatch(/^13\s000 \/ 12\s300$/);
    expect(await count.getAttribute('class')).toContain('over');
    const before = await buyer.log.locator('> li').count();
    await input.press('Enter');
    await buyer.sees(/Message trop long : 13\s000 caractères, pour 12\s300 au plus/);
    expect(await input.inputValue()).toHaveLength(13_000);
    // Only the refusal was added: nothing went to the engine.
    await page.waitForTimeout(300);
    expect(await buyer.log.locator('> li').count()).toBe(before + 1);
    await shot(page, '11-long-text-refused');
  }, 120_000);

  it('lets support list an escalated case and reopen it once closed, and switches the page to English', async () => {
    // Sped up so that the buyer may escalate a second after opening: the reminder arrives live.
    const { page } = await open({ DEMO_TIME_SCALE: '259200' });
    const [buyer, seller, support] = [paneOf(page, 'buyer'), paneOf(page, 'seller'), paneOf(page, 'support')];
    await buyer.pick('acc-amina');
    await seller.pick('acc-bisou');
    await support.pick('acc-support-1');
    await openCase(page, { photo: false });

    await buyer.sees(/vous pouvez maintenant le transmettre au support/);
    await buyer.click('Transmettre au support');
    await buyer.click('Confirmer');
    await buyer.sees(/transmis au support/);
    await expect.poll(() => page.locator('#cases .case[data-case-id="C-000001"] .pill').textContent()).toBe('escaladé');

    await support.say('/cases escalated');
    await support.click(/C-000001 · CC-1001/);
    await support.click('Trancher pour le vendeur');
    await support.click('Confirmer');
    await support.sees(/Statut : clos/);
    await buyer.sees(/C-000001 est clos/);
    await expect.poll(() => page.locator('#cases .case[data-case-id="C-000001"] .pill').textContent()).toBe('clos');
    await shot(page, '07-support-decided');

    await support.click('Rouvrir');
    await support.click('Confirmer');
    await support.sees(/Le litige est rouvert/);
    await buyer.sees(/rouvert le litige C-000001/);
    await expect.poll(() => page.locator('#cases .case[data-case-id="C-000001"] .pill').textContent()).not.toBe('clos');
    await shot(page, '08-support-reopened');

    // A reload keeps each pane's account and conversation.
    await page.reload();
    await page.locator('body[data-ready="true"]').waitFor();
    await support.sees(/Le litige est rouvert/);
    expect(await support.root.locator('select.account').inputValue()).toBe('acc-support-1');

    // The switch translates the page and the conversation, without asking the engine again.
    expect(await page.locator('#lang option').allTextContents()).toEqual(['English', 'Français', 'Lingala', 'Kiswahili']);
    await page.locator('#lang').selectOption('en');
    await expect.poll(() => page.locator('.pane[data-role="support"] button.send').textContent()).toBe('Send');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await support.sees(/The case is reopened/);
    await expect.poll(() => page.locator('#cases .case[data-case-id="C-000001"] .pill').textContent()).toBe('escalated');
    await shot(page, '09-english');

    // Lingala from the same menu: the page's own words, and the language kept for the next visit.
    await page.locator('#lang').selectOption('ln');
    await expect.poll(() => page.locator('.pane[data-role="support"] button.send').textContent()).toBe('Tinda');
    expect(await page.locator('html').getAttribute('lang')).toBe('ln');
    await page.reload();
    await page.locator('body[data-ready="true"]').waitFor();
    expect(await page.locator('#lang').inputValue()).toBe('ln');
  }, 120_000);
});
