import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backendWorld, buttons, DAY, openCase } from './harness.js';
import { asksWhatTheySaid } from '../../../src/app/engine/typed-answers.js';
import type { OutMessage } from '../../../src/ports/turn.js';

/**
 * One test per defect the days probe found (test/app/engine/days-probe.test.ts: conversations whose turns are days
 * apart), each in other words than the probe's.
 */

const ids = (replies: OutMessage[]) => replies.flatMap((o) => o.body.map((b) => b.id));
const HOUR = 3600_000;

describe.each(['memory', 'redis'] as const)('a report left for hours is offered back to a greeting or /start (%s)', (kind) => {
  const world = backendWorld(kind, { beforeAll, afterAll });

  it('"hello" five hours after the reason was proposed: greeted, the report on CC-1005 offered back, resumed where it was', async () => {
    const w = await world();
    const s = await w.user({ account: 'acc-amina' });
    await s.command('/lang en');
    await s.text('the bogolan shirt 1005 never came');
    expect(ids(s.last)).toContain('engine-report-reason-proposed');
    w.clock.advance(5 * HOUR);
    await s.text('hello');
    expect(ids(s.last)).toEqual(expect.arrayContaining(['engine-welcome', 'buyer-flow-resume-offer']));
    expect(s.read()).toContain('CC-1005');
    expect(ids(s.last)).not.toContain('engine-report-which-order');
    await s.press('buyer-flow-choice-resume');
    expect(ids(s.last)).toContain('engine-report-reason-proposed');
    expect(s.read()).toContain('CC-1005');
  });

  it('« mbote » in Lingala twenty hours later: offered back in Lingala; « Laisser » leaves it', async () => {
    const w = await world();
    const s = await w.user({ account: 'acc-amina' });
    await s.command('/lang ln');
    await s.text('sac 1002 ezali te lokola na foto');
    w.clock.advance(20 * HOUR);
    await s.text('mbote');
    expect(ids(s.last)).toContain('buyer-flow-resume-offer');
    expect(s.last.every((o) => o.locale === 'ln')).toBe(true);
    await s.press('buyer-flow-choice-leave');
    expect(ids(s.last)).toContain('buyer-flow-left');
  });

  it('/start six hours later offers it back; the report\'s own older button has then expired', async () => {
    const w = await world();
    const s = await w.user({ account: 'acc-amina' });
    await s.text("le pagne 1001 n'est jamais arrivé");
    const yes = s.token('engine-choice-yes-reason');
    w.clock.advance(6 * HOUR);
    await s.command('/start');
    expect(ids(s.last)).toContain('buyer-flow-resume-offer');
    expect(s.read()).toContain('CC-1001');
    await s.pressToken(yes);
    expect(ids(s.last)).not.toContain('engine-report-eligible');
  });

  it('a day and more later, a greeting starts afresh (nothing offered back)', async () => {
    const w = await world();
    const s = await w.user({ account: 'acc-amina' });
    await s.text("le pagne 1001 n'est jamais arrivé");
    w.clock.advance(DAY + 2 * HOUR);
    await s.text('bonsoir');
    expect(ids(s.last)).not.toContain('buyer-flow-resume-offer');
    expect(buttons(s.last)).not.toContain('buyer-flow-choice-resume');
  });
});

describe('« il a répondu ? » about a case: answered by the bot, not offered to the seller (typed-answers)', () => {
  it('reads whether-answered questions in the four languages, and not news told in the same words', () => {
    for (const q of ['le vendeur a répondu ou pas ?', "est-ce qu'elle a réagi ?", 'toujours pas de réponse ?', 'has the shop answered yet?', 'any news from the seller?', 'hajajibu bado?', 'muuzaji amejibu?', 'moteki azongisi eyano ?']) {
      expect(asksWhatTheySaid(q), q).toBe(true);
    }
    for (const s of ['il a répondu que le colis part lundi', 'he replied it ships on monday', 'toujours rien reçu', 'ma commande 1001 est pas arrivée']) {
      expect(asksWhatTheySaid(s), s).toBe(false);
    }
  });
});

