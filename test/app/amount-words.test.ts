import { describe, expect, it } from 'vitest';
import { readAmount } from '../../src/app/format.js';
import { readNumberWords } from '../../src/app/number-words.js';

/** Amounts sellers and support type in words where an amount is asked (issue « seller talk », leftovers). */

describe('numbers written in words', () => {
  it.each([
    ['cinq', 5],
    ['cent', 100],
    ['mille', 1000],
    ['cinq mille', 5000],
    ['dix mille', 10_000],
    ['mille cinq cents', 1500],
    ['deux cent cinquante mille', 250_000],
    ['vingt et un', 21],
    ['soixante-dix-sept', 77],
    ['quatre-vingt-dix-neuf mille', 99_000],
    ['quatre vingts', 80],
    ['soixante et onze', 71],
    ['dix-sept mille', 17_000],
    ['un million deux cent mille', 1_200_000],
    ['deux millions', 2_000_000],
    ['five thousand', 5000],
    ['two hundred and fifty', 250],
    ['a thousand', 1000],
    ['one thousand five hundred', 1500],
    ['fifteen hundred', 1500],
    ['twenty-five thousand', 25_000],
    ['three million', 3_000_000],
    ['elfu tano', 5000],
    ['mia tano', 500],
    ['elfu tano na mia tano', 5500],
    ['elfu ishirini na tano', 25_000],
    ['milioni moja', 1_000_000],
  ])('« %s » is %i', (words, n) => {
    expect(readNumberWords(words)).toBe(n);
  });

  it.each(['je rembourse demain', 'un', 'a', 'cinq cinq', 'cent deux cent', 'mille mille', 'vingt trente', 'et', 'cinq et', 'merci', 'five apples', 'tano tano', 'mia kumi', 'na tano', ''])(
    '« %s » is no number',
    (words) => {
      expect(readNumberWords(words)).toBeNull();
    },
  );
});

describe('amounts typed in words', () => {
  it.each([
    ['cinq mille', 500_000],
    ['Cinq mille.', 500_000],
    ['dix mille francs', 1_000_000],
    ['FC mille cinq cents', 150_000],
    ['deux cent cinquante mille francs congolais', 25_000_000],
    ['five thousand', 500_000],
    ['two hundred and fifty', 25_000],
    ['elfu tano', 500_000],
    ['2 millions', 200_000_000],
    ['5 mille', 500_000],
  ])('« %s » in CDF is %i centimes', (typed, minor) => {
    expect(readAmount(typed, 'CDF')).toEqual({ minor });
  });

  it('« cinq mille dollars » on an order in francs is another currency, not francs', () => {
    expect(readAmount('cinq mille dollars', 'CDF')).toEqual({ otherCurrency: 'USD' });
  });

  it.each(['je rembourse demain', 'je vais voir', 'cinq articles', 'mille merci', 'francs', 'un'])('« %s » is no amount', (typed) => {
    expect(readAmount(typed, 'CDF')).toBeNull();
  });
});
