import { describe, expect, it } from 'vitest';
import { ESCALATION_GROUNDS, type EscalationGround } from '../../src/domain/types.js';
import { escalatedCase, given, opened, OPENED_AT, play, policyWith, shift } from './support.js';

const ESCALATABLE_AT = '2026-10-24T08:00:00.000Z'; // OPENED_AT + P3D

describe('If the case is not resolved within POLICY_ESCALATION_AFTER (3 days) of opening, the buyer can escalate it', () => {
  it('one millisecond before 3 days: ESCALATION_NOT_YET, saying when', () => {
    given(opened())
      .when({ type: 'Escalate' }, { now: shift(ESCALATABLE_AT, '-PT0.001S') })
      .thenError('ESCALATION_NOT_YET', { at: ESCALATABLE_AT });
  });

  it('exactly 3 days after opening: escalated, without a ground', () => {
    const c = given(opened()).when({ type: 'Escalate' }, { now: ESCALATABLE_AT }).then([{ type: 'escalated', ground: null }]);
    expect(c).toMatchObject({ status: 'escalated', escalatedAt: ESCALATABLE_AT, escalationGround: null });
  });

  it('a ground named by the buyer is not theirs to name and is not recorded', () => {
    given(opened()).when({ type: 'Escalate', ground: 'harassment' }, { now: ESCALATABLE_AT }).then([{ type: 'escalated', ground: null }]);
  });

  it('follows a custom POLICY_ESCALATION_AFTER (PT12H)', () => {
    const policy = policyWith({ POLICY_ESCALATION_AFTER: 'PT12H' });
    const events = opened({ policy });
    given(events).when({ type: 'Escalate' }, { now: shift(OPENED_AT, 'PT11H59M59.999S') }).thenError('ESCALATION_NOT_YET', { at: shift(OPENED_AT, 'PT12H') });
    given(events).when({ type: 'Escalate' }, { now: shift(OPENED_AT, 'PT12H') }).then([{ type: 'escalated' }]);
  });

  it('only once: ALREADY_ESCALATED', () => {
    const events = play(opened(), [[{ type: 'Escalate' }, { now: ESCALATABLE_AT }]]);
    given(events).when({ type: 'Escalate' }, { now: shift(ESCALATABLE_AT, 'P1D') }).thenError('ALREADY_ESCALATED');
  });

  it('not once the case is closed: CASE_CLOSED', () => {
    const events = play(opened(), [[{ type: 'BuyerClose' }]]);
    given(events).when({ type: 'Escalate' }, { now: ESCALATABLE_AT }).thenError('CASE_CLOSED');
  });

  it('the seller cannot escalate: BUYER_ONLY', () => {
    given(opened()).when({ type: 'Escalate' }, { as: 'seller', now: ESCALATABLE_AT }).thenError('BUYER_ONLY');
  });

  it('the escalation clock is not reset by a reopening', () => {
    const events = play(opened(), [[{ type: 'BuyerClose' }], [{ type: 'Reopen' }, { as: 'support' }]]);
    const g = given(events);
    expect(g.state.escalatableAt).toBe(ESCALATABLE_AT);
    g.when({ type: 'Escalate' }, { now: ESCALATABLE_AT }).then([{ type: 'escalated' }]);
  });
});

describe('Support can escalate earlier, naming a ground: inactivity, harassment, refusal, manipulation, integrity', () => {
  it.each(ESCALATION_GROUNDS.map((g) => [g]))('%s, one minute after opening', (ground: EscalationGround) => {
    const c = given(opened())
      .when({ type: 'Escalate', ground }, { as: 'support', now: shift(OPENED_AT, 'PT1M') })
      .then([{ type: 'escalated', ground }]);
    expect(c).toMatchObject({ status: 'escalated', escalationGround: ground });
  });

  it('without a ground, or with another one: INVALID_GROUND listing the five', () => {
    given(opened()).when({ type: 'Escalate' }, { as: 'support' }).thenError('INVALID_GROUND', {
      grounds: 'inactivity, harassment, refusal, manipulation, integrity',
    });
    given(opened())
      .when({ type: 'Escalate', ground: 'rudeness' as EscalationGround }, { as: 'support' })
      .thenError('INVALID_GROUND');
  });

  it('a case already escalated: ALREADY_ESCALATED', () => {
    given(escalatedCase()).when({ type: 'Escalate', ground: 'refusal' }, { as: 'support' }).thenError('ALREADY_ESCALATED');
  });

  it('after the buyer could have escalated, support still names a ground', () => {
    given(opened())
      .when({ type: 'Escalate', ground: 'inactivity' }, { as: 'support', now: shift(ESCALATABLE_AT, 'P1D') })
      .then([{ type: 'escalated', ground: 'inactivity' }]);
  });
});
