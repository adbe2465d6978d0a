import { z } from 'zod';

/**
 * One event type, declared once: its name and version, the topic it goes to, the key that keeps
 * events about one aggregate in order, the schema of its data (checked on publish and on consume),
 * and what personal data it carries and why.
 */
export interface EventContract<TSchema extends z.ZodType = z.ZodType> {
  /** CloudEvents `type`, e.g. `complaint.registered`. */
  type: string;
  /** Bumped for every incompatible change of `schema`. */
  version: number;
  /** The service that publishes it (CloudEvents `source` is `/carebridge/<producer>`). */
  producer: string;
  topic: string;
  description: string;
  schema: TSchema;
  /** The aggregate id: the Kafka key and CloudEvents `subject`. */
  key(data: z.infer<TSchema>): string;
  /** `none`, or which fields are personal data and which consumer needs them. */
  personalData: string;
  /**
   * Set on a stream that a system outside Carebridge publishes (the company's reservation system):
   * Carebridge services consume it and never publish it, and the catalogue lists it as inbound.
   */
  inbound?: true;
  /**
   * The personal-data fields that travel encrypted with their data subject's key, so that erasing
   * the customer (destroying the key) leaves every copy of the event unreadable: in Kafka, in the
   * embedded log, in outboxes and backups (crypto-shredding, docs/security.md). Top-level fields only.
   */
  encrypted?: EncryptedFields<z.infer<TSchema>>;
}

export interface EncryptedFields<T> {
  fields: readonly (keyof T & string)[];
  /**
   * Whose key encrypts them: the crm customer id, or — for someone crm does not know — a contact
   * of the aggregate, `contact:<id>`.
   */
  subject(data: T): string;
}

export type EventData<C extends EventContract> = z.infer<C['schema']>;

export function defineEvent<TSchema extends z.ZodType>(contract: EventContract<TSchema>): EventContract<TSchema> {
  if (!/^[a-z][a-z_]*(\.[a-z][a-z_]*)+$/.test(contract.type)) throw new Error(`Event type "${contract.type}" must look like aggregate.happened`);
  if (!Number.isInteger(contract.version) || contract.version < 1) throw new Error(`Event ${contract.type}: version must be a positive integer`);
  if (contract.encrypted) {
    const shape = (contract.schema as unknown as { shape?: Record<string, unknown> }).shape ?? {};
    const unknown = contract.encrypted.fields.filter((name) => !(name in shape));
    if (unknown.length) throw new Error(`Event ${contract.type}: encrypted fields ${unknown.join(', ')} are not fields of its schema`);
  }
  return contract;
}

/** CloudEvents `dataschema` of a contract: where its schema is documented. */
export function dataSchemaUri(contract: Pick<EventContract, 'type' | 'version'>): string {
  return `urn:carebridge:events:${contract.type}:v${contract.version}`;
}

export function contractId(contract: Pick<EventContract, 'type' | 'version'>): string {
  return `${contract.type}.v${contract.version}`;
}

/** The data subject of an event whose customer may be unknown: the customer, else the aggregate's contact. */
export function customerOrContact(customerId: string | null | undefined, aggregateId: string): string {
  return customerId ?? `contact:${aggregateId}`;
}

/** Shared field types, so every contract words ids and times alike. */
export const field = {
  id: () => z.uuid(),
  time: () => z.iso.datetime({ offset: true }),
};
