import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Platform } from '../domain/types.js';
import { silentLogger, type Logger } from '../ports/logger.js';
import type { Addressed, DeadLetter, DeliveryItem, DeliveryQueue, OutboxHead } from '../ports/outbox.js';
import { createDispatcher, type Dispatcher } from './delivery-dispatch.js';
import { blockingConnection, isCluster, scriptRunner, type RedisClient } from './redis.js';

const DAY = 86_400_000;
const GROUP = 'relay';
/** Every this many beats, look for entries pending to this process that it does not hold (see `reconcile`). */
const RECONCILE_EVERY = 7;
/** Beat periods without a beat after which a process stops reading: its view of the owners may be stale. */
const STALE_BEATS = 3;
/** How often CLIENT UNBLOCK is sent again while a wake is pending and the reader still waits (see wakeReader). */
const UNBLOCK_AGAIN_MS = 100;
/**
 * A member owns streams once it has beaten this many times (its token counts its beats): a member's lifetime and a
 * beat. A process that just started (often a crashed one restarting under a new name) is slow for its first seconds
 * and may crash again; were it given streams at once, the streams of a member that died would wait on it (its share is
 * only taken from it once it is taken for dead in turn), and each restart would move streams while a takeover is under
 * way. While no live member has beaten that long (all just started, or one process alone), every live member owns.
 */
const joinBeats = (memberTtlMs: number, heartbeatMs: number) => Math.ceil(memberTtlMs / heartbeatMs) + 1;
/**
 * A member whose token moved by this many beats while this process could not beat shows that Redis answered meanwhile:
 * the late beat was this process's own (a busy event loop), and members that did not beat are not given a fresh start.
 * While Redis holds every command (a pause, a restart) each member has one beat on its way, so tokens move by 2 at most.
 */
const ANSWERED_BEATS = 3;
/** How long such an entry must have been idle: one just read is being pushed to the dispatcher. */
const ORPHAN_IDLE_MS = 5_000;

// Every key shares the {dlv} hash tag: the scripts below touch several keys at once, which a Cluster only
// allows within one slot, and one XREADGROUP reads all of a process's partitions at once.

/** KEYS: seen₁, stream₁, seen₂, stream₂, … ARGV: seen TTL ms, item JSON₁, item JSON₂, … Returns how many were added. */
const ENQUEUE = `
local added = 0
for i = 1, #KEYS, 2 do
  if redis.call('SET', KEYS[i], '1', 'PX', ARGV[1], 'NX') then
    redis.call('XADD', KEYS[i + 1], '*', 'i', ARGV[(i + 1) / 2 + 1])
    added = added + 1
  end
end
return added`;

/**
 * A Lua function (for this file's ENQUEUE_FROM_OUTBOX and the case store's append script, both on one standalone
 * Redis): moves the first `n` entries of a case outbox into the streams. ENQUEUE for the items addressed already, and
 * for the others the recipient's identities read here (the link store's index, keyv's JSON envelope), one item per
 * identity on a platform delivered to, in the stream `partitionOf` names (the same FNV-1a over the same UTF-16 code
 * units as JavaScript). Then removes them from the outbox, and the case from the outbox flag set once its outbox is
 * empty. `A[from…]`: what `handOffArgs` gives: seen TTL ms, key base (`<prefix>{dlv}:`), partitions, platforms (space
 * separated), then one entry after the other: `i`, seen key, stream key, item JSON (addressed) or `f`, identities
 * key, notification id, notification JSON, enqueued at. Returns { entries left in the outbox, the ids of
 * notifications whose recipient had no identity to deliver to… }.
 */
export const HAND_OFF_LUA_FN = `
local function handOff(A, from, outbox, flag, caseId, n)
  local ttl, base, partitions = A[from], A[from + 1], tonumber(A[from + 2])
  local platforms = {}
  for p in string.gmatch(A[from + 3], '%S+') do platforms[p] = true end

  -- The UTF-16 code units of a UTF-8 string, as JavaScript's charCodeAt reads them.
  local function units(s)
    local out, i = {}, 1
    while i <= #s do
      local c, size = string.byte(s, i), 1
      local cp = c
      if c >= 0xF0 then size, cp = 4, c % 0x08 elseif c >= 0xE0 then size, cp = 3, c % 0x10 elseif c >= 0xC0 then size, cp = 2, c % 0x20 end
      for k = 1, size - 1 do cp = cp * 0x40 + (string.byte(s, i + k) or 0) % 0x40 end
      if cp >= 0x10000 then
        out[#out + 1] = 0xD800 + math.floor((cp - 0x10000) / 0x400)
        out[#out + 1] = 0xDC00 + (cp - 0x10000) % 0x400
      else
        out[#out + 1] = cp
      end
      i = i + size
    end
    return out
  end

  -- FNV-1a, 32 bits: h * 16777619 is split as h * 403 + h * 2^24 so that every step stays exact in a double.
  local function partitionOf(target)
    local h = 2166136261
    for _, u in ipairs(units(target)) do
      h = bit.bxor(h, u) % 4294967296
      h = (h * 403 + (h % 256) * 16777216) % 4294967296
    end
    return h % partitions
  end

  local unaddressed = {}
  local i = from + 4
  while i <= #A do
    if A[i] == 'i' then
      if redis.call('SET', A[i + 1], '1', 'PX', ttl, 'NX') then redis.call('XADD', A[i + 2], '*', 'i', A[i + 3]) end
      i = i + 4
    else
      local nid, body, at = A[i + 2], A[i + 3], A[i + 4]
      local found = 0
      local raw = redis.call('GET', A[i + 1])
      local ok, envelope = false, nil
      if raw then ok, envelope = pcall(cjson.decode, raw) end
      if ok and type(envelope) == 'table' and type(envelope.value) == 'table' then
        for _, pair in ipairs(envelope.value) do
          local p, u = pair[1], pair[2]
          if type(p) == 'string' and type(u) == 'string' and platforms[p] then
            found = found + 1
            local target = p .. '|' .. u
            local key = nid .. '@' .. target
            if redis.call('SET', base .. 'seen:' .. key, '1', 'PX', ttl, 'NX') then
              local item = '{"key":' .. cjson.encode(key) .. ',"target":' .. cjson.encode(target) .. ',"address":{"platform":' .. cjson.encode(p) ..
                ',"userId":' .. cjson.encode(u) .. '},"notification":' .. body .. ',"enqueuedAt":' .. cjson.encode(at) .. '}'
              redis.call('XADD', base .. 'x:' .. p .. ':' .. partitionOf(target), '*', 'i', item)
            end
          end
        end
      end
      if found == 0 then unaddressed[#unaddressed + 1] = nid end
      i = i + 5
    end
  end
  redis.call('LTRIM', outbox, n, -1)
  local left = redis.call('LLEN', outbox)
  if left == 0 then redis.call('SREM', flag, caseId) end
  table.insert(unaddressed, 1, left)
  return unaddressed
end
`;

