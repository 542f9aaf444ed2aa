/**
 * Whether a turn failed because the storage refused a write or could not be reached, rather than over what the turn
 * was given: Redis full (`maxmemory` with `noeviction`), read-only (a replica, or a failover under way), loading its
 * data, busy with a script, a Cluster moving slots, or the connection lost with the command (ioredis gave up
 * retrying it). Such a turn stored nothing it meant to (or, for what it did store, a second run finds it under the
 * event's key): it is worth running again once Redis takes writes. Anything else (a bug, a bad script) would fail again.
 */
const REFUSALS = /^(OOM|READONLY|LOADING|BUSY|MASTERDOWN|NOREPLICAS|CLUSTERDOWN|TRYAGAIN|MISCONF)\b/;

export function isStorageRefusal(err: unknown): boolean {
  let e: unknown = err;
  for (let depth = 0; depth < 5 && e instanceof Error; depth++) {
    if (e.name === 'ReplyError' && REFUSALS.test(e.message)) return true;
    if (e.name === 'MaxRetriesPerRequestError' || e.name === 'ClusterAllFailedError') return true;
    if (e.message === 'Connection is closed.') return true;
    e = e.cause;
  }
  return false;
}
