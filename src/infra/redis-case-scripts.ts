import { CONFIRM_MARK_LUA_FN } from './dedup.js';
import { HAND_OFF_LUA_FN } from './redis-delivery-queue.js';

/**
 * Lua scripts of the Redis case store, loaded once per connection with ioredis `defineCommand`
 * (EVALSHA, with EVAL as ioredis's own fallback after a SCRIPT FLUSH or failover).
 */

/** How long a case remembers the inbound events appended to it: longer than any platform redelivers (26 h). */
export const INBOUND_KEEP_MS = 26 * 3600_000;

/**
 * The append script, with or without taking an order claim in the same step.
 * KEYS: snapshot, events, outbox, inbound[, claim]. ARGV: [caseId,] expectedVersion, snapshot JSON, event count,
 * inbound key or '', events…, notifications….
 * The version is the length of the events list, so it cannot drift from the timeline. An inbound key already in the
 * inbound hash (field: key, value: `<first version>:<count>`) means the event was appended before: nothing is written.
 */
const appendBody = (claim: boolean, K: string, A: string, finish: string) => `
${claim ? `local caseId = table.remove(${A}, 1)` : ''}
local inbound = ${A}[4]
if inbound ~= '' then
  local seen = redis.call('HGET', ${K}[4], inbound)
  if seen then return redis.error_reply('ALREADY_APPLIED ' .. seen) end
end
local len = redis.call('LLEN', ${K}[2])
if len ~= tonumber(${A}[1]) then
  return redis.error_reply('VERSION_CONFLICT stored version ' .. len)
end
${claim ? `local holder = redis.call('GET', ${K}[5])
if holder then
  return redis.error_reply('ORDER_CLAIMED ' .. holder)
end
redis.call('SET', ${K}[5], caseId)` : ''}
local n = tonumber(${A}[3])
for i = 5, 4 + n, 1000 do
  redis.call('RPUSH', ${K}[2], unpack(${A}, i, math.min(i + 999, 4 + n)))
end
for i = 5 + n, #${A}, 1000 do
  redis.call('RPUSH', ${K}[3], unpack(${A}, i, math.min(i + 999, #${A})))
end
redis.call('SET', ${K}[1], ${A}[2])
if inbound ~= '' then
  redis.call('HSET', ${K}[4], inbound, len .. ':' .. n)
  redis.call('PEXPIRE', ${K}[4], ${INBOUND_KEEP_MS})
end
${finish}
`;
const appendScript = (claim: boolean) => appendBody(claim, 'KEYS', 'ARGV', 'return len + n');

/** Appends to one case, atomically, in the case's hash slot. */
export const APPEND_LUA = appendScript(false);

/**
 * A reopen: APPEND_LUA and the order claim in one step, so no opening can take the order between the
 * two and no heal can mistake the claim for a closed case's leftover. Single Redis only: the claim and
 * the case live in different Cluster slots.
 */
export const APPEND_CLAIM_LUA = appendScript(true);

/**
 * Brings the cross-case indexes (all in the \`{idx}\` slot) up to a case's snapshot, unless a newer
 * version is already indexed: index updates of concurrent appends may arrive out of order.
 * KEYS: version hash, all, buyer, seller, shop, the order's bucket, status:open, status:escalated, status:closed,
 *       due:escalate, due:late, outbox set, dirty set.
 * ARGV: caseId, version, status, openedAt ms, escalatableAt ms, lateAt ms, hasOutbox (1/0), dirty member or '', orderId.
 * An order's cases are a field of a bucket hash shared with other orders (field: order id, value: its case ids, space
 * separated): about 25 bytes a case where a sorted set of its own cost ~100 (earlier versions wrote \`order:<id>\`).
 */
const reindexBody = (K: string, A: string) => `
local id = ${A}[1]
local version = tonumber(${A}[2])
if ${A}[7] == '1' then redis.call('SADD', ${K}[12], id) end
if ${A}[8] ~= '' then redis.call('SREM', ${K}[13], ${A}[8]) end
local indexed = tonumber(redis.call('HGET', ${K}[1], id) or '0')
if indexed >= version then return 0 end
redis.call('HSET', ${K}[1], id, version)
if indexed == 0 then
  for i = 2, 5 do redis.call('ZADD', ${K}[i], ${A}[4], id) end
  local held = redis.call('HGET', ${K}[6], ${A}[9])
  if not held then
    redis.call('HSET', ${K}[6], ${A}[9], id)
  elseif not string.find(' ' .. held .. ' ', ' ' .. id .. ' ', 1, true) then
    redis.call('HSET', ${K}[6], ${A}[9], held .. ' ' .. id)
  end
end
local status = ${A}[3]
local byStatus = { open = ${K}[7], escalated = ${K}[8], closed = ${K}[9] }
for name, key in pairs(byStatus) do
  if name == status then redis.call('ZADD', key, ${A}[4], id) else redis.call('ZREM', key, id) end
end
if status == 'open' then redis.call('ZADD', ${K}[10], ${A}[5], id) else redis.call('ZREM', ${K}[10], id) end
if status ~= 'closed' then redis.call('ZADD', ${K}[11], ${A}[6], id) else redis.call('ZREM', ${K}[11], id) end
return 1
`;

