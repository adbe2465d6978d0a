import type { ScheduledJob } from '@carebridge/service-kit';
import type { DocumentRetention } from './document-retention';
import type { DocumentSettings } from './document.settings';

/** `document-retention`: deletes the files (and the personal data) of documents past their retention period. */
export function documentRetentionJob(retention: DocumentRetention, settings: { jobIntervalMs: number; documents: Pick<DocumentSettings, 'retentionBatchSize'> }): ScheduledJob {
  return {
    name: 'document-retention',
    everyMs: settings.jobIntervalMs,
    run: (now) => retention.deleteExpired(now, settings.documents.retentionBatchSize),
  };
}
