import { onServiceTermsChanged } from '@carebridge/known-customers';
import type { EventHandler } from '@carebridge/messaging';
import type { ComplaintDomain } from './complaint.domain';
import { onServiceRecoveryEscalated } from './after-sales/on-service-recovery-escalated';
import { onInboundMessageReceived } from './communication/on-inbound-message-received';
import { onIncidentComplaintRaised } from './incident/on-incident-complaint-raised';
import { onInquiryEscalated } from './inquiry/on-inquiry-escalated';

/** What the complaint service does with other services' events. */
export function complaintEventHandlers(domain: ComplaintDomain): EventHandler<any>[] {
  return [
    // crm's customer.created/merged/erased/export_requested: the customer records follow, as declared.
    ...domain.customers.eventHandlers(),
    onInquiryEscalated(domain.registration),
    onServiceRecoveryEscalated(domain.registration),
    onIncidentComplaintRaised(domain.registration),
    onInboundMessageReceived(domain.deadlines, domain.history),
    onServiceTermsChanged(domain.memberTerms),
  ];
}
