import type { EventHandler } from '@carebridge/messaging';
import type { ComplaintDomain } from './complaint.domain';
import { onInquiryEscalated } from './inquiry/on-inquiry-escalated';

/** What the complaint service does with other services' events. */
export function complaintEventHandlers(domain: ComplaintDomain): EventHandler<any>[] {
  return [
    // crm's customer.created/merged/erased/export_requested: the customer records follow, as declared.
    ...domain.customers.eventHandlers(),
    onInquiryEscalated(domain.registration),
  ];
}
