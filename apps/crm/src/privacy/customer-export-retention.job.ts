import type { ScheduledJob } from '@carebridge/service-kit';
import type { CrmSettings } from '../crm.settings';
import type { ExportRetention } from './export-retention';

/** Deletes crm's part of exports past their retention. */
export function customerExportRetentionJob(retention: ExportRetention, settings: Pick<CrmSettings, 'CRM_JOB_INTERVAL_MS'>): ScheduledJob {
  return { name: 'customer-export-retention', everyMs: settings.CRM_JOB_INTERVAL_MS, run: (now) => retention.expire(now) };
}
