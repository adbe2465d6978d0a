import { customerExportContributors, type CustomerExportPrepared, type EventData } from '@carebridge/event-contracts';
import { customerExportSection } from '@carebridge/customer-export';

/**
 * The services that keep records about customers and answer `customer.export_requested` with
 * their part: every `<service>.customer_export_prepared` contract in the event catalogue. A service
 * joins by declaring that contract and contributing its part (libs/known-customers); crm needs no change.
 */
export const EXPORT_CONTRIBUTORS: readonly CustomerExportPrepared[] = customerExportContributors();

/** What a contributor reports when its part is ready: counts and times only. */
export type ExportPartPrepared = EventData<CustomerExportPrepared>;

export const EXPORT_CONTRIBUTOR_SECTIONS = EXPORT_CONTRIBUTORS.map((contract) => customerExportSection(contract.producer));

/** The `document` field needs every contributor's part from its own subgraph. */
export const REQUIRES_PARTS = `@requires(fields: "${EXPORT_CONTRIBUTOR_SECTIONS.join(' ')}")`;
