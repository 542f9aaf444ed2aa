import { AsyncLocalStorage } from 'node:async_hooks';
import { Pipeline, Redis } from 'ioredis';

/** Commands and round trips seen in one phase. */
export interface Tally {
  commands: number;
  /** A command sent alone is one round trip; a pipeline or MULTI block, however long, is one. */
  roundTrips: number;
  byCommand: Map<string, number>;
}

const newTally = (): Tally => ({ commands: 0, roundTrips: 0, byCommand: new Map() });

type SendCommand = (this: Redis, command: { name: string; args: unknown[] }, stream?: { isPipeline?: boolean }, node?: unknown) => unknown;

/**
 * Counts every command any ioredis connection of this process sends (BullMQ's duplicated connections
 * included), by phase: the code running inside `phase(name, fn)` and everything else (`other`). The phase
 * follows async context, so a turn's commands count as the turn even while a worker delivers in parallel.
 * Scripts are named by their ioredis/BullMQ command name instead of `evalsha`.
 */
export function installRedisCounter() {
  const proto = Redis.prototype as unknown as { sendCommand: SendCommand };
  const original = proto.sendCommand;
  const als = new AsyncLocalStorage<string>();
  const pipelines = new WeakMap<object, Set<string>>();
  const shaNames = new Map<string, string>();
  let tallies = new Map<string, Tally>();

  function scriptName(conn: Redis, sha: string): string {
    const known = shaNames.get(sha);
    if (known) return known;
    const set = (conn as unknown as { scriptsSet?: Record<string, { sha: string }> }).scriptsSet ?? {};
    const name = Object.entries(set).find(([, s]) => s.sha === sha)?.[0];
    if (name) shaNames.set(sha, name);
    return name ?? 'evalsha';
  }

  // A command queued in a pipeline (an explicit one, or an auto-pipelined batch) belongs to the phase that issued it,
  // not to the one whose tick happens to send the batch: remember it when it is queued.
  const pipelineProto = Pipeline.prototype as unknown as { sendCommand: (command: object) => unknown };
  const originalQueue = pipelineProto.sendCommand;
  const queuedBy = new WeakMap<object, string>();
  pipelineProto.sendCommand = function (this: unknown, command: object) {
    queuedBy.set(command, als.getStore() ?? 'other');
    return originalQueue.call(this, command);
  };

  proto.sendCommand = function (this: Redis, command, stream, node) {
    const phaseName = (stream?.isPipeline ? queuedBy.get(command) : undefined) ?? als.getStore() ?? 'other';
    let t = tallies.get(phaseName);
    if (!t) tallies.set(phaseName, (t = newTally()));
    const name = command.name === 'evalsha' ? scriptName(this, String(command.args[0])) : command.name;
    t.commands++;
    t.byCommand.set(name, (t.byCommand.get(name) ?? 0) + 1);
    if (stream?.isPipeline) {
      // One round trip for each phase with commands in the batch.
      let phasesIn = pipelines.get(stream);
      if (!phasesIn) pipelines.set(stream, (phasesIn = new Set()));
      if (!phasesIn.has(phaseName)) {
        phasesIn.add(phaseName);
        t.roundTrips++;
      }
    } else t.roundTrips++;
    return original.call(this, command, stream, node);
  };

  return {
    /** Runs `fn` with its Redis traffic counted under `name`. */
    phase<T>(name: string, fn: () => Promise<T>): Promise<T> {
      return als.run(name, fn);
    },
    /** The tallies since the last reset, by phase. */
    take(): Map<string, Tally> {
      const out = tallies;
      tallies = new Map();
      return out;
    },
    uninstall() {
      proto.sendCommand = original;
      pipelineProto.sendCommand = originalQueue;
    },
  };
}

export type RedisCounter = ReturnType<typeof installRedisCounter>;
