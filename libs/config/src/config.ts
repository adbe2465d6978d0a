import { z } from 'zod';
import { BUSINESS_HOURS_RULE, BusinessHoursError, HOLIDAYS_RULE, isTimeZone, parseBusinessHours, parseHolidays, TIME_ZONE_RULE } from './business-hours';

/**
 * Every setting of every Carebridge process is an environment variable. A process declares the
 * variables it reads as a zod object and loads them once at start; a bad value stops the process
 * with one message that names each variable, the rule it broke and the value it had.
 */
export class ConfigurationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigurationError';
  }
}

export type Environment = Record<string, string | undefined>;

export function loadConfig<S extends z.ZodRawShape>(shape: S, env: Environment = process.env): z.infer<z.ZodObject<S>> {
  const input: Record<string, string | undefined> = {};
  for (const key of Object.keys(shape)) {
    const value = env[key];
    // An empty variable means "not set", as in most deployment tools.
    input[key] = value === undefined || value === '' ? undefined : value;
  }
  const result = z.object(shape).safeParse(input);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const key = String(issue.path[0]);
    const got = input[key];
    return `${key}: ${issue.message}${got === undefined ? ' (not set)' : ` (got "${redactIfSecret(key, got)}")`}`;
  });
  throw new ConfigurationError(problems);
}

function redactIfSecret(key: string, value: string): string {
  if (/SECRET|PASSWORD|TOKEN|KEY/i.test(key)) return '***';
  // A URL may carry credentials (`postgres://user:password@host`): its password is a secret too.
  return value.replace(/(\/\/[^\s/?#@:]*:)[^\s@]*@/g, '$1***@');
}

/** Reusable variable types, so that every process words its rules the same way. */
export const setting = {
  port: (fallback: number) =>
    z.coerce
      .number({ message: 'must be a port number' })
      .int('must be a whole number')
      .min(1, 'must be a port number from 1 to 65535')
      .max(65535, 'must be a port number from 1 to 65535')
      .default(fallback),
  positiveInt: (fallback: number) =>
    z.coerce.number({ message: 'must be a number' }).int('must be a whole number').positive('must be greater than 0').default(fallback),
  milliseconds: (fallback: number) =>
    z.coerce.number({ message: 'must be a number of milliseconds' }).int('must be a whole number').min(0, 'must not be negative').default(fallback),
  boolean: (fallback: boolean) =>
    z
      .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
      .default(fallback ? 'true' : 'false')
      .transform((v) => v === 'true' || v === '1' || v === 'yes'),
  url: (protocols: string[]) => {
    const rule = `must be a URL starting with ${protocols.map((p) => `${p}://`).join(' or ')}`;
    return z.string({ message: rule }).refine((value) => {
      try {
        return protocols.includes(new URL(value).protocol.replace(':', ''));
      } catch {
        return false;
      }
    }, rule);
  },
  nodeEnv: () => z.enum(['development', 'test', 'production'], { message: 'must be development, test or production' }).default('development'),
  logLevel: () =>
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], { message: 'must be one of fatal, error, warn, info, debug, trace, silent' }).default('info'),
  list: () =>
    z
      .string()
      .transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean)),
  /** An IANA time zone name (`Europe/Berlin`, `UTC`). */
  timeZone: (fallback = 'UTC') => z.string().default(fallback).refine(isTimeZone, TIME_ZONE_RULE),
  /** Weekly hours in the one grammar (`24/7`, `ALWAYS`, `Mon-Fri 08:00-18:00; Sat 09:00-13:00`), read into WeeklyHours. */
  businessHours: (fallback = '24/7') => z.string().default(fallback).transform((text, context) => readOrReport(() => parseBusinessHours(text), context, BUSINESS_HOURS_RULE)),
  /** Closed days `2026-12-25,2027-01-01`, read into sorted ISO dates; none by default. */
  holidays: () => z.string().default('').transform((text, context) => readOrReport(() => parseHolidays(text), context, HOLIDAYS_RULE)),
};

/** The parsed value, or the parser's message (rule and reason) as the variable's problem. */
function readOrReport<T>(read: () => T, context: z.RefinementCtx, rule: string): T {
  try {
    return read();
  } catch (error) {
    context.addIssue({ code: 'custom', message: error instanceof BusinessHoursError ? error.message : rule });
    return z.NEVER;
  }
}
