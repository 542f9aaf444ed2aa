import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decodeEntry, encodeEntry } from '../../src/infra/case-codec.js';

const comment = { type: 'comment', at: '2026-12-06T07:00:00.123Z', actor: { accountId: 'acc-b12', role: 'buyer', platform: 'telegram' }, text: 'Le colis n’est pas arrivé 📦' };

/** A comment of ~40 KB that deflates to several KB: words in a fixed pseudo-random order, accents and emoji included. */
function longComment() {
  const words = ['colis', 'arrivé', 'déchiré', 'vendeur', 'remboursement', 'photo', '📦', 'Kinshasa', 'ŋgɔ́', 'habari', 'suivi', '🧾', 'numéro'];
  let x = 12345;
  const text = Array.from({ length: 5000 }, () => {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    return words[x % words.length];
  }).join(' ');
  return { ...comment, text };
}

describe('case codec', () => {
  it('reads back what it stores, values longer than one zlib output chunk included', () => {
    for (const value of [comment, longComment(), { n: 1, nested: { list: [1, 'two', null] } }, 'texte', null]) expect(decodeEntry(encodeEntry(value))).toEqual(value);
  });

  it('stores the same bytes as earlier versions did (deflate, V1 dictionary, format byte 1)', () => {
    // Both written with the codec of 2026-12-06 05:59 UTC (before its output chunk size was set).
    expect(encodeEntry(comment).toString('base64')).toBe('AcNvt5GugVmIgTnUbkMjY7x2JxkakWq9T6pCcn5OZrFC3qOGmanFJQoFicUKoFq37PBKhQ/zJy9TqgUA');
    const long = encodeEntry(longComment());
    expect(long.length).toBeGreaterThan(4096);
    expect(createHash('sha256').update(long).digest('hex')).toBe('dd4322d96d943304e3d4d6d753015f312ca2991bb030cdea774bc5b34c275372');
  });

  it('still reads an entry stored as plain JSON', () => {
    expect(decodeEntry(Buffer.from(JSON.stringify(comment)))).toEqual(comment);
  });
});
