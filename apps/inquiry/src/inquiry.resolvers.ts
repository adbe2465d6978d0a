import { type Clock, PersonalTextGuard } from '@carebridge/service-kit';
// Resolver classes register their fields when loaded; this order is the order of the schema's fields.
import { InquiryAccessLogResolver } from './access-log/access-log.resolver';
import { AssignmentResolver } from './assignment/assignment.resolver';
import { InquiryBulkActionResolver } from './bulk-action/inquiry-bulk-action.resolver';
import { InquiryCustomFieldResolver } from './custom-field/inquiry-custom-field.resolver';
import { EscalationStatusResolver } from './escalation-status/escalation-status.resolver';
import { CustomerInquiriesResolver } from './customer/customer-inquiries.resolver';
import { InquiryMessageResolver, InquiryResolver } from './inquiry/inquiry.resolver';
import { MessageCitationsResolver } from './inquiry/message-citations.resolver';
import type { InquiryDomain } from './inquiry.domain';
import { InquiryOrderChangesResolver, OrderChangeResolver } from './order-change/order-change.resolver';
import { ResponsePolicyResolver } from './response-policy/response-policy.resolver';
import { SavedReplyResolver } from './saved-reply/saved-reply.resolver';
import { InquiryViewResolver } from './saved-view/inquiry-view.resolver';
import { SearchQueryResolver } from './search/search-results';
import { InquirySearchResolver } from './search/search.resolver';
import { InquiryAccessReportSection } from './access-log/access-report';

/** The inquiry subgraph's GraphQL resolvers, each calling the use cases. */
export function inquiryResolvers(domain: InquiryDomain, runtime: { clock: Clock }): object[] {
  return [
    new InquiryResolver(domain, runtime.clock, domain.contactDisclosure),
    new InquiryMessageResolver(),
    new InquiryCustomFieldResolver(domain.customFields),
    new InquiryViewResolver(domain.views, domain.inquiries),
    new InquiryBulkActionResolver(domain.bulkActions),
    new EscalationStatusResolver(domain.escalationStatus),
    new MessageCitationsResolver(domain.citations),
    new OrderChangeResolver(domain),
    new InquiryOrderChangesResolver(domain.orderChanges),
    new AssignmentResolver(domain.agents),
    new SavedReplyResolver(domain.savedReplies),
    new ResponsePolicyResolver(domain.policies),
    new CustomerInquiriesResolver(domain.inquiries, domain.orderChanges),
    new InquiryAccessLogResolver(domain.accessLog),
    new PersonalTextGuard(domain.accessLog),
    new InquiryAccessReportSection(domain.accessLog),
    new SearchQueryResolver(),
    new InquirySearchResolver(domain.search),
  ];
}
