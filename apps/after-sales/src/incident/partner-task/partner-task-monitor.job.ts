import { type DeadlineMonitor, deadlineMonitorJob } from '@carebridge/business-calendar';
import type { ScheduledJob } from '@carebridge/service-kit';

/** Looks for overdue partner tasks every `partnerTaskMonitorIntervalMs`; each is announced once however often it runs. */
export function partnerTaskMonitorJob(monitor: DeadlineMonitor, settings: { partnerTaskMonitorIntervalMs: number }): ScheduledJob {
  return deadlineMonitorJob(monitor, { name: 'partner-task-monitor', everyMs: settings.partnerTaskMonitorIntervalMs });
}
