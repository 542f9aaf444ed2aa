import { describe, expect, it } from 'vitest';
import { formatDate, formatMoney } from '../../src/app/format.js';
import { createI18n } from '../../src/app/i18n.js';
import { renderMessage } from '../../src/app/render.js';
import { TELEGRAM_CAPABILITIES } from '../../adapters/telegram/capabilities.js';
import type { CaseCard, OutMessage } from '../../src/ports/turn.js';

const i18n = createI18n('locales');

const card: CaseCard = {
  caseId: 'C-000007',
  orderId: 'CC-1002',
  orderTitle: 'Sac en raphia tressé',
  shopName: 'Bisou Créations',
  reason: 'not_as_described',
  status: 'closed',
  resolution: 'refunded',
  description: 'x'.repeat(500),
  total: { amount: 4_500_000, currency: 'CDF' },
  refunded: { amount: 4_500_000, currency: 'CDF' },
  openedAt: '2026-11-01T08:00:00Z',
  escalatableAt: '2026-11-04T08:00:00Z',
  escalatedAt: null,
  closedAt: '2026-11-02T08:00:00Z',
  lateDelivery: false,
  trackingMismatch: true,
  viewerRole: 'buyer',
  actions: [{ label: { id: 'engine-action-photo' }, token: 't1' }],
};

describe('renderMessage', () => {
  it('joins paragraphs, labels buttons (secondary unless styled) and lays out the card', () => {
    const out: OutMessage = {
      target: { conversationId: 'c' },
      locale: 'en',
      timezone: 'Africa/Kinshasa',
      body: [{ id: 'engine-done-refund', args: { amount: { money: { amount: 100, currency: 'CDF' } }, recover: 'no' } }, { id: 'engine-done-closed', args: { resolution: 'refunded' } }],
      choices: [{ label: { id: 'engine-choice-confirm' }, token: 'tok', style: 'primary' }, { label: { id: 'engine-choice-back' }, token: 'tok2' }],
      card,
    };
    const r = renderMessage(out, i18n, TELEGRAM_CAPABILITIES);
    expect(r.text).toBe(`Refund of ${formatMoney({ amount: 100, currency: 'CDF' }, 'en')} recorded.\n\nThe case is closed: refunded by the seller.`);
    expect(r.choices).toEqual([
      { label: 'Confirm', token: 'tok', style: 'primary' },
      { label: 'Back', token: 'tok2', style: 'secondary' },
    ]);
    expect(r.card!.title).toBe('Case C-000007 · Sac en raphia tressé');
    expect(r.card!.lines[0]).toBe(`Order CC-1002 · Bisou Créations · ${formatMoney(card.total, 'en')}`);
    expect(r.card!.lines).toContain('Status: closed (refunded by the seller)');
    expect(r.card!.lines).toContain(`Closed ${formatDate(card.closedAt!, 'en', 'Africa/Kinshasa', 'datetime')}`);
    expect(r.card!.lines.find((l) => l.startsWith('Closed'))).toMatch(/November 2, 2026 at 9:00/);
    expect(r.card!.lines).toContain('⚠ Tracking shows delivery somewhere other than the order\'s address.');
    expect(r.card!.lines.at(-1)).toBe('You are the buyer on this case.');
    // A long description is clipped on the card.
    expect(r.card!.lines.find((l) => l.startsWith('Description'))!.length).toBeLessThan(320);
    expect(r.card!.actions).toEqual([{ label: 'Add a photo', token: 't1', style: 'secondary' }]);
  });

  it('shows the escalation date only while the case is open', () => {
    const open = renderMessage({ target: { conversationId: 'c' }, locale: 'fr', timezone: 'Africa/Kinshasa', body: [], card: { ...card, status: 'open', resolution: null, closedAt: null } }, i18n, TELEGRAM_CAPABILITIES);
    expect(open.text).toBe('');
    expect(open.card!.lines).toContain('Statut : ouvert');
    expect(open.card!.lines.some((l) => l.startsWith('Transmission au support possible à partir du 4 novembre 2026'))).toBe(true);
  });
});
