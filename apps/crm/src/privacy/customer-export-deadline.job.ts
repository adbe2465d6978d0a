import type { ScheduledJob } from '@carebridge/service-kit';
import type { ExportPartCollection } from './export-part-collection';

/** Marks exports INCOMPLETE whose parts did not all arrive by their deadline. */
export function customerExportDeadlineJob(collection: ExportPartCollection, settings: { jobIntervalMs: number }): ScheduledJob {
  return { name: 'customer-export-deadline', everyMs: settings.jobIntervalMs, run: (now) => collection.markOverdue(now) };
}
