import { DATA_EXPORT_ROLES } from '@carebridge/auth';
import { isUuid } from '@carebridge/domain';
import { customerErased, customerExportRequested, type CustomerExportPrepared, type EventData } from '@carebridge/event-contracts';
import { type EventHandler, onEvent, type Outbox } from '@carebridge/messaging';
import { type Clock, entityReference, type ReferenceResolvers, type ScheduledJob } from '@carebridge/service-kit';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Authorized, Directive, Field, ID, ObjectType } from 'type-graphql';
import type { DataSource, EntityManager } from 'typeorm';
import { CustomerExportPart } from './customer-export-part.entity';

/** A service's records about one customer, by kind (`complaints`, `messages`, …), each a list of rows. */
export type CustomerRecordSections = Record<string, unknown[]>;

/** Whether crm erased the customer, as the service knows it (`@carebridge/known-customers`). */
export interface CustomerStandingSource {
  standing(manager: EntityManager, customerId: string): Promise<{ state: string }>;
}

export interface CustomerExportContributionOptions {
  /** The contributing service; its part appears as `CustomerDataExport.<section>` in the graph. */
  service: string;
  /** The service's `<service>.customer_export_prepared` contract. */
  prepared: CustomerExportPrepared;
  dataSource: DataSource;
  outbox: Outbox;
  clock: Clock;
  customers: CustomerStandingSource;
  /** Reads everything the service holds about the customer, in the handler's transaction. */
  collect(manager: EntityManager, customerId: string): Promise<CustomerRecordSections>;
}

/** `after-sales` → `afterSales`: the field of `CustomerDataExport` that holds a service's part. */
export function customerExportSection(service: string): string {
  return service.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
}

/**
 * A service's contribution to customer data exports. crm asks with
 * `customer.export_requested`; the service writes what it holds about the customer into its own
 * database, in the same transaction announces `<service>.customer_export_prepared` (counts only),
 * and serves the part as a field of crm's `CustomerDataExport` entity, from which crm assembles one
 * document. Parts go when the export expires or the customer is erased.
 */
export class CustomerExportContribution {
  readonly section: string;
  private graphParts?: { orphanedTypes: Function[]; references: ReferenceResolvers };

  constructor(private readonly options: CustomerExportContributionOptions) {
    this.section = customerExportSection(options.service);
  }

  eventHandlers(): EventHandler<any>[] {
    return [
      onEvent(customerExportRequested, (event, manager) => this.prepare(event.data, manager)),
      onEvent(customerErased, async (event, manager) => {
        await manager.delete(CustomerExportPart, { customerId: event.data.customerId });
      }),
    ];
  }

  /** Removes parts whose export expired; hourly is soon enough for a retention counted in days. */
  retentionJob(everyMs = 3_600_000): ScheduledJob {
    return {
      name: 'customer-export-retention',
      everyMs,
      run: (now) => this.options.dataSource.query(`DELETE FROM customer_export_part WHERE expires_at <= $1`, [now]),
    };
  }

  /** The `CustomerDataExport` type as this service contributes to it, and how the gateway reaches a part. */
  graph(): { orphanedTypes: Function[]; references: ReferenceResolvers } {
    // Made once: every call would otherwise register one more decorated class of that name.
    this.graphParts ??= {
      orphanedTypes: [this.referenceType()],
      references: { CustomerDataExport: entityReference((references) => this.resolve(references.map((reference) => reference.id))) },
    };
    return this.graphParts;
  }

  private async prepare({ exportId, customerId, expiresAt }: EventData<typeof customerExportRequested>, manager: EntityManager): Promise<void> {
    const { service, customers, collect, outbox, prepared, clock } = this.options;
    const preparedAt = clock.now();
    const standing = await customers.standing(manager, customerId);
    // An erased customer's anonymised remains are not theirs to receive; crm refuses such requests anyway.
    const records = standing.state === 'ERASED' ? {} : await collect(manager, customerId);
    const recordCount = Object.values(records).reduce((sum, rows) => sum + rows.length, 0);
    const document = {
      format: `carebridge.${service}.customer-export/v1`,
      service,
      exportId,
      customerId,
      preparedAt: preparedAt.toISOString(),
      recordCount,
      ...JSON.parse(JSON.stringify(records)),
    };
    const inserted: unknown[] = await manager.query(
      `INSERT INTO customer_export_part (export_id, customer_id, document, record_count, prepared_at, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (export_id) DO NOTHING RETURNING export_id`,
      [exportId, customerId, JSON.stringify(document), recordCount, preparedAt, new Date(expiresAt)],
    );
    // Prepared once per export, even if the request were delivered again under another event id.
    if (!inserted.length) return;
    await outbox.publish(manager, prepared, { exportId, customerId, recordCount, preparedAt: preparedAt.toISOString(), expiresAt });
  }

  private async resolve(exportIds: string[]): Promise<({ id: string } & Record<string, unknown>)[]> {
    const parts = await this.options.dataSource
      .getRepository(CustomerExportPart)
      .createQueryBuilder('part')
      .where('part.exportId = ANY(:exportIds)', { exportIds: exportIds.filter(isUuid) })
      .getMany();
    const now = this.options.clock.now();
    return exportIds.map((id) => {
      const part = parts.find((p) => p.exportId === id);
      return { id, [this.section]: part && part.expiresAt > now ? part.document : null };
    });
  }

  private referenceType(): Function {
    @Directive('@key(fields: "id")')
    @ObjectType('CustomerDataExport')
    class CustomerDataExportContribution {
      @Field(() => ID)
      id: string;
    }
    // The field is named after the service, so it is declared here rather than written out.
    const prototype = CustomerDataExportContribution.prototype;
    Field(() => GraphQLJSONObject, {
      nullable: true,
      description: `What the ${this.options.service} service holds about the customer; null until prepared and after expiry. Read through \`document\`.`,
    })(prototype, this.section);
    Directive('@inaccessible')(prototype, this.section);
    Authorized(...DATA_EXPORT_ROLES)(prototype, this.section);
    return CustomerDataExportContribution;
  }
}
