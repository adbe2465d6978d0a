import { inquiryCustomerExportPrepared } from '@carebridge/event-contracts';
import { CustomerRecords } from '@carebridge/known-customers';
import type { Outbox } from '@carebridge/messaging';
import type { Clock } from '@carebridge/service-kit';
import type { DataSource } from 'typeorm';
import { AgentAvailability } from './assignment/agent-availability';
import { InquiryAssignment } from './assignment/inquiry-assignment';
import { inquiryCustomerRecords } from './customer/inquiry-customer-records';
import { CustomerTimeline } from './inquiry/customer-timeline';
import { FirstResponse } from './inquiry/first-response';
import { InquiryClosing } from './inquiry/inquiry-closing';
import { InquiryEscalation } from './inquiry/inquiry-escalation';
import { InquiryHandling } from './inquiry/inquiry-handling';
import { InquiryIntake } from './inquiry/inquiry-intake';
import { InquiryMerging } from './inquiry/inquiry-merging';
import { InquiryQueries } from './inquiry/inquiry-queries';
import { inquiryDeadlineMonitor } from './inquiry/response-deadlines';
import { ArticleCitations } from './knowledge-citation/article-citations';
import type { InquirySettings } from './inquiry.settings';
import { OrderChangeHandling } from './order-change/order-change-handling';
import { OrderChangeQueries } from './order-change/order-change-queries';
import { OrderChangeRequests } from './order-change/order-change-requests';
import { OrderChangesOnInquiry } from './order-change/order-changes-on-inquiry';
import { ResponsePolicies } from './response-policy/response-policies';
import { SavedReplies } from './saved-reply/saved-replies';

/** The inquiry service's use cases, wired once (by the subgraph, and by integration tests through openInquiry). */
export function inquiryDomain(runtime: { dataSource: DataSource; outbox: Outbox; clock: Clock }, settings: InquirySettings) {
  const { dataSource, outbox, clock } = runtime;
  const customers = new CustomerRecords({ service: 'inquiry', prepared: inquiryCustomerExportPrepared, dataSource, outbox, clock, records: inquiryCustomerRecords });
  const policies = new ResponsePolicies(dataSource, settings.responseTargets, settings.calendar, clock);
  const savedReplies = new SavedReplies(dataSource, clock);
  const assignment = new InquiryAssignment(clock);
  const agents = new AgentAvailability(dataSource, assignment, settings.agentCapacity);
  const deadlines = inquiryDeadlineMonitor(runtime);
  const firstResponse = new FirstResponse(deadlines, outbox, clock, policies.ringSeconds);
  const orderChangesOnInquiry = new OrderChangesOnInquiry();
  const timeline = new CustomerTimeline(outbox);
  return {
    customers,
    policies,
    savedReplies,
    assignment,
    agents,
    deadlines,
    intake: new InquiryIntake(dataSource, customers, policies, firstResponse, assignment, outbox, timeline, clock),
    handling: new InquiryHandling(dataSource, customers, savedReplies, orderChangesOnInquiry, firstResponse, deadlines, assignment, clock, outbox),
    merging: new InquiryMerging(dataSource, orderChangesOnInquiry, assignment, clock),
    closing: new InquiryClosing(dataSource, policies, assignment, outbox, timeline, clock),
    escalation: new InquiryEscalation(dataSource, customers, assignment, outbox, timeline, clock),
    inquiries: new InquiryQueries(dataSource, clock),
    orderChangeRequests: new OrderChangeRequests(dataSource, outbox, timeline, clock),
    orderChangeHandling: new OrderChangeHandling(dataSource, outbox, timeline, clock),
    orderChanges: new OrderChangeQueries(dataSource),
    citations: new ArticleCitations(dataSource),
    // Built once: the CustomerDataExport type it declares must exist once in the schema.
    customerExportGraph: customers.exportGraph(),
  };
}

export type InquiryDomain = ReturnType<typeof inquiryDomain>;
