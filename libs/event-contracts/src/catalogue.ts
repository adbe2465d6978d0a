import type { EventContract } from './contract';
import * as complaint from './complaint.events';
import * as crm from './crm.events';
import { type CustomerExportPrepared, isCustomerExportPrepared } from './customer-export';
import * as timeline from './customer-timeline';
import { type CustomerTimelineEntryContract, isCustomerTimelineEntry } from './customer-timeline';
import * as inquiry from './inquiry.events';
import * as afterSales from './after-sales.events';
import * as booking from './booking.events';
import * as afterSalesDocument from './after-sales-document.events';
import * as afterSalesFollowUp from './after-sales-follow-up.events';
import * as afterSalesIncident from './after-sales-incident.events';
import * as communication from './communication.events';
import * as training from './training.events';
import * as analytics from './analytics.events';

const contracts = (module: Record<string, unknown>): EventContract[] =>
  Object.values(module).filter((value): value is EventContract => typeof value === 'object' && value !== null && 'topic' in value && 'schema' in value);

/** Every event type Carebridge publishes, and the inbound streams it consumes: the source of docs/events.md and docs/asyncapi.yaml. */
export const EVENT_CATALOGUE: readonly EventContract[] = [...contracts(crm), ...contracts(complaint), ...contracts(inquiry), ...contracts(timeline), ...contracts(afterSales), ...contracts(booking), ...contracts(afterSalesDocument), ...contracts(afterSalesFollowUp), ...contracts(afterSalesIncident), ...contracts(communication), ...contracts(training), ...contracts(analytics)];

export function findContract(type: string, version: number): EventContract | undefined {
  return EVENT_CATALOGUE.find((c) => c.type === type && c.version === version);
}

/**
 * Every service that contributes a part to customer data exports: the producers of the
 * `<service>.customer_export_prepared` contracts in the catalogue, in catalogue order. crm waits
 * for each of them, so a new contributor only declares its contract.
 */
export function customerExportContributors(catalogue: readonly EventContract[] = EVENT_CATALOGUE): CustomerExportPrepared[] {
  return catalogue.filter(isCustomerExportPrepared);
}

/** Every `<producer>.customer_timeline_entry` contract in the catalogue: crm subscribes to all of them. */
export function customerTimelineContracts(catalogue: readonly EventContract[] = EVENT_CATALOGUE): CustomerTimelineEntryContract[] {
  return catalogue.filter(isCustomerTimelineEntry);
}
