import { complaintCustomerExportPrepared } from '@carebridge/event-contracts';
import { CustomerRecords, KeyAccountTermsBook } from '@carebridge/known-customers';
import type { Outbox } from '@carebridge/messaging';
import type { Clock } from '@carebridge/service-kit';
import type { DataSource } from 'typeorm';
import { SignedLinks } from '@carebridge/auth';
import { fileIntakeOf, fileStorageOf } from '@carebridge/file-storage';
import { BulkActions } from '@carebridge/help-desk';
import { ComplaintAttachments } from './attachment/complaint-attachments';
import { ComplaintBulkActions } from './bulk-action/complaint-bulk-actions';
import { ComplaintCustomFields } from './custom-field/complaint-custom-fields';
import { complaintViews } from './saved-view/complaint-view.resolver';
import { ComplaintTagging } from './tag/complaint-tagging';
import { ATTACHMENT_DOWNLOAD_LINKS, ATTACHMENT_UPLOAD_LINKS, type ComplaintSettings } from './complaint.settings';
import { ComplaintAssignment } from './complaint/complaint-assignment';
import { ComplaintClassification } from './complaint/complaint-classification';
import { ComplaintClosing } from './complaint/complaint-closing';
import { ComplaintDetails } from './complaint/complaint-details';
import { DeadlineClock } from './complaint/complaint-deadlines';
import { ComplaintQueries } from './complaint/complaint-queries';
import { ComplaintRegistration } from './complaint/complaint-registration';
import { ComplaintReopening } from './complaint/complaint-reopening';
import { ComplaintSteps } from './complaint/complaint-steps';
import { ComplaintWork } from './complaint/complaint-work';
import { CustomerTimeline } from './complaint/customer-timeline';
import { FeedbackToCustomer } from './complaint/feedback-to-customer';
import { complaintCustomerRecords } from './customer/complaint-customer-records';
import { unannouncedCustomerPolicy } from './customer/unannounced-customer';
import { complaintDeadlineMonitor } from './deadline/deadline-monitor';
import { DeadlinePolicies } from './deadline/deadline-policies';
import { ComplaintHandlerRoster } from './handler/complaint-handler-roster';
import { ComplaintHistory } from './history/complaint-history';
import { ComplaintNotes } from './note/complaint-notes';
import { ComplaintMerging } from './merge/complaint-merging';
import { FeedbackTemplates } from './feedback-template/feedback-templates';
import { PersonalDataAccessLog } from '@carebridge/personal-data-access';
import { CompensationApproval } from './resolution/compensation-approval';
import { CompensationApprovalQueue } from './resolution/compensation-approval-queue';
import { CompensationQueries } from './resolution/compensation-queries';
import { ComplaintResolution } from './resolution/complaint-resolution';
import { ResolutionPlanning } from './resolution/resolution-planning';
import { ComplaintSearch } from './search/complaint-search';

/** The complaint service's use cases, wired once (by the subgraph, and by integration tests). */
export function complaintDomain(runtime: { dataSource: DataSource; outbox: Outbox; clock: Clock }, settings: ComplaintSettings) {
  const { dataSource, outbox, clock } = runtime;
  const history = new ComplaintHistory(dataSource);
  const { attachmentLinks } = settings;
  const attachments = new ComplaintAttachments(dataSource, clock, history, fileStorageOf(settings.files, dataSource), fileIntakeOf(settings.files), {
    upload: new SignedLinks(ATTACHMENT_UPLOAD_LINKS, attachmentLinks.uploadSecret),
    download: new SignedLinks(ATTACHMENT_DOWNLOAD_LINKS, attachmentLinks.downloadSecret),
    minutes: attachmentLinks.minutes,
    baseUrl: attachmentLinks.baseUrl,
  });
  const customers = new CustomerRecords({
    service: 'complaint',
    prepared: complaintCustomerExportPrepared,
    dataSource,
    outbox,
    clock,
    records: complaintCustomerRecords(history, attachments),
    pendingReferences: unannouncedCustomerPolicy(history, settings.customerReferences),
  });
  const memberTerms = new KeyAccountTermsBook();
  const deadlines = new DeadlineClock(settings, memberTerms);
  const handlers = new ComplaintHandlerRoster(dataSource, clock);
  const steps = new ComplaintSteps(dataSource, clock, history);
  const customFields = new ComplaintCustomFields(dataSource, clock, steps);
  const queries = new ComplaintQueries(dataSource, clock, deadlines, customFields.fields);
  const views = complaintViews(dataSource, clock, queries);
  const timeline = new CustomerTimeline(outbox);
  const domain = {
    customers,
    customFields,
    views,
    tagging: new ComplaintTagging(steps),
    history,
    attachments,
    memberTerms,
    deadlines,
    handlers,
    registration: new ComplaintRegistration(dataSource, customers, outbox, clock, deadlines, history, timeline),
    classification: new ComplaintClassification(steps, deadlines),
    details: new ComplaintDetails(steps, clock),
    notes: new ComplaintNotes(dataSource, clock, history),
    merging: new ComplaintMerging(dataSource, clock, history, outbox),
    accessLog: new PersonalDataAccessLog(dataSource, clock),
    assignment: new ComplaintAssignment(steps, handlers, outbox, timeline),
    work: new ComplaintWork(steps, deadlines),
    feedback: new FeedbackToCustomer(steps, deadlines, history, outbox),
    closing: new ComplaintClosing(steps, outbox, timeline),
    reopening: new ComplaintReopening(steps, deadlines, outbox, timeline, settings.agentReopenDays),
    queries,
    feedbackTemplates: new FeedbackTemplates(dataSource, clock, (id) => queries.findById(id)),
    resolutionPlanning: new ResolutionPlanning(steps, settings.valuation, outbox, memberTerms),
    compensationApproval: new CompensationApproval(dataSource, steps),
    approvalQueue: new CompensationApprovalQueue(dataSource),
    resolution: new ComplaintResolution(steps, outbox, timeline),
    compensation: new CompensationQueries(dataSource),
    policies: new DeadlinePolicies(dataSource, clock, settings.feedbackTargetHours),
    search: new ComplaintSearch(dataSource),
    monitor: complaintDeadlineMonitor({ dataSource, outbox }, history, settings.atRiskPercent),
  };
  return { ...domain, bulkActions: new ComplaintBulkActions(new BulkActions(dataSource, clock), views, domain) };
}

export type ComplaintDomain = ReturnType<typeof complaintDomain>;
