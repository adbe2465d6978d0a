import { complaintRegistered, customerCreated, customerErased, customerMerged } from '@carebridge/event-contracts';
import { onEvent } from '@carebridge/messaging';
import { defineSubgraph } from '@carebridge/service-kit';
import { AssignmentResolver } from './assignment/assignment.resolver';
import { AssignmentService } from './assignment/assignment.service';
import { InquiryAgent } from './assignment/inquiry-agent.entity';
import { CustomerInquiriesResolver } from './customer/customer-inquiries.resolver';
import { CustomerDirectory } from './customer/customer-directory';
import { KnownCustomer } from './customer/known-customer.entity';
import { Inquiry, InquiryHistoryEntry, InquiryMessage } from './inquiry/inquiry.entity';
import { InquiryMessageResolver, InquiryResolver } from './inquiry/inquiry.resolver';
import { InquiryService } from './inquiry/inquiry.service';
import { inquirySettings } from './inquiry.settings';
import { CreateInquiry1764000000000 } from './migrations/1764000000000-CreateInquiry';
import { OrderChange } from './order-change/order-change.entity';
import { OrderChangeResolver } from './order-change/order-change.resolver';
import { OrderChangeService } from './order-change/order-change.service';
import { DeadlineMonitor } from './response-target/deadline-monitor';
import { ResponsePolicyOverride, SlaBreach } from './response-target/response-policy.entity';
import { ResponsePolicyResolver } from './response-target/response-policy.resolver';
import { ResponsePolicyService } from './response-target/response-policy.service';
import { SavedReply } from './saved-reply/saved-reply.entity';
import { SavedReplyResolver } from './saved-reply/saved-reply.resolver';
import { SavedReplyService } from './saved-reply/saved-reply.service';

/** inquiry: multi-channel inquiries, response deadlines, satisfaction, order changes, escalation (T-1.1–1.3, A-3.1). */
export const inquirySubgraph = defineSubgraph({
  name: 'inquiry',
  entities: [Inquiry, InquiryMessage, InquiryHistoryEntry, SlaBreach, ResponsePolicyOverride, InquiryAgent, SavedReply, OrderChange, KnownCustomer],
  migrations: [CreateInquiry1764000000000],
  build({ dataSource, outbox, clock, env }) {
    const settings = inquirySettings(env);
    const customers = new CustomerDirectory();
    const policies = new ResponsePolicyService(dataSource, settings, clock);
    const assignment = new AssignmentService(dataSource, clock, settings.INQUIRY_AGENT_CAPACITY);
    const savedReplies = new SavedReplyService(dataSource, clock);
    const deadlines = new DeadlineMonitor(dataSource, outbox);
    const inquiries = new InquiryService(dataSource, customers, policies, assignment, savedReplies, deadlines, outbox, clock);
    const orderChanges = new OrderChangeService(dataSource, inquiries, outbox, clock);
    return {
      resolvers: [
        new InquiryResolver(inquiries, orderChanges, clock),
        new InquiryMessageResolver(),
        new OrderChangeResolver(orderChanges, inquiries),
        new AssignmentResolver(assignment),
        new SavedReplyResolver(savedReplies),
        new ResponsePolicyResolver(policies),
        new CustomerInquiriesResolver(inquiries, orderChanges),
      ],
      references: { Inquiry: { __resolveReference: (reference: { id: string }) => inquiries.findById(reference.id) } },
      eventHandlers: [
        onEvent(customerCreated, (event, manager) => customers.recordCreated(event, manager)),
        onEvent(customerErased, (event, manager) => customers.recordErased(event, manager)),
        onEvent(customerMerged, (event, manager) => customers.recordMerged(event, manager)),
        onEvent(complaintRegistered, (event, manager) => inquiries.recordComplaintRegistered(event, manager)),
      ],
      jobs: [{ name: 'sla-monitor', everyMs: settings.INQUIRY_SLA_MONITOR_INTERVAL_MS, run: (now) => deadlines.run(now) }],
    };
  },
});
