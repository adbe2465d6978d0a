import { customerTimelineContracts } from '@carebridge/event-contracts';
import type { EventHandler } from '@carebridge/messaging';
import type { CrmDomain } from './crm.domain';
import { onCareContactDue } from './follow-up/on-care-contact-due';
import { onComplaintClosed } from './follow-up/on-complaint-closed';
import { onComplaintReopened } from './follow-up/on-complaint-reopened';
import { onCustomerTimelineEntry } from './interaction/on-customer-timeline-entry';
import { onComplaintResolved } from './loyalty/on-complaint-resolved';
import { EXPORT_CONTRIBUTORS } from './privacy/export-contributors';
import { onCustomerExportPrepared } from './privacy/on-customer-export-prepared';

/**
 * What crm does with other services' events, each in the transaction that records the event as
 * processed. Every timeline contract in the catalogue feeds the interaction history, so a new
 * producer needs nothing here.
 */
export function crmEventHandlers(domain: CrmDomain): EventHandler<any>[] {
  return [
    ...customerTimelineContracts().map((contract) => onCustomerTimelineEntry(contract, domain.interaction.history)),
    onComplaintResolved(domain.loyalty.compensation),
    onComplaintClosed(domain.followUp.afterComplaints),
    onComplaintReopened(domain.followUp.afterComplaints),
    onCareContactDue(domain.followUp.afterCareContacts),
    ...EXPORT_CONTRIBUTORS.map((contract) => onCustomerExportPrepared(contract, domain.privacy.exportParts)),
  ];
}
