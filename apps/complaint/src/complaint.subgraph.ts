import { CreateCustomerExportPart1764300000000, CustomerExportContribution, CustomerExportPart } from '@carebridge/customer-export';
import { complaintCustomerExportPrepared, inquiryEscalated } from '@carebridge/event-contracts';
import { type EventHandler, type Outbox, onEvent } from '@carebridge/messaging';
import { type Clock, defineSubgraph } from '@carebridge/service-kit';
import { KnownCustomer, KnownCustomers } from '@carebridge/known-customers';
import type { DataSource } from 'typeorm';
import { type ComplaintSettings, complaintSettings } from './complaint.settings';
import { ComplaintClosure } from './complaint/complaint-closure.entity';
import { ComplaintFeedback } from './complaint/complaint-feedback.entity';
import { Complaint, ComplaintNumberCounter } from './complaint/complaint.entity';
import { ComplaintFeedbackResolver, ComplaintResolver } from './complaint/complaint.resolver';
import { ComplaintService } from './complaint/complaint.service';
import { ConversationMessage } from './complaint/conversation-message.entity';
import { CustomerComplaintsResolver } from './customer/customer-complaints.resolver';
import { collectComplaintRecords } from './customer/customer-export';
import { DeadlineClock } from './deadline/complaint-deadlines';
import { DeadlineMonitor } from './deadline/deadline-monitor';
import { DeadlinePolicy } from './deadline/deadline-policy.entity';
import { DeadlinePolicyResolver } from './deadline/deadline-policy.resolver';
import { DeadlinePolicyService } from './deadline/deadline-policy.service';
import { ComplaintHandler } from './handler/complaint-handler.entity';
import { ComplaintHandlerResolver } from './handler/complaint-handler.resolver';
import { ComplaintHandlerService } from './handler/complaint-handler.service';
import { ComplaintHistory } from './history/complaint-history';
import { ComplaintHistoryEntry } from './history/complaint-history.entity';
import { CreateComplaint1763800000000 } from './migrations/1763800000000-CreateComplaint';
import { ComplaintProcedure1763900000000 } from './migrations/1763900000000-ComplaintProcedure';
import { CompensationItem } from './resolution/compensation-item.entity';
import { ResolutionResolver } from './resolution/resolution.resolver';
import { ResolutionService } from './resolution/resolution.service';

/** The complaint service's domain services, wired once (by the subgraph, and by integration tests). */
export function complaintDomain(runtime: { dataSource: DataSource; outbox: Outbox; clock: Clock }, settings: ComplaintSettings) {
  const { dataSource, outbox, clock } = runtime;
  const customers = new KnownCustomers();
  const history = new ComplaintHistory(dataSource);
  const deadlines = new DeadlineClock(settings);
  const handlers = new ComplaintHandlerService(dataSource, clock);
  const complaints = new ComplaintService(dataSource, customers, outbox, clock, deadlines, history, handlers);
  const resolution = new ResolutionService(dataSource, complaints, history, outbox, clock, settings.valuation);
  const policies = new DeadlinePolicyService(dataSource, clock, settings.feedbackTargetHours);
  const monitor = new DeadlineMonitor(dataSource, outbox, history);
  const customerExport = new CustomerExportContribution({
    service: 'complaint',
    prepared: complaintCustomerExportPrepared,
    dataSource,
    outbox,
    clock,
    customers,
    collect: collectComplaintRecords,
  });
  return { customers, history, deadlines, handlers, complaints, resolution, policies, monitor, customerExport };
}

export type ComplaintDomain = ReturnType<typeof complaintDomain>;

/** What the complaint service does with other services' events. */
export function complaintEventHandlers({ customers, complaints, customerExport }: ComplaintDomain): EventHandler<any>[] {
  return [
    ...customers.eventHandlers({
      merged: (data, manager) => complaints.repointCustomer(data.mergedId, data.survivorId, new Date(data.mergedAt), manager),
      erased: (data, manager) => complaints.anonymiseCustomer(data.customerId, new Date(data.erasedAt), manager),
    }),
    onEvent(inquiryEscalated, async (event, manager) => {
      await complaints.registerFromInquiry(event.data, manager);
    }),
    ...customerExport.eventHandlers(),
  ];
}

/** complaint: the complaint procedure (A-3.2, T-3, T-1.5). */
export const complaintSubgraph = defineSubgraph({
  name: 'complaint',
  entities: [
    Complaint,
    ComplaintNumberCounter,
    KnownCustomer,
    ComplaintHistoryEntry,
    ComplaintFeedback,
    ComplaintClosure,
    ConversationMessage,
    CompensationItem,
    ComplaintHandler,
    DeadlinePolicy,
    CustomerExportPart,
  ],
  migrations: [CreateComplaint1763800000000, ComplaintProcedure1763900000000, CreateCustomerExportPart1764300000000],
  build({ dataSource, outbox, clock, env }) {
    const settings = complaintSettings(env);
    const domain = complaintDomain({ dataSource, outbox, clock }, settings);
    const { complaints } = domain;
    const exportPart = domain.customerExport.graph();
    return {
      resolvers: [
        new ComplaintResolver(complaints, domain.history, domain.deadlines, clock),
        new ComplaintFeedbackResolver(),
        new ResolutionResolver(domain.resolution),
        new ComplaintHandlerResolver(domain.handlers),
        new DeadlinePolicyResolver(domain.policies),
        new CustomerComplaintsResolver(complaints),
      ],
      references: {
        Complaint: { __resolveReference: (reference: { id: string }) => complaints.findById(reference.id) },
        ...exportPart.references,
      },
      orphanedTypes: exportPart.orphanedTypes,
      eventHandlers: complaintEventHandlers(domain),
      jobs: [{ name: 'sla-monitor', everyMs: settings.slaMonitorIntervalMs, run: (now) => domain.monitor.run(now) }, domain.customerExport.retentionJob()],
    };
  },
});
