import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDate } from '../../../src/app/format.js';
import { testRedis, type TestRedis } from '../../support/redis.js';
import { nudgeWorld, type NudgeWorld, type Speaker } from './nudge-probe-world.js';

/**
 * A blind probe of the time rules and the deadline nudges (SPEC section 1, its "Deadline nudges", sections 4 and 6;
 * docs/rules.md, docs/configuration.md), written from SPEC, README, docs/, the locales and the test harness before
 * reading the engine. Each scenario is a whole conversation with the clock moving between turns; it checks what the
 * people notice: the dates the buyer is shown (in their time zone: Kinshasa UTC+1, Nairobi UTC+3, Paris with its
 * DST change), business days skipping weekends, the case window's first and last day; each nudge arriving once, at
 * its time, in its recipient's language and zone; no nudge after the case changed; the buyer's Escalate action only
 * when allowed; the late-delivery flag; support's SLA in business hours; configuration overrides.
 *
 * The world (nudge-probe-world.ts) wires the engine, the case service and the nudges as src/compose.ts does, with a
 * scheduler run by hand as the clock moves. Cases start on Tuesday 2026-11-10 09:00Z (10:00 Kinshasa, 12:00 Nairobi,
 * 10:00 Paris), their orders estimated for 1 November (a case window from 2 November to 9 February 2027 inclusive).
 */

const S = '2026-11-10T09:00:00.000Z';
const H = 3600_000;
const D = 24 * H;
const at = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString();

type Make = (opts: { start: string; env?: Record<string, string> }) => Promise<NudgeWorld>;

const why = (...ss: Speaker[]) => `\n${ss.flatMap((s) => s.log).join('\n')}`;

/** The buyer tells a problem; a proposed reason is confirmed. */
async function report(s: Speaker, text: string) {
  await s.text(text);
  if (s.ids().includes('engine-report-reason-proposed')) await s.press('engine-choice-yes-reason');
}

/** The buyer goes on as a person would until the case opens; returns its id. */
async function openFrom(w: NudgeWorld, s: Speaker, text: string, orderId: string): Promise<string> {
  await report(s, text);
  for (let step = 0; step < 6; step++) {
    for (let i = 1; i <= 5; i++) {
      const id = `C-${String(i).padStart(6, '0')}`;
      if ((await w.store.load(id))?.orderId === orderId) return id;
    }
    const l = s.labels();
    if (l.includes('buyer-flow-choice-open-now')) await s.press('buyer-flow-choice-open-now');
    else if (l.includes('engine-choice-open-case')) await s.press('engine-choice-open-case');
    else if (l.includes('engine-choice-yes-reason')) await s.press('engine-choice-yes-reason');
    else if (s.ids().includes('engine-report-ask-description')) await s.text(`Toujours rien reçu pour ${orderId}.`);
    else expect.fail(`no way on to a case on ${orderId}${why(s)}`);
  }
  expect.fail(`no case opened on ${orderId}${why(s)}`);
}

/** Opens a case straight through the case service (the buyer's conversation is not the subject). */
async function open(w: NudgeWorld, buyer: string, orderId: string): Promise<string> {
  const { case: c } = await w.cases.open({ accountId: buyer, platform: 'telegram' }, { orderId, reason: 'non_delivery', description: 'Rien reçu.' });
  return c.id;
}

/** A party answers in the case from its card. */
async function answer(s: Speaker, caseId: string, text: string, role: 'buyer' | 'seller') {
  await s.command(`/case ${caseId}`);
  await s.press(role === 'seller' ? 'engine-action-reply-to-buyer' : 'engine-action-reply-to-seller');
  await s.text(text);
}

async function confirmIfAsked(s: Speaker) {
  if (s.labels().includes('engine-choice-confirm')) await s.press('engine-choice-confirm');
}

const count = async (w: NudgeWorld, to: string, id: string) => (await w.to(to, id)).length;

