import pino, { type DestinationStream, type Logger } from 'pino';
import { traceFields } from './log-trace';
import { REDACTED_LOG_PATHS } from './personal-data';

export type { Logger };
export type LogDestination = DestinationStream;

/** Structured JSON logs, one line each, with personal data removed before it is written. */
export function createLogger(options: { service: string; level: string; pretty?: boolean; destination?: LogDestination }): Logger {
  return pino(
    {
      level: options.level,
      base: { service: options.service },
      redact: { paths: REDACTED_LOG_PATHS, censor: '[redacted]' },
      serializers: { err: scrubbedError, error: scrubbedError },
      mixin: traceFields,
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    options.destination,
  );
}

/**
 * What a database error may say in a log line. A failed query carries its parameters (names,
 * e-mails, phones), the SQL, and the server's detail ("Key (email)=(…) already exists"); its
 * message may quote the offending value (`invalid input syntax for type uuid: "…"`). Kept: the
 * error's kind, SQLSTATE, table, column, constraint and the stack's frames; dropped: every value.
 */
const DROPPED_ERROR_FIELDS = new Set(['parameters', 'query', 'detail', 'where', 'hint', 'internalQuery', 'driverError', 'values', 'variables']);
const KEPT_DRIVER_FIELDS = ['code', 'table', 'column', 'constraint', 'schema', 'routine', 'severity'] as const;

export function scrubbedError(value: unknown): unknown {
  if (typeof value === 'string') return scrubbedMessage(value);
  if (!(value instanceof Error) && (typeof value !== 'object' || value === null)) return value;
  const serialized = (value instanceof Error ? pino.stdSerializers.err(value) : { ...(value as object) }) as Record<string, unknown>;
  const driver = ((value as { driverError?: Record<string, unknown> }).driverError ?? value) as Record<string, unknown>;
  const scrubbed: Record<string, unknown> = {};
  for (const [field, fieldValue] of Object.entries(serialized)) {
    if (DROPPED_ERROR_FIELDS.has(field)) continue;
    if (field === 'message' || field === 'stack') scrubbed[field] = typeof fieldValue === 'string' ? scrubbedMessage(fieldValue) : fieldValue;
    else if (field === 'cause') scrubbed.cause = scrubbedError((value as { cause?: unknown }).cause);
    else scrubbed[field] = fieldValue;
  }
  for (const field of KEPT_DRIVER_FIELDS) if (typeof driver[field] === 'string') scrubbed[field] = driver[field];
  return scrubbed;
}

/** Values PostgreSQL quotes in its messages (`…: "bob@example.com"`, `Key (email)=(…)`) are replaced; the names of things stay. */
function scrubbedMessage(message: string): string {
  return message
    .replace(/(:\s*)"(?:[^"\\]|\\.)*"/g, '$1"[redacted]"')
    .replace(/=\((?:[^()]|\([^()]*\))*\)/g, '=([redacted])')
    .replace(/(value|input|syntax)( [^:\n]*:\s*)'(?:[^'\\]|\\.)*'/gi, "$1$2'[redacted]'");
}
