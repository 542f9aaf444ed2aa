import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseBusinessHours, type WeeklyHours } from '../../../src/domain/business-hours.js';
import { parsePolicy, type Policy } from '../../../src/domain/policy.js';
import type { Account } from '../../../src/domain/types.js';
import { holidayPredicate } from '../../../src/infra/holidays.js';
import { backendWorld, buttons, openCase, type World } from './harness.js';

// Kinshasa's desk, Mon-Fri 08:00-17:00, DRC holidays, an 8-hour SLA. START is Tuesday 10 November 2026, 10:00 in Kinshasa.
const POLICY: Policy = {
  ...parsePolicy({ POLICY_SUPPORT_SLA: 'PT8H' }),
  supportCalendar: { hours: parseBusinessHours('Mon-Fri 08:00-17:00') as WeeklyHours, zone: 'Africa/Kinshasa', isHoliday: holidayPredicate({ country: 'CD', dates: [] }) },
};
// A second agent, in Lubumbashi, reading English.
const NADIA: Account = { id: 'acc-support-2', name: 'Nadia', roles: ['support'], locale: 'en', timezone: 'Africa/Lubumbashi' };
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

async function desk(w: World) {
  const agent = await w.user({ account: 'acc-support-1', userId: 'sup1', conversationId: 'staff-group', isPrivate: false, isStaffChannel: true });
  const nadia = await w.user({ account: 'acc-support-2', userId: 'sup2', conversationId: 'staff-group', isPrivate: false, isStaffChannel: true });
  return { agent, nadia };
}

async function escalated(w: World, orderId = 'CC-1001'): Promise<string> {
  const caseId = await openCase(w, orderId, 'non_delivery');
  await w.cases.act({ accountId: 'acc-support-1', platform: 'telegram' }, caseId, { type: 'Escalate', ground: 'inactivity' });
  return caseId;
}

