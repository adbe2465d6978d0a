const LEVELS: Record<number, string> = { 10: 'trace', 20: 'debug', 30: 'info', 40: 'warn', 50: 'error', 60: 'fatal' };
const COLORS: Record<string, string> = { crm: '36', complaint: '35', gateway: '32', postgres: '34' };

/** Turns one JSON log line of a service into a short human line for the terminal. */
export function formatLogLine(service: string, line: string, color: boolean): string {
  const name = color ? `\x1b[${COLORS[service] ?? '33'}m${service.padEnd(10)}\x1b[0m` : service.padEnd(10);
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(line);
  } catch {
    return `${name} ${line}`;
  }
  const { level, time, msg, service: _service, err, ...rest } = entry;
  const clock = typeof time === 'string' ? time.slice(11, 19) : '';
  const levelName = LEVELS[Number(level)] ?? String(level);
  const extra = Object.keys(rest).length ? ` ${JSON.stringify(rest)}` : '';
  const error = err && typeof err === 'object' ? `\n${(err as { stack?: string }).stack ?? JSON.stringify(err)}` : '';
  return `${name} ${clock} ${levelName.padEnd(5)} ${String(msg ?? '')}${extra}${error}`;
}
