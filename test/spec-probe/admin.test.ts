/**
 * Blind SPEC probe, sections 2, 5 and 7, against one real process: the embedded mode with the demo marketplace (the
 * playground serves demo accounts only; the SPEC's marketplace file is loaded in cli-redis.test.ts), ADMIN_TOKEN read
 * from a `.env` file in its own working directory, Telegram on a stand-in with the webhook. Cases are opened in the playground (as the README drives it); the admin API, the
 * Telegram linking and the support commands are checked from the outside.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTelegramStandin, type TelegramStandin } from '../support/telegram-standin.js';
import { call, openPane, removeScratches, scratch, startBot, telegramSay, type Bot } from './process.js';

const ADMIN = 'spec-probe-admin-token-42';
const TG_SECRET = 'spec_probe-webhook-secret';
let bot: Bot;
let tg: TelegramStandin;
const admin = (path: string, init: Parameters<typeof call>[2] = {}) => call(bot.base, path, { token: ADMIN, ...init });
const iso = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

beforeAll(async () => {
  tg = await startTelegramStandin({ username: 'palabre_probe_bot' });
  // ADMIN_TOKEN only in .env: the admin API answering at all shows the file was read.
  const cwd = scratch({ '.env': `ADMIN_TOKEN=${ADMIN}\n` });
  bot = await startBot(
    {
      TELEGRAM_BOT_TOKEN: tg.token,
      TELEGRAM_API_ROOT: tg.root,
      TELEGRAM_WEBHOOK_SECRET: TG_SECRET,
      TELEGRAM_THROTTLE: '0',
      BLOB_DIR: `${scratch()}/blobs`,
    },
    { cwd },
  );
}, 90_000);
afterAll(async () => {
  for (const p of [buyer, seller, support, ...outsiders]) p?.close();
  await bot?.stop();
  await tg?.close();
  removeScratches();
});

describe('SPEC §4/§7: operations endpoints and .env', () => {
  it('reads a .env file in the working directory (ADMIN_TOKEN set only there turns the admin API on)', async () => {
    const res = await admin('/admin/cases');
    expect(res.status, res.text).toBe(200);
  });

  it('/healthz answers 200 {"status":"ok"}', async () => {
    const res = await call(bot.base, '/healthz');
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ status: 'ok' });
  });

  it('/readyz answers 200 with its checks in the embedded mode', async () => {
    const res = await call(bot.base, '/readyz');
    expect(res.status, res.text).toBe(200);
    expect(res.json.status).toBe('ok');
  });

  it('/metrics is Prometheus text with palabre_ metrics', async () => {
    const res = await call(bot.base, '/metrics');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(res.text).toMatch(/^# (HELP|TYPE) palabre_/m);
    expect(res.text).toMatch(/^palabre_notifications_dead\b/m);
  });
});

describe('SPEC §5: POST /admin/link-tokens', () => {
  it('refuses a request without the bearer token, with a wrong one, or with another scheme (401, changes nothing)', async () => {
    for (const init of [{}, { token: 'wrong-token' }, { headers: { authorization: `Basic ${ADMIN}` } }, { headers: { authorization: ADMIN } }]) {
      const res = await call(bot.base, '/admin/link-tokens', { body: { accountId: 'acc-amina' }, ...init });
      expect(res.status, JSON.stringify(init)).toBe(401);
      expect(res.json?.error?.code).toBe('UNAUTHORIZED');
      expect(res.text).not.toMatch(/"token"/);
    }
  });

  it('refuses malformed JSON with a clear 400', async () => {
    const res = await admin('/admin/link-tokens', { raw: '{"accountId": "acc-amina"', headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(400);
    expect(typeof res.json?.error?.message).toBe('string');
  });

  it('refuses a body without accountId, a non-string one, an empty one or one past 200 characters (400 VALIDATION)', async () => {
    for (const body of [{}, { accountId: 5 }, { accountId: '' }, { accountId: 'a'.repeat(201) }, [], 'acc-amina']) {
      const res = await admin('/admin/link-tokens', { body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.json?.error?.code, JSON.stringify(body)).toBe('VALIDATION');
    }
  });

  it('refuses an oversized body (413)', async () => {
    const res = await admin('/admin/link-tokens', { body: { accountId: 'acc-amina', pad: 'x'.repeat(2_000_000) } });
    expect(res.status).toBe(413);
  });

  it('refuses a body that is not JSON (415)', async () => {
    const res = await admin('/admin/link-tokens', { raw: 'accountId=acc-amina', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(res.status).toBe(415);
  });

  it('refuses an unknown account (404 ACCOUNT_NOT_FOUND)', async () => {
    const res = await admin('/admin/link-tokens', { body: { accountId: 'acc-nobody' } });
    expect(res.status).toBe(404);
    expect(res.json?.error?.code).toBe('ACCOUNT_NOT_FOUND');
  });

  it('returns {token, expiresAt, links} with a 15-minute lifetime and the three documented links', async () => {
    const before = Date.now();
    const res = await admin('/admin/link-tokens', { body: { accountId: 'acc-amina' } });
    expect(res.status, res.text).toBe(200);
    const { token, expiresAt, links } = res.json;
    expect(typeof token).toBe('string');
    // Telegram's deep-link start parameter: 1–64 characters of A–Z, a–z, 0–9, _ and -.
    expect(token).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
    expect(expiresAt).toMatch(iso);
    const life = Date.parse(expiresAt) - before;
    expect(life).toBeGreaterThan(14 * 60_000);
    expect(life).toBeLessThan(16 * 60_000);
    expect(links.telegram).toBe(`https://t.me/palabre_probe_bot?start=${token}`);
    expect(links.discord).toBe(`/link token:${token}`);
    expect(links.teams).toBe(`link ${token}`);
  });

  it('issues a fresh token each time', async () => {
    const a = await admin('/admin/link-tokens', { body: { accountId: 'acc-amina' } });
    const b = await admin('/admin/link-tokens', { body: { accountId: 'acc-amina' } });
    expect(a.json.token).not.toBe(b.json.token);
  });
});

describe('SPEC §5: linking on Telegram with a token; reused and forged tokens refused, nothing changed', () => {
  let token = '';
  beforeAll(async () => {
    token = (await admin('/admin/link-tokens', { body: { accountId: 'acc-amina' } })).json.token;
  });

  it('/start alone greets and explains how to link', async () => {
    const { texts } = await telegramSay(bot.base, tg, TG_SECRET, 601, '/start');
    expect(texts.join('\n')).toMatch(/reliez|relier/i);
  });

  it('an unlinked user who writes is told how to link', async () => {
    const { texts } = await telegramSay(bot.base, tg, TG_SECRET, 602, '/cases');
    expect(texts.join('\n')).toMatch(/reliez|relier|\/link|\/start/i);
  });

  it('a forged token (one character changed) is refused with a clear message', async () => {
    const forged = token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A');
    const { texts } = await telegramSay(bot.base, tg, TG_SECRET, 603, `/link ${forged}`);
    expect(texts.join('\n')).toMatch(/pas valide|invalide/i);
    const after = await telegramSay(bot.base, tg, TG_SECRET, 603, '/cases');
    expect(after.texts.join('\n')).toMatch(/Reliez d’abord|reliez/i);
  });

  it('a garbage token is refused with a clear message', async () => {
    const { texts } = await telegramSay(bot.base, tg, TG_SECRET, 604, '/start not-a-token');
    expect(texts.join('\n')).toMatch(/pas valide|invalide/i);
  });

  it('a valid token links the Telegram account (/start <token>) and names the account', async () => {
    const { texts } = await telegramSay(bot.base, tg, TG_SECRET, 605, `/start ${token}`);
    expect(texts.join('\n')).toMatch(/C’est fait|C'est fait/);
    expect(texts.join('\n')).toContain('Amina');
  });

  it('the same token used again by someone else is refused, and that user stays unlinked', async () => {
    const { texts } = await telegramSay(bot.base, tg, TG_SECRET, 606, `/link ${token}`);
    expect(texts.join('\n')).toMatch(/déjà servi/);
    expect(texts.join('\n')).not.toMatch(/C’est fait/);
    const after = await telegramSay(bot.base, tg, TG_SECRET, 606, '/cases');
    expect(after.texts.join('\n')).toMatch(/Reliez d’abord|reliez/i);
  });

  it('the linked user stays linked (/cases answers, not « reliez »)', async () => {
    const { texts } = await telegramSay(bot.base, tg, TG_SECRET, 605, '/cases');
    expect(texts.length).toBeGreaterThan(0);
    expect(texts.join('\n')).not.toMatch(/Reliez d’abord/);
  });

  it('a webhook call without the secret header is refused and handled not at all', async () => {
    const from = tg.calls.length;
    const update = tg.build.text({ id: 607, first_name: 'X' }, { id: 607, type: 'private' }, '/start');
    const res = await fetch(`${bot.base}/telegram/webhook`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(update) });
    expect([401, 403]).toContain(res.status);
    await new Promise((r) => setTimeout(r, 700));
    expect(tg.calls.slice(from).filter((c) => String(c.params.chat_id) === '607')).toHaveLength(0);
  });
});

// Shared by the case describes below: the case opened in the playground and the three panes.
let id = '';
let buyer: Awaited<ReturnType<typeof openPane>>;
let seller: Awaited<ReturnType<typeof openPane>>;
let support: Awaited<ReturnType<typeof openPane>>;
let shopId = '';
const outsiders: Awaited<ReturnType<typeof openPane>>[] = [];
const NOTE = 'Note interne : vérifier le transporteur 7Q';

describe('SPEC §5: GET /admin/cases and /admin/cases/<id>, the case JSON', () => {

  beforeAll(async () => {
    buyer = await openPane(bot.base, 'buyer', 'acc-amina');
    seller = await openPane(bot.base, 'seller', 'acc-bisou');
    support = await openPane(bot.base, 'support', 'acc-support-1');
    await buyer.say("ma commande CC-1001 n'est jamais arrivée");
    let from = 0;
    for (let step = 0; step < 6; step++) {
      const e = await buyer.stream.until((x) => x.kind === 'bot' && (x.views?.fr?.choices ?? []).length > 0, from);
      const labels: string[] = e.views.fr.choices.map((c: any) => c.label);
      from = buyer.stream.events.indexOf(e) + 1;
      if (labels.some((l) => /Ouvrir le litige/.test(l))) {
        await buyer.pressLabel(/Ouvrir le litige/, from - 1);
        break;
      }
      if (labels.some((l) => /^Oui/.test(l))) await buyer.pressLabel(/^Oui/, from - 1);
      else throw new Error(`unexpected choices: ${labels.join(' | ')}`);
    }
    for (let i = 0; i < 50 && !id; i++) {
      const list = await admin('/admin/cases');
      id = list.json?.cases?.[0]?.id ?? '';
      shopId = list.json?.cases?.[0]?.shopId ?? '';
      if (!id) await new Promise((r) => setTimeout(r, 200));
    }
  }, 40_000);

  it('refuses the case routes without the bearer token (401)', async () => {
    expect((await call(bot.base, '/admin/cases')).status).toBe(401);
    expect((await call(bot.base, `/admin/cases/${id || 'C-000001'}`)).status).toBe(401);
    expect((await call(bot.base, '/admin/cases', { token: 'nope' })).status).toBe(401);
  });

  it('lists the case opened in the playground with the fields and values of SPEC §5', async () => {
    expect(id).toMatch(/^C-\d{6}$/);
    const res = await admin('/admin/cases');
    expect(res.status).toBe(200);
    const c = res.json.cases.find((x: any) => x.id === id);
    expect(c).toMatchObject({
      orderId: 'CC-1001',
      buyerId: 'acc-amina',
      reason: 'non_delivery',
      status: 'open',
      resolution: null,
      escalatedAt: null,
      closedAt: null,
    });
    expect(c.shopId).toMatch(/\S/);
    expect(c.refunded).toEqual({ amount: 0, currency: c.orderTotal.currency });
    expect(c.openedAt).toMatch(iso);
    expect(c.escalatableAt).toMatch(iso);
    // POLICY_ESCALATION_AFTER, default 3 days.
    expect(Date.parse(c.escalatableAt) - Date.parse(c.openedAt)).toBe(3 * 86_400_000);
    expect(c.timeline[0]).toMatchObject({ type: 'opened', actor: { accountId: 'acc-amina', role: 'buyer', platform: 'web' } });
    expect(c.timeline[0].at).toMatch(iso);
  });

  it('GET /admin/cases/<id> returns the same case with its timeline', async () => {
    const res = await admin(`/admin/cases/${id}`);
    expect(res.status).toBe(200);
    expect(res.json.id).toBe(id);
    expect(Array.isArray(res.json.timeline)).toBe(true);
    expect(res.json.timeline.length).toBeGreaterThan(0);
  });

  it('answers 404 CASE_NOT_FOUND for an unknown case', async () => {
    for (const unknown of ['C-999999', 'nothing', 'CC-1001']) {
      const res = await admin(`/admin/cases/${unknown}`);
      expect(res.status, unknown).toBe(404);
      expect(res.json?.error?.code, unknown).toBe('CASE_NOT_FOUND');
    }
  });

  it('filters by status, orderId, buyerId and shopId', async () => {
    const count = async (q: string) => {
      const res = await admin(`/admin/cases?${q}`);
      expect(res.status, `${q}: ${res.text}`).toBe(200);
      return (res.json.cases as any[]).map((c) => c.id);
    };
    expect(await count('status=open')).toEqual([id]);
    expect(await count('status=closed')).toEqual([]);
    expect(await count('orderId=CC-1001')).toEqual([id]);
    expect(await count('orderId=CC-9999')).toEqual([]);
    expect(await count('buyerId=acc-amina')).toEqual([id]);
    expect(await count('buyerId=acc-bisou')).toEqual([]);
    expect(await count(`shopId=${encodeURIComponent(shopId)}`)).toEqual([id]);
    expect(await count('shopId=shop-other')).toEqual([]);
    expect(await count(`status=open&shopId=${encodeURIComponent(shopId)}&buyerId=acc-amina&orderId=CC-1001`)).toEqual([id]);
  });

  it('refuses an unknown status filter (400)', async () => {
    const res = await admin('/admin/cases?status=bogus');
    expect(res.status).toBe(400);
  });

  it('the linked Telegram account sees the case opened on the web (/cases)', async () => {
    const { texts } = await telegramSay(bot.base, tg, TG_SECRET, 605, '/cases');
    expect(texts.join('\n')).toMatch(new RegExp(`${id}|CC-1001`));
  });

  it('an internal note shows in the admin timeline and reaches neither buyer nor seller', async () => {
    const buyerFrom = buyer.stream.events.length;
    const sellerFrom = seller.stream.events.length;
    await support.say(`/note ${id} ${NOTE}`);
    let note: any;
    for (let i = 0; i < 40 && !note; i++) {
      note = (await admin(`/admin/cases/${id}`)).json.timeline.find((e: any) => e.type === 'note');
      if (!note) await new Promise((r) => setTimeout(r, 150));
    }
    expect(note).toBeTruthy();
    expect(JSON.stringify(note)).toContain(NOTE);
    expect(note.actor).toMatchObject({ accountId: 'acc-support-1', role: 'support', platform: 'web' });
    await new Promise((r) => setTimeout(r, 800));
    const seen = [...buyer.stream.events.slice(buyerFrom), ...seller.stream.events.slice(sellerFrom)].map((e) => JSON.stringify(e));
    expect(seen.join('\n')).not.toContain('transporteur 7Q');
  });

  it('support escalates early with a ground: status escalated, escalatedAt set, an escalated entry', async () => {
    await support.say(`/escalate ${id} harassment`);
    let c: any;
    for (let i = 0; i < 40; i++) {
      c = (await admin(`/admin/cases/${id}`)).json;
      if (c.status === 'escalated') break;
      await new Promise((r) => setTimeout(r, 150));
    }
    expect(c.status).toBe('escalated');
    expect(c.escalatedAt).toMatch(iso);
    const e = c.timeline.find((x: any) => x.type === 'escalated');
    expect(e?.actor).toMatchObject({ accountId: 'acc-support-1', role: 'support', platform: 'web' });
    expect((await admin('/admin/cases?status=escalated')).json.cases.map((x: any) => x.id)).toEqual([id]);
  });

  it('a partial refund by support on the escalated case: refunded {amount, currency} in minor units, closed as support_refund (docs/rules.md)', async () => {
    const from = support.stream.events.length;
    await support.say(`/refund ${id} 100`);
    // A confirmation, if one is asked.
    await support.pressLabel(/Confirmer|Rembourser|^Oui/i, from, 3000).catch(() => undefined);
    let c: any;
    for (let i = 0; i < 40; i++) {
      c = (await admin(`/admin/cases/${id}`)).json;
      if (c.refunded.amount > 0) break;
      await new Promise((r) => setTimeout(r, 150));
    }
    // 100 in the order's currency, in minor units (ISO 4217 exponent).
    const digits = new Intl.NumberFormat('en', { style: 'currency', currency: c.orderTotal.currency }).resolvedOptions().maximumFractionDigits ?? 2;
    expect(c.refunded).toEqual({ amount: 100 * 10 ** digits, currency: c.orderTotal.currency });
    expect(c.timeline.some((x: any) => x.type === 'refund')).toBe(true);
    expect(c.status).toBe('closed');
    expect(c.resolution).toBe('support_refund');
    expect(c.closedAt).toMatch(iso);
    expect((await admin('/admin/cases?status=closed')).json.cases.map((x: any) => x.id)).toEqual([id]);
  });

  it('/reopen reopens the closed case; the timeline keeps every entry, in order', async () => {
    let c: any;
    const from = support.stream.events.length;
    await support.say(`/reopen ${id}`);
    // A confirmation, if one is asked.
    await support.pressLabel(/Confirmer|Rouvrir|^Oui/i, from, 3000).catch(() => undefined);
    for (let i = 0; i < 60; i++) {
      c = (await admin(`/admin/cases/${id}`)).json;
      if (c.status !== 'closed') break;
      await new Promise((r) => setTimeout(r, 150));
    }
    const said = support.stream.events.slice(from).map((e) => support.botText(e)).join(' / ');
    expect(c.status, said).not.toBe('closed');
    expect(c.timeline.some((x: any) => x.type === 'reopened')).toBe(true);
    // Append-only: every earlier entry is still there, in order.
    const types = c.timeline.map((x: any) => x.type);
    expect(types[0]).toBe('opened');
    expect(types.indexOf('note')).toBeLessThan(types.indexOf('escalated'));
    expect(types).toEqual(expect.arrayContaining(['note', 'escalated', 'refund', 'closed', 'reopened']));
    for (const entry of c.timeline) {
      expect(entry.at).toMatch(iso);
      expect(entry.actor).toBeTruthy();
    }
  });
});

describe('SPEC §2 commands and §7 access, on the same case', () => {
  const timeline = async () => (await admin(`/admin/cases/${id}`)).json;
  const waitFor = async (pred: (c: any) => boolean) => {
    let c: any;
    for (let i = 0; i < 60; i++) {
      c = await timeline();
      if (pred(c)) return c;
      await new Promise((r) => setTimeout(r, 150));
    }
    return c;
  };

  it('support: /case <id> shows the case with its whole timeline, internal note included', async () => {
    const text = await support.ask(`/case ${id}`);
    expect(text).toContain(id);
    expect(text).toContain('transporteur 7Q');
  });

  it('buyer: /case <id> and /cases show the case, never the internal note', async () => {
    const from = buyer.stream.events.length;
    const one = await buyer.ask(`/case ${id}`);
    expect(one, JSON.stringify(buyer.stream.events.slice(from - 2)).slice(0, 3000)).toContain(id);
    expect(one).not.toContain('transporteur 7Q');
    const all = await buyer.ask('/cases');
    expect(all).toContain(id);
  });

  it('nobody else reads or acts on the case: another buyer and another shop are refused, nothing changes', async () => {
    const joel = await openPane(bot.base, 'buyer', 'acc-joel');
    const lumiere = await openPane(bot.base, 'seller', 'acc-lumiere');
    outsiders.push(joel, lumiere);
    const before = await timeline();
    const read = [await joel.ask(`/case ${id}`), await lumiere.ask(`/case ${id}`)];
    for (const t of read) {
      expect(t).not.toContain('jamais arrivée');
      expect(t).not.toContain('transporteur 7Q');
      expect(t).not.toContain('Amina');
    }
    for (const [p, cmd] of [[joel, `/refund ${id} 50`], [joel, `/close ${id}`], [joel, `/escalate ${id}`], [lumiere, `/refund ${id}`], [lumiere, `/tracking ${id} dhl JD0142`], [joel, `/note ${id} intrus`]] as const) {
      const from = p.stream.events.length;
      await p.ask(cmd);
      // Any confirmation offered is pressed: it must still change nothing.
      await p.pressLabel(/Confirmer|Rembourser|Clore|Fermer|^Oui/i, from, 300).catch(() => undefined);
    }
    await new Promise((r) => setTimeout(r, 500));
    const after = await timeline();
    expect(after.version).toBe(before.version);
    expect(after.timeline.length).toBe(before.timeline.length);
    expect(after.refunded).toEqual(before.refunded);
    expect(after.status).toBe(before.status);
  });

  it('support: /escalate <id> with a French ground (inactivité) leaves the case escalated', async () => {
    await support.ask(`/escalate ${id} inactivité`);
    const c = await waitFor((x) => x.status === 'escalated');
    expect(c.status).toBe('escalated');
  });

  it('support: /take <id> makes the agent the owner (timeline), /cases mine lists it, /release hands it back', async () => {
    const before = (await timeline()).timeline.length;
    await support.ask(`/take ${id}`);
    const taken = await waitFor((x) => x.timeline.length > before);
    expect(JSON.stringify(taken.timeline.slice(before))).toContain('acc-support-1');
    expect(await support.ask('/cases mine')).toContain(id);
    const n = taken.timeline.length;
    await support.ask(`/release ${id}`);
    const released = await waitFor((x) => x.timeline.length > n);
    expect(released.timeline.length).toBeGreaterThan(n);
  });

  it('support: /ask <id> buyer <text> records info_requested and the buyer receives the question', async () => {
    const from = buyer.stream.events.length;
    await support.ask(`/ask ${id} buyer Pouvez-vous envoyer une photo du colis reçu ?`);
    const c = await waitFor((x) => x.timeline.some((e: any) => e.type === 'info_requested'));
    expect(c.timeline.some((e: any) => e.type === 'info_requested')).toBe(true);
    const e = await buyer.stream.until((x) => x.kind === 'bot' && buyer.botText(x).includes('photo du colis'), from, 8000);
    expect(buyer.botText(e)).toContain('photo du colis');
  });

  it('support: /decide <id> seller closes the case in the seller\'s favour', async () => {
    const from = support.stream.events.length;
    await support.ask(`/decide ${id} seller`);
    await support.pressLabel(/Confirmer|Clore|^Oui/i, from, 2000).catch(() => undefined);
    const c = await waitFor((x) => x.status === 'closed');
    expect(c.status).toBe('closed');
    expect(c.resolution).toBe('seller_favour');
  });

  it('support: /suspend <shop> <reason> and /reinstate <shop> by name; a buyer may not', async () => {
    const s1 = await support.ask('/suspend Bisou Créations retards répétés');
    expect(s1).toMatch(/Bisou/);
    const s2 = await support.ask('/reinstate Bisou Créations');
    expect(s2).toMatch(/Bisou/);
    expect(s2).not.toBe(s1);
    const b = await buyer.ask('/suspend Bisou Créations pour voir');
    expect(b).not.toBe(s1);
    expect(b).not.toMatch(/suspendu/i);
  });

  it('/help lists the commands; /lang en switches to English, /lang xx is refused with the four languages', async () => {
    const help = await telegramSay(bot.base, tg, TG_SECRET, 605, '/help');
    expect(help.texts.join('\n')).toMatch(/\/cases/);
    const en = await telegramSay(bot.base, tg, TG_SECRET, 605, '/lang en');
    expect(en.texts.join('\n')).toMatch(/English|language/i);
    const helpEn = await telegramSay(bot.base, tg, TG_SECRET, 605, '/help');
    expect(helpEn.texts.join('\n')).toMatch(/\b(case|cases|report|help)\b/i);
    expect(helpEn.texts.join('\n')).not.toBe(help.texts.join('\n'));
    const bad = await telegramSay(bot.base, tg, TG_SECRET, 605, '/lang xx');
    for (const l of ['fr', 'en', 'ln', 'sw']) expect(bad.texts.join('\n')).toMatch(new RegExp(`\\b${l}\\b`));
    const fr = await telegramSay(bot.base, tg, TG_SECRET, 605, '/lang fr');
    expect(fr.texts.length).toBeGreaterThan(0);
  });

  it('buyer: /report starts a report; /cancel leaves it', async () => {
    const r = await telegramSay(bot.base, tg, TG_SECRET, 605, '/report');
    expect(r.texts.join('\n').length).toBeGreaterThan(10);
    const c = await telegramSay(bot.base, tg, TG_SECRET, 605, '/cancel');
    expect(c.texts.join('\n').length).toBeGreaterThan(5);
  });
});
