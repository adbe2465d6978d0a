import { CustomerExportContribution, type CustomerRecordSections } from '@carebridge/customer-export';
import type { CustomerExportPrepared } from '@carebridge/event-contracts';
import type { EventHandler, Outbox } from '@carebridge/messaging';
import type { Clock, ReferenceResolvers, ScheduledJob } from '@carebridge/service-kit';
import { type DataSource, type EntityManager, type EntityMetadata, In } from 'typeorm';
import {
  type Anonymisation,
  type CustomerRecordKind,
  type CustomerRecordsDeclaration,
  ERASED_PLACEHOLDER,
  type Erasure,
  type Repointing,
} from './customer-record-kinds';
import { type CustomerStanding, KnownCustomers } from './known-customers';
import { type AwaitedRecord, PendingCustomerReferences, type PendingReferencePolicy } from './pending-customer-references';

export interface CustomerRecordsOptions {
  /** The service; its export part appears as `CustomerDataExport.<service>` in the graph. */
  service: string;
  /** The service's `<service>.customer_export_prepared` contract. */
  prepared: CustomerExportPrepared;
  dataSource: DataSource;
  outbox: Outbox;
  clock: Clock;
  /** What the service holds about customers (`defineCustomerRecords`). */
  records: CustomerRecordsDeclaration;
  /**
   * For a service that accepts work for a customer crm has not announced yet (`awaiting`): how long
   * to wait, and what to do with the records when the customer does not arrive in time.
   */
  pendingReferences?: PendingReferencePolicy;
}

/** A declared kind, with its table and column names read from the entity's mapping. */
interface RecordTable {
  kind: CustomerRecordKind;
  table: string;
  /** Primary key property and column, where the kind has a single-column key. */
  key?: { property: string; column: string };
  customerColumn?: string;
  viaColumns: string[];
  erasures: { column: string; erasure: Erasure }[];
  touch: { version?: string; updatedAt?: string; anonymisedAt?: string };
  /** Other kinds belong through this one, so its ids are needed. */
  hasChildren: boolean;
}

/** The port's own tables: they hold customer ids and are looked after by this library. */
const PORT_TABLES = ['known_customer', 'customer_export_part', 'pending_customer_reference'];

/**
 * A service's records about crm's customers, wired once: which customers it may refer to
 * (`standing`, `isCurrent`), and, derived from its declaration (`defineCustomerRecords`), what it
 * does when crm merges a customer (re-points the records to the survivor), erases one (anonymises
 * them) or asks for their data (prepares the export part and serves it through the graph).
 *
 * In a subgraph: `eventHandlers()` into its event handlers, `exportGraph()` into its references and
 * orphaned types, `jobs()` into its jobs. Built on an initialised DataSource (as at start), it
 * refuses a service that holds customer records it did not declare.
 */
export class CustomerRecords {
  /** The field of crm's `CustomerDataExport` that holds this service's part. */
  readonly section: string;
  private readonly known = new KnownCustomers();
  private readonly contribution: CustomerExportContribution;
  private readonly pending?: PendingCustomerReferences;
  private mapped?: RecordTable[];

  constructor(private readonly options: CustomerRecordsOptions) {
    this.contribution = new CustomerExportContribution({
      service: options.service,
      prepared: options.prepared,
      dataSource: options.dataSource,
      outbox: options.outbox,
      clock: options.clock,
      customers: this.known,
      collect: (manager, customerId) => this.collect(manager, customerId),
    });
    this.section = this.contribution.section;
    if (options.pendingReferences) this.pending = new PendingCustomerReferences(options.dataSource, options.clock, options.pendingReferences);
    // Unmapped before initialisation (e.g. when only the schema is built, for composition).
    if (options.dataSource.isInitialized) {
      const undeclared = undeclaredCustomerTables(options.dataSource, options.records);
      if (undeclared.length) {
        throw new Error(
          `${options.service}: tables with customer records are missing from defineCustomerRecords (erasure and export would miss them): ${undeclared.join('; ')}`,
        );
      }
      this.tables();
    }
  }

