import { onServiceTermsChanged } from '@carebridge/known-customers';
import type { EventHandler } from '@carebridge/messaging';
import { onComplaintClosed } from './inquiry/on-complaint-closed';
import { onComplaintRegistered } from './inquiry/on-complaint-registered';
import { onComplaintReopened } from './inquiry/on-complaint-reopened';
import { onInboundMessageReceived } from './inquiry/on-inbound-message-received';
import type { InquiryDomain } from './inquiry.domain';
import { onKnowledgeArticleArchived } from './knowledge-citation/on-knowledge-article-archived';
import { onKnowledgeArticlePublished } from './knowledge-citation/on-knowledge-article-published';

/** What the inquiry service does with other services' events. */
export function inquiryEventHandlers(domain: InquiryDomain): EventHandler<any>[] {
  return [
    // crm's customer.created/merged/erased and customer.export_requested, as the customer records declare.
    ...domain.customers.eventHandlers(),
    onComplaintRegistered(),
    onComplaintClosed(domain.sourceInquiry),
    onComplaintReopened(domain.sourceInquiry),
    onInboundMessageReceived(domain.intake, domain.customers),
    onKnowledgeArticlePublished(),
    onKnowledgeArticleArchived(),
    onServiceTermsChanged(domain.serviceTerms),
  ];
}
