import type { EventHandler } from '@carebridge/messaging';
import { onComplaintRegistered } from './inquiry/on-complaint-registered';
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
    onInboundMessageReceived(domain.intake, domain.customers),
    onKnowledgeArticlePublished(),
    onKnowledgeArticleArchived(),
  ];
}
