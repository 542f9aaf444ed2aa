import { describe, expect, it } from 'vitest';
import { classifyProblem } from '../../../src/app/engine/intent.js';
import { canonical } from '../../../src/app/engine/understanding/features.js';

// Whole phenomena the second blind set (test/fixtures/understanding-blind-2/) showed the classifier missing. The
// sentences here are new ones, not the blind messages: they teach the same construction with other words.

describe('spelling as thumbs type it', () => {
  it('reads a known word with two neighbouring letters swapped as that word', () => {
    expect(canonical('ma commadne, la livarison')).toBe('ma commande la livraison');
    expect(classifyProblem('je veux mon remobursement')).toBe('refund_request');
    // Short words are left alone: too many are one swap apart.
    expect(canonical('ton sur')).toBe('ton sur');
  });

  it('reads a French article or pronoun that lost its apostrophe before a known word, and digits for sounds', () => {
    expect(canonical('lecran est noir')).toBe('l ecran est noir');
    // Digits for sounds, as SMS spelling does (« ri1 », « bi1 »).
    expect(canonical('g tjr ri1 recu')).toBe('j ai toujours rien recu');
    expect(canonical('quelle heure')).toBe('quelle heure');
  });
});