describe.each(['memory', 'redis'] as const)('the support desk (%s)', (kind) => {
  const world = backendWorld(kind, { beforeAll, afterAll });
  const make = () => world({ policy: POLICY, extraAccounts: [NADIA] });

  it('« Je prends » on the staff card makes the agent the owner; the card and the timeline say who', async () => {
    const w = await make();
    const caseId = await escalated(w);
    const { agent } = await desk(w);
    await agent.command(`/case ${caseId}`);
    expect(buttons(agent.last)).toContain('desk-action-take');
    expect(agent.read()).toContain('Responsable : personne pour l’instant');
    await agent.press('desk-action-take');
    expect(agent.ids()).toEqual(['desk-done-assigned']);
    expect(agent.read()).toContain('Responsable : Support Congocrea');
    expect(buttons(agent.last)).not.toContain('desk-action-take');
    expect((await w.store.load(caseId))!.owner).toMatchObject({ accountId: 'acc-support-1', name: 'Support Congocrea' });
    await agent.command(`/case ${caseId}`);
    expect(agent.ids()).toContain('desk-timeline-assigned');
    expect(agent.read()).toContain('pris en charge par Support Congocrea');
    // The rest of the desk hears of it in the staff channel.
    const told = (await w.outbox(caseId)).filter((n) => 'support' in n.to).at(-1)!;
    expect(told.body[0]).toMatchObject({ id: 'desk-notify-assigned', args: { owner: 'Support Congocrea' } });
  });

  it('/take, /release and /cases mine: one owner at a time, and each agent lists their own', async () => {
    const w = await make();
    const first = await escalated(w, 'CC-1001');
    const second = await escalated(w, 'CC-1002');
    const { agent, nadia } = await desk(w);

    await agent.command(`/take ${first}`);
    expect(agent.ids()).toEqual(['desk-done-assigned']);
    await nadia.command(`/take ${first}`);
    expect(nadia.ids()).toEqual(['error-case-already-taken']);
    expect(nadia.read()).toContain('already owned by Support Congocrea');
    await nadia.command(`/release ${first}`);
    expect(nadia.ids()).toEqual(['error-not-case-owner']);
    const version = (await w.store.load(first))!.version;

    await nadia.command(`/take ${second}`);
    await agent.command('/cases mine');
    expect(agent.ids()).toEqual(['desk-mine-title', 'desk-mine-line']);
    expect(agent.read()).toContain(first);
    expect(agent.read()).not.toContain(second);
    await nadia.command('/cases mine');
    expect(nadia.read()).toContain(second);
    expect(nadia.read()).not.toContain(first);
    // The French word the help gives (`miens`) is the same list, not the agent's cases as a party (none).
    await agent.command('/cases miens');
    expect(agent.ids()).toEqual(['desk-mine-title', 'desk-mine-line']);
    expect(agent.read()).toContain(first);

    await agent.command(`/release ${first}`);
    expect(agent.ids()).toEqual(['desk-done-released']);
    expect((await w.store.load(first))!.version).toBe(version + 1);
    await agent.command('/cases mine');
    expect(agent.ids()).toEqual(['desk-mine-none']);
    await nadia.command(`/take ${first}`);
    expect(nadia.ids()).toEqual(['desk-done-assigned']);
    expect((await w.store.load(first))!.owner?.accountId).toBe('acc-support-2');
  });

  it('/take and /release name the case as the other support commands do: its number, its short number or its order', async () => {
    const w = await make();
    const caseId = await escalated(w, 'CC-1002');
    const { agent } = await desk(w);
    for (const [take, release] of [['CC-1002', '1002'], [String(Number(caseId.slice(2))), caseId.toLowerCase()]]) {
      await agent.command(`/take ${take}`);
      expect(agent.ids(), take).toEqual(['desk-done-assigned']);
      expect((await w.store.load(caseId))!.owner?.accountId).toBe('acc-support-1');
      await agent.command(`/release ${release}`);
      expect(agent.ids(), release).toEqual(['desk-done-released']);
      expect((await w.store.load(caseId))!.owner ?? null).toBeNull();
    }
  });

  it('bad input is refused and changes nothing: no case number, an unknown case, a buyer, a DM, an open case', async () => {
    const w = await make();
    const caseId = await escalated(w);
    const open = await openCase(w, 'CC-1002', 'non_delivery');
    const { agent } = await desk(w);
    await agent.command('/take');
    expect(agent.ids()).toEqual(['desk-usage']);
    await agent.command('/take C-999999');
    expect(agent.ids()).toEqual(['error-case-not-found']);
    await agent.command(`/take ${open}`);
    expect(agent.ids()).toEqual(['error-not-escalated']);
    const buyer = await w.user({ account: 'acc-amina' });
    await buyer.command(`/take ${caseId}`);
    expect(buyer.ids()).toEqual(['error-support-only']);
    const dm = await w.user({ account: 'acc-support-1', platform: 'discord', userId: 'sup-dm' });
    await dm.command(`/take ${caseId}`);
    expect(dm.ids()).toEqual(['error-support-only']);
    await dm.command('/cases mine');
    // Outside the staff channel, /cases mine is the account's own cases as a party (none).
    expect(dm.ids()).toEqual(['engine-cases-none']);
    expect((await w.store.load(caseId))!.owner ?? null).toBeNull();
    expect((await w.store.load(open))!.version).toBe(1);
  });

  it('each escalated card shows the business time left, in the agent’s language', async () => {
    const w = await make();
    const caseId = await escalated(w);
    const { agent, nadia } = await desk(w);
    // Tuesday 10:00 + 8 business hours is Wednesday 09:00; 4 h 40 later, 3 h 20 are left.
    w.clock.advance(4 * HOUR + 40 * MINUTE);
    await agent.command(`/case ${caseId}`);
    expect(agent.read()).toContain('À traiter dans 3 h 20 min (heures ouvrées)');
    await nadia.command(`/case ${caseId}`);
    expect(nadia.read()).toContain('Due in 3 h 20 min (business hours)');
    // At 23:00 the day's last 2 h 20 (14:40 → 17:00) are gone, and the night counts nothing: 1 h is left (no « 1 h 00 », which reads as a time of day).
    w.clock.advance(8 * HOUR + 20 * MINUTE); // 23:00 Kinshasa
    await agent.command(`/case ${caseId}`);
    expect(agent.read()).toContain('À traiter dans 1 h (heures ouvrées)');
    w.clock.advance(11 * HOUR); // Wednesday 10:00
    await agent.command(`/case ${caseId}`);
    expect(agent.read()).toContain('En retard de 1 h (heures ouvrées)');
  });

  it('/cases overdue uses the business-hours due time (fake clock)', async () => {
    const w = await make();
    const caseId = await escalated(w);
    const { agent } = await desk(w);
    // Thirteen wall-clock hours later (Tuesday 23:00), well past 8 h, but only 7 business hours have passed.
    w.clock.advance(13 * HOUR);
    await agent.command('/cases overdue');
    expect(agent.ids()).toEqual(['engine-cases-none']);
    w.clock.advance(9 * HOUR + 59 * MINUTE); // Wednesday 08:59
    await agent.command('/cases overdue');
    expect(agent.ids()).toEqual(['engine-cases-none']);
    w.clock.advance(MINUTE); // Wednesday 09:00: due
    await agent.command('/cases overdue');
    expect(agent.ids()).toEqual(['engine-cases-title', 'engine-case-line']);
    expect(agent.read()).toContain(caseId);
    // Support's first action answers it: no longer overdue.
    await agent.command(`/note ${caseId} On regarde.`);
    await agent.command('/cases overdue');
    expect(agent.ids()).toEqual(['engine-cases-none']);
  });
});