export const REINDEX_LUA = reindexBody('KEYS', 'ARGV');

/**
 * Standalone Redis only (a script may touch keys of any slot there): the append (with or without the order claim),
 * the re-index of REINDEX_LUA, when asked the inbound event's once-only mark confirmed (src/infra/dedup.ts), and when
 * given its arguments the hand-off of the notifications to delivery (HAND_OFF_LUA_FN), in one atomic step: one round
 * trip, and no dirty mark (no crash can fall between them). The hand-off happens only when the outbox held nothing
 * before them (older notifications go first: the outbox worker moves them all from the head).
 * KEYS: the append's 4 (or 5 with the claim), REINDEX_LUA's 13, then the mark's hash when there is one.
 * ARGV: the number of append keys, REINDEX_LUA's 9 arguments (the dirty member ''), the mark's TTL in ms and field
 * ('' and '' for none), the number h of hand-off arguments, the h arguments, then the append's arguments.
 * Returns what the append returns, or with hand-off arguments { 1 (handed off) or 0, unaddressed notification ids… }.
 */
const appendIndexedScript = (claim: boolean) => `
local nk = tonumber(ARGV[1])
local h = tonumber(ARGV[13])
local AK, RK, RA, AA, HA = {}, {}, {}, {}, {}
for i = 1, nk do AK[i] = KEYS[i] end
for i = 1, 13 do RK[i] = KEYS[nk + i] end
for i = 2, 10 do RA[i - 1] = ARGV[i] end
for i = 14, 13 + h do HA[i - 13] = ARGV[i] end
for i = 14 + h, #ARGV do AA[i - 13 - h] = ARGV[i] end
local function reindex()
${reindexBody('RK', 'RA')}
end
${CONFIRM_MARK_LUA_FN}
${HAND_OFF_LUA_FN}
local function finish(total, notes)
  if h == 0 then return total end
  if notes == 0 or redis.call('LLEN', AK[3]) ~= notes then return { 0 } end
  local moved = handOff(HA, 1, AK[3], RK[12], RA[1], notes)
  moved[1] = 1
  return moved
end
${appendBody(claim, 'AK', 'AA', "reindex()\nif ARGV[11] ~= '' then confirmMark(KEYS[nk + 14], ARGV[12], ARGV[11]) end\nreturn finish(len + n, #AA - 4 - n)")}`;

export const APPEND_INDEXED_LUA = appendIndexedScript(false);
export const APPEND_CLAIM_INDEXED_LUA = appendIndexedScript(true);

/**
 * A case's snapshot and its timeline entries from ARGV[1] on, read in one step (both from the same version), or
 * nil when there is no snapshot. KEYS: snapshot, events. Read-only and of one slot: any connection may run it.
 */
export const READ_LUA = `
local snap = redis.call('GET', KEYS[1])
if not snap then return false end
return { snap, redis.call('LRANGE', KEYS[2], ARGV[1], -1) }
`;

/**
 * READ_LUA for the case a thread registry's entry names (ports/threads.ts SubjectLocation), read in the same step.
 * KEYS: the conversation's hash, its previous generation. ARGV: the message's field, the case keys' start (`p case:{`).
 * Returns false (no entry), { subject } (an order subject, an id that is no case id, or no such case), or
 * { case id, snapshot, the whole timeline }. The case's keys are named here, not declared: a single Redis only.
 */
export const READ_AT_LUA = `
local id = redis.call('HGET', KEYS[1], ARGV[1]) or redis.call('HGET', KEYS[2], ARGV[1])
if not id then return false end
if string.len(id) > 64 or not string.match(id, '^[A-Za-z0-9_%-]+$') then return { id } end
local key = ARGV[2] .. id .. '}'
local snap = redis.call('GET', key)
if not snap then return { id } end
return { id, snap, redis.call('LRANGE', key .. ':events', 0, -1) }
`;

/** Deletes an order claim only if this case holds it. KEYS: claim. ARGV: caseId. */
export const RELEASE_LUA = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`;
