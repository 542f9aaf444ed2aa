import { pino, type Logger } from 'pino';

export type { Logger };

/** Structured JSON logs on stdout. */
export function createLogger(level = 'info'): Logger {
  return pino({ level, base: { service: 'palabre' }, timestamp: pino.stdTimeFunctions.isoTime });
}

/** A logger that drops everything (tests). */
export const silentLogger: Logger = pino({ level: 'silent' });