  /** Whether work may refer to this customer id, and under which (surviving) id. */
  standing(manager: EntityManager, customerId: string): Promise<CustomerStanding> {
    return this.known.standing(manager, customerId);
  }

  /** A current customer: known, not erased, not merged into another profile. */
  isCurrent(manager: EntityManager, customerId: string): Promise<boolean> {
    return this.known.isCurrent(manager, customerId);
  }

  /**
   * `record` refers to `customerId`, whose standing is UNKNOWN: crm's `customer.created` may still be
   * on its way. Accepted and awaited, in the record's transaction: the customer's arrival settles it,
   * and after the service's wait (CUSTOMER_REFERENCE_WAIT_MINUTES) it is flagged (`pendingReferences.flagged`).
   */
  async awaiting(manager: EntityManager, customerId: string, record: AwaitedRecord): Promise<void> {
    if (!this.pending) throw new Error(`${this.options.service}: accepting records for customers not known yet needs the pendingReferences option of CustomerRecords`);
    await this.pending.awaiting(manager, customerId, record);
  }

  /** The references to customers not announced yet (empty where the service awaits none). */
  awaited(manager?: EntityManager) {
    return this.pending ? this.pending.waiting(manager) : Promise.resolve([]);
  }

  /** crm's `customer.created`, `.merged`, `.erased` and `.export_requested`, each handled in the event's transaction. */
  eventHandlers(): EventHandler<any>[] {
    return [
      ...this.known.eventHandlers({
        arrived: async (customerIds, at, manager) => this.pending?.arrived(manager, customerIds, at),
        merged: (data, manager) => this.repoint(manager, { mergedId: data.mergedId, survivorId: data.survivorId, at: new Date(data.mergedAt) }),
        erased: (data, manager) => this.anonymise(manager, { customerId: data.customerId, at: new Date(data.erasedAt) }),
      }),
      ...this.contribution.eventHandlers(),
    ];
  }

  /** The service's field of `CustomerDataExport` and how the gateway reaches it: spread into the subgraph's references and orphaned types. */
  exportGraph(): { orphanedTypes: Function[]; references: ReferenceResolvers } {
    return this.contribution.graph();
  }

  /** Deletes export parts once their export expired (`customer-export-retention`); flags references to customers that never arrived (`customer-reference-check`). */
  jobs(): ScheduledJob[] {
    return [this.contribution.retentionJob(), ...(this.pending ? [this.pending.job()] : [])];
  }

  /** The service's export part: each declared kind's rows of the customer, section by section. */
  async collect(manager: EntityManager, customerId: string): Promise<CustomerRecordSections> {
    const sections: CustomerRecordSections = {};
    const exported = new Map<string, unknown[]>();
    for (const table of this.tables()) {
      const { kind } = table;
      if (kind.export === false && !table.hasChildren) continue;
      let where: object | object[];
      if ('customer' in kind.belongsTo) {
        where = { [kind.belongsTo.customer]: customerId };
      } else {
        const parentIds = exported.get(kind.belongsTo.parent) ?? [];
        // Nothing hangs off rows that are not there: the section is left out.
        if (!parentIds.length) continue;
        where = viaProperties(kind).map((property) => ({ [property]: In(parentIds) }));
      }
      const rows: Record<string, unknown>[] = await manager.find(kind.entity, { where, order: kind.order });
      const key = table.key?.property;
      if (key) exported.set(kind.section, rows.map((row) => row[key]));
      if (kind.export === false) continue;
      const omitted = new Set<string>(kind.omit ?? []);
      sections[kind.section] = omitted.size ? rows.map((row) => Object.fromEntries(Object.entries(row).filter(([property]) => !omitted.has(property)))) : rows;
    }
    return sections;
  }

