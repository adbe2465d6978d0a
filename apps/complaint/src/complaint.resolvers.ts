import type { Clock } from '@carebridge/service-kit';
import { ComplaintAccessLogResolver } from './access-log/access-log.resolver';
import { ComplaintAttachmentFileResolver, ComplaintAttachmentResolver, ConversationMessageAttachmentResolver } from './attachment/complaint-attachment.resolver';
import type { ComplaintDomain } from './complaint.domain';
import { ComplaintFeedbackResolver, ComplaintResolver } from './complaint/complaint.resolver';
import { CustomerComplaintsResolver } from './customer/customer-complaints.resolver';
import { DeadlinePolicyResolver } from './deadline/deadline-policy.resolver';
import { ComplaintHandlerResolver } from './handler/complaint-handler.resolver';
import { ComplaintNoteResolver } from './note/complaint-note.resolver';
import { ComplaintMergeResolver } from './merge/complaint-merge.resolver';
import { FeedbackTemplateResolver } from './feedback-template/feedback-template.resolver';
import { ApprovalQueueResolver } from './resolution/approval-queue.resolver';
import { ResolutionResolver } from './resolution/resolution.resolver';

/** The complaint service's GraphQL resolvers, calling its use cases. */
export function complaintResolvers(domain: ComplaintDomain, runtime: { clock: Clock }): object[] {
  return [
    new ComplaintResolver(domain, runtime.clock),
    new ComplaintFeedbackResolver(domain.accessLog),
    new ComplaintNoteResolver(domain.notes),
    new ComplaintMergeResolver(domain.merging),
    new FeedbackTemplateResolver(domain.feedbackTemplates),
    new ComplaintAccessLogResolver(domain.accessLog),
    new ComplaintAttachmentResolver(domain.attachments),
    new ConversationMessageAttachmentResolver(domain.attachments),
    new ComplaintAttachmentFileResolver(domain.attachments),
    new ResolutionResolver(domain),
    new ApprovalQueueResolver(domain.approvalQueue, (ids) => domain.queries.findManyById(ids)),
    new ComplaintHandlerResolver(domain.handlers),
    new DeadlinePolicyResolver(domain.policies),
    new CustomerComplaintsResolver(domain.queries),
  ];
}
