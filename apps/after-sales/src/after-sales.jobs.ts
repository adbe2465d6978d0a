import type { ScheduledJob } from '@carebridge/service-kit';
import type { AfterSalesDomain } from './after-sales.domain';
import type { AfterSalesSettings } from './after-sales.settings';
import { careContactsJob } from './care/care-contacts.job';
import { documentRetentionJob } from './document/document-retention.job';
import { followUpSurveysJob } from './follow-up/follow-up-surveys.job';
import { partnerTaskMonitorJob } from './incident/partner-task/partner-task-monitor.job';
import { tripCompletionJob } from './trip/trip-completion.job';

/** Scheduled work of after-sales; one instance at a time runs each job, so each must be idempotent. */
export function afterSalesJobs(domain: AfterSalesDomain, settings: AfterSalesSettings): ScheduledJob[] {
  return [
    tripCompletionJob(domain.tripCompletion, settings),
    followUpSurveysJob(domain.followUpScheduling, settings),
    careContactsJob(domain.careContacts, settings),
    documentRetentionJob(domain.documentRetention, settings),
    partnerTaskMonitorJob(domain.incidents.taskMonitor, settings.incidents),
    // customer-export-retention: export parts go when their export expires.
    ...domain.customers.jobs(),
  ];
}
