import { z } from 'zod';
import { type EventContract, defineEvent, field } from './contract';

/**
 * What every service that holds records about customers reports when its part of a customer data
 * export is ready: counts and times only. The part itself stays in the service's own database
 * until `expiresAt`, and reaches the requester through the graph, never through a topic.
 */
const exportPartPrepared = z.object({
  exportId: field.id(),
  customerId: field.id(),
  recordCount: z.number().int().min(0),
  preparedAt: field.time(),
  expiresAt: field.time(),
});

export type CustomerExportPrepared = EventContract<typeof exportPartPrepared>;

/** The contracts made here, so that the catalogue knows every contributor to an export without a list kept by hand. */
const exportPreparedContracts = new WeakSet<EventContract>();

export function isCustomerExportPrepared(contract: EventContract): contract is CustomerExportPrepared {
  return exportPreparedContracts.has(contract);
}

export function defineCustomerExportPrepared(producer: string, topic: string): CustomerExportPrepared {
  const contract = defineEvent({
    // Event types allow no hyphen: after-sales publishes after_sales.customer_export_prepared.
    type: `${producer.replace(/-/g, '_')}.customer_export_prepared`,
    version: 1,
    producer,
    topic,
    description: `The ${producer} service prepared its part of a customer data export (A-5.3), answering customer.export_requested. The part is read through the graph (CustomerDataExport.document) until it expires.`,
    schema: exportPartPrepared,
    key: (data) => data.exportId,
    personalData: 'none: the part itself stays in the service',
  });
  exportPreparedContracts.add(contract);
  return contract;
}
