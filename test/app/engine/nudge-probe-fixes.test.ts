import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALWAYS_OPEN } from '../../../src/domain/business-hours.js';
import { defaultPolicy } from '../../../src/domain/policy.js';
import { backendWorld, openCase } from './harness.js';

/**
 * Fixes found by the nudge probe (nudge-probe.test.ts), each checked in other words than the probe's.
 * A desk in another zone than DEFAULT_TIMEZONE: support's commands in the staff channel read the case's dates in
 * SUPPORT_TIMEZONE, as the nudges posted in that channel do (a support account that names its own zone keeps it).
 */
describe.each(['memory', 'redis'] as const)('nudge probe fixes (%s)', (kind) => {
  const world = backendWorld(kind, { beforeAll, afterAll });
  const nairobiDesk = { ...defaultPolicy, supportCalendar: { ...ALWAYS_OPEN, zone: 'Africa/Nairobi' } };

  it('/case in the staff channel shows the desk its own time (12:00 in Nairobi), a buyer still hers (10:00 in Kinshasa)', async () => {
    const w = await world({ policy: nairobiDesk });
    const caseId = await openCase(w, 'CC-1001', 'non_delivery');
    const desk = await w.user({ account: 'acc-support-1', conversationId: 'staff-group', isPrivate: false, isStaffChannel: true });
    await desk.command(`/case ${caseId}`);
    expect(desk.read()).toContain('10 novembre 2026 à 12:00');
    const buyer = await w.user({ account: 'acc-amina' });
    await buyer.command(`/case ${caseId}`);
    expect(buyer.read()).toContain('10 novembre 2026 à 10:00');
  });
});
