import type { ScheduledJob } from '@carebridge/service-kit';
import { slaMonitorJob } from './inquiry/sla-monitor.job';
import type { InquiryDomain } from './inquiry.domain';
import type { InquirySettings } from './inquiry.settings';

/** The inquiry service's work on a schedule: the response-deadline monitor, and expiring export parts. */
export function inquiryJobs(domain: InquiryDomain, settings: InquirySettings): ScheduledJob[] {
  return [slaMonitorJob(domain.deadlines, settings), ...domain.customers.jobs()];
}
