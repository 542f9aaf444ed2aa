import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backendWorld, buttons, DAY } from './harness.js';
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
