import { createHash, randomBytes } from 'node:crypto';
import type { Case, CaseEvent } from '../domain/case-model.js';
import { ConflictError } from '../domain/errors.js';
import type { AppendOptions, CaseFilter, CaseStore } from '../ports/case-store.js';
import type { Notification } from '../ports/notification.js';
import type { AppendHandOff, OutboxHead } from '../ports/outbox.js';
import { decodeEntry, decodeJson, encodeEntry, encodeJson } from './case-codec.js';
import { createLru } from './lru.js';
import { formatCaseId, matchesFilter, newestFirst } from './case-filter.js';
import { checkAppend } from './memory-case-store.js';
import { INBOUND_KEEP_MS, APPEND_CLAIM_INDEXED_LUA, APPEND_CLAIM_LUA, APPEND_INDEXED_LUA, APPEND_LUA, READ_AT_LUA, READ_LUA, REINDEX_LUA, RELEASE_LUA } from './redis-case-scripts.js';
import type { SubjectLocation } from '../ports/threads.js';
import { isCluster, scriptRunner, type RedisClient } from './redis.js';
import type { Logger } from '../ports/logger.js';

type Snapshot = Omit<Case, 'timeline'>;
/** A snapshot as stored: without the fields the timeline's opening holds (see storedSnapshot). */
type StoredSnapshot = Omit<Snapshot, 'description' | 'reason' | 'orderTotal'> & Partial<Pick<Snapshot, 'description' | 'reason' | 'orderTotal'>>;
type Reply = [Error | null, unknown];
type Cmd = [method: string, ...args: (string | number | Buffer)[]];

/** The Redis case store plus its crash repair. */
export interface RedisCaseStore extends CaseStore {
  /** Re-indexes cases whose index update was lost (a crash between an append and its index update). */
  repairIndexes(): Promise<number>;
}

export interface RedisCaseStoreOptions {
  /** Put before every key (default `palabre:`); no braces, they would break the hash tags. */
  prefix?: string;
  /** Told when an index update fails after a stored append (the dirty mark lets the sweep repair it). */
  logger?: Logger;
  /** How many cases' decoded timelines this process keeps (least recently loaded dropped first). Default 5,000; 0 = none. */
  timelineCache?: number;
  /**
   * Where `load` reads (an auto-pipelined connection, see readConnection, so that a case read joins the other reads
   * of its turn in one round trip); `redis` by default.
   */
  reads?: RedisClient;
  /**
   * Where the inbound events' once-only marks live (`redisDedupLocation` of the Dedup in use): on a standalone Redis an
   * append asked to (AppendOptions.markInbound) confirms its event's mark in its own script. Without it, never.
   */
  dedupMarks?: (key: string) => { bucket: string; field: Buffer };
  /**
   * On a standalone Redis shared with the delivery queues: the hand-off of an append's notifications, done by the
   * append's own script (AppendHandOff); null, or none given, leaves them in the outbox for the outbox worker.
   */
  handOff?: (notifications: Notification[]) => AppendHandOff | null;
}

