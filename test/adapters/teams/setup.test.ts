import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { agent, STAFF, startHarness, TEAM, visible, type Harness } from './harness.js';

describe('Teams: `@Palabre setup` tells a channel its id for TEAMS_STAFF_CONVERSATION_ID', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());
  beforeEach(() => {
    h.engine.inputs.length = 0;
    h.standin.calls.length = 0;
  });

  it('answers in a channel that is not the staff channel with the id to set, without bothering the engine', async () => {
    expect((await h.post(h.act.mention(agent, TEAM, 'setup'))).status).toBe(200);
    const [answer] = h.standin.posted(TEAM);
    expect(visible(answer?.body.text)).toBe(`This channel's id: ${TEAM}. To make it the staff channel, set TEAMS_STAFF_CONVERSATION_ID=${TEAM} and restart Palabre.`);
    expect(h.engine.inputs).toEqual([]);
  });

  it('confirms the staff channel, even from one of its threads (the id without the thread suffix)', async () => {
    await h.post(h.act.mention(agent, `${STAFF};messageid=1700000000009`, '/setup'));
    const answer = h.standin.calls.find((c) => c.method === 'POST' && JSON.stringify(c.body ?? '').includes('staff channel'));
    expect(visible(answer?.body.text)).toBe(`This channel is Palabre's staff channel (TEAMS_STAFF_CONVERSATION_ID = ${STAFF}).`);
  });

  it('leaves `setup` in a personal chat, and longer sentences, to the engine', async () => {
    await h.post(h.act.say(agent, 'setup'));
    await h.post(h.act.mention(agent, TEAM, 'setup the refund please'));
    expect(h.engine.inputs.map((i) => i.content)).toEqual([
      { type: 'text', text: 'setup' },
      { type: 'text', text: 'setup the refund please' },
    ]);
  });
});
