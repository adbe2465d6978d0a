import pino, { type Logger } from 'pino';
import { REDACTED_LOG_PATHS } from './personal-data';

export type { Logger };

/** Structured JSON logs, one line each, with personal data removed before it is written. */
export function createLogger(options: { service: string; level: string; pretty?: boolean }): Logger {
  return pino({
    level: options.level,
    base: { service: options.service },
    redact: { paths: REDACTED_LOG_PATHS, censor: '[redacted]' },
    timestamp: pino.stdTimeFunctions.isoTime,
  });
}