const PAGE = 200;
/** Hashes the order index is spread over (see REINDEX_LUA): listpacks up to ~128 orders each (Redis' default). */
const ORDER_BUCKETS = 1024;
const CASE_ID = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * Cases in Redis. Key layout (`p` = prefix):
 * - `p case:{C-000123}` snapshot without the timeline; `…:events` the timeline (list, append-only), both
 *   as deflated JSON (case-codec.ts); `…:outbox` pending Notification JSON (list). One hash tag, so the append script is atomic on Cluster.
 * - `p seq:case` case numbers (INCR); `p claim:order:<orderId>` the open case holding an order (SET NX).
 * - `p {idx}:…` cross-case indexes, one slot: zsets by opening time `all`, `buyer:<id>`, `seller:<id>`,
 *   `shop:<id>`, `status:<status>`; an order's case ids in `orders:<n>` (a hash per bucket of orders; earlier versions
 *   kept a zset `order:<id>`, still read); `due:escalate` / `due:late` by deadline; hash `version`
 *   (last indexed version per case); set `outbox` (cases with notifications); set `dirty`.
 *
 * `load` keeps decoded timelines of recently loaded cases (`timelineCache`) and reads only the entries past them.
 *
 * On a standalone Redis an append is one script, one round trip: the append and the re-index (which also SADDs
 * `outbox`) in one atomic step. On Cluster the indexes are another slot, so an append is two round trips:
 * [SADD dirty `id#version#nonce`, the append script], then the re-index script,
 * which also SADDs `outbox` and removes the dirty mark. A crash between the two leaves the case stored
 * but the indexes stale and the outbox unflagged; the dirty mark survives, and `casesWithOutbox()`
 * (the outbox sweep) first calls `repairIndexes()`, which re-indexes every dirty case from its snapshot.
 */
