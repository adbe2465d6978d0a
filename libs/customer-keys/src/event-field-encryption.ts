import type { EventContract, EventData } from '@carebridge/event-contracts';
import { z } from 'zod';
import { seal, unseal } from './aes-gcm';
import { type CustomerKeyStore, type DataKey, assertKeySubject } from './key-store';

/**
 * An encrypted field travels as one string: `cbenc1.<subject>.<wrapped data key>.<iv|tag|ciphertext>`
 * (base64url), the JSON of the value sealed with AES-256-GCM. The subject stays readable so that any
 * service can ask the key store to unwrap the data key, and so that erasure can find and scrub every
 * stored copy; once scrubbed, the field is `cbenc1.<subject>.erased`.
 */
const TOKEN = /^cbenc1\.((?:contact:)?[0-9A-Za-z-]{1,64})\.([A-Za-z0-9_-]+)(?:\.([A-Za-z0-9_-]+))?$/;
const ERASED = 'erased';

/** What an unreadable text field reads as: the field is there, its content is gone. */
export const UNREADABLE_TEXT = '[erased]';

export interface OpenedEvent<T> {
  data: T;
  /** The encrypted fields whose subject is erased: they hold placeholders (UNREADABLE_TEXT, null, [] or absent). */
  unreadable: string[];
}

export interface EventFieldEncryptionOptions {
  /** How long a data key encrypts a subject's fields before a new one is made. */
  dataKeyTtlMs?: number;
  /** How long an unwrapped data key is kept for decryption: the most an erasure takes to reach a running service. */
  unwrappedTtlMs?: number;
  now?: () => number;
}

/** Seals and opens the personal-data fields a contract marks `encrypted`, with the key store's data keys. */
export class EventFieldEncryption {
  private readonly sealing = new Map<string, { key: DataKey; until: number }>();
  private readonly opening = new Map<string, { key: Buffer | undefined; until: number }>();
  private readonly now: () => number;

  constructor(
    readonly keys: CustomerKeyStore,
    private readonly options: EventFieldEncryptionOptions = {},
  ) {
    this.now = options.now ?? Date.now;
  }

  /** `data` with the contract's encrypted fields sealed (an erased subject's as `erased`). */
  async seal<C extends EventContract>(contract: C, data: EventData<C>): Promise<EventData<C>> {
    const marks = contract.encrypted;
    if (!marks) return data;
    const subject = marks.subject(data);
    assertKeySubject(subject);
    const key = await this.dataKey(subject);
    const sealed: Record<string, unknown> = { ...(data as Record<string, unknown>) };
    for (const name of marks.fields) {
      if (!(name in sealed) || sealed[name] === undefined) continue;
      sealed[name] = key
        ? `cbenc1.${subject}.${key.wrapped}.${seal(key.plaintext, Buffer.from(JSON.stringify(sealed[name]), 'utf8'), fieldContext(contract, subject, name)).toString('base64url')}`
        : erasedToken(subject);
    }
    return sealed as EventData<C>;
  }

  /**
   * The event's data with its encrypted fields opened. A field of an erased subject (its key
   * destroyed, or scrubbed) reads as a placeholder that still fits the schema; a field sent in the
   * clear (events published before encryption) is taken as it is.
   */
  async open<C extends EventContract>(contract: C, raw: unknown): Promise<OpenedEvent<EventData<C>>> {
    const marks = contract.encrypted;
    if (!marks || typeof raw !== 'object' || raw === null) return { data: raw as EventData<C>, unreadable: [] };
    const data: Record<string, unknown> = { ...(raw as Record<string, unknown>) };
    const unreadable: string[] = [];
    for (const name of marks.fields) {
      const value = data[name];
      const token = typeof value === 'string' ? TOKEN.exec(value) : null;
      if (!token) continue;
      const [, subject, wrapped, ciphertext] = token;
      const key = wrapped === ERASED || !ciphertext ? undefined : await this.unwrapped(subject, wrapped);
      const plain = key && ciphertext ? unseal(key, Buffer.from(ciphertext, 'base64url'), fieldContext(contract, subject, name)) : undefined;
      if (plain) {
        data[name] = JSON.parse(plain.toString('utf8'));
      } else {
        unreadable.push(name);
        putPlaceholder(contract, data, name);
      }
    }
    return { data: data as EventData<C>, unreadable };
  }

  /** Destroys the subject's key and forgets what this process holds of it. */
  async erase(subject: string): Promise<void> {
    await this.keys.destroy(subject);
    this.forget(subject);
  }

