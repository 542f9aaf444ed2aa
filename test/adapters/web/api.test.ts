import { afterEach, describe, expect, it } from 'vitest';
import { DeliveryError } from '../../../src/ports/notifier.js';
import type { Case } from '../../../src/domain/case-model.js';
import { isDemoMarketplace, playgroundEnabled } from '../../../adapters/web/index.js';
import { openStream, reply, startPlayground } from './harness.js';

type Playground = Awaited<ReturnType<typeof startPlayground>>;
let pg: Playground | null = null;
const streams: { close(): void }[] = [];

async function start(...args: Parameters<typeof startPlayground>) {
  pg = await startPlayground(...args);
  return pg;
}

afterEach(async () => {
  for (const s of streams.splice(0)) s.close();
  await pg?.close();
  pg = null;
});

async function stream(base: string, pane: string, last?: number) {
  const s = await openStream(base, pane, last);
  streams.push(s);
  return s;
}

describe('web playground: page and strings', () => {
  it('serves the page, its style and script from this server only, with a strict content policy', async () => {
    const { base } = await start();
    const page = await fetch(`${base}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await page.text();
    const css = await (await fetch(`${base}/playground/app.css`)).text();
    const js = await (await fetch(`${base}/playground/app.js`)).text();
    for (const asset of [html, css, js]) expect(asset).not.toMatch(/https?:\/\//);
    expect(html).toContain('/playground/app.js');
    expect(js).not.toContain('innerHTML');
  });

  it('serves the same page strings in French and English, with placeholders for the script', async () => {
    const { base } = await start();
    const fr = (await (await fetch(`${base}/playground/strings?lang=fr`)).json()) as { strings: Record<string, string>; locales: string[] };
    const en = (await (await fetch(`${base}/playground/strings?lang=en`)).json()) as { strings: Record<string, string> };
    expect(fr.locales).toEqual(expect.arrayContaining(['fr', 'en']));
    expect(Object.keys(en.strings).sort()).toEqual(Object.keys(fr.strings).sort());
    expect(fr.strings['web-send']).toBe('Envoyer');
    expect(en.strings['web-send']).toBe('Send');
    expect(fr.strings['web-reply-to']).toBe('Réponse dans le dossier {case}');
    expect(fr.strings['web-lang-name-ln']).toBe('Lingala');
    for (const lang of ['ln', 'sw']) {
      const page = (await (await fetch(`${base}/playground/strings?lang=${lang}`)).json()) as { lang: string; strings: Record<string, string> };
      expect(page.lang).toBe(lang);
      expect(Object.keys(page.strings).sort()).toEqual(Object.keys(fr.strings).sort());
      expect(page.strings['web-send']).not.toBe(fr.strings['web-send']);
    }
    expect(fr.locales).toEqual(['en', 'fr', 'ln', 'sw']);
    const unknown = (await (await fetch(`${base}/playground/strings?lang=xx`)).json()) as { lang: string };
    expect(unknown.lang).toBe('fr');
  });
});

describe('web playground: picking demo accounts', () => {
  it('lists the demo accounts and links a pane to the one picked, greeting it through the engine', async () => {
    const { base, post, deps, engine } = await start();
    const accounts = (await (await fetch(`${base}/playground/accounts`)).json()) as { accounts: { id: string; roles: string[] }[] };
    expect(accounts.accounts.map((a) => a.id)).toEqual(expect.arrayContaining(['acc-amina', 'acc-bisou', 'acc-support-1']));

    const res = await post('/playground/panes', { role: 'buyer', accountId: 'acc-amina', lang: 'fr' });
    expect(res.status).toBe(200);
    const pane = res.body.pane as string;
    expect(pane).toMatch(/^w-[A-Za-z0-9_-]{20,}$/);
    expect(await deps.links.get('web', pane)).toMatchObject({ accountId: 'acc-amina', address: pane, platform: 'web' });
    expect(engine.inputs.at(-1)).toMatchObject({ platform: 'web', userId: pane, conversationId: pane, isPrivate: true, isStaffChannel: false, content: { type: 'command', name: 'start' } });
  });

  it('makes the support pane a staff channel', async () => {
    const { pick, engine } = await start();
    const pane = await pick('support', 'acc-support-1');
    expect(engine.inputs.at(-1)).toMatchObject({ userId: pane, isStaffChannel: true, isPrivate: false });
  });

  it('refuses an account that does not have the pane role, or is not in the marketplace', async () => {
    const { post } = await start();
    expect((await post('/playground/panes', { role: 'support', accountId: 'acc-amina' })).status).toBe(400);
    expect((await post('/playground/panes', { role: 'buyer', accountId: 'acc-nobody' })).status).toBe(400);
    expect((await post('/playground/panes', { role: 'admin', accountId: 'acc-amina' })).status).toBe(400);
  });

  it('refuses the picker and the case list against a real marketplace', async () => {
    const { base, post, deps } = await start({ demoMarketplace: false });
    const accounts = await fetch(`${base}/playground/accounts`);
    expect(accounts.status).toBe(403);
    const body = (await accounts.json()) as { error: { code: string; id: string; message: string } };
    expect(body.error).toMatchObject({ code: 'PLAYGROUND_REAL_MARKETPLACE', id: 'web-error-real-marketplace' });
    expect(body.error.message).toMatch(/demo accounts/);
    expect(JSON.stringify(body)).not.toContain('acc-amina');
    expect((await post('/playground/panes', { role: 'buyer', accountId: 'acc-amina' })).status).toBe(403);
    expect(await deps.links.get('web', 'anything')).toBeNull();
    expect((await fetch(`${base}/playground/cases`)).status).toBe(403);
  });

  it('is on in the embedded mode or with PLAYGROUND=1, and picks only from the built-in marketplace', () => {
    expect(playgroundEnabled({ embedded: true })).toBe(true);
    expect(playgroundEnabled({ embedded: false, PLAYGROUND: true })).toBe(true);
    expect(playgroundEnabled({ embedded: false, PLAYGROUND: undefined })).toBe(false);
    expect(isDemoMarketplace({})).toBe(true);
    expect(isDemoMarketplace({ MARKETPLACE_DATA: 'shop.json' })).toBe(false);
    expect(isDemoMarketplace({ MARKETPLACE_API_URL: 'http://127.0.0.1:9/api' })).toBe(false);
  });
});

describe('web playground: turns and live messages', () => {
  it("shows the offer to switch language in the language offered, whatever the pane's language", async () => {
    const { base, pick, post, engine } = await start();
    const pane = await pick('buyer', 'acc-amina');
    engine.script = (input) => [
      reply(input, ['web-hint-buyer']),
      reply(input, ['engine-lang-offer'], { locale: 'ln', ownLanguage: true, choices: [{ label: { id: 'engine-lang-offer-yes' }, token: 'tok-ln' }] }),
    ];
    const events = await stream(base, pane);
    await post('/playground/turn', { pane, text: 'panier na ngai ekomi te' });
    const offer = await events.until((e) => e.kind === 'bot' && !!e.views?.fr?.choices.length);
    for (const lang of ['fr', 'en', 'ln', 'sw']) {
      expect(offer.views?.[lang]?.text).toBe('Nakoki kolobela yo na Lingala ?');
      expect(offer.views?.[lang]?.choices[0]?.label).toBe('Ee, na Lingala');
    }
    // Other messages still follow the pane's language menu.
    const hint = (await events.until((e) => e.kind === 'bot' && !e.views?.fr?.choices.length));
    expect(hint.views?.fr?.text).not.toBe(hint.views?.en?.text);
  });

  it('sends text, commands and button choices to the engine and streams the replies in every language', async () => {
    const { base, pick, post, engine } = await start();
    const pane = await pick('buyer', 'acc-amina');
    engine.script = (input) =>
      input.content.type === 'text'
        ? [reply(input, ['web-hint-buyer'], { choices: [{ label: { id: 'web-send' }, token: 'tok-1', style: 'primary' }] })]
        : [];
    const events = await stream(base, pane);

    expect((await post('/playground/turn', { pane, text: "ma commande n'est jamais arrivée" })).status).toBe(200);
    expect(engine.inputs.at(-1)?.content).toEqual({ type: 'text', text: "ma commande n'est jamais arrivée" });
    const mine = await events.until((e) => e.kind === 'me');
    expect(mine.text).toBe("ma commande n'est jamais arrivée");
    const bot = await events.until((e) => e.kind === 'bot' && !!e.views?.fr?.choices.length);
    expect(bot.views?.fr?.text).toContain('ma commande n');
    expect(bot.views?.en?.text).toContain('my order never arrived');
    expect(bot.views?.en?.choices).toEqual([{ label: 'Send', token: 'tok-1', style: 'primary' }]);

    await post('/playground/turn', { pane, action: 'tok-1' });
    expect(engine.inputs.at(-1)?.content).toEqual({ type: 'action', token: 'tok-1' });
    const echoed = await events.until((e) => e.kind === 'me' && !!e.labels);
    expect(echoed.labels).toEqual({ fr: 'Envoyer', en: 'Send', ln: 'Tinda', sw: 'Tuma' });

    await post('/playground/turn', { pane, text: '/refund C-000001 5000' });
    expect(engine.inputs.at(-1)?.content).toEqual({ type: 'command', name: 'refund', args: ['C-000001', '5000'], text: '/refund C-000001 5000' });
  });

  it('turns a reply to a case message into a reply the engine can trace to the case', async () => {
    const { base, pick, post, engine, deps } = await start();
    const seller = await pick('seller', 'acc-bisou');
    engine.script = (input) => (input.content.type === 'text' && input.content.text === 'show' ? [reply(input, ['web-hint-seller'], { caseId: 'C-000001' })] : []);
    const events = await stream(base, seller);
    await post('/playground/turn', { pane: seller, text: 'show' });
    const caseMessage = await events.until((e) => e.caseId === 'C-000001');
    expect(await deps.threads.caseOfMessage('web', seller, String(caseMessage.seq))).toBe('C-000001');

    await post('/playground/turn', { pane: seller, text: 'Le colis part demain', replyTo: caseMessage.seq });
    expect(engine.inputs.at(-1)).toMatchObject({ replyToMessageId: String(caseMessage.seq), content: { type: 'text', text: 'Le colis part demain' } });
    await post('/playground/turn', { pane: seller, text: 'hors fil', replyTo: 9999 });
    expect(engine.inputs.at(-1)?.replyToMessageId).toBeNull();
  });

  it('refuses unknown panes, empty and oversized text, and malformed bodies', async () => {
    const { pick, post } = await start();
    const pane = await pick('buyer', 'acc-amina');
    expect((await post('/playground/turn', { pane: 'w-forged', text: 'hello' })).status).toBe(404);
    expect((await post('/playground/turn', { pane, text: '   ' })).status).toBe(400);
    const long = await post('/playground/turn', { pane, text: 'x'.repeat(12_301) });
    expect(long.status).toBe(413);
    expect(long.body.error?.id).toBe('web-error-text-too-long');
    // Emoji take four bytes each: a text over the limit in characters is still refused with the limit, not as a body too large.
    const emoji = await post('/playground/turn', { pane, text: '😡'.repeat(12_301) });
    expect(emoji.body.error?.id).toBe('web-error-text-too-long');
    expect((await post('/playground/turn', { pane })).status).toBe(400);
  });

  it('replays what a page missed after reconnecting, and only that', async () => {
    const { base, pick, post, engine } = await start();
    const pane = await pick('buyer', 'acc-amina');
    engine.script = (input) => [reply(input, ['web-hint-buyer'])];
    await post('/playground/turn', { pane, text: 'un' });
    await post('/playground/turn', { pane, text: 'deux' });
    const first = await stream(base, pane);
    const all = await first.until((e) => e.kind === 'bot' && e.seq >= 4);
    expect(first.events.map((e) => e.kind)).toEqual(['me', 'bot', 'me', 'bot']);
    expect(all.seq).toBe(4);
    const again = await stream(base, pane, 2);
    const replayed = await again.until((e) => e.seq === 4);
    expect(replayed.kind).toBe('bot');
    expect(again.events.map((e) => e.seq)).toEqual([3, 4]);
  });

  it('shows an engine failure as a polite notice and keeps the pane working', async () => {
    const { base, pick, post, engine } = await start();
    const pane = await pick('buyer', 'acc-amina');
    engine.script = () => {
      throw new Error('boom');
    };
    const events = await stream(base, pane);
    expect((await post('/playground/turn', { pane, text: 'bonjour' })).status).toBe(200);
    expect((await events.until((e) => e.kind === 'notice')).notice).toBe('web-error-internal');
  });
});

describe('web playground: notifier', () => {
  it('delivers to the pane of a linked web identity, and to every support pane for support', async () => {
    const { base, pick, adapter, deps } = await start();
    const buyer = await pick('buyer', 'acc-amina');
    const support = await pick('support', 'acc-support-1');
    const buyerEvents = await stream(base, buyer);
    const supportEvents = await stream(base, support);
    const link = (await deps.links.get('web', buyer))!;
    const message = { target: { conversationId: buyer }, locale: 'fr', timezone: 'Africa/Kinshasa', body: [{ id: 'web-hint-seller' }], caseId: 'C-000007' };

    expect(adapter.notifier.platform).toBe('web');
    await adapter.notifier.deliver({ link }, message);
    const got = await buyerEvents.until((e) => e.caseId === 'C-000007');
    expect(got.views?.en?.text).toContain('Cases opened against your shop');
    expect(await deps.threads.caseOfMessage('web', buyer, String(got.seq))).toBe('C-000007');

    await adapter.notifier.deliver({ support: true }, { ...message, caseId: 'C-000008' });
    expect((await supportEvents.until((e) => e.caseId === 'C-000008')).kind).toBe('bot');
    expect(buyerEvents.events.some((e) => e.caseId === 'C-000008')).toBe(false);
  });

  it('a message that ends a case’s slots (the case closed) greys out the last buttons in each of them, and only those', async () => {
    const { base, pick, adapter, deps } = await start();
    const buyer = await pick('buyer', 'acc-amina');
    const events = await stream(base, buyer);
    const link = (await deps.links.get('web', buyer))!;
    const base0 = { target: { conversationId: buyer }, locale: 'fr', timezone: 'Africa/Kinshasa', body: [{ id: 'web-hint-seller' }], caseId: 'C-000007' };
    const card = 'notice:card:acc-amina|case:C-000007';
    const other = 'notice:card:acc-amina|case:C-000008';
    await adapter.notifier.deliver({ link }, { ...base0, slot: card });
    const first = await events.until((e) => e.kind === 'bot' && e.caseId === 'C-000007');
    await adapter.notifier.deliver({ link }, { ...base0, caseId: 'C-000008', slot: other });
    const second = await events.until((e) => e.kind === 'bot' && e.caseId === 'C-000008');
    await adapter.notifier.deliver({ link }, { ...base0, clearSlots: [card, 'acc-amina|case:C-000007'] });
    const retired = await events.until((e) => e.kind === 'retire');
    expect(retired.retire).toBe(first.seq);
    // Ended once: a second closing notice finds nothing left to grey out; the other case's buttons stay.
    await adapter.notifier.deliver({ link }, { ...base0, body: [{ id: 'web-hint-buyer' }], clearSlots: [card] });
    await events.until((e) => e.kind === 'bot' && e.seq > retired.seq && e.caseId === 'C-000007');
    expect(events.events.filter((e) => e.kind === 'retire').map((e) => e.retire)).toEqual([first.seq]);
    expect(events.events.some((e) => e.kind === 'retire' && e.retire === second.seq)).toBe(false);
  });

  it('reports a pane that is gone as blocked, so the outbox stops trying', async () => {
    const { adapter } = await start();
    const link = { platform: 'web' as const, userId: 'w-gone', accountId: 'acc-amina', address: 'w-gone', linkedAt: '2026-11-20T10:00:00Z' };
    const message = { target: { conversationId: 'w-gone' }, locale: 'fr', timezone: 'Africa/Kinshasa', body: [{ id: 'web-hint-buyer' }] };
    const err = await adapter.notifier.deliver({ link }, message).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DeliveryError);
    expect((err as DeliveryError).opts).toMatchObject({ blocked: true, permanent: true });
  });
});

describe('web playground: side panel', () => {
  const at = (h: number) => new Date(Date.UTC(2026, 10, 20, 10 + h)).toISOString();
  const kase = (id: string, status: Case['status'], openedH: number, closedH: number | null = null) =>
    ({
      id,
      orderId: 'CC-1001',
      reason: 'non_delivery',
      status,
      openedAt: at(openedH),
      escalatableAt: at(openedH + 72),
      lateAt: at(openedH + 8760),
      closedAt: closedH === null ? null : at(closedH),
    }) as Case;

  it('lists live cases first with their own deadlines, then recently closed ones, and says how the demo clock runs', async () => {
    const cases = [kase('C-000003', 'closed', -5, -1), kase('C-000002', 'escalated', -3), kase('C-000001', 'open', -4)];
    const { base } = await start({ cases, timeScale: 1440 });
    const panel = (await (await fetch(`${base}/playground/cases?lang=en`)).json()) as {
      now: string;
      clock: string[];
      cases: { id: string; status: string; escalatableAt: string | null; lateAt: string | null }[];
    };
    expect(panel.now).toBe('2026-11-20T10:00:00.000Z');
    expect(panel.cases.map((c) => c.id)).toEqual(['C-000001', 'C-000002', 'C-000003']);
    expect(panel.cases[0]).toMatchObject({ status: 'open', escalatableAt: at(68), lateAt: at(8756) });
    expect(panel.cases[1]).toMatchObject({ status: 'escalated', escalatableAt: null, lateAt: at(8757) });
    expect(panel.cases[2]).toMatchObject({ status: 'closed', escalatableAt: null, lateAt: null });
    expect(panel.clock[0]).toMatch(/divided by 1,440/);
    expect(panel.clock.join(' ')).toMatch(/Escalation possible after 3 days/);
    // Not "Late delivery after 365 days", which read as the order's delivery being late only then.
    expect(panel.clock[3]).toMatch(/^A case still open after .+ is flagged late delivery: only a full refund can close it then$/);
  });
});

describe('web playground: uploads and files', () => {
  const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5f1b2a30000000049454e44ae426082', 'hex');

  async function upload(base: string, pane: string, body: Buffer, type = 'image/png') {
    const res = await fetch(`${base}/playground/upload?pane=${pane}&name=colis.png`, { method: 'POST', headers: { 'content-type': type }, body: new Uint8Array(body) });
    return { status: res.status, body: (await res.json()) as { error?: { id: string } } };
  }

  it('stores a photo, hands it to the engine as an attachment and shows it only to panes it was sent to', async () => {
    const { base, pick, engine, adapter, deps } = await start();
    const buyer = await pick('buyer', 'acc-amina');
    const seller = await pick('seller', 'acc-bisou');
    const buyerEvents = await stream(base, buyer);
    expect((await upload(base, buyer, png)).status).toBe(200);

    const turn = engine.inputs.at(-1)!;
    expect(turn.content).toMatchObject({ type: 'attachment', blob: { contentType: 'image/png', size: png.length, name: 'colis.png' } });
    const shown = await buyerEvents.until((e) => e.kind === 'me' && !!e.file);
    const image = await fetch(base + shown.file!.url);
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await image.arrayBuffer()).equals(png)).toBe(true);

    // Another pane, a tampered signature or a guessed id get nothing.
    const blobId = turn.content.type === 'attachment' ? turn.content.blob.id : '';
    expect((await fetch(base + shown.file!.url.replace(buyer, seller))).status).toBe(404);
    expect((await fetch(`${base}/playground/blobs/${blobId}?p=${seller}&s=AAAA`)).status).toBe(404);
    expect((await fetch(`${base}/playground/blobs/${blobId}`)).status).toBe(404);

    // Once relayed to the seller, the seller's pane gets its own working link.
    const sellerEvents = await stream(base, seller);
    const link = (await deps.links.get('web', seller))!;
    await adapter.notifier.deliver({ link }, { target: { conversationId: seller }, locale: 'fr', timezone: 'Africa/Kinshasa', body: [{ id: 'web-attach-caption' }], blobId });
    const relayed = await sellerEvents.until((e) => !!e.file);
    expect((await fetch(base + relayed.file!.url)).status).toBe(200);
  });

  it('accepts a phone-sized photo and serves a PDF as a download under its own name', async () => {
    const { base, pick, engine } = await start();
    const pane = await pick('buyer', 'acc-amina');
    expect((await upload(base, pane, Buffer.concat([png, Buffer.alloc(3 * 1024 * 1024)]))).status).toBe(200);
    const res = await fetch(`${base}/playground/upload?pane=${pane}&name=${encodeURIComponent('reçu d’envoi.pdf')}`, {
      method: 'POST',
      headers: { 'content-type': 'application/pdf' },
      body: new Uint8Array(Buffer.from('%PDF-1.4\n%%EOF\n')),
    });
    expect(res.status).toBe(200);
    const events = await stream(base, pane);
    const shown = await events.until((e) => e.file?.contentType === 'application/pdf');
    const file = await fetch(base + shown.file!.url);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent('reçu d’envoi.pdf')}`);
    expect(engine.inputs.at(-1)?.content).toMatchObject({ type: 'attachment', blob: { contentType: 'application/pdf', name: 'reçu d’envoi.pdf' } });
  });

  it('refuses files that are not photos or PDFs, whatever they claim, and files over the limit', async () => {
    const { base, pick, engine } = await start({ maxUploadBytes: 1024 });
    const pane = await pick('buyer', 'acc-amina');
    const turns = engine.inputs.length;
    const forged = await upload(base, pane, Buffer.from('<script>alert(1)</script>'));
    expect(forged.status).toBe(415);
    expect(forged.body.error?.id).toBe('web-error-upload-type');
    expect((await upload(base, pane, png, 'text/html')).status).toBe(415);
    const big = await upload(base, pane, Buffer.concat([png, Buffer.alloc(2048)]));
    expect(big.status).toBe(413);
    expect(big.body.error?.id).toBe('web-error-upload-too-large');
    expect((await upload(base, 'w-forged', png)).status).toBe(404);
    expect(engine.inputs.length).toBe(turns);
  });

  it('shows a photo by its preview, and says a file deleted after the retention period has expired', async () => {
    const { base, pick, deps } = await start();
    const buyer = await pick('buyer', 'acc-amina');
    const events = await stream(base, buyer);
    expect((await upload(base, buyer, png)).status).toBe(200);
    const shown = await events.until((e) => e.kind === 'me' && !!e.file);
    expect(shown.file!.previewUrl).toBe(shown.file!.url.replace('?', '/preview?'));
    const preview = await fetch(base + shown.file!.previewUrl!);
    expect(preview.status).toBe(200);
    expect(preview.headers.get('content-type')).toMatch(/^image\//);

    const blobId = /blobs\/([a-f0-9]+)/.exec(shown.file!.url)![1]!;
    expect(await deps.blobs.delete(blobId)).toBe(true);
    const gone = await fetch(base + shown.file!.url);
    expect(gone.status).toBe(410);
    expect(((await gone.json()) as { error: { id: string } }).error.id).toBe('web-error-file-expired');
  });

  it('says a relayed file has expired when it is no longer kept, in the pane’s languages', async () => {
    const { base, pick, deps, adapter } = await start();
    const seller = await pick('seller', 'acc-bisou');
    const events = await stream(base, seller);
    const blob = await deps.blobs.put(png, { contentType: 'image/png', name: 'colis.png' });
    await deps.blobs.delete(blob.id);
    const link = (await deps.links.get('web', seller))!;
    await adapter.notifier.deliver({ link }, { target: { conversationId: seller }, locale: 'fr', timezone: 'Africa/Kinshasa', body: [{ id: 'web-attach-caption' }], blobId: blob.id });
    const said = await events.until((e) => e.kind === 'bot' && /expir/.test(JSON.stringify(e.views ?? {})));
    expect(said.file).toBeUndefined();
    expect(said.views!.fr!.text).toMatch(/Cette pièce a expiré : Palabre ne conserve plus ce fichier/);
    expect(said.views!.en!.text).toMatch(/This file has expired: Palabre no longer keeps it/);
  });
});