export function createRedisCaseStore(redis: RedisClient, options: RedisCaseStoreOptions = {}): RedisCaseStore {
  const { prefix = 'palabre:', logger } = options;
  const timelines = createLru<CaseEvent[]>(options.timelineCache ?? 5000);
  /**
   * The last snapshot of each case this process wrote or read, stored bytes (as a latin1 string: a small Buffer would
   * hold on to the 8 KB pool slab it was cut from) and JSON text: a load that finds the same bytes in Redis (the case
   * unchanged since, or changed by this process) parses the text instead of inflating them.
   */
  const snapshotTexts = createLru<{ bytes: string; json: string }>(options.timelineCache ?? 5000);
  if (prefix.includes('{') || prefix.includes('}')) throw new Error('case store prefix must not contain { or } (Cluster hash tags)');
  const cmds = redis as unknown as Record<string, (...args: (string | number | Buffer)[]) => Promise<unknown>>;
  redis.defineCommand('palabreCaseAppend', { numberOfKeys: 4, lua: APPEND_LUA });
  redis.defineCommand('palabreCaseReindex', { numberOfKeys: 13, lua: REINDEX_LUA });
  redis.defineCommand('palabreReleaseClaim', { numberOfKeys: 1, lua: RELEASE_LUA });
  redis.defineCommand('palabreCaseAppendClaim', { numberOfKeys: 5, lua: APPEND_CLAIM_LUA });
  const reads = options.reads;
  reads?.defineCommand('palabreCaseRead', { numberOfKeys: 2, lua: READ_LUA });
  const readScript = reads ? (reads as unknown as Record<string, (...a: (string | number)[]) => Promise<[Buffer, Buffer[]] | null>>).palabreCaseReadBuffer!.bind(reads) : null;
  // A case named by a thread registry's entry, read with it (single Redis: the case is not in the entry's slot).
  const readAtConn = isCluster(redis) ? null : (reads ?? redis);
  readAtConn?.defineCommand('palabreCaseReadAt', { numberOfKeys: 2, lua: READ_AT_LUA });
  const readAtScript = readAtConn
    ? (readAtConn as unknown as Record<string, (...a: (string | number)[]) => Promise<[Buffer, Buffer?, Buffer[]?] | null>>).palabreCaseReadAtBuffer!.bind(readAtConn)
    : null;
  redis.defineCommand('palabreCaseAppendIndexed', { lua: APPEND_INDEXED_LUA });
  redis.defineCommand('palabreCaseAppendClaimIndexed', { lua: APPEND_CLAIM_INDEXED_LUA });

  const caseKey = (id: string) => `${prefix}case:{${id}}`;
  const eventsKey = (id: string) => `${caseKey(id)}:events`;
  const outboxKey = (id: string) => `${caseKey(id)}:outbox`;
  const claimKey = (orderId: string) => `${prefix}claim:order:${orderId}`;
  const idx = (name: string) => `${prefix}{idx}:${name}`;
  const runScript = scriptRunner(redis);
  const statusIdx = (s: string) => idx(`status:${s}`);
  /** The hash holding an order's case ids among those of other orders (see REINDEX_LUA). */
  const orderBucket = (orderId: string) => idx(`orders:${createHash('sha1').update(orderId).digest().readUInt32BE(0) % ORDER_BUCKETS}`);

  /** Several commands in one round trip: a pipeline, or on Cluster concurrent commands (keys span slots). */
  async function send(list: Cmd[]): Promise<Reply[]> {
    if (!isCluster(redis)) {
      const p = redis.pipeline() as unknown as Record<string, (...a: unknown[]) => unknown> & { exec(): Promise<Reply[] | null> };
      for (const [m, ...a] of list) p[m]!(...a);
      return (await p.exec()) ?? [];
    }
    return Promise.all(list.map(([m, ...a]) => cmds[m]!(...a).then((v): Reply => [null, v], (e: Error): Reply => [e, null])));
  }

  function reindexKeys(s: StoredSnapshot): string[] {
    return [
      idx('version'), idx('all'), idx(`buyer:${s.buyerId}`), idx(`seller:${s.sellerId}`), idx(`shop:${s.shopId}`),
      orderBucket(s.orderId), statusIdx('open'), statusIdx('escalated'), statusIdx('closed'),
      idx('due:escalate'), idx('due:late'), idx('outbox'), idx('dirty'),
    ];
  }

  function reindexArgs(s: StoredSnapshot, hasOutbox: boolean, dirty: string): (string | number)[] {
    const ms = (iso: string) => Date.parse(iso);
    return [s.id, s.version, s.status, ms(s.openedAt), ms(s.escalatableAt), ms(s.lateAt), hasOutbox ? 1 : 0, dirty, s.orderId];
  }

  function reindexCmd(s: StoredSnapshot, hasOutbox: boolean, dirty: string): Cmd {
    return ['palabreCaseReindex', ...reindexKeys(s), ...reindexArgs(s, hasOutbox, dirty)];
  }

  async function snapshots(ids: string[]): Promise<StoredSnapshot[]> {
    if (ids.length === 0) return [];
    const replies = await send(ids.map((id): Cmd => ['getBuffer', caseKey(id)]));
    return replies.flatMap(([err, v]) => {
      if (err) throw err;
      return Buffer.isBuffer(v) ? [decodeEntry<StoredSnapshot>(v)] : [];
    });
  }

  /** The snapshot and the timeline entries from index `from` on, read together. */
  async function read(id: string, from: number): Promise<{ snap: StoredSnapshot; tail: CaseEvent[] } | null> {
    let snap: unknown;
    let events: unknown;
    if (readScript) {
      // One script keeps the snapshot and the timeline from the same version, and rides the read connection's pipeline.
      [snap, events] = (await readScript(caseKey(id), eventsKey(id), from)) ?? [null, []];
    } else {
      // MULTI keeps the snapshot and the timeline from the same version (one slot, so Cluster accepts it).
      const res = await redis.multi().getBuffer(caseKey(id)).lrangeBuffer(eventsKey(id), from, -1).exec();
      [snap, events] = (res ?? []).map(([err, v]) => {
        if (err) throw err;
        return v;
      });
    }
    if (!Buffer.isBuffer(snap)) return null;
    return { snap: snapshotOf(id, snap), tail: (events as Buffer[]).map((e) => deepFreeze(decodeEntry<CaseEvent>(e))) };
  }

  /** A stored snapshot read back: its JSON text known to this process when the bytes are those it last saw. */
  function snapshotOf(id: string, raw: Buffer): StoredSnapshot {
    const known = snapshotTexts.get(id);
    const bytes = raw.toString('latin1');
    if (known !== undefined && known.bytes === bytes) return JSON.parse(known.json) as StoredSnapshot;
    const json = decodeJson(raw);
    snapshotTexts.set(id, { bytes, json });
    return JSON.parse(json) as StoredSnapshot;
  }

  /**
   * Timelines are append-only and a snapshot's version is its timeline's length, so only the entries past the
   * cached ones are fetched and decoded. Cached entries are frozen and shared: callers get a fresh array of them.
   */
  async function load(id: string): Promise<Case | null> {
    if (!CASE_ID.test(id)) return null;
    const cached = timelines.get(id);
    const got = await read(id, cached?.length ?? 0);
    if (!got) {
      timelines.forget(id);
      return null;
    }
    let { snap, tail: timeline } = got;
    if (cached) {
      timeline = cached.concat(timeline);
      // A cache longer than the stored timeline, or of another case under a reused id, means the keys were deleted.
      if (timeline.length !== snap.version || !sameCase(cached, snap)) {
        timelines.forget(id);
        const fresh = await read(id, 0);
        if (!fresh) return null;
        ({ snap, tail: timeline } = fresh);
      }
    }
    if (timeline.length === snap.version) timelines.set(id, timeline);
    return { ...withOpening(snap, timeline), timeline: timeline.slice() };
  }

  /**
   * `load` of the case a thread registry's entry names, read with the entry: the whole timeline comes back (the case
   * was not known before), and only the entries past this process's cached ones are decoded.
   */
  async function loadAt(at: SubjectLocation): Promise<{ subject: string | null; case: Case | null }> {
    const [rawId, snapRaw, events] = (await readAtScript!(at.key, at.previous, at.field, `${prefix}case:{`)) ?? [];
    if (!rawId) return { subject: null, case: null };
    const subject = rawId.toString();
    if (!CASE_ID.test(subject)) return { subject, case: null };
    if (!Buffer.isBuffer(snapRaw)) {
      timelines.forget(subject);
      return { subject, case: null };
    }
    const snap = snapshotOf(subject, snapRaw);
    const stored = events ?? [];
    const cached = timelines.get(subject);
    const held = cached && cached.length <= stored.length ? cached : [];
    let timeline = held.concat(stored.slice(held.length).map((e) => deepFreeze(decodeEntry<CaseEvent>(e))));
    // A cache that does not fit the stored case (its keys were deleted and the id reused): decoded afresh.
    if (held.length > 0 && (timeline.length !== snap.version || !sameCase(timeline, snap))) timeline = stored.map((e) => deepFreeze(decodeEntry<CaseEvent>(e)));
    if (timeline.length === snap.version) timelines.set(subject, timeline);
    else timelines.forget(subject);
    return { subject, case: { ...withOpening(snap, timeline), timeline: timeline.slice() } };
  }

  /** An order's case ids: its field of its bucket, and the sorted set earlier versions kept per order. */
  async function idsOfOrder(orderId: string): Promise<string[]> {
    const [held, legacy] = await Promise.all([redis.hget(orderBucket(orderId), orderId), redis.zrange(idx(`order:${orderId}`), 0, -1)]);
    return [...new Set([...(held ? held.split(' ') : []), ...legacy])];
  }

  /** Candidate ids from the narrowest index for the filter, newest first, a page at a time. */
  function indexFor(f: CaseFilter): string {
    if (f.buyerId !== undefined) return idx(`buyer:${f.buyerId}`);
    if (f.sellerId !== undefined) return idx(`seller:${f.sellerId}`);
    if (f.shopId !== undefined) return idx(`shop:${f.shopId}`);
    const statuses = f.status === undefined ? [] : Array.isArray(f.status) ? f.status : [f.status];
    return statuses.length === 1 ? statusIdx(statuses[0]!) : idx('all');
  }

  async function list(f: CaseFilter): Promise<Case[]> {
    const limit = f.limit ?? Infinity;
    const found: StoredSnapshot[] = [];
    if (f.overdueAt !== undefined) {
      const at = Date.parse(f.overdueAt);
      const [a, b] = await Promise.all([
        redis.zrangebyscore(idx('due:escalate'), '-inf', at),
        redis.zrangebyscore(idx('due:late'), '-inf', at),
      ]);
      found.push(...(await snapshots([...new Set([...a, ...b])])).filter((s) => matchesFilter(s, f)));
    } else if (f.orderId !== undefined) {
      // An order has a few cases: all of them at once.
      found.push(...(await snapshots(await idsOfOrder(f.orderId))).filter((s) => matchesFilter(s, f)));
    } else {
      const key = indexFor(f);
      for (let start = 0; found.length < limit; start += PAGE) {
        const ids = await redis.zrevrange(key, start, start + PAGE - 1);
        found.push(...(await snapshots(ids)).filter((s) => matchesFilter(s, f)));
        if (ids.length < PAGE) break;
      }
    }
    found.sort(newestFirst);
    const cases = await Promise.all(found.slice(0, limit).map((s) => load(s.id)));
    // A case may have changed between the index read and the load: filter again on what was loaded.
    return cases.filter((c): c is Case => c !== null && matchesFilter(c, f));
  }

  async function repairIndexes(): Promise<number> {
    const marks = await redis.smembers(idx('dirty'));
    for (const mark of marks) {
      const id = mark.split('#')[0]!;
      const replies = await send([['getBuffer', caseKey(id)], ['llen', outboxKey(id)]]);
      const snap = replies[0]?.[1];
      const pending = Number(replies[1]?.[1]);
      if (!Buffer.isBuffer(snap)) {
        await redis.srem(idx('dirty'), mark);
        continue;
      }
      await send([reindexCmd(decodeEntry<StoredSnapshot>(snap), pending > 0, mark)]);
    }
    return marks.length;
  }

  return {
    async nextCaseId() {
      return formatCaseId(await redis.incr(`${prefix}seq:case`));
    },

    async claimOrder(orderId, caseId) {
      if ((await redis.set(claimKey(orderId), caseId, 'NX')) === 'OK') return true;
      return (await redis.get(claimKey(orderId))) === caseId;
    },

    async releaseOrder(orderId, caseId) {
      await cmds.palabreReleaseClaim!(claimKey(orderId), caseId);
    },

    async openCaseForOrder(orderId) {
      return redis.get(claimKey(orderId));
    },

    load,

    ...(readAtScript ? { loadAt } : {}),

    async append(caseId: string, expectedVersion: number, events: CaseEvent[], next: Case, notifications: Notification[], opts?: AppendOptions) {
      checkAppend(caseId, expectedVersion, events, next);
      if (!CASE_ID.test(caseId)) throw new Error(`case id ${JSON.stringify(caseId)} is not a key-safe id`);
      const snapshot = storedSnapshot(next);
      if (!isCluster(redis)) return appendIndexed(caseId, expectedVersion, events, snapshot, notifications, opts);
      // Unique per attempt, so a writer that loses the version race can drop its own mark.
      const mark = `${caseId}#${next.version}#${randomBytes(4).toString('hex')}`;
      const claim = opts?.claimOrder;
      const inboundKey = opts?.inboundKey;
      // On Cluster the claim is another slot: it is taken just before the append and given back if the append fails.
      const clusterClaim = claim !== undefined && isCluster(redis);
      if (clusterClaim && (await redis.set(claimKey(claim), caseId, 'NX')) !== 'OK') {
        const holder = await redis.get(claimKey(claim));
        throw new ConflictError('ORDER_CLAIMED', `order ${claim} is held by ${holder}`, { caseId: holder ?? '' });
      }
      const caseKeys = [caseKey(caseId), eventsKey(caseId), outboxKey(caseId), `${caseKey(caseId)}:inbound`];
      const snapshotJson = JSON.stringify(snapshot);
      const snapshotRaw = encodeJson(snapshotJson);
      const payload = [expectedVersion, snapshotRaw, events.length, inboundKey ?? '', ...events.map((e) => encodeEntry(e)), ...notifications.map((n) => JSON.stringify(n))];
      const appendCmd: Cmd =
        claim !== undefined && !clusterClaim
          ? ['palabreCaseAppendClaim', ...caseKeys, claimKey(claim), caseId, ...payload]
          : ['palabreCaseAppend', ...caseKeys, ...payload];
      const replies = await send([['sadd', idx('dirty'), mark], appendCmd]);
      const err = replies[1]?.[0];
      if (err) {
        if (clusterClaim) await cmds.palabreReleaseClaim!(claimKey(claim), caseId);
        const applied = /ALREADY_APPLIED (\d+):(\d+)/.exec(err.message);
        if (applied) {
          await redis.srem(idx('dirty'), mark);
          throw new ConflictError('ALREADY_APPLIED', `case ${caseId} already holds inbound event ${inboundKey}`, { from: Number(applied[1]), count: Number(applied[2]) }, { cause: err });
        }
        if (err.message.startsWith('VERSION_CONFLICT')) {
          await redis.srem(idx('dirty'), mark);
          throw new ConflictError('VERSION_CONFLICT', `case ${caseId} is not at version ${expectedVersion}`, {}, { cause: err });
        }
        if (err.message.startsWith('ORDER_CLAIMED')) {
          await redis.srem(idx('dirty'), mark);
          const holder = err.message.split(' ')[1] ?? '';
          throw new ConflictError('ORDER_CLAIMED', `order ${claim} is held by ${holder}`, { caseId: holder }, { cause: err });
        }
        throw err;
      }
      remember(caseId, expectedVersion, events, { bytes: snapshotRaw.toString('latin1'), json: snapshotJson });
      // The events are stored: an index failure must not look like a failed append to the caller.
      const [reindexed] = await send([reindexCmd(snapshot, notifications.length > 0, mark)]).catch((e: Error) => [[e, null] as Reply]);
      if (reindexed?.[0]) logger?.error({ err: reindexed[0], caseId }, 'case indexes not updated; the outbox sweep will repair them');
    },

    list,

    async peekOutbox(caseId, max) {
      if (max <= 0 || !CASE_ID.test(caseId)) return [];
      const items = await redis.lrange(outboxKey(caseId), 0, max - 1);
      return items.map((n) => JSON.parse(n) as Notification);
    },

    async ackOutbox(caseId, ids) {
      if (!CASE_ID.test(caseId)) return 0;
      // On a standalone Redis the outbox flag goes in the same script (the append sets both atomically there too).
      if (!isCluster(redis)) return Number(await runScript(ACK_OUTBOX, [outboxKey(caseId), idx('outbox')], [caseId, ...ids]));
      const left = Number(await runScript(ACK_OUTBOX, [outboxKey(caseId)], ['', ...ids]));
      if (left === 0) await unflagIfEmpty(caseId);
      return left;
    },

    // Standalone only: a Cluster keeps the outbox, its flag and the delivery streams in different slots.
    ...(isCluster(redis)
      ? {}
      : {
          outboxHead: (caseId: string, ids: string[]): OutboxHead | null =>
            CASE_ID.test(caseId) ? { caseId, ids, location: [outboxKey(caseId), idx('outbox')] } : null,
        }),

    async casesWithOutbox() {
      await repairIndexes();
      const ids = await redis.smembers(idx('outbox'));
      const lengths = await send(ids.map((id): Cmd => ['llen', outboxKey(id)]));
      const empty = ids.filter((_, i) => Number(lengths[i]?.[1]) === 0);
      await Promise.all(empty.map(unflagIfEmpty));
      return ids.filter((_, i) => Number(lengths[i]?.[1]) > 0);
    },

    repairIndexes,
  };

  /** The stored timeline is what this process holds plus these events (the script checked the length); the snapshot is this one. */
  function remember(caseId: string, expectedVersion: number, events: CaseEvent[], snapshot: { bytes: string; json: string }): void {
    snapshotTexts.set(caseId, snapshot);
    const held = timelines.get(caseId);
    if (held?.length === expectedVersion) timelines.set(caseId, held.concat(events.map((e) => deepFreeze(copyOfJson(e)))));
    else timelines.forget(caseId);
  }

  /**
   * Standalone Redis: the append and the re-index in one script, one round trip, atomic (no dirty mark: nothing can
   * fall between them). Cluster keeps the two steps, the indexes being another slot.
   */
  async function appendIndexed(caseId: string, expectedVersion: number, events: CaseEvent[], snapshot: StoredSnapshot, notifications: Notification[], opts?: AppendOptions): Promise<void> {
    const claim = opts?.claimOrder;
    const inboundKey = opts?.inboundKey;
    const caseKeys = [caseKey(caseId), eventsKey(caseId), outboxKey(caseId), `${caseKey(caseId)}:inbound`, ...(claim !== undefined ? [claimKey(claim)] : [])];
    const mark = opts?.markInbound && options.dedupMarks ? options.dedupMarks(opts.markInbound.key) : null;
    const keys = [...caseKeys, ...reindexKeys(snapshot), ...(mark ? [mark.bucket] : [])];
    const handOff = notifications.length > 0 ? (options.handOff?.(notifications) ?? null) : null;
    const snapshotJson = JSON.stringify(snapshot);
    const snapshotRaw = encodeJson(snapshotJson);
    const args = [
      caseKeys.length, ...reindexArgs(snapshot, notifications.length > 0, ''), mark ? INBOUND_KEEP_MS : '', mark ? mark.field : '',
      handOff?.args.length ?? 0, ...(handOff?.args ?? []),
      ...(claim !== undefined ? [caseId] : []),
      expectedVersion, snapshotRaw, events.length, inboundKey ?? '', ...events.map((e) => encodeEntry(e)), ...notifications.map((n) => JSON.stringify(n)),
    ];
    const script = claim !== undefined ? 'palabreCaseAppendClaimIndexed' : 'palabreCaseAppendIndexed';
    let reply: unknown;
    try {
      reply = await (cmds[script] as (...a: (string | number | Buffer)[]) => Promise<unknown>)(keys.length, ...keys, ...args);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const applied = /ALREADY_APPLIED (\d+):(\d+)/.exec(message);
      if (applied) throw new ConflictError('ALREADY_APPLIED', `case ${caseId} already holds inbound event ${inboundKey}`, { from: Number(applied[1]), count: Number(applied[2]) }, { cause: err });
      if (message.startsWith('VERSION_CONFLICT')) throw new ConflictError('VERSION_CONFLICT', `case ${caseId} is not at version ${expectedVersion}`, {}, { cause: err });
      if (message.startsWith('ORDER_CLAIMED')) {
        const holder = message.split(' ')[1] ?? '';
        throw new ConflictError('ORDER_CLAIMED', `order ${claim} is held by ${holder}`, { caseId: holder }, { cause: err });
      }
      throw err;
    }
    if (mark && opts?.markInbound) opts.markInbound.done = true;
    remember(caseId, expectedVersion, events, { bytes: snapshotRaw.toString('latin1'), json: snapshotJson });
    if (handOff && Array.isArray(reply)) {
      const [moved, ...unaddressed] = reply as [number, ...string[]];
      handOff.settle(Number(moved) === 1, unaddressed.map(String));
    }
  }

  /**
   * Removes a case from the outbox set, then looks again: an append that landed in between re-flags
   * it (its re-index SADD may have run before our SREM).
   */
  async function unflagIfEmpty(caseId: string): Promise<void> {
    await redis.srem(idx('outbox'), caseId);
    if ((await redis.llen(outboxKey(caseId))) > 0) await redis.sadd(idx('outbox'), caseId);
  }
}