/**
 * Moves the first entries of a case outbox into the streams (HAND_OFF_LUA_FN), if they are still the notifications
 * handed off. Standalone Redis only (keys of many slots).
 * KEYS: outbox, outbox flag set. ARGV: case id, n, the n notification ids, then `handOffArgs`.
 * Returns -1 (nothing written) when the outbox's head is not those notifications, else what handOff returns.
 */
const ENQUEUE_FROM_OUTBOX = `${HAND_OFF_LUA_FN}
local n = tonumber(ARGV[2])
for i = 1, n do
  local raw = redis.call('LINDEX', KEYS[1], i - 1)
  if not raw then return -1 end
  local ok, entry = pcall(cjson.decode, raw)
  if not ok or type(entry) ~= 'table' or entry.id ~= ARGV[2 + i] then return -1 end
end
return handOff(ARGV, 3 + n, KEYS[1], KEYS[2], ARGV[1], n)`;

/** KEYS: stream, sent mark, tries. ARGV: entry id, delivered (1/0), sent TTL ms, item key. */
const DONE = `
redis.call('XACK', KEYS[1], '${GROUP}', ARGV[1])
redis.call('XDEL', KEYS[1], ARGV[1])
if ARGV[2] == '1' then redis.call('SET', KEYS[2], '1', 'PX', ARGV[3]) end
redis.call('HDEL', KEYS[3], ARGV[4])
return 1`;

/** KEYS: tries. ARGV: item key, error, tries before (when the hash has none). Returns the tries now. */
const FAILED = `
local raw = redis.call('HGET', KEYS[1], ARGV[1])
local n = tonumber(ARGV[3])
if raw then n = cjson.decode(raw).n end
n = n + 1
redis.call('HSET', KEYS[1], ARGV[1], cjson.encode({ n = n, e = ARGV[2] }))
return n`;

/** KEYS: stream, dead, tries. ARGV: entry id ('' when none), item key, dead letter JSON. */
const BURY = `
if ARGV[1] ~= '' then
  redis.call('XACK', KEYS[1], '${GROUP}', ARGV[1])
  redis.call('XDEL', KEYS[1], ARGV[1])
end
redis.call('HSET', KEYS[2], ARGV[2], ARGV[3])
redis.call('HDEL', KEYS[3], ARGV[2])
return 1`;

/** KEYS: dead, stream. ARGV: item key, item JSON. */
const REPLAY = `
if redis.call('HDEL', KEYS[1], ARGV[1]) == 0 then return 0 end
redis.call('XADD', KEYS[2], '*', 'i', ARGV[2])
return 1`;

/**
 * KEYS: the member hashes of the platforms this process consumes. ARGV: consumer name, this beat's token, 'leave'
 * or ''. Writes this consumer's new token (or removes it when leaving) and returns, per hash, whether the field was
 * new (1: first beat, or this consumer was taken for dead and removed meanwhile) and all fields and tokens; then
 * Redis's clock as the beat ran (TIME: seconds, microseconds), which tells a beat Redis held from one sent late.
 *
 * `allow-oom` (Redis 7): the beat runs while Redis refuses writes for want of memory (`maxmemory`, `noeviction`). At the
 * limit, memory hovers (a delivered entry freed, an expired key) and some writes pass while most are refused: a member
 * whose beats were refused while another's passed was taken for dead, and its streams moved, for nothing. A beat
 * cannot fill Redis: it overwrites its own field with a token of the same length (one digit more every tenfold), and
 * adds a field only for a member that joins, a few dozen bytes per process.
 */
const BEAT = `#!lua flags=allow-oom
local out = {}
local now = redis.call('TIME')
for _, key in ipairs(KEYS) do
  if ARGV[3] == 'leave' then
    redis.call('HDEL', key, ARGV[1])
    out[#out + 1] = 0
  else
    out[#out + 1] = redis.call('HSET', key, ARGV[1], ARGV[2])
  end
  out[#out + 1] = redis.call('HGETALL', key)
end
out[#out + 1] = now
return out`;

/**
 * KEYS: owner key₁, stream₁, owner key₂, stream₂, … ARGV: consumer, count. Reads new entries (XREADGROUP) of the
 * streams whose owner key names this consumer, and only those: a process with a stale view of the members cannot read
 * a partition another has taken (the fence). Returns, per stream it may read, its key, the entries read and its last id.
 */
const READ = `
local out = {}
for i = 1, #KEYS, 2 do
  local owner = redis.call('GET', KEYS[i])
  -- A fence lost with Redis's last second of writes: the reader that owns the partition in its view takes it again.
  if not owner then
    redis.call('SET', KEYS[i], ARGV[1])
    owner = ARGV[1]
  end
  if owner == ARGV[1] then
    local r = redis.call('XREADGROUP', 'GROUP', '${GROUP}', ARGV[1], 'COUNT', ARGV[2], 'STREAMS', KEYS[i + 1], '>')
    local last = redis.call('XREVRANGE', KEYS[i + 1], '+', '-', 'COUNT', 1)
    local entries = {}
    if r then entries = r[1][2] end
    local lastId = '0-0'
    if last[1] then lastId = last[1][1] end
    out[#out + 1] = { KEYS[i + 1], entries, lastId }
  end
end
return out`;

