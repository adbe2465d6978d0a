import type { ScheduledJob } from '@carebridge/service-kit';
import type { CrmSettings } from '../crm.settings';
import type { ExportPartCollection } from './export-part-collection';

/** Marks exports INCOMPLETE whose parts did not all arrive by their deadline. */
export function customerExportDeadlineJob(collection: ExportPartCollection, settings: Pick<CrmSettings, 'CRM_JOB_INTERVAL_MS'>): ScheduledJob {
  return { name: 'customer-export-deadline', everyMs: settings.CRM_JOB_INTERVAL_MS, run: (now) => collection.markOverdue(now) };
}