describe('« il a répondu ? » about a case (engine)', () => {
  const world = backendWorld('memory', { beforeAll, afterAll });

  it('the seller silent on day 1: told so, with the day the buyer may escalate; nothing offered to be sent, nothing relayed', async () => {
    const w = await world();
    const id = await openCase(w, 'CC-1002', 'not_as_described');
    const s = await w.user({ account: 'acc-amina' });
    w.clock.advance(DAY);
    const before = (await w.outbox(id)).length;
    await s.text('le vendeur a répondu ou pas ?');
    expect(ids(s.last)).toEqual(expect.arrayContaining(['buyer-flow-seller-silent', 'buyer-flow-case-next']));
    expect(ids(s.last)).not.toContain('engine-buyer-words-not-sent');
    expect(s.read()).toMatch(/13 novembre 2026/);
    expect((await w.outbox(id)).length).toBe(before);
  });

  it('after the escalation time, in Swahili: still silent, and escalation is open now', async () => {
    const w = await world();
    await openCase(w, 'CC-1002', 'not_as_described');
    const s = await w.user({ account: 'acc-amina' });
    await s.command('/lang sw');
    w.clock.advance(4 * DAY);
    await s.text('hajajibu bado?');
    const next = s.last.flatMap((o) => o.body).find((b) => b.id === 'buyer-flow-case-next');
    expect(next?.args?.when).toBe('now');
    expect(s.last.every((o) => o.locale === 'sw')).toBe(true);
  });

  it('once the seller has written, "did the seller reply?" shows his last message', async () => {
    const w = await world();
    const id = await openCase(w, 'CC-1002', 'not_as_described');
    await w.cases.act({ accountId: 'acc-bisou', platform: 'telegram' }, id, { type: 'Comment', text: 'Je vous envoie le bon sac demain.' });
    const s = await w.user({ account: 'acc-amina' });
    await s.command('/lang en');
    w.clock.advance(2 * DAY);
    await s.text('did the seller reply?');
    expect(ids(s.last)).toContain('buyer-flow-seller-said');
    expect(s.read()).toContain('Je vous envoie le bon sac demain.');
  });
});

describe('a closing contested days later is told as of its date, not « just closed » (engine)', () => {
  const world = backendWorld('memory', { beforeAll, afterAll });
  const refundAll = async (w: Awaited<ReturnType<typeof world>>, id: string) =>
    w.cases.act({ accountId: 'acc-bisou', platform: 'telegram' }, id, { type: 'Refund' });

  it('six days after the refund: "was closed on November 11", and until when a check may be asked', async () => {
    const w = await world();
    const id = await openCase(w, 'CC-1005', 'non_delivery');
    const s = await w.user({ account: 'acc-amina' });
    await s.command('/lang en');
    w.clock.advance(DAY);
    await refundAll(w, id);
    expect((await w.store.load(id))?.status).toBe('closed');
    w.clock.advance(6 * DAY);
    await s.text("but I still haven't received anything");
    expect(ids(s.last)).toContain('buyer-flow-just-closed');
    expect(s.read()).toMatch(/was closed on November 11, 2026/);
    expect(s.read()).toMatch(/before December 11, 2026/);
    expect(s.read()).not.toMatch(/has just closed/);
  });

  it('an hour after the refund, in Swahili: « imefungwa sasa hivi »', async () => {
    const w = await world();
    const id = await openCase(w, 'CC-1005', 'non_delivery');
    const s = await w.user({ account: 'acc-amina' });
    await s.command('/lang sw');
    await refundAll(w, id);
    w.clock.advance(3600_000);
    await s.text('mbona sijapokea kitu?');
    expect(ids(s.last)).toContain('buyer-flow-just-closed');
    expect(s.read()).toContain('imefungwa sasa hivi');
  });
});

describe('the parcel came, said with nothing under way any more (engine)', () => {
  const world = backendWorld('memory', { beforeAll, afterAll });

  for (const [lang, words] of [
    ['fr', "ah finalement je l'ai reçu hier, merci"],
    ['en', 'oh it arrived in the meantime, thanks'],
    ['sw', 'imefika tayari, asante'],
  ] as const) {
    it(`« ${words} » four days after a report was left: glad, no « which order? », nothing sent (${lang})`, async () => {
      const w = await world();
      const s = await w.user({ account: 'acc-amina' });
      await s.command(`/lang ${lang}`);
      await s.text(lang === 'fr' ? 'la commande 1001 est pas arrivée' : lang === 'en' ? 'order 1001 never came' : 'oda 1001 haijafika');
      w.clock.advance(4 * DAY);
      await s.text(words);
      expect(ids(s.last)).toEqual(['buyer-flow-came']);
      expect(s.last.every((o) => o.locale === lang)).toBe(true);
      expect(w.relayed).toHaveLength(0);
    });
  }

  it('« il est arrivé cassé » is still a problem', async () => {
    const w = await world();
    const s = await w.user({ account: 'acc-amina' });
    await s.text('le sac 1002 est arrivé cassé');
    expect(ids(s.last)).not.toContain('buyer-flow-came');
  });
});
