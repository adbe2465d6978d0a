import { KEY_ACCOUNT_TERMS_ENTITIES, KEY_ACCOUNT_TERMS_MIGRATIONS, KNOWN_CUSTOMER_ENTITIES, KNOWN_CUSTOMER_MIGRATIONS } from '@carebridge/known-customers';
import { HELP_DESK_ENTITIES, HELP_DESK_MIGRATIONS } from '@carebridge/help-desk';
import { defineSubgraph } from '@carebridge/service-kit';
import { complaintDomain } from './complaint.domain';
import { complaintEventHandlers } from './complaint.event-handlers';
import { complaintJobs } from './complaint.jobs';
import { complaintReferences } from './complaint.references';
import { complaintResolvers } from './complaint.resolvers';
import { complaintSettings } from './complaint.settings';
import { ComplaintClosure } from './complaint/complaint-closure.entity';
import { ComplaintFeedback } from './complaint/complaint-feedback.entity';
import { Complaint, ComplaintNumberCounter } from './complaint/complaint.entity';
import { ConversationMessage } from './complaint/conversation-message.entity';
import { DeadlinePolicy } from './deadline/deadline-policy.entity';
import { ComplaintHandler } from './handler/complaint-handler.entity';
import { ComplaintHistoryEntry } from './history/complaint-history.entity';
import { CreateComplaint1763800000000 } from './migrations/1763800000000-CreateComplaint';
import { ComplaintProcedure1763900000000 } from './migrations/1763900000000-ComplaintProcedure';
import { ComplaintDeadlineBreach1764300000100 } from './migrations/1764300000100-ComplaintDeadlineBreach';
import { ComplaintFileOpenToAdditions1765400000000 } from './migrations/1765400000000-ComplaintFileOpenToAdditions';
import { ComplaintSearch1766300000000 } from './migrations/1766300000000-ComplaintSearch';
import { ComplaintTagsAndCustomFields1766400000001 } from './migrations/1766400000001-ComplaintTagsAndCustomFields';
import { ComplaintNote } from './note/complaint-note.entity';
import { ComplaintView } from './saved-view/complaint-view.entity';
import { CompensationItem } from './resolution/compensation-item.entity';
import { PERSONAL_DATA_ACCESS_ENTITIES, PERSONAL_DATA_ACCESS_MIGRATIONS } from '@carebridge/personal-data-access';
import { FILE_STORAGE_MIGRATIONS } from '@carebridge/file-storage';
import { complaintAttachmentRoute } from './attachment/complaint-attachment.route';
import { ComplaintAttachment } from './attachment/complaint-attachment.entity';
import { FeedbackTemplate } from './feedback-template/feedback-template.entity';
import { PersonalDataAccessReport } from './access-log/access-report';

/** complaint: the complaint procedure (A-3.2, T-3, T-1.5). */
export const complaintSubgraph = defineSubgraph({
  name: 'complaint',
  entities: [
    ...KNOWN_CUSTOMER_ENTITIES,
    ...PERSONAL_DATA_ACCESS_ENTITIES,
    Complaint,
    ComplaintNumberCounter,
    ComplaintHistoryEntry,
    ComplaintFeedback,
    ComplaintClosure,
    ConversationMessage,
    CompensationItem,
    ComplaintHandler,
    DeadlinePolicy,
    ComplaintNote,
    ComplaintAttachment,
    FeedbackTemplate,
    ...KEY_ACCOUNT_TERMS_ENTITIES,
    ...HELP_DESK_ENTITIES,
    ComplaintView,
  ],
  migrations: [
    CreateComplaint1763800000000,
    ComplaintProcedure1763900000000,
    ...KNOWN_CUSTOMER_MIGRATIONS,
    ...KEY_ACCOUNT_TERMS_MIGRATIONS,
    ComplaintDeadlineBreach1764300000100,
    ...PERSONAL_DATA_ACCESS_MIGRATIONS,
    ComplaintFileOpenToAdditions1765400000000,
    ...FILE_STORAGE_MIGRATIONS,
    ...HELP_DESK_MIGRATIONS,
    ComplaintTagsAndCustomFields1766400000001,
    ComplaintSearch1766300000000,
  ],
  build({ dataSource, outbox, clock, env }) {
    const settings = complaintSettings(env);
    const domain = complaintDomain({ dataSource, outbox, clock }, settings);
    return {
      resolvers: complaintResolvers(domain, { clock }),
      references: complaintReferences(domain),
      orphanedTypes: [...domain.customers.exportGraph().orphanedTypes, PersonalDataAccessReport],
      eventHandlers: complaintEventHandlers(domain),
      jobs: complaintJobs(domain, settings),
      httpRoutes: [complaintAttachmentRoute(domain.attachments)],
    };
  },
});
