import { describe, expect, it } from 'vitest';
import { buyerAsksOfCase, typedAnswer } from '../../../src/app/engine/typed-answers.js';

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
