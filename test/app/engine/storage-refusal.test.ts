import { describe, expect, it } from 'vitest';
import { isStorageRefusal } from '../../../src/app/engine/storage-refusal.js';

/** An error shaped as ioredis gives it (its class name is what ioredis's parser sets). */
function redisError(name: string, message: string): Error {
  const e = new Error(message);
  e.name = name;
  return e;
}

describe('a turn failed because Redis refused its writes (run again) or for another reason (not)', () => {
  it('tells Redis full, read-only, loading and a lost connection from a script bug or an ordinary error', () => {
    expect(isStorageRefusal(redisError('ReplyError', "OOM command not allowed when used memory > 'maxmemory'. script: 15af, on @user_script:9."))).toBe(true);
    expect(isStorageRefusal(redisError('ReplyError', "READONLY You can't write against a read only replica."))).toBe(true);
    expect(isStorageRefusal(redisError('ReplyError', 'LOADING Redis is loading the dataset in memory'))).toBe(true);
    expect(isStorageRefusal(redisError('MaxRetriesPerRequestError', 'Reached the max retries per request limit (which is 20).'))).toBe(true);
    expect(isStorageRefusal(new Error('a wrapper', { cause: redisError('ReplyError', 'OOM command not allowed') }))).toBe(true);
    expect(isStorageRefusal(redisError('ReplyError', 'ERR user_script:3: attempt to compare nil with number'))).toBe(false);
    expect(isStorageRefusal(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBe(false);
    expect(isStorageRefusal('OOM')).toBe(false);
  });
});
