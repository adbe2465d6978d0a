import type { CustomerExportPrepared } from '@carebridge/event-contracts';
import { type EventHandler, onEvent } from '@carebridge/messaging';
import type { ExportPartCollection } from './export-part-collection';

/** `<service>.customer_export_prepared` → that service's part of the export is ready. */
export function onCustomerExportPrepared(contract: CustomerExportPrepared, collection: ExportPartCollection): EventHandler<CustomerExportPrepared> {
  return onEvent(contract, (event, manager) => collection.recordPrepared(contract.producer, event.data, manager));
}
