import { type DeadlineMonitor, deadlineMonitorJob } from '@carebridge/business-calendar';
import type { ScheduledJob } from '@carebridge/service-kit';

/** Looks for missed deadlines every `slaMonitorIntervalMs`; each breach is reported once however often it runs. */
export function slaMonitorJob(monitor: DeadlineMonitor, settings: { slaMonitorIntervalMs: number }): ScheduledJob {
  return deadlineMonitorJob(monitor, { name: 'sla-monitor', everyMs: settings.slaMonitorIntervalMs });
}
