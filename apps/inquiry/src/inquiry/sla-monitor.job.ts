import { type DeadlineMonitor, deadlineMonitorJob } from '@carebridge/business-calendar';
import type { ScheduledJob } from '@carebridge/service-kit';

/** Looks for inquiries past a response target; a late reply records its breach itself if this has not yet. */
export function slaMonitorJob(deadlines: DeadlineMonitor, settings: { slaMonitorIntervalMs: number }): ScheduledJob {
  return deadlineMonitorJob(deadlines, { name: 'sla-monitor', everyMs: settings.slaMonitorIntervalMs });
}