/**
 * KEYS: a case outbox[, the set of cases with an outbox]. ARGV: the case id, notification ids. Trims the outbox's
 * first entries while their ids are ARGV in order (a concurrent hand-off may have trimmed them already); with the
 * set, removes the case from it once its outbox is empty. Returns the entries left.
 */
const ACK_OUTBOX = `
local n = 0
for i = 2, #ARGV do
  local raw = redis.call('LINDEX', KEYS[1], n)
  if not raw then break end
  local ok, entry = pcall(cjson.decode, raw)
  if not ok or type(entry) ~= 'table' or entry.id ~= ARGV[i] then break end
  n = n + 1
end
if n > 0 then redis.call('LTRIM', KEYS[1], n, -1) end
local left = redis.call('LLEN', KEYS[1])
if left == 0 and KEYS[2] then redis.call('SREM', KEYS[2], ARGV[1]) end
return left`;

/**
 * Fields a case takes from its opening event and the store needs only with the timeline (not to list or index), each
 * with the field it follows in a Case: a snapshot leaves out those equal to the opening's (see storedSnapshot).
 */
const FROM_OPENING: ReadonlyArray<readonly [field: 'reason' | 'description' | 'shippingAddress' | 'orderTotal', follows: string]> = [
  ['reason', 'sellerId'],
  ['description', 'reason'],
  ['shippingAddress', 'closedAt'],
  ['orderTotal', 'lateDelivery'],
];

