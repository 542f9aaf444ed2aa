import { pino, type Logger } from 'pino';

/** Structured JSON logs on stdout. */
export function createLogger(level = 'info'): Logger {
  return pino({ level, base: { service: 'palabre' }, timestamp: pino.stdTimeFunctions.isoTime });
}
