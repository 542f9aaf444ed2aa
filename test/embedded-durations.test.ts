import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { composePalabre, type Palabre } from '../src/compose.js';
import { silentLogger } from '../src/ports/logger.js';

const DAY = 86_400_000;

describe('the embedded mode (no REDIS_URL) keeps SPEC section 1’s durations', () => {
  let palabre: Palabre | undefined;
  afterEach(async () => {
    await palabre?.close();
  });

  it('a case opened with nothing configured may be escalated 3 days later and is late after 365 days, as /admin/cases shows', async () => {
    palabre = await composePalabre({ config: loadConfig({ LOG_LEVEL: 'silent', ADMIN_TOKEN: 'admin-token-0123456789' }), logger: silentLogger });
    const { case: opened } = await palabre.cases.open({ accountId: 'acc-amina', platform: 'web' }, { orderId: 'CC-1001', reason: 'non_delivery', description: 'Jamais reçue.' });
    const res = await palabre.http.inject({ method: 'GET', url: `/admin/cases/${opened.id}`, headers: { authorization: 'Bearer admin-token-0123456789' } });
    const c = res.json();
    expect(Date.parse(c.escalatableAt) - Date.parse(c.openedAt)).toBe(3 * DAY);
    expect(Date.parse(c.lateAt) - Date.parse(c.openedAt)).toBe(365 * DAY);
  });

  it('DEMO_TIME_SCALE=1440 still shortens them for a demo: escalation after 3 minutes', async () => {
    palabre = await composePalabre({ config: loadConfig({ LOG_LEVEL: 'silent', DEMO_TIME_SCALE: '1440' }), logger: silentLogger });
    const { case: opened } = await palabre.cases.open({ accountId: 'acc-amina', platform: 'web' }, { orderId: 'CC-1001', reason: 'non_delivery', description: 'Jamais reçue.' });
    expect(Date.parse(opened.escalatableAt) - Date.parse(opened.openedAt)).toBe(3 * 60_000);
  });
});