/** KEYS: a member hash. ARGV: consumer, the token last seen. Removes the member if its token has not moved since. */
const REAP = `
if redis.call('HGET', KEYS[1], ARGV[1]) == ARGV[2] then return redis.call('HDEL', KEYS[1], ARGV[1]) end
return 0`;

export interface RedisDeliveryOptions {
  /** How long a delivered or seen item is remembered, so that it is never enqueued or sent twice (default 30 days). */
  seenTtlMs?: number;
  /** Streams per platform; a process consumes whole partitions (default 8). */
  partitions?: number;
  /**
   * Membership renewal (default 300 ms), and how long a process whose token has not moved still counts as alive
   * (default 2,200 ms), measured on this process's clock from when it last saw the token change.
   */
  heartbeatMs?: number;
  memberTtlMs?: number;
  /**
   * Longest wait of a blocking read (default 300 ms: a read started under a view of the members ends soon after), and
   * of the plain wait for new entries between reads on a single Redis, where a change of members interrupts it
   * (CLIENT UNBLOCK; default 2,000 ms: an idle process asks Redis less often).
   */
  blockMs?: number;
  idleWaitMs?: number;
  /** Where the streams are read (an auto-pipelined connection, see readConnection, so that a read leaves with the reads the handler started ahead); `redis` by default. */
  reads?: RedisClient;
  /** Entries read at once (default 100), and held at most per partition before reading more (default 500). */
  batch?: number;
  holdMax?: number;
  /** Items handled at once (default 16). */
  concurrency?: number;
  logger?: Logger;
  /** This process's name among the members (default `<host>-<pid>-<random>`); unique per running process. */
  consumerName?: string;
}

type PartitionState = 'none' | 'waiting' | 'reading';

/** An entry as XCLAIM returns it: its id and its fields (null once deleted). */
type ClaimedEntry = [string, string[] | null];

interface Partition {
  platform: Platform;
  /** Its number among the platform's streams, and its stream key. */
  n: number;
  key: string;
  state: PartitionState;
  /** Entry ids pushed to the dispatcher and not settled. */
  held: Set<string>;
  /** When it became ours; a live previous owner gets a moment to notice before we read. */
  since: number;
  settle: boolean;
  /**
   * Its live previous owner, and that member's token when the partition became ours: once its token has moved by two, it
   * has beaten since the change (the first of those beats read the new members) and finished that beat, handing the
   * partition over, so there is no need to wait out the time it could take to notice.
   */
  from: { member: string; token: number } | null;
}

/**
 * Delivery queues as Redis Streams under `<prefix>{dlv}:`. Each platform has `partitions` streams
 * (`x:<platform>:<n>`, a target always in the same one) read through one consumer group. Processes announce
 * themselves in a member set every `heartbeatMs`; each partition belongs to one live member (by rank), which
 * reads it with XREADGROUP and hands its items to a per-target dispatcher, so one recipient's items are sent in
 * order while others go on. When a member stops beating, the new owner of its partitions claims its pending
 * entries (XCLAIM) as soon as the membership says it is gone, and sends them first; nothing waits for a lock to
 * expire. A member that loses a partition to a newcomer passes it the entries it had not started. Delivered
 * items are acknowledged and deleted from their stream in one script; failed tries, dead letters, seen and sent
 * marks live beside them.
 */