  /** crm merged `mergedId` into `survivorId`: every record of the merged profile now belongs to the survivor. */
  async repoint(manager: EntityManager, change: Repointing): Promise<void> {
    for (const table of this.tables()) {
      if (!table.customerColumn) continue; // rows through a parent follow it
      const sql = new Statement();
      const sets = [`${table.customerColumn} = ${sql.param(change.survivorId)}`];
      if (table.touch.version) sets.push(`${table.touch.version} = ${table.touch.version} + 1`);
      if (table.touch.updatedAt) sets.push(`${table.touch.updatedAt} = ${sql.param(change.at)}`);
      const returning = table.kind.afterRepoint && table.key ? ` RETURNING ${table.key.column} AS id` : '';
      const moved = await sql.run(manager, `UPDATE ${table.table} SET ${sets.join(', ')} WHERE ${table.customerColumn} = ${sql.param(change.mergedId)}${returning}`);
      if (moved.length) await table.kind.afterRepoint?.(moved, change, manager);
    }
  }

  /**
   * crm erased the customer: every declared personal property of their records is anonymised, child
   * rows with their parents; ids, classifications, dates and amounts stay. Rows already anonymised
   * are left alone, so an erasure delivered again changes nothing.
   */
  async anonymise(manager: EntityManager, change: Anonymisation): Promise<void> {
    const affected = new Map<string, string[]>();
    for (const table of this.tables()) {
      const { kind } = table;
      const sql = new Statement();
      let where: string;
      if (table.customerColumn) {
        where = `${table.customerColumn} = ${sql.param(change.customerId)}`;
      } else {
        const parentIds = affected.get((kind.belongsTo as { parent: string }).parent) ?? [];
        if (!parentIds.length) continue;
        const ids = sql.param(parentIds);
        where = `(${table.viaColumns.map((column) => `${column} = ANY(${ids})`).join(' OR ')})`;
      }
      if (table.touch.anonymisedAt) where += ` AND ${table.touch.anonymisedAt} IS NULL`;
      // Only child kinds and the hook need the ids.
      const idColumn = table.key && (table.hasChildren || kind.afterAnonymise) ? table.key.column : undefined;
      let ids: string[] = [];
      if (table.erasures.length) {
        const placeholder = () => sql.param(ERASED_PLACEHOLDER, 'text');
        const sets = table.erasures.map(({ column, erasure }) => `${column} = ${erasureSql(column, erasure, placeholder)}`);
        if (table.touch.anonymisedAt) sets.push(`${table.touch.anonymisedAt} = ${sql.param(change.at)}`);
        if (table.touch.updatedAt) sets.push(`${table.touch.updatedAt} = ${sql.param(change.at)}`);
        if (table.touch.version) sets.push(`${table.touch.version} = ${table.touch.version} + 1`);
        ids = await sql.run(manager, `UPDATE ${table.table} SET ${sets.join(', ')} WHERE ${where}${idColumn ? ` RETURNING ${idColumn} AS id` : ''}`);
      } else if (idColumn) {
        ids = await sql.run(manager, `SELECT ${idColumn} AS id FROM ${table.table} WHERE ${where} FOR UPDATE`);
      }
      affected.set(kind.section, ids);
      if (ids.length) await kind.afterAnonymise?.(ids, change, manager);
    }
  }

  private tables(): RecordTable[] {
    this.mapped ??= mapTables(this.options.dataSource, this.options.records);
    return this.mapped;
  }
}

/**
 * The service's tables that hold customer records but are not declared: those with a customer-id
 * column (`customer_id`, `…_customer_id`), and those pointing at a declared table (a foreign key,
 * or a `<table>_id` / `…_<table>_id` column). Each as `Entity (table): why`.
 */
export function undeclaredCustomerTables(dataSource: DataSource, records: CustomerRecordsDeclaration): string[] {
  const declared = new Set(records.kinds.map((kind) => dataSource.getMetadata(kind.entity).tableName));
  const problems: string[] = [];
  for (const metadata of dataSource.entityMetadatas) {
    if (declared.has(metadata.tableName) || PORT_TABLES.includes(metadata.tableName)) continue;
    const customerColumn = metadata.columns.find((c) => /(^|_)customer_id$/.test(c.databaseName));
    const pointing =
      metadata.foreignKeys.find((fk) => declared.has(fk.referencedEntityMetadata.tableName))?.columnNames[0] ??
      metadata.columns.find((c) => [...declared].some((table) => c.databaseName === `${table}_id` || c.databaseName.endsWith(`_${table}_id`)))?.databaseName;
    if (customerColumn) problems.push(`${metadata.name} (${metadata.tableName}): has ${customerColumn.databaseName}`);
    else if (pointing) problems.push(`${metadata.name} (${metadata.tableName}): ${pointing} points at a declared table`);
  }
  return problems;
}

