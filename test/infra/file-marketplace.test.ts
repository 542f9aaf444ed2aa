import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoMarketplaceData } from '../../src/infra/demo-marketplace.js';
import { createDataMarketplace, loadFileMarketplace, parseMarketplaceData } from '../../src/infra/file-marketplace.js';

/** SPEC section 6's example file. */
function specExample(): Record<string, unknown> {
  return {
    accounts: [
      { id: 'acc-amina', name: 'Amina K.', roles: ['buyer'], locale: 'fr', timezone: 'Africa/Kinshasa' },
      { id: 'acc-bisou', name: 'Bisou Créations', roles: ['seller'], locale: 'fr' },
      { id: 'acc-support-1', name: 'Support Congocrea', roles: ['support'], locale: 'fr' },
    ],
    shops: [
      { id: 'shop-bisou', ownerId: 'acc-bisou', name: 'Bisou Créations', country: 'CD', policies: { refunds: true, returns: true, returnWindowDays: 14, exchanges: false } },
    ],
    orders: [
      {
        id: 'CC-1001', buyerId: 'acc-amina', shopId: 'shop-bisou',
        items: [{ listingId: 'L-77', title: 'Pagne wax 6 yards', quantity: 2, unitPrice: { amount: 25000, currency: 'CDF' } }],
        total: { amount: 50000, currency: 'CDF' }, payment: { method: 'mobile_money', viaMarketplace: true },
        placedAt: '2026-10-01T09:00:00Z', processingDays: 3, shippedAt: '2026-10-03T15:00:00Z', estimatedDeliveryAt: '2026-10-20T00:00:00Z',
        shippingAddress: { name: 'Amina K.', line1: '12 av. de la Paix', city: 'Kinshasa', postalCode: '', country: 'CD' }, tracking: null,
      },
    ],
    tracking: [{ carrier: 'dhl', number: 'JD0142', events: [{ at: '2026-10-18T10:00:00Z', status: 'delivered', city: 'Kinshasa', country: 'CD' }] }],
  };
}

function writeTemp(content: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'palabre-mkt-')), 'marketplace.json');
  writeFileSync(file, content);
  return file;
}

describe('file marketplace', () => {
  it('reads SPEC section 6 as written', async () => {
    const m = await loadFileMarketplace(writeTemp(JSON.stringify(specExample())));
    expect((await m.account('acc-amina'))?.timezone).toBe('Africa/Kinshasa');
    expect((await m.shopsOfOwner('acc-bisou')).map((s) => s.id)).toEqual(['shop-bisou']);
    expect((await m.ordersOfBuyer('acc-amina')).map((o) => o.id)).toEqual(['CC-1001']);
    expect(await m.order('CC-404')).toBeNull();
    expect((await m.tracking('DHL', 'jd 0142'))?.events[0]?.status).toBe('delivered');
    expect(await m.tracking('dhl', 'NOPE')).toBeNull();
  });

  it('names the field of a bad value', () => {
    const data = specExample();
    const orders = data.orders as { total: { currency: string } }[];
    orders[0]!.total.currency = 'francs';
    expect(() => parseMarketplaceData(data)).toThrow(/^MARKETPLACE_DATA: orders\[0\]\.total\.currency: /);
  });

  it('names a missing field', () => {
    const data = specExample();
    delete (data.orders as Record<string, unknown>[])[0]!.placedAt;
    expect(() => parseMarketplaceData(data)).toThrow(/^MARKETPLACE_DATA: orders\[0\]\.placedAt: /);
  });

  it('names a broken reference and a duplicate id, one line each', () => {
    const data = specExample();
    (data.orders as Record<string, unknown>[])[0]!.shopId = 'shop-ghost';
    (data.accounts as unknown[]).push({ id: 'acc-amina', name: 'Autre', roles: ['buyer'] });
    expect(() => parseMarketplaceData(data)).toThrow(
      ['MARKETPLACE_DATA: accounts[3].id: duplicate id "acc-amina"', 'MARKETPLACE_DATA: orders[0].shopId: no shop "shop-ghost"'].join('\n'),
    );
  });

  it('says when the file is missing or not JSON', async () => {
    await expect(loadFileMarketplace('/nonexistent/palabre.json')).rejects.toThrow(/^MARKETPLACE_DATA: cannot read/);
    await expect(loadFileMarketplace(writeTemp('{ "accounts": '))).rejects.toThrow(/^MARKETPLACE_DATA: .* is not valid JSON/);
  });

  it('records refunds on the order, once per id, never beyond the total', async () => {
    const m = createDataMarketplace(parseMarketplaceData(specExample()));
    const refund = { id: 'C-000001-2', orderId: 'CC-1001', amount: { amount: 20000, currency: 'CDF' }, by: 'seller' as const, recover: false, caseId: 'C-000001', at: '2026-10-22T09:00:00.000Z' };
    await m.refund(refund);
    await m.refund(refund);
    expect(await m.refunds('CC-1001')).toEqual([refund]);
    await expect(m.refund({ ...refund, id: 'C-000001-3', amount: { amount: 30001, currency: 'CDF' } })).rejects.toMatchObject({ code: 'REFUND_TOO_LARGE' });
    await expect(m.refund({ ...refund, id: 'C-000001-4', amount: { amount: 100, currency: 'USD' } })).rejects.toMatchObject({ code: 'CURRENCY_MISMATCH' });
    await expect(m.refund({ ...refund, orderId: 'CC-404' })).rejects.toMatchObject({ code: 'ORDER_NOT_FOUND' });
    expect(await m.refunds('CC-1001')).toHaveLength(1);
  });

  it('hands out copies: a caller changing an order changes nothing', async () => {
    const m = createDataMarketplace(demoMarketplaceData(new Date('2026-11-02T10:00:00Z')));
    const o = (await m.order('CC-1001'))!;
    const title = o.items[0]!.title;
    o.total.amount = 1;
    o.items[0]!.title = 'changed';
    o.items.push(o.items[0]!);
    const again = (await m.order('CC-1001'))!;
    expect(again.total.amount).not.toBe(1);
    expect(again.items.map((i) => i.title)).toEqual([title]);
    expect((await m.shop(again.shopId))!.policies).not.toBe((await m.shop(again.shopId))!.policies);

    const record = { id: 'C-000001-2', orderId: 'CC-1001', amount: { amount: 100, currency: again.total.currency }, by: 'seller' as const, recover: false, at: '2026-11-02T10:00:00.000Z' };
    await m.refund(record);
    record.amount.amount = 999;
    expect((await m.refunds('CC-1001')).map((r) => r.amount.amount)).toEqual([100]);
  });
});
