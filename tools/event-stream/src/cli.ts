import type { MessagingLogger } from '@carebridge/messaging';

/** A mistake in the command line: printed with the usage, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Runs node:util parseArgs (or anything else that checks arguments), turning its errors into usage errors. */
export function checkedArguments<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code?.startsWith('ERR_PARSE_ARGS')) throw new UsageError((error as Error).message);
    throw error;
  }
}

export function positiveInteger(option: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 1) throw new UsageError(`--${option} must be a positive whole number (got "${value}")`);
  return n;
}

export function isoTime(option: string, value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const time = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(time.getTime())) {
    throw new UsageError(`--${option} must be an ISO 8601 time such as 2026-11-01T00:00:00Z (got "${value}")`);
  }
  return time;
}

/** Transport warnings on stderr, one line each; stdout stays pure NDJSON. */
export const stderrLogger: MessagingLogger = {
  debug: () => undefined,
  info: () => undefined,
  warn: (object, message) => process.stderr.write(`warning: ${message ?? ''} ${JSON.stringify(object)}\n`),
  error: (object, message) => process.stderr.write(`error: ${message ?? ''} ${JSON.stringify(object)}\n`),
};

/** Writes lines to stdout, waiting when the pipe is full; fails once the reader has gone (`| head`). */
export function stdoutLines(onClosed: () => void): (line: string) => Promise<void> {
  let closed = false;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    closed = true;
    onClosed();
  });
  return (line) =>
    new Promise<void>((resolve) => {
      if (closed || process.stdout.write(line)) resolve();
      else process.stdout.once('drain', resolve);
    });
}

/**
 * A command's `main`: Ctrl-C (or SIGTERM, or the reader of stdout going away) aborts the signal
 * so that the command stops reading and closes its connections; errors become one clear message.
 */
export function runCommand(usage: string, main: (signal: AbortSignal, write: (line: string) => Promise<void>) => Promise<number>): void {
  const controller = new AbortController();
  const abort = () => {
    if (controller.signal.aborted) process.exit(130);
    controller.abort();
  };
  process.on('SIGINT', abort);
  process.on('SIGTERM', abort);
  const write = stdoutLines(() => controller.abort());
  main(controller.signal, write).then(
    (code) => {
      process.exitCode = code;
    },
    (error: Error & { code?: unknown }) => {
      if (error.name === 'UsageError') process.stderr.write(`${error.message}\n${usage}\n`);
      else if (error.name === 'ConfigurationError' || typeof error.code === 'string') process.stderr.write(`${error.message}\n`);
      else process.stderr.write(`${error.stack ?? error.message}\n`);
      process.exitCode = error.name === 'UsageError' ? 2 : 1;
    },
  ).finally(() => {
    process.off('SIGINT', abort);
    process.off('SIGTERM', abort);
  });
}