function scenarios(make: Make, only?: Set<string>) {
  const t = (name: string, fn: () => Promise<void>) => {
    if (only && !only.has(name.slice(0, 3))) return;
    it(name, { timeout: 30_000 }, fn);
  };

  // ——— The case window: dates in the buyer's time zone ———

  t('e01 docs example: 3 + 4 business days from Wed 7 Oct: too early on Fri 16 (from 17 Oct), then open until 24 Jan 2027', async () => {
    const w = await make({ start: '2026-10-16T12:00:00Z' });
    const s = await w.user('acc-amina');
    await report(s, "ma commande CC-3001 n'est jamais arrivée");
    expect(s.read(), why(s)).toContain('16 octobre 2026');
    expect(s.read(), why(s)).toContain('17 octobre 2026');
    expect(s.labels(), `no case offered${why(s)}`).not.toContain('buyer-flow-choice-open-now');
    await w.advanceTo('2026-10-16T23:05:00Z');
    await report(s, "ma commande CC-3001 n'est toujours pas arrivée");
    expect(s.ids(), why(s)).not.toContain('engine-report-not-yet');
    expect(s.read(), `the last day, 100 days on${why(s)}`).toContain('24 janvier 2027');
  });

  t('e02 a shop in France: 3 + 10 business days, the estimate Mon 26 Oct, a case from Tue 27 Oct', async () => {
    const w = await make({ start: '2026-10-20T12:00:00Z' });
    const s = await w.user('acc-amina');
    await report(s, "ma commande CC-3002 n'est jamais arrivée");
    expect(s.read(), why(s)).toContain('26 octobre 2026');
    expect(s.read(), why(s)).toContain('27 octobre 2026');
  });

  t('e03 a shop with no processing time: 5 + 4 business days from Fri 9 Oct, the estimate Thu 22 Oct', async () => {
    const w = await make({ start: '2026-10-20T12:00:00Z' });
    const s = await w.user('acc-amina');
    await report(s, "ma commande CC-3003 n'est jamais arrivée");
    expect(s.read(), why(s)).toContain('22 octobre 2026');
    expect(s.read(), why(s)).toContain('23 octobre 2026');
  });

  t("e04 the order's processing days win over the shop's: 1 + 4 from Wed 7 Oct is Wed 14, a case from Thu 15", async () => {
    const w = await make({ start: '2026-10-14T12:00:00Z' });
    const s = await w.user('acc-amina');
    await report(s, "ma commande CC-3004 n'est jamais arrivée");
    expect(s.read(), why(s)).toContain('14 octobre 2026');
    expect(s.read(), why(s)).toContain('15 octobre 2026');
  });

  t('e05 ordered at 00:30 Friday in Kinshasa (23:30Z Thursday): business days counted from her Friday, a case from Wed 21 Oct', async () => {
    const w = await make({ start: '2026-10-20T12:00:00Z' });
    const s = await w.user('acc-amina');
    await report(s, "ma commande CC-3005 n'est jamais arrivée");
    expect(s.ids(), `still too early on the 20th${why(s)}`).toContain('engine-report-not-yet');
    expect(s.read(), why(s)).toContain('20 octobre 2026');
    expect(s.read(), why(s)).toContain('21 octobre 2026');
  });

  t('e06 one estimate instant (15 Nov 22:30Z): open in Kinshasa on the 16th, too early in Nairobi (its 16th), from 17 Novemba', async () => {
    const w = await make({ start: '2026-11-16T12:00:00Z' });
    const amina = await w.user('acc-amina');
    await report(amina, "ma commande CC-3101 n'est jamais arrivée");
    expect(amina.ids(), why(amina)).not.toContain('engine-report-not-yet');
    const wanjiru = await w.user('acc-wanjiru');
    await report(wanjiru, 'oda yangu CC-3102 haijafika');
    expect(wanjiru.ids(), why(wanjiru)).toContain('engine-report-not-yet');
    expect(wanjiru.read(), why(wanjiru)).toContain('17 Novemba 2026');
  });

  t('e07 Paris, an estimate at midnight UTC (20 Nov): too early at 23:30 Paris on the 20th, open at 00:05 on the 21st', async () => {
    const w = await make({ start: '2026-11-20T22:30:00Z' });
    const s = await w.user('acc-claire');
    await report(s, "ma commande CC-3201 n'est jamais arrivée");
    expect(s.ids(), why(s)).toContain('engine-report-not-yet');
    expect(s.read(), why(s)).toContain('21 novembre 2026');
    await w.advanceTo('2026-11-20T23:05:00Z');
    await report(s, "ma commande CC-3201 n'est toujours pas arrivée");
    expect(s.ids(), why(s)).not.toContain('engine-report-not-yet');
  });

  t('e08 the last day in Kinshasa (9 Nov): still open at 23:30 her time, closed at 00:30 with the last day and the seller offered', async () => {
    const w = await make({ start: '2026-11-09T22:30:00Z' });
    const s = await w.user('acc-amina');
    await report(s, "ma commande CC-3301 n'est jamais arrivée");
    expect(s.ids(), why(s)).not.toContain('engine-report-window-closed');
    expect(s.read(), why(s)).toContain('9 novembre 2026');
    await w.advanceTo('2026-11-09T23:30:00Z');
    await s.command('/cancel');
    await report(s, "ma commande CC-3301 n'est toujours pas arrivée");
    expect(s.ids(), why(s)).toContain('engine-report-window-closed');
    expect(s.read(), `the last day said${why(s)}`).toContain('9 novembre 2026');
    expect(s.labels(), `the seller offered instead${why(s)}`).toContain('engine-choice-message-seller');
  });

  t('e09 Paris across the October DST change: 100 days from 21 July end on 28 October inclusive, 23:30 Paris still open', async () => {
    const w = await make({ start: '2026-10-28T22:30:00Z' });
    const s = await w.user('acc-claire');
    await report(s, "ma commande CC-3202 n'est jamais arrivée");
    expect(s.ids(), why(s)).not.toContain('engine-report-window-closed');
    expect(s.read(), why(s)).toContain('28 octobre 2026');
    await w.advanceTo('2026-10-28T23:05:00Z');
    await s.command('/cancel');
    await report(s, "ma commande CC-3202 n'est toujours pas arrivée");
    expect(s.ids(), why(s)).toContain('engine-report-window-closed');
  });

  t('e10 a Lingala buyer too early: the dates in Lingala', async () => {
    const w = await make({ start: '2026-11-12T12:00:00Z' });
    const s = await w.user('acc-mbala');
    await report(s, 'commande na ngai CC-3401 eyaki te');
    expect(s.ids(), why(s)).toContain('engine-report-not-yet');
    expect(s.read(), why(s)).toContain(formatDate('2026-11-21T00:00:00+01:00', 'ln', 'Africa/Kinshasa'));
  });

  // ——— Escalation: when the buyer may ———

  t('e11 Nairobi: opened at 01:30 her time, /escalate refused on the eve with 14 Novemba, no Escalate button; allowed after', async () => {
    const w = await make({ start: '2026-11-10T22:30:00Z' });
    const s = await w.user('acc-wanjiru');
    const id = await open(w, 'acc-wanjiru', 'CC-2201');
    await w.advanceTo('2026-11-13T21:00:00Z');
    await s.command(`/case ${id}`);
    expect(s.labels(), why(s)).not.toContain('engine-action-escalate');
    await s.command(`/escalate ${id}`);
    await confirmIfAsked(s);
    expect((await w.store.load(id))?.status, why(s)).toBe('open');
    expect(s.read(), `the date in her zone${why(s)}`).toContain('14 Novemba 2026');
    await w.advanceTo('2026-11-13T22:31:00Z');
    await s.command(`/case ${id}`);
    expect(s.labels(), why(s)).toContain('engine-action-escalate');
    await s.press('engine-action-escalate');
    await confirmIfAsked(s);
    expect((await w.store.load(id))?.status, why(s)).toBe('escalated');
  });

  t('e12 POLICY_ESCALATION_AFTER=P5D: refused on day 4 with 15 November; the buyer told on day 5, not before', async () => {
    const w = await make({ start: S, env: { POLICY_ESCALATION_AFTER: 'P5D' } });
    const s = await w.user('acc-amina');
    const id = await open(w, 'acc-amina', 'CC-2101');
    await w.advance(4 * D);
    await s.command(`/escalate ${id}`);
    await confirmIfAsked(s);
    expect((await w.store.load(id))?.status, why(s)).toBe('open');
    expect(s.read(), why(s)).toContain('15 novembre 2026');
    await w.advanceTo(at(S, 5 * D - 60_000));
    expect(await count(w, 'acc-amina', 'notify-escalation-open')).toBe(0);
    await w.advanceTo(at(S, 5 * D + 60_000));
    expect(await count(w, 'acc-amina', 'notify-escalation-open')).toBe(1);
  });

  // ——— The seller's nudges ———

  t('n01 the seller told at opening, with the deadline in his zone, once', async () => {
    const w = await make({ start: S });
    const s = await w.user('acc-amina');
    const id = await openFrom(w, s, "ma commande CC-2101 n'est jamais arrivée", 'CC-2101');
    const got = await w.to('acc-bisou', 'notify-case-opened');
    expect(got, why(s)).toHaveLength(1);
    expect(got[0]!.text, 'the escalation date on the card').toContain('13 novembre 2026');
    expect((await w.store.load(id))?.status).toBe('open');
  });

  t('n02 default reminders at 24 h and 48 h, each saying how long is left; none before, none after', async () => {
    const w = await make({ start: S });
    const id = await open(w, 'acc-amina', 'CC-2101');
    await w.advance(23 * H);
    expect(await count(w, 'acc-bisou', 'notify-seller-reminder')).toBe(0);
    await w.advanceTo(at(S, 24 * H + 60_000));
    let r = await w.to('acc-bisou', 'notify-seller-reminder');
    expect(r).toHaveLength(1);
    expect(r[0]!.text).toContain('2 jours');
    expect(r[0]!.text).toContain('13 novembre 2026');
    expect(r[0]!.text).toContain(id);
    await w.advanceTo(at(S, 48 * H + 60_000));
    r = await w.to('acc-bisou', 'notify-seller-reminder');
    expect(r).toHaveLength(2);
    expect(r[1]!.text).toMatch(/Il reste (1 jour|24 heures)/);
    await w.advance(5 * D);
    expect(await count(w, 'acc-bisou', 'notify-seller-reminder')).toBe(2);
  });

  t('n03 the seller answers after the first reminder: no second one; the buyer is still told at 72 h', async () => {
    const w = await make({ start: S });
    const seller = await w.user('acc-bisou');
    const id = await open(w, 'acc-amina', 'CC-2101');
    await w.advance(30 * H);
    await answer(seller, id, 'Bonjour, je vérifie avec le transporteur.', 'seller');
    expect((await w.store.load(id))!.timeline.some((e) => e.type === 'comment'), why(seller)).toBe(true);
    await w.advance(3 * D);
    expect(await count(w, 'acc-bisou', 'notify-seller-reminder')).toBe(1);
    expect(await count(w, 'acc-amina', 'notify-escalation-open')).toBe(1);
  });

  t('n04 POLICY_SELLER_REMINDERS=PT6H,PT12H,PT20H: three reminders at those times, the last with 2 days and 4 hours left', async () => {
    const w = await make({ start: S, env: { POLICY_SELLER_REMINDERS: 'PT6H,PT12H,PT20H' } });
    await open(w, 'acc-amina', 'CC-2101');
    await w.advance(5 * H);
    expect(await count(w, 'acc-bisou', 'notify-seller-reminder')).toBe(0);
    await w.advanceTo(at(S, 6 * H + 60_000));
    expect(await count(w, 'acc-bisou', 'notify-seller-reminder')).toBe(1);
    await w.advanceTo(at(S, 12 * H + 60_000));
    expect(await count(w, 'acc-bisou', 'notify-seller-reminder')).toBe(2);
    await w.advanceTo(at(S, 20 * H + 60_000));
    const r = await w.to('acc-bisou', 'notify-seller-reminder');
    expect(r).toHaveLength(3);
    expect(r[2]!.text).toContain('2 jours et 4 heures');
    await w.advance(4 * D);
    expect(await count(w, 'acc-bisou', 'notify-seller-reminder')).toBe(3);
  });

  t('n05 POLICY_SELLER_REMINDERS=PT24H,PT96H with escalation after 3 days: the 96 h reminder is not sent', async () => {
    const w = await make({ start: S, env: { POLICY_SELLER_REMINDERS: 'PT24H,PT96H' } });
    await open(w, 'acc-amina', 'CC-2101');
    await w.advance(6 * D);
    expect(await count(w, 'acc-bisou', 'notify-seller-reminder')).toBe(1);
  });

  t('n06 a Swahili seller in Nairobi: the reminder in Swahili, the escalation time in Nairobi time', async () => {
    const w = await make({ start: S });
    const id = await open(w, 'acc-wanjiru', 'CC-2201');
    const esc = (await w.store.load(id))!.escalatableAt;
    await w.advance(25 * H);
    const r = await w.to('acc-kamau', 'notify-seller-reminder');
    expect(r).toHaveLength(1);
    expect(r[0]!.text).toMatch(/^Kikumbusho/);
    expect(r[0]!.text).toContain('siku 2');
    expect(r[0]!.text).toContain(formatDate(esc, 'sw', 'Africa/Nairobi', 'datetime'));
    expect(r[0]!.text).toContain('12:00');
  });

  t('n07 a Lingala seller: the reminder in Lingala', async () => {
    const w = await make({ start: S });
    await open(w, 'acc-mbala', 'CC-2401');
    await w.advance(25 * H);
    const r = await w.to('acc-nkoy', 'notify-seller-reminder');
    expect(r).toHaveLength(1);
    expect(r[0]!.text).toMatch(/^Kokundola/);
    expect(r[0]!.text).toContain('mikolo 2');
  });

  t('n08 an English seller in Paris: the reminder in English, 10:00 AM Paris time', async () => {
    const w = await make({ start: S });
    const id = await open(w, 'acc-amina', 'CC-2301');
    const esc = (await w.store.load(id))!.escalatableAt;
    await w.advance(25 * H);
    const r = await w.to('acc-lumiere', 'notify-seller-reminder');
    expect(r).toHaveLength(1);
    expect(r[0]!.text).toMatch(/^Reminder/);
    expect(r[0]!.text).toContain(formatDate(esc, 'en', 'Europe/Paris', 'datetime'));
    expect(r[0]!.text).toContain('10:00');
  });

  t('n09 the buyer told at 72 h, with the Escalate action that works; before, no button and no nudge', async () => {
    const w = await make({ start: S });
    const s = await w.user('acc-amina');
    const id = await open(w, 'acc-amina', 'CC-2101');
    await w.advanceTo(at(S, 72 * H - 60_000));
    expect(await count(w, 'acc-amina', 'notify-escalation-open')).toBe(0);
    await s.command(`/case ${id}`);
    expect(s.labels(), why(s)).not.toContain('engine-action-escalate');
    await w.advanceTo(at(S, 72 * H + 60_000));
    const got = await w.to('acc-amina', 'notify-escalation-open');
    expect(got).toHaveLength(1);
    const action = got[0]!.out.card?.actions.find((a) => a.label.id === 'engine-action-escalate');
    expect(action, `an Escalate action on the nudge: ${got[0]!.text}`).toBeDefined();
    await s.pressToken(action!.token);
    await confirmIfAsked(s);
    expect((await w.store.load(id))?.status, why(s)).toBe('escalated');
    expect(await count(w, 'acc-bisou', 'notify-escalated'), 'the seller told of the escalation').toBe(1);
    await w.advance(3 * D);
    expect(await count(w, 'acc-amina', 'notify-escalation-open')).toBe(1);
  });

  t('n10 a Swahili buyer: « sasa unaweza kuipeleka kwa support », with the escalate button in Swahili', async () => {
    const w = await make({ start: S });
    await open(w, 'acc-wanjiru', 'CC-2201');
    await w.advance(73 * H);
    const got = await w.to('acc-wanjiru', 'notify-escalation-open');
    expect(got).toHaveLength(1);
    expect(got[0]!.text).toContain('sasa unaweza kuipeleka kwa support');
    expect(got[0]!.out.card?.actions.map((a) => a.label.id)).toContain('engine-action-escalate');
    expect(got[0]!.out.locale).toBe('sw');
  });

  t('n11 refunded in full at 50 h: no more reminders, no escalation nudge, no late-delivery flag a year on', async () => {
    const w = await make({ start: S });
    const seller = await w.user('acc-bisou');
    const id = await open(w, 'acc-amina', 'CC-2101');
    await w.advance(50 * H);
    await seller.command(`/refund ${id}`);
    await confirmIfAsked(seller);
    expect((await w.store.load(id))?.status, why(seller)).toBe('closed');
    await w.advance(400 * D);
    expect(await count(w, 'acc-bisou', 'notify-seller-reminder')).toBe(2);
    expect(await count(w, 'acc-amina', 'notify-escalation-open')).toBe(0);
    expect(await count(w, 'support', 'notify-late-delivery')).toBe(0);
    expect(await count(w, 'acc-bisou', 'notify-late-delivery')).toBe(0);
  });

  t('n12 support escalates at 30 h (inactivity): no 48 h reminder, no « you may escalate » to the buyer', async () => {
    const w = await make({ start: S });
    const staff = await w.user('acc-support', { staff: true });
    const id = await open(w, 'acc-amina', 'CC-2101');
    await w.advance(30 * H);
    await staff.command(`/escalate ${id} inactivity`);
    await confirmIfAsked(staff);
    expect((await w.store.load(id))?.status, why(staff)).toBe('escalated');
    await w.advance(3 * D);
    expect(await count(w, 'acc-bisou', 'notify-seller-reminder')).toBe(1);
    expect(await count(w, 'acc-amina', 'notify-escalation-open')).toBe(0);
    expect(await count(w, 'acc-bisou', 'notify-escalated'), 'the seller told of the escalation').toBe(1);
  });

  t('n13 the buyer closes satisfied at 10 h: nothing more to anyone', async () => {
    const w = await make({ start: S });
    const s = await w.user('acc-amina');
    const id = await open(w, 'acc-amina', 'CC-2101');
    await w.advance(10 * H);
    await s.command(`/close ${id}`);
    await confirmIfAsked(s);
    expect((await w.store.load(id))?.status, why(s)).toBe('closed');
    await w.advance(5 * D);
    expect(await count(w, 'acc-bisou', 'notify-seller-reminder')).toBe(0);
    expect(await count(w, 'acc-amina', 'notify-escalation-open')).toBe(0);
  });

  t('n14 an English seller in Paris told when escalated and when support asks him, in English', async () => {
    const w = await make({ start: S });
    const s = await w.user('acc-amina');
    const staff = await w.user('acc-support', { staff: true });
    const id = await open(w, 'acc-amina', 'CC-2301');
    await w.advance(73 * H);
    await s.command(`/escalate ${id}`);
    await confirmIfAsked(s);
    expect((await w.store.load(id))?.status, why(s)).toBe('escalated');
    const esc = await w.to('acc-lumiere', 'notify-escalated');
    expect(esc).toHaveLength(1);
    expect(esc[0]!.text).toMatch(/escalated|support/i);
    await staff.command(`/ask ${id} seller Please send the shipping receipt`);
    await confirmIfAsked(staff);
    const ask = await w.to('acc-lumiere', 'notify-info-requested');
    expect(ask, why(staff)).toHaveLength(1);
    expect(ask[0]!.text).toContain('Please send the shipping receipt');
    expect(ask[0]!.out.locale).toBe('en');
  });

  t('n15 the buyer writes at +2 h, the seller silent: nudged at +26 h with the day of her message, once', async () => {
    const w = await make({ start: S });
    const s = await w.user('acc-amina');
    const id = await open(w, 'acc-amina', 'CC-2101');
    await w.advance(2 * H);
    await answer(s, id, 'Bonjour, des nouvelles du colis ?', 'buyer');
    await w.advanceTo(at(S, 26 * H - 5 * 60_000));
    expect(await count(w, 'acc-bisou', 'notify-reply-due')).toBe(0);
    await w.advanceTo(at(S, 26 * H + 5 * 60_000));
    const got = await w.to('acc-bisou', 'notify-reply-due');
    expect(got, why(s)).toHaveLength(1);
    expect(got[0]!.text).toContain('10 novembre 2026');
    await w.advance(4 * D);
    expect(await count(w, 'acc-bisou', 'notify-reply-due')).toBe(1);
  });

  t('n16 the seller answers the buyer at +10 h: no reply nudge', async () => {
    const w = await make({ start: S });
    const s = await w.user('acc-amina');
    const seller = await w.user('acc-bisou');
    const id = await open(w, 'acc-amina', 'CC-2101');
    await w.advance(2 * H);
    await answer(s, id, 'Bonjour, des nouvelles du colis ?', 'buyer');
    await w.advance(8 * H);
    await answer(seller, id, 'Il est parti hier.', 'seller');
    await w.advance(2 * D);
    expect(await count(w, 'acc-bisou', 'notify-reply-due'), why(s, seller)).toBe(0);
  });

  t('n17 the buyer writes then closes the case at +20 h: no reply nudge', async () => {
    const w = await make({ start: S });
    const s = await w.user('acc-amina');
    const id = await open(w, 'acc-amina', 'CC-2101');
    await w.advance(2 * H);
    await answer(s, id, 'Bonjour, des nouvelles du colis ?', 'buyer');
    await w.advance(18 * H);
    await s.command(`/close ${id}`);
    await confirmIfAsked(s);
    expect((await w.store.load(id))?.status, why(s)).toBe('closed');
    await w.advance(2 * D);
    expect(await count(w, 'acc-bisou', 'notify-reply-due')).toBe(0);
  });

  t('n18 a seller asking support for help is still reminded (it does not stop the clocks)', async () => {
    const w = await make({ start: S });
    const seller = await w.user('acc-bisou');
    const id = await open(w, 'acc-amina', 'CC-2101');
    await w.advance(2 * H);
    await seller.command(`/case ${id}`);
    await seller.press('engine-action-support');
    await seller.text("Je ne comprends pas ce litige, le colis est parti");
    await w.advance(3 * D);
    expect(await count(w, 'acc-bisou', 'notify-seller-reminder'), why(seller)).toBe(2);
  });

  // ——— Support ———

  t('n19 POLICY_SUPPORT_SLA=PT8H: escalated Friday 17:30 Kinshasa, support nudged Monday 16:00, not before, once', async () => {
    const w = await make({ start: '2026-11-10T16:00:00Z', env: { POLICY_SUPPORT_SLA: 'PT8H' } });
    const s = await w.user('acc-amina');
    const id = await open(w, 'acc-amina', 'CC-2101');
    await w.advanceTo('2026-11-13T16:30:00Z');
    await s.command(`/escalate ${id}`);
    await confirmIfAsked(s);
    expect((await w.store.load(id))?.status, why(s)).toBe('escalated');
    await w.advanceTo('2026-11-16T14:50:00Z');
    expect(await count(w, 'support', 'notify-support-sla')).toBe(0);
    await w.advanceTo('2026-11-16T15:10:00Z');
    expect(await count(w, 'support', 'notify-support-sla')).toBe(1);
    await w.advanceTo('2026-11-20T15:10:00Z');
    expect(await count(w, 'support', 'notify-support-sla')).toBe(1);
  });

  t('n20 SUPPORT_HOLIDAYS=none,2026-11-16: the Monday off, the SLA nudge on Tuesday 16:00', async () => {
    const w = await make({ start: '2026-11-10T16:00:00Z', env: { POLICY_SUPPORT_SLA: 'PT8H', SUPPORT_HOLIDAYS: 'none,2026-11-16' } });
    const s = await w.user('acc-amina');
    const id = await open(w, 'acc-amina', 'CC-2101');
    await w.advanceTo('2026-11-13T16:30:00Z');
    await s.command(`/escalate ${id}`);
    await confirmIfAsked(s);
    await w.advanceTo('2026-11-17T14:50:00Z');
    expect(await count(w, 'support', 'notify-support-sla')).toBe(0);
    await w.advanceTo('2026-11-17T15:10:00Z');
    expect(await count(w, 'support', 'notify-support-sla')).toBe(1);
  });

  t('n21 support asks the seller on Monday morning: no SLA nudge', async () => {
    const w = await make({ start: '2026-11-10T16:00:00Z', env: { POLICY_SUPPORT_SLA: 'PT8H' } });
    const s = await w.user('acc-amina');
    const staff = await w.user('acc-support', { staff: true });
    const id = await open(w, 'acc-amina', 'CC-2101');
    await w.advanceTo('2026-11-13T16:30:00Z');
    await s.command(`/escalate ${id}`);
    await confirmIfAsked(s);
    await w.advanceTo('2026-11-16T09:00:00Z');
    await staff.command(`/ask ${id} seller Merci d'envoyer le reçu d'expédition`);
    await confirmIfAsked(staff);
    expect((await w.store.load(id))!.timeline.some((e) => e.type === 'info_requested'), why(staff)).toBe(true);
    await w.advanceTo('2026-11-20T15:10:00Z');
    expect(await count(w, 'support', 'notify-support-sla')).toBe(0);
  });

  t('n21b the seller answers support\'s question Monday 12:00 Kinshasa: the case waits for support again, nudged Tuesday 11:00, once', async () => {
    const w = await make({ start: '2026-11-10T16:00:00Z', env: { POLICY_SUPPORT_SLA: 'PT8H' } });
    const s = await w.user('acc-amina');
    const staff = await w.user('acc-support', { staff: true });
    const seller = await w.user('acc-bisou');
    const id = await open(w, 'acc-amina', 'CC-2101');
    await w.advanceTo('2026-11-13T16:30:00Z');
    await s.command(`/escalate ${id}`);
    await confirmIfAsked(s);
    await w.advanceTo('2026-11-16T08:00:00Z');
    await staff.command(`/ask ${id} seller Merci d'envoyer le reçu d'expédition`);
    await confirmIfAsked(staff);
    await w.advanceTo('2026-11-16T11:00:00Z');
    await seller.command(`/case ${id}`);
    await seller.text("Voici le numéro du reçu d'expédition : RX-55120, déposé le 3 novembre à Gombe.");
    // Words written beside the case's thread go with the button that sends them (support, who asked, reads them too).
    if (seller.labels().includes('engine-choice-send-to-buyer')) await seller.press('engine-choice-send-to-buyer');
    expect((await w.store.load(id))!.timeline.some((e) => e.type === 'comment' && e.actor.role === 'seller'), why(seller)).toBe(true);
    await w.advanceTo('2026-11-17T09:50:00Z');
    expect(await count(w, 'support', 'notify-support-sla')).toBe(0);
    await w.advanceTo('2026-11-17T10:10:00Z');
    expect(await count(w, 'support', 'notify-support-sla')).toBe(1);
    await w.advanceTo('2026-11-20T15:10:00Z');
    expect(await count(w, 'support', 'notify-support-sla')).toBe(1);
  });

  t('n22 a year unresolved: support and the seller told once that it is a late delivery', async () => {
    const w = await make({ start: S });
    const seller = await w.user('acc-bisou');
    const id = await open(w, 'acc-amina', 'CC-2101');
    await w.advance(1 * D);
    await answer(seller, id, 'Je cherche le colis.', 'seller');
    await w.advanceTo(at(S, 364 * D));
    expect(await count(w, 'support', 'notify-late-delivery')).toBe(0);
    await w.advanceTo(at(S, 365 * D + 60_000));
    expect(await count(w, 'support', 'notify-late-delivery')).toBe(1);
    const toSeller = await w.to('acc-bisou', 'notify-late-delivery');
    expect(toSeller).toHaveLength(1);
    expect(toSeller[0]!.text).toContain('10 novembre 2026');
    await w.advance(40 * D);
    expect(await count(w, 'support', 'notify-late-delivery')).toBe(1);
    expect(await count(w, 'acc-bisou', 'notify-late-delivery')).toBe(1);
  });

  t('n23 POLICY_MAX_CASE_AGE=P30D: the case refunded on day 20 is not flagged, the one left open is, on day 30', async () => {
    const w = await make({ start: S, env: { POLICY_MAX_CASE_AGE: 'P30D' } });
    const seller = await w.user('acc-bisou');
    const a = await open(w, 'acc-amina', 'CC-2101');
    const b = await open(w, 'acc-amina', 'CC-2102');
    await w.advance(20 * D);
    await seller.command(`/refund ${a}`);
    await confirmIfAsked(seller);
    expect((await w.store.load(a))?.status, why(seller)).toBe('closed');
    await w.advanceTo(at(S, 30 * D + 60_000));
    const flagged = await w.to('support', 'notify-late-delivery');
    expect(flagged.map((d) => d.n.caseId)).toEqual([b]);
    expect(await count(w, 'acc-bisou', 'notify-late-delivery')).toBe(1);
  });

  t('n24 a restart twice on the way: two reminders, one escalation nudge, nothing twice', async () => {
    const w = await make({ start: S });
    await open(w, 'acc-amina', 'CC-2101');
    await w.advance(25 * H);
    await w.restart();
    await w.advance(25 * H);
    await w.restart();
    await w.advance(5 * D);
    expect(await count(w, 'acc-bisou', 'notify-seller-reminder')).toBe(2);
    expect(await count(w, 'acc-amina', 'notify-escalation-open')).toBe(1);
    const ids = (await w.delivered()).map((d) => d.n.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  // ——— Order nudges (no case) ———

  t('n25 the window reminder 7 days before it closes: on 3 February 2027 00:00 Kinshasa, until 9 February, once', async () => {
    const w = await make({ start: S });
    const s = await w.user('acc-amina');
    await report(s, "ma commande CC-4001 n'est jamais arrivée");
    expect(s.read(), why(s)).toContain('9 février 2027');
    await w.advanceTo('2027-02-02T22:50:00Z');
    expect(await count(w, 'acc-amina', 'notify-window-closing'), why(s)).toBe(0);
    await w.advanceTo('2027-02-02T23:10:00Z');
    const got = await w.to('acc-amina', 'notify-window-closing');
    expect(got, why(s)).toHaveLength(1);
    expect(got[0]!.text).toContain('9 février 2027');
    expect(got[0]!.text).toContain('7 jours');
    await w.advanceTo('2027-02-12T00:00:00Z');
    expect(await count(w, 'acc-amina', 'notify-window-closing')).toBe(1);
  });

  t('n26 no window reminder once a case was opened on the order', async () => {
    const w = await make({ start: S });
    const s = await w.user('acc-amina');
    await report(s, "ma commande CC-4001 n'est jamais arrivée");
    await s.command('/cancel');
    await w.advance(10 * D);
    await openFrom(w, s, "toujours rien pour la commande CC-4001, je veux ouvrir un litige", 'CC-4001');
    await w.advanceTo('2027-02-12T00:00:00Z');
    expect(await count(w, 'acc-amina', 'notify-window-closing'), why(s)).toBe(0);
  });

  t('n27 a Swahili buyer in Nairobi: the window reminder on 3 Februari 00:00 Nairobi, in Swahili, until 9 Februari', async () => {
    const w = await make({ start: S });
    const s = await w.user('acc-wanjiru');
    await report(s, 'oda yangu CC-4002 haijafika');
    await w.advanceTo('2027-02-02T20:50:00Z');
    expect(await count(w, 'acc-wanjiru', 'notify-window-closing'), why(s)).toBe(0);
    await w.advanceTo('2027-02-02T21:10:00Z');
    const got = await w.to('acc-wanjiru', 'notify-window-closing');
    expect(got, why(s)).toHaveLength(1);
    expect(got[0]!.text).toContain('9 Februari 2027');
    expect(got[0]!.text).toContain('siku 7');
  });

  t('n28 POLICY_CASE_WINDOW=P30D, POLICY_WINDOW_REMINDER=P3D: open until 1 December, reminded on 29 November 00:00', async () => {
    const w = await make({ start: S, env: { POLICY_CASE_WINDOW: 'P30D', POLICY_WINDOW_REMINDER: 'P3D' } });
    const s = await w.user('acc-amina');
    await report(s, "ma commande CC-4001 n'est jamais arrivée");
    expect(s.read(), why(s)).toContain('1 décembre 2026');
    await w.advanceTo('2026-11-28T22:50:00Z');
    expect(await count(w, 'acc-amina', 'notify-window-closing'), why(s)).toBe(0);
    await w.advanceTo('2026-11-28T23:10:00Z');
    const got = await w.to('acc-amina', 'notify-window-closing');
    expect(got, why(s)).toHaveLength(1);
    expect(got[0]!.text).toContain('1 décembre 2026');
    expect(got[0]!.text).toContain('3 jours');
  });

  t('n29 unshipped at the end of 2 business days from Thursday: nothing over the weekend, the seller nudged by Tuesday, once', async () => {
    const w = await make({ start: '2026-11-05T10:00:00Z' });
    const s = await w.user('acc-amina');
    await s.text('où en est ma commande CC-5001 ?');
    expect(s.read(), why(s)).toContain('CC-5001');
    await w.advanceTo('2026-11-08T12:00:00Z');
    expect(await count(w, 'acc-bisou', 'notify-unshipped'), why(s)).toBe(0);
    await w.advanceTo('2026-11-10T12:00:00Z');
    const got = await w.to('acc-bisou', 'notify-unshipped');
    expect(got, why(s)).toHaveLength(1);
    expect(got[0]!.text).toContain('5 novembre 2026');
    await w.advanceTo('2026-11-25T12:00:00Z');
    expect(await count(w, 'acc-bisou', 'notify-unshipped')).toBe(1);
  });

  t('n30 a shipped order: no unshipped nudge', async () => {
    const w = await make({ start: '2026-11-05T10:00:00Z' });
    const s = await w.user('acc-amina');
    await s.text('où en est ma commande CC-5002 ?');
    await w.advanceTo('2026-11-20T12:00:00Z');
    expect(await count(w, 'acc-bisou', 'notify-unshipped'), why(s)).toBe(0);
  });

  t('n31 a Swahili seller: unshipped after 1 business day from Friday, told in Swahili on Monday night, not on the weekend', async () => {
    const w = await make({ start: '2026-11-06T10:00:00Z' });
    const s = await w.user('acc-wanjiru');
    await s.text('oda yangu CC-5003 iko wapi?');
    await w.advanceTo('2026-11-08T20:00:00Z');
    expect(await count(w, 'acc-kamau', 'notify-unshipped'), why(s)).toBe(0);
    await w.advanceTo('2026-11-10T12:00:00Z');
    const got = await w.to('acc-kamau', 'notify-unshipped');
    expect(got, why(s)).toHaveLength(1);
    expect(got[0]!.text).toContain('Oda CC-5003 ya 6 Novemba 2026');
  });

  t('n32 a buyer message about an order unanswered for 24 hours: the seller nudged once, with its day', async () => {
    const w = await make({ start: S });
    const s = await w.user('acc-amina');
    await report(s, "ma commande CC-6001 n'est jamais arrivée");
    expect(s.ids(), why(s)).toContain('engine-report-not-yet');
    expect(s.read(), why(s)).toContain('16 décembre 2026');
    await s.press('engine-choice-message-seller');
    await s.text('Bonjour, pouvez-vous me dire où en est le colis ?');
    if (s.labels().includes('engine-choice-send-to-seller')) await s.press('engine-choice-send-to-seller');
    expect(w.sent.some((n) => 'accountId' in n.to && n.to.accountId === 'acc-bisou' && n.orderId === 'CC-6001'), `relayed to the seller${why(s)}`).toBe(true);
    await w.advanceTo(at(S, 23 * H));
    expect(await count(w, 'acc-bisou', 'notify-order-reply-due')).toBe(0);
    await w.advanceTo(at(S, 24 * H + 10 * 60_000));
    const got = await w.to('acc-bisou', 'notify-order-reply-due');
    expect(got, why(s)).toHaveLength(1);
    expect(got[0]!.text).toContain('10 novembre 2026');
    await w.advance(3 * D);
    expect(await count(w, 'acc-bisou', 'notify-order-reply-due')).toBe(1);
  });

  // ——— Round 2 (written after the first run, still before reading src/): edges the first round let through ———

  t('x01 a case closed on day 2 and reopened by support on day 10 is still flagged a late delivery a year after opening', async () => {
    const w = await make({ start: S });
    const s = await w.user('acc-amina');
    const staff = await w.user('acc-support', { staff: true });
    const id = await open(w, 'acc-amina', 'CC-2101');
    await w.advance(2 * D);
    await s.command(`/close ${id}`);
    await confirmIfAsked(s);
    expect((await w.store.load(id))?.status, why(s)).toBe('closed');
    await w.advance(8 * D);
    await staff.command(`/reopen ${id}`);
    await confirmIfAsked(staff);
    expect((await w.store.load(id))?.status, why(staff)).toBe('open');
    await w.advanceTo(at(S, 365 * D + 60_000));
    expect(await count(w, 'support', 'notify-late-delivery'), why(staff)).toBe(1);
    expect(await count(w, 'acc-bisou', 'notify-late-delivery')).toBe(1);
  });

  t('x02 a problem reported 4 days before the window closes: never told « 7 jours » are left', async () => {
    const w = await make({ start: '2027-02-05T10:00:00Z' });
    const s = await w.user('acc-amina');
    await report(s, "ma commande CC-4001 n'est jamais arrivée");
    expect(s.read(), why(s)).toContain('9 février 2027');
    await w.advanceTo('2027-02-12T00:00:00Z');
    const got = await w.to('acc-amina', 'notify-window-closing');
    expect(got.length, why(s)).toBeLessThanOrEqual(1);
    for (const g of got) expect(g.text).not.toContain('7 jours');
  });

  t('x03 reported too early (messages the seller): reminded 7 days before the window closes, 19 March 2027 00:00, until 25 March', async () => {
    const w = await make({ start: S });
    const s = await w.user('acc-amina');
    await report(s, "ma commande CC-6001 n'est jamais arrivée");
    expect(s.ids(), why(s)).toContain('engine-report-not-yet');
    await s.press('engine-choice-message-seller');
    await s.text('Bonjour, le colis est parti ?');
    if (s.labels().includes('engine-choice-send-to-seller')) await s.press('engine-choice-send-to-seller');
    await w.advanceTo('2027-03-18T22:50:00Z');
    expect(await count(w, 'acc-amina', 'notify-window-closing'), why(s)).toBe(0);
    await w.advanceTo('2027-03-18T23:10:00Z');
    const got = await w.to('acc-amina', 'notify-window-closing');
    expect(got, why(s)).toHaveLength(1);
    expect(got[0]!.text).toContain('25 mars 2027');
  });

  t('x04 the same order reported twice, ten days apart: one window reminder', async () => {
    const w = await make({ start: S });
    const s = await w.user('acc-amina');
    await report(s, "ma commande CC-4001 n'est jamais arrivée");
    await s.command('/cancel');
    await w.advance(10 * D);
    await report(s, "je reviens pour la commande CC-4001, toujours rien");
    await s.command('/cancel');
    await w.advanceTo('2027-02-12T00:00:00Z');
    expect(await count(w, 'acc-amina', 'notify-window-closing'), why(s)).toBe(1);
  });

  t('x05 a case opened on the reported order and refunded since: no window reminder', async () => {
    const w = await make({ start: S });
    const s = await w.user('acc-amina');
    const seller = await w.user('acc-bisou');
    await report(s, "ma commande CC-4001 n'est jamais arrivée");
    await s.command('/cancel');
    await w.advance(D);
    const id = await openFrom(w, s, "toujours pas reçu la commande CC-4001, je veux ouvrir un litige", 'CC-4001');
    await w.advance(D);
    await seller.command(`/refund ${id}`);
    await confirmIfAsked(seller);
    expect((await w.store.load(id))?.status, why(seller)).toBe('closed');
    await w.advanceTo('2027-02-12T00:00:00Z');
    expect(await count(w, 'acc-amina', 'notify-window-closing'), why(s)).toBe(0);
  });

  t('x06 the buyer writes twice (+2 h, +5 h), the seller silent: one reply nudge, at +26 h, since her first message', async () => {
    const w = await make({ start: S });
    const s = await w.user('acc-amina');
    const id = await open(w, 'acc-amina', 'CC-2101');
    await w.advance(2 * H);
    await answer(s, id, 'Bonjour, des nouvelles ?', 'buyer');
    await w.advance(3 * H);
    await answer(s, id, 'Allo ? Toujours rien.', 'buyer');
    await w.advanceTo(at(S, 26 * H + 10 * 60_000));
    const got = await w.to('acc-bisou', 'notify-reply-due');
    expect(got, why(s)).toHaveLength(1);
    expect(got[0]!.text).toContain('10 novembre 2026 à 12:00');
    await w.advance(3 * D);
    expect(await count(w, 'acc-bisou', 'notify-reply-due')).toBe(1);
  });

  t('x07 the default support SLA (24 business hours) from Tuesday 10:00 Kinshasa: Thursday 16:00, not before', async () => {
    const w = await make({ start: '2026-11-14T09:00:00Z' });
    const s = await w.user('acc-amina');
    const id = await open(w, 'acc-amina', 'CC-2101');
    await w.advanceTo('2026-11-17T09:01:00Z');
    await s.command(`/escalate ${id}`);
    await confirmIfAsked(s);
    expect((await w.store.load(id))?.status, why(s)).toBe('escalated');
    await w.advanceTo('2026-11-19T14:50:00Z');
    expect(await count(w, 'support', 'notify-support-sla')).toBe(0);
    await w.advanceTo('2026-11-19T15:10:00Z');
    expect(await count(w, 'support', 'notify-support-sla')).toBe(1);
  });

  t('x08 a Paris desk across the DST change: escalated Friday 17:30 CEST, the 8 h SLA due Monday 16:00 CET (15:00Z)', async () => {
    const w = await make({ start: '2026-10-20T15:00:00Z', env: { POLICY_SUPPORT_SLA: 'PT8H', SUPPORT_TIMEZONE: 'Europe/Paris' } });
    const s = await w.user('acc-claire');
    const id = await open(w, 'acc-claire', 'CC-3202');
    await w.advanceTo('2026-10-23T15:30:00Z');
    await s.command(`/escalate ${id}`);
    await confirmIfAsked(s);
    expect((await w.store.load(id))?.status, why(s)).toBe('escalated');
    await w.advanceTo('2026-10-26T14:50:00Z');
    expect(await count(w, 'support', 'notify-support-sla')).toBe(0);
    await w.advanceTo('2026-10-26T15:10:00Z');
    expect(await count(w, 'support', 'notify-support-sla')).toBe(1);
  });

  t('x09 a Paris desk reads its nudges in its own time: the escalation at 17:30 (UTC+2), not Kinshasa\'s 16:30', async () => {
    const w = await make({ start: '2026-10-20T15:00:00Z', env: { POLICY_SUPPORT_SLA: 'PT8H', SUPPORT_TIMEZONE: 'Europe/Paris' } });
    const s = await w.user('acc-claire');
    const id = await open(w, 'acc-claire', 'CC-3202');
    await w.advanceTo('2026-10-23T15:30:00Z');
    await s.command(`/escalate ${id}`);
    await confirmIfAsked(s);
    await w.advanceTo('2026-10-26T15:10:00Z');
    const got = await w.to('support', 'notify-support-sla');
    expect(got).toHaveLength(1);
    expect(got[0]!.text).toContain('23 octobre 2026 à 17:30');
  });

  t('x10 shipped on Friday, before its processing time ended: no unshipped nudge on Monday', async () => {
    const w = await make({ start: '2026-11-05T10:00:00Z' });
    const s = await w.user('acc-amina');
    await s.text('où en est ma commande CC-5001 ?');
    await w.advanceTo('2026-11-06T12:00:00Z');
    await w.changeOrder('CC-5001', { shippedAt: '2026-11-06T11:00:00Z' });
    await w.advanceTo('2026-11-12T12:00:00Z');
    expect(await count(w, 'acc-bisou', 'notify-unshipped'), why(s)).toBe(0);
  });

  t('x11 the seller answers the buyer\'s order message within the day: no reply nudge', async () => {
    const w = await make({ start: S });
    const s = await w.user('acc-amina');
    const seller = await w.user('acc-bisou');
    await report(s, "ma commande CC-6001 n'est jamais arrivée");
    await s.press('engine-choice-message-seller');
    await s.text('Bonjour, pouvez-vous me dire où en est le colis ?');
    if (s.labels().includes('engine-choice-send-to-seller')) await s.press('engine-choice-send-to-seller');
    const relayed = (await w.to('acc-bisou', 'engine-relay-quote')).concat((await w.delivered()).filter((d) => d.n.orderId === 'CC-6001' && 'accountId' in d.n.to && d.n.to.accountId === 'acc-bisou'));
    const button = relayed.flatMap((d) => [...(d.out.choices ?? []), ...(d.out.card?.actions ?? [])])[0];
    expect(button, `a button to answer on the relayed message${why(s)}`).toBeDefined();
    await w.advance(3 * H);
    await seller.pressToken(button!.token);
    await seller.text('Bonjour, il part demain matin.');
    expect(w.sent.some((n) => 'accountId' in n.to && n.to.accountId === 'acc-amina' && n.orderId === 'CC-6001'), `the answer reached the buyer${why(seller)}`).toBe(true);
    await w.advance(3 * D);
    expect(await count(w, 'acc-bisou', 'notify-order-reply-due'), why(s, seller)).toBe(0);
  });

  t('x12 a buyer who switched to English is told in English that she may escalate', async () => {
    const w = await make({ start: S });
    const s = await w.user('acc-amina');
    await s.command('/lang en');
    await open(w, 'acc-amina', 'CC-2101');
    await w.advance(73 * H);
    const got = await w.to('acc-amina', 'notify-escalation-open');
    expect(got).toHaveLength(1);
    expect(got[0]!.text).toContain('you can now escalate it to support');
  });

  t('x13 escalated and never decided: support and the seller told of the late delivery a year after opening, once', async () => {
    const w = await make({ start: S });
    const s = await w.user('acc-amina');
    const id = await open(w, 'acc-amina', 'CC-2101');
    await w.advance(73 * H);
    await s.command(`/escalate ${id}`);
    await confirmIfAsked(s);
    await w.advance(400 * D);
    expect(await count(w, 'support', 'notify-late-delivery')).toBe(1);
    expect(await count(w, 'acc-bisou', 'notify-late-delivery')).toBe(1);
  });

  t('x14 Paris buyer, window across DST: reminded at 00:00 Paris on 22 October (21 Oct 22:00Z), until 28 October', async () => {
    const w = await make({ start: '2026-10-15T10:00:00Z' });
    const s = await w.user('acc-claire');
    await report(s, "ma commande CC-3202 n'est jamais arrivée");
    expect(s.read(), why(s)).toContain('28 octobre 2026');
    await w.advanceTo('2026-10-21T21:50:00Z');
    expect(await count(w, 'acc-claire', 'notify-window-closing'), why(s)).toBe(0);
    await w.advanceTo('2026-10-21T22:10:00Z');
    const got = await w.to('acc-claire', 'notify-window-closing');
    expect(got, why(s)).toHaveLength(1);
    expect(got[0]!.text).toContain('28 octobre 2026');
    expect(got[0]!.text).toContain('7 jours');
  });

  t('x15 the seller told at opening in Swahili, the deadline in Nairobi time', async () => {
    const w = await make({ start: S });
    const s = await w.user('acc-wanjiru');
    await openFrom(w, s, 'oda yangu CC-2201 haijafika kabisa', 'CC-2201');
    const got = await w.to('acc-kamau', 'notify-case-opened');
    expect(got, why(s)).toHaveLength(1);
    expect(got[0]!.text).toContain('13 Novemba 2026, 12:00');
    expect(got[0]!.out.locale).toBe('sw');
  });

  // ——— Round 3 (written after reading src/) ———

  t('x16 a buyer in New York: the estimate is her 20 November, a case from her midnight (05:00Z), the last day 28 February, reminded on her 22 February', async () => {
    const w = await make({ start: '2026-11-21T03:00:00Z' });
    const s = await w.user('acc-maya');
    await report(s, 'my order CC-3501 never arrived');
    expect(s.ids(), why(s)).toContain('engine-report-not-yet');
    expect(s.read(), why(s)).toContain('November 20, 2026');
    expect(s.read(), why(s)).toContain('November 21, 2026');
    await w.advanceTo('2026-11-21T05:10:00Z');
    await s.command('/cancel');
    await report(s, 'my order CC-3501 still has not arrived');
    expect(s.ids(), why(s)).not.toContain('engine-report-not-yet');
    expect(s.read(), why(s)).toContain('February 28, 2027');
    await w.advanceTo('2027-02-22T04:50:00Z');
    expect(await count(w, 'acc-maya', 'notify-window-closing'), why(s)).toBe(0);
    await w.advanceTo('2027-02-22T05:10:00Z');
    const got = await w.to('acc-maya', 'notify-window-closing');
    expect(got, why(s)).toHaveLength(1);
    expect(got[0]!.text).toContain('February 28, 2027');
    expect(got[0]!.text).toContain('7 days');
  });
}

const byHand = process.env.PALABRE_PROBE_ALL === '1';

describe('nudge probe: time rules and deadline nudges (memory)', () => {
  scenarios(({ start, env }) => nudgeWorld({ kind: 'memory' }, { start, ...(env ? { env } : {}) }));
});

const ON_REDIS = new Set(['n01', 'n02', 'n04', 'n09', 'n15', 'n22', 'n25', 'n29']);

describe('nudge probe: time rules and deadline nudges (redis)', () => {
  let r: TestRedis | undefined;
  beforeAll(async () => {
    r = await testRedis();
  });
  afterAll(async () => {
    await r?.cleanup();
  });
  scenarios(({ start, env }) => nudgeWorld({ kind: 'redis', redis: r!.redis, prefix: r!.prefix }, { start, ...(env ? { env } : {}) }), byHand ? undefined : ON_REDIS);
});
