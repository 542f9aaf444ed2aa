import { describe, expect, it } from 'vitest';
import type { CaseCommand } from '../../src/domain/case-model.js';
import type { Role } from '../../src/domain/types.js';
import { escalatedCase, given, makeOrder, opened, play } from './support.js';

const blob = { id: 'b-1', contentType: 'image/jpeg', size: 100 };

describe('The seller works the case with the buyer: comments, photos and files', () => {
  it.each(['buyer', 'seller', 'support'] as const)('%s comments; the text is trimmed', (as) => {
    given(opened()).when({ type: 'Comment', text: '  Bonjour, je regarde.  ' }, { as }).then([{ type: 'comment', text: 'Bonjour, je regarde.' }]);
  });

  it('the scheduler does not comment: NOT_YOUR_CASE', () => {
    given(opened()).when({ type: 'Comment', text: 'x' }, { as: 'system' }).thenError('NOT_YOUR_CASE');
  });

  it('comments are 1..12,300 characters', () => {
    given(opened()).when({ type: 'Comment', text: ' \t ' }).thenError('TEXT_EMPTY');
    given(opened()).when({ type: 'Comment', text: 'é'.repeat(12_300) }).then([{ type: 'comment' }]);
    given(opened()).when({ type: 'Comment', text: 'é'.repeat(12_301) }).thenError('TEXT_TOO_LONG', { max: 12_300, length: 12_301 });
  });

  it('a correction of an edited comment is a new comment naming the one it corrects', () => {
    given(opened()).when({ type: 'Comment', text: 'parti mardi', correctionOf: '2026-11-02T10:00:00.000Z' }).then([{ type: 'comment', text: 'parti mardi', correctionOf: '2026-11-02T10:00:00.000Z' }]);
  });

  it.each(['photo', 'file'] as const)('buyer and seller add a %s, with an optional caption', (kind) => {
    given(opened()).when({ type: 'AddEvidence', kind, blob, caption: ' Le carton ' }).then([{ type: 'evidence', kind, blob, caption: 'Le carton' }]);
    given(opened()).when({ type: 'AddEvidence', kind, blob }, { as: 'seller' }).then([{ type: 'evidence', kind }]);
  });

  it('photos carry no address check', () => {
    const [e] = given(opened()).when({ type: 'AddEvidence', kind: 'photo', blob }).then([{ type: 'evidence' }]).timeline.slice(-1);
    expect(e).not.toHaveProperty('addressMatches');
  });

  it('evidence needs a file or a caption; support does not add evidence (BUYER_ONLY)', () => {
    given(opened()).when({ type: 'AddEvidence', kind: 'photo' }).thenError('VALIDATION');
    given(opened()).when({ type: 'AddEvidence', kind: 'photo', blob }, { as: 'support' }).thenError('BUYER_ONLY');
  });
});

describe('Anything on a closed case except reopening and notes: CASE_CLOSED', () => {
  const address = makeOrder().shippingAddress;
  const closed = play(opened(), [[{ type: 'BuyerClose' }]]);
  const attempts: Array<[CaseCommand, Role]> = [
    [{ type: 'Comment', text: 'Encore là ?' }, 'buyer'],
    [{ type: 'Comment', text: 'Encore là ?' }, 'seller'],
    [{ type: 'AddEvidence', kind: 'photo', blob }, 'buyer'],
    [{ type: 'AddEvidence', kind: 'shipping_receipt', blob }, 'seller'],
    [{ type: 'AddTracking', carrier: 'dhl', number: 'X', info: null, shippingAddress: address }, 'seller'],
    [{ type: 'Refund' }, 'seller'],
    [{ type: 'Refund' }, 'support'],
    [{ type: 'BuyerClose' }, 'buyer'],
    [{ type: 'Escalate' }, 'buyer'],
    [{ type: 'Escalate', ground: 'integrity' }, 'support'],
    [{ type: 'AskInfo', from: 'buyer', text: '?' }, 'support'],
    [{ type: 'DecideForSeller' }, 'support'],
    [{ type: 'FlagLateDelivery' }, 'system'],
    [{ type: 'RecordReminder', nudge: 'seller_reminder', to: 'seller', nudgeId: 'n-1' }, 'system'],
  ];
  it.each(attempts)('%o by %s', (cmd, as) => {
    given(closed).when(cmd, { as, now: '2028-01-01T00:00:00.000Z' }).thenError('CASE_CLOSED');
  });
});

describe('Who may do what: a role mismatch names the role that may', () => {
  it.each<[CaseCommand, Role, string]>([
    [{ type: 'BuyerClose' }, 'seller', 'BUYER_ONLY'],
    [{ type: 'Escalate' }, 'seller', 'BUYER_ONLY'],
    [{ type: 'Refund' }, 'buyer', 'SELLER_ONLY'],
    [{ type: 'AddTracking', carrier: 'dhl', number: 'X', info: null, shippingAddress: makeOrder().shippingAddress }, 'support', 'SELLER_ONLY'],
    [{ type: 'AddEvidence', kind: 'customs_form', blob }, 'buyer', 'SELLER_ONLY'],
    [{ type: 'AskInfo', from: 'buyer', text: '?' }, 'seller', 'SUPPORT_ONLY'],
    [{ type: 'DecideForSeller' }, 'buyer', 'SUPPORT_ONLY'],
    [{ type: 'Note', text: 'x' }, 'buyer', 'SUPPORT_ONLY'],
    [{ type: 'RecordReminder', nudge: 'seller_reminder', to: 'seller', nudgeId: 'n' }, 'support', 'NOT_YOUR_CASE'],
  ])('%o by %s: %s', (cmd, as, code) => {
    given(escalatedCase()).when(cmd, { as }).thenError(code as never);
  });
});

describe('Reminders: the timeline records each nudge, never twice', () => {
  const reminder: CaseCommand = { type: 'RecordReminder', nudge: 'seller_reminder', to: 'seller', nudgeId: 'C-000123:seller_reminder:PT24H' };

  it('the system records a reminder', () => {
    given(opened()).when(reminder, { as: 'system' }).then([{ type: 'reminder', nudge: 'seller_reminder', to: 'seller', nudgeId: 'C-000123:seller_reminder:PT24H' }]);
  });

  it('the same nudge twice: DUPLICATE', () => {
    const events = play(opened(), [[reminder, { as: 'system' }]]);
    given(events).when(reminder, { as: 'system' }).thenError('DUPLICATE');
    given(events).when({ ...reminder, nudgeId: 'other' }, { as: 'system' }).then([{ type: 'reminder' }]);
  });

  it('a reminder needs its nudge id', () => {
    given(opened()).when({ ...reminder, nudgeId: '' }, { as: 'system' }).thenError('VALIDATION');
  });
});

describe('time comes in as data', () => {
  it('a `now` that is not an ISO instant is refused', () => {
    given(opened()).when({ type: 'Comment', text: 'x' }, { now: 'tomorrow' }).thenError('VALIDATION');
  });
});
