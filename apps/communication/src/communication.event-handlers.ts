import type { EventHandler } from '@carebridge/messaging';
import type { CommunicationDomain } from './communication.domain';
import { onCustomerConsentsChanged } from './customer-contact/on-customer-consents-changed';
import { onCustomerContactChanged } from './customer-contact/on-customer-contact-changed';
import { onCustomerLanguageStated } from './customer-contact/on-customer-language-stated';
import { onBaggageFileChanged } from './customer-message/on-baggage-file-changed';
import { onComplaintFeedbackGiven } from './customer-message/on-complaint-feedback-given';
import { onComplaintRegistered } from './customer-message/on-complaint-registered';
import { onComplaintResolved } from './customer-message/on-complaint-resolved';
import { onCouponIssued } from './customer-message/on-coupon-issued';
import { onDocumentIssued } from './customer-message/on-document-issued';
import { onFollowUpSurveySent } from './customer-message/on-follow-up-survey-sent';
import { onInquiryReceived } from './customer-message/on-inquiry-received';
import { onInquiryReplied } from './customer-message/on-inquiry-replied';
import { onAfterSalesTask } from './staff-notification/on-after-sales-task';
import { onComplaintAssigned } from './staff-notification/on-complaint-assigned';
import { onCompensationApprovalRequested } from './staff-notification/on-compensation-approval-requested';
import { onSlaBreached } from './staff-notification/on-sla-breached';
import { onTrainingOverdue } from './staff-notification/on-training-overdue';
// Customer view
import { customerViewEventHandlers } from './customer-view/customer-view.event-handlers';

/** What communication does with other services' events, each in the transaction that records the event as processed. */
export function communicationEventHandlers(domain: CommunicationDomain): EventHandler<any>[] {
  const { customers, contacts, consents, cases, messaging, surveyLinks, staffNotifying } = domain;
  return [
    // crm's customer.created/merged/erased/export_requested first: the customer is known before anything is recorded about them.
    ...customers.eventHandlers(),
    ...onCustomerLanguageStated(contacts, customers),
    onCustomerContactChanged(contacts, customers),
    onCustomerConsentsChanged(consents, customers),
    // Customers told.
    onInquiryReceived(cases),
    onInquiryReplied(messaging),
    onComplaintRegistered(cases, messaging),
    onComplaintFeedbackGiven(cases, messaging),
    onComplaintResolved(messaging),
    onDocumentIssued(messaging),
    ...onBaggageFileChanged(messaging),
    onCouponIssued(messaging),
    onFollowUpSurveySent(messaging, surveyLinks),
    // Staff told.
    onComplaintAssigned(cases, staffNotifying),
    onCompensationApprovalRequested(staffNotifying),
    ...onSlaBreached(cases, staffNotifying),
    ...onAfterSalesTask(staffNotifying),
    onTrainingOverdue(staffNotifying),
    // Customer view: inquiry's, complaint's and after-sales' events become the customer's view of their cases.
    ...customerViewEventHandlers(domain.customerView),
  ];
}