/**
 * The snapshot to store: the case without its timeline, and without the FROM_OPENING fields that still hold what the
 * timeline's opening says (the description above all, up to a few hundred bytes): they are kept once, in the opening.
 */
function storedSnapshot(next: Case): StoredSnapshot {
  const { timeline, ...snapshot } = next;
  const opening = timeline[0];
  if (opening?.type !== 'opened') return snapshot;
  const stored: Record<string, unknown> = { ...snapshot };
  for (const [field] of FROM_OPENING) {
    if (stored[field] !== undefined && JSON.stringify(stored[field]) === JSON.stringify(opening[field])) delete stored[field];
  }
  return stored as StoredSnapshot;
}

/**
 * A stored snapshot with the fields it left out taken back from the timeline's opening, in the Case's key order.
 * Snapshots of earlier versions hold every field.
 */
function withOpening(snap: StoredSnapshot, timeline: readonly CaseEvent[]): Snapshot {
  const opening = timeline[0];
  const missing = opening?.type === 'opened' ? FROM_OPENING.filter(([field]) => !(field in snap) && opening[field] !== undefined) : [];
  if (missing.length === 0) return snap as Snapshot;
  const out: Record<string, unknown> = {};
  const put = (key: string, value: unknown) => {
    out[key] = value;
    // The cached opening is frozen and shared: the case gets its own copy.
    for (const [field, follows] of missing) if (follows === key) put(field, copyOfJson(opening![field as keyof typeof opening]));
  };
  for (const [key, value] of Object.entries(snap)) put(key, value);
  for (const [field] of missing) if (!(field in out)) out[field] = copyOfJson(opening![field as keyof typeof opening]);
  return out as Snapshot;
}

/**
 * A deep copy of a value read from JSON (strings, numbers, booleans, null, arrays, plain objects): what structuredClone
 * gives for such a value, without its serialisation (a string, the description above all, is returned as it is).
 */
function copyOfJson<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(copyOfJson) as T;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = copyOfJson(v);
  return out as T;
}

/** The cached timeline starts with the snapshot's own opening (ids may be reused once keys are deleted). */
function sameCase(cached: CaseEvent[], snap: StoredSnapshot): boolean {
  const first = cached[0] as { type: string; caseId?: string; orderId?: string } | undefined;
  return first === undefined || first.type !== 'opened' || (first.caseId === snap.id && first.orderId === snap.orderId);
}

/** Cached entries are shared by every load: a caller changing one must fail loudly, not alter other callers' cases. */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
