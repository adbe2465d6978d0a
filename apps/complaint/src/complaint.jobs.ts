import type { ScheduledJob } from '@carebridge/service-kit';
import type { ComplaintDomain } from './complaint.domain';
import type { ComplaintSettings } from './complaint.settings';
import { slaMonitorJob } from './deadline/sla-monitor.job';

/** The complaint service's work on a schedule. */
export function complaintJobs(domain: ComplaintDomain, settings: ComplaintSettings): ScheduledJob[] {
  return [slaMonitorJob(domain.monitor, settings), ...domain.customers.jobs()];
}
