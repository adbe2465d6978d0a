import { CreateCustomerExportPart1764300000000, CustomerExportContribution, CustomerExportPart } from '@carebridge/customer-export';
import { complaintRegistered, inquiryCustomerExportPrepared } from '@carebridge/event-contracts';
import { type EventHandler, type Outbox, onEvent } from '@carebridge/messaging';
import { type Clock, defineSubgraph } from '@carebridge/service-kit';
import type { DataSource } from 'typeorm';
import { KnownCustomer, KnownCustomers } from '@carebridge/known-customers';
import { AssignmentResolver } from './assignment/assignment.resolver';
import { AssignmentService } from './assignment/assignment.service';
import { InquiryAgent } from './assignment/inquiry-agent.entity';
import { collectInquiryRecords } from './customer/customer-export';
import { CustomerInquiriesResolver } from './customer/customer-inquiries.resolver';
import { Inquiry, InquiryHistoryEntry, InquiryMessage } from './inquiry/inquiry.entity';
import { InquiryMessageResolver, InquiryResolver } from './inquiry/inquiry.resolver';
import { InquiryService } from './inquiry/inquiry.service';
import { type InquirySettings, inquirySettings } from './inquiry.settings';
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

/** The inquiry service's domain services, wired once (by the subgraph, and by integration tests). */
export function inquiryDomain(runtime: { dataSource: DataSource; outbox: Outbox; clock: Clock }, settings: InquirySettings) {
  const { dataSource, outbox, clock } = runtime;
  const customers = new KnownCustomers();
  const policies = new ResponsePolicyService(dataSource, settings, clock);
  const assignment = new AssignmentService(dataSource, clock, settings.INQUIRY_AGENT_CAPACITY);
  const savedReplies = new SavedReplyService(dataSource, clock);
  const deadlines = new DeadlineMonitor(dataSource, outbox);
  const inquiries = new InquiryService(dataSource, customers, policies, assignment, savedReplies, deadlines, outbox, clock);
  const orderChanges = new OrderChangeService(dataSource, inquiries, outbox, clock);
  const customerExport = new CustomerExportContribution({
    service: 'inquiry',
    prepared: inquiryCustomerExportPrepared,
    dataSource,
    outbox,
    clock,
    customers,
    collect: collectInquiryRecords,
  });
  return { customers, policies, assignment, savedReplies, deadlines, inquiries, orderChanges, customerExport };
}

export type InquiryDomain = ReturnType<typeof inquiryDomain>;

/** What the inquiry service does with other services' events. */
export function inquiryEventHandlers({ customers, inquiries, customerExport }: InquiryDomain): EventHandler<any>[] {
  return [
    ...customers.eventHandlers({
      merged: (data, manager) => inquiries.repointCustomer(data.mergedId, data.survivorId, new Date(data.mergedAt), manager),
      erased: (data, manager) => inquiries.anonymiseCustomer(data.customerId, new Date(data.erasedAt), manager),
    }),
    onEvent(complaintRegistered, (event, manager) => inquiries.recordComplaintRegistered(event, manager)),
    ...customerExport.eventHandlers(),
  ];
}

/** inquiry: multi-channel inquiries, response deadlines, satisfaction, order changes, escalation (T-1.1–1.3, A-3.1). */
export const inquirySubgraph = defineSubgraph({
  name: 'inquiry',
  entities: [Inquiry, InquiryMessage, InquiryHistoryEntry, SlaBreach, ResponsePolicyOverride, InquiryAgent, SavedReply, OrderChange, KnownCustomer, CustomerExportPart],
  migrations: [CreateInquiry1764000000000, CreateCustomerExportPart1764300000000],
  build(runtime) {
    const settings = inquirySettings(runtime.env);
    const domain = inquiryDomain(runtime, settings);
    const { inquiries, orderChanges, assignment, savedReplies, policies, deadlines, customerExport } = domain;
    const exportPart = customerExport.graph();
    return {
      resolvers: [
        new InquiryResolver(inquiries, orderChanges, runtime.clock),
        new InquiryMessageResolver(),
        new OrderChangeResolver(orderChanges, inquiries),
        new AssignmentResolver(assignment),
        new SavedReplyResolver(savedReplies),
        new ResponsePolicyResolver(policies),
        new CustomerInquiriesResolver(inquiries, orderChanges),
      ],
      references: { Inquiry: { __resolveReference: (reference: { id: string }) => inquiries.findById(reference.id) }, ...exportPart.references },
      orphanedTypes: exportPart.orphanedTypes,
      eventHandlers: inquiryEventHandlers(domain),
      jobs: [{ name: 'sla-monitor', everyMs: settings.INQUIRY_SLA_MONITOR_INTERVAL_MS, run: (now) => deadlines.run(now) }, customerExport.retentionJob()],
    };
  },
});
