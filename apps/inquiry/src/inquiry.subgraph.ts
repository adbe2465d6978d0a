import { KEY_ACCOUNT_TERMS_ENTITIES, KEY_ACCOUNT_TERMS_MIGRATIONS, KNOWN_CUSTOMER_ENTITIES, KNOWN_CUSTOMER_MIGRATIONS } from '@carebridge/known-customers';
import { PERSONAL_DATA_ACCESS_ENTITIES, PERSONAL_DATA_ACCESS_MIGRATIONS } from '@carebridge/personal-data-access';
import { HELP_DESK_ENTITIES, HELP_DESK_MIGRATIONS } from '@carebridge/help-desk';
import { defineSubgraph } from '@carebridge/service-kit';
import { InquiryAgent } from './agent/inquiry-agent.entity';
import { inquiryDomain } from './inquiry.domain';
import { inquiryEventHandlers } from './inquiry.event-handlers';
import { inquiryJobs } from './inquiry.jobs';
import { inquiryReferences } from './inquiry.references';
import { inquiryResolvers } from './inquiry.resolvers';
import { inquirySettings } from './inquiry.settings';
import { Inquiry, InquiryHistoryEntry, InquiryMessage } from './inquiry/inquiry.entity';
import { SlaBreach } from './inquiry/sla-breach.entity';
import { PublishedKnowledgeArticle } from './knowledge-citation/published-article.entity';
import { CreateInquiry1764000000000 } from './migrations/1764000000000-CreateInquiry';
import { KnowledgeCitations1765200000100 } from './migrations/1765200000100-KnowledgeCitations';
import { ComplaintProgressAndServiceTerms1766100000000 } from './migrations/1766100000000-ComplaintProgressAndServiceTerms';
import { InquiryDeskEssentials1766100000001 } from './migrations/1766100000001-InquiryDeskEssentials';
import { InquirySearch1766300000000 } from './migrations/1766300000000-InquirySearch';
import { InquiryCustomFields1766400000001 } from './migrations/1766400000001-InquiryCustomFields';
import { OrderChange } from './order-change/order-change.entity';
import { InquiryView } from './saved-view/inquiry-view.entity';
import { ResponsePolicyOverride } from './response-policy/response-policy.entity';
import { SavedReply } from './saved-reply/saved-reply.entity';
import { PersonalDataAccessReport } from './access-log/access-report';

/** inquiry: multi-channel inquiries, response deadlines, satisfaction, order changes, escalation (T-1.1–1.3, A-3.1). */
export const inquirySubgraph = defineSubgraph({
  name: 'inquiry',
  entities: [Inquiry, InquiryMessage, InquiryHistoryEntry, SlaBreach, ResponsePolicyOverride, InquiryAgent, SavedReply, OrderChange, PublishedKnowledgeArticle, ...KEY_ACCOUNT_TERMS_ENTITIES, ...KNOWN_CUSTOMER_ENTITIES, ...PERSONAL_DATA_ACCESS_ENTITIES, ...HELP_DESK_ENTITIES, InquiryView],
  migrations: [CreateInquiry1764000000000, ...KNOWN_CUSTOMER_MIGRATIONS, ...KEY_ACCOUNT_TERMS_MIGRATIONS, KnowledgeCitations1765200000100, ComplaintProgressAndServiceTerms1766100000000, InquiryDeskEssentials1766100000001, ...PERSONAL_DATA_ACCESS_MIGRATIONS, ...HELP_DESK_MIGRATIONS, InquiryCustomFields1766400000001, InquirySearch1766300000000],
  build(runtime) {
    const settings = inquirySettings(runtime.env);
    const domain = inquiryDomain(runtime, settings);
    return {
      resolvers: inquiryResolvers(domain, runtime),
      references: inquiryReferences(domain),
      orphanedTypes: [...domain.customerExportGraph.orphanedTypes, PersonalDataAccessReport],
      eventHandlers: inquiryEventHandlers(domain),
      jobs: inquiryJobs(domain, settings),
      // An inquiry from an address crm did not know seals its words under the inquiry's own key.
      sealedContactsOf: async (manager, customerId) =>
        ((await manager.query('SELECT id FROM inquiry WHERE customer_id = $1', [customerId])) as { id: string }[]).map((row) => `contact:${row.id}`),
    };
  },
});