function mapTables(dataSource: DataSource, records: CustomerRecordsDeclaration): RecordTable[] {
  const quote = (name: string) => dataSource.driver.escape(name);
  const parents = new Set(records.kinds.flatMap((kind) => ('parent' in kind.belongsTo ? [kind.belongsTo.parent] : [])));
  return records.kinds.map((kind) => {
    const metadata = dataSource.getMetadata(kind.entity);
    const column = (property: string) => quote(columnOf(metadata, kind, property));
    const key = metadata.primaryColumns.length === 1 ? { property: metadata.primaryColumns[0].propertyName, column: quote(metadata.primaryColumns[0].databaseName) } : undefined;
    const hasChildren = parents.has(kind.section);
    if (!key && (hasChildren || kind.afterRepoint || kind.afterAnonymise)) {
      throw new Error(`Customer records "${kind.section}": ${metadata.name} needs a single-column primary key (other kinds belong through it, or it has hooks)`);
    }
    const erasures = Object.entries<Erasure | undefined>(kind.erase ?? {}).map(([property, erasure]) => ({ column: column(property), erasure: erasure ?? null }));
    const touch = Object.fromEntries(Object.entries(kind.touch ?? {}).map(([name, property]) => [name, column(property as string)]));
    for (const property of [...(kind.omit ?? []), ...Object.keys(kind.order)]) column(property);
    return {
      kind,
      table: metadata.schema ? `${quote(metadata.schema)}.${quote(metadata.tableName)}` : quote(metadata.tableName),
      key,
      customerColumn: 'customer' in kind.belongsTo ? column(kind.belongsTo.customer) : undefined,
      viaColumns: viaProperties(kind).map(column),
      erasures,
      touch,
      hasChildren,
    };
  });
}

function columnOf(metadata: EntityMetadata, kind: CustomerRecordKind, property: string): string {
  const column = metadata.findColumnWithPropertyName(property);
  if (!column) throw new Error(`Customer records "${kind.section}": ${metadata.name} has no column for property "${property}"`);
  return column.databaseName;
}

function viaProperties(kind: CustomerRecordKind): string[] {
  if ('customer' in kind.belongsTo) return [];
  const { via } = kind.belongsTo;
  return Array.isArray(via) ? via : [via];
}

function erasureSql(column: string, erasure: Erasure, placeholder: () => string): string {
  if (erasure === null) return 'NULL';
  if (erasure === 'placeholder') return `CASE WHEN ${column} IS NULL THEN NULL ELSE ${placeholder()} END`;
  return erasure(placeholder());
}

/** One SQL statement's positional parameters; a value given twice is one parameter. */
class Statement {
  private readonly values: unknown[] = [];
  private readonly refs = new Map<unknown, string>();

  param(value: unknown, type?: string): string {
    const known = this.refs.get(value);
    if (known) return known;
    this.values.push(value);
    const ref = `$${this.values.length}${type ? `::${type}` : ''}`;
    this.refs.set(value, ref);
    return ref;
  }

  /** Runs it; the `id` column of the rows it returns, as strings. */
  async run(manager: EntityManager, text: string): Promise<string[]> {
    const result: unknown = await manager.query(text, this.values);
    // pg reports an UPDATE … RETURNING as [rows, affected count].
    const rows = (Array.isArray(result) && Array.isArray(result[0]) ? result[0] : Array.isArray(result) ? result : []) as { id?: unknown }[];
    return rows.filter((row) => row && typeof row === 'object' && 'id' in row).map((row) => String(row.id));
  }
}
