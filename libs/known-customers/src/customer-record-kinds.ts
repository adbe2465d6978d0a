import type { EntityManager, FindOptionsOrder } from 'typeorm';

/** The text that replaces an erased customer's words, in every service. */
export const ERASED_PLACEHOLDER = '[erased]';

type Property<E> = Extract<keyof E, string>;

/**
 * What erasure does to one personal property:
 * - `'placeholder'`: the text becomes ERASED_PLACEHOLDER (an empty value, NULL, stays NULL);
 * - `null`: the value becomes NULL;
 * - a function giving an SQL expression for the new value, e.g. for a JSON column whose entries are
 *   anonymised one by one; it gets the placeholder as an SQL parameter (`$2::text`) and may use the
 *   row's columns by their database names.
 */
export type Erasure = 'placeholder' | null | ((placeholder: string) => string);

/** How the rows of a kind belong to a customer. */
export type Belonging<E> =
  /** The row holds the customer's id itself; re-pointing on a merge moves it to the survivor. */
  | { customer: Property<E> }
  /** The row belongs to a row of another kind (by its `section`); it follows that row. Several properties: any of them. */
  | { parent: string; via: Property<E> | Property<E>[] };

export interface Repointing {
  mergedId: string;
  survivorId: string;
  at: Date;
}

export interface Anonymisation {
  customerId: string;
  at: Date;
}

/** One kind of record a service holds about a customer: one table. */
export interface CustomerRecordKind<E = any> {
  /** Its section of the service's export part, e.g. `complaints`. Sections appear in the order declared. */
  section: string;
  entity: abstract new (...args: any[]) => E;
  belongsTo: Belonging<E>;
  /** The order of the rows in the export. */
  order: FindOptionsOrder<E>;
  /** `false` for bookkeeping the export already shows elsewhere (say why beside it); it is still re-pointed and anonymised. */
  export?: false;
  /** Properties the export leaves out (bookkeeping such as `version`). */
  omit?: Property<E>[];
  /** Every personal property and what erasure makes of it. */
  erase?: Partial<Record<Property<E>, Erasure>>;
  /**
   * Columns a change by this port updates: `version` goes up by one, `updatedAt` takes the time of
   * the change, and `anonymisedAt` the time of the erasure. Rows with `anonymisedAt` set are not
   * anonymised again (nor are their child rows).
   */
  touch?: { version?: Property<E>; updatedAt?: Property<E>; anonymisedAt?: Property<E> };
  /** Runs in the event's transaction after rows of this kind moved to the survivor, with their ids. */
  afterRepoint?(ids: string[], change: Repointing, manager: EntityManager): Promise<void>;
  /** Runs in the event's transaction after rows of this kind were anonymised, with their ids. */
  afterAnonymise?(ids: string[], change: Anonymisation, manager: EntityManager): Promise<void>;
}

/** Everything a service holds about customers, kind by kind; see `defineCustomerRecords`. */
export interface CustomerRecordsDeclaration {
  readonly kinds: readonly CustomerRecordKind[];
}

/** One kind, typed by its entity so that property names are checked. */
export function recordKind<E>(entity: abstract new (...args: any[]) => E, kind: Omit<CustomerRecordKind<E>, 'entity'>): CustomerRecordKind<E> {
  return { entity, ...kind };
}

/**
 * The records a service holds about a customer. From this one declaration the service's
 * `CustomerRecords` re-points them on `customer.merged`, anonymises them on `customer.erased` and
 * exports them on `customer.export_requested`; a table with a customer id, or one pointing at a
 * declared table, that is not declared stops the service at start.
 *
 * A kind that belongs through a parent is declared after it.
 */
export function defineCustomerRecords(kinds: CustomerRecordKind[]): CustomerRecordsDeclaration {
  const sections = new Set<string>();
  for (const kind of kinds) {
    if (sections.has(kind.section)) throw new Error(`Customer records: section "${kind.section}" is declared twice`);
    if ('parent' in kind.belongsTo && !sections.has(kind.belongsTo.parent)) {
      throw new Error(`Customer records: "${kind.section}" belongs through "${kind.belongsTo.parent}", which must be declared before it`);
    }
    sections.add(kind.section);
  }
  return { kinds };
}
