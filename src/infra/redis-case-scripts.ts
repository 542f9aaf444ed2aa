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
const appendScript = (claim: boolean) => `
${claim ? "local caseId = table.remove(ARGV, 1)" : ''}
local inbound = ARGV[4]
if inbound ~= '' then
  local seen = redis.call('HGET', KEYS[4], inbound)
  if seen then return redis.error_reply('ALREADY_APPLIED ' .. seen) end
end
local len = redis.call('LLEN', KEYS[2])
if len ~= tonumber(ARGV[1]) then
  return redis.error_reply('VERSION_CONFLICT stored version ' .. len)
end
${claim ? `local holder = redis.call('GET', KEYS[5])
if holder then
  return redis.error_reply('ORDER_CLAIMED ' .. holder)
end
redis.call('SET', KEYS[5], caseId)` : ''}
local n = tonumber(ARGV[3])
for i = 5, 4 + n, 1000 do
  redis.call('RPUSH', KEYS[2], unpack(ARGV, i, math.min(i + 999, 4 + n)))
end
for i = 5 + n, #ARGV, 1000 do
  redis.call('RPUSH', KEYS[3], unpack(ARGV, i, math.min(i + 999, #ARGV)))
end
redis.call('SET', KEYS[1], ARGV[2])
if inbound ~= '' then
  redis.call('HSET', KEYS[4], inbound, len .. ':' .. n)
  redis.call('PEXPIRE', KEYS[4], ${INBOUND_KEEP_MS})
end
return len + n
`;

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
 * KEYS: version hash, all, buyer, seller, shop, order, status:open, status:escalated, status:closed,
 *       due:escalate, due:late, outbox set, dirty set.
 * ARGV: caseId, version, status, openedAt ms, escalatableAt ms, lateAt ms, hasOutbox (1/0), dirty member or ''.
 */
export const REINDEX_LUA = `
local id = ARGV[1]
local version = tonumber(ARGV[2])
if ARGV[7] == '1' then redis.call('SADD', KEYS[12], id) end
if ARGV[8] ~= '' then redis.call('SREM', KEYS[13], ARGV[8]) end
local indexed = tonumber(redis.call('HGET', KEYS[1], id) or '0')
if indexed >= version then return 0 end
redis.call('HSET', KEYS[1], id, version)
if indexed == 0 then
  for i = 2, 6 do redis.call('ZADD', KEYS[i], ARGV[4], id) end
end
local status = ARGV[3]
local byStatus = { open = KEYS[7], escalated = KEYS[8], closed = KEYS[9] }
for name, key in pairs(byStatus) do
  if name == status then redis.call('ZADD', key, ARGV[4], id) else redis.call('ZREM', key, id) end
end
if status == 'open' then redis.call('ZADD', KEYS[10], ARGV[5], id) else redis.call('ZREM', KEYS[10], id) end
if status ~= 'closed' then redis.call('ZADD', KEYS[11], ARGV[6], id) else redis.call('ZREM', KEYS[11], id) end
return 1
`;

/** Deletes an order claim only if this case holds it. KEYS: claim. ARGV: caseId. */
export const RELEASE_LUA = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`;
