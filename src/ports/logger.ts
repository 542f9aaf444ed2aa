import { pino, type Logger } from 'pino';

/** Structured logging (pino's interface): `log.info({ caseId }, 'message')`. */
export type { Logger };

/** A logger that drops everything: the default where none is handed in, and in tests. */
export const silentLogger: Logger = pino({ level: 'silent' });