export function createRedisDeliveryQueue(redis: RedisClient, prefix: string, opts: RedisDeliveryOptions = {}): DeliveryQueue {
  const log = opts.logger ?? silentLogger;
  const seenTtl = String(opts.seenTtlMs ?? 30 * DAY);
  const partitions = opts.partitions ?? 8;
  const heartbeatMs = opts.heartbeatMs ?? 300;
  const memberTtlMs = opts.memberTtlMs ?? 2200;
  const joining = joinBeats(memberTtlMs, heartbeatMs);
  const blockMs = opts.blockMs ?? 300;
  const idleWaitMs = isCluster(redis) ? blockMs : (opts.idleWaitMs ?? 2000);
  // A Cluster's auto-pipelined batches refuse a script beside commands of other slots: there it reads on `redis`.
  const reads = isCluster(redis) ? redis : (opts.reads ?? redis);
  const batch = opts.batch ?? 100;
  const holdMax = opts.holdMax ?? 500;
  const base = `${prefix}{dlv}:`;
  const k = {
    stream: (platform: Platform, n: number) => `${base}x:${platform}:${n}`,
    members: (platform: Platform) => `${base}members:${platform}`,
    /** Who may read a stream now: set by its new owner when it takes it over. */
    owner: (stream: string) => `${base}own:${stream.slice(stream.lastIndexOf('x:') + 2)}`,
    seen: (key: string) => `${base}seen:${key}`,
    sent: (key: string) => `${base}sent:${key}`,
    dead: `${base}dead`,
    tries: `${base}tries`,
  };
  const run = scriptRunner(redis);
  const streamOf = (item: Pick<DeliveryItem, 'address' | 'target'>) => k.stream(item.address.platform, partitionOf(item.target, partitions));
  const json = (item: DeliveryItem) => {
    const { attempts: _a, lastError: _l, redelivered: _r, ref: _f, ...rest } = item;
    return JSON.stringify(rest);
  };
  const refOf = (item: DeliveryItem) => {
    const space = item.ref?.lastIndexOf(' ') ?? -1;
    return space > 0 ? { stream: item.ref!.slice(0, space), id: item.ref!.slice(space + 1) } : { stream: streamOf(item), id: '' };
  };

  // The consumer side, once started.
  const me = opts.consumerName ?? `${hostname()}-${process.pid}-${randomBytes(4).toString('hex')}`;
  const owned = new Map<string, Partition>();
  let dispatcher: Dispatcher | null = null;
  let ahead: ((item: DeliveryItem) => void) | undefined;
  let platforms: Platform[] = [];
  let reader: RedisClient | null = null;
  let beater: RedisClient | null = null;
  let readerId: number | null = null;
  let beatTimer: NodeJS.Timeout | undefined;
  let stopping = false;
  let loop: Promise<void> | null = null;
  /** Per platform: the members that own streams (live, and past their first beats), ranked by name. */
  let members = new Map<Platform, string[]>();
  /** Per platform: every live member, owners or not (one still joining may hold entries it was handed). */
  let alive = new Map<Platform, Set<string>>();
  /** Per platform and member: the token last seen, and when (this process's clock) it was seen changing. */
  const seen = new Map<Platform, Map<string, { token: string; at: number }>>();
  /** The last beat failed (Redis unreachable): nobody could beat, so nobody is taken for dead on the next one. */
  let disrupted = true;
  /** When this process last beat (its clock): a reader with an older view stops reading. */
  let lastBeat = 0;
  /**
   * When this process sent its last beat whose answer it has read (its clock), lapsed membership handled: nobody took it
   * for dead before then plus a member's lifetime. A send of an item held longer past it asks Redis first (stillHeld).
   */
  let confirmedAt = 0;
  let beatNo = 0;
  /** The last beat that landed: when it was sent (this process's clock) and when it ran (Redis's clock). */
  let landed: { sentAt: number; ranAt: number } | null = null;
  /** When the next beat is due (its timer's deadline, this process's clock). */
  let beatDue = 0;
  /** Ends the reader's pause while it has nothing to read, and its blocking wait on the streams (CLIENT UNBLOCK). */
  let endPause: () => void = () => {};
  let unblockWait: () => void = () => {};
  /**
   * A wake since the reader last began a read (then it does not wait on the streams), and whether its wait is on its
   * way or under way. CLIENT UNBLOCK travels on another connection than the wait: it can reach Redis before the wait
   * does and find nothing to unblock, so while a wake is pending and the wait lasts it is sent again.
   */
  let woken = false;
  let waiting = false;
  let unblocking: ReturnType<typeof setInterval> | null = null;
  const stopUnblocking = () => {
    if (unblocking) clearInterval(unblocking);
    unblocking = null;
  };
  const wakeReader = () => {
    woken = true;
    endPause();
    if (!waiting) return;
    unblockWait();
    if (unblocking) return;
    unblocking = setInterval(() => (waiting ? unblockWait() : stopUnblocking()), UNBLOCK_AGAIN_MS);
    unblocking.unref();
  };
  let beats = 0;

  const ownerOf = (platform: Platform, n: number): string | undefined => {
    const list = members.get(platform) ?? [];
    return list.length > 0 ? list[n % list.length] : undefined;
  };

  /** The item an entry holds, or null for an entry that holds none (written by something else, or damaged). */
  function itemOf(stream: string, id: string, fields: string[] | null): DeliveryItem | null {
    const at = fields?.indexOf('i') ?? -1;
    const raw = at >= 0 && at % 2 === 0 ? fields![at + 1] : undefined;
    if (!raw) return null;
    try {
      const parsed = JSON.parse(raw) as Omit<DeliveryItem, 'attempts'>;
      if (typeof parsed?.key !== 'string' || typeof parsed.target !== 'string' || !parsed.address || !parsed.notification) return null;
      return { ...parsed, attempts: 0, ref: `${stream} ${id}` };
    } catch {
      return null;
    }
  }

  async function ensureGroups(): Promise<void> {
    await Promise.all(
      [...owned.values()].map((p) =>
        redis.xgroup('CREATE', p.key, GROUP, '0', 'MKSTREAM').catch((err: Error) => {
          if (!/BUSYGROUP/.test(err.message)) throw err;
        }),
      ),
    );
  }

  /** Renews membership and works out which partitions are ours now. */
  async function beat(): Promise<void> {
    if (!beater || stopping) return;
    const keys = platforms.map(k.members);
    let reply: Array<number | string[]>;
    const sentAt = performance.now();
    try {
      reply = (await run(BEAT, keys, [me, `${++beatNo}`, ''], beater)) as Array<number | string[]>;
    } catch (err) {
      disrupted = true;
      throw err;
    }
    const before = members;
    const next = new Map<Platform, string[]>();
    const nextAlive = new Map<Platform, Set<string>>();
    const now = performance.now();
    const [sec, usec] = reply[platforms.length * 2] as unknown as [string, string];
    const ranAt = Number(sec) * 1000 + Math.floor(Number(usec) / 1000);
    // How long Redis (or the connection to it) held this beat: Redis's clock moved that much more than this process's
    // between the sending of our last two beats. A beat Redis held was sent on time and ran late; a beat of a process
    // that was slow (a busy event loop) was sent late, and ran as soon as it came.
    const heldMs = landed ? ranAt - landed.ranAt - (sentAt - landed.sentAt) : 0;
    const sentLateMs = beatDue > 0 ? Math.max(0, sentAt - beatDue) : 0;
    landed = { sentAt, ranAt };
    // A beat that could not land for a member's lifetime (Redis restarting or paused: ioredis held the command and sent
    // it once Redis answered again) is a beat this process could not make, like one that failed: the others could
    // not beat either, so nobody is taken for dead on it.
    // A late beat is not such a beat when Redis did not hold it (it left late, this process was slow: Redis answered
    // all along, and a member that did not beat in that time is as silent as it looks), nor when another member beat
    // several times meanwhile. Every process of a loaded machine may be slow at once: then nobody's token moved much,
    // and only the time the beat spent in Redis tells the two apart.
    const late = !disrupted && lastBeat > 0 && now - lastBeat > memberTtlMs;
    const answered =
      late &&
      (heldMs < memberTtlMs / 2 ||
        platforms.some((platform, i) => {
          const flat = reply[i * 2 + 1] as string[];
          const tokens = seen.get(platform);
          for (let j = 0; j < flat.length; j += 2) {
            const last = flat[j] === me ? undefined : tokens?.get(flat[j]!);
            if (last && Number(flat[j + 1]) - Number(last.token) >= ANSWERED_BEATS) return true;
          }
          return false;
        }));
    const grace = disrupted || (late && !answered);
    if (late) log.warn({ code: 'DELIVERY_BEAT_LATE', sinceLastBeatMs: now - lastBeat, sentLateMs, heldMs, freshStart: grace }, grace ? 'delivery heartbeat landed late, Redis held it: every member gets a fresh start' : 'delivery heartbeat landed late, this process was slow');
    disrupted = false;
    lastBeat = performance.now();
    for (const [i, platform] of platforms.entries()) {
      const fresh = reply[i * 2] === 1;
      const flat = reply[i * 2 + 1] as string[];
      const tokens = seen.get(platform) ?? new Map<string, { token: string; at: number }>();
      seen.set(platform, tokens);
      const live: string[] = [];
      const beaten = new Map<string, number>();
      const present = new Set<string>();
      for (let j = 0; j < flat.length; j += 2) {
        const [name, token] = [flat[j]!, flat[j + 1]!];
        present.add(name);
        const last = tokens.get(name);
        // A member is alive while its token moves; after a beat this process could not make, everyone gets a fresh start.
        if (!last || last.token !== token || grace) tokens.set(name, { token, at: now });
        if (name === me || now - tokens.get(name)!.at < memberTtlMs) {
          live.push(name);
          beaten.set(name, name === me ? beatNo : Number(token) || 0);
        } else {
          log.info({ code: 'DELIVERY_MEMBER_DEAD', platform, member: name, silentMs: now - tokens.get(name)!.at }, 'delivery member taken for dead');
          await run(REAP, [k.members(platform)], [name, token], beater).catch(() => 0);
        }
      }
      for (const name of tokens.keys()) if (!present.has(name)) tokens.delete(name);
      // Owners: the live members past their first beats (see joinBeats); while none is (every process just started), all.
      const bar = [...beaten.values()].some((n) => n >= joining) ? joining : 0;
      next.set(platform, live.filter((name) => beaten.get(name)! >= bar).sort());
      nextAlive.set(platform, new Set(live));
      if (fresh && before.has(platform)) {
        // We were taken for dead (a long pause): what we hold has been, or will be, claimed by others.
        log.warn({ platform, consumer: me }, 'delivery membership had lapsed: letting go of held items');
        const ours = new Set([...owned.values()].filter((p) => p.platform === platform).map((p) => p.key));
        dispatcher?.drop((item) => ours.has(refOf(item).stream));
        for (const p of owned.values()) {
          if (p.platform !== platform) continue;
          p.held.clear();
          // Taken again below if still ours, claiming back whatever of ours the others have not claimed.
          p.state = 'none';
        }
      }
    }
    confirmedAt = sentAt;
    for (const [platform, list] of next) {
      const was = before.get(platform) ?? [];
      if (was.join() !== list.join()) log.info({ code: 'DELIVERY_MEMBERS', platform, members: list, joined: list.filter((m) => !was.includes(m)), left: was.filter((m) => !list.includes(m)) }, 'delivery members changed');
    }
    members = next;
    alive = nextAlive;
    let changed = false;
    for (const p of owned.values()) {
      const mine = ownerOf(p.platform, p.n) === me;
      if (mine && p.state === 'none') {
        const previous = before.get(p.platform);
        const previousOwner = previous && previous.length > 0 ? previous[p.n % previous.length] : undefined;
        // A live previous owner may not have seen the new membership yet: it gets longer to stop reading (takeOver).
        p.settle = previousOwner === undefined ? (next.get(p.platform) ?? []).length > 1 : previousOwner !== me && (alive.get(p.platform)?.has(previousOwner) ?? false);
        const token = p.settle && previousOwner ? seen.get(p.platform)?.get(previousOwner)?.token : undefined;
        p.from = token !== undefined ? { member: previousOwner!, token: Number(token) } : null;
        p.state = 'waiting';
        p.since = now;
        changed = true;
        log.debug({ code: 'DELIVERY_STREAM_OURS', stream: p.key, previousOwner, settle: p.settle }, 'delivery stream assigned to this process');
      } else if (!mine && p.state !== 'none') {
        p.state = 'none';
        changed = true;
        await handOver(p, ownerOf(p.platform, p.n));
      }
    }
    // Each stream on its own: one whose previous owner is still finishing does not hold up the others.
    await Promise.all([...owned.values()].filter((p) => p.state === 'waiting').map((p) => takeOver(p, now)));
    if (changed) wakeReader();
    if (++beats % RECONCILE_EVERY === 0) await reconcile();
  }

  /**
   * Entries pending to this process that it does not hold: their acknowledgement was lost (Redis restarted from a
   * file a second behind) or they were read as the partition changed hands. Left alone, they would keep a new owner
   * waiting for us forever. Ours: taken back and sent (checked against the delivered marks first); another's: passed on.
   */
  async function reconcile(): Promise<void> {
    const parts = [...owned.values()].filter((p) => p.state !== 'waiting');
    if (parts.length === 0) return;
    const pipe = redis.pipeline();
    for (const p of parts) pipe.xpending(p.key, GROUP, 'IDLE', ORPHAN_IDLE_MS, '-', '+', 100, me);
    const replies = (await pipe.exec()) ?? [];
    for (const [i, p] of parts.entries()) {
      const [err, pending] = replies[i] ?? [null, []];
      if (err) continue;
      const ids = (pending as Array<[string, string, number, number]>).map(([id]) => id).filter((id) => !p.held.has(id));
      if (ids.length === 0) continue;
      const owner = ownerOf(p.platform, p.n);
      if (p.state === 'reading' && owner === me) {
        const taken = await adopt(p, (await redis.xclaim(p.key, GROUP, me, ORPHAN_IDLE_MS, ...ids)) as ClaimedEntry[]);
        log.warn({ stream: p.key, items: taken }, 'delivery items pending to this process without being held: taken back');
      } else if (owner && owner !== me) {
        await redis.xclaim(p.key, GROUP, owner, ORPHAN_IDLE_MS, ...ids, 'JUSTID');
        log.warn({ stream: p.key, items: ids.length, to: owner }, 'delivery items pending to this process without being held: passed to their owner');
      }
    }
  }

  /**
   * Sends first, in order, entries just claimed by this process that another held (or that it held without
   * knowing): marked redelivered (they may have been sent already), with their failed tries; an entry that holds no
   * item is acknowledged. Returns how many items were taken.
   */
  async function adopt(p: Partition, entries: ClaimedEntry[]): Promise<number> {
    const junk = entries.filter(([id, fields]) => itemOf(p.key, id, fields) === null).map(([id]) => id);
    if (junk.length > 0) await redis.xack(p.key, GROUP, ...junk);
    const items = entries.map(([id, fields]) => itemOf(p.key, id, fields)).filter((i): i is DeliveryItem => i !== null && !p.held.has(refOf(i).id));
    const tries = items.length > 0 ? await redis.hmget(k.tries, ...items.map((i) => i.key)) : [];
    items.forEach((item, i) => {
      const t = tries[i] ? (JSON.parse(tries[i]!) as { n: number; e: string }) : null;
      if (t) Object.assign(item, { attempts: t.n, lastError: t.e });
      item.redelivered = true;
      p.held.add(refOf(item).id);
      dispatcher?.push(item);
    });
    return items.length;
  }

  /**
   * Passes the entries of a partition we no longer own, and have not started, to its new owner: those waiting in the
   * dispatcher, and those pending to us that we do not hold (handed to us while we were still waiting to take the
   * partition over, or read as it changed hands). Left pending to a live member, the latter would hold up the new
   * owner's takeover (it waits for live holders) until `reconcile` found them idle, 5 s and more later.
   */
  async function handOver(p: Partition, to: string | undefined): Promise<void> {
    const dropped = dispatcher?.drop((item) => refOf(item).stream === p.key) ?? [];
    for (const item of dropped) p.held.delete(refOf(item).id);
    if (!to) return;
    const pending = (await redis.xpending(p.key, GROUP, '-', '+', holdMax * 2, me)) as Array<[string, string, number, number]>;
    // An entry being sent stays ours until it is settled; one settled meanwhile is no longer pending, and XCLAIM skips it.
    const ids = [...new Set([...dropped.map((item) => refOf(item).id), ...pending.map(([id]) => id).filter((id) => !p.held.has(id))])];
    if (ids.length > 0) await redis.xclaim(p.key, GROUP, to, 0, ...ids, 'JUSTID');
  }

  /**
   * Starts reading a partition that became ours: first the entries a stopped or dead member held (claimed,
   * sent first, in order), or the ones a live previous owner handed over; while a live member still holds
   * some, wait for it to finish them.
   */
  async function takeOver(p: Partition, now: number): Promise<void> {
    // The fence first: from now on only this process's reads of the stream return anything.
    await redis.set(k.owner(p.key), me);
    // A live previous owner stops reading within STALE_BEATS beats of the change (or of its last beat, if it cannot
    // beat), and its read in progress ends within one blocking read: only then is the partition ours to read.
    // Even when the previous owner is gone, another member may not have dropped it from its view yet (each removes a
    // silent member on its own clock, a beat apart at most) and still read: a beat and a blocking read cover that.
    // A live previous owner seen beating twice since the change has handed the partition over (Partition.from): the
    // fence keeps its reads out, and what it still holds is waited for below, so the same short wait covers it.
    const from = p.from ? seen.get(p.platform)?.get(p.from.member) : undefined;
    const handedOver = from !== undefined && Number(from.token) >= p.from!.token + 2;
    const wait = p.settle && !handedOver ? (STALE_BEATS + 1) * heartbeatMs + blockMs : heartbeatMs + blockMs;
    if (now - p.since < wait) return;
    const live = alive.get(p.platform) ?? new Set<string>();
    // While a live member still holds entries of this partition (finishing what it read, or handing over), nothing
    // is claimed: one of them may be for the same recipient as an entry we would send, and order would break.
    const summary = (await redis.xpending(p.key, GROUP)) as [number, string | null, string | null, Array<[string, string]> | null];
    const holders = (summary[3] ?? []).filter(([consumer]) => consumer !== me && live.has(consumer));
    if (holders.length > 0) {
      log.debug({ code: 'DELIVERY_STREAM_HELD', stream: p.key, holders, waitedMs: performance.now() - p.since }, 'delivery stream still held by a live member');
      return;
    }
    for (;;) {
      const pending = (await redis.xpending(p.key, GROUP, '-', '+', 1000)) as Array<[string, string, number, number]>;
      const claim = pending.filter(([id, consumer]) => (consumer === me ? !p.held.has(id) : !live.has(consumer))).map(([id]) => id);
      if (claim.length > 0) {
        const taken = await adopt(p, (await redis.xclaim(p.key, GROUP, me, 0, ...claim)) as ClaimedEntry[]);
        if (taken > 0) log.info({ stream: p.key, items: taken }, 'delivery items taken over from a stopped process');
      }
      if (pending.length < 1000 || claim.length === 0) break;
    }
    log.info({ code: 'DELIVERY_STREAM_TAKEN', stream: p.key, waitedMs: performance.now() - p.since, settle: p.settle, handedOver }, 'delivery stream taken over');
    p.state = 'reading';
    // The reader may be waiting on the streams it read before: it now has one more, whose entries may be waiting.
    wakeReader();
  }

  /** The last read failed: what it may have taken is pending to this process without being held. */
  let readLost = false;
  /**
   * Counts the read connection's drops. ioredis sends again, on the new connection, a command whose answer the old one
   * lost: a read that had taken entries then runs twice and answers with what the second run took, the first run's
   * entries left pending to this process, unheld. A read answered after a drop is therefore not handed out: what is
   * pending to this process is taken back in order instead (readLost).
   */
  let readsDropped = 0;
  const onReadsDropped = () => {
    readsDropped += 1;
  };

  /** Claims back, in order, and sends first, the entries of a partition pending to this process that it does not hold. */
  async function takeBackOrphans(p: Partition): Promise<void> {
    const pending = (await redis.xpending(p.key, GROUP, '-', '+', 1000, me)) as Array<[string, string, number, number]>;
    const ids = pending.map(([id]) => id).filter((id) => !p.held.has(id));
    if (ids.length === 0) return;
    const taken = await adopt(p, (await redis.xclaim(p.key, GROUP, me, 0, ...ids)) as ClaimedEntry[]);
    log.warn({ stream: p.key, items: taken }, 'delivery entries of a read whose answer was lost: taken back and sent first');
  }

  async function readLoop(): Promise<void> {
    while (!stopping) {
      // What changes from here on (a stream taken over, a hold freed) is seen by this read or ends its wait.
      woken = false;
      // With no beat for STALE_BEATS periods (Redis unreachable, a long pause), our view of the owners may be stale: read nothing.
      const fresh = performance.now() - lastBeat <= STALE_BEATS * heartbeatMs;
      const streams = fresh ? [...owned.values()].filter((p) => p.state === 'reading' && p.held.size < holdMax) : [];
      if (streams.length === 0) {
        await new Promise<void>((resolve) => {
          const t = setTimeout(resolve, heartbeatMs);
          endPause = () => {
            clearTimeout(t);
            resolve();
          };
        });
        continue;
      }
      // A read whose answer was lost (a connection dropped, Redis restarting) may have taken entries all the same: they
      // are older than anything the next read returns, so they are taken back first, or a recipient's order breaks.
      if (readLost) {
        try {
          for (const p of streams) await takeBackOrphans(p);
          readLost = false;
        } catch (err) {
          if (stopping) return;
          log.warn({ err }, 'delivery entries of a lost read not taken back yet, trying again shortly');
          await new Promise((r) => setTimeout(r, heartbeatMs));
          continue;
        }
      }
      // Per stream read: its key, the entries read, its last id.
      let read: Array<[string, Array<[string, string[] | null]>, string]> = [];
      // Where to wait for more once this read is handed out: none when a stream gave a full batch (read again at once).
      let waitFrom: string[] | null = null;
      try {
        const keys = streams.flatMap((p) => [k.owner(p.key), p.key]);
        const drops = readsDropped;
        read = (await run(READ, keys, [me, batch], reads)) as typeof read;
        if (readsDropped !== drops) {
          log.warn({ code: 'DELIVERY_READ_RESENT' }, 'delivery read answered over a new connection (it may have run twice): taking back in order what it took');
          readLost = true;
          continue;
        }
        // A stream the read left out has a fence naming another process, while our view says it is ours: that one took it
        // in a view of its own (after a Redis restart, members that each took the others for dead) and let it go again
        // without reading it. Nobody else will read it: it is taken again (fence first, then a wait for the other to stop).
        const fenced = streams.filter((p) => !read.some(([stream]) => stream === p.key));
        for (const p of fenced) {
          log.info({ code: 'DELIVERY_STREAM_FENCED', stream: p.key }, 'delivery stream fenced by another process: taking it again');
          Object.assign(p, { state: 'waiting', since: performance.now(), settle: true, from: null });
        }
        if (fenced.length === 0 && read.every(([, entries]) => entries.length < batch)) waitFrom = streams.map((p) => read.find(([stream]) => stream === p.key)?.[2] ?? '$');
      } catch (err) {
        if (stopping) return;
        log.warn({ err }, 'delivery read failed, reading again shortly');
        readLost = true;
        if (/NOGROUP/.test(String(err))) await ensureGroups().catch(() => {});
        await new Promise((r) => setTimeout(r, heartbeatMs));
        continue;
      }
      for (const [stream, entries] of read) {
        const p = owned.get(stream);
        for (const [id, fields] of entries) {
          const item = itemOf(stream, id, fields);
          if (!p || !item) {
            log.error({ stream, id, code: 'DELIVERY_ENTRY_INVALID' }, 'delivery stream entry holds no item: acknowledged and skipped');
            await redis.xack(stream, GROUP, id);
            continue;
          }
          if (p.state !== 'reading') {
            // Read just as the partition changed hands: it goes to its owner untouched.
            const to = ownerOf(p.platform, p.n);
            if (to && to !== me) await redis.xclaim(stream, GROUP, to, 0, id, 'JUSTID');
            else {
              p.held.add(id);
              dispatcher?.push(item);
            }
            continue;
          }
          p.held.add(id);
          dispatcher?.push(item);
        }
      }
      // Everything there was is read: wait on the streams (a plain XREAD, which claims nothing) for an entry past the
      // last one; reading again at once would most often find nothing.
      // What it returns is told `ahead` at once: the handler's reads for those items then leave with the next READ.
      // Woken while reading (a stream taken over, a hold freed): read again rather than wait on the streams of before.
      if (waitFrom && !stopping && !woken) {
        waiting = true;
        try {
          const woke = (await reader!.xread('COUNT', batch, 'BLOCK', idleWaitMs, 'STREAMS', ...streams.map((p) => p.key), ...waitFrom)) as Array<[string, Array<[string, string[]]>]> | null;
          if (ahead) for (const [stream, entries] of woke ?? []) for (const [id, fields] of entries) {
            const item = itemOf(stream, id, fields);
            if (item) ahead(item);
          }
        } catch (err) {
          if (!stopping) log.warn({ err }, 'delivery wait failed, reading again');
        } finally {
          waiting = false;
          stopUnblocking();
        }
      }
    }
  }

  /** The arguments of HAND_OFF_LUA_FN for these deliveries. */
  function handOffArgs(entries: Addressed[]): string[] {
    const platforms = entries.find((e) => 'fanOut' in e)?.fanOut.platforms ?? [];
    return [
      seenTtl, base, String(partitions), platforms.join(' '),
      ...entries.flatMap((e) =>
        'items' in e
          ? e.items.flatMap((item) => ['i', k.seen(item.key), streamOf(item), json(item)])
          : ['f', e.fanOut.identities, e.fanOut.notification.id, JSON.stringify(e.fanOut.notification), e.fanOut.enqueuedAt],
      ),
    ];
  }

  return {
    async enqueue(items) {
      if (items.length === 0) return 0;
      const keys = items.flatMap((item) => [k.seen(item.key), streamOf(item)]);
      return Number(await run(ENQUEUE, keys, [seenTtl, ...items.map(json)]));
    },

    ...(isCluster(redis)
      ? {}
      : {
          handOffArgs,
          async enqueueFromOutbox(entries: Addressed[], head: OutboxHead) {
            const reply = await run(ENQUEUE_FROM_OUTBOX, head.location, [head.caseId, head.ids.length, ...head.ids, ...handOffArgs(entries)]);
            if (!Array.isArray(reply)) return null;
            const [left, ...unaddressed] = reply as [number, ...string[]];
            return { left: Number(left), unaddressed };
          },
        }),

    async done(item, delivered) {
      const { stream, id } = refOf(item);
      if (!id) {
        if (delivered) await redis.set(k.sent(item.key), '1', 'PX', Number(seenTtl));
        await redis.hdel(k.tries, item.key);
        return;
      }
      await run(DONE, [stream, k.sent(item.key), k.tries], [id, delivered ? '1' : '0', seenTtl, item.key]);
    },

    async failed(item, error) {
      return Number(await run(FAILED, [k.tries], [item.key, error.slice(0, 500), item.attempts]));
    },

    async bury(item, error, at) {
      const { stream, id } = refOf(item);
      const { ref: _r, redelivered: _d, ...rest } = item;
      const letter: DeadLetter = { ...rest, error: error.slice(0, 500), failedAt: at };
      await run(BURY, [stream, k.dead, k.tries], [id, item.key, JSON.stringify(letter)]);
    },

    async wasDelivered(key) {
      return (await redis.exists(k.sent(key))) === 1;
    },

    async stillHeld(item) {
      const { stream, id } = refOf(item);
      if (!id) return true;
      // Held, and a beat confirmed our membership lately: nobody can have taken the item, no round trip.
      if (owned.get(stream)?.held.has(id) && performance.now() - confirmedAt <= STALE_BEATS * heartbeatMs) return true;
      // A process that stalled (frozen, its event loop blocked) may have been taken for dead meanwhile, and its items
      // claimed and sent by the stream's new owner, with later ones: the item is still ours only if still pending to us.
      const [entry] = (await redis.xpending(stream, GROUP, id, id, 1)) as Array<[string, string, number, number]>;
      return entry?.[1] === me;
    },

    async deadLetters() {
      const all = Object.values(await redis.hgetall(k.dead)).map((raw) => JSON.parse(raw) as DeadLetter);
      return all.sort((a, b) => a.failedAt.localeCompare(b.failedAt));
    },

    async replay(key) {
      const raw = await redis.hget(k.dead, key);
      if (!raw) return false;
      const { error: _e, failedAt: _f, lastError: _l, ...item } = JSON.parse(raw) as DeadLetter;
      return (await run(REPLAY, [k.dead, streamOf(item)], [key, json({ ...item, attempts: 0 })])) === 1;
    },

    async counts() {
      const [dead, retrying] = await Promise.all([redis.hlen(k.dead), redis.hlen(k.tries)]);
      return { dead, retrying };
    },

    async start(handle, consumed, told) {
      if (dispatcher) return;
      ahead = told;
      stopping = false;
      platforms = [...new Set(consumed)];
      for (const platform of platforms) {
        for (let n = 0; n < partitions; n += 1) {
          const key = k.stream(platform, n);
          owned.set(key, { platform, n, key, state: 'none', held: new Set(), since: 0, settle: true, from: null });
        }
      }
      dispatcher = createDispatcher({
        handle,
        concurrency: opts.concurrency,
        logger: log,
        settled: (item) => {
          const { stream, id } = refOf(item);
          const p = owned.get(stream);
          if (p?.held.delete(id) && p.held.size === holdMax - 1) wakeReader();
        },
      });
      await ensureGroups();
      reads.on('close', onReadsDropped);
      reader = blockingConnection(redis);
      beater = blockingConnection(redis);
      if (!isCluster(reader)) readerId = Number(await reader.client('ID'));
      unblockWait = () => {
        if (readerId !== null && beater && !isCluster(beater)) void beater.client('UNBLOCK', readerId).catch(() => {});
      };
      await beat();
      const tick = () => {
        beatDue = performance.now() + heartbeatMs;
        beatTimer = setTimeout(() => {
          beat()
            .catch((err: unknown) => log.warn({ err }, 'delivery heartbeat failed'))
            .finally(() => {
              if (!stopping) tick();
            });
        }, heartbeatMs);
        beatTimer.unref();
      };
      tick();
      loop = readLoop().catch((err: unknown) => log.error({ err }, 'delivery read loop stopped'));
    },

    backlog() {
      return dispatcher?.moving ?? 0;
    },

    async close() {
      if (!dispatcher) return;
      stopping = true;
      clearTimeout(beatTimer);
      reads.off('close', onReadsDropped);
      wakeReader();
      await dispatcher.stop();
      dispatcher = null;
      // Leaving the member sets lets the others claim what we held at once, instead of after our expiry.
      const keys = platforms.map(k.members);
      if (beater) await run(BEAT, keys, [me, '', 'leave'], beater).catch(() => {});
      await loop;
      await Promise.all([reader, beater].map((c) => c?.quit().catch(() => c.disconnect())));
      reader = beater = null;
      owned.clear();
      members = new Map();
      alive = new Map();
      seen.clear();
      disrupted = true;
      landed = null;
      beatDue = 0;
    },
  };
}

/** The partition of a target: FNV-1a of its text, so every process agrees. */
export function partitionOf(target: string, partitions: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < target.length; i += 1) {
    h ^= target.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h % partitions;
}
