import { CONTACT_DETAIL_ROLES, hasAnyRole, type Role } from '@carebridge/auth';
import { type MiddlewareInterface, type NextFn, type ResolverData, UseMiddleware } from 'type-graphql';
import type { RequestContext } from './context';

/**
 * Personal data shown to a role without a need for it is masked, keeping just enough for an agent
 * to confirm with the customer ("j***@example.com", "+44 ******789").
 */
export function maskEmail(email: string | null | undefined): string | null {
  if (!email) return email ?? null;
  // The domain follows the last @ (a quoted local part may hold one too).
  const at = email.lastIndexOf('@');
  const local = email.slice(0, Math.max(at, 0));
  const domain = at < 0 ? '' : email.slice(at + 1);
  if (!domain) return '***';
  return `${local.slice(0, 1)}***@${domain}`;
}

export function maskPhone(phone: string | null | undefined): string | null {
  if (!phone) return phone ?? null;
  const digits = phone.replace(/\D/g, '');
  return `${phone.startsWith('+') ? '+' : ''}${'*'.repeat(Math.max(digits.length - 3, 0))}${digits.slice(-3)}`;
}

/** Paths pino removes from every log line, whatever the service. */
export const REDACTED_LOG_PATHS = [
  'email',
  'phone',
  'fullName',
  'password',
  'token',
  'authorization',
  '*.email',
  '*.phone',
  '*.fullName',
  '*.password',
  '*.token',
  '*.authorization',
  'req.headers.authorization',
  'req.headers["x-carebridge-subgraph-secret"]',
  'headers.authorization',
  'headers["x-carebridge-subgraph-secret"]',
  'variables.input.email',
  'variables.input.phone',
  'variables.input.fullName',
];

/**
 * Who reads the free text of a case — the customer's own words, conversations, notes, the names
 * of the people involved: the roles that answer, resolve and follow up (as for contact details).
 * Trainers and analysts work on figures, classifications and quality, and get such text withheld
 * `admin` reads everything, as elsewhere.
 */
export const CASE_TEXT_ROLES: readonly Role[] = CONTACT_DETAIL_ROLES;

/** What a role without need sees instead of free text that may hold personal data. */
export const REDACTED_TEXT = '***';

/** Records that a customer's unmasked personal data is being shown; the personal-data access log is one. */
export interface DisclosureRecorder {
  disclosed(context: RequestContext, customerId: string, field: string): Promise<void>;
}

export interface PersonalTextOptions<T = any> {
  /** Whose data it is: the customer id on the parent object (null when none is linked: then the `fallbackId`). */
  customer: (parent: T) => string | null | undefined;
  /** Under which id a read is logged when no customer is linked (e.g. the inquiry's own id, the only id the person has then). */
  fallbackId?: (parent: T) => string | null | undefined;
  /** How the value looks withheld; '***' for text (nothing for empty text), each item for lists of text. */
  redact?: (value: any, parent: T) => unknown;
  /** Who reads it; CASE_TEXT_ROLES unless given. */
  roles?: readonly Role[];
}

/** `Type.field` → how it is shown. Filled by the decorators as classes load, read by the guard. */
const PERSONAL_TEXT_FIELDS = new Map<string, PersonalTextOptions & { logField: string }>();

/**
 * Marks a GraphQL field (a `@Field` property or a `@FieldResolver` method) as free text that may
 * hold a customer's personal data: roles without need get it withheld (`redact`), and every
 * unmasked read goes on the service's access log, under the customer, as `type.field` (one row per
 * customer per request, the log batches). `coordinate` is the field's GraphQL coordinate
 * (`Complaint.description`). The service puts `new PersonalTextGuard(accessLog)` among its
 * resolvers; without it the field fails closed.
 */
export function PersonalText<T = any>(coordinate: string, options: PersonalTextOptions<T>): PropertyDecorator & MethodDecorator {
  const [type, field] = coordinate.split('.');
  if (!type || !field) throw new Error(`PersonalText needs a GraphQL coordinate like Complaint.description, got "${coordinate}"`);
  PERSONAL_TEXT_FIELDS.set(coordinate, { ...options, logField: `${type.charAt(0).toLowerCase()}${type.slice(1)}.${field}` });
  return UseMiddleware(PersonalTextGuard) as PropertyDecorator & MethodDecorator;
}

/** Withholds text from a role without need; unmasked text reaches the client only once its read is on record. */
export function redactText(value: unknown): unknown {
  if (typeof value === 'string') return value ? REDACTED_TEXT : value;
  if (Array.isArray(value)) return value.map(redactText);
  // Objects carry their text in fields of their own: the field needs its own `redact`, never a pass-through.
  if (value && typeof value === 'object') throw new Error('PersonalText on a field of object type needs its own redact');
  return value ?? null;
}

/**
 * The guard of the fields marked `PersonalText`, built once per service with its access log
 * (type-graphql finds it among the resolvers).
 */
export class PersonalTextGuard implements MiddlewareInterface<RequestContext> {
  constructor(private readonly recorder?: DisclosureRecorder) {}

  async use({ root, context, info }: ResolverData<RequestContext>, next: NextFn): Promise<unknown> {
    const options = PERSONAL_TEXT_FIELDS.get(`${info.parentType.name}.${info.fieldName}`);
    // Fail closed: a field marked for a type name that does not match, or a service without its guard, shows nothing.
    if (!options) throw new Error(`${info.parentType.name}.${info.fieldName}: PersonalText coordinate does not match the field`);
    const value = await next();
    if (!hasAnyRole(context.identity, options.roles ?? CASE_TEXT_ROLES)) return options.redact ? options.redact(value, root) : redactText(value);
    if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return value;
    if (!this.recorder) throw new Error('PersonalTextGuard: the service must put new PersonalTextGuard(accessLog) among its resolvers');
    const customerId = options.customer(root) ?? options.fallbackId?.(root);
    if (customerId) await this.recorder.disclosed(context, customerId, options.logField);
    return value;
  }
}
