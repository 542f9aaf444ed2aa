import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg, release, totalmem } from 'node:os';

/** The machine a run came from, as docs/performance.md reports it. */
export interface Machine {
  cpus: number;
  cpuModel: string;
  memoryGiB: number;
  os: string;
  node: string;
  redis: string;
  /** 1-minute load average when the run started and ended: other work on the machine skews every number. */
  loadAtStart: number;
  loadAtEnd?: number;
}

function cpuModel(): string {
  try {
    return /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1]?.trim() ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

export function describeMachine(redisVersion: string): Machine {
  return {
    cpus: availableParallelism(),
    cpuModel: cpuModel(),
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    os: `${process.platform} ${release()}`,
    node: process.version,
    redis: redisVersion,
    loadAtStart: Math.round(loadavg()[0]! * 100) / 100,
  };
}

export const currentLoad = () => Math.round(loadavg()[0]! * 100) / 100;
