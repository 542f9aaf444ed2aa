import { afterEach, describe, expect, it } from 'vitest';
import { launchChromium, paneOf, shot, startEmbedded } from './browser.js';

// Issue 13 in a real browser: a case closed on tracking can be contested, and support reopens it.
const running: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const r of running.splice(0).reverse()) await r.close();
});

describe('web playground: contesting a closing, live buttons, /lang', () => {
  it('seller adds matching tracking, the case closes, the buyer asks for a check, support reopens', async () => {
    const { palabre, base } = await startEmbedded({ DEMO_TIME_SCALE: '1440' });
    running.push(palabre);
    const browser = await launchChromium();
    running.push(browser);
    const { page } = browser;
    await page.goto(`${base}/`);
    await page.locator('body[data-ready="true"]').waitFor();
    const [buyer, seller, support] = [paneOf(page, 'buyer'), paneOf(page, 'seller'), paneOf(page, 'support')];
    await buyer.pick('acc-amina');
    await seller.pick('acc-bisou');
    await support.pick('acc-support-1');

    // The buyer's case (the report flow itself is covered by playground.e2e.test.ts).
    await palabre.cases.open({ accountId: 'acc-amina', platform: 'web' }, { orderId: 'CC-1005', reason: 'non_delivery', description: 'Le suivi ne bouge plus depuis dix jours.' });
    await seller.sees(/Nouveau litige C-000001/);

    // The seller types the example of the prompt: the tracking shows delivery at the order's address.
    await seller.say('/tracking C-000001 dhl JD0142');
    await seller.sees(/Le litige est clos : livraison confirmée par le suivi/);

    // The buyer is told why, and until when she may ask for a check.
    await buyer.sees(/Raison : le transporteur DHL indique la livraison du colis JD0142/);
    await buyer.sees(/Demander une vérification » avant le/);
    await shot(page, 'contest-01-buyer-told-why');
    await buyer.click('Demander une vérification');
    await buyer.sees(/Demander au support de vérifier la clôture du litige C-000001/);
    await buyer.click('Envoyer la demande');
    await buyer.sees(/Demande envoyée : le support a reçu le litige C-000001/);
    // The request's buttons are spent: greyed, not pressable again.
    await expect.poll(() => buyer.root.locator('.log button:not([disabled])', { hasText: 'Envoyer la demande' }).count()).toBe(0);

    // Support gets the case with a Reopen button, and confirms what reopening does.
    await support.sees(/L’acheteur conteste la clôture du litige C-000001/);
    await support.click('Rouvrir');
    await support.sees(/Rouvrir le litige C-000001 \? Il redeviendra ouvert entre l’acheteur et le vendeur/);
    await support.click('Confirmer');
    await support.sees(/Le litige est rouvert/);
    await shot(page, 'contest-02-support-reopened');
    const c = await palabre.store.load('C-000001');
    expect(c!.status).toBe('open');
    expect(c!.timeline.map((e) => e.type)).toEqual(expect.arrayContaining(['tracking', 'closed', 'verification_requested', 'reopened']));

    // /lang en in the playground answers in English and the page follows.
    await buyer.say('/lang en');
    await buyer.sees(/I'll answer you in English/);
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
  }, 90_000);
});
