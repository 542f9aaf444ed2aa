import { describe, expect, it } from 'vitest';
import { createLru } from '../../src/infra/lru.js';

describe('bounded LRU', () => {
  it('drops the least recently used entry past its bound', () => {
    const lru = createLru<number>(2);
    lru.set('a', 1);
    lru.set('b', 2);
    expect(lru.get('a')).toBe(1);
    lru.set('c', 3);
    expect(lru.get('b')).toBeUndefined();
    expect(lru.get('a')).toBe(1);
    expect(lru.get('c')).toBe(3);
    lru.forget('a');
    expect(lru.get('a')).toBeUndefined();
  });

  it('keeps nothing with a bound of 0', () => {
    const lru = createLru<number>(0);
    lru.set('a', 1);
    expect(lru.get('a')).toBeUndefined();
  });
});
