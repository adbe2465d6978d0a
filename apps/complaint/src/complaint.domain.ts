import { complaintCustomerExportPrepared } from '@carebridge/event-contracts';
import { CustomerRecords } from '@carebridge/known-customers';
import type { Outbox } from '@carebridge/messaging';
import type { Clock } from '@carebridge/service-kit';
import type { DataSource } from 'typeorm';
import type { ComplaintSettings } from './complaint.settings';
import { ComplaintAssignment } from './complaint/complaint-assignment';
import { ComplaintClassification } from './complaint/complaint-classification';
import { ComplaintClosing } from './complaint/complaint-closing';
import { DeadlineClock } from './complaint/complaint-deadlines';
import { ComplaintQueries } from './complaint/complaint-queries';
import { ComplaintRegistration } from './complaint/complaint-registration';
import { ComplaintReopening } from './complaint/complaint-reopening';
import { ComplaintSteps } from './complaint/complaint-steps';
import { ComplaintWork } from './complaint/complaint-work';
import { CustomerTimeline } from './complaint/customer-timeline';
import { FeedbackToCustomer } from './complaint/feedback-to-customer';
import { complaintCustomerRecords } from './customer/complaint-customer-records';
import { complaintDeadlineMonitor } from './deadline/deadline-monitor';
import { DeadlinePolicies } from './deadline/deadline-policies';
import { ComplaintHandlerRoster } from './handler/complaint-handler-roster';
import { ComplaintHistory } from './history/complaint-history';
import { CompensationApproval } from './resolution/compensation-approval';
import { CompensationQueries } from './resolution/compensation-queries';
import { ComplaintResolution } from './resolution/complaint-resolution';
import { ResolutionPlanning } from './resolution/resolution-planning';

/** The complaint service's use cases, wired once (by the subgraph, and by integration tests). */
export function complaintDomain(runtime: { dataSource: DataSource; outbox: Outbox; clock: Clock }, settings: ComplaintSettings) {
  const { dataSource, outbox, clock } = runtime;
  const history = new ComplaintHistory(dataSource);
  const customers = new CustomerRecords({
    service: 'complaint',
    prepared: complaintCustomerExportPrepared,
    dataSource,
    outbox,
    clock,
    records: complaintCustomerRecords(history),
  });
  const deadlines = new DeadlineClock(settings);
  const handlers = new ComplaintHandlerRoster(dataSource, clock);
  const steps = new ComplaintSteps(dataSource, clock, history);
  const timeline = new CustomerTimeline(outbox);
  return {
    customers,
    history,
    deadlines,
    handlers,
    registration: new ComplaintRegistration(dataSource, customers, outbox, clock, deadlines, history, timeline),
    classification: new ComplaintClassification(steps, deadlines),
    assignment: new ComplaintAssignment(steps, handlers, outbox, timeline),
    work: new ComplaintWork(steps, deadlines),
    feedback: new FeedbackToCustomer(steps, deadlines, history, outbox),
    closing: new ComplaintClosing(steps, outbox, timeline),
    reopening: new ComplaintReopening(steps, deadlines, outbox, timeline),
    queries: new ComplaintQueries(dataSource, clock, deadlines),
    resolutionPlanning: new ResolutionPlanning(steps, settings.valuation, outbox),
    compensationApproval: new CompensationApproval(dataSource, steps),
    resolution: new ComplaintResolution(steps, outbox, timeline),
    compensation: new CompensationQueries(dataSource),
    policies: new DeadlinePolicies(dataSource, clock, settings.feedbackTargetHours),
    monitor: complaintDeadlineMonitor({ dataSource, outbox }, history),
  };
}

export type ComplaintDomain = ReturnType<typeof complaintDomain>;
