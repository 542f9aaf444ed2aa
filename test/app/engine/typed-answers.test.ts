import { describe, expect, it } from 'vitest';
import { asksWhatNext, asksWhenItComes, buyerAsksOfCase, typedAnswer } from '../../../src/app/engine/typed-answers.js';

describe('what a buyer with a case under way asks of it in words', () => {
  it.each([
    ["c bon j'ai reçu merci", 'close'],
    ["j'ai bien reçu, je te remercie", 'close'],
    ['got it, you can close', 'close'],
    ['nazwi yango, matondi', 'close'],
    ['ça en est où ?', 'status'],
    ['je veux que le support intervienne', 'escalate'],
    ['quand est-ce que je peux saisir le support ?', 'when'],
  ] as const)('« %s » → %s', (text, asked) => {
    expect(buyerAsksOfCase(text)).toBe(asked);
  });

  it.each(["j'ai pas reçu", 'nazwi yango te', "I haven't received it", 'sijapokea bado'])('« %s » says it has not come: no closing offered', (text) => {
    expect(buyerAsksOfCase(text)).not.toBe('close');
  });
});

describe('a yes or a no as people type it to « is that right? »', () => {
  it.each(['affirmatif', 'évidemment', 'bien entendu', 'carrément', 'of course', 'absolutely'])('« %s » is a yes', (text) => {
    expect(typedAnswer(text)).toBe('yes');
  });
  it.each(['nop', 'pas tout à fait', 'pas vraiment', 'oui et non', 'not exactly', 'si hivyo'])('« %s » is a no (the reasons are offered)', (text) => {
    expect(typedAnswer(text)).toBe('no');
  });
});

describe('story probe: questions a long story ends on', () => {
  it.each(['donc vous allez faire quoi ?', "qu'est-ce que vous comptez faire ?", 'que pouvez-vous faire pour moi', 'so what are you going to do?', 'mtafanya nini sasa?'])(
    '« %s » asks what comes next',
    (text) => expect(asksWhatNext(text)).toBe(true),
  );
  it('does not read « je vais faire quoi avec ça » said of the item as asked of the bot', () => {
    expect(asksWhatNext('le sac est trop petit, je vais le mettre où')).toBe(false);
  });
  it.each(["c'est normal ? elles arrivent quand ?", 'quand est-ce que je vais la recevoir ?', 'when will it arrive??', 'mzigo itafika lini?', 'ekoya mokolo nini ?', 'le colis arrive quand svp'])(
    '« %s » asks when the order comes',
    (text) => expect(asksWhenItComes(text)).toBe(true),
  );
  it.each(['il est arrivé quand même cassé', 'quand il est arrivé le sac était déchiré', 'when it arrived it was broken'])('« %s » says when it came, asks nothing', (text) =>
    expect(asksWhenItComes(text)).toBe(false),
  );
});
