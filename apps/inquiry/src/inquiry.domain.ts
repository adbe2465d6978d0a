import { inquiryCustomerExportPrepared } from '@carebridge/event-contracts';
import { CustomerRecords, KeyAccountTermsBook } from '@carebridge/known-customers';
import { PersonalDataAccessLog } from '@carebridge/personal-data-access';
import type { Outbox } from '@carebridge/messaging';
import type { Clock } from '@carebridge/service-kit';
import type { DataSource } from 'typeorm';
import { BulkActions } from '@carebridge/help-desk';
import { ContactDisclosure } from './access-log/contact-disclosure';
import { InquiryBulkActions } from './bulk-action/inquiry-bulk-actions';
import { InquiryCustomFields } from './custom-field/inquiry-custom-fields';
import { EscalationStatus } from './escalation-status/escalation-status';
import { inquiryViews } from './saved-view/inquiry-view.resolver';
import { AgentAvailability } from './assignment/agent-availability';
import { InquiryAssignment } from './assignment/inquiry-assignment';
import { inquiryCustomerRecords } from './customer/inquiry-customer-records';
import { CustomerTimeline } from './inquiry/customer-timeline';
import { InquirySearch } from './search/inquiry-search';
import { FirstResponse } from './inquiry/first-response';
import { InquiryClassification } from './inquiry/inquiry-classification';
import { InquiryClosing } from './inquiry/inquiry-closing';
import { InquiryEscalation } from './inquiry/inquiry-escalation';
import { InquiryHandling } from './inquiry/inquiry-handling';
import { InquiryIntake } from './inquiry/inquiry-intake';
import { InquiryMerging } from './inquiry/inquiry-merging';
import { InquiryQueries } from './inquiry/inquiry-queries';
import { SourceInquiry } from './inquiry/source-inquiry';
import { TelephonyCalls } from './inquiry/telephony-calls';
import { inquiryDeadlineMonitor } from './inquiry/response-deadlines';
import { ArticleCitations } from './knowledge-citation/article-citations';
import type { InquirySettings } from './inquiry.settings';
import { OrderChangeHandling } from './order-change/order-change-handling';
import { OrderChangeQueries } from './order-change/order-change-queries';
import { OrderChangeRequests } from './order-change/order-change-requests';
import { OrderChangesOnInquiry } from './order-change/order-changes-on-inquiry';
import { ResponsePolicies } from './response-policy/response-policies';
import { SavedReplies } from './saved-reply/saved-replies';
import { unannouncedCustomerPolicy } from './customer/unannounced-customer';

/** The inquiry service's use cases, wired once (by the subgraph, and by integration tests through openInquiry). */
export function inquiryDomain(runtime: { dataSource: DataSource; outbox: Outbox; clock: Clock }, settings: InquirySettings) {
  const { dataSource, outbox, clock } = runtime;
  const customers = new CustomerRecords({
    service: 'inquiry',
    prepared: inquiryCustomerExportPrepared,
    dataSource,
    outbox,
    clock,
    records: inquiryCustomerRecords,
    pendingReferences: unannouncedCustomerPolicy(settings.customerReferences),
  });
  const serviceTerms = new KeyAccountTermsBook();
  const accessLog = new PersonalDataAccessLog(dataSource, clock);
  const policies = new ResponsePolicies(dataSource, settings.responseTargets, settings.calendar, clock, serviceTerms);
  const savedReplies = new SavedReplies(dataSource, clock);
  const assignment = new InquiryAssignment(clock);
  const agents = new AgentAvailability(dataSource, assignment, settings.agentCapacity);
  const deadlines = inquiryDeadlineMonitor(runtime);
  const firstResponse = new FirstResponse(deadlines, outbox, clock, policies.ringSeconds);
  const orderChangesOnInquiry = new OrderChangesOnInquiry();
  const timeline = new CustomerTimeline(outbox);
  const closing = new InquiryClosing(dataSource, policies, assignment, outbox, timeline, clock);
  const intake = new InquiryIntake(dataSource, customers, policies, firstResponse, assignment, outbox, timeline, clock);
  const customFields = new InquiryCustomFields(dataSource, clock);
  const inquiries = new InquiryQueries(dataSource, clock, customFields.fields);
  const views = inquiryViews(dataSource, clock, inquiries);
  const domain = {
    customers,
    customFields,
    views,
    escalationStatus: new EscalationStatus(inquiries),
    serviceTerms,
    accessLog,
    contactDisclosure: new ContactDisclosure(accessLog),
    search: new InquirySearch(dataSource),
    policies,
    savedReplies,
    assignment,
    agents,
    deadlines,
    intake,
    telephony: new TelephonyCalls(dataSource, intake, policies, clock),
    classification: new InquiryClassification(dataSource, clock),
    handling: new InquiryHandling(dataSource, customers, savedReplies, orderChangesOnInquiry, firstResponse, deadlines, assignment, clock, outbox, policies, serviceTerms),
    merging: new InquiryMerging(dataSource, orderChangesOnInquiry, assignment, clock),
    closing,
    sourceInquiry: new SourceInquiry(closing),
    escalation: new InquiryEscalation(dataSource, customers, assignment, outbox, timeline, clock),
    inquiries,
    orderChangeRequests: new OrderChangeRequests(dataSource, outbox, timeline, clock),
    orderChangeHandling: new OrderChangeHandling(dataSource, outbox, timeline, clock),
    orderChanges: new OrderChangeQueries(dataSource),
    citations: new ArticleCitations(dataSource),
    // Built once: the CustomerDataExport type it declares must exist once in the schema.
    customerExportGraph: customers.exportGraph(),
  };
  return { ...domain, bulkActions: new InquiryBulkActions(new BulkActions(dataSource, clock), views, domain) };
}

export type InquiryDomain = ReturnType<typeof inquiryDomain>;
