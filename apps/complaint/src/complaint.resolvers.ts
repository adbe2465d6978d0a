import { type Clock, PersonalTextGuard } from '@carebridge/service-kit';
import { ComplaintAccessLogResolver } from './access-log/access-log.resolver';
import { ComplaintAttachmentFileResolver, ComplaintAttachmentResolver, ConversationMessageAttachmentResolver } from './attachment/complaint-attachment.resolver';
import type { ComplaintDomain } from './complaint.domain';
import { ComplaintBulkActionResolver } from './bulk-action/complaint-bulk-action.resolver';
import { ComplaintFeedbackResolver, ComplaintResolver } from './complaint/complaint.resolver';
import { ComplaintCustomFieldResolver } from './custom-field/complaint-custom-field.resolver';
import { ComplaintViewResolver } from './saved-view/complaint-view.resolver';
import { ComplaintTagResolver } from './tag/complaint-tag.resolver';
import { CustomerComplaintsResolver } from './customer/customer-complaints.resolver';
import { DeadlinePolicyResolver } from './deadline/deadline-policy.resolver';
import { ComplaintHandlerResolver } from './handler/complaint-handler.resolver';
import { ComplaintNoteResolver } from './note/complaint-note.resolver';
import { ComplaintMergeResolver } from './merge/complaint-merge.resolver';
import { FeedbackTemplateResolver } from './feedback-template/feedback-template.resolver';
import { ApprovalQueueResolver } from './resolution/approval-queue.resolver';
import { ResolutionResolver } from './resolution/resolution.resolver';
import { SearchQueryResolver } from './search/search-results';
import { ComplaintSearchResolver } from './search/search.resolver';
import { ComplaintAccessReportSection } from './access-log/access-report';

/** The complaint service's GraphQL resolvers, calling its use cases. */
export function complaintResolvers(domain: ComplaintDomain, runtime: { clock: Clock }): object[] {
  return [
    new ComplaintResolver(domain, runtime.clock),
    new ComplaintFeedbackResolver(domain.accessLog),
    new ComplaintNoteResolver(domain.notes),
    new ComplaintTagResolver(domain.tagging),
    new ComplaintCustomFieldResolver(domain.customFields),
    new ComplaintViewResolver(domain.views, domain.queries),
    new ComplaintBulkActionResolver(domain.bulkActions),
    new ComplaintMergeResolver(domain.merging),
    new FeedbackTemplateResolver(domain.feedbackTemplates),
    new ComplaintAccessLogResolver(domain.accessLog),
    new PersonalTextGuard(domain.accessLog),
    new ComplaintAccessReportSection(domain.accessLog),
    new ComplaintAttachmentResolver(domain.attachments),
    new ConversationMessageAttachmentResolver(domain.attachments),
    new ComplaintAttachmentFileResolver(domain.attachments),
    new ResolutionResolver(domain),
    new ApprovalQueueResolver(domain.approvalQueue, (ids) => domain.queries.findManyById(ids)),
    new ComplaintHandlerResolver(domain.handlers),
    new DeadlinePolicyResolver(domain.policies),
    new CustomerComplaintsResolver(domain.queries),
    new SearchQueryResolver(),
    new ComplaintSearchResolver(domain.search),
  ];
}