  /** Drops this process's cached data keys of `subject` (on its erasure). */
  forget(subject: string): void {
    this.sealing.delete(subject);
    for (const id of this.opening.keys()) if (id.startsWith(`${subject}.`)) this.opening.delete(id);
  }

  private async dataKey(subject: string): Promise<DataKey | undefined> {
    const cached = this.sealing.get(subject);
    if (cached && cached.until > this.now()) return cached.key;
    const key = await this.keys.generateDataKey(subject);
    if (!key) {
      this.sealing.delete(subject);
      return undefined;
    }
    this.sealing.set(subject, { key, until: this.now() + (this.options.dataKeyTtlMs ?? 300_000) });
    this.opening.set(`${subject}.${key.wrapped}`, { key: key.plaintext, until: this.now() + (this.options.unwrappedTtlMs ?? 60_000) });
    return key;
  }

  private async unwrapped(subject: string, wrapped: string): Promise<Buffer | undefined> {
    const id = `${subject}.${wrapped}`;
    const cached = this.opening.get(id);
    if (cached && cached.until > this.now()) return cached.key;
    const key = await this.keys.unwrapDataKey(subject, wrapped);
    if (this.opening.size > 10_000) this.opening.clear();
    this.opening.set(id, { key, until: this.now() + (this.options.unwrappedTtlMs ?? 60_000) });
    return key;
  }
}

/**
 * The event's data as a consumer without need of the personal data reads it (analytics): every
 * sealed field is a placeholder, as if its customer were erased, and the key store is never asked.
 */
export function withheldFields<C extends EventContract>(contract: C, raw: unknown): OpenedEvent<EventData<C>> {
  const marks = contract.encrypted;
  if (!marks || typeof raw !== 'object' || raw === null) return { data: raw as EventData<C>, unreadable: [] };
  const data: Record<string, unknown> = { ...(raw as Record<string, unknown>) };
  const unreadable = marks.fields.filter((name) => typeof data[name] === 'string' && TOKEN.test(data[name] as string));
  for (const name of unreadable) putPlaceholder(contract, data, name);
  return { data: data as EventData<C>, unreadable };
}

function putPlaceholder(contract: EventContract, data: Record<string, unknown>, name: string): void {
  const placeholder = unreadableValue(fieldSchema(contract, name));
  if (placeholder === undefined) delete data[name];
  else data[name] = placeholder;
}

/** What erasure leaves in place of a subject's encrypted field. */
export function erasedToken(subject: string): string {
  assertKeySubject(subject);
  return `cbenc1.${subject}.${ERASED}`;
}

/** The text every stored encrypted field of `subject` starts with, as it appears in a JSON payload. */
export function sealedFieldMarker(subject: string): string {
  assertKeySubject(subject);
  return `"cbenc1.${subject}.`;
}

/** A POSIX regular expression (for Postgres `regexp_replace`) matching `subject`'s sealed fields in a JSON payload. */
export function sealedFieldPattern(subject: string): string {
  assertKeySubject(subject);
  return `"cbenc1\\.${subject}\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+"`;
}

/** The schema consumers validate a message against before opening it: the encrypted fields may be tokens. */
export function sealedSchema(contract: EventContract): z.ZodType {
  const marks = contract.encrypted;
  if (!marks || !(contract.schema instanceof z.ZodObject)) return contract.schema;
  return contract.schema.extend(Object.fromEntries(marks.fields.map((name) => [name, z.unknown().optional()])));
}

function fieldContext(contract: EventContract, subject: string, field: string): string {
  return `${contract.type}|${subject}|${field}`;
}

function fieldSchema(contract: EventContract, name: string): z.ZodType | undefined {
  return contract.schema instanceof z.ZodObject ? (contract.schema.shape as Record<string, z.ZodType>)[name] : undefined;
}

/** The emptiest value `schema` accepts: absent, null, [], an object of such values, or UNREADABLE_TEXT. */
export function unreadableValue(schema: z.ZodType | undefined): unknown {
  if (!schema) return undefined;
  if (schema instanceof z.ZodOptional) return undefined;
  if (schema instanceof z.ZodNullable) return null;
  if (schema instanceof z.ZodDefault) return unreadableValue(schema.unwrap() as z.ZodType);
  if (schema instanceof z.ZodArray) return [];
  if (schema instanceof z.ZodObject) {
    return Object.fromEntries(Object.entries(schema.shape as Record<string, z.ZodType>).map(([name, inner]) => [name, unreadableValue(inner)]).filter(([, value]) => value !== undefined));
  }
  return UNREADABLE_TEXT;
}
