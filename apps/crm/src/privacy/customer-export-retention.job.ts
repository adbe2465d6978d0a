import type { ScheduledJob } from '@carebridge/service-kit';
import type { ExportRetention } from './export-retention';

/** Deletes crm's part of exports past their retention. */
export function customerExportRetentionJob(retention: ExportRetention, settings: { jobIntervalMs: number }): ScheduledJob {
  return { name: 'customer-export-retention', everyMs: settings.jobIntervalMs, run: (now) => retention.expire(now) };
}
