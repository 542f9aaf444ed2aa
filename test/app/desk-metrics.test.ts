import { afterEach, describe, expect, it } from 'vitest';
import { deskFigures, quantile } from '../../src/app/desk-metrics.js';
import { parseBusinessHours, type WeeklyHours } from '../../src/domain/business-hours.js';
import { fold } from '../../src/domain/decider.js';
import { parsePolicy } from '../../src/domain/policy.js';
import { composeTestApp, type TestApp } from '../support/app.js';
import { escalatedCase, OPENED_AT, play, shift } from '../domain/support.js';

const policy = {
  ...parsePolicy({ POLICY_SUPPORT_SLA: 'PT8H' }),
  supportCalendar: { hours: parseBusinessHours('Mon-Fri 08:00-17:00') as WeeklyHours, zone: 'Africa/Kinshasa', isHoliday: () => false },
};

describe('desk metrics: escalated open, overdue, median and p90 business time to first support action', () => {
  it('counts from the cases, in business hours', () => {
    // Escalated Wednesday 21 October 2026 at 10:00 Kinshasa; answered after 1, 2, 3 and 7 business hours, one never.
    const answered = [1, 2, 3, 7].map((h, i) => ({
      ...fold(play(escalatedCase(), [[{ type: 'Note', text: 'vu' }, { as: 'support', now: shift(OPENED_AT, `PT${1 + h}H`) }]])),
      id: `C-00000${i + 1}`,
    }));
    const waiting = { ...fold(escalatedCase()), id: 'C-000009' };
    const f = deskFigures([...answered, waiting], policy, '2026-10-22T12:00:00.000Z'); // Thursday 13:00: the unanswered one is late
    expect(f).toEqual({ escalatedOpen: 5, overdue: 1, firstResponseP50: 2 * 3600, firstResponseP90: 7 * 3600 });
  });

  it('a night does not count: escalated at 10:00, answered the next morning at 09:00 is eight business hours', () => {
    const c = fold(play(escalatedCase(), [[{ type: 'Note', text: 'vu' }, { as: 'support', now: '2026-10-22T08:00:00.000Z' }]]));
    expect(deskFigures([c], policy, '2026-10-22T09:00:00.000Z').firstResponseP50).toBe(8 * 3600); // 10:00→17:00 is 7 h, 08:00→09:00 1 h
    expect(quantile([], 0.5)).toBeNull();
    expect(quantile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBe(9);
  });

  describe('on /metrics', () => {
    let app: TestApp | null = null;
    afterEach(async () => {
      await app?.close();
      app = null;
    });

    it('exports the desk gauges at scrape time', async () => {
      app = await composeTestApp({ env: { POLICY_SUPPORT_SLA: 'PT8H' } });
      const { p } = app;
      const support = { accountId: 'acc-support-1', platform: 'telegram' as const };
      const a = (await p.cases.open({ accountId: 'acc-amina', platform: 'telegram' }, { orderId: 'CC-1001', reason: 'non_delivery', description: 'Rien reçu.' })).case.id;
      await p.cases.act(support, a, { type: 'Escalate', ground: 'inactivity' });
      await p.cases.act(support, a, { type: 'Take', name: 'Support Congocrea' });
      const body = (await p.http.inject({ method: 'GET', url: '/metrics' })).body;
      expect(body).toContain('palabre_desk_escalated_open 1');
      expect(body).toContain('palabre_desk_overdue 0');
      expect(body).toMatch(/palabre_desk_first_response_business_seconds\{quantile="0\.5"\} \d+/);
      expect(body).toMatch(/palabre_desk_first_response_business_seconds\{quantile="0\.9"\} \d+/);
    });
  });
});
